"""The number extractor through the public API: the positive and negative corpora
(tests/corpus/numbers*.toml), the seed article, and properties that must hold for any input."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numclaims
from numclaims.models import Mention

CORPUS = Path(__file__).parent / "corpus"
SEED = Path(__file__).parent.parent / "seeds" / "000_b25511bfe7d2328e.txt"
NUMERIC = {"number", "ordinal", "percent", "quantity", "money"}


def _load(name: str) -> list[dict[str, Any]]:
    with open(CORPUS / name, "rb") as f:
        return list(tomllib.load(f)["case"])


def _positive() -> list[Any]:
    out = []
    for case in _load("numbers.toml"):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        for text in case["texts"]:
            out.append(pytest.param(case, text, id=f"{case['kind']}:{text}", marks=marks))
    return out


def _close(got: float | None, want: Any) -> bool:
    if want == "none":
        return got is None
    return got is not None and got == pytest.approx(float(want), rel=1e-6, abs=1e-9)


@pytest.mark.parametrize(("case", "text"), _positive())
def test_positive_corpus(case: dict[str, Any], text: str) -> None:
    mentions = numclaims.extract(text)
    assert len(mentions) == 1, [(m.kind, m.text) for m in mentions]
    m = mentions[0]
    assert (m.start, m.end, m.text) == (0, len(text), text)
    assert m.kind == case["kind"]
    assert _close(m.value, case["value"]), m.value
    for key in ("low", "high", "si_value"):
        if key in case:
            assert _close(getattr(m, key), case[key]), (key, getattr(m, key))
    for key in ("unit", "si_unit"):
        if key in case:
            assert getattr(m, key) == case[key]
    if "hedge" in case:
        assert m.hedge == (None if case["hedge"] == "none" else case["hedge"])


def _negative() -> list[Any]:
    out = []
    for case in _load("numbers_negative.toml"):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        out.append(pytest.param(case, id=case["forbid"], marks=marks))
    return out


@pytest.mark.parametrize("case", _negative())
def test_negative_corpus(case: dict[str, Any]) -> None:
    text, forbid = case["text"], case["forbid"]
    start = text.index(forbid)
    end = start + len(forbid)
    kinds = set(case.get("kinds", NUMERIC))
    hits = [(m.kind, m.text) for m in numclaims.extract(text)
            if m.kind in kinds and m.start < end and m.end > start]
    assert hits == [], case["why"]


def test_corpus_files_have_cases() -> None:
    assert len(_load("numbers.toml")) >= 40
    assert len(_load("numbers_negative.toml")) >= 20


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Mention]]:
    text = SEED.read_text(encoding="utf-8")
    return text, numclaims.extract(text)


def _find(seed: tuple[str, list[Mention]], surface: str) -> Mention:
    text, mentions = seed
    start = text.index(surface)
    found = [m for m in mentions if m.start <= start and m.end >= start + len(surface)]
    assert len(found) == 1, (surface, found)
    return found[0]


def test_seed_figures(seed: tuple[str, list[Mention]]) -> None:
    calibre = _find(seed, "155mm")
    assert (calibre.kind, calibre.value, calibre.unit) == ("quantity", 155.0, "millimeter")
    area = _find(seed, "around 250 square miles")
    assert area.hedge == "approx" and area.unit == "square_mile"
    assert area.si_value == pytest.approx(6.475e8, rel=1e-3)
    assert area.si_unit in ("meter ** 2", "meter**2")
    troops = _find(seed, "as many as 12,000")
    assert troops.text.startswith("as many as") and troops.high == 12000 and troops.low is None
    army = _find(seed, "1.3 million")
    assert army.value == 1_300_000
    assert _find(seed, "92nd").kind == "ordinal"
    journey = _find(seed, "4,000 mile")
    assert (journey.value, journey.unit, journey.si_value) == (4000, "mile", 6437376.0)


def test_seed_has_no_negative_howitzer(seed: tuple[str, list[Mention]]) -> None:
    text, mentions = seed
    start = text.index("M-109")
    assert not any(m.start < start + 5 and m.end > start for m in mentions)
    assert not any(m.value == -109 for m in mentions)


def test_sign_after_a_number_before_a_full_stop() -> None:
    text = "Banknotes come as 5 €, 200 € and 500 €."
    money = [(m.text, m.value, m.unit) for m in numclaims.extract(text) if m.kind == "money"]
    assert money == [("5 €", 5.0, "EUR"), ("200 €", 200.0, "EUR"), ("500 €", 500.0, "EUR")]


def test_a_sign_before_a_number_stays_with_it() -> None:
    text = "Fees: $ 20 $ 30."
    money = [(m.text, m.value) for m in numclaims.extract(text) if m.kind == "money"]
    assert money == [("$ 20", 20.0), ("$ 30", 30.0)]


NASTY = st.lists(
    st.one_of(
        st.text(max_size=3),
        st.sampled_from(list("0123456789,.-–%$£€¥½ \u200b\u200f\u202e\ufeff")),
        st.sampled_from(["million", "about ", "between ", " and ", " to ", "km", "two", "-",
                         "first", "second", "a dozen", "US$", "per cent", "\ud800",
                         "one", " over ", " in ", " out of ", "percent of ", "nought", "b",
                         " plus ", "thirtieth", "half", "more than ", " point ",
                         "m", " tonnes", "-strong", "+", "\n1. ", " MAX ", "iPhone ",
                         " Downing Street", "-Eleven", "-sum", " rose ", " leads ", " VAT",
                         "K", " (", ", or ", " population ", "l/", " One "]),
    ),
    max_size=60,
).map(lambda xs: "".join(xs))


@settings(max_examples=300, deadline=None)
@given(NASTY)
def test_any_text_is_safe_and_spans_exact(text: str) -> None:
    mentions = numclaims.extract(text)
    last = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last  # sorted, non-overlapping
        last = m.end


def test_huge_and_odd_inputs() -> None:
    for text in ["", " ", "\ud800\udfff" * 10, "1" * 100_000, "1," * 20_000, "½" * 5000,
                 "about " * 5000 + "5", "between 1 and " * 2000, "\u202e12,000 \u200bkm"]:
        numclaims.extract(text)


def test_a_pound_of_is_a_weight_and_the_article_counts_one() -> None:
    text = "Add a pound of flour and a gross of nails."
    got = [(m.kind, m.text, m.value, m.unit) for m in numclaims.extract(text)]
    assert got == [("quantity", "a pound", 1.0, "pound"), ("number", "a gross", 144.0, None)]


def test_a_compound_ordinal_is_a_fraction_only_before_of() -> None:
    got = [(m.kind, m.text) for m in numclaims.extract("He took a twenty-first of the vote.")]
    assert got == [("number", "a twenty-first")]
    got = [(m.kind, m.text) for m in numclaims.extract("He took a twenty-first.")]
    assert got == [("ordinal", "twenty-first")]


@pytest.mark.parametrize("text", [
    "The model gave 1e999 as its answer.", "It weighs 1.8e308 km.", "It is 1e308 trillion.",
    "between 1e308 and 1e309 stars", "It cost $1e999.", "It happened 1e999 years ago.",
    "It lasted 1.8e308 days.",
    pytest.param("A total of " + "1" + ",000" * 200 + " grains of sand.", id="1,000,000,..."),
])
def test_an_overflowing_figure_is_dropped_not_infinite(text: str) -> None:
    import json
    import math

    for m in numclaims.extract(text, published="2024-11-05"):
        for x in (m.value, m.low, m.high, m.si_value):
            assert x is None or math.isfinite(x), (m.text, x)
    report = numclaims.check(text, published="2024-11-05")  # no check may choke on inf either

    def no_constant(c: str) -> None:
        raise AssertionError(f"{c} in JSON")

    json.loads(report.to_json(), parse_constant=no_constant)


def _readings(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(m.text, m.value, m.hedge) for m in numclaims.extract(text)]


@pytest.mark.parametrize(("text", "want"), [
    # a count and an age hedge, not 1/18
    ("There were two under 18 and one over 18.",
     [("two", 2.0, None), ("under 18", 18.0, "less_than"), ("one", 1.0, None),
      ("over 18", 18.0, "more_than")]),
    # preferring one thing to three others
    ("She chose one over three.", [("one", 1.0, None), ("over three", 3.0, "more_than")]),
    # a noun after the second count: two counts
    ("He sold one over 18 tickets.", [("one", 1.0, None), ("over 18", 18.0, "more_than")]),
    ("One in five adults smoke.", [("One", 1.0, None), ("five", 5.0, None)]),
    # a numerator other than one: ten people aged over 65
    ("About 10 over 65.", [("About 10", 10.0, "approx"), ("over 65", 65.0, "more_than")]),
    ("Of those asked, just one over 65.", [("one", 1.0, None), ("over 65", 65.0, "more_than")]),
    ("It was one over par.", [("one", 1.0, None)]),
    # an ordinal before a noun: no 1/105
    ("The club held its one one hundred fifth anniversary.",
     [("one hundred", 100.0, None), ("fifth", 5.0, None)]),
])
def test_counts_that_are_no_share(text: str, want: list[tuple[str, float, str | None]]) -> None:
    assert _readings(text) == want


def test_a_year_is_no_denominator() -> None:
    got = [(m.text, m.kind) for m in numclaims.extract("The plant opened one in 2023.")]
    assert got == [("one", "number"), ("2023", "date")]


def test_plus_before_a_figure_adds() -> None:
    got = _readings("nought point nought three plus zero point zero eight")
    assert got == [("nought point nought three", 0.03, None), ("zero point zero eight", 0.08, None)]
    assert _readings("50 plus 20 equals 70") == [("50", 50.0, None), ("20", 20.0, None),
                                                 ("70", 70.0, None)]
    assert _readings("Everyone 50 plus.") == [("50 plus", 50.0, "at_least")]


@pytest.mark.parametrize("text", [
    "One in five, or 20%, of the 1,000 staff left.",
    "One in five (20%) of the 1,000 staff left.",
    "Of the 1,000 staff, one in five, or 20%, left.",
    "Some 20% of the 1,000 staff, or one in five, left.",
    "A total of 12 were hurt: 11 adults and one in five.",
])
def test_a_share_is_no_part_of_a_percentage(text: str) -> None:
    """A share ("one in five" = 0.2) is a ratio: never the part or whole of a percentage, nor a
    term of a sum, so a restated share raises nothing."""
    report = numclaims.check("date 2024-05-01\n\n" + text)
    assert [f.message for f in report.findings] == []


@pytest.mark.parametrize(("text", "want"), [
    # the change, then the level it reached: two sums, not a range with midpoint $37.85
    ("Brent crude rose $1.20 to $74.50 a barrel.", [("$1.20", 1.2, None), ("$74.50", 74.5, None)]),
    ("Inflation rose 0.3% to 2.6%.", [("0.3%", 0.3, None), ("2.6%", 2.6, None)]),
    # a word range written high to low is a lead or a vote, not a score to drop
    ("Harris leads 48% to 46% among likely voters.", [("48%", 48.0, None), ("46%", 46.0, None)]),
    ("The measure passed 218 to 214.", [("218", 218.0, None), ("214", 214.0, None)]),
    # a first figure without its own unit stays a range, after a verb of change too
    ("Prices rose 5 to 10 percent.", [("5 to 10 percent", 7.5, None)]),
    # a verb whose object is the figure: a range of that object
    ("The firm plans to cut 10% to 20% of jobs.", [("10% to 20%", 15.0, None)]),
    # a currency only on the second side: the first figure is no sum
    ("Tickets cost 5 to $10.", [("5", 5.0, None), ("$10", 10.0, None)]),
])
def test_word_ranges_that_are_two_figures(text: str,
                                          want: list[tuple[str, float, str | None]]) -> None:
    assert _readings(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Population: 8.3m, according to the census.", [("8.3m", 8_300_000.0, None)]),
    ("The city has a population of 2.1m.", [("2.1m", 2_100_000.0, None)]),
    ("The final drew 8.3m viewers.", [("8.3m", 8_300_000.0, None)]),
])
def test_a_glued_m_next_to_a_count_word_is_millions(text: str,
                                                    want: list[tuple[str, float, None]]) -> None:
    assert _readings(text) == want
    assert all(m.kind == "number" and m.unit is None for m in numclaims.extract(text))


def test_a_glued_m_elsewhere_stays_metres() -> None:
    got = [(m.kind, m.unit, m.value) for m in numclaims.extract("The wall, 2.5m high, fell.")]
    assert got == [("quantity", "meter", 2.5)]


def test_names_keep_real_counts_around_them() -> None:
    """A name number is dropped, the counts around it stay; surnames with an inner capital
    ("McIlroy 68") and a year before an address word are no names."""
    assert _readings("The airline ordered 40 Boeing 737 MAX 9 jets.") == [("40", 40.0, None)]
    assert _readings("McIlroy 68, Scheffler 67.") == [("68", 68.0, None), ("67", 67.0, None)]
    got = [(m.text, m.kind) for m in numclaims.extract("In 2019 Oxford Street lost 12 shops.")]
    assert got == [("2019", "date"), ("12", "number")]


def test_plus_before_a_charge_adds_it() -> None:
    """ "£50 plus VAT": the charge is added to the figure, which is no "at least 50"."""
    assert _readings("It costs £50 plus VAT.") == [("£50", 50.0, None)]
    assert _readings("Postage is $4 plus shipping.") == [("$4", 4.0, None)]


def test_a_count_subject_makes_a_later_glued_m_millions() -> None:
    assert _readings("Britain's population rose by 1.2% to 68.3m.") == [
        ("1.2%", 1.2, None), ("68.3m", 68_300_000.0, None)]
    got = [(m.kind, m.unit) for m in numclaims.extract("The town's population lives 200m above.")]
    assert got == [("quantity", "meter")]


@pytest.mark.parametrize("text", ["It boils at 373.15K, or 100C.", "It melts at 273.15K (0 °C)."])
def test_kelvin_before_the_temperature_it_converts(text: str) -> None:
    first = numclaims.extract(text)[0]
    assert (first.kind, first.unit) == ("quantity", "kelvin")


def test_thousands_before_an_unequal_temperature_stay_thousands() -> None:
    first = numclaims.extract("The 573K fund, or 30C.")[0]
    assert (first.kind, first.value) == ("number", 573_000.0)


def test_a_glued_plus_is_at_least() -> None:
    assert _readings("She scored 12+ points.") == [("12+", 12.0, "at_least")]
    got = [(m.text, m.value) for m in numclaims.extract("The value is 5+/-1 mm.")]
    assert got == [("5+/-1 mm", 5.0)]  # an uncertainty, not a hedge


def test_a_title_case_headline_keeps_its_count() -> None:
    assert _readings("Police Arrest Two Men After Raid") == [("Two", 2.0, None)]


@pytest.mark.parametrize(("text", "want"), [
    ("NATO 32 allies met in Washington.", [("32", 32.0, None)]),
    ("The MLB 162-game season ended.", [("162", 162.0, None)]),
    ("The temperature dropped 20C to -5C.", [("20C", 20.0, None), ("-5C", -5.0, None)]),
])
def test_counts_after_a_word_in_capitals(text: str, want: list[tuple[str, float, None]]) -> None:
    """A plural noun or a hyphened word after the number keeps it a count."""
    assert _readings(text) == want


def test_a_hedged_numerator_makes_a_hedged_share() -> None:
    """ "about one in five" is a share of about 0.2 (no count of five, which a percentage would
    take as its part)."""
    got = [(m.text, m.value, m.hedge) for m in numclaims.extract("About one in five, or 20%.")]
    assert got == [("About one in five", 0.2, "approx"), ("20%", 20.0, None)]


@pytest.mark.parametrize(("text", "want"), [
    ("About 6 in 10, or 60%, of the 500 firms will hire.",
     [("About 6 in 10", 0.6, "approx"), ("60%", 60.0, None), ("500", 500.0, None)]),
    ("Nine out of ten (90%) said yes.", [("Nine out of ten", 0.9, None), ("90%", 90.0, None)]),
    # no restatement in figures: two counts
    ("He scored 6 in 10 (a record).", [("6", 6.0, None), ("10", 10.0, None)]),
    ("Three in 10 homes had a computer.", [("Three", 3.0, None), ("10", 10.0, None)]),
])
def test_a_larger_numerator_makes_a_share_when_restated(
        text: str, want: list[tuple[str, float, str | None]]) -> None:
    assert _readings(text) == want
    assert numclaims.check("date 2024-05-01\n\n" + text).findings == []


def test_a_range_of_glued_m_after_population_is_millions() -> None:
    m = numclaims.extract("The population grew from 60m to 67m.")[0]
    assert (m.kind, m.value, m.low, m.high) == ("number", 63_500_000.0, 60_000_000.0, 67_000_000.0)
    m = numclaims.extract("The population lives 5m to 6m above the sea.")[0]
    assert (m.kind, m.unit) == ("quantity", "meter")


def test_list_marks_are_found_without_scanning_back_over_the_text() -> None:
    """A figure before a full stop far from any newline is tested on a short slice only."""
    text = "The toll rose to 12. " * 20_000
    got = numclaims.extract(text)
    assert len(got) == 20_000 and got[0].text == "12"
    assert _readings("Plans:\n1. Cut costs.\n  2. Hire 50 staff.") == [("50", 50.0, None)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Exports reached 1.2m tonnes.", 1_200_000.0, "metric_ton"),
    ("The field holds 3m barrels of oil.", 3_000_000.0, "barrel"),
    ("The reservoir holds 10m litres.", 10_000_000.0, "liter"),
    ("The wall is 2m long.", 2.0, "meter"),
    ("She won the 100m hurdles.", 100.0, "meter"),
])
def test_a_glued_m_before_a_unit_is_millions_of_it(text: str, value: float, unit: str) -> None:
    got = [(m.kind, m.value, m.unit) for m in numclaims.extract(text)]
    assert got == [("quantity", value, unit)]


def test_a_glued_m_before_strong_is_millions() -> None:
    assert _readings("He ran the 1.2m-strong city.") == [("1.2m", 1_200_000.0, None)]

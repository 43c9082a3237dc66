"""Units read in context: a unit shared back along "45 and 50 mg", spaced abbreviations that
need what follows them ("66 Ma ago", "278,000 t of"), inch marks against closing quotes.

The single-figure forms are in tests/corpus/numbers.toml and their false friends in
numbers_negative.toml; here are the readings that need a whole sentence around them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numclaims


def _read(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(m.kind, m.text, m.value, m.unit) for m in numclaims.extract(text)
            if m.kind in ("number", "percent", "quantity", "money")]


def test_a_bare_figure_borrows_the_unit_of_the_next() -> None:
    ms = numclaims.extract("Patients were given 45 and 50 mg of the drug.")
    assert [(m.text, m.kind, m.unit) for m in ms] == [("45", "quantity", "milligram"),
                                                      ("50 mg", "quantity", "milligram")]
    assert ms[0].si_value == pytest.approx(45e-6)  # 45 mg = 45e-6 kg
    assert ms[0].si_unit == "kilogram"


def test_a_comma_list_shares_the_unit_back_to_its_first_figure() -> None:
    assert _read("Runs of 10, 20 or 30 km were offered.") == [
        ("quantity", "10", 10.0, "kilometer"), ("quantity", "20", 20.0, "kilometer"),
        ("quantity", "30 km", 30.0, "kilometer")]
    assert _read("Support stood at 45 or 48 percent.") == [
        ("percent", "45", 45.0, "percent"), ("percent", "48 percent", 48.0, "percent")]


@pytest.mark.parametrize(("text", "figure"), [
    ("Sales rose in 2019 and 50 t were shipped.", "2019"),    # a year borrows nothing
    ("He paid $45 and 50 mg were missing.", "$45"),           # the sign binds to its figure
    ("She ran 10 and then 12 km.", "10"),                     # words between: two figures
    ("Crowds of 3, then 40 km away, gathered.", "3"),         # a comma alone shares nothing
])
def test_no_unit_is_shared_across_other_words(text: str, figure: str) -> None:
    start = text.index(figure)
    (m,) = [m for m in numclaims.extract(text) if m.start == start]
    assert m.kind in ("number", "money", "date") and m.unit in (None, "USD")


def test_a_hedged_figure_keeps_its_own_reading() -> None:
    ms = numclaims.extract("They took about 45 and 50 mg.")
    assert (ms[0].kind, ms[0].hedge) == ("number", "approx")


def test_geological_ages_in_a_sentence() -> None:
    assert _read("The impact struck about 66 Ma ago, the rocks are 3.8 Ga old.") == [
        ("quantity", "about 66 Ma", 66.0, "megayear"), ("quantity", "3.8 Ga", 3.8, "gigayear")]


def test_tonnes_after_a_space_before_lower_case_words_and_punctuation() -> None:
    assert _read("Exports reached 278,000 t, worth 10 000 dollars.")[0] == \
        ("quantity", "278,000 t", 278000.0, "metric_ton")
    assert _read("A 40 t truck") == [("quantity", "40 t", 40.0, "metric_ton")]


def test_inch_marks_and_closing_quotes_in_one_line() -> None:
    text = 'The 9" plate fits, he said: "it cost 9" and left.'
    assert _read(text) == [("quantity", '9"', 9.0, "inch"), ("number", "9", 9.0, None)]
    assert _read('He stands 6\'2" tall.') == [("quantity", '6\'2"', 6 + 2 / 12, "foot")]
    assert _read('"Top 10" and "best 9" lists') == [("number", "10", 10.0, None),
                                                    ("number", "9", 9.0, None)]
    assert _read('<img width="100">') == [("number", "100", 100.0, None)]
    assert numclaims.check('A 12" (40 cm) pizza.').findings[0].rule == "conversion-mismatch"
    assert numclaims.check('A 12" (30 cm) pizza.').findings == []  # 12 in = 30.48 cm


def test_absolute_zero_is_zero_kelvin_only_in_a_physical_sentence() -> None:
    (m,) = numclaims.extract("The gas was cooled to within a whisker of absolute zero.")
    assert (m.kind, m.text, m.value, m.unit, m.si_value) == (
        "quantity", "absolute zero", 0.0, "kelvin", 0.0)
    for text in ("There is absolute zero chance of a deal.",
                 "Trust in the board is at absolute zero, investors said."):
        assert [(m.kind, m.text) for m in numclaims.extract(text)] == [("number", "zero")]


def test_kelvin_after_a_temperature_in_its_conversion_brackets() -> None:
    text = "The core runs at 300 °C (572 °F, 573.15K) and the probe at 20 °C (293K)."
    ms = [(m.text, m.value, m.unit) for m in numclaims.extract(text)]
    assert ("573.15K", 573.15, "kelvin") in ms and ("293K", 293.0, "kelvin") in ms
    assert numclaims.check(text).findings == []


def test_a_bare_degree_takes_the_scale_named_after_it() -> None:
    text = "Absolute zero is −273.15° on the Celsius scale and −459.67° on the Fahrenheit scale."
    ms = [m for m in numclaims.extract(text) if m.text[0] == "\u2212"]
    assert [(m.text, m.unit) for m in ms] == [("\u2212273.15°", "degree_Celsius"),
                                               ("\u2212459.67°", "degree_Fahrenheit")]
    assert ms[0].si_value == pytest.approx(0.0, abs=1e-9)  # -273.15 °C is 0 K
    assert ms[1].si_value == pytest.approx(0.0, abs=1e-9)  # -459.67 °F is 0 K
    (m,) = numclaims.extract("The road bends 90° on the left.")
    assert m.unit == "degree"


@pytest.mark.parametrize(("text", "figure"), [
    ("At 30 °C, 12K runners set off.", "12K"),         # no brackets: a count in thousands
    ("The set ran hot at 30 °C (4K screens).", "4K"),  # 30 °C is 303 K, not 4 K
    ("It reached 20 °C (12K viewers watched).", "12K"),
])
def test_k_stays_thousands_outside_a_matching_conversion(text: str, figure: str) -> None:
    start = text.index(figure)
    (m,) = [m for m in numclaims.extract(text) if m.start == start]
    assert (m.kind, m.value) == ("number", float(figure[:-1]) * 1000)


def test_a_sum_in_brackets_is_negative_in_accounts() -> None:
    (m,) = [m for m in numclaims.extract("Net income was ($4.2 million) last year.")
            if m.kind == "money"]
    assert (m.text, m.value, m.low, m.high) == ("($4.2 million)", -4.2e6, -4.2e6, -4.2e6)
    (m,) = [m for m in numclaims.extract("The annual revenue is ($99.99).") if m.kind == "money"]
    assert (m.text, m.value) == ("($99.99)", -99.99)


@pytest.mark.parametrize("text", [
    "Revenue rose to €10m ($11m) last year.",          # a conversion after another figure
    "The ticket is ($20) at the door.",                # no word of accounts
    "Profit rose, and the fee (about $20) was cut.",   # not right after a copula
])
def test_a_sum_in_brackets_stays_positive_elsewhere(text: str) -> None:
    assert all(m.value is None or m.value > 0 for m in numclaims.extract(text)
               if m.kind == "money")


def test_lower_case_us_dollars_after_an_article_only() -> None:
    assert _read("Russia accepted a us $ 150 million loan.") == [
        ("money", "us $ 150 million", 150e6, "USD")]
    assert _read("They paid us $5 for it.") == [("money", "$5", 5.0, "USD")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='0123456789 .,"\'′″tMaG-sohf\n', max_size=40))
def test_unit_contexts_are_safe_and_spans_exact(text: str) -> None:
    for m in numclaims.extract(text):
        assert text[m.start:m.end] == m.text

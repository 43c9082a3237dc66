"""Tests of the benchmark scorers' own logic (matching, mapping tables, TIMEX arithmetic).

Inputs are tiny hand-made sentences and Mention lists, never corpus data, so these run (and must
pass) without ``../shared/corpora``. The scorers themselves live in ``benchmarks/``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from numclaims.models import Kind, Mention

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


corp = _load("_corpora")
conf = _load("conformance")
temp = _load("temporal")
D = dt.date


def mk(text: str, sub: str, kind: Kind, **kw: Any) -> Mention:
    start = text.index(sub)
    return Mention(kind=kind, start=start, end=start + len(sub), text=sub, **kw)


def ex(text: str, sub: str, kind: str, **kw: Any) -> Any:
    start = text.index(sub)
    return conf.Expect(start=start, end=start + len(sub), text=sub, kind=kind, **kw)


# --- shared helpers ------------------------------------------------------------------------------


def test_a_missing_corpus_exits_with_a_message(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setattr(corp, "CORPORA", tmp_path / "nowhere")
    with pytest.raises(SystemExit) as exc:
        corp.corpus_file("meantime-en", "docs.jsonl")
    assert "corpus file not found" in str(exc.value.code)


def test_trim_span_drops_edge_space_and_punctuation_only() -> None:
    text = 'He said "(12 kg)." then left'
    s = text.index("(")
    assert corp.trim_span(text, s - 1, s + 7) == (s + 1, s + 6)  # '"(12 kg)' -> '12 kg'
    assert corp.trim_span(text, 0, 2) == (0, 2)
    assert corp.trim_span(".", 0, 1) == (0, 1)  # never empties a span


def test_fix_dct_reads_the_malformed_day_first_date() -> None:
    assert corp.fix_dct("03-02-2009") == D(2009, 2, 3)
    assert corp.fix_dct("2008-03-01") == D(2008, 3, 1)
    assert corp.fix_dct(None) is None


@pytest.mark.parametrize("value, first, last", [
    ("199", D(1990, 1, 1), D(1999, 12, 31)),
    ("20", D(2000, 1, 1), D(2099, 12, 31)),
    ("2024-SU", D(2024, 6, 1), D(2024, 8, 31)),
    ("2023-WI", D(2023, 12, 1), D(2024, 2, 29)),
    ("2024-W01", D(2024, 1, 1), D(2024, 1, 7)),
    ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30)),
    ("2024-H1", D(2024, 1, 1), D(2024, 6, 30)),
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
    ("2009-12-15T18:00Z", D(2009, 12, 15), D(2009, 12, 15)),
])
def test_timex_interval(value: str, first: dt.date, last: dt.date) -> None:
    assert corp.timex_interval(value) == (first, last)


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-XX-XX", "P2Y", "2023-02-30", "", None])
def test_timex_interval_of_non_dates_is_none(value: str | None) -> None:
    assert corp.timex_interval(value) is None


def test_duration_parsing_and_length() -> None:
    assert corp.duration_parts("P2Y6M") == [(2.0, "Y"), (6.0, "M")]
    assert corp.duration_parts("PT5M") == [(5.0, "TM")]
    assert corp.duration_parts("2024-10") is None
    assert corp.duration_seconds("P1W") == corp.duration_seconds("P7D")
    assert corp.duration_seconds("PT1.5H") == 5400
    assert corp.duration_seconds("P1DE") == corp.duration_seconds("P10Y")


def test_prf() -> None:
    assert corp.prf(2, 4, 2, 2) == pytest.approx((0.5, 1.0, 2 / 3))
    assert corp.prf(0, 0, 0, 5) == (0.0, 0.0, 0.0)


def test_causes_keep_counts_and_a_few_examples() -> None:
    c = corp.Causes(keep=2)
    for i in range(5):
        c.add("span differs: money", f"case {i}")
    c.add("not found: currency Euro", "x")
    assert list(c.top(1)) == [("span differs: money", 5, ["case 0", "case 1"])]


def test_causes_add_up_by_category() -> None:
    c = corp.Causes(keep=2)
    for unit, n in (("Mile", 3), ("Foot", 2), ("Acre", 1)):
        for i in range(n):
            c.add(f"not found: dimension {unit}", f"{unit} {i}")
    for i in range(4):
        c.add("span differs: money", f"span {i}")
    first, second = c.categories(2)
    assert (first["cause"], first["count"]) == ("not found", 6)
    assert first["details"] == {"dimension Mile": 3, "dimension Foot": 2, "dimension Acre": 1}
    assert first["examples"] == ["Mile 0", "Foot 0"]
    assert (second["cause"], second["count"], second["examples"]) == \
        ("span differs", 4, ["span 0", "span 1"])


# --- conformance ---------------------------------------------------------------------------------

TEXT = "The crate cost $5 and weighs 10 kg."


def test_same_unit_compares_through_pint_and_codes_as_strings() -> None:
    assert corp.same_unit("kilometer_per_hour", "kilometer / hour")
    assert corp.same_unit("metric_ton", "tonne")
    assert corp.same_unit("square_kilometer", "kilometer ** 2")
    assert corp.same_unit("liter_per_kilometer", "liter / kilometer")
    assert not corp.same_unit("mile", "kilometer")
    assert not corp.same_unit("degree_Fahrenheit", "degree_Celsius")
    assert corp.same_unit("USD", "USD") and not corp.same_unit("USD", "CAD")
    assert not corp.same_unit(None, "mile")


def test_every_mapped_pint_unit_exists() -> None:
    maps = corp.load_mappings()
    specs = [*maps["recognizers"]["units"]["dimension"].values(),
             *maps["recognizers"]["units"]["temperature"].values(),
             *maps["recognizers"]["units"]["age"].values(), *maps["quantulum"]["units"].values()]
    for spec in specs:
        units, _, kind = corp.unit_spec(spec)
        if kind in (None, "quantity", "duration"):
            for u in units:
                assert corp.parse_unit(u) is not None, u


def _case(expects: list[Any], extra: tuple[str, ...] = ()) -> Any:
    return conf.Case(set="t", group="g", id="t#0", text=TEXT, expects=expects, extra_kinds=extra)


def _expects() -> list[Any]:
    return [ex(TEXT, "$5", "money", value=5.0, units=("USD",), label="currency Dollar"),
            ex(TEXT, "10 kg", "quantity", value=10.0, units=("kilogram",), label="dim Kilogram")]


def test_case_passes_with_right_spans_units_and_values() -> None:
    ms = [mk(TEXT, "$5", "money", value=5.0, unit="USD"),
          mk(TEXT, "10 kg.", "quantity", value=10.0, unit="kilogram")]  # trailing "." trimmed
    out = conf.score_case(_case(_expects(), ("number",)), ms)
    assert (out.strict, out.lenient, out.overlap, out.found) == (True, True, True, 2)
    assert out.causes == []


def test_miss_causes_are_named() -> None:
    ms = [mk(TEXT, "10", "number", value=10.0)]
    out = conf.score_case(_case(_expects()), ms)
    assert not out.lenient and out.found == 0
    assert [c for c, _ in out.causes] == ["not found: currency Dollar",
                                          "unit not recognized: dim Kilogram"]
    ms = [mk(TEXT, "$5", "money", value=5.0, unit="CAD"),
          mk(TEXT, "10 kg", "quantity", value=1.0, unit="kilogram")]
    causes = [c for c, _ in conf.score_case(_case(_expects()), ms).causes]
    assert causes == ["unit differs: currency Dollar -> CAD", "value differs: quantity"]


def test_extra_mentions_fail_strict_only_when_of_the_models_kinds() -> None:
    ms = [mk(TEXT, "$5", "money", value=5.0, unit="USD"),
          mk(TEXT, "10 kg", "quantity", value=10.0, unit="kilogram"),
          mk(TEXT, "crate", "number", value=1.0)]
    out = conf.score_case(_case(_expects(), ("number",)), ms)
    assert (out.strict, out.lenient) == (False, True)
    assert out.causes[0][0] == "extra mention: number"
    assert conf.score_case(_case(_expects(), ("money",)), ms).strict


def test_numbers_inside_a_larger_reading_of_the_same_figure_count_as_found() -> None:
    text = "Save $400 in 3 years, by 5/17/2027."
    expects = [ex(text, "400", "number", value=400.0), ex(text, "3", "number", value=3.0),
               ex(text, "5", "number", value=5.0), ex(text, "17", "number", value=17.0)]
    ms = [mk(text, "$400", "money", value=400.0, unit="USD"),
          mk(text, "3 years", "duration", timex="P3Y"), mk(text, "5/17/2027", "date")]
    case = conf.Case(set="t", group="g", id="t#2", text=text, expects=expects, extra_kinds=())
    out = conf.score_case(case, ms)
    assert (out.strict, out.found, out.absorbed) == (True, 4, 4)
    wrong = [mk(text, "$400", "money", value=40.0, unit="USD"),
             mk(text, "3 years", "duration", timex="P4Y"), mk(text, "5/17/2027", "date")]
    out = conf.score_case(case, wrong)
    assert (out.lenient, out.found, out.absorbed) == (False, 2, 2)


def test_span_relaxations_hedge_and_overlap() -> None:
    text = "It is about 12 miles away"
    e = ex(text, "12 miles", "quantity", value=12.0, units=("mile",))
    hedged = mk(text, "about 12 miles", "quantity", value=12.0, unit="mile", hedge="approx")
    unhedged = hedged.model_copy(update={"hedge": None})
    case = conf.Case(set="t", group="g", id="t#1", text=text, expects=[e])
    assert conf.score_case(case, [hedged]).strict
    out = conf.score_case(case, [unhedged])
    assert (out.lenient, out.overlap) == (False, True)
    assert out.causes[0][0] == "span differs: quantity"


def test_age_words_and_hedge_may_both_lie_outside_our_span() -> None:
    text = "The oak is more than 300 years old."
    e = ex(text, "300 years old", "age", value=300.0, units=("year",))
    ours = mk(text, "more than 300 years", "duration", timex="P300Y", hedge="more_than")
    assert not conf.failures(e, ours, text)
    assert conf.failures(e, mk(text, "300", "duration", timex="P300Y"), text) == ["span"]
    q = ex(text, "300 years old", "quantity", value=300.0, units=("year",))  # only ages relax
    assert "span" in conf.failures(q, mk(text, "300 years", "quantity", value=300.0,
                                         unit="year"), text)


def test_percent_range_and_duration_readings() -> None:
    text = "Rates rose 10 percent in over 20 towns within 5 years"
    pct = ex(text, "10 percent", "percent", value=10.0)
    for v in (10.0, 0.10):
        assert not conf.failures(pct, mk(text, "10 percent", "percent", value=v), text)
    rng = ex(text, "over 20", "range", low=20.0, high=None)
    assert not conf.failures(rng, mk(text, "over 20", "number", value=20.0, low=20.0, high=30.0,
                                     hedge="more_than"), text)
    assert conf.failures(rng, mk(text, "over 20", "number", value=21.0, low=21.0), text) == \
        ["value"]
    age = ex(text, "5 years", "age", value=5.0, units=("year",))
    assert not conf.failures(age, mk(text, "5 years", "duration", timex="P5Y"), text)
    assert not conf.failures(age, mk(text, "5 years", "quantity", value=5.0, unit="year"), text)
    assert conf.failures(age, mk(text, "5 years", "duration", timex="P5M"), text) == ["unit"]


def test_recognizers_row_mapping() -> None:
    maps = corp.load_mappings()
    row: dict[str, Any] = {"spec_file": "Specs/NumberWithUnit/English/CurrencyModel.json", "model": "CurrencyModel",
           "case_index": 7, "Input": "a tip of 40 cents", "NotSupported": "java, python",
           "Results": [{"Text": "40 cents", "TypeName": "currency", "Start": 9, "End": 16,
                        "Resolution": {"value": "40", "unit": "Cent"}}]}
    case = conf.recognizers_case(row, maps)
    (e,) = case.expects
    assert (e.start, e.end, e.text) == (9, 17, "40 cents")  # End is inclusive upstream
    assert e.kind == "money" and e.value == pytest.approx(0.40) and "USD" in e.units
    assert (case.scope, case.side) == ("in", "py-unsupp")
    assert case.extra_kinds == ("money",)
    bare = {**row, "Results": [*row["Results"], {"Text": "cents", "TypeName": "currency",
                                                 "Start": 12, "End": 16,
                                                 "Resolution": {"value": None, "unit": "Cent"}}]}
    assert len(conf.recognizers_case(bare, maps).expects) == 1  # a unit word alone: no figure
    assert conf.recognizers_case(bare, maps).dropped == 1
    row["Results"][0]["Resolution"]["unit"] = "Doubloon"
    assert conf.recognizers_case(row, maps).scope == "out: unmapped unit currency Doubloon"
    row2 = {**row, "model": "OrdinalModel", "Results": [
        {"Text": "next", "TypeName": "ordinal.relative", "Start": 0, "End": 3, "Resolution": {}}]}
    assert conf.recognizers_case(row2, maps).scope == "out: result type ordinal.relative"
    row3 = {**row, "model": "NumberRangeModel", "Results": [
        {"Text": "up to 9", "TypeName": "numberrange", "Start": 0, "End": 6,
         "Resolution": {"value": "(,9]"}}]}
    (r,) = conf.recognizers_case(row3, maps).expects
    assert (r.kind, r.low, r.high) == ("range", None, 9.0)


def test_quantulum_row_mapping_years_and_ranges() -> None:
    maps = corp.load_mappings()
    text = "Built in 1931, the tower rises 30 to 40 metres"
    row = {"kind": "quantities", "case_index": 0, "text": text, "expected": [
        {"value": 1931, "unit": "dimensionless", "surface": "1931", "start": 9, "end": 13},
        {"value": 35, "unit": "metre", "surface": "30 to 40 metres", "uncertainty": 5,
         "start": 31, "end": 46}]}
    case = conf.quantulum_case(row, maps)
    year, height = case.expects
    assert year.year_like and year.kind == "number"
    assert (height.low, height.high, height.units) == (30.0, 40.0, ("meter",))
    ms = [mk(text, "1931", "date", timex="1931"),
          mk(text, "30 to 40 metres", "quantity", value=35.0, low=30.0, high=40.0, unit="meter")]
    assert conf.score_case(case, ms).strict


def test_quantulum_conventions_opener_order_and_ordinals() -> None:
    maps = corp.load_mappings()
    text = "The second of 2 doses fell from 40 mg to 30 mg"
    row = {"kind": "quantities", "case_index": 1, "text": text, "expected": [
        {"value": 35, "unit": "milligram", "surface": "40 mg to 30 mg", "uncertainty": 5,
         "start": 32, "end": 46}]}
    case = conf.quantulum_case(row, maps)
    ours = mk(text, "from 40 mg to 30 mg", "quantity", value=35.0, low=40.0, high=30.0,
              unit="milligram")
    second = mk(text, "second", "ordinal", value=2.0)
    assert conf.score_case(case, [second, ours]).strict  # no ordinals in quantulum3
    assert not conf.score_case(case, [ours.model_copy(update={"low": 41.0})]).lenient
    two = mk(text, "2", "number", value=2.0)
    assert not conf.score_case(case, [ours, two]).strict  # other kinds still count as extras


# --- temporal ------------------------------------------------------------------------------------


def gold(text: str, sub: str, typ: str, value: str, **kw: Any) -> Any:
    start = text.index(sub)
    return temp.Gold(start, start + len(sub), sub, typ, value, **kw)


def test_value_right_accepts_ago_durations_by_their_resolved_interval() -> None:
    text = "The plant closed two years ago."
    g = gold(text, "two years ago", "DATE", "2022")
    ours = mk(text, "two years", "duration", timex="P2Y", date_start=D(2022, 11, 5),
              date_end=D(2022, 11, 5), anchor="published")
    assert temp.value_right(g, ours)
    wide = ours.model_copy(update={"date_start": D(2022, 5, 5), "date_end": D(2023, 5, 5)})
    assert not temp.value_right(g, wide)
    assert not temp.value_right(g, ours.model_copy(update={"date_start": None, "date_end": None}))


def test_value_right_seasons_decades_durations_and_candidates() -> None:
    text = "this summer in the 1990s for a week on 5 May"
    assert temp.value_right(gold(text, "this summer", "DATE", "2024-SU"),
                            mk(text, "this summer", "date", timex="2024-SU"))
    assert temp.value_right(gold(text, "this summer", "DATE", "2024-SU"),
                            mk(text, "this summer", "date", timex="2024-07-04"))
    assert temp.value_right(gold(text, "the 1990s", "DATE", "199"),
                            mk(text, "the 1990s", "date", date_start=D(1990, 1, 1),
                               date_end=D(1999, 12, 31)))
    assert temp.value_right(gold(text, "a week", "DURATION", "P1W"),
                            mk(text, "a week", "duration", timex="P7D"))
    assert not temp.value_right(gold(text, "a week", "DURATION", "P1W"),
                                mk(text, "a week", "duration", timex="P1M"))
    few = "it took a few minutes"
    assert temp.value_right(gold(few, "a few minutes", "DURATION", "PT3M"),
                            mk(few, "a few minutes", "duration", timex="PTXM"))
    assert not temp.value_right(gold(few, "a few minutes", "DURATION", "PT3M"),
                                mk(few, "a few minutes", "duration", timex="PXM"))
    may = gold(text, "5 May", "DATE", "XXXX-05-05", alternatives=("2024-05-05", "2025-05-05"))
    assert temp.value_right(may, mk(text, "5 May", "date", timex="2025-05-05"))
    assert not temp.value_right(may, mk(text, "5 May", "date", timex="2023-05-05"))


def test_value_right_accepts_the_ends_of_our_range() -> None:
    text = "Output grows from 2009 to 2011."
    ours = mk(text, "from 2009 to 2011", "duration", timex="P2Y", date_start=D(2009, 1, 1),
              date_end=D(2011, 12, 31))
    assert temp.value_right(gold(text, "2009", "DATE", "2009"), ours)
    assert temp.value_right(gold(text, "2011", "DATE", "2011"), ours)
    assert not temp.value_right(gold(text, "2011", "DATE", "2010"), ours)
    late = ours.model_copy(update={"date_start": D(2009, 6, 1)})
    assert not temp.value_right(gold(text, "2009", "DATE", "2009"), late)


def test_value_right_reference_values_against_the_document_date() -> None:
    text = "Prices are falling today."
    pub = D(2013, 12, 10)
    g = gold(text, "today", "DATE", "PRESENT_REF")
    assert temp.value_right(g, mk(text, "today", "date", timex="2013-12-10"), pub)
    assert not temp.value_right(g, mk(text, "today", "date", timex="2013-12-09"), pub)
    assert not temp.value_right(g, mk(text, "today", "date", timex="2013-12-10"))  # no date
    past = gold(text, "today", "DATE", "PAST_REF")
    assert temp.value_right(past, mk(text, "today", "date", timex="2012"), pub)
    assert not temp.value_right(past, mk(text, "today", "date", timex="2013"), pub)


def test_value_right_fills_placeholders_but_not_all_x() -> None:
    text = "since August and this"
    assert temp.value_right(gold(text, "August", "DATE", "XXXX-08"),
                            mk(text, "August", "date", timex="2016-08"))
    assert not temp.value_right(gold(text, "August", "DATE", "XXXX-08"),
                                mk(text, "August", "date", timex="2016-09"))
    assert not temp.value_right(gold(text, "this", "DATE", "XXXX-XX-XX"),
                                mk(text, "this", "date", timex="2016-09-01"))


def _all_row(doc: Any, ms: list[Mention]) -> dict[str, Any]:
    tally = temp.Tally()
    temp.score_doc(doc, ms, {"date": "DATE"}, {"DATE"}, tally, corp.Causes(), corp.Counter())
    (row,) = [r for r in temp.table(tally, ("DATE",)) if r["type"] == "ALL"]
    return row


def test_a_range_read_as_two_dates_is_right_when_its_ends_are() -> None:
    text = "Closed from March 3 to March 9, 2021."
    doc = temp.Doc("r", text, D(2021, 5, 6), [
        gold(text, "from March 3 to March 9, 2021", "DATE", "(2021-03-03,2021-03-10,P7D)",
             intervals=((D(2021, 3, 3), D(2021, 3, 9)),))])
    ms = [mk(text, "March 3", "date", timex="2021-03-03"),
          mk(text, "March 9, 2021", "date", timex="2021-03-09")]
    row = _all_row(doc, ms)
    # one gold found right, both of our mentions right: TimeML's two DATEs for one range
    assert (row["span_p"], row["span_r"], row["strict_f1"]) == (1, 1, 0)
    assert (row["value_p"], row["value_r"]) == (1, 1)
    late = [ms[0], mk(text, "March 9, 2021", "date", timex="2021-03-10")]
    assert _all_row(doc, late)["value_f1"] == 0  # an end on the wrong day
    swapped = [mk(text, "March 3", "date", timex="2021-03-09"),
               mk(text, "March 9, 2021", "date", timex="2021-03-03")]
    assert _all_row(doc, swapped)["value_f1"] == 0


def test_a_range_pair_must_cover_the_range_with_connectives_only() -> None:
    text = "Closed from March 3 or so to March 9, 2021."
    doc = temp.Doc("r", text, None, [
        gold(text, "from March 3 or so to March 9, 2021", "DATE", "(2021-03-03,2021-03-10,P7D)",
             intervals=((D(2021, 3, 3), D(2021, 3, 9)),))])
    ms = [mk(text, "March 3", "date", timex="2021-03-03"),
          mk(text, "March 9, 2021", "date", timex="2021-03-09")]
    assert _all_row(doc, ms)["value_f1"] == 0
    months = "Shut between March and May."
    g = gold(months, "between March and May", "DATE", "(XXXX-03-01,XXXX-05-01,P2M)",
             intervals=tuple(corp.range_intervals(D(2021, 3, 1), D(2021, 5, 1), "M")))
    ms = [mk(months, "March", "date", timex="2021-03", date_start=D(2021, 3, 1),
             date_end=D(2021, 3, 31)),
          mk(months, "May", "date", timex="2021-05", date_start=D(2021, 5, 1),
             date_end=D(2021, 5, 31))]
    assert _all_row(temp.Doc("m", months, None, [g]), ms)["value_f1"] == 1


def test_one_pair_of_ends_satisfies_one_range_only() -> None:
    text = "from March 3 to March 9, 2021"
    rng = {"intervals": ((D(2021, 3, 3), D(2021, 3, 9)),)}
    both = [gold(text, text, "DATE", "(2021-03-03,2021-03-10,P7D)", **rng) for _ in range(2)]
    doc = temp.Doc("r", text, None, both)
    ms = [mk(text, "March 3", "date", timex="2021-03-03"),
          mk(text, "March 9, 2021", "date", timex="2021-03-09")]
    row = _all_row(doc, ms)
    assert (row["value_p"], row["value_r"]) == (1, 0.5)


def test_a_stretch_counted_from_a_day_ends_on_the_day_it_reaches() -> None:
    # "within 9 months" from 2018-03-23: theirs [03-23, 12-23), as "in 9 months" is 12-23
    readings = corp.range_intervals(D(2018, 3, 23), D(2018, 12, 23), "M")
    assert (D(2018, 3, 23), D(2018, 12, 23)) in readings
    assert (D(2018, 3, 23), D(2018, 12, 31)) not in readings
    weeks = corp.range_intervals(D(2016, 11, 8), D(2016, 11, 29), "W")  # from a Tuesday
    assert (D(2016, 11, 8), D(2016, 11, 29)) in weeks
    # between whole months the end is the last month named, never its first day
    whole = corp.range_intervals(D(2015, 1, 1), D(2015, 4, 1), "M")
    assert whole == [(D(2015, 1, 1), D(2015, 3, 31)), (D(2015, 1, 1), D(2015, 4, 30))]
    # a stretch to the reference date, even one starting on a Monday ("the past fortnight")
    fortnight = corp.range_intervals(D(2021, 5, 3), D(2021, 5, 17), "W", ref=D(2021, 5, 17))
    assert (D(2021, 5, 3), D(2021, 5, 17)) in fortnight
    assert (D(2021, 5, 3), D(2021, 5, 17)) not in corp.range_intervals(D(2021, 5, 3),
                                                                      D(2021, 5, 17), "W")
    years = corp.range_intervals(D(2014, 1, 1), D(2018, 1, 1), "Y")
    assert (D(2014, 1, 1), D(2018, 1, 1)) not in years
    inp = "I will be done within 9 months."
    res = {"Start": 17, "End": 31, "TypeName": "datetimeV2.daterange", "Resolution": {"values": [
        {"timex": "(2018-03-23,2018-12-23,P9M)", "type": "daterange", "start": "2018-03-23",
         "end": "2018-12-23"}]}}
    g = temp._rt_gold(inp, res, "DATE")
    ours = mk(inp, "9 months", "duration", timex="P9M", date_start=D(2018, 3, 23),
              date_end=D(2018, 12, 23))
    assert temp.value_right(g, ours)
    assert not temp.value_right(g, ours.model_copy(update={"date_end": D(2018, 12, 24)}))


def test_one_mention_for_two_dates_and_one_for_the_whole_range() -> None:
    text = "Closed from March 3 to March 9, 2021."
    causes = corp.Causes()
    doc = temp.Doc("r", text, D(2021, 5, 6), [
        gold(text, "from March 3 to March 9, 2021", "DATE", "(2021-03-03,2021-03-10,P7D)",
             intervals=((D(2021, 3, 3), D(2021, 3, 9)),))])
    g2 = [gold(text, "March 3", "DATE", "2021-03-03"), gold(text, "March 9", "DATE", "2021-03-09")]
    one = [mk(text, "March 3 to March 9", "date", timex="2021-03-03")]  # one for two gold
    tally = temp.Tally()
    temp.score_doc(temp.Doc("r", text, None, g2), one, {"date": "DATE"}, {"DATE"}, tally, causes,
                   corp.Counter())
    (row,) = [r for r in temp.table(tally, ("DATE",)) if r["type"] == "ALL"]
    assert (row["span_p"], row["span_r"], row["value_p"], row["value_r"]) == (1, 1, 1, 0.5)
    whole = mk(text, "from March 3 to March 9, 2021", "date", date_start=D(2021, 3, 3),
               date_end=D(2021, 3, 9))
    tally = temp.Tally()
    temp.score_doc(doc, [whole], {"date": "DATE"}, {"DATE"}, tally, causes, corp.Counter())
    (row,) = [r for r in temp.table(tally, ("DATE",)) if r["type"] == "ALL"]
    assert (row["value_f1"], row["strict_f1"]) == (1, 1)


def test_rt_gold_mapping_of_offsets_and_ranges() -> None:
    inp = "Meet me next week"
    res = {"Text": "next week", "Start": 8, "End": 16, "TypeName": "datetimeV2.daterange",
           "Resolution": {"values": [{"timex": "2016-W46", "type": "daterange",
                                      "start": "2016-11-14", "end": "2016-11-21"}]}}
    g = temp._rt_gold(inp, res, "DATE")
    assert (g.start, g.end, g.text, g.value) == (8, 17, "next week", "2016-W46")
    assert g.intervals == ((D(2016, 11, 14), D(2016, 11, 20)),)
    ours = mk(inp, "next week", "date", date_start=D(2016, 11, 14), date_end=D(2016, 11, 20))
    assert temp.value_right(g, ours)


def test_rt_from_to_ranges_accept_their_exclusive_and_our_inclusive_end() -> None:
    inp = "from January to April 2015"
    res = {"Start": 0, "End": 25, "TypeName": "datetimeV2.daterange", "Resolution": {"values": [
        {"timex": "(2015-01-01,2015-04-01,P3M)", "type": "daterange"}]}}
    g = temp._rt_gold(inp, res, "DATE")
    assert g.intervals == ((D(2015, 1, 1), D(2015, 3, 31)), (D(2015, 1, 1), D(2015, 4, 30)))
    assert corp.range_timex("(XXXX-04-09,XXXX-04-17,P8D)") == (None, None, "D")
    assert corp.range_timex("2015-04") is None
    ours = mk(inp, inp, "date", date_start=D(2015, 1, 1), date_end=D(2015, 4, 30))
    assert temp.value_right(g, ours)
    wrong = ours.model_copy(update={"date_end": D(2015, 4, 15)})
    assert not temp.value_right(g, wrong)


def test_pairing_is_one_to_one_by_largest_overlap() -> None:
    text = "from March 3 to March 9, 2021"
    g = [gold(text, "March 3", "DATE", "2021-03-03"),
         gold(text, "March 9, 2021", "DATE", "2021-03-09")]
    s = [mk(text, "March 9, 2021", "date"), mk(text, "from March 3 to March 9", "date")]
    assert sorted(temp.pair(g, s)) == [(0, 1), (1, 0)]
    assert temp.pair(g, [mk(text, "from March 3 to March 9", "date")]) == [(0, 0)]


def test_score_doc_counts_per_type() -> None:
    text = "On May 4, 2021 we waited three hours, and on Monday we met at noon."
    doc = temp.Doc("d", text, D(2021, 5, 6), [
        gold(text, "May 4, 2021", "DATE", "2021-05-04"),
        gold(text, "three hours", "DURATION", "PT3H"),
        gold(text, "Monday", "DATE", "2021-05-03"),
    ], ignore=[(text.index("noon"), text.index("noon") + 4)])
    ms = [mk(text, "May 4, 2021", "date", timex="2021-05-04"),
          mk(text, "three hours", "duration", timex="PT2H"),
          mk(text, "noon", "time"),          # overlaps an ignored span: not counted
          mk(text, "we", "date", timex="2021")]  # spurious
    tally, causes, pairs = temp.Tally(), corp.Causes(), corp.Counter()
    temp.score_doc(doc, ms, {"date": "DATE", "duration": "DURATION", "time": "TIME"},
                   {"DATE", "DURATION", "TIME"}, tally, causes, pairs)
    rows = {r["type"]: r for r in temp.table(tally, ("DATE", "DURATION"))}
    assert (rows["ALL"]["gold"], rows["ALL"]["sys"]) == (3, 3)
    assert rows["DATE"]["span_p"] == pytest.approx(0.5)
    assert rows["DATE"]["span_r"] == pytest.approx(0.5)
    assert rows["DURATION"]["span_f1"] == pytest.approx(1.0)
    assert rows["DURATION"]["value_f1"] == 0.0
    assert rows["ALL"]["value_r"] == pytest.approx(1 / 3)
    assert set(causes.counts) == {"missed: DATE", "spurious: date",
                                  "value differs: DURATION, ours duration"}

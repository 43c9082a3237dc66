"""The numeric checks (N001-N006, F002) and their shared arithmetic on hand-built mentions.

Mentions are built here with the values an extractor would give, so each check is pinned on its own;
the Markdown corpora under tests/checks run the same rules end to end.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.checks import _numeric as num
from numclaims.checks.registry import Context, Flag, all_checks
from numclaims.extract.grammar import parse_number
from numclaims.facts import FactSheet
from numclaims.models import Hedge, Kind, Mention

BY_CODE = {c.code: c for c in all_checks()}


def m(text: str, sub: str, kind: Kind = "number", value: float | None = None,
      unit: str | None = None, hedge: Hedge | None = None, low: float | None = None,
      high: float | None = None, after: int = 0) -> Mention:
    """A mention of ``sub`` (its first occurrence at or after ``after``) as an extractor reads it."""
    i = text.index(sub, after)
    found = num.NUMERAL.search(sub)
    v = value if value is not None else parse_number(found.group()) if found else None
    assert v is not None, sub
    lo = low if low is not None else v
    hi = high if high is not None else v
    return Mention(kind=kind, start=i, end=i + len(sub), text=sub, value=v, low=lo, high=hi,
                   unit=unit, hedge=hedge)


def run(code: str, text: str, mentions: list[Mention], facts: FactSheet | None = None) -> list[Flag]:
    ctx = Context(text=text, published=None, mentions=sorted(mentions, key=lambda x: x.start),
                  facts=facts)
    return list(BY_CODE[code].func(ctx))


def spans(text: str, flags: list[Flag]) -> list[str]:
    return [text[f.start:f.end] for f in flags]


# ----------------------------------------------------------------------------- arithmetic


@pytest.mark.parametrize(("value", "written", "step"), [
    (6000, "6,000", 100), (6437, "6,437", 1), (1.3e6, "1.3 million", 1e5), (5, "5", 1),
    (40, "40%", 1), (5, "five", 1), (2000, "two thousand", 100), (2.5, "2.50", 0.01),
])
def test_held_step(value: float, written: str, step: float) -> None:
    assert num.held_step(value, written) == pytest.approx(step)


def test_bands_of_counts_roundings_hedges_and_ranges() -> None:
    t = "three and 12,000 and as many as 12,000 and 10-12 miles"
    assert num.band(m(t, "three", value=3)) == (3, 3)  # a whole count is exact
    assert num.band(m(t, "12,000")) == (11_500, 12_500)
    assert num.band(m(t, "as many as 12,000", value=12_000, hedge="at_most", low=None)) == (
        -math.inf, 12_000)
    rng = m(t, "10-12 miles", "quantity", value=11, unit="mile", low=10, high=12)
    assert num.band(rng) == (9.5, 12.5)


def test_overlap_needs_more_than_a_touch() -> None:
    assert not num.overlap((1.15, 1.25), (1.25, 1.35))
    assert num.overlap((3, 3), (2.5, 3.5)) and num.overlap((3, 3), (3, 3))
    assert num.overlap((-math.inf, 12_000), (10_000, 12_000))


def test_convert_linear_and_offset_units() -> None:
    assert num.convert(4000, "mile", "kilometer") == pytest.approx(6437.376)
    assert num.convert(104, "degree_Fahrenheit", "degree_Celsius") == pytest.approx(40)
    assert num.convert(1, "mile", "kilogram") is None


def test_fmt_follows_the_written_figure() -> None:
    assert num.fmt(6437.376, "6,000") == "6,437"
    assert num.fmt(70.63e6, "90 million", step=1e5) == "70.6 million"
    assert num.fmt(25.0, "40%") == "25"


def test_written_values_share_a_scale_and_keep_order() -> None:
    t = "from 1.5 to 1.3 million"
    r = m(t, t, value=1.4e6, low=1.5e6, high=1.3e6)
    assert [v for v, *_ in num.written_values(r)] == [1.5e6, 1.3e6]
    a, b = num.split_range(r)  # type: ignore[misc]
    assert (a.value, b.value, t[a.start:a.end], t[b.start:b.end]) == (1.5e6, 1.3e6, "1.5",
                                                                      "1.3 million")


# ----------------------------------------------------------------------------- N001


def conv(text: str, a: str, ua: str, b: str, ub: str, hedge: Hedge | None = None) -> list[str]:
    ma = m(text, a, "quantity", unit=ua, hedge=hedge)
    mb = m(text, b, "quantity", unit=ub, after=ma.end)
    return spans(text, run("N001", text, [ma, mb]))


def test_conversion_flags_and_suggests() -> None:
    t = "It is 4,000 miles (6,000 km) long."
    flags = run("N001", t, [m(t, "4,000 miles", "quantity", 4000, "mile"),
                            m(t, "6,000 km", "quantity", 6000, "kilometer")])
    assert spans(t, flags) == ["6,000 km"]
    assert flags[0].suggestion == "6,437 km"
    assert "6,400–6,500 km would agree" in flags[0].message


@pytest.mark.parametrize(("text", "a", "ua", "b", "ub", "flagged"), [
    ("It is 4,000 miles (6,400 km) long.", "4,000 miles", "mile", "6,400 km", "kilometer", False),
    ("It is 3 miles (5 km) long.", "3 miles", "mile", "5 km", "kilometer", False),
    ("It is 5 miles (3 km) long.", "5 miles", "mile", "3 km", "kilometer", True),
    ("It weighs 10 kg (25 lb).", "10 kg", "kilogram", "25 lb", "pound", False),
    ("It is 30,000 feet (9,000 m) up.", "30,000 feet", "foot", "9,000 m", "meter", False),
    ("A range of 5,600 miles (10,400 km).", "5,600 miles", "mile", "10,400 km", "kilometer",
     False),  # nautical miles
    ("It was 40 C (114 F).", "40 C", "degree_Celsius", "114 F", "degree_Fahrenheit", True),
    ("It was 32 F (0 C).", "32 F", "degree_Fahrenheit", "0 C", "degree_Celsius", False),
    ("Runners pick 5 km or 10 miles.", "5 km", "kilometer", "10 miles", "mile", False),
    ("It is 26.2 miles (41.9 km).", "26.2 miles", "mile", "41.9 km", "kilometer", True),
])
def test_conversion_cases(text: str, a: str, ua: str, b: str, ub: str, flagged: bool) -> None:
    assert bool(conv(text, a, ua, b, ub)) is flagged


def test_conversion_adds_a_larger_unit_before() -> None:
    t = "He stands 6 feet 2 inches (1.88 meters)."
    ms = [m(t, "6 feet", "quantity", unit="foot"), m(t, "2 inches", "quantity", unit="inch"),
          m(t, "1.88 meters", "quantity", unit="meter")]
    assert run("N001", t, ms) == []
    t = "He stands 6 feet 2 inches (1.5 meters)."
    ms[2] = m(t, "1.5 meters", "quantity", unit="meter")
    (flag,) = run("N001", t, ms)
    assert flag.message.startswith("6 feet 2 inches = 1.88 meters")


def test_conversion_hedge_loosens() -> None:
    t = "It is about 4,000 miles (6,000 km) long."
    assert conv(t, "about 4,000 miles", "mile", "6,000 km", "kilometer", hedge="approx") == []


# ----------------------------------------------------------------------------- N002


def test_conflicting_figures_minority_and_majority() -> None:
    t = ("Kyiv says 11,000 North Korean soldiers are in Kursk. The camps hold 11,000 North Korean "
         "soldiers. Seoul said 15,000 North Korean soldiers took part.")
    ms = [m(t, "11,000"), m(t, "11,000", after=t.index("camps")), m(t, "15,000")]
    flags = run("N002", t, ms)
    assert spans(t, flags) == ["15,000"]
    assert [e.role for e in flags[0].evidence] == ["majority", "majority"]


@pytest.mark.parametrize(("text", "subs", "flagged"), [
    ("Its army of 1.3 million soldiers. The army of 1.1 million soldiers.",
     [("1.3 million", 1.3e6), ("1.1 million", 1.1e6)], True),
    ("Some 9,000 combat troops went. About 3,000 support troops stayed.",
     [("9,000", 9000), ("3,000", 3000)], False),  # different qualifiers
    ("12,000 Korean troops came. Another 3,000 Korean troops are due.",
     [("12,000", 12000), ("3,000", 3000)], False),  # a contrast cue
    ("12,000 Korean troops came, and 3,000 Korean troops fought.",
     [("12,000", 12000), ("3,000", 3000)], False),  # one sentence
    ("12,000 Korean troops came. Numbers rose and 15,000 Korean troops are there.",
     [("12,000", 12000), ("15,000", 15000)], False),  # a sentence about change
])
def test_conflicting_figures_cases(text: str, subs: list[tuple[str, float]],
                                   flagged: bool) -> None:
    ms: list[Mention] = []
    for sub, v in subs:
        ms.append(m(text, sub, value=v, after=ms[-1].end if ms else 0))
    assert bool(run("N002", text, ms)) is flagged


# ----------------------------------------------------------------------------- N003


@pytest.mark.parametrize(("text", "subs", "flagged"), [
    ("Of the 450 members, 300 (75%) voted.", ["450", "300", "75%"], True),
    ("Of the 450 members, 300 (67%) voted.", ["450", "300", "67%"], False),
    ("Some 3,000 — or 40% — of the 12,000 troops", ["3,000", "40%", "12,000"], True),
    ("Some 900 of the 2,000 staff, or 45% of the firm's staff in Ohio", ["900", "2,000", "45%"],
     False),
])
def test_percent_cases(text: str, subs: list[str], flagged: bool) -> None:
    ms: list[Mention] = []
    for sub in subs:
        ms.append(m(text, sub, "percent" if sub.endswith("%") else "number",
                    after=ms[-1].end if ms else 0))
    flags = run("N003", text, ms)
    assert bool(flags) is flagged
    assert all(text[f.start:f.end].endswith("%") for f in flags)


def test_percent_nearly_is_a_band() -> None:
    t = "Of the 5,000 staff, 1,930 (nearly 40%) struck."
    pct = m(t, "nearly 40%", "percent", 40, hedge="nearly", low=35, high=40)
    assert run("N003", t, [m(t, "5,000"), m(t, "1,930"), pct]) == []


# ----------------------------------------------------------------------------- N004


@pytest.mark.parametrize(("text", "subs", "flagged"), [
    ("It left three dead and 12 injured, a total of 16 casualties.", ["three", "12", "16"], True),
    ("It left three dead and 12 injured, a total of 15 casualties.", ["three", "12", "15"], False),
    ("Police made 23 arrests: 12 in Paris, eight in Lyon and four in Nice.",
     ["23", "12", "eight", "four"], True),
    ("They counted 16 casualties, including three dead and 12 injured.", ["16", "three", "12"],
     False),
    ("It left three dead and 12 injured — 16 casualties.", ["three", "12", "16"], True),
    ("It left three dead and 12 injured in the attack, the worst of 16 casualties.",
     ["three", "12", "16"], False),
])
def test_sum_cases(text: str, subs: list[str], flagged: bool) -> None:
    words = {"three": 3, "eight": 8, "four": 4}
    ms: list[Mention] = []
    for sub in subs:
        ms.append(m(text, sub, value=words.get(sub), after=ms[-1].end if ms else 0))
    assert bool(run("N004", text, ms)) is flagged


# ----------------------------------------------------------------------------- N005


def test_change_percent_ratio_amount_and_points() -> None:
    t = "Exports rose 20% from 1.2 million to 1.3 million."
    r = m(t, "from 1.2 million to 1.3 million", value=1.25e6, low=1.2e6, high=1.3e6)
    flags = run("N005", t, [m(t, "20%", "percent"), r])
    assert spans(t, flags) == ["20%"] and "8.33%" in flags[0].message
    t = "Requests doubled to 5,200 from 3,400."
    assert spans(t, run("N005", t, [m(t, "5,200"), m(t, "3,400")])) == ["doubled"]
    t = "Requests nearly doubled to 6,400 from 3,400."
    assert run("N005", t, [m(t, "6,400"), m(t, "3,400")]) == []
    t = "Unemployment rose from 4% to 6%, a 2% increase."
    (flag,) = run("N005", t, [m(t, "4%", "percent"), m(t, "6%", "percent"),
                              m(t, "2%", "percent")])
    assert flag.severity == "info" and "percentage points" in flag.message
    t = "Turnout fell 15%, to 46,000 from 40,000."
    (flag,) = run("N005", t, [m(t, "15%", "percent"), m(t, "46,000"), m(t, "40,000")])
    assert "a rise of 15%" in flag.message


# ----------------------------------------------------------------------------- N006


@pytest.mark.parametrize(("text", "a", "b", "flagged"), [
    ("between 12,000 and 10,000 troops", "12,000", "10,000", True),
    ("between 10,000 and 12,000 troops", "10,000", "12,000", False),
    ("He served from 2019 to 2016.", "2019", "2016", True),
    ("It was moved from 2025 to 2024.", "2025", "2024", False),
    ("Output fell from 12,000 to 10,000 barrels.", "12,000", "10,000", False),
    ("Prices range from 250 to 90 euros.", "250", "90", True),
    ("The gap between 2024 and 2022 is wide.", "2024", "2022", False),
    ("Open between 10 and 2 on Sundays.", "10", "2", False),
])
def test_range_cases(text: str, a: str, b: str, flagged: bool) -> None:
    ma = m(text, a)
    assert bool(run("N006", text, [ma, m(text, b, after=ma.end)])) is flagged


# ----------------------------------------------------------------------------- F002


SHEET = FactSheet.from_data({"figure": [{
    "id": "army", "subject": "North Korea's army", "aliases": ["its army", "North Korean army"],
    "value": 1_300_000, "unit": "soldier", "as_of": "2024-01-01"}]})


@pytest.mark.parametrize(("text", "sub", "value", "flagged"), [
    ("more troops from its army of 1.1 million soldiers", "1.1 million", 1.1e6, True),
    ("more troops from its army of 1.3 million soldiers", "1.3 million", 1.3e6, False),
    ("North Korea's army sent 12,000 soldiers", "12,000", 12_000, False),
    ("The North Korean army numbers 1.28 million troops", "1.28 million", 1.28e6, False),
])
def test_fact_figures(text: str, sub: str, value: float, flagged: bool) -> None:
    flags = run("F002", text, [m(text, sub, value=value)], facts=SHEET)
    assert bool(flags) is flagged
    assert all(f.suggestion == "1.3 million" for f in flags)


# ----------------------------------------------------------------------------- safety


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%()-—ofandtobetweenfromrosemiles")),
               max_size=80),
       st.lists(st.tuples(st.integers(0, 80), st.integers(1, 12),
                          st.sampled_from(["number", "percent", "quantity", "money"]),
                          st.floats(-1e6, 1e6, allow_nan=False)), max_size=6))
def test_checks_never_raise(text: str, raw: list[tuple[int, int, str, float]]) -> None:
    ms, end = [], 0
    for start, length, kind, value in sorted(raw):
        start = max(start, end)
        if start >= len(text):
            break
        end = min(len(text), start + length)
        ms.append(Mention(kind=kind, start=start, end=end, text=text[start:end],  # type: ignore
                          value=value, low=value, high=value,
                          unit="mile" if kind == "quantity" else None))
    for code in ("N001", "N002", "N003", "N004", "N005", "N006", "F002"):
        for f in run(code, text, ms, facts=SHEET):
            assert 0 <= f.start <= f.end <= len(text)

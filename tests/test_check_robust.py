"""``numclaims.check`` accepts any text: no exception, and every finding's span is exact.

Property tests over random text (arbitrary unicode), and over text built from the pieces that
trigger the checks (figures, units, dates, weekdays, hedges, brackets, "from ... to", "of the",
"a total of"), with and without a document date and with the seed's fact sheet. Each finding must
lie inside the text with ``text[start:end] == finding.text``, and so must each piece of evidence
that points into the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numclaims
from numclaims.facts import FactSheet

ROOT = Path(__file__).resolve().parents[1]
SHEET = FactSheet.load(ROOT / "seeds" / "000_b25511bfe7d2328e.facts.toml")

# Pieces that start figures and cues of every check, joined at random.
PIECES = [
    "4,000 miles", "(6,437 km)", "(6,000 km)", "about", "nearly", "more than", "some", "12,000",
    "1.3 million", "$4.48 billion", "€87.40", "40%", "or 25%", "of the", "of its", "Of the",
    "a total of", "in all", "and", ",", ".", " ", "—", "(", ")", "from", "to", "between",
    "rose 20%", "fell", "doubled", "up 4.1% from", "a drop of", "Monday,", "Tuesday, Nov. 5, 2024",
    "Feb. 30", "Sept. 31, 2023", "Oct. 28", "2022", "in 2015,", "nine years ago", "last month",
    "yesterday", "two weeks after", "the war", "began on Feb. 24, 2022,", "since", "later",
    "Kim Jong Un, 40,", "He was 91.", "He was born on March 14, 1933.", "Born in 1950,",
    "died on Sunday, Nov. 3, 2024,", "the 40-year-old", "in its third year", "6-3", "2023-24",
    "No. 23-939", "Route 66", "COVID-19", "Boeing 737", "8:30 p.m.", "1.48°C", "(2.66°F)", "above",
    "128°F", "(53.3°C)", "troops", "soldiers", "people", "passengers", "casualties", "killed",
    "injured", "turnout of", "percentage points", "numclaims: ignore[sum-mismatch]", "\n", "\n\n",
    "Jan. 1, 0001", "Dec. 31, 9999", "3.2 billion hours ago", "10,000 years ago", "the next day",
    "a fortnight later", "next Friday", "in two months", "from May to September", "next Easter",
]
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
                  st.dates())  # the whole calendar: arithmetic near year 1 or 9999 must not raise
SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _assert_spans(text: str, report: numclaims.Report) -> None:
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        for ev in f.evidence:
            if ev.start is not None and ev.end is not None:
                assert 0 <= ev.start <= ev.end <= len(text), ev
                assert text[ev.start:ev.end] == ev.text, ev


@SETTINGS
@given(text=st.text(max_size=400), published=DATES, with_facts=st.booleans())
def test_any_text_is_safe(text: str, published: dt.date | None, with_facts: bool) -> None:
    report = numclaims.check(text, published=published, facts=SHEET if with_facts else None)
    _assert_spans(text, report)


@SETTINGS
@given(parts=st.lists(st.sampled_from(PIECES), max_size=60),
       seps=st.lists(st.sampled_from([" ", "", ", ", " and ", ". "]), max_size=60),
       published=DATES, with_facts=st.booleans())
def test_dense_claims_are_safe(parts: list[str], seps: list[str], published: dt.date | None,
                               with_facts: bool) -> None:
    text = "".join(p + (seps[i] if i < len(seps) else " ") for i, p in enumerate(parts))
    report = numclaims.check(text, published=published, facts=SHEET if with_facts else None)
    _assert_spans(text, report)


def test_the_pieces_do_raise_findings() -> None:
    """The strategy above reaches the checks: a text of its pieces yields findings of several
    rules, so the span assertions are not vacuous."""
    text = ("It ran 4,000 miles (6,000 km). Tuesday, Nov. 6, 2024 was busy. The date Feb. 30 "
            "passed. The blast left three dead and 12 injured, a total of 16 casualties.")
    report = numclaims.check(text, published="2024-11-08")
    rules = {f.rule for f in report.findings}
    assert {"conversion-mismatch", "weekday-mismatch", "invalid-date", "sum-mismatch"} <= rules
    _assert_spans(text, report)


# Calendar arithmetic past year 1 or 9999: relative days in a document dated at either end, offsets
# too large for any calendar, fact dates at either end. Each must give a report, not an exception.
EDGE_TEXTS = [
    "It happened 3.2 billion hours ago.", "Dec. 31, 9999 and the next day", "Jan. 1, 0001, the day before",
    "on Monday", "next weekend", "last weekend", "tomorrow", "yesterday", "next Easter", "next Friday",
    "between now and December", "the second week of next year", "the first week of 9999",
    "Monday, Oct. 29, 9999", "Friday, Jan. 1, 0001", "The war began nearly two years ago.",
    "Smith, 40, said the war began on Jan. 1, 0001.", "The war began 10,000 years ago.",
    "The war is in its third year.", "The three-year-old war began on Jan. 1.",
]
EDGE_SHEET = """
[[event]]
id = "war"
name = "the war"
aliases = ["the war"]
start = {day}
source = "a test"

[[person]]
id = "smith"
name = "John Smith"
aliases = ["Smith"]
born = {day}
source = "a test"
"""


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-07", "2024-11-05", "9999-12-25", "9999-12-31"])
def test_the_ends_of_the_calendar_are_safe(tmp_path: Path, day: str, published: str) -> None:
    sheet = tmp_path / "facts.toml"
    sheet.write_text(EDGE_SHEET.format(day=day), encoding="utf-8")
    for text in EDGE_TEXTS:
        for facts in (None, sheet):
            _assert_spans(text, numclaims.check(text, published=published, facts=facts))

"""The temporal checks on hand-built mentions (independent of the extractors): the arithmetic, the
tolerances (hedges and granularity), the evidence, the suggestions and what goes to unverified."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from _mentions import day, mk

from numclaims.checks import all_checks
from numclaims.checks.elapsed import amount
from numclaims.checks.registry import Context, Flag
from numclaims.facts import FactSheet
from numclaims.models import Mention

FACTS = FactSheet.load(Path(__file__).resolve().parents[1] / "seeds" /
                       "000_b25511bfe7d2328e.facts.toml")
PUB = dt.date(2024, 11, 5)
BY_SLUG = {c.slug: c for c in reversed(all_checks())}  # a shared slug maps to its first code


def span(text: str, sub: str, a: dt.date, b: dt.date, timex: str, **kw: Any) -> Mention:
    return mk(text, sub, "date", timex=timex, date_start=a, date_end=b, **kw)


def dur(text: str, sub: str, value: float, unit: str = "year", hedge: str | None = None,
        low: float | None = None, high: float | None = None, **kw: Any) -> Mention:
    if hedge is None:
        low = high = value
    return mk(text, sub, "duration", value=value, unit=unit, hedge=hedge, low=low, high=high, **kw)


def run(slug: str, text: str, mentions: list[Mention], published: dt.date | None = PUB,
        facts: FactSheet | None = FACTS) -> tuple[list[Flag], Context]:
    ctx = Context(text=text, published=published, mentions=sorted(mentions, key=lambda m: m.start),
                  facts=facts)
    return list(BY_SLUG[slug].func(ctx)), ctx


WAR = "Officials see an escalation of the war which started {} ago."


@pytest.mark.parametrize(("words", "value", "hedge", "low", "high", "flagged"), [
    ("nearly two years", 2, "nearly", 1.75, 2.0, True),      # 2y8m is more than two years
    ("nearly three years", 3, "nearly", 2.625, 3.0, False),  # 2y8m is nearly three
    ("more than two years", 2, "more_than", 2.0, 3.0, False),
    ("two years", 2, None, None, None, False),               # two completed years
    ("about two years", 2, "approx", 1.75, 2.25, True),
    ("three years", 3, None, None, None, False),             # rounded to the nearest year
    ("a year", 1, None, None, None, True),
    ("32 months", 32, None, None, None, False),
    ("20 months", 20, None, None, None, True),
])
def test_hedges_and_granularity_decide(words: str, value: float, hedge: str | None,
                                       low: float | None, high: float | None,
                                       flagged: bool) -> None:
    text = WAR.format(words)
    unit = "month" if "month" in words else "year"
    flags, _ = run("elapsed-time", text, [dur(text, words, value, unit, hedge, low, high,
                                              anchor="published")])
    assert bool(flags) is flagged, [f.message for f in flags]


def test_headline_message_evidence_and_suggestion() -> None:
    text = WAR.format("nearly two years")
    (flag,), _ = run("elapsed-time", text, [dur(text, "nearly two years", 2, "year", "nearly",
                                                  1.75, 2.0, anchor="published")])
    assert flag.message == ("'nearly two years ago' from Nov. 5, 2024 points to November 2022–February "
                            "2023; the war began on Feb. 24, 2022, 2 years 8 months earlier")
    assert flag.suggestion == "more than two and a half years"
    roles = [e.role for e in flag.evidence]
    assert roles == ["fact", "published"]
    assert flag.evidence[0].source and flag.evidence[0].source.endswith(
        "2 March 2022)") and "[[event]] invasion" in flag.evidence[0].source


def test_unverified_without_anchor_and_without_date() -> None:
    text = WAR.format("nearly two years")
    m = dur(text, "nearly two years", 2, "year", "nearly", 1.75, 2.0, anchor="published")
    flags, ctx = run("elapsed-time", text, [m], facts=None)
    assert flags == [] and "no anchor for 'the war'" in ctx.unverified[0].reason
    flags, ctx = run("elapsed-time", text, [m], published=None)
    assert flags == [] and "no document date" in ctx.unverified[0].reason


def test_anchor_from_the_text_when_no_fact_sheet() -> None:
    text = ("The strike began on March 3, 2024. The strike, which began nearly five months ago, "
            "goes on.")
    ms = [day(text, "March 3, 2024", dt.date(2024, 3, 3)),
          dur(text, "nearly five months", 5, "month", "nearly", 4.375, 5.0, anchor="published")]
    (flag,), _ = run("elapsed-time", text, ms, facts=None)
    assert "8 months earlier" in flag.message
    assert flag.evidence[0].role == "other-claim" and flag.evidence[0].text == "March 3, 2024"
    assert flag.suggestion == "eight months"


def test_apposition_offset_ordinal_and_old() -> None:
    text = "It was founded in 2015, seven years ago."
    ms = [span(text, "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31), "2015"),
          dur(text, "seven years", 7, anchor="published")]
    (flag,), _ = run("elapsed-time", text, ms, facts=None)
    assert flag.suggestion is None and "seven years" in flag.message
    ms[1] = dur(text, "seven years", 9, anchor="published")  # nine years: within the band
    text9 = text.replace("seven", "nine ")
    assert run("elapsed-time", text9, ms, facts=None)[0] == []

    text = "It collapsed on March 29, 2023, two weeks after it was signed on March 1, 2023."
    ms = [day(text, "March 29, 2023", dt.date(2023, 3, 29)), dur(text, "two weeks", 2, "week"),
          day(text, "March 1, 2023", dt.date(2023, 3, 1))]
    (flag,), _ = run("elapsed-time", text, ms, published=dt.date(2023, 4, 1), facts=None)
    assert flag.suggestion == "4 weeks" or "4 weeks" in flag.message

    text = "The war, now in its second year, goes on."
    (flag,), _ = run("elapsed-time", text, [mk(text, "second", "ordinal", value=2)])
    assert flag.suggestion == "third"
    text = "The war, now in its third year, goes on."
    assert run("elapsed-time", text, [mk(text, "third", "ordinal", value=3)])[0] == []

    text = "The three-year-old war goes on."
    (flag,), _ = run("elapsed-time", text, [dur(text, "three-year", 3)])
    assert flag.suggestion == "two-year"


@pytest.mark.parametrize(("rd", "words"), [
    ((2, 8, 12), "more than two and a half years"), ((2, 0, 3), "two years"),
    ((2, 3, 0), "more than two years"), ((2, 10, 0), "nearly three years"),
    ((1, 7, 0), "more than a year and a half"), ((0, 8, 1), "eight months"),
    ((0, 8, 20), "more than eight and a half months"),
])
def test_amount_wording(rd: tuple[int, int, int], words: str) -> None:
    from dateutil.relativedelta import relativedelta

    assert amount(relativedelta(years=rd[0], months=rd[1], days=rd[2])) == words


def test_age_against_fact_and_birth_year() -> None:
    text = "Kim Jong Un, 41, met the envoy."
    (flag,), _ = run("age-mismatch", text, [mk(text, "41", "number", value=41)])
    assert flag.suggestion == "40" and "born Jan. 8, 1984, so on Nov. 5, 2024 the age is 40" in flag.message
    text = "Kim Jong Un, 40, met the envoy."
    assert run("age-mismatch", text, [mk(text, "40", "number", value=40)])[0] == []
    text = "Kim Jong Un, 40, met the envoy."
    _, ctx = run("age-mismatch", text, [mk(text, "40", "number", value=40)], published=None)
    assert "no document date" in ctx.unverified[0].reason


def test_weekday_with_year_and_year_less() -> None:
    text = "They met on Monday, Oct. 29, 2024, in Seoul."
    (flag,), _ = run("weekday-mismatch", text, [day(text, "Monday, Oct. 29, 2024",
                                                      dt.date(2024, 10, 29))])
    assert flag.suggestion == "Tuesday, Oct. 29, 2024" and "was a Tuesday" in flag.message
    text = "They meet on Tuesday, Feb. 24."
    m = day(text, "Feb. 24", dt.date(2025, 2, 24), anchor="published")
    (flag,), _ = run("weekday-mismatch", text, [m])
    assert text[flag.start:flag.end] == "Tuesday, Feb. 24"
    text = "They met on Friday, Feb. 24."
    m = day(text, "Feb. 24", dt.date(2023, 2, 24), anchor="published")
    assert run("weekday-mismatch", text, [m], published=dt.date(2023, 3, 1))[0] == []


@pytest.mark.parametrize(("sub", "flagged"), [
    ("Feb. 30, 2023", True), ("Feb. 29, 2023", True), ("Feb. 29, 2024", False),
    ("June 31", True), ("June 30", False), ("31 April 2024", True),
])
def test_invalid_dates(sub: str, flagged: bool) -> None:
    text = f"It happened on {sub} in Kyiv."
    m = mk(text, sub, "date", note="no such day")
    assert bool(run("invalid-date", text, [m])[0]) is flagged


def test_date_order_pairs_and_begin_end() -> None:
    text = "The deal was signed in March 2019, after talks began in June 2021."
    ms = [span(text, "March 2019", dt.date(2019, 3, 1), dt.date(2019, 3, 31), "2019-03"),
          span(text, "June 2021", dt.date(2021, 6, 1), dt.date(2021, 6, 30), "2021-06")]
    (flag,), _ = run("date-order", text, ms)
    assert text[flag.start:flag.end] == "March 2019" and flag.evidence[0].text == "June 2021"
    text = "The strike began on Dec. 28 and ended on Jan. 3, the union said."
    ms = [day(text, "Dec. 28", dt.date(2023, 12, 28), anchor="published"),
          day(text, "Jan. 3", dt.date(2023, 1, 3), anchor="published")]
    assert run("date-order", text, ms)[0] == []  # read across the new year
    text = "The strike began on March 10 and ended on March 3, the union said."
    ms = [day(text, "March 10", dt.date(2024, 3, 10), anchor="published"),
          day(text, "March 3", dt.date(2024, 3, 3), anchor="published")]
    (flag,), _ = run("date-order", text, ms)
    assert text[flag.start:flag.end] == "March 3"


def test_relative_date_pairs_and_same_event() -> None:
    text = "The minister resigned yesterday, Oct. 28, after protests."
    ms = [day(text, "yesterday", dt.date(2024, 11, 4), anchor="published"),
          day(text, "Oct. 28", dt.date(2024, 10, 28), anchor="published")]
    (flag,), _ = run("relative-date-mismatch", text, ms)
    assert text[flag.start:flag.end] == "yesterday"
    ms[1] = day(text, "Oct. 28", dt.date(2024, 11, 4), anchor="published")
    assert run("relative-date-mismatch", text, ms)[0] == []


def test_fact_dates_with_suggestions_and_ambiguous_seasons() -> None:
    text = "Russia's war against Ukraine, which began in 2021, goes on."
    (flag,), _ = run("fact-mismatch", text, [span(text, "2021", dt.date(2021, 1, 1),
                                                    dt.date(2021, 12, 31), "2021")])
    assert flag.suggestion == "2022" and flag.evidence[0].role == "fact"
    text = "Since an incursion that began last summer, troops have held the area."
    for timex, y in (("2024-SU", 2024), ("2025-SU", 2025), ("2026-SU", 2026)):
        m = span(text, "last summer", dt.date(y, 6, 1), dt.date(y, 8, 31), timex, anchor="published")
        flags, _ = run("fact-mismatch", text, [m])
        assert bool(flags) is (y == 2026)  # the resolved summer or the one before
    assert run("fact-mismatch", text, [m], facts=None)[0] == []

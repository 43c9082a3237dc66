"""Fact-sheet date checks: fact-mismatch (F001) for dates.

A date the text gives for a fact-sheet event ("the war began in 2021", "the treaty, signed on June
12, 2024", "an incursion that began last summer") or person ("Kim Jong Un, born in 1982") must be
able to denote the day the sheet records. The event is found by ``numclaims.link.events`` (names and
aliases of the sheet). Does not live here: elapsed times against the sheet ("two years ago":
``elapsed``), figures against the sheet (the numeric checks append their own fact-mismatch code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..facts import FactSheet
from ..link.events import Link, links
from ..link.phrases import is_relative
from ..models import Evidence
from ._say import in_sentence
from ._temporal import (
    VERBED,
    Days,
    birth_days,
    birth_fact,
    event_fact,
    fmt_day,
    fmt_days,
    has_year,
    overlaps,
    published,
    readings,
)
from .registry import Context, Flag, register


def _fact(facts: FactSheet, link: Link) -> tuple[Days, Evidence] | None:
    """The days the sheet records for the linked point, and the evidence naming its entry."""
    ev, person = link.ref.event, link.ref.person
    if person is not None and link.role == "born" and person.born is not None:
        return birth_days(person.born), birth_fact(facts, person)
    if ev is None or link.role not in ("begin", "end", "date"):
        return None
    return event_fact(facts, ev, link.role)


def _widened(days: Days, approx: bool) -> Days:
    """'around 2022' also allows the neighbouring span of the same length."""
    if not approx:
        return days
    width = (days[1] - days[0]) + dt.timedelta(days=1)
    return days[0] - width, days[1] + width


def _fix(text: str, said: Days, day: dt.date) -> str | None:
    """The fact's day written at the granularity of the claim: "2022", "February 2022"."""
    length = (said[1] - said[0]).days + 1
    lead = text[:3] if text[:3].lower() in ("in ", "on ") else ""
    if length == 1:
        return ("on " if lead else "") + fmt_day(day)
    if 28 <= length <= 31:
        return f"{lead}{day.strftime('%B')} {day.year}"
    if length >= 365:
        return f"{lead}{day.year}"
    return None


@register("F001", "fact-mismatch")
def fact_mismatch_dates(ctx: Context) -> Iterator[Flag]:
    """What it flags: a date given for a fact-sheet event or person that cannot denote the day the sheet records: "the war began in 2021" when the sheet says 2022-02-24; "Kim Jong Un, born in 1982,"; "the treaty, signed on June 12, 2024,".
    Why it matters: the fact sheet is what the newsroom has verified; a date that contradicts it is a wrong date or a wrong event.
    Example:
    (facts seeds/000_b25511bfe7d2328e.facts.toml) Russia's war against Ukraine, which began in 2021, has killed tens of thousands.
    (facts seeds/000_b25511bfe7d2328e.facts.toml) Kim Jong Un, born in 1982, took power after his father died.
    Not flagged:
    (facts seeds/000_b25511bfe7d2328e.facts.toml) Russia's war against Ukraine, which began in 2022, has killed tens of thousands.
    (published 2024-11-05) (facts seeds/000_b25511bfe7d2328e.facts.toml) Since an incursion that began last summer, Ukrainian troops have held part of the region.
    Limitations: only dates tied to an event by a verb ("began", "ended", "signed", "born") right before them are checked. A year-less date is compared in the neighbouring years too, "last summer" in the resolved summer and the one before, and "around 2022" also allows 2021 and 2023.
    """
    if ctx.facts is None:
        return
    for link in links(ctx).links:
        m = link.mention
        if m.kind != "date" or link.role not in VERBED:
            continue
        fact = _fact(ctx.facts, link)
        said = readings(m)
        if fact is None or not said:
            continue
        days, evidence = fact
        approx = m.hedge == "approx" or m.mod == "APPROX"
        if overlaps([days], (_widened(s, approx) for s in said)):
            continue
        verbed = VERBED[link.role]
        read = "" if has_year(m) and not is_relative(m) else f" ({fmt_days(said[-1])}" + (
            ")" if has_year(m) else ", the year read from the document date)")
        on = "on" if days[0] == days[1] else "in"
        msg = (f"{in_sentence(link.ref.text)} {verbed} {on} {fmt_days(days)} per the fact sheet, "
               f"not '{m.text}'{read}")
        fix = _fix(m.text, said[-1], days[0]) if days[0] == days[1] and not is_relative(m) else None
        ev = (evidence, published(ctx)) if m.anchor else (evidence,)
        yield Flag(m.start, m.end, msg, ev, fix)

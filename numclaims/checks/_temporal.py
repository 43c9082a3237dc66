"""Shared reading of dates for the temporal checks: days, years, formatting, facts, evidence.

Lives here: what every temporal check needs to read a date the way a copy editor does — the days
a mention can denote (``days_of``, and ``readings`` with the neighbouring years of a year-less
date), whether its words fix the year (``has_year``), whether two spans of days meet
(``overlaps``), dates written for a message (``fmt_day``, ``fmt_days``), the dates and evidence of
a fact-sheet entry (``event_fact``, ``birth_fact``), the ages a birth date allows (``birth_days``,
``ages_on``) and the document date as evidence (``published``). Tolerances come from ``numclaims/data/temporal_checks.toml``.

Not here: any rule (the check families beside this module), calendar arithmetic
(``numclaims.calendar``), event linking (``numclaims.link.events``). The leading underscore keeps
this module out of the check families.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import regex
from dateutil.relativedelta import relativedelta

from .. import calendar as cal
from ..config import load_data
from ..facts import Event, FactSheet, Person
from ..link.phrases import is_relative
from ..models import Evidence, Mention
from .registry import Context

Days = tuple[dt.date, dt.date]
Point = str  # "begin", "end" or "date": which day of an event
# How a message says that an event reached a point: "the war began 2022-02-24".
VERBED = {"begin": "began", "end": "ended", "date": "took place", "born": "was born"}
_MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
               "Nov.", "Dec.")
_YEAR_WRITTEN = regex.compile(r"(?<!\d)(?:1[89]|20|21)\d\d(?!\d)|['’]\d\d\b")


def tolerances() -> dict[str, Any]:
    """The temporal_checks.toml table."""
    return load_data("temporal_checks")


def days_of(m: Mention) -> Days | None:
    """The first and last day a date mention can denote, or None when unresolved."""
    if m.date_start is not None and m.date_end is not None:
        return m.date_start, m.date_end
    return cal.timex_bounds(m.timex) if m.timex else None


def has_year(m: Mention) -> bool:
    """Whether the words fix the year: written out ("Oct. 28, 2024"), or a relative expression
    resolved from the document date ("last month"); not a year the resolver guessed ("June")."""
    return is_relative(m) or _YEAR_WRITTEN.search(m.text) is not None


def readings(m: Mention) -> list[Days]:
    """Every span of days a date mention may denote: its resolved days, and for a year-less
    date ("in June") or an ambiguous relative season ("last summer") the neighbouring years too."""
    days = days_of(m)
    if days is None:
        return []
    tol = tolerances()["dates"]
    if not has_year(m):
        years = range(-int(tol["yearless_years"]), int(tol["yearless_years"]) + 1)
    elif is_relative(m) and (m.timex or "")[-2:] in tol["ambiguous_relative"]:
        years = range(-1, 1)
    else:
        return [days]
    return [(days[0] + relativedelta(years=y), days[1] + relativedelta(years=y)) for y in years
            if 1 <= days[0].year + y and days[1].year + y <= 9999]  # within the calendar


def overlaps(a: Iterable[Days], b: Iterable[Days]) -> bool:
    """Whether some span of ``a`` shares a day with some span of ``b``."""
    bs = list(b)
    return any(x[0] <= y[1] and y[0] <= x[1] for x in a for y in bs)


def fmt_day(d: dt.date | None) -> str:
    """'Oct. 28, 2024': the one way every message writes a day (AP style, as editors write it)."""
    if d is None:
        return "an unknown date"
    return f"{_MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"


def _month(d: dt.date) -> str:
    return f"{d.strftime('%B')} {d.year}"


def fmt_days(span: Days) -> str:
    """A span of days the way a message writes it: 'Oct. 28, 2024', 'Oct. 28–Nov. 3, 2024',
    'Dec. 20, 2023–Jan. 5, 2024', 'October 2024', 'November 2022–February 2023', '2022',
    '2021–2023'. A long span that is no whole months is rounded out to its months."""
    a, b = span
    if a == b:
        return fmt_day(a)
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
    whole = a.day == 1 and (b == dt.date.max or (b + dt.timedelta(days=1)).day == 1)
    if not whole and (b - a).days < 60:
        if a.year != b.year:
            return f"{fmt_day(a)}–{fmt_day(b)}"
        if a.month == b.month:
            return f"{_MONTH_ABBR[a.month - 1]} {a.day}–{b.day}, {a.year}"
        return f"{_MONTH_ABBR[a.month - 1]} {a.day}–{_MONTH_ABBR[b.month - 1]} {b.day}, {a.year}"
    if (a.year, a.month) == (b.year, b.month):
        return _month(a)
    return f"{_month(a)}–{_month(b)}"


def published(ctx: Context) -> Evidence:
    """The document date as evidence."""
    return Evidence(role="published", text=str(ctx.published))  # ISO: a field, not prose


def event_fact(facts: FactSheet, ev: Event, point: Point) -> tuple[Days, Evidence] | None:
    """The days the sheet records for ``point`` of an event (its whole span for "date"), and the
    evidence naming the entry; None when the sheet does not date that point."""
    if point == "end":
        if ev.ends is None:
            return None
        days = (ev.ends, ev.ends)
    elif point == "date":
        days = (ev.begins, ev.ends or ev.begins)
    else:
        days = (ev.begins, ev.begins)
    said = f"{ev.name}: {VERBED[point]} {fmt_days(days)}"
    return days, Evidence(role="fact", text=said, source=facts.cite("event", ev))


def birth_fact(facts: FactSheet, person: Person) -> Evidence:
    """The evidence of a person's birth date (or year) on the sheet."""
    born = fmt_day(person.born) if isinstance(person.born, dt.date) else str(person.born)
    return Evidence(role="fact", text=f"{person.name}: born {born}",
                    source=facts.cite("person", person))


def birth_days(born: dt.date | int) -> Days:
    """The days a birth date allows: one day, or a whole year when only the year is known."""
    if isinstance(born, dt.date):
        return born, born
    return dt.date(born, 1, 1), dt.date(born, 12, 31)


def ages_on(born: Days, on: dt.date) -> set[int]:
    """The ages a person born within ``born`` (one day, or a whole year) can have on ``on``."""
    return {on.year - b.year - ((on.month, on.day) < (b.month, b.day)) for b in born}

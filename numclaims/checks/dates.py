"""Date checks: weekday-mismatch (T001), invalid-date (T002) and date-order (T005).

Does not live here: the date helpers every temporal family shares (``_temporal``), elapsed times
(``elapsed``), ages (``ages``), relative dates against explicit ones (``relative``), dates against the
fact sheet (``fact_dates``), event linking (``numclaims.link``), calendar arithmetic
(``numclaims.calendar``). Tolerances come from ``data/temporal_checks.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import regex
from dateutil.relativedelta import relativedelta

from .. import calendar as cal
from ..link.events import links
from ..models import Evidence, Mention
from ._say import in_sentence
from ._temporal import days_of, fmt_day, fmt_days, has_year, published, tolerances
from .registry import Context, Flag, claim, register

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --------------------------------------------------------------------------- T001


@functools.cache
def _weekday_re() -> Any:
    names = sorted(cal.time_data()["weekdays"], key=len, reverse=True)
    alt = "|".join(regex.escape(n) for n in [*names, *(n.upper() for n in names)])
    return (regex.compile(r"(?P<wd>" + alt + r")(?![\w])\.?,?\s*"),
            regex.compile(r"(?<![\w])(?P<wd>" + alt + r")(?![\w])\.?\s*,?\s*(?:the\s+)?\Z"))


def _weekday_of(ctx: Context, m: Mention) -> tuple[int, int] | None:
    """(start of the weekday word, its ISO number) for a date written with its weekday."""
    inner, before = _weekday_re()
    wd = inner.match(m.text)
    if wd is not None:
        start = m.start + wd.start()
    else:
        wd = before.search(ctx.text, max(0, m.start - 16), m.start)
        if wd is None or (len(wd["wd"]) > 5 and "." in ctx.text[wd.end("wd"):m.start]):
            return None  # a full name then a dot ends a sentence: "on Sunday. The day after ..."
        start = wd.start()
    name = wd.group("wd")
    table = cal.time_data()["weekdays"]
    return start, int(table.get(name) or table[name.title()])


def _yearless_days(ctx: Context, m: Mention, day: dt.date) -> list[dt.date]:
    """A year-less day read in every year that puts it near the document date."""
    tol = tolerances()["dates"]
    if ctx.published is None:
        return []
    lo = cal.plus_days(ctx.published, -tol["weekday_past_days"])
    hi = cal.plus_days(ctx.published, tol["weekday_future_days"])
    out = []
    for y in range(ctx.published.year - 2, ctx.published.year + 2):
        try:
            d = day.replace(year=y)
        except ValueError:
            continue
        if lo <= d <= hi:
            out.append(d)
    return out


@register("T001", "weekday-mismatch")
def weekday_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: a weekday that does not fall on the stated date ("Monday, Oct. 29, 2024" was a Tuesday); a year-less date ("Tuesday, Feb. 24") is read in every year that puts it within a year before or half a year after the document date.
    Why it matters: the weekday and the date are two claims about one day; when they disagree one of them is wrong, and readers cannot tell which.
    Example:
    The rally was held in Seoul on Monday, Oct. 29, 2024, police said.
    (published 2024-11-05) Talks resumed on Tuesday, Feb. 24, officials said.
    Not flagged:
    The rally was held in Seoul on Monday, Oct. 28, 2024, police said.
    (published 2023-03-01) Talks resumed on Friday, Feb. 24, officials said.
    Limitations: only a weekday written right before its date (or inside it) is checked; "Oct. 28 (Monday)" is not. A year-less date in a document without a date is not checked.
    """
    for m in ctx.mentions:
        days = days_of(m) if m.kind == "date" else None
        if days is None or days[0] != days[1]:
            continue
        wd = _weekday_of(ctx, m)
        if wd is None:
            continue
        start, iso = wd
        candidates = [days[0]] if has_year(m) else _yearless_days(ctx, m, days[0])
        if not candidates or any(d.isoweekday() == iso for d in candidates):
            continue
        said = _WEEKDAY_NAMES[iso - 1]
        span_text = ctx.text[start:m.end]
        if has_year(m):
            real = _WEEKDAY_NAMES[days[0].weekday()]
            msg = f"{fmt_day(days[0])} was a {real}, not a {said}"
            ev: tuple[Evidence, ...] = ()
            fix = regex.sub(r"^\w+", real, span_text, count=1)
        else:
            real = " or ".join(f"a {_WEEKDAY_NAMES[d.weekday()]} in {d.year}" for d in candidates)
            msg = (f"{m.text} is {real} (read near the document date {fmt_day(ctx.published)}), "
                   f"never a {said}")
            ev, fix = (published(ctx),), None
        yield Flag(start, m.end, msg, ev, fix)


# --------------------------------------------------------------------------- T002


@functools.cache
def _month_day_re() -> Any:
    names = sorted(cal.time_data()["months"], key=len, reverse=True)
    alt = "|".join(regex.escape(n) for n in [*names, *(n.upper() for n in names)])
    return regex.compile(
        r"(?:(?P<m1>" + alt + r")(?![\w])\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
        r"|(?<!\d)(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + alt + r")(?![\w]))"
        r"(?:\.?,?\s+(?P<y>\d{4})(?!\d))?")


def _impossible(m: Mention) -> tuple[str, int, int | None, int] | None:
    """(month name, day, year or None, days in that month) when the words name no real day."""
    md = _month_day_re().search(m.text)
    if md is None:
        return None
    name = md.group("m1") or md.group("m2")
    table = cal.time_data()["months"]
    month = int(table.get(name) or table[name.title()])
    day = int(md.group("d1") or md.group("d2"))
    year = int(md.group("y")) if md.group("y") else None
    last = cal.month_end(year if year else 2024, month).day  # no year: Feb. 29 exists
    return (name, day, year, last) if day > last or day == 0 else None


@register("T002", "invalid-date")
def invalid_date(ctx: Context) -> Iterator[Flag]:
    """What it flags: a date that does not exist: a day past the end of its month ("Feb. 30, 2023", "June 31"), or Feb. 29 of a year that is not a leap year.
    Why it matters: an impossible date is always a typo, and nothing downstream (weekdays, elapsed times, ordering) can use it.
    Example:
    The ceasefire was due to take effect on Feb. 30, 2023, the ministry said.
    The board met on June 31 to approve the budget.
    Not flagged:
    The ceasefire took effect on Feb. 29, 2024, the ministry said.
    The board met on June 30 to approve the budget.
    Limitations: only dates with a month name are checked; numeric dates such as 31/06/2023 are not.
    """
    for m in ctx.mentions:
        # a real day the resolver placed cannot be impossible; the words are parsed only otherwise
        real = m.date_start is not None and m.date_start == m.date_end and has_year(m)
        bad = _impossible(m) if m.kind == "date" and not real else None
        if bad is None:
            continue
        name, day, year, last = bad
        where = f"{name} {year}" if year else name
        msg = (f"{m.text} does not exist: {where} has {last} days" if day else
               f"{m.text} does not exist: days are counted from 1")
        yield Flag(m.start, m.end, msg, (), None)


# --------------------------------------------------------------------------- T005


def _reversed(later: Mention, earlier: Mention) -> str | None:
    """Why ``later`` cannot come after ``earlier`` (None when it can, or when unsure)."""
    a, b = days_of(later), days_of(earlier)
    if a is None or b is None or a[1] >= b[0]:
        return None
    if has_year(later) and has_year(earlier):
        return f"{fmt_days(a)} is before {fmt_days(b)}"
    if has_year(later) or has_year(earlier):
        return None  # one year is the resolver's guess: do not judge the order
    wrapped = (a[1] + relativedelta(years=1) - b[0]).days
    if wrapped < tolerances()["order"]["wrap_days"]:
        return None  # "began Dec. 28 ... ended Jan. 3": read across the new year
    return f"{fmt_days(a)} is before {fmt_days(b)} in any one year"


@register("T005", "date-order")
def date_order(ctx: Context) -> Iterator[Flag]:
    """What it flags: events said to come after (or before) each other whose dates say the opposite ("in 2019, after talks began in 2021"), and an event that ends before it began ("the strike began on March 10 and ended on March 3").
    Why it matters: a reversed order is either a wrong date or a wrong account of cause and effect; both mislead.
    Example:
    The deal was signed in March 2019, after talks began in June 2021.
    The strike began on March 10, 2023 and ended on March 3, 2023.
    Not flagged:
    The deal was signed in March 2022, after talks began in June 2021.
    The strike began on Dec. 28 and ended on Jan. 3.
    Limitations: only orders stated within one sentence, or begin/end dates of one event named alike; when one of the two dates has no year, the order is not judged.
    """
    lk = links(ctx)
    for p in lk.pairs:
        if p.relation not in ("after", "before") or p.offset is not None:
            continue
        later, earlier = (p.first, p.second) if p.relation == "after" else (p.second, p.first)
        why = _reversed(later, earlier)
        if why:
            yield Flag(p.first.start, p.first.end,
                       f"'{p.first.text}' is said to come {p.relation} '{p.second.text}', but {why}",
                       (claim(p.second),))
    for key, group in lk.by_key.items():
        if key.startswith(("event:", "person:")):
            continue  # dates of fact-sheet events are judged against the sheet (fact-mismatch)
        begins = [k for k in group if k.role == "begin" and k.mention.kind == "date"]
        for end in (k for k in group if k.role == "end" and k.mention.kind == "date"):
            for b in begins[:1]:
                why = _reversed(end.mention, b.mention)
                if why:
                    yield Flag(end.mention.start, end.mention.end,
                               f"{in_sentence(end.ref.text)} is said to end '{end.mention.text}' but to begin "
                               f"'{b.mention.text}': {why}", (claim(b.mention),))

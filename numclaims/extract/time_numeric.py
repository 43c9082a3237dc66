"""Resolvers for dates written with figures: "2024-10-28", "03/04/2023", "02-02-2020", "2019/aug/01",
"Sep-23-2020", "23/Sep/2020", a month of a year ("2015-12", "12-2015") and a month/day without
its year ("on 11/20", "Friday 5/12").

Figures are the commonest false friends of dates in news (fractions "3/4", scores "2-1", ranges
"2010-11", codes "Resolution 2015-12"), so the shapes without a month word are read only where a
context makes them safe: a month of a year after a date word ("in 2015-12") or standing alone,
never when the second figure could be the end of a year range ("the 2010-11 season"); a
month/day without its year only after "on" or a weekday ("on 11/20", "Friday 5/12"), or listed
after such a one ("on 11/20, 11/22 or 11/25"), before the end of a sentence or a list; when both
orders are real days ("on 3/4,": a fraction?) only after a weekday; and never "9/11" (the
attacks, not a day of this year). A two-digit year is read in the century that puts it at most ``two_digit_future`` years
after the document date ([numeric_dates] of time.toml).

Also "the 28th" (the nearest such day) and a stretch of years in figures ("from 2009 to 2011").
Does not live here: dates written with a month name and a day ("Oct. 28, 2024", ``time_dates``).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

import regex

from ..models import Mention
from .time_context import (
    NO_DOC_DATE,
    Ctx,
    count_follows,
    is_abbreviation,
    make,
    prev_word,
    timex_written,
)
from .time_dates import day_mention, period_mention, two_digit_year, weekday_mention

Match: TypeAlias = "regex.Match[str]"

# Between two month/days of one list.
_MD_GAP = regex.compile(r"\s{0,2}(?:,\s{0,2}(?:(?:or|and)\s{1,3})?|(?:or|and)\s{1,3})")
_MD_BEFORE = frozenset({"on", "On"})
_MD_NEVER = frozenset({(9, 11)})  # "9/11": the attacks of 2001, not September 11 of this year


def r_iso(m: Match, ctx: Ctx) -> list[Mention]:
    month = int(m["im"])
    if not 1 <= month <= 12:
        return []
    return day_mention(ctx, m.start(), m.end(), "<yyyy-mm-dd>", int(m["iy"]), month, int(m["id"]))


def r_num(m: Match, ctx: Ctx) -> list[Mention]:
    """03/04/2023, 02-02-2020: month/day or day/month. Both readings are kept unless the data
    file fixes the order or only one reading is a real day."""
    if m["nsep"] == "-" and len(m["n3"]) == 2:
        return []  # "10-12-15": a code, a score, a range as often as a date
    a, b, y = int(m["n1"]), int(m["n2"]), int(m["n3"])
    if len(m["n3"]) == 2:
        y = two_digit_year(ctx, y)
    readings: dict[str, dt.date] = {}
    for name, (mo, d) in (("month/day", (a, b)), ("day/month", (b, a))):
        try:
            readings[name] = dt.date(y, mo, d)
        except ValueError:
            pass
    order = ctx.lx.numeric_order
    if order in ("MDY", "DMY"):
        key = "month/day" if order == "MDY" else "day/month"
        readings = {key: readings[key]} if key in readings else {}
    s, e, rule = m.start(), m.end(), "<n>/<n>/<year>"
    if not readings:  # "2/29/2019": the TIMEX3 of what was written, when only one order fits
        shapes = [(mo, d) for mo, d in ((a, b), (b, a)) if 1 <= mo <= 12 and 1 <= d <= 31]
        timex = timex_written(y, *shapes[0]) if len(set(shapes)) == 1 else None
        return [make(ctx, "date", s, e, rule, timex=timex, note="no such day")]
    days = sorted(set(readings.values()))
    if len(days) == 1:
        note = None if len(readings) == 2 or order != "ambiguous" else (
            f"only the {next(iter(readings))} reading is a real day")
        return [make(ctx, "date", s, e, rule, timex=days[0].isoformat(), date_start=days[0],
                     date_end=days[0], note=note)]
    note = "ambiguous: " + " or ".join(f"{d.isoformat()} ({k})" for k, d in readings.items())
    return [make(ctx, "date", s, e, rule, date_start=days[0], date_end=days[-1], note=note)]


def r_mdate(m: Match, ctx: Ctx) -> list[Mention]:
    """A day written with figures and a month word, in any order: "2019/aug/01",
    "Sep-23-2020", "23/Sep/2020", "23-2020-September"."""
    month = ctx.lx.months_with_day.get(m["xm"])
    if month is None:
        return []
    return day_mention(ctx, m.start(), m.end(), "<year>/<month>/<day>", int(m["xy"]), month,
                       int(m["xd"]))


def r_ym(m: Match, ctx: Ctx) -> list[Mention]:
    """ "2015-12", "12-2015": a month of a year, after a date word ("in 2015-12") or standing
    alone (after the start of a line or a sentence's punctuation); not when the month could
    end a range of years ("2011-12", "2009-10": seasons, fiscal years), nor after a word that
    makes the figure a number ("Resolution No. 2015-12", "H.R. 2015-12": the dot of an
    abbreviation is no sentence end)."""
    year, month = int(m["ymy"]), int(m["ymm"])
    lx = ctx.lx
    if not lx.year_min <= year <= lx.year_max or month > year % 100:
        return []
    before = ctx.text[max(0, m.start() - 3):m.start()].rstrip(" \t")
    prev = prev_word(ctx.text, m.start())
    if prev in lx.year_not_after or is_abbreviation(prev) or not (
            before == "" or before[-1] in "\n.?!:;(" or prev.lower() in lx.year_after):
        return []
    return period_mention(ctx, m, "<year>-<month>", timex_written(year, month), None)


def r_md(m: Match, ctx: Ctx) -> list[Mention]:
    """A month/day without its year ("on 11/20", "Friday 5/12", "22/04"), in the contexts of
    the module docstring. When both orders are real days, the weekday picks the one that falls
    on it; if neither or both do, it stays unresolved."""
    s, e = m.start(), m.end()
    a, b = int(m["mda"]), int(m["mdb"])
    if (a, b) in _MD_NEVER:
        return weekday_part(m, ctx)
    listed = bool(ctx.dates) and ctx.dates[-1].rule == "<month>/<day>" and _MD_GAP.fullmatch(
        ctx.text, ctx.dates[-1].end, s) is not None
    if not (m["mdwd"] or listed or prev_word(ctx.text, s) in _MD_BEFORE):
        return []  # the pattern only matches where the sentence, or a list, ends after it
    order = ctx.lx.numeric_order
    pairs = {"MDY": [(a, b)], "DMY": [(b, a)]}.get(order, [(a, b), (b, a)])
    shapes = [(mo, d) for mo, d in pairs if 1 <= mo <= 12 and 1 <= d <= 31]
    if not shapes:
        return weekday_part(m, ctx)
    if len(set(shapes)) > 1:  # "on 3/4," may be a fraction: only a weekday makes it a day
        if not m["mdwd"]:
            return []
        fit = [d for shape in shapes for d in _weekday_days(ctx, shape, m["mdwd"])]
        if len(fit) == 1:  # "Friday 5/12": the one order and year whose day is a Friday
            d = fit[0]
            return [make(ctx, "date", s, e, "<month>/<day>", timex=d.isoformat(), date_start=d,
                         date_end=d, anchor="published",
                         note=f"order and year {d.year} from the weekday and the document date")]
        return [make(ctx, "date", s, e, "<month>/<day>", note="ambiguous: month/day or day/month")]
    return day_mention(ctx, s, e, "<month>/<day>", None, *shapes[0])


def _weekday_days(ctx: Ctx, shape: tuple[int, int], weekday: str) -> list[dt.date]:
    """The days month/day ``shape`` near the document date (``weekday_window`` of the lexicon)
    that fall on ``weekday``."""
    if ctx.pub is None:
        return []
    before, after = ctx.lx.weekday_window
    out = []
    for y in range(ctx.pub.year - 2, ctx.pub.year + 2):
        try:
            d = dt.date(y, *shape)
        except ValueError:
            continue
        if -before <= (d - ctx.pub).days <= after and d.isoweekday() == ctx.lx.weekdays[weekday]:
            out.append(d)
    return out


def weekday_part(m: Match, ctx: Ctx) -> list[Mention]:
    """The weekday alone of a weekday and a month/day refused ("Friday 9/11."), as it would be
    read without the figures after it."""
    if not m["mdwd"]:
        return []
    return weekday_mention(ctx, m.start(), m.start("mdwd") + len(m["mdwd"]), m["mdwd"])


def r_ordday(m: Match, ctx: Ctx) -> list[Mention]:
    day = int(m["oday"])
    if not 1 <= day <= 31:
        return []
    if ctx.pub is None:
        return [make(ctx, "date", m.start(), m.end(), "the <nth>", timex=f"XXXX-XX-{day:02d}",
                     note=NO_DOC_DATE)]
    best: dt.date | None = None
    for k in (-1, 0, 1):
        y, mo = divmod(ctx.pub.year * 12 + ctx.pub.month - 1 + k, 12)
        try:
            d = dt.date(y, mo + 1, day)
        except ValueError:
            continue
        if best is None or abs((d - ctx.pub).days) < abs((best - ctx.pub).days):
            best = d
    if best is None:
        return []
    return [make(ctx, "date", m.start(), m.end(), "the <nth>", timex=best.isoformat(),
                 date_start=best, date_end=best, anchor="published",
                 note="month and year from the document date (the nearest such day)")]


def r_yrange(m: Match, ctx: Ctx) -> list[Mention]:
    """ "from 2009 to 2011": a stretch of years. A range that runs backwards is left to the
    number extractor, whose range the range-order check reads."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    lx = ctx.lx
    if not (lx.year_min <= y1 < y2 <= lx.year_max) or y2 - y1 > 200 or count_follows(ctx, m.end()):
        return []  # "between 2014 and 2018 voters": a count
    n = float(y2 - y1)
    return [make(ctx, "duration", m.start(), m.end(), "from <year> to <year>", timex=f"P{y2 - y1}Y",
                 value=n, low=n, high=n, unit="year", date_start=dt.date(y1, 1, 1),
                 date_end=dt.date(y2, 12, 31), note=f"the years {y1} to {y2}")]

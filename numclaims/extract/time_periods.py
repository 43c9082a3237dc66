"""Resolvers for periods named through another period: "the same month a year ago", "the last
week of March", "the first week of 2015", "the 21st century", "the mid-19th century", and a day named by its
weekday and its place in an unnamed month ("Tuesday the 11th").

"The same month a year ago" speaks of a period mentioned before it ("sales fell in January,
compared with the same month a year ago"): the nearest date earlier in the same sentence, a year
back; without one, the document's own month (quarter, week, day), a year back.
"The nth week of" a month or year follows ISO 8601: a week belongs to the month (year) that holds
its Thursday, so "the last week of March 2009" is 2009-W13 and "the first week of 2015" 2015-W01.
Also a count of quarters back or ahead ("the past two quarters": the whole calendar quarters before
the current one, as business news reports them) and "the past fortnight" (the two weeks to the
document date).
Does not live here: one quarter or half (``time_relative``), decades and years (``time_dates``).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

import regex

from ..calendar import iso_week, month_end, part_of, quarter_bounds, timex_bounds
from ..models import Mention
from . import grammar
from .time_context import NO_DOC_DATE, Ctx, day_fields, future, make, same_sentence
from .time_dates import weekday_false_friend

Match: TypeAlias = "regex.Match[str]"

# TIMEX3 values whose year can move back by one: 2024, 2024-01, 2024-01-05, 2024-Q1, 2024-SU.
_YEAR_LED = regex.compile(r"(\d{4})((?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|SP|SU|FA|WI))?)")
_OF = regex.compile(r"[ \t]{1,3}of\b")
_WEEK_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "last": -1, "final": -1}


def r_same(m: Match, ctx: Ctx) -> list[Mention]:
    s, e = m.start(), m.end()
    period = m["sp"].lower()
    rule = f"the same {period} a year before"
    base = next((p for p in reversed(ctx.dates[-4:]) if p.end <= s and p.timex
                 and _YEAR_LED.fullmatch(p.timex) and same_sentence(ctx, p.end, s)), None)
    if base is not None and base.timex:
        y = _YEAR_LED.fullmatch(base.timex)
        assert y is not None
        timex, anchor = f"{int(y[1]) - 1:04d}{y[2]}", f"{base.start}:{base.end}"
        note = "the period of the date mentioned before, a year earlier"
    elif ctx.pub is None:
        return [make(ctx, "date", s, e, rule, note=NO_DOC_DATE)]
    elif period in ("month", "quarter", "day"):
        p = ctx.pub
        timex = {"month": f"{p.year - 1:04d}-{p.month:02d}",
                 "quarter": f"{p.year - 1:04d}-Q{(p.month - 1) // 3 + 1}",
                 "day": _year_back(p).isoformat()}[period]
        anchor, note = "published", f"the {period} of the document date, a year earlier"
    else:
        return [make(ctx, "date", s, e, rule, note="the period meant was not found")]
    return [make(ctx, "date", s, e, rule, timex=timex, anchor=anchor, note=note,
                 **day_fields(timex_bounds(timex)))]


def _year_back(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # February 29
        return d.replace(year=d.year - 1, day=28)


def r_weekof(m: Match, ctx: Ctx) -> list[Mention]:
    s, e = m.start(), m.end()
    lx = ctx.lx
    if m["wnum"]:
        return _week_number(m, ctx)
    n = _WEEK_ORD[m["wo"].lower()]
    anchor: str | None = None
    if m["wmon"]:
        month = lx.months[m["wmon"]]
        if m["wmy"]:
            year = int(m["wmy"])
        elif ctx.pub is None:
            return [make(ctx, "date", s, e, "the <nth> week of <month>", note=NO_DOC_DATE)]
        else:
            year = ctx.pub.year if month <= ctx.pub.month else ctx.pub.year - 1
            anchor = "published"
        first, last = dt.date(year, month, 1), month_end(year, month)
    elif m["wyear"]:
        year = int(m["wyear"])
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif ctx.pub is None:
        return [make(ctx, "date", s, e, "the <nth> week of <period>", note=NO_DOC_DATE)]
    else:
        unit = m["wrp"] or m["wthis"]
        k = {"last": -1, "this": 0, "next": 1}[lx.rel_kind(m["wrel"]) or "this"] if m[
            "wrel"] else 0
        p, anchor = ctx.pub, "published"
        if unit == "year":
            first, last = dt.date(p.year + k, 1, 1), dt.date(p.year + k, 12, 31)
        else:
            y, mo = divmod(p.year * 12 + p.month - 1 + k, 12)
            first, last = dt.date(y, mo + 1, 1), month_end(y, mo + 1)
    # the weeks whose Thursday falls inside the period, in order
    thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    weeks = []
    while thursday <= last:
        weeks.append(thursday - dt.timedelta(days=3))
        thursday += dt.timedelta(days=7)
    if not weeks or abs(n) > len(weeks):
        return []
    monday = weeks[n - 1] if n > 0 else weeks[-1]
    if m["wwd"]:  # "the first week of October on Friday": that day of the week
        d = monday + dt.timedelta(days=lx.weekdays[m["wwd"]] - 1)
        return [make(ctx, "date", s, e, "<weekday> of the <nth> week of <period>",
                     timex=d.isoformat(), anchor=anchor, date_start=d, date_end=d,
                     note="ISO weeks: a week belongs to the period of its Thursday")]
    return [make(ctx, "date", s, e, "the <nth> week of <period>", timex=iso_week(monday),
                 anchor=anchor, note="ISO weeks: a week belongs to the period of its Thursday",
                 date_start=monday, date_end=monday + dt.timedelta(days=6))]


def _week_number(m: Match, ctx: Ctx) -> list[Mention]:
    """ "week 3 of 2027", "week 27 of last year": the ISO week of that number. A week number
    without its year ("week 10") is left alone: in news it counts the weeks of a season, a
    trial or a strike far more often than those of the calendar."""
    s, e, rule = m.start(), m.end(), "week <n> of <year>"
    anchor = None
    if m["wyear"]:
        year = int(m["wyear"])
    elif ctx.pub is None:
        return [make(ctx, "date", s, e, rule, note=NO_DOC_DATE)]
    else:
        k = {"last": -1, "this": 0, "next": 1}[ctx.lx.rel_kind(m["wrel"]) or "this"] if m[
            "wrel"] else 0
        year, anchor = ctx.pub.year + k, "published"
    try:
        monday = dt.date.fromisocalendar(year, int(m["wnum"]), 1)
    except ValueError:  # week 0, week 53 of a year of 52
        return []
    return [make(ctx, "date", s, e, rule, timex=iso_week(monday), anchor=anchor,
                 date_start=monday, date_end=monday + dt.timedelta(days=6))]


def r_cent(m: Match, ctx: Ctx) -> list[Mention]:
    n = grammar.parse_ordinal(m["cord"])
    if n is None or not 1 <= n <= 30:
        return []
    timex = f"{n - 1:02d}"
    span = timex_bounds(timex)
    fz = m["cfz"] or m["cfzof"]
    mod = None
    if fz and span:
        mod, a, b = ctx.lx.fuzzy.get(fz, ctx.lx.fuzzy.get(fz.lower(), (None, 0.0, 1.0)))
        span = part_of(span, a, b)
    return [make(ctx, "date", m.start(), m.end(), "the <ordinal> century", timex=timex, mod=mod,
                 **day_fields(span))]


def r_wdnth(m: Match, ctx: Ctx) -> list[Mention]:
    """ "Tuesday the 11th": the month whose 11th is a Tuesday, chosen as a year-less date is
    (the latest one not after the document date, unless future tense or within weeks ahead)."""
    if weekday_false_friend(ctx, m):
        return []
    day = grammar.parse_ordinal(m["wnd"])
    if day is None or not 1 <= day <= 31:
        return []
    iso = ctx.lx.weekdays[m["wdn"]]
    s, e, rule = m.start(), m.end(), "<weekday> the <nth>"
    if ctx.pub is None:
        return [make(ctx, "date", s, e, rule, timex=f"XXXX-XX-{day:02d}", note=NO_DOC_DATE)]
    pub = ctx.pub
    cands = []
    for k in range(-14, 15):
        y, mo = divmod(pub.year * 12 + pub.month - 1 + k, 12)
        try:
            d = dt.date(y, mo + 1, day)
        except ValueError:
            continue
        if d.isoweekday() == iso:
            cands.append(d)
    past = [d for d in cands if d <= pub]
    ahead = [d for d in cands if d >= pub]
    if ahead and (future(ctx, s) or not past or (
            ahead[0] - pub).days <= ctx.lx.near_future_days):
        d, how = ahead[0], "the first such day not before it"
    elif past:
        d, how = past[-1], "the latest such day not after it"
    else:
        return [make(ctx, "date", s, e, rule, timex=f"XXXX-XX-{day:02d}", note="no such day")]
    return [make(ctx, "date", s, e, rule, timex=d.isoformat(), date_start=d, date_end=d,
                 anchor="published",
                 note=f"month and year from the document date: {how} with that weekday")]


def quarters_or_fortnight(m: Match, ctx: Ctx, kind: str, rule: str) -> list[Mention]:
    """ "the past two quarters" (the last two whole calendar quarters before the current one),
    "the next three quarters" (the three after it), "the past fortnight" (the two weeks to the
    document date): a duration whose days are resolved. "this fortnight" is none."""
    if kind == "this" or _OF.match(ctx.text, m.end()):
        return []  # "the last two quarters of the game", "the last fortnight of July"
    s, e = m.start(), m.end()
    if m["rqn"]:
        n = grammar.parse_number(m["rqn"])
        if n is None or n != int(n) or not 1 <= n <= 40:
            return []
        months, rule = 3 * int(n), rule.replace("<quarters>", "<number> <quarters>")
    else:
        months = 0
    fields = {"timex": f"P{months}M" if months else "P2W", "value": float(months or 2),
              "low": float(months or 2), "high": float(months or 2),
              "unit": "month" if months else "week"}
    if ctx.pub is None:
        return [make(ctx, "duration", s, e, rule, note=NO_DOC_DATE, **fields)]
    pub = ctx.pub
    if not months:
        days = dt.timedelta(weeks=2)
        span = (pub - days, pub) if kind == "last" else (pub, pub + days)
        return [make(ctx, "duration", s, e, rule, anchor="published", **fields, **day_fields(span))]
    q = pub.year * 4 + (pub.month - 1) // 3  # the current quarter, counted from year 0
    first, last = (q - months // 3, q - 1) if kind == "last" else (q + 1, q + months // 3)
    span = (quarter_bounds(first // 4, first % 4 + 1)[0], quarter_bounds(last // 4, last % 4 + 1)[1])
    return [make(ctx, "duration", s, e, rule, anchor="published", **fields, **day_fields(span),
                 note="whole calendar quarters " + ("before" if kind == "last" else "after")
                 + " the current one")]

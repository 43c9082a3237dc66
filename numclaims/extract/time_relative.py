"""Resolvers for dates relative to the document date: "today", "last night", "last month",
"this summer", "next Monday", "earlier this year", "the end of the year", "the first quarter".

All resolve against the document date (anchor "published"); without one they are still reported,
unresolved, with a note. "The previous/following year" speaks of another date in the story, so it
resolves against the nearest explicit date earlier in the same sentence, or stays unresolved.
Seasons follow news usage: "last summer" in November is the summer just past. "The next day" and
"the day before" count from a single day met earlier in the same sentence (else they stay
unresolved); "over the weekend" is the weekend just past, or the coming one on a Friday or in the
future tense.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

import regex
from dateutil.relativedelta import relativedelta

from ..calendar import (
    Span,
    iso_week,
    month_end,
    part_of,
    quarter_bounds,
    season_bounds,
    timex_bounds,
    week_bounds,
)
from ..models import Mention
from . import time_periods
from .time_context import (
    NO_DOC_DATE,
    PARTS,
    Ctx,
    day_fields,
    future,
    make,
    prev_word,
    same_sentence,
    story_order,
)
from .time_lexicon import ORDINALS

Match: TypeAlias = "regex.Match[str]"
_NARRATIVE = ("previous", "preceding", "following")
_PART_OF = regex.compile(r"[ \t]{1,3}of\b")
_UNIT_LETTER = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
                "quarter": "Q", "weekend": "WE", "fortnight": "W"}


def _shift_period(ctx: Ctx, base: dt.date, period: str, k: int) -> tuple[str, Span] | None:
    """The period of kind ``period`` that is ``k`` steps from the one containing ``base``."""
    lx = ctx.lx
    if period in ("week", "weekend"):
        d = base + dt.timedelta(weeks=k)
        y, w, _ = d.isocalendar()
        first, last = week_bounds(y, w)
        if period == "weekend":
            return f"{iso_week(d)}-WE", (first + dt.timedelta(days=5), last)
        return iso_week(d), (first, last)
    if period == "month":
        d = base + relativedelta(months=k)
        return f"{d.year:04d}-{d.month:02d}", (d.replace(day=1), month_end(d.year, d.month))
    if period == "year":
        y = base.year + k
        return f"{y:04d}", (dt.date(y, 1, 1), dt.date(y, 12, 31))
    if period == "quarter":
        q = (base.year * 4 + (base.month - 1) // 3) + k
        y, qq = divmod(q, 4)
        return f"{y:04d}-Q{qq + 1}", quarter_bounds(y, qq + 1)
    if period in ("decade", "century"):
        size = 10 if period == "decade" else 100
        lead = base.year // size + k
        tx = f"{lead:03d}" if size == 10 else f"{lead:02d}"
        bounds = timex_bounds(tx)
        return (tx, bounds) if bounds else None
    if period in lx.months:  # last June: the latest June before this month; next: after it
        month = lx.months[period]
        y = base.year
        if k < 0 and month >= base.month:
            y -= 1
        elif k > 0 and month <= base.month:
            y += 1
        return f"{y:04d}-{month:02d}", (dt.date(y, month, 1), month_end(y, month))
    if period in lx.seasons:
        return _season(base, lx.seasons[period], k)
    if period in lx.weekdays_full:
        iso = lx.weekdays_full[period]
        if k == 0:  # this Monday: the Monday of the document's week
            d = base + dt.timedelta(days=iso - base.isoweekday())
        elif k < 0:  # last Monday: the latest Monday before the document date
            d = base - dt.timedelta(days=(base.isoweekday() - iso - 1) % 7 + 1)
        else:
            d = base + dt.timedelta(days=(iso - base.isoweekday() - 1) % 7 + 1)
        return d.isoformat(), (d, d)
    return None


def _season(base: dt.date, code: str, k: int) -> tuple[str, Span]:
    """last: the latest season of that name over by ``base``; this: the one containing it, else
    the one of its year; next: the first one starting after it."""
    years = range(base.year - 2, base.year + 2)
    spans = {y: season_bounds(y, code) for y in years}
    if k < 0:
        y = max(y for y, (_, last) in spans.items() if last < base)
    elif k > 0:
        y = min(y for y, (first, _) in spans.items() if first > base)
    else:
        inside = [y for y, (first, last) in spans.items() if first <= base <= last]
        y = inside[0] if inside else base.year
    return f"{y:04d}-{code}", spans[y]


def _narrative_base(ctx: Ctx, start: int, among: list[Mention] | None = None) -> Mention | None:
    """The nearest explicit date (or of ``among``) earlier in the same sentence, if any."""
    for prev in reversed((ctx.explicit if among is None else among)[-4:]):
        if prev.end <= start and same_sentence(ctx, prev.end, start):
            return prev
    return None


_STRETCH_UNITS = frozenset({"week", "month", "year", "decade", "century", "quarter", "fortnight"})


def r_rel(m: Match, ctx: Ctx) -> list[Mention]:
    lx = ctx.lx
    word, period = m["rw"].lower(), m["rp"]
    period_key = period if period in lx.months or period in lx.weekdays_full else period.lower()
    kind = lx.rel_kind(word) or "this"
    k = {"last": -1, "this": 0, "next": 1}[kind]
    s, e = m.start(), m.end()
    rule = f"{word} <{period_key if period_key in _UNIT_LETTER else 'name'}>"
    if word in ("last", "next") and not (m["rfz"] or m["rfzof"] or m["rqn"]) and story_order(
            ctx, m.start("rw"), period_key not in _STRETCH_UNITS):
        return []  # "his last summer", "the last Monday of the month" ("the last week": a stretch)
    if m["rqn"] or period_key == "fortnight":  # "the past two quarters", "the past fortnight"
        return time_periods.quarters_or_fortnight(m, ctx, kind, rule)
    # "the past year" is a stretch reaching from the document date; "the next quarter" is the
    # calendar quarter after the current one, as business news uses it.
    if m["rthe"] and kind != "this" and word not in _NARRATIVE and period_key in (
            "week", "month", "year", "decade", "century"):
        return _the_past(ctx, m, period_key, k)
    anchor, base = "published", ctx.pub
    narrative_note = None
    if word in _NARRATIVE:
        prev = _narrative_base(ctx, s)
        if prev is not None and prev.date_start is not None:
            base, anchor = prev.date_start, f"{prev.start}:{prev.end}"
        else:  # no other date in the sentence: the story's "now" is the document date
            narrative_note = "no other date in the sentence: counted from the document date"
    if base is None:
        return [make(ctx, "date", s, e, rule, note=NO_DOC_DATE)]
    got = _shift_period(ctx, base, period_key, k)
    if got is None:
        return []
    timex, span = got
    mod, note = None, None
    fz = m["rfz"] or m["rfzof"]
    if fz and fz.lower() in ("earlier", "later") and kind == "this" and base == ctx.pub:
        span = (span[0], base) if fz.lower() == "earlier" else (base, span[1])
        note = ("from the start of the period to the document date" if fz.lower() == "earlier"
                else "from the document date to the end of the period")
    elif fz:
        mod, a, b = lx.fuzzy.get(fz, lx.fuzzy.get(fz.lower(), ("START", 0.0, 0.5)))
        if fz.lower() == "later":
            mod, a, b = "END", 0.5, 1.0
        elif fz.lower() == "earlier":
            mod, a, b = "START", 0.0, 0.5
        span = part_of(span, a, b)
    wd = m["rwd"] or m["rwd2"]
    if wd and period_key == "week":  # "Tuesday of next week": that day of the week named
        d = span[0] + dt.timedelta(days=lx.weekdays[wd] - 1)
        timex, span, rule = d.isoformat(), (d, d), f"<weekday> {rule}"
    if m["rpart"] and period_key in lx.weekdays_full:
        timex += "T" + PARTS[m["rpart"]]
    if period_key == "decade" and k:
        note = "could also mean the past ten years"
    if period_key in lx.weekdays_full and k:
        note = "some writers mean the one a week further"
    note = narrative_note or note
    return [make(ctx, "date", s, e, rule, timex=timex, mod=mod, anchor=anchor, note=note,
                 **day_fields(span))]


def _the_past(ctx: Ctx, m: Match, period: str, k: int) -> list[Mention]:
    """ "the past year", "the next month": a stretch of time reaching from the document date."""
    letter = {"decade": "DE", "century": "CE", "quarter": "M"}.get(period, period[0].upper())
    n = 3 if period == "quarter" else 1
    timex = f"P{n}{'M' if period == 'quarter' else letter}"
    unit = "month" if period == "quarter" else period
    s, e = m.start(), m.end()
    part = _PART_OF.match(ctx.text, e) is not None  # "the last year of his life": not from now
    if ctx.pub is None or part:
        return [make(ctx, "duration", s, e, f"the {m['rw'].lower()} <unit>", timex=timex,
                     value=float(n), low=float(n), high=float(n), unit=unit,
                     note="a part of the period named after it" if part else NO_DOC_DATE)]
    delta = {"week": relativedelta(weeks=1), "month": relativedelta(months=1),
             "year": relativedelta(years=1), "decade": relativedelta(years=10),
             "century": relativedelta(years=100), "quarter": relativedelta(months=3)}[period]
    span = (ctx.pub - delta, ctx.pub) if k < 0 else (ctx.pub, ctx.pub + delta)
    return [make(ctx, "duration", s, e, f"the {m['rw'].lower()} <unit>", timex=timex,
                 value=float(n), low=float(n), high=float(n), unit=unit, anchor="published",
                 **day_fields(span))]


def r_the(m: Match, ctx: Ctx) -> list[Mention]:
    """ "the end of the year": the period of the document date, or unresolved. "later in the
    year": the rest of the year of the nearest date before it in the sentence, else of the
    document date ("later in the day" only with such a date: news tells of other days)."""
    if m["tfz2"]:
        return _in_the(m, ctx)
    if m["tytd"]:  # "in the year to date": January 1 to the document date
        if ctx.pub is None:
            return [make(ctx, "date", m.start(), m.end(), "the year to date", note=NO_DOC_DATE)]
        first = dt.date(ctx.pub.year, 1, 1)
        return [make(ctx, "date", m.start(), m.end(), "the year to date", timex=f"{ctx.pub.year:04d}",
                     anchor="published", note="from January 1 to the document date",
                     date_start=first, date_end=ctx.pub)]
    period = m["tp"]
    rule = f"the {m['tfz'].lower()} of the <{period}>"
    if ctx.pub is None:
        return [make(ctx, "date", m.start(), m.end(), rule, note=NO_DOC_DATE)]
    got = _shift_period(ctx, ctx.pub, period, 0)
    if got is None:
        return []
    timex, span = got
    mod, a, b = ctx.lx.fuzzy[m["tfz"].lower()]
    return [make(ctx, "date", m.start(), m.end(), rule, timex=timex, mod=mod, anchor="published",
                 note=f"the {period} of the document date", **day_fields(part_of(span, a, b)))]


def _in_the(m: Match, ctx: Ctx) -> list[Mention]:
    word, period = m["tfz2"].lower(), m["tp2"]
    s, e = m.start(), m.end()
    rule = f"{word} in the <{period}>"
    prev = _narrative_base(ctx, s, ctx.dates)
    if prev is not None and prev.date_start is not None and prev.date_end is not None:
        base, anchor = (prev.date_start, prev.date_end), f"{prev.start}:{prev.end}"
        note = f"the {period} of the date mentioned before"
    elif ctx.pub is not None and period != "day":
        base, anchor, note = (ctx.pub, ctx.pub), "published", f"the {period} of the document date"
    else:
        return [make(ctx, "date", s, e, rule, note="relative to a date in the story, not found")]
    if period == "day":
        timex, span = base[0].isoformat(), (base[0], base[0])
    else:
        got = _shift_period(ctx, base[0], period, 0)
        if got is None:
            return []
        timex, span = got
    span = (span[0], base[1]) if word == "earlier" else (base[0], span[1])
    return [make(ctx, "date", s, e, rule, timex=timex, mod="START" if word == "earlier" else "END",
                 anchor=anchor, note=note, **day_fields(span))]


def r_quarter(m: Match, ctx: Ctx) -> list[Mention]:
    word = m["qord"].lower()
    half = m["qunit"] == "half"
    s, e = m.start(), m.end()
    rel = m["qrel"] or m["qrel2"]
    if half and not (m["qyear"] or rel):
        return []  # "the first half" of a match, not of a year
    top = 2 if half else 4
    n = top if word in ("final", "last") else ORDINALS.get(word, int(word[0]) if word[
        0].isdigit() else 0)
    if not 1 <= n <= top:
        return []
    letter = "H" if half else "Q"
    rule = f"<ordinal> {m['qunit']}" + (" of <year>" if m["qyear"] else "")
    return _quarter(ctx, s, e, rule, letter, n, int(m["qyear"]) if m["qyear"] else None, rel,
                    word == "last" and not half)


def _quarter(ctx: Ctx, s: int, e: int, rule: str, letter: str, n: int, year: int | None,
             rel: str | None, latest: bool = False) -> list[Mention]:
    """Quarter or half ``n`` of ``year``, of the year ``rel`` ("next") names, or of the year of
    the document date; ``latest``: "the last quarter", the latest one completed."""
    if year is not None:
        y, anchor, note = year, None, None
    elif ctx.pub is None:
        return [make(ctx, "date", s, e, rule, timex=f"XXXX-{letter}{n}", note=NO_DOC_DATE)]
    elif rel:
        kind = ctx.lx.rel_kind(rel) or "this"
        y = ctx.pub.year + {"last": -1, "this": 0, "next": 1}[kind]
        anchor, note = "published", None
    elif latest:
        q = ctx.pub.year * 4 + (ctx.pub.month - 1) // 3 - 1
        y, n = q // 4, q % 4 + 1
        anchor, note = "published", "the latest quarter completed by the document date"
    else:
        y, anchor, note = ctx.pub.year, "published", "year from the document date"
    timex = f"{y:04d}-{letter}{n}"
    return [make(ctx, "date", s, e, rule, timex=timex, anchor=anchor, note=note,
                 **day_fields(timex_bounds(timex)))]


def r_qcode(m: Match, ctx: Ctx) -> list[Mention]:
    """ "Q1 2019", "2019-Q1", "H2 2024"; a bare "Q3" only in capitals and not after a name
    ("Audi Q3"), a bare "H1" never (a heading, a visa)."""
    code = m["qc"] or m["qc2"]
    year = m["qcy"] or m["qcy2"]
    letter, n = code[0].upper(), int(code[1])
    if not year:
        prev = prev_word(ctx.text, m.start())
        if letter == "H" or code[0] == "q" or (prev[:1].isupper() and prev not in (
                ctx.lx.month_after)):
            return []
    rule = "Q<n>" if letter == "Q" else "H<n>"
    return _quarter(ctx, m.start(), m.end(), rule + (" <year>" if year else ""), letter, n,
                    int(year) if year else None, None)


def r_dayword(m: Match, ctx: Ctx) -> list[Mention]:
    word = (m["dw"] or m["dwrel"]).lower()
    part = m["dwpart"] or m["dwpart2"]
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
    if word == "last" and part != "night":
        return []  # "last morning" is not a news idiom
    if word == "tonight":
        part = "night"
    rule = f"{word}" + (" <part of day>" if part else "")
    if ctx.pub is None:
        return [make(ctx, "date", m.start(), m.end(), rule, note=NO_DOC_DATE)]
    d = ctx.pub + dt.timedelta(days=offset[word])
    timex = d.isoformat() + (f"T{PARTS[part]}" if part else "")
    return [make(ctx, "date", m.start(), m.end(), rule, timex=timex, date_start=d, date_end=d,
                 anchor="published")]


def r_dayrel(m: Match, ctx: Ctx) -> list[Mention]:
    """ "the next day", "the day before": a day from the nearest single day met earlier in the
    same sentence ("arrested on Monday and released the next day"); without one, unresolved."""
    word = (m["drw"] or m["dba"]).lower()
    k = 1 if word in ("next", "following", "after") else -1
    s, e = m.start(), m.end()
    rule = f"the {word} day" if m["drw"] else f"the day {word}"
    # The nearest date of any length: when it is a month ("charged in June. The next day ..."),
    # the day is unknown; a single day further back is not what the words count from.
    prev = _narrative_base(ctx, s, ctx.dates[-4:])
    if prev is None or prev.date_start is None or prev.date_start != prev.date_end:
        return [make(ctx, "date", s, e, rule,
                     note="relative to another date in the story, which was not found")]
    d = prev.date_start + dt.timedelta(days=k)
    return [make(ctx, "date", s, e, rule, timex=d.isoformat(), date_start=d, date_end=d,
                 anchor=f"{prev.start}:{prev.end}",
                 note=f"the day {'after' if k > 0 else 'before'} the date mentioned before")]


def r_weekend(m: Match, ctx: Ctx) -> list[Mention]:
    """ "over the weekend": on a Saturday or Sunday that weekend; in the future tense, or on a
    Friday, the coming one; else (Monday to Thursday) the one just past."""
    s, e = m.start(), m.end()
    if ctx.pub is None:
        return [make(ctx, "date", s, e, "the weekend", note=NO_DOC_DATE)]
    wd = ctx.pub.isoweekday()
    if wd >= 6:
        sat, how = ctx.pub - dt.timedelta(days=wd - 6), "the weekend of the document date"
    elif wd == 5 or future(ctx, s):
        sat, how = ctx.pub + dt.timedelta(days=6 - wd), "the coming weekend"
    else:
        sat, how = ctx.pub - dt.timedelta(days=wd + 1), "the weekend just past"
    return [make(ctx, "date", s, e, "the weekend", timex=f"{iso_week(sat)}-WE", date_start=sat,
                 date_end=sat + dt.timedelta(days=1), anchor="published",
                 note=f"{how}, from the document date")]

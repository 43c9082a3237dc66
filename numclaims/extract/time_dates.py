"""Resolvers for calendar dates written out: "Monday, Oct. 28, 2024", "28 October", "June",
"June 2024", "mid-2022", "summer 2023", "the 1990s", "on Monday", "13 Sept nineteen seventy two",
"April of '87"; ``day_mention`` and ``period_mention`` make the mention of one day or one period
for the other modules. A range whose year is written at its far end only ("from January to April
2015") gives that year to its first end.

Each function takes the match of its rule (``time_patterns.rules``) and the scan context and
returns the Mentions it stands for (none when the context shows a false friend: "prices may rise",
"a protest march", "COVID-2020", "Sunday Times"). Relative expressions ("last month") live in
``time_relative``; durations and sets in ``time_durations``; dates in figures ("2024-10-28",
"03/04/2023", "the 28th") in ``time_numeric``.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

import regex

from ..calendar import Span, part_of, season_bounds, timex_bounds
from ..models import Mention
from . import grammar
from .time_context import (
    NO_DOC_DATE,
    PARTS,
    Ctx,
    after_story_order,
    count_follows,
    day_fields,
    day_in_year,
    future,
    is_abbreviation,
    make,
    month_span,
    month_year,
    next_word,
    prev_word,
    range_year,
    same_sentence,
    timex_written,
)
from .time_words import year_value

Match: TypeAlias = "regex.Match[str]"


def day_mention(ctx: Ctx, s: int, e: int, rule: str, year: int | None, month: int, day: int,
         day_to: int | None = None) -> list[Mention]:
    """A day (or a run of days in one month) with or without its year."""
    if not 1 <= day <= 31 or (day_to is not None and not day < day_to <= 31):
        return []
    note = None
    anchor = None
    if year is None and (year := range_year(ctx, e, month)) is not None:
        note = f"year {year} from the other end of the range"
    if year is None:
        if ctx.pub is None:
            return [make(ctx, "date", s, e, rule, timex=timex_written(None, month, day),
                         note="no year and no document date: left unresolved")]
        d, how = day_in_year(ctx, s, month, day)
        if d is None:
            return [make(ctx, "date", s, e, rule, timex=timex_written(None, month, day),
                         note="no such day")]
        year, anchor = d.year, "published"
        note = f"year {year} from the document date: {how}"
    try:
        first = dt.date(year, month, day)
        last = dt.date(year, month, day_to) if day_to else first
    except ValueError:
        return [make(ctx, "date", s, e, rule, timex=timex_written(year, month, day),
                     note="no such day", anchor=anchor)]
    if day_to:
        note = f"{note}; " if note else ""
        note += f"a run of days, {first.isoformat()} to {last.isoformat()}"
    m = make(ctx, "date", s, e, rule, timex=first.isoformat(), date_start=first, date_end=last,
             anchor=anchor, note=note)
    if anchor is None:
        ctx.explicit.append(m)
    return [m]


def two_digit_year(ctx: Ctx, yy: int) -> int:
    """The year of a two-digit year: the century that puts it at most ``two_digit_future``
    years after the document date (in 2016, "40" is 1940 and "26" 2026); without a document
    date, the fixed pivot of time.toml."""
    if ctx.pub is None:
        return yy + (2000 if yy <= ctx.lx.pivot else 1900)
    year = ctx.pub.year // 100 * 100 + yy
    limit = ctx.pub.year + ctx.lx.two_digit_future
    while year > limit:
        year -= 100
    while year + 100 <= limit:
        year += 100
    return year


def r_date(m: Match, ctx: Ctx) -> list[Mention]:
    months = ctx.lx.months_with_day
    year: str | None
    day: int | None
    # a year in words ("13 Sept nineteen seventy two"): its figures, or "0" when none is said
    yw = m["yw1"] or m["yw2"] or m["yw3"]
    words_year = str(year_value(yw) or 0) if yw else None
    if m["mon"]:
        month, day, year = months[m["mon"]], int(m["day"]), m["year"] or words_year
        rule = "<month> <day>" + (", <year>" if year else "")
    elif m["monw"]:
        month, year = months[m["monw"]], m["yearw"] or words_year
        day = _word_day(m["dayw"])
        rule = "<month> <day in words>" + (", <year>" if year else "")
    elif m["mon2"]:
        if ctx.text[max(0, m.start() - 3):m.start()].rstrip()[-1:] in ("$", "£", "€", "¥"):
            return []  # "$ 12 December": a price before the month, not its day
        month, year = months[m["mon2"]], m["year2"] or words_year
        if m["yy"]:
            year = str(two_digit_year(ctx, int(m["yy"])))
        day = int(m["day2"]) if m["day2"] else grammar.parse_ordinal(m["dayw2"])
        rule = "<day> <month>" + (" <year>" if year else "")
    elif m["mon3"]:
        month, day, year, rule = months[m["mon3"]], int(m["day3"]), None, "<month>/<day>"
    else:
        month, day, year = months[m["mon4"]], int(m["day4"]), m["year4"]
        rule = "<day>-<month>-<year>"
    if m["wd"]:
        rule = "<weekday>, " + rule
    if day is None or year == "0":
        return []
    day_to = int(m["dayto"]) if m["dayto"] else None
    return day_mention(ctx, m.start(), m.end(), rule, int(year) if year else None, month, day, day_to)


def _word_day(words: str) -> int | None:
    """A day of the month in words: "first", "twenty-ninth", "twenty nine"."""
    n = grammar.parse_ordinal(words)
    if n is None:
        x = grammar.parse_number(words)
        n = int(x) if x is not None and x.is_integer() else None
    return n if n is not None and 1 <= n <= 31 else None


def r_time(m: Match, ctx: Ctx) -> list[Mention]:
    if m["noon"]:
        h, mi = (12, 0) if m["noon"].lower() == "noon" else (0, 0)
        zone = None
    elif m["ap"]:
        h, mi, zone = int(m["th"]), int(m["tm"] or 0), m["tz"]
        if not 1 <= h <= 12:
            return []
        pm = m["ap"][0] in "pP"
        h = (h % 12) + (12 if pm else 0)
    else:
        h, mi, zone = int(m["th2"]), int(m["tm2"]), m["tz2"]
    tz = "Z" if zone in ("UTC", "GMT", "Z") else ""
    clock = f"T{h:02d}:{mi:02d}{tz}"
    day, anchor, note = _day_of_time(m, ctx)
    if zone and not tz:
        note = f"time zone {zone}" + (f"; {note}" if note else "")
    if not m["tday"]:  # "at 16:15 UTC, June 1": the day written right after it wins
        e = m.end()
        ctx.follow = (e + 1, e + 5, lambda date: _time_on(ctx, m, clock, date, zone, tz))
    timex = (day.isoformat() if day else "") + clock
    return [make(ctx, "time", m.start(), m.end(), "<clock time>", timex=timex, anchor=anchor,
                 note=note, **day_fields((day, day) if day else None))]


def _time_on(ctx: Ctx, m: Match, clock: str, date: Mention, zone: str | None,
             tz: str) -> Mention | None:
    """The clock time ``m`` on the single day ``date`` written right after it."""
    gap = ctx.text[m.end():date.start]
    if date.date_start is None or date.date_start != date.date_end or gap.strip(" ,") not in (
            "", "on"):
        return None
    note = "day from the date right after it"
    if zone and not tz:
        note = f"time zone {zone}; {note}"
    d = date.date_start
    return make(ctx, "time", m.start(), m.end(), "<clock time>", timex=d.isoformat() + clock,
                anchor=f"{date.start}:{date.end}", note=note, date_start=d, date_end=d)


def _day_of_time(m: Match, ctx: Ctx) -> tuple[dt.date | None, str | None, str | None]:
    """The day a clock time falls on: the day named right after it ("12:00 UTC Monday"), else
    the latest single day mentioned earlier in its sentence, else the document date (a clock
    time in a dated story is on that day unless another is said); with no document date, the
    latest single day in the 600 characters before it."""
    word = m["tday"]
    if word and ctx.pub is not None:
        offsets = {"today": 0, "tomorrow": 1, "yesterday": -1}
        if word in offsets:
            return ctx.pub + dt.timedelta(days=offsets[word]), "published", None
        delta = (ctx.lx.weekdays_full[word] - ctx.pub.isoweekday()) % 7
        return ctx.pub - dt.timedelta(days=(7 - delta) % 7), "published", None
    prev = ctx.last_day
    near = prev is not None and prev.date_start is not None and 0 <= m.start() - prev.end
    if near and prev is not None and (same_sentence(ctx, prev.end, m.start()) or (
            ctx.pub is None and m.start() - prev.end <= 600)):
        return prev.date_start, f"{prev.start}:{prev.end}", "day from the date mentioned before"
    if ctx.pub is not None:
        return ctx.pub, "published", "day from the document date"
    return None, None, None


def _fuzzy(ctx: Ctx, word: str | None) -> tuple[str | None, float, float]:
    if not word:
        return None, 0.0, 1.0
    return ctx.lx.fuzzy.get(word, ctx.lx.fuzzy.get(word.lower(), (None, 0.0, 1.0)))


def period_mention(ctx: Ctx, m: Match, rule: str, timex: str, fz: str | None,
            anchor: str | None = None, note: str | None = None,
            span: Span | None = None) -> list[Mention]:
    """A month, season, year or decade, with its fuzzy part ("mid-", "the end of") applied."""
    mod, a, b = _fuzzy(ctx, fz)
    span = span or timex_bounds(timex)
    if span and mod:
        span = part_of(span, a, b)
    out = make(ctx, "date", m.start(), m.end(), rule, timex=timex, mod=mod, anchor=anchor,
               note=note, **day_fields(span))
    if anchor is None and span:
        ctx.explicit.append(out)
    return [out]


def _bare_ok(ctx: Ctx, m: Match) -> bool:
    """A bare month or season is a date only after a date word ("in June", "since May"); not
    after "last" of a story ("his last summer")."""
    return m["pfz"] is not None or m["pfzof"] is not None or (
        prev_word(ctx.text, m.start()) in ctx.lx.month_after
        and not after_story_order(ctx, m.start()))


# Date words after which a figure is a year even before a street name ("In 2019 Smith Street
# was renamed"); "at", "of" are as common before a street number ("at 2019 Elm Street").
_YEAR_FIRST = frozenset({"in", "since", "until", "till", "during", "before", "after", "by"})


def _year_ok(ctx: Ctx, m: Match, year: int) -> bool:
    """The year rule of data/time.toml: "in 2023", "2023." yes; "2000 soldiers", "No. 2020",
    "H.R. 2020," (a bill: after an abbreviation) no."""
    lx = ctx.lx
    if not lx.year_min <= year <= lx.year_max:
        return False
    prev = prev_word(ctx.text, m.start())
    if prev in lx.year_not_after or is_abbreviation(prev):
        return False
    if count_follows(ctx, m.end()):  # "2000 soldiers", "2000 soldiers."
        return False
    name = next_word(ctx.text, m.end())
    if name[:1].isupper() and prev.lower() not in _YEAR_FIRST and next_word(ctx.text, m.end() + 1 + len(name)).rstrip(
            ",;:") in lx.street_words:
        return False  # "lived at 2019 Elm Street": an address
    if m["pfz"] or m["pfzof"] or prev.lower() in lx.year_after:
        return True
    after = ctx.text[m.end():m.end() + 1]
    return after in ("", ".", ",", ";", ":", ")", "!", "?", "\n", "'", "’")


def r_period(m: Match, ctx: Ctx) -> list[Mention]:
    fz = m["pfz"] or m["pfzof"]
    pre = "<fuzzy> " if fz else ""
    if m["pmon"]:
        month = ctx.lx.months[m["pmon"]]
        if m["pmy"] or m["pmyw"] or m["yy"]:
            year = (int(m["pmy"]) if m["pmy"] else two_digit_year(ctx, int(m["yy"])) if m["yy"]
                    else year_value(m["pmyw"]))
            if year is None:
                return []
            return period_mention(ctx, m, pre + "<month> <year>", timex_written(year, month), fz)
        if m["pmrel"]:
            if ctx.pub is None:
                return [make(ctx, "date", m.start(), m.end(), pre + "<month> of <rel> year",
                             timex=timex_written(None, month), note=NO_DOC_DATE)]
            kind = ctx.lx.rel_kind(m["pmrel"]) or "this"
            y = ctx.pub.year + {"last": -1, "this": 0, "next": 1}[kind]
            return period_mention(ctx, m, pre + "<month> of <rel> year", timex_written(y, month), fz,
                           "published", None, month_span(y, month))
        ry = range_year(ctx, m.end(), month)
        if ry is not None:
            return period_mention(ctx, m, pre + "<month>", timex_written(ry, month), fz,
                           note=f"year {ry} from the other end of the range")
        if not _bare_ok(ctx, m):
            return []
        if ctx.pub is None:
            return [make(ctx, "date", m.start(), m.end(), pre + "<month>",
                         timex=timex_written(None, month), note=NO_DOC_DATE)]
        fwd = future(ctx, m.start())
        y = month_year(ctx.pub, month, fwd)
        note = (f"year {y} from the document date: the "
                + ("earliest such month not before it (future tense)" if fwd
                   else "latest such month not after it"))
        return period_mention(ctx, m, pre + "<month>", timex_written(y, month), fz, "published", note,
                       month_span(y, month))
    if m["pymon"]:  # "in 2017 april."
        return period_mention(ctx, m, "<year> <month>",
                              timex_written(int(m["pymy"]), ctx.lx.months[m["pymon"]]), fz)
    if m["psea"]:
        code = ctx.lx.seasons[m["psea"]]
        if m["psy"]:
            return period_mention(ctx, m, pre + "<season> <year>", f"{m['psy']}-{code}", fz)
        if m["psrel"]:  # "summer this year": the season of that calendar year
            if ctx.pub is None:
                return [make(ctx, "date", m.start(), m.end(), pre + "<season> <rel> year",
                             timex=f"XXXX-{code}", note=NO_DOC_DATE)]
            kind = ctx.lx.rel_kind(m["psrel"]) or "this"
            y = ctx.pub.year + {"last": -1, "this": 0, "next": 1}[kind]
            return period_mention(ctx, m, pre + "<season> <rel> year", f"{y}-{code}", fz, "published")
        if m["psea"].lower() == "fall" or not (m["psthe"] or m["pfz"] or _bare_ok(ctx, m)):
            return []
        if m["psthe"] and prev_word(ctx.text, m.start()) not in ctx.lx.month_after:
            return []
        if ctx.pub is None:
            return [make(ctx, "date", m.start(), m.end(), pre + "<season>", timex=f"XXXX-{code}",
                         note=NO_DOC_DATE)]
        fwd = future(ctx, m.start())
        y = season_year(ctx.pub, code, fwd)
        note = "season from the document date: the " + (
            "next one" if fwd else "latest one begun by then")
        return period_mention(ctx, m, pre + "<season>", f"{y}-{code}", fz, "published", note)
    if m["pdec"] or m["pdec2"] or m["pdec3"] or m["pdec4"]:
        if m["pdec"] and m["pdec"].endswith("00"):  # "the 1800s": mostly the century
            first = int(m["pdec"])
            if first < 2000:
                return period_mention(ctx, m, pre + "<century>", f"{first // 100:02d}", fz,
                               note=f"could also mean the decade {first}-{first + 9}")
            return period_mention(ctx, m, pre + "<decade>", f"{first // 10:03d}", fz,
                           note=f"could also mean the century {first}-{first + 99}")
        if m["pdec"]:
            decade = int(m["pdec"]) // 10
        elif m["pdec4"]:
            decade = _second_decade(ctx, m.start(), int(m["pdec4"]))
        else:
            two = int(m["pdec2"] or m["pdec3"])
            ref = ctx.pub.year % 100 if ctx.pub else ctx.lx.pivot
            decade = (200 if two <= ref else 190) + two // 10
        return period_mention(ctx, m, pre + "<decade>", f"{decade:03d}", fz)
    year = int(m["pyear"])
    if not _year_ok(ctx, m, year):
        return []
    return period_mention(ctx, m, pre + "<year>", f"{year:04d}", fz)


def _second_decade(ctx: Ctx, start: int, two: int) -> int:
    """ "80s" of "the 1970s and 80s": the century of the decade just before it, the next one
    when the decades wrap ("the 1990s and 00s")."""
    prev = ctx.dates[-1] if ctx.dates else None
    if prev is not None and prev.timex and len(prev.timex) == 3 and start - prev.end < 16:
        first = int(prev.timex)
        decade = first // 10 * 10 + two // 10
        return decade + 10 if decade < first else decade
    ref = ctx.pub.year % 100 if ctx.pub else ctx.lx.pivot
    return (200 if two <= ref else 190) + two // 10


def season_year(pub: dt.date, code: str, forward: bool) -> int:
    """The year of a bare season: the latest one begun by ``pub``, or (future) the next one
    not yet ended."""
    for y in (pub.year - 1, pub.year, pub.year + 1) if forward else (
            pub.year + 1, pub.year, pub.year - 1, pub.year - 2):
        first, last = season_bounds(y, code)
        if forward and last >= pub:
            return y
        if not forward and first <= pub:
            return y
    return pub.year


def weekday_false_friend(ctx: Ctx, m: Match) -> bool:
    lx = ctx.lx
    if prev_word(ctx.text, m.start()) in lx.weekday_after or after_story_order(ctx, m.start()):
        return True  # "Good Friday"; "her last Friday at the paper"
    rest = ctx.text[m.end():m.end() + 40].lstrip()
    if "wposs" in m.re.groupindex and m["wposs"] and rest[:1].isupper() and not rest.startswith(("I ", "I'")):
        return True  # "Friday's Restaurant", "Sunday's Times": a name, not a day
    return rest.startswith(lx.weekday_before)


def r_wday(m: Match, ctx: Ctx) -> list[Mention]:
    if weekday_false_friend(ctx, m):
        return []
    return weekday_mention(ctx, m.start(), m.end(), m["wdb"], m["wpart"])


def weekday_mention(ctx: Ctx, s: int, e: int, word: str, part_word: str | None = None
                    ) -> list[Mention]:
    """A weekday ("on Monday", "Friday night") resolved against the document date."""
    iso = ctx.lx.weekdays[word]
    part = PARTS.get(part_word or "", "")
    rule = "<weekday>" + (" <part of day>" if part else "")
    if ctx.pub is None:
        return [make(ctx, "date", s, e, rule, timex=f"XXXX-WXX-{iso}", note=NO_DOC_DATE)]
    delta = (iso - ctx.pub.isoweekday()) % 7
    if future(ctx, s):
        d, how = ctx.pub + dt.timedelta(days=delta), "earliest such day not before it (future)"
    else:
        d = ctx.pub - dt.timedelta(days=(7 - delta) % 7)
        how = "latest such day not after it"
    return [make(ctx, "date", s, e, rule, timex=d.isoformat() + (
        f"T{part}" if part else ""), date_start=d, date_end=d, anchor="published",
        note=f"weekday resolved against the document date: the {how}")]

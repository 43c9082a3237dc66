"""Ranges of dates: the post-pass that finds and repairs the ends of "from ... to ..." ranges.

Lives here: ``join(out, ctx)``, run by ``temporal.scan`` once every mention is found. It looks
only right before each date mention for the other end of a range and the words that join them
("from May to September", "between 3 and 12 of Sept", "2014 to 2018", "between now and
November 15th"), and right after it for "to date" / "and now". A range is the context that
makes an end safe that the scan refuses alone (lowercase "may", a bare day "9", "ninth", a
bare "2014", "now"), and the place where an end without its year takes the other end's.

What the pass makes:
  - two months: two date mentions, as TimeML annotates them; the first is the latest such
    month not after the second ("May to March": May of the year before March);
  - a run of days in one month ("9 to 12 of June", "between the ninth and the seventeenth of
    April"): one date mention of the whole run, like "March 3-5" of ``time_dates``, since the
    number extractor reads "9 to 12" as a number range;
  - two years ("2014 to 2018", "2014~2018", "from 2014-2018"): one duration, as
    ``time_dates.r_yrange`` makes ("from 2009 to 2011");
  - "now", "to date", "current date", "today" at an end: a date mention of the document day
    (spanning "to date", "till current date" with the connective: "date" alone is no date).

Does not live here: ranges inside one expression that the grammar reads itself ("March 3-5,
2024", "from 2009 to 2011"), numeric ranges ("between 3 and 12 people": ``numbers``).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import regex
from dateutil.relativedelta import relativedelta

from ..calendar import month_end
from ..models import Mention
from . import grammar
from .time_context import Ctx, make
from .time_lexicon import alt, lexicon

# How far before a date mention its range may start: "between the twenty-seventh and the ".
_WINDOW = 48
_MAX_UNPREFIXED_YEARS = 30  # "2014 to 2018": a bare pair of years far apart is rather numbers

_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth")


def _ordinal_words() -> str:
    """Ordinal words of the days of a month, "first" to "thirty-first"."""
    words = [*_UNITS, *_TEENS]
    words += [f"twenty{sep}{u}" for u in _UNITS for sep in ("-", " ")]
    words += [f"thirty{sep}first" for sep in ("-", " ")]
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: -len(w)))


@functools.cache
def _left() -> regex.Pattern[str]:
    """The first end of a range and its connective, matched backwards from the second end."""
    lx = lexicon()
    months = alt(sorted({*lx.months, "may", "march", "aug", "august"}))
    return regex.compile(
        rf"""(?r)(?<![\w.,'’$£€:/-])
        (?:(?P<from>[Ff]rom|[Bb]etween)\s{{1,3}})?
        (?: (?P<mon>{months})(?:,?\s{{1,3}}(?:(?:in|of)\s{{1,3}})?(?P<my>\d{{4}}))?  # April (in) 2016
          | (?:(?P<the>the)\s{{1,3}})?                                      # (the) 9, ninth, 3rd
            (?P<day>[0-3]?\d(?:st|nd|rd|th)?|{_ordinal_words()})
          | (?P<year>\d{{4}})
          | (?P<now>now|today)
        )
        (?: \s{{1,3}}(?P<conn>to|through|thru|till|until|and|or)\s{{1,3}}
          | \s{{0,2}}(?P<conn>[-–~])\s{{0,2}} )
        """, regex.VERBOSE)


# After the first end: "to date", "and now", "till current date", "to today"
_RIGHT_NOW = regex.compile(
    r"\s{1,3}(?P<conn>to|till|until|through|and)\s{1,3}(?P<now>now|date|current\s{1,3}date|today)\b"
    r"(?![\w'’-])")
_NOW_LINKS = ("to", "till", "until", "through", "and")
_CONNECTIVES = frozenset({"to", "through", "thru", "till", "until", "and", "or"})
_WEEKDAY_LINK = regex.compile(r"\s{1,3}(?:to|through|thru|till|until|(?P<and>and))\s{1,3}"
                              r"|\s{0,2}[-–]\s{0,2}")
_BETWEEN_BEFORE = regex.compile(r"(?r)(?<![\w-])[Bb]etween\s{1,3}")
_FROM_BEFORE = regex.compile(r"(?r)(?<![\w-])(?:[Ff]rom|[Bb]etween)\s{1,3}")
# Between two clock times of one range: "9am to 6pm", "from 8pm until 6am", "10pm-4am"
_CLOCK_LINK = regex.compile(r"\s{1,3}(?:to|till|until|through|and)\s{1,3}|\s{0,2}[-–]\s{0,2}")
_DOC_DAY = "day from the document date"
_IN_YEAR = regex.compile(r"[ \t]{1,3}(?:in|of)[ \t]{1,3}(?P<y>\d{4})(?![\d-])")
_FOUR_DIGITS = regex.compile(r"\d{4}")
_MONTH_LEVEL = regex.compile(r"\d{4}-\d\d")
_DAY_LEVEL = regex.compile(r"\d{4}-\d\d-\d\d")
_DAY_FIRST = regex.compile(r"(?:the\s{1,3})?(?:[0-3]?\d|[a-z])", regex.IGNORECASE)


def join(out: list[Mention], ctx: Ctx) -> list[Mention]:
    """``out`` (the scan's mentions, in text order) with the ends of ranges found and repaired."""
    if not out:
        return out
    text = ctx.text
    result: list[Mention] = []
    covered = 0  # a made mention may take in the words of the next one ("June in 2017")
    for m in out:
        if m.start < covered:
            continue
        if m.kind == "date" and m.timex and m.date_start is not None and m.date_end is not None:
            made = _before(m, result, ctx)
            if made is None and result and result[-1].kind == "date":
                made = _weekdays(result, m, ctx)
            if made is not None:
                result.extend(made)
                covered = made[-1].end
                continue
            result.append(m)
            tail = _RIGHT_NOW.match(text, m.end, min(len(text), m.end + 24)) if text[
                m.end:m.end + 12].lstrip(" \t").startswith(_NOW_LINKS) else None
            if tail is not None and ctx.pub is not None and m.date_end <= ctx.pub and \
                    _from_before(text, m.start):  # "from March to date": up to the document day
                # "date" alone says nothing: the mention takes its connective ("to date")
                s = tail.start("conn") if tail["now"][:1] in "dc" else tail.start("now")
                result.append(_today(ctx, s, tail.end("now")))
            continue
        if m.kind == "time" and result and result[-1].kind == "time":
            result[-1:] = _clock_range(result[-1], m, ctx)
            continue
        if m.kind == "duration" and m.rule == "from <year> to <year>":
            lead = _FROM_BEFORE.match(text, max(0, m.start - 12), m.start)
            if lead is not None:  # "from 2014-2018": the number extractor takes "from" too
                m = make(ctx, "duration", lead.start(), m.end, m.rule or "", **_fields(m))
        result.append(m)
    return result


def _clock_range(a: Mention, b: Mention, ctx: Ctx) -> list[Mention]:
    """Two clock times joined as a range ("9am to 6pm on Sunday", "from 8pm until 6am"): a first
    end that took its day from the document date takes the day of the second end; a second end
    earlier in the day than the first, both on the document day, is on the next day (the
    night: "closed from 8pm until 6am")."""
    if not (_CLOCK_LINK.fullmatch(ctx.text, a.end, b.start) and a.note == _DOC_DAY
            and a.timex and b.timex and b.date_start and len(a.timex) > 11
            and a.timex[10] == "T" == b.timex[10]):
        return [a, b]
    if b.note != _DOC_DAY:  # the second end has a day of its own
        day = b.date_start
        return [make(ctx, "time", a.start, a.end, a.rule or "<clock time>",
                     **_fields(a, timex=day.isoformat() + a.timex[10:], date_start=day,
                               date_end=day, anchor=f"{b.start}:{b.end}",
                               note="day from the other end of the range")), b]
    if b.timex[11:] >= a.timex[11:]:
        return [a, b]
    try:
        day = b.date_start + dt.timedelta(days=1)
    except OverflowError:
        return [a, b]
    return [a, make(ctx, "time", b.start, b.end, b.rule or "<clock time>",
                    **_fields(b, timex=day.isoformat() + b.timex[10:], date_start=day,
                              date_end=day, note="the day after the document date: the range "
                              "runs through the night"))]


def _weekdays(done: list[Mention], m: Mention, ctx: Ctx) -> list[Mention] | None:
    """ "from Monday to Friday", "Monday through Thursday", "from Oct. 28 to Friday": a bare
    weekday at one end is the one within the week of the other end, on its right side (each was
    resolved alone, so "will run from Monday to Friday" read Friday before Monday). Of two
    weekdays, the first end stays when it is ahead of the document date, else the second."""
    p = done[-1]
    if p.date_start is None or p.date_start != p.date_end or m.date_start != m.date_end:
        return None
    between = _WEEKDAY_LINK.fullmatch(ctx.text, p.end, m.start)
    if between is None or between["and"] and not _BETWEEN_BEFORE.match(
            ctx.text, max(0, p.start - 12), p.start):
        return None
    wd = ctx.lx.weekdays
    first_bare, second_bare = p.text in wd, m.text in wd  # "Friday", "Fri.", not "next Friday"
    if not (first_bare or second_bare) or m.date_start is None:
        return None
    a, b = p.date_start, m.date_start
    gap = (b.weekday() - a.weekday()) % 7 or 7
    if 0 < (b - a).days <= 7:
        return None  # already in order, within a week
    if second_bare and (not first_bare or ctx.pub is None or a >= ctx.pub):
        return [_day(ctx, m, a + dt.timedelta(days=gap))]
    done[-1] = _day(ctx, p, b - dt.timedelta(days=gap))
    return [m]


def _day(ctx: Ctx, m: Mention, day: dt.date) -> Mention:
    return make(ctx, "date", m.start, m.end, m.rule or "<weekday>", timex=day.isoformat(),
                date_start=day, date_end=day, anchor=m.anchor,
                note="the weekday within a week of the other end of the range")


def _fields(m: Mention, **update: Any) -> dict[str, Any]:
    keep = m.model_dump(exclude={"kind", "start", "end", "text", "rule"})
    keep.update(update)
    return keep


def _from_before(text: str, pos: int) -> bool:
    return _FROM_BEFORE.match(text, max(0, pos - 12), pos) is not None


def _today(ctx: Ctx, s: int, e: int) -> Mention:
    assert ctx.pub is not None
    return make(ctx, "date", s, e, "<range end>: the document day", timex=ctx.pub.isoformat(),
                date_start=ctx.pub, date_end=ctx.pub, anchor="published")


def _before(m: Mention, done: list[Mention], ctx: Ctx) -> list[Mention] | None:
    """The mentions replacing ``m`` (and possibly the last ones of ``done``) when a range ends at
    ``m``; None when no range ends there."""
    text = ctx.text
    tail = text[max(0, m.start - 10):m.start].rstrip()
    if not tail or not (tail[-1] in "-–~" or tail.rsplit(None, 1)[-1] in _CONNECTIVES):
        return None  # the cheap test first: no connective right before the mention
    left = _left().match(text, max(0, m.start - _WINDOW), m.start)
    if left is None:
        return None
    # a mention of ours inside the first end: only a date of it may be replaced
    # mentions of ours inside the first end ("April", "2016" of "April in 2016"): only dates of
    # it may be replaced
    k = len(done)
    while k > 0 and done[k - 1].end > left.start():
        k -= 1
    inside = done[k:]
    if any(p.kind != "date" or p.start < left.start() for p in inside):
        return None
    assert m.timex is not None and m.date_start is not None and m.date_end is not None
    conn = left["conn"]
    if conn in ("and", "or") and (left["from"] or "").lower() != "between":
        # "18 and 19 June": two days of a list, the first with the month of the second
        if left["day"] and not left["from"] and _DAY_LEVEL.fullmatch(m.timex) and \
                m.date_start == m.date_end and _DAY_FIRST.match(m.text) and all(
                    p.timex and _DAY_LEVEL.fullmatch(p.timex) for p in inside):
            made = _listed(m, left, ctx)
            if made is not None:
                del done[k:]  # "the 3rd" read alone as a day of this month
            return made
        return None  # "and" joins the ends of a range only after "between"
    if left["mon"] and _MONTH_LEVEL.fullmatch(m.timex):
        made = _months(m, inside, left, ctx)
        if made is not None:
            del done[k:]
        return made
    if left["day"] and _DAY_LEVEL.fullmatch(m.timex) and m.date_start == m.date_end and \
            _DAY_FIRST.match(m.text):
        return _days(m, left, ctx) if not inside else None
    if left["year"] and _FOUR_DIGITS.fullmatch(m.timex) and (
            not inside or [p.timex for p in inside] == [left["year"]]):
        made = _years(m, left, ctx)
        if made:
            del done[k:]  # "in 2014 through 2018": the first year was read alone
        return made
    if left["now"] and left["from"] and ctx.pub is not None and not inside:
        if m.date_start < ctx.pub and _FOUR_DIGITS.search(m.text) is None:
            m = _next_year(ctx, m)  # "between now and March": the March ahead
        if m.date_start is not None and m.date_start >= ctx.pub:
            return [_today(ctx, left.start("now"), left.end("now")), m]
    return None


def _next_year(ctx: Ctx, m: Mention) -> Mention:
    """``m``, a month or a day written without its year, one year later."""
    assert m.date_start is not None and m.date_end is not None and m.timex is not None
    first, last = m.date_start + relativedelta(years=1), m.date_end + relativedelta(years=1)
    if _MONTH_LEVEL.fullmatch(m.timex):
        return _month(ctx, m.start, m.end, first.year, first.month, m.rule,
                      "the range from the document day")
    if first != last:
        return m  # a run of days keeps its year
    return make(ctx, "date", m.start, m.end, m.rule or "<date>", timex=first.isoformat(),
                date_start=first, date_end=first, anchor="published",
                note=f"year {first.year}: a range from the document day runs ahead")


def _months(m: Mention, inside: list[Mention], left: regex.Match[str],
            ctx: Ctx) -> list[Mention] | None:
    """ "from May to September", "between august and october", "May to March"."""
    word = left["mon"]
    if word.islower() and not left["from"]:
        return None  # "may", "march" are words too: only "from may to ..." is safe
    month = ctx.lx.months.get(word) or ctx.lx.months.get(word.capitalize())
    if month is None or any(p.timex is None or not (
            _MONTH_LEVEL.fullmatch(p.timex) or p.timex == left["my"]) for p in inside):
        return None
    assert m.date_start is not None
    month2, year2 = m.date_start.month, m.date_start.year
    year_written = _FOUR_DIGITS.search(m.text) is not None
    second = m
    tail = None if year_written else _IN_YEAR.match(ctx.text, m.end, m.end + 12)
    if tail is not None and ctx.lx.year_min <= int(tail["y"]) <= ctx.lx.year_max:
        # "to June in 2017": the year after the second end is written for it (and so for both)
        year2, year_written = int(tail["y"]), True
        second = _month(ctx, m.start, tail.end(), year2, month2, m.rule, "the year written after it")
    if left["my"]:
        year = int(left["my"])
        if year_written and year > year2:
            return None  # backwards: the range-order check's
        if not year_written:  # "from April 2016 to June": June of 2016
            year2 = year if month2 >= month else year + 1
            second = _month(ctx, m.start, m.end, year2, month2, m.rule, "the other end")
    else:
        year = year2 if month <= month2 else year2 - 1
    end = left.end("my") if left["my"] else left.end("mon")
    first = _month(ctx, left.start("mon"), end, year, month, "<month> to <month>",
                   "the other end of the range")
    return [first, second]


def _month(ctx: Ctx, s: int, e: int, year: int, month: int, rule: str | None,
           how: str) -> Mention:
    return make(ctx, "date", s, e, rule or "<month>", timex=f"{year:04d}-{month:02d}",
                date_start=dt.date(year, month, 1), date_end=month_end(year, month),
                note=f"year {year} from {how}")


def _earlier_day(m: Mention, left: regex.Match[str]) -> dt.date | None:
    """The day written before ``m`` ("9" of "9 to 12 of June", "the ninth"), in ``m``'s month;
    None unless it comes before ``m``'s day."""
    assert m.date_start is not None
    day = grammar.parse_ordinal(left["day"]) if not left["day"].isdigit() else int(left["day"])
    if day is None or not 1 <= day < m.date_start.day:
        return None
    return m.date_start.replace(day=day)


def _days(m: Mention, left: regex.Match[str], ctx: Ctx) -> list[Mention] | None:
    """ "9 to 12 of June", "between the ninth and the seventeenth of April": one run of days."""
    first = _earlier_day(m, left)
    if first is None or m.date_start is None:
        return None
    s = left.start("from") if left["from"] else left.start()
    note = f"a run of days, {first.isoformat()} to {m.date_start.isoformat()}"
    return [make(ctx, "date", s, m.end, "<day> to <day> <month>", timex=first.isoformat(),
                 date_start=first, date_end=m.date_start, anchor=m.anchor, note=note)]


def _listed(m: Mention, left: regex.Match[str], ctx: Ctx) -> list[Mention] | None:
    """ "18 and 19 June", "the 3rd or 4th of May": the first day listed gets the month after it."""
    first = _earlier_day(m, left)
    if first is None:
        return None
    s = left.start("the") if left["the"] else left.start("day")
    return [make(ctx, "date", s, left.end("day"), "<day> and <day> <month>",
                 timex=first.isoformat(), date_start=first, date_end=first, anchor=m.anchor,
                 note=f"the month of the day listed after it, {m.text}"), m]


def _years(m: Mention, left: regex.Match[str], ctx: Ctx) -> list[Mention] | None:
    """ "2014 to 2018", "2014~2018", "between 2014 and 2018": the years as one stretch."""
    y1, y2 = int(left["year"]), int(m.timex or "0")
    lx = ctx.lx
    if not lx.year_min <= y1 < y2 <= lx.year_max or (
            y2 - y1 > _MAX_UNPREFIXED_YEARS and not left["from"]):
        return None
    s = left.start("from") if left["from"] else left.start()
    n = float(y2 - y1)
    return [make(ctx, "duration", s, m.end, "from <year> to <year>", timex=f"P{y2 - y1}Y",
                 value=n, low=n, high=n, unit="year", date_start=dt.date(y1, 1, 1),
                 date_end=dt.date(y2, 12, 31), note=f"the years {y1} to {y2}")]

"""Elapsed-time checks: elapsed-time (T003).

An elapsed time ("nearly two years ago", "has raged for three years", "two years since the war
began", "the three-year-old war", "in its third year", "in 2015, nine years ago", "two weeks after
the vote on March 3") is judged against the dates of what it measures: the fact sheet first, else
an explicit date the text gives for the same event. The band a figure allows comes from the
extractor's reading of its hedge (Mention.low/high) widened by the writer's granularity
(``data/temporal_checks.toml`` [elapsed]); all arithmetic is calendar arithmetic
(``numclaims.calendar``). Does not live here: linking (``numclaims.link.events``), dates against
the fact sheet (``fact_dates``), ages (``ages``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import regex
from dateutil.relativedelta import relativedelta

from .. import calendar as cal
from ..config import load_data
from ..link.events import Link, Links, links
from ..link.phrases import is_relative
from ..models import Evidence, Mention
from ._say import in_sentence
from ._temporal import (
    VERBED,
    Days,
    days_of,
    event_fact,
    fmt_day,
    fmt_days,
    has_year,
    overlaps,
    published,
    readings,
    tolerances,
)
from .registry import Context, Flag, claim, register

RULE = "elapsed-time"
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE",
          "fortnight": "W"}
_SCALE = {"fortnight": 2.0}
_TIMEX_DUR = regex.compile(r"P(\d+(?:\.\d+)?)(DE|CE|Y|M|W|D)")
_SPELL_MAX = 20  # a suggestion spells out counts up to twenty ("nine years"), then digits
_AGO = regex.compile(r"\s+(?P<w>ago|back|earlier)\b")
_AGO_ONLY = regex.compile(r"\s+(?:ago|back)\b")  # points back from the document date


def unit_of(m: Mention) -> tuple[str, float] | None:
    """(TIMEX3 unit letter, scale) of a duration: "two years" -> ("Y", 1); None for clock units."""
    name = (m.unit or "").lower().removesuffix("s")
    if name in _UNITS:
        return _UNITS[name], _SCALE.get(name, 1.0)
    t = _TIMEX_DUR.fullmatch(m.timex or "")
    return (t.group(2), 1.0) if t else None


def band(m: Mention, unit: str) -> tuple[float | None, float | None]:
    """The elapsed amounts (in the mention's unit) consistent with the words: the hedge's reading
    from the extractor; for a range ("between 60 and 90 days") its ends widened like bare counts;
    for a bare count [N - below, N + above) widened when N is round."""
    if m.value is None:
        return None, None
    if m.hedge is not None:
        return m.low, m.high
    tol = tolerances()["elapsed"]
    if m.low is not None and m.high is not None and m.low != m.high:
        return m.low - tol["bare_below"], m.high + tol["bare_above"]
    widen = next((w for mult, w in tol["round_widen"] if m.value >= mult and m.value % mult == 0),
                 0.0)
    return m.value - tol["bare_below"] - widen, m.value + tol["bare_above"] + widen


def slack(unit: str) -> dt.timedelta:
    table = tolerances()["elapsed"]["slack_days"]
    return dt.timedelta(days=table.get(unit, table["Y"]))


def window(base: Days, lo: float | None, hi: float | None, unit: str, back: bool,
           pad: dt.timedelta = dt.timedelta(0)) -> Days:
    """The days an end may fall on when it lies lo..hi units before (``back``) or after ``base``."""
    sign = -1 if back else 1
    near, far = (hi, lo) if back else (lo, hi)  # the bounds of the first and of the last day
    first = dt.date.min if near is None else cal.plus_days(
        cal.shift_held(base[0], sign * near, unit), -pad.days)
    last = dt.date.max if far is None else cal.plus_days(
        cal.shift_held(base[1], sign * far, unit), pad.days)
    return first, last


def rough(rd: relativedelta) -> str:
    """'2 years 8 months' (days dropped once there are months or years)."""
    if rd.years or rd.months:
        rd = relativedelta(years=rd.years, months=rd.months)
    return cal.phrase(rd)


@functools.cache
def _number_words() -> tuple[dict[int, str], dict[int, str]]:
    """Count words and ordinal words by value, from numbers.toml (the first spelling of each)."""
    table = load_data("numbers")
    counts: dict[int, str] = {}
    for word, value in (*table["ones"].items(), *table["tens"].items()):
        counts.setdefault(int(value), word)
    ordinals: dict[int, str] = {}
    for word, value in table["ordinals"].items():
        ordinals.setdefault(int(value), word)
    return counts, ordinals


def _n(n: int, digits: bool) -> str:
    """A count as a suggestion writes it: in words up to twenty unless the text used digits."""
    return str(n) if digits or not 0 <= n <= _SPELL_MAX else _number_words()[0][n]


def _nth(n: int) -> str:
    """An ordinal in words up to the twentieth, then in digits ("21st", "112th")."""
    if 0 < n <= _SPELL_MAX:
        return _number_words()[1][n]
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def amount(rd: relativedelta, digits: bool = False) -> str | None:
    """Wording for an elapsed time: 'more than two and a half years', 'nearly three years'."""
    # the part after the whole units, in twelfths: months of a year, or days of a month (30 days)
    for big, mo, name in ((rd.years, rd.months, "year"), (rd.months, rd.days * 12 // 30, "month")):
        if big < 1:
            continue
        one = "a" if big == 1 else _n(big, digits)
        nxt = _n(big + 1, digits)
        if mo == 0 and (name == "month" or rd.days < 15):
            return f"{one} {name}" + ("s" if big > 1 else "")
        if mo < 6:
            return f"more than {one} {name}" + ("s" if big > 1 else "")
        if mo < 9:
            half = (f"a {name} and a half" if big == 1 else f"{big}.5 {name}s" if digits
                    else f"{_n(big, digits)} and a half {name}s")
            return f"more than {half}"
        return f"nearly {nxt} {name}s"
    return None


def event_days(ctx: Context, lk: Links, link: Link, point: str
               ) -> tuple[Days, list[Evidence], str] | None:
    """The days of ``point`` (begin, end, date) of the linked event, the evidence, and how to say
    it ("the war began 2022-02-24"); the fact sheet wins over the text."""
    ev = link.ref.event
    if ev is not None and ctx.facts is not None:
        fact = event_fact(ctx.facts, ev, point)
        if fact is None:
            return None
        span, evidence = fact
        return span, [evidence], ("on " if span[0] == span[1] else "in ") + fmt_days(span)
    for other in lk.about(link.ref.key, [point]):
        m = other.mention
        days = days_of(m) if m.kind == "date" and has_year(m) else None
        if days is not None:
            said = f"'{m.text}'" if not is_relative(m) else f"{fmt_days(days)} ('{m.text}')"
            return days, [claim(m)], f"on {said}" if days[0] == days[1] else f"in {said}"
    return None


# --------------------------------------------------------------------------- T003


def _reading(link: Link) -> tuple[str, float | None, float | None] | None:
    """(unit, low, high) of the elapsed time a link states, in that unit."""
    m, tol = link.mention, tolerances()
    if link.role == "nth_year":
        if m.value is None:
            return None
        return "Y", m.value - 1, m.value
    u = unit_of(m) if m.kind == "duration" else (("Y", 1.0) if "year" in m.text.lower() else None)
    if u is None:
        return None
    unit, scale = u
    if link.role == "old" and m.value is not None:
        lo, hi = m.value - tol["elapsed"]["old_below"], m.value + tol["elapsed"]["old_above"]
    else:
        lo, hi = band(m, unit)
    return unit, None if lo is None else lo * scale, None if hi is None else hi * scale


def _said(ctx: Context, link: Link) -> str:
    m = link.mention
    if link.role in ("begin", "end", "date"):
        ago = _AGO.match(ctx.text, m.end)
        return f"'{m.text}{ago.group() if ago else ''}' from"
    if link.role == "last":
        return f"'{link.cue} for {m.text}' as of"
    if link.role == "nth_year":
        return f"'{link.cue}' as of"
    start, end = min(m.start, link.ref.start), max(m.end, link.ref.end)
    return f"'{ctx.text[start:end]}' as of"


def _suggest(link: Link, rd: relativedelta) -> str | None:
    m = link.mention
    digits = bool(regex.search(r"\d", m.text))
    if link.role == "nth_year":
        word = _nth(rd.years + 1)
        return regex.sub(r"(?<=^\w+\s+)[\w-]+", word, m.text) if m.kind == "duration" else word
    if link.role == "old":
        return regex.sub(r"^[\w-]+?(?=[\s-]year)", _n(rd.years, digits), m.text) if rd.years else None
    return amount(rd, digits)


def _judge(ctx: Context, lk: Links, link: Link) -> Flag | None:
    m, p = link.mention, ctx.published
    point = link.point if link.role == "since" else (
        link.role if link.role in ("begin", "end", "date") else "begin")
    reading = _reading(link)
    if reading is None:
        return None
    if p is None:
        ctx.cannot_verify(RULE, m, "no document date: the elapsed time cannot be placed")
        return None
    found = event_days(ctx, lk, link, point)
    if found is None:
        ctx.cannot_verify(RULE, m, f"no anchor for '{link.ref.text}': neither the text nor the fact "
                                   "sheet dates it")
        return None
    span, evidence, said_date = found
    unit, lo, hi = reading
    pad = slack("Y" if unit in ("DE", "CE") else unit)
    if overlaps([window((p, p), lo, hi, unit, back=True, pad=pad)], [span]):
        return None
    points = fmt_days(window((p, p), lo, hi, unit, back=True))
    rd = relativedelta(p, span[0])
    verbed = VERBED[point]
    if link.role in ("begin", "end", "date"):
        msg = (f"{_said(ctx, link)} {fmt_day(p)} points to {points}; {in_sentence(link.ref.text)} "
               f"{verbed} {said_date}, "
               f"{rough(rd)} earlier")
    else:
        noun = {"begin": "start"}.get(point, point)
        msg = (f"{_said(ctx, link)} {fmt_day(p)} puts the {noun} of {in_sentence(link.ref.text)} "
               f"in {points}; it "
               f"{verbed} {said_date}, {rough(rd)} earlier")
    suggestion = _suggest(link, rd) if span[0] == span[1] else None
    return Flag(m.start, m.end, msg, (*evidence, published(ctx)), suggestion)


def _judge_pair(ctx: Context, first: Mention, second: Mention, duration: Mention,
                back_from_first: bool) -> Flag | None:
    """A duration said to separate two dates: ``second`` lies ``duration`` before (or after)
    ``first``. ``first`` may be the document date (``(P, P)``) for "since" pairs."""
    u = unit_of(duration)
    pub = ctx.published
    base = (pub, pub) if first is duration and pub is not None else days_of(first)
    if u is None or base is None or not readings(second):
        return None
    unit, scale = u
    lo, hi = band(duration, unit)
    lo, hi = (None if lo is None else lo * scale), (None if hi is None else hi * scale)
    pad = slack("Y" if unit in ("DE", "CE") else unit)
    firsts = readings(first) if first is not duration else [base]
    for f in firsts:
        if overlaps([window(f, lo, hi, unit, back=back_from_first, pad=pad)], readings(second)):
            return None
    said = fmt_days(window(base, lo, hi, unit, back=back_from_first))
    real = days_of(second)
    assert real is not None
    rd = relativedelta(base[0], real[0]) if back_from_first else relativedelta(real[0], base[0])
    where = f"from {fmt_day(pub)}" if first is duration and pub else f"from '{first.text}'"
    read = f" ({fmt_days(real)})" if is_relative(second) or not has_year(second) else ""
    msg = (f"'{duration.text}' {where} points to {said}, but '{second.text}'{read} is "
           f"{rough(rd)} {'earlier' if back_from_first else 'later'}")
    fix = amount(rd, bool(regex.search(r"\d", duration.text))) if real[0] == real[1] else None
    ev = (claim(second),) + ((published(ctx),) if first is duration else ())
    return Flag(duration.start, duration.end, msg, ev, fix)


@register("T003", "elapsed-time")
def elapsed_time(ctx: Context) -> Iterator[Flag]:
    """What it flags: an elapsed time that does not match the dates of what it measures: "the war which started nearly two years ago" for a war that began 2 years 8 months before the article, "in its third year", "the three-year-old war", "has raged for two years", "two years since ...", "in 2015, nine years ago", "two weeks after the vote on March 3"; the dates come from the fact sheet, else from the text.
    Why it matters: stale or miscounted elapsed times are among the most common numeric errors in news (copied from an older story, or counted from the wrong year), and readers take them at face value.
    Example:
    (published 2024-11-05) (facts seeds/000_b25511bfe7d2328e.facts.toml) Officials see this as a major escalation of the war which started nearly two years ago.
    (published 2024-11-05) The company was founded in 2015, seven years ago.
    (published 2024-11-05) The war began on Feb. 24, 2022. Two years on, the war, now in its second year, shows no sign of ending.
    Not flagged:
    (published 2024-11-05) (facts seeds/000_b25511bfe7d2328e.facts.toml) Officials see this as a major escalation of the war which started nearly three years ago.
    (published 2024-11-05) The company was founded in 2015, nine years ago.
    (published 2024-11-05) Officials see this as a major escalation of the war which started more than two years ago.
    Limitations: hedges and round figures widen what counts as consistent (see data/temporal_checks.toml), so "two years ago" for 2 years 8 months passes as two completed years; "lasted for X" in the past tense, and elapsed times between two events that are not in one sentence, are not checked. Without a document date, or without a date for the event, the claim is listed as unverified.
    """
    lk = links(ctx)
    for link in lk.links:
        m = link.mention
        ago = link.role in ("begin", "end", "date") and m.kind == "duration" and (
            m.anchor == "published" or _AGO_ONLY.match(ctx.text, m.end) is not None)
        perfect = link.role != "last" or link.perfect
        if (ago or link.role in ("last", "since", "old", "nth_year")) and perfect:
            flag = _judge(ctx, lk, link)
            if flag is not None:
                yield flag
    for p in lk.pairs:
        flag = None
        if p.relation == "same":
            dur, date = (p.first, p.second) if p.first.kind == "duration" else (p.second, p.first)
            if dur.kind == "duration" and dur.anchor == "published" and date.kind == "date" \
                    and not is_relative(date) and ctx.published is not None:
                ahead = dur.date_start is not None and dur.date_start > ctx.published
                flag = _judge_pair(ctx, dur, date, dur, back_from_first=not ahead)  # "from now"
        elif p.relation == "since" and ctx.published is not None:
            flag = _judge_pair(ctx, p.first, p.second, p.first, back_from_first=True)
        elif p.offset is not None:
            flag = _judge_pair(ctx, p.first, p.second, p.offset, back_from_first=p.relation == "after")
        if flag is not None:
            yield flag

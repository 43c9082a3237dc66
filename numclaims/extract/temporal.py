"""Dates, durations, clock times and sets, resolved against the document date.

Lives here: ``scan(text, published)``, the driver. It finds the *heads* of temporal expressions
with cheap patterns over the whole text (``time_patterns.triggers``: month and weekday names,
unit words, four-digit numbers, ...), finds how far left an expression around each head may start
(``leftmost``, walking back over words that may open one), tries the full grammar (``time_patterns.rules``)
anchored at the few word starts in between, and hands the match to the resolver of its rule:
``time_dates`` (calendar dates, months, years, seasons, weekdays), ``time_numeric`` (dates in
figures), ``time_words`` (years in words), ``time_relative`` ("last month",
"this summer", "the first quarter") and ``time_durations`` ("nearly two years ago", "every week").
Three passes then read what spans several mentions: ``time_ranges`` (the ends of "from May to
September", "9 to 12 of June"), ``time_compound`` ("1 hour and 30 minutes") and ``time_stretch``
("the first six months of 2024", "a week starting tomorrow"). Mentions come back in text order and
never overlap each other; an expression whose day falls outside years 1-9999 is left out.

Does not live here: numbers without a time unit (``numbers``), settling overlaps with them
(``extract.merge``), judging dates (``numclaims.checks``), the document's own date
(``numclaims.source``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import regex

from ..models import Mention
from . import (
    time_compound,
    time_dates,
    time_durations,
    time_holidays,
    time_numeric,
    time_periods,
    time_ranges,
    time_relative,
    time_stretch,
    time_words,
)
from .grammar import finite
from .time_context import Ctx
from .time_lexicon import lexicon
from .time_patterns import HEAD_RULES, RULE_NAMES, head_words, prefix_words, rules, triggers

# How far before a head an expression may start ("more than one and a half years").
LEFT = 64

Resolver = Callable[[regex.Match[str], Ctx], list[Mention]]
_RESOLVERS: dict[str, Resolver] = {
    "R_date": time_dates.r_date,
    "R_iso": time_numeric.r_iso,
    "R_num": time_numeric.r_num,
    "R_mdate": time_numeric.r_mdate,
    "R_ym": time_numeric.r_ym,
    "R_md": time_numeric.r_md,
    "R_time": time_dates.r_time,
    "R_period": time_dates.r_period,
    "R_yrange": time_numeric.r_yrange,
    "R_hol": time_holidays.r_hol,
    "R_yword": time_words.r_yword,
    "R_wdnth": time_periods.r_wdnth,
    "R_wdabbr": time_periods.r_wdnth,
    "R_wday": time_dates.r_wday,
    "R_dayrel": time_relative.r_dayrel,
    "R_weekend": time_relative.r_weekend,
    "R_ordday": time_numeric.r_ordday,
    "R_quarter": time_relative.r_quarter,
    "R_qcode": time_relative.r_qcode,
    "R_rel": time_relative.r_rel,
    "R_the": time_relative.r_the,
    "R_same": time_periods.r_same,
    "R_weekof": time_periods.r_weekof,
    "R_cent": time_periods.r_cent,
    "R_dayword": time_relative.r_dayword,
    "R_dur": time_durations.r_dur,
    "R_nth": time_durations.r_nth,
    "R_vague": time_durations.r_vague,
    "R_set": time_durations.r_set,
}
assert set(_RESOLVERS) == set(RULE_NAMES)
_SEPARATORS = " \t,-"
_SECOND_DECADE = regex.compile(r"\d0s\s{1,3}(?:and|or|to|through)\s{1,3}\Z")
_WORD_CHARS = "'’½¼¾⅓⅔"
_DECADE_TAIL = re.compile(r"0s\b")


def heads(text: str) -> list[tuple[int, int, str]]:
    """Every head in ``text`` as (start, end, class), in order."""
    words, digits, _, codes = triggers()
    classes = head_words()
    found = [(m.start(), m.end(), classes[m.group()]) for m in words.finditer(text)]
    for m in digits.finditer(text):
        s = m.start()
        if s == 0 or not (text[s - 1].isalnum() or text[s - 1] in ".,"):
            found.append((s, m.end(), "digit"))
    # '90s (the head takes the apostrophe), the 70s. ``decades`` is ``\d0s\b``; its matches are
    # found through the literal "0s" (the stdlib engine skips to a literal ten times faster than
    # it tries a digit class at every character) and the digit before it is checked here: the
    # same matches, since two of them can never overlap.
    for m in _DECADE_TAIL.finditer(text):
        s = m.start() - 1
        if s < 0 or not text[s].isdecimal():  # ``\d`` of a str pattern: Unicode Nd
            continue
        if s > 0 and text[s - 1] in "'’":
            found.append((s - 1, m.end(), "digit"))
        elif s > 3 and text[s - 1].isspace() and text[s - 4:s - 1] in ("the", "The") and (
                s == 4 or not text[s - 5].isalnum()) or _SECOND_DECADE.search(text, max(0, s - 16), s):
            found.append((s, m.end(), "digit"))
    found += [(m.start(), m.end(), "code") for m in codes.finditer(text)
              if m.start() == 0 or not text[m.start() - 1].isalnum()]
    found.sort()
    return found


def leftmost(text: str, hs: int, floor: int, words: frozenset[str]) -> int:
    """Walk back from ``hs`` over words that may open an expression (``prefix_words``, numerals);
    the result is the leftmost place an expression around this head can start (>= floor)."""
    pos = hs
    for _ in range(8):
        j = pos
        while j > floor and text[j - 1] in _SEPARATORS and pos - j < 3:
            j -= 1
        if j == pos or j <= floor:
            break
        k = j
        while k > floor and (text[k - 1].isalnum() or text[k - 1] in _WORD_CHARS or (
                text[k - 1] in ".," and k - 1 > floor and text[k - 2].isdigit()
                and text[k].isdigit())):  # "2.5", "1,500"
            k -= 1
        word = text[k:j]
        if not word or (k > 0 and text[k - 1] in "'’") or not (
                word in words or word[0].isdigit() or word[0] in _WORD_CHARS):
            break
        pos = k
    return pos


def scan(text: str, published: dt.date | None) -> list[Mention]:
    """Every date, duration, clock time and set in ``text``, in order, with exact spans.

    ``published`` anchors relative expressions; with None they are reported unresolved.
    """
    ctx = Ctx(text=text, pub=published, lx=lexicon())
    words = prefix_words()
    out: list[Mention] = []
    done = 0  # everything before this offset is settled
    pending: tuple[int, tuple[int, int, Callable[[Mention], Mention | None]]] | None = None
    for hs, he, cls in heads(text):
        if he <= done:
            continue
        grammar = rules(cls)
        # Try each word start from the leftmost possible one to the head itself; the first
        # parse that covers the head wins.
        left = leftmost(text, hs, max(done, hs - LEFT), words)
        for pos in _starts(text, left, hs):
            m = grammar.match(text, pos)
            if m is None or m.end() <= hs:
                continue
            found = _resolve(m, ctx, HEAD_RULES[cls])
            follow, ctx.follow = ctx.follow, None
            if found:
                if pending is not None:  # the mention before waits for this date: complete it
                    _complete(out, pending, found[0])
                pending = (len(out) + len(found) - 1, follow) if follow else None
                last = found[-1]
                if last.kind == "date" and last.date_start and last.date_start == last.date_end:
                    ctx.last_day = last
                out.extend(found)
                ctx.dates.extend(f for f in found if f.kind == "date" and f.date_start)
                done = m.end()
                break
    # the ends of ranges, compound durations, durations placed by a date after them
    for step in (time_ranges.join, time_compound.join, time_stretch.place):
        try:
            out = step(out, ctx)
        except _OFF_CALENDAR:  # a day outside years 1-9999: keep the mentions as they were
            pass
    return [m for m in out if finite(m)]  # "1e999 years ago": an overflow is no figure


def _complete(out: list[Mention], pending: tuple[int, tuple[int, int, Callable[
        [Mention], Mention | None]]], date: Mention) -> None:
    i, (first, last, remake) = pending
    if first <= date.start <= last and date.kind == "date" and date.date_start is not None:
        try:
            new = remake(date)
        except _OFF_CALENDAR:
            return
        if new is not None:
            out[i] = new


def _starts(text: str, left: int, hs: int) -> list[int]:
    if left == hs:
        return [hs]
    starts = [i for i in range(left, hs) if (i == 0 or not text[i - 1].isalnum()) and (
        text[i].isalnum() or text[i] in _WORD_CHARS) and not (i > 0 and text[i - 1] in "'’")]
    starts.append(hs)
    return starts


# Calendar arithmetic past the ends of the calendar ("3.2 billion hours ago", "the day after
# Dec. 31, 9999", any relative day in a document dated 0001-01-01) raises one of these in
# ``datetime`` or ``dateutil``: such an expression names no day we can write, so it is left out.
_OFF_CALENDAR = (OverflowError, ValueError)


def _resolve(m: regex.Match[str], ctx: Ctx, names: tuple[str, ...]) -> list[Mention]:
    for name in names:
        if m.group(name) is not None:
            try:
                return _RESOLVERS[name](m, ctx)
            except _OFF_CALENDAR:
                return []
    return []

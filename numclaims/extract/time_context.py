"""What the temporal resolvers share: the scan context and small helpers around a match.

Lives here: ``Ctx`` (the text, the document date, the vocabulary, the explicit dates met so far),
``make`` (a Mention from a span), the word before a span, the future-tense cue of a sentence,
sentence boundaries, choosing a year for a date written without one (from the document date, or
from the far end of a range: ``range_year``), and the TIMEX3 spelling of days and durations.
Does not live here: the rules themselves (``time_dates``, ``time_durations``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from ..calendar import Span, month_end
from ..models import Mention
from .time_lexicon import Lexicon, alt, lexicon

NO_DOC_DATE = "no document date: relative expression left unresolved"
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# The word right before a position (matched backwards from it), skipping spaces.
_PREV_WORD = regex.compile(r"(?r)(?<![\w.'’#-])([\w.'’#-]{1,20})[ \t\u00a0]{1,3}")
_NEXT_WORD = regex.compile(r"[ \t\u00a0]{1,3}([\w'’.-]{1,30})")
# A sentence boundary: end punctuation then space and a capital or quote, or a line break.
_BOUNDARY = regex.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n")


@dataclass
class Ctx:
    text: str
    pub: dt.date | None
    lx: Lexicon
    explicit: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)  # every resolved date met so far
    last_day: Mention | None = None  # the latest single-day date met, for clock times
    # A mention that a date starting right after it would complete ("3 days after [Jan. 12]",
    # "at 16:15 UTC, [June 1]"): where that date may start (first, last offset) and how to
    # remake the mention from it (None: keep it as it is). Set by a resolver, used by the scan.
    follow: tuple[int, int, Callable[[Mention], Mention | None]] | None = None


def make(ctx: Ctx, kind: str, start: int, end: int, rule: str, **kw: Any) -> Mention:
    """A Mention of ``text[start:end]``; ``kw`` are the other Mention fields."""
    return Mention(kind=kind, start=start, end=end, text=ctx.text[start:end], rule=rule,  # type: ignore[arg-type]
                   **kw)


def day_fields(span: Span | None) -> dict[str, Any]:
    return {"date_start": span[0], "date_end": span[1]} if span else {}


def prev_word(text: str, pos: int) -> str:
    """The word just before ``pos`` ("" at the start of a line or text)."""
    m = _PREV_WORD.match(text, max(0, pos - 24), pos)
    return m.group(1) if m else ""


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (as ``prev_word`` gives it) is an abbreviation that makes the figures
    after it a number or a code: "H.R.", "S.Res.", "Res.", "Ord.", "St." ("H.R. 2015-12", "Res.
    2019-11" are bills and resolutions). Its dot is no sentence end. Capitalised words of at most
    three letters, or with a dot inside; not "ca." and other lower-case ones ("ca. 1900")."""
    if len(word) < 2 or word[-1] != "." or not word[0].isupper():
        return False
    return "." in word[:-1] or len(word) <= 4


def count_follows(ctx: Ctx, pos: int) -> bool:
    """Whether the word after ``pos`` makes the figure before it a count: a lower-case plural
    ("2000 soldiers", "nineteen hundred troops.") or a count noun of data/time.toml ("2000
    people"), as the year rule reads it."""
    nxt = next_word(ctx.text, pos).rstrip(".")
    lx = ctx.lx
    return nxt[:1].islower() and (nxt in lx.count_nouns or (
        nxt.endswith("s") and nxt not in lx.plural_ok and len(nxt) > 2))


# Before "last"/"next": a possessive makes it "final"/"following" in the story ("his last
# summer", "her last Friday at the paper"), not a count from the document date; so does "the"
# before a named period ("the last summer before the war", "the last Monday of the month"),
# while "the last week", "the next year" stay stretches from the document date.
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your", "whose", "that"})


def story_order(ctx: Ctx, pos: int, named: bool) -> bool:
    """Whether "last"/"next" at ``pos`` means the final / the following one of a story, by the
    word before it (see ``_POSSESSIVES``); ``named``: a named period follows (a season, a
    weekday, a month), not a unit of time."""
    prev = prev_word(ctx.text, pos).lower()
    return prev in _POSSESSIVES or (named and prev == "the")


def after_story_order(ctx: Ctx, pos: int) -> bool:
    """Whether a named period at ``pos`` follows a "last"/"next" of a story ("his last
    [summer]", "the last [Monday] of the month"): then it is no date alone either."""
    prev = prev_word(ctx.text, pos)
    return prev.lower() in ("last", "next") and story_order(ctx, pos - len(prev) - 1, True)


def next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos, min(len(text), pos + 34))
    return m.group(1) if m else ""


def sentence_before(ctx: Ctx, pos: int) -> str:
    """The part of the sentence before ``pos``, at most ``cue_window`` characters."""
    lo = max(0, pos - ctx.lx.cue_window)
    chunk = ctx.text[lo:pos]
    cut = 0
    for b in _BOUNDARY.finditer(chunk):
        cut = b.end()
    return chunk[cut:]


def same_sentence(ctx: Ctx, a: int, b: int) -> bool:
    """No sentence boundary between positions ``a`` and ``b``."""
    return b - a < 400 and _BOUNDARY.search(ctx.text, a, b) is None


def future(ctx: Ctx, pos: int) -> bool:
    """Whether the sentence before ``pos`` speaks of the future ("will", "is expected to"), after
    its last past reporting verb ("..., the company said on Oct. 30": past)."""
    chunk = sentence_before(ctx, pos)
    said = ctx.lx.report_verbs.search(chunk)  # the last one: the pattern reads backwards
    return ctx.lx.future_cues.search(chunk, said.end() if said else 0) is not None


def timex_day(d: dt.date) -> str:
    return d.isoformat()


def timex_written(year: int | None, month: int, day: int | None = None) -> str:
    """TIMEX3 of what was written, even an impossible day ("2023-02-30"); XXXX for no year."""
    y = "XXXX" if year is None else f"{year:04d}"
    return f"{y}-{month:02d}" + ("" if day is None else f"-{day:02d}")


def day_in_year(ctx: Ctx, pos: int, month: int, day: int) -> tuple[dt.date | None, str]:
    """The day month/day that a date written without its year means (see [resolution] in
    time.toml), and how it was chosen."""
    assert ctx.pub is not None
    cands = []
    for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    return choose_day(ctx, pos, cands)


def choose_day(ctx: Ctx, pos: int, cands: list[dt.date]) -> tuple[dt.date | None, str]:
    """Of the days a date without its year may be (in order, around the document date), the
    one [resolution] picks, and how."""
    assert ctx.pub is not None
    pub = ctx.pub
    past = [d for d in cands if d <= pub]
    ahead = [d for d in cands if d >= pub]
    if ahead and (future(ctx, pos) or not past):
        return ahead[0], "the earliest such day not before it (future tense)"
    if ahead and (ahead[0] - pub).days <= ctx.lx.near_future_days:
        return ahead[0], "the next such day, within the coming weeks"
    if past:
        return past[-1], "the latest such day not after it"
    return None, ""


def month_year(pub: dt.date, month: int, forward: bool) -> int:
    """The year of a bare month: the latest not after the document month, or with ``forward``
    the earliest not before it."""
    if forward:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), month_end(year, month)


def fmt_num(x: float) -> str:
    """A TIMEX3 number: 2.0 -> "2", 2.5 -> "2.5", 123.45 -> "123.45" (at most 4 decimals)."""
    return str(int(x)) if float(x).is_integer() else f"{round(x, 4):g}"


@functools.cache
def _range_tail() -> regex.Pattern[str]:
    """What follows the first end of a range whose year is written only at its other end:
    "January [to April 2015]", "June 26 [to June 28, 2020]", "May 3 [to 28, 2024]"."""
    month = alt(lexicon().months_with_day)
    return regex.compile(
        rf"""(?:\s{{0,2}}[-–]\s{{0,2}}|\s{{1,3}}(?:to|through|until|till|and|or)\s{{1,3}})
        (?:(?P<mon>{month})\.?,?\s{{1,3}}|(?:the\s{{1,3}})?[0-3]?\d(?:st|nd|rd|th)?,?\s{{1,3}}
          |of\s{{1,3}}){{1,4}}
        (?:(?:in|of)\s{{1,3}})?(?P<y>\d{{4}})(?![\d-])""", regex.VERBOSE)


def range_year(ctx: Ctx, end: int, month: int) -> int | None:
    """The year written at the far end of a range that starts at ``end`` ("from January to April
    2015": 2015), one less when the range crosses a new year ("December to February 2024")."""
    t = _range_tail().match(ctx.text, end, min(len(ctx.text), end + 48))
    if t is None:
        return None
    year = int(t["y"])
    if not ctx.lx.year_min <= year <= ctx.lx.year_max:
        return None
    other = ctx.lx.months_with_day.get(t["mon"]) if t["mon"] else None
    return year - 1 if other is not None and other < month else year

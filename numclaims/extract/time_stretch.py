"""Durations placed on the calendar by the date right after them: "the first six months of
2024", "the last four months of 2021", "a week starting tomorrow", "3 days starting from next
Monday", "(closed) for 3 days from today".

Lives here: ``place(out, ctx)``, run by ``temporal.scan`` once every mention is found. It looks
only at a duration of a stated count followed by "of" or "starting (from|on)" and a date
mention: the duration then gets the days it covers (date_start, date_end) and the date as its
anchor; the date stays a mention of its own.

The day word at the end of an offset ("two days from [today]", "4 months from [tomorrow]") is
no mention of its own: the offset (``time_durations``) already points at its day, anchored on the
document date, and a second reading of the same words would name a day the text does not speak
of.

Does not live here: durations counted from the document date ("the past two years":
``time_durations``), offsets ("two weeks before May 13": ``time_durations``), parts of a period
named by an ordinal ("the first quarter", "the second half": ``time_relative``).
"""

from __future__ import annotations

import datetime as dt

import regex

from ..calendar import shift
from ..models import Mention
from .time_context import Ctx, make, prev_word

_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_PART = regex.compile(r"[ \t]{1,3}of[ \t]{1,3}\Z")
_STARTING = regex.compile(r",?[ \t]{1,3}(?:starting|beginning)(?:[ \t]{1,3}(?:from|on))?"
                          r"[ \t]{1,3}\Z")
_BASE = regex.compile(r"[ \t]{1,3}(?:from|after|before)[ \t]{1,3}")
_FROM = regex.compile(r",?[ \t]{1,3}from[ \t]{1,3}")  # "for 3 days from today": a stretch
_DAY_WORDS = ("today", "tomorrow", "yesterday")
_FIRST_LAST = regex.compile(r"(?:[Tt]he[ \t]{1,3})?(?P<w>first|last|final)\b")


def place(out: list[Mention], ctx: Ctx) -> list[Mention]:
    """``out`` (the scan's mentions, in text order) with durations placed by the date after."""
    result = _without_offset_bases(out, ctx)
    drop = -1
    for i in range(len(result) - 1):
        d, date = result[i], result[i + 1]
        if d.kind != "duration" or d.unit not in _LETTER or d.value is None or (
                d.date_start is not None or d.hedge is not None or not d.value.is_integer()):
            continue
        if date.kind != "date" or date.date_start is None or date.date_end is None or (
                date.start - d.end > 24):
            continue
        placed = _placed(ctx, d, date)
        if placed is not None:
            result[i] = placed
            if date.text.lower() in _DAY_WORDS:
                drop = i + 1  # "a week starting tomorrow": the day word is the stretch's start
    return result if drop < 0 else result[:drop] + result[drop + 1:]


def _without_offset_bases(out: list[Mention], ctx: Ctx) -> list[Mention]:
    result: list[Mention] = []
    for m in out:
        prev = result[-1] if result else None
        if prev is not None and m.kind == "date" and prev.kind == "duration" and (
                prev.anchor == "published" and prev.rule is not None and m.start - prev.end < 12
                and prev.rule.endswith(f" {m.text.lower()}")
                and _BASE.fullmatch(ctx.text, prev.end, m.start) is not None):
            continue  # "two days from today": the day word is the offset's base
        result.append(m)
    return result


def _placed(ctx: Ctx, d: Mention, date: Mention) -> Mention | None:
    assert d.value is not None and d.unit is not None
    assert date.date_start is not None and date.date_end is not None
    letter = _LETTER[d.unit]
    n = d.value
    between = ctx.text[d.end:date.start]
    try:
        if _PART.match(between):  # "the first six months of 2024"
            w = _FIRST_LAST.match(d.text)
            if w is None or date.date_start == date.date_end:
                return None
            if w["w"] == "first":
                first = date.date_start
                last = shift(first, n, letter) - dt.timedelta(days=1)
            else:
                last = date.date_end
                first = shift(last + dt.timedelta(days=1), -n, letter)
            if not date.date_start <= first <= last <= date.date_end:
                return None  # "the first 14 months of 2021": no part of it
            how = f"the {w['w']} {d.text[w.end():].strip()} of {date.text}"
        elif (_STARTING.fullmatch(between) or _FROM.fullmatch(between) and prev_word(
                ctx.text, d.start).lower() == "for") and date.date_start == date.date_end:
            first = date.date_start  # "a week starting tomorrow": that day and the six after
            last = shift(first, n, letter) - dt.timedelta(days=1)
            how = f"{d.text} from {first.isoformat()}"
        else:
            return None
    except (OverflowError, ValueError):
        return None
    fields = d.model_dump(exclude={"kind", "start", "end", "text", "rule", "note", "anchor",
                                   "date_start", "date_end"})
    return make(ctx, "duration", d.start, d.end, f"{d.rule} placed by <date>",
                anchor=f"{date.start}:{date.end}", date_start=first, date_end=last,
                note=f"{how}: {first.isoformat()} to {last.isoformat()}", **fields)

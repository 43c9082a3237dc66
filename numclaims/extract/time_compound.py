"""Compound durations: "1 hour and 30 minutes", "two years six months", "one hour and a half",
"one year and a quarter" read as one duration.

Lives here: ``join(out, ctx)``, run by ``temporal.scan`` once every mention is found. It looks
only at durations the scan already found and what follows each: a second duration of the next
smaller unit right after it (with "and" or a space between), or "and (a) half" / "and a
quarter". The compound keeps the first part's unit, its hedge ("more than 1 hour and 30
minutes"), and a TIMEX3 value of both parts (PT1H30M).

Does not live here: durations themselves (``time_durations``); a part that points at a day
("30 minutes ago") is left alone, and so is a pair of units that do not divide exactly (years
and days: "2 years 21 days").
"""

from __future__ import annotations

from typing import Any

import regex

from ..models import Mention
from .time_context import Ctx, fmt_num, make

# The next smaller unit each unit splits into exactly, and how many of them it holds.
_SPLIT = {"year": ("month", 12), "week": ("day", 7), "day": ("hour", 24),
          "hour": ("minute", 60), "minute": ("second", 60)}
_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
           "second": "S"}
_TIME_UNITS = ("hour", "minute", "second")
_BETWEEN = regex.compile(r"[ \t]{1,3}(?:and[ \t]{1,3})?\Z")
_FRACTION = regex.compile(r"[ \t]{1,3}and[ \t]{1,3}(?:(?P<a>a)[ \t]{1,3})?(?P<f>half|quarter)\b"
                          r"(?![ \t]{1,3}(?:of|an?|the)\b)")
_FRACTIONS = {"half": 0.5, "quarter": 0.25}


def join(out: list[Mention], ctx: Ctx) -> list[Mention]:
    """``out`` (the scan's mentions, in text order) with compound durations joined."""
    result: list[Mention] = []
    for m in out:
        prev = result[-1] if result else None
        if prev is not None and _plain(prev) and _plain(m) and m.hedge is None and (
                prev.unit in _SPLIT and _SPLIT[prev.unit][0] == m.unit) and (
                _BETWEEN.match(ctx.text, prev.end, m.start) is not None):
            assert prev.value is not None and m.value is not None and prev.unit is not None
            if m.value.is_integer() and prev.value.is_integer() and m.value < _SPLIT[prev.unit][1]:
                result[-1] = _joined(ctx, prev, m.end, m.value / _SPLIT[prev.unit][1],
                                     _timex(prev.value, prev.unit, m.value, m.unit))
                continue
        result.append(m)
    return [_with_fraction(ctx, m) if _plain(m) else m for m in result]


def _plain(m: Mention) -> bool:
    """A duration of a stated count that points at no day."""
    return m.kind == "duration" and m.anchor is None and m.value is not None and (
        m.unit in _LETTER) and m.date_start is None and m.rule is not None and (
        "to <" not in m.rule)


def _with_fraction(ctx: Ctx, m: Mention) -> Mention:
    """ "one hour and half", "one year and a quarter": the fraction of the unit added."""
    f = _FRACTION.match(ctx.text, m.end)
    if f is None or m.value is None or not m.value.is_integer() or (
            f["f"] == "quarter" and not f["a"]):
        return m
    extra = _FRACTIONS[f["f"]]
    assert m.unit is not None
    return _joined(ctx, m, f.end(), extra, _timex(m.value + extra, m.unit))


def _joined(ctx: Ctx, first: Mention, end: int, extra: float, timex: str) -> Mention:
    assert first.value is not None
    keep: dict[str, Any] = first.model_dump(
        exclude={"kind", "start", "end", "text", "rule", "value", "low", "high", "timex"})
    low = None if first.low is None else first.low + extra
    high = None if first.high is None else first.high + extra
    return make(ctx, "duration", first.start, end, f"{first.rule} and <smaller unit>",
                value=first.value + extra, low=low, high=high, timex=timex, **keep)


def _timex(a: float, unit: str, b: float | None = None, unit_b: str | None = None) -> str:
    """P1Y6M, PT1H30M, P1.25Y: TIMEX3 of one or two parts; weeks and days are told in days."""
    parts = [(a, unit)] + ([(b, unit_b)] if b is not None and unit_b is not None else [])
    if unit == "week" and unit_b == "day":
        parts = [(a * 7 + (b or 0), "day")]
    date = "".join(f"{fmt_num(n)}{_LETTER[u]}" for n, u in parts if u not in _TIME_UNITS)
    time = "".join(f"{fmt_num(n)}{_LETTER[u]}" for n, u in parts if u in _TIME_UNITS)
    return "P" + date + (f"T{time}" if time else "")

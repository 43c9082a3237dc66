"""Range checks: a range written high-to-low.

Lives here: range-order (N006). A range is "between X and Y" (two figures, or one range mention that
holds both), "from YEAR to YEAR" (a span of years), or "from X to Y" after a word that makes it a range
("ranging from", "aged from"). "from 10 to 5" alone is a decrease, not a range, and is left to
change-mismatch; "the difference between 2024 and 2022" is a comparison. Word lists live in
``[ranges]`` of ``numclaims/data/numeric_checks.toml``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..link.measures import measures
from ..models import Mention
from . import _numeric as num
from .registry import Context, Flag, register

_KINDS = ("number", "money", "quantity", "percent", "date")
_YEAR = regex.compile(r"(?:1[89]|20)\d\d")


@functools.cache
def _pats() -> dict[str, regex.Pattern[str]]:
    r = num.tol()["ranges"]
    flags = regex.IGNORECASE
    return {
        "between": regex.compile(r"(?<!\w)(?:(?P<not>\L<nr>)\s+)?between\s+\Z", flags,
                                 nr=r["not_range"]),
        "from": regex.compile(r"(?<!\w)from\s+\Z", flags),
        "and": regex.compile(r"\s+and\s+", flags),
        "to": regex.compile(r"\s*(?:to|through|until|till|[–—])\s*", flags),
        "range_cue": regex.compile(r"(?<!\w)(?:\L<c>)(?:\s+[^\W\d_]+){0,2}\s+\Z", flags,
                                   c=r["range_cues"]),
        "change_cue": regex.compile(r"(?<!\w)(?:\L<c>)(?!\w)", flags, c=r["change_cues"]),
        "clock": regex.compile(r"\s*(?:\L<c>)(?!\w)|\s*:", flags, c=r["clock_after"]),
        "inside": regex.compile(r"\A(?P<cue>between|from)\s", flags),
        "not_before": regex.compile(r"(?<!\w)(?:\L<nr>)\s+\Z", flags, nr=r["not_range"]),
    }


def _year(m: Mention) -> int | None:
    if m.kind == "date" and m.timex and _YEAR.fullmatch(m.timex):
        return int(m.timex)
    if m.kind == "number" and _YEAR.fullmatch(m.text):
        return int(m.text)
    return None


@dataclass(frozen=True)
class _Range:
    start: int  # from the cue word ("between", "from") to the end of the second figure
    end: int
    cue: str
    x: float  # the figures in written order, and the spans of their numerals
    y: float
    xspan: tuple[int, int]
    yspan: tuple[int, int]
    last: Mention
    years: bool


def _ranges(ctx: Context) -> Iterator[_Range]:
    p, text = _pats(), ctx.text
    ms = [m for m in ctx.mentions if m.kind in _KINDS]
    for i, a in enumerate(ms):
        inside = p["inside"].match(a.text) if a.text[:1] in "bBfF" else None
        halves = num.split_range(a) if inside else None
        if inside and halves is not None:  # one mention: "between 12,000 and 10,000 troops"
            if p["not_before"].search(text, max(0, a.start - 20), a.start):
                continue  # "the difference between 2024 and 2022"
            x, y = halves
            yield _Range(a.start, a.end, inside["cue"].lower(), float(x.value or 0),
                         float(y.value or 0), (x.start, x.end), (y.start, y.end), a,
                         bool(_YEAR.fullmatch(x.text) and _YEAR.fullmatch(y.text)))
            continue
        b = ms[i + 1] if i + 1 < len(ms) else None
        if b is None or a.kind != b.kind or a.unit != b.unit or b.start - a.end > 12:
            continue
        lead = max(0, a.start - 40)
        for cue, gap in (("between", "and"), ("from", "to")):
            if not p[gap].fullmatch(text, a.end, b.start):
                continue
            c = p[cue].search(text, lead, a.start)
            if c is None or c.groupdict().get("not"):
                continue
            ya, yb = _year(a), _year(b)
            years = ya is not None and yb is not None
            va, vb = (ya, yb) if years else (a.value, b.value)
            na, nb = num.written_values(a), num.written_values(b)
            if va is None or vb is None or (a.kind == "date" and not years) or not na or not nb:
                continue
            yield _Range(c.start(), b.end, cue, float(va), float(vb), na[0][2:], nb[-1][2:], b,
                         years)


def _excused(ctx: Context, r: _Range) -> bool:
    """A reversed pair that is not a reversed range: a change of date, a decrease, a clock time."""
    p, text = _pats(), ctx.text
    clause = text[max(0, r.start - 50):r.start]
    clause = regex.split(r"[.;!?]\s", clause)[-1]
    if r.cue == "from":
        if r.years:
            return p["change_cue"].search(clause) is not None  # "moved from 2024 to 2022"
        return p["range_cue"].search(clause) is None  # "fell from 10 to 5" is a decrease
    small = r.last.kind == "number" and max(r.x, r.y) <= 24 and not r.years
    if small:  # "between 11 and 2" is a clock time unless a count noun follows
        meas = measures(ctx).get(r.last)
        return p["clock"].match(text, r.end) is not None or meas is None or meas.head is None
    return False


@register("N006", "range-order", "error")
def range_order(ctx: Context) -> Iterator[Flag]:
    """What it flags: a range written from high to low: "between 12,000 and 10,000 troops", "from 2024 to 2022", "ranging from 90 to 40 percent".

    Why it matters: a reversed range is a typo or a swapped figure; readers either stumble or, worse, read it as a decline.

    Example: Officials estimate between 12,000 and 10,000 troops have crossed the border.
    Example: He led the agency from 2024 to 2022, when he resigned.
    Example: Estimates of the damage range from $90 million to $40 million.

    Not flagged: Officials estimate between 10,000 and 12,000 troops have crossed the border.
    Not flagged: The fleet shrank from 10 ships to 5 over the decade.
    Not flagged: The launch was moved from 2025 to 2024 after the tests went well.
    Not flagged: The difference between 2024 and 2022 is striking.

    Limitations: "from X to Y" is judged only for years (unless a change word such as "moved" or "postponed" comes before) or after a range word ("ranging", "aged"); "between X and Y" is skipped after comparison words ("difference", "gap") and, for whole numbers up to 24, unless a count noun follows (clock times). Dash ranges ("2014–15") are not checked, nor negative ranges, which are often written by magnitude ("from -18 °C to -34 °C").
    """
    text = ctx.text
    for r in _ranges(ctx):
        if r.x <= r.y or r.x < 0 or _excused(ctx, r):  # "from -18 °C to -34 °C": by magnitude
            continue
        (xs, xe), (ys, ye) = r.xspan, r.yspan
        fixed = (text[r.start:xs] + text[ys:ye] + text[xe:ys] + text[xs:xe] + text[ye:r.end])
        yield Flag(r.start, r.end, f"{text[r.start:r.end]!r} runs from high to low; a range is "
                   f"written low to high", (), fixed)

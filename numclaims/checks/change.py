"""Change checks: a stated change against the two figures it connects.

Lives here: change-mismatch (N005). A change is anchored on two figures of the same kind written as
"from X to Y", "to Y from X" or "to Y, up 20% from X"; the stated change is a percentage before ("rose 20% from X to
Y") or after ("from X to Y, a 20% rise"; "..., up 20%"), an amount ("rose by 300 from X to Y"), or a
ratio word before ("doubled from X to Y", "a fivefold rise from X to Y"). Changes between two
percentages may be stated in points: "from 10% to 15%, a 5% rise" matches the points, not the
relative change, and gets an info finding (ambiguous wording) rather than an error.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..extract.grammar import compile as grammar_compile
from ..extract.grammar import hedge_of, interval, parse_number
from ..models import Mention
from . import _numeric as num
from .registry import Context, Flag, claim, register

_KINDS = ("number", "money", "quantity", "percent")
_WINDOW = 60  # characters searched before the pair for a ratio word or a verb
_GAP = 45  # longest text between "to Y" and "from X" ("to Y in the third quarter, from X")


@functools.cache
def _pats() -> dict[str, regex.Pattern[str]]:
    c = num.tol()["change"]
    lists = {"up": c["up"], "down": c["down"], "mult": list(c["multiples"]),
             "nouns": [w for w in (*c["up"], *c["down"]) if not w.endswith("ed")]}
    flags = regex.IGNORECASE
    return {
        "from_end": regex.compile(r"(?<!\w)from\s+\Z", flags),
        "to_end": regex.compile(r"(?<!\w)to\s+\Z", flags),
        "to_gap": regex.compile(r"\s+to\s+", flags),
        # "to Y, up 4.1% from X": the stated change between the two figures
        "mid_gap": regex.compile(r"\s*[,(—–]\s*(?P<verb>\L<up>|\L<down>)(?:\s+by)?\s+", flags,
                                 up=lists["up"], down=lists["down"]),
        # "to Y from X", "to Y in the third quarter, from X": a short phrase of time or place
        "from_gap": regex.compile(
            r"(?:\s+(?:in|on|for|at|during|over|by|last|this|a\s+year)\b[^,.;:!?()\d%$€£¥]{0,30}?)?"
            r",?\s+from\s+", flags),
        # the stated change right before the pair: "20% from", "by 300, to"
        "stated_gap": regex.compile(r",?\s+(?:from|to)\s+", flags),
        "stated_gap_range": regex.compile(r",?\s+", flags),  # "rose 20% [from X to Y]"
        # the verb before a stated change: "rose", "fell by", "was up"
        "verb_end": grammar_compile(
            r"(?<!\w)(?P<verb>\L<up>|\L<down>)(?:\s+by)?(?:\s+(?&hedge))?\s*\Z", flags, **lists),
        # after the pair: ", a 20% rise", "(up 20%)", ", down 20%"
        "after_gap": grammar_compile(
            r"\s*[,(—–]\s*(?:(?:a|an)\s+(?:(?P<noun>\L<nouns>)\s+of\s+)?"  # ", a drop of 15%"
            r"|(?P<verb>\L<up>|\L<down>)\s+(?:by\s+)?)?(?:(?&hedge)\s+)?",
            flags, **lists),
        "noun_after": regex.compile(r"\s+(?P<noun>\L<nouns>)\b", flags, nouns=lists["nouns"]),
        # a ratio before the pair: "doubled from", "nearly tripled to", "a fivefold rise from"
        "ratio_end": grammar_compile(
            r"""(?: (?P<hedge> (?&hedge) ) \s+ )?
                (?: (?P<mult> \L<mult> ) | (?P<fold> \d{1,3}(?:\.\d)? | (?&count_word) ) [\s-]?fold )
                (?: \s+ \L<nouns> )?
                (?: \s+ (?: since | in | over | during | between ) \s+ [^,.;:!?()%$€£¥]{1,25}? )?
                ,? \s+ (?: from | to ) \s+ \Z""",  # "doubled since 1990, to 4.1 million from"
            flags | regex.VERBOSE, **lists),
        "points": regex.compile(r"(?:\s+(?:percentage|percent|per\s+cent))?\s+points?\b", flags),
    }


@dataclass(frozen=True)
class Change:
    old: Mention
    new: Mention
    start: int  # the stated change: its span, its kind ("pct", "amount", "ratio") and value
    end: int
    kind: str
    stated: tuple[float, float]  # band of the stated change (percent, amount or ratio)
    sign: int  # +1 up, -1 down, 0 unknown
    points: bool = False


def _pairs(ctx: Context, ms: list[Mention]) -> Iterator[tuple[Mention, Mention, int, int]]:
    """(old, new, index of the first and of the last figure) for "from X to Y" and "to Y from X",
    written as two figures or as one range mention ("from 1.2 million to 1.3 million tonnes")."""
    p, text = _pats(), ctx.text
    for i, a in enumerate(ms):
        halves = num.split_range(a) if a.text[:5].lower() == "from " else None
        if halves is not None:
            yield halves[0], halves[1], i, i
            continue
        if i + 1 >= len(ms):
            break
        b = ms[i + 1]
        if i + 2 < len(ms) and _mid(text, a, b, ms[i + 2]):
            yield ms[i + 2], a, i, i + 2
            continue
        if a.kind != b.kind or a.unit != b.unit or b.start - a.end > _GAP:
            continue  # "X to Y", "X, from Y": a short gap
        lead = max(0, a.start - 6)
        if p["to_gap"].fullmatch(text, a.end, b.start) and p["from_end"].search(text, lead, a.start):
            yield a, b, i, i + 1
        elif p["from_gap"].fullmatch(text, a.end, b.start) and p["to_end"].search(text, lead,
                                                                                 a.start):
            yield b, a, i, i + 1


def _mid(text: str, new: Mention, pct: Mention, old: Mention) -> bool:
    """ "to Y, up 4.1% from X": the new figure, its change, then the old one."""
    p = _pats()
    return (pct.kind == "percent" and new.kind == old.kind and new.unit == old.unit
            and old.start - new.end <= _GAP
            and p["mid_gap"].fullmatch(text, new.end, pct.start) is not None
            and p["from_gap"].fullmatch(text, pct.end, old.start) is not None
            and p["to_end"].search(text, max(0, new.start - 6), new.start) is not None)


def _sign(word: str | None) -> int:
    if not word:
        return 0
    c = num.tol()["change"]
    return 1 if word.lower() in c["up"] else -1 if word.lower() in c["down"] else 0


def _stated_figure(ctx: Context, s: Mention, old: Mention, new: Mention, sign: int,
                   points_after: int) -> Change | None:
    band = num.band(s)
    if band is None:
        return None
    if s.kind == "percent":
        points = "point" in s.text.lower() or bool(_pats()["points"].match(ctx.text, points_after))
        return Change(old, new, s.start, s.end, "pct", band, sign, points)
    if s.kind == old.kind and (s.kind != "money" or s.unit == old.unit):
        return Change(old, new, s.start, s.end, "amount", band, sign)
    return None


def _stated(ctx: Context, ms: list[Mention], i: int, j: int, old: Mention,
            new: Mention) -> Change | None:
    """The change stated for the figures ms[i..j]: before them, after them, or a ratio word."""
    p, text = _pats(), ctx.text
    first, second = ms[i], ms[j]
    if j == i + 2:  # "to Y, up 4.1% from X"
        mid = p["mid_gap"].fullmatch(text, first.end, ms[i + 1].start)
        s = ms[i + 1]
        return _stated_figure(ctx, s, old, new, _sign(mid["verb"] if mid else None), s.end)
    gap = p["stated_gap"] if i != j else p["stated_gap_range"]
    if i > 0 and gap.fullmatch(text, ms[i - 1].end, first.start):
        s = ms[i - 1]
        v = p["verb_end"].search(text, max(0, s.start - 30), s.start)
        if v:  # "rose 20% from X to Y", "fell by 300 to Y from X"
            return _stated_figure(ctx, s, old, new, _sign(v["verb"]), s.end)
    if j + 1 < len(ms):
        s = ms[j + 1]
        g = p["after_gap"].fullmatch(text, second.end, s.start)
        noun = p["noun_after"].match(text, s.end) if g else None
        word = (g["verb"] or g["noun"] or (noun["noun"] if noun else None)) if g else None
        if word:  # "from X to Y, a 20% rise", "..., up 20%"
            return _stated_figure(ctx, s, old, new, _sign(word), s.end)
    # "doubled from 150 to 400" written as one range mention: the ratio word ends at its first figure
    lead = min(old.start, new.start) if i == j else first.start
    r = p["ratio_end"].search(text, max(0, lead - _WINDOW), lead)
    if r is None:
        return None
    c = num.tol()["change"]
    if r["mult"]:
        ratio, span = float(c["multiples"][r["mult"].lower()]), r.span("mult")
    else:
        ratio, span = float(parse_number(r["fold"]) or 0), (r.start("fold"), r.end())
    slack = float(c["multiple_slack"])
    kind = hedge_of(r["hedge"]) if r["hedge"] else None
    lo, hi = interval(ratio, kind, r["mult"] or r["fold"])
    band = ((lo if lo is not None else -math.inf) * (1 - slack),
            (hi if hi is not None else math.inf) * (1 + slack))
    if r["fold"]:  # "a threefold increase" is read as x3 or, by some, as +300% (x4)
        band = (band[0], band[1] + 1)
    return Change(old, new, r.start() if r["hedge"] else span[0], span[1], "ratio", band, 0)


def _actual(ch: Change, points: bool) -> tuple[float, float] | None:
    bo, bn = num.band(ch.old), num.band(ch.new)
    if bo is None or bn is None:
        return None
    if ch.kind == "amount" or points:
        return bn[0] - bo[1], bn[1] - bo[0]
    if bo[0] <= 0:
        return None
    if ch.kind == "ratio":
        return bn[0] / bo[1], bn[1] / bo[0]
    return 100 * (bn[0] / bo[1] - 1), 100 * (bn[1] / bo[0] - 1)


def _fits(ch: Change, actual: tuple[float, float]) -> bool:
    lo, hi = ch.stated
    if ch.kind == "ratio":
        return num.overlap(actual, (lo, hi))
    if ch.sign < 0:
        lo, hi = -hi, -lo
    if ch.sign == 0 and num.overlap(actual, (-hi, -lo)):
        return True
    return num.overlap(actual, (lo, hi))


@register("N005", "change-mismatch", "error")
def change_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: a change stated as a percentage, an amount or a ratio that does not match the two figures it connects: "rose 20% from 1.2 million to 1.3 million" (+8.3%), "doubled from 150 to 400", "fell 10% from 50 to 55".

    Why it matters: the change is usually the headline number; when it does not follow from the figures printed next to it, one of the three is wrong.

    Example: Exports rose 20% from 1.2 million tonnes to 1.3 million tonnes last year.
    Example: The number of applicants doubled from 150 to 400 in two years.
    Example: Turnout fell 10% from 50,000 to 55,000.
    Example: The state's debt grew by $300 million, from $1.2 billion to $1.9 billion.
    Example: The median price climbed to $422,600, up 9% from $406,000 a year earlier.
    Example: Net income fell from $620 million to $530 million, a drop of about 25%.
    Example: Revenue rose 17% to $4.48 billion in the third quarter, from $4.02 billion a year earlier.

    Not flagged: Exports rose 8% from 1.2 million tonnes to 1.3 million tonnes last year.
    Not flagged: The number of applicants nearly doubled from 150 to 290 in two years.
    Not flagged: Unemployment rose from 10% to 15%, a 50% increase.
    Not flagged: The fleet shrank from 10 ships to 5 over the decade.
    Not flagged: The median price climbed to $422,600, up 4.1% from $406,000 a year earlier.
    Not flagged: The city's population has doubled since 1990, to 4.1 million from 2.05 million.

    Limitations: only changes whose two figures are written as "from X to Y", "to Y from X" (a short phrase of time may sit between: "to Y in the third quarter, from X") or "to Y, up N% from X", with the stated change right before, after or between them; the rounding of each figure widens the band that agrees, so small slips pass. A change between percentages stated in % that matches the difference in points is reported as info (ambiguous wording), not as an error.
    """
    ms = [m for m in ctx.mentions if m.kind in _KINDS and m.value is not None]
    for old, new, i, j in _pairs(ctx, ms):
        ch = _stated(ctx, ms, i, j, old, new)
        if ch is None:
            continue
        actual = _actual(ch, ch.points)
        if actual is None or _fits(ch, actual):
            continue
        pct_pair = ch.kind == "pct" and old.kind == "percent" and not ch.points
        in_points = _actual(ch, True) if pct_pair else None
        ev = (claim(old, "from"), claim(new, "to"))
        said = ctx.text[ch.start:ch.end]
        if in_points is not None and _fits(ch, in_points):
            o, n = float(old.value), float(new.value)  # type: ignore[arg-type]
            d, rel = n - o, _relative(n / o) if o else "a change from zero"
            yield Flag(ch.start, ch.end, f"{said!r} matches the difference of {abs(d):.3g} "
                       f"percentage points from {old.text} to {new.text}, but a change in % reads "
                       f"as relative ({rel}); say 'percentage points'",
                       ev, severity="info")
            continue
        stated = {1: "a rise of ", -1: "a fall of ", 0: ""}[ch.sign] + repr(said)
        was, now = _shown(ctx, old), _shown(ctx, new)
        yield Flag(ch.start, ch.end, f"from {was} to {now} is {_describe(ch, old, new, was)}"
                   f", not {stated}", ev, _suggest(ctx, ch, said, old, new))


_SYMBOL = regex.compile(r"[$€£¥₹]\s?\Z")


def _shown(ctx: Context, m: Mention) -> str:
    """A figure as the reader saw it: the end of a range ("from $620 million to ...") gets back
    the currency sign written before it."""
    sign = _SYMBOL.search(ctx.text, max(0, m.start - 2), m.start)
    return (sign.group() if sign and not m.text.startswith(sign.group()) else "") + m.text


def _describe(ch: Change, old: Mention, new: Mention, was: str) -> str:
    o, n = float(old.value), float(new.value)  # type: ignore[arg-type]
    if ch.kind == "ratio" and o:
        r = n / o
        return f"{r:.3g} times as much ({_relative(r)})"
    if ch.kind == "amount" or ch.points:
        d = n - o
        return f"{'a rise' if d >= 0 else 'a fall'} of {_amount(abs(d), was)}"
    if not o:
        return "a change from zero"
    return _relative(n / o)


def _relative(ratio: float) -> str:
    r = 100 * (ratio - 1)
    return f"{'a rise' if r >= 0 else 'a fall'} of {abs(r):.3g}%"


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _amount(d: float, like: str) -> str:
    """A difference written like the figures it comes from: its currency sign, and a scale word
    that keeps it at one figure or more ("$400 million", not "0.4 billion")."""
    sign = like[:1] if like[:1] in "$€£¥₹" else ""
    if regex.search(r"(?i)\b(?:million|billion|trillion)\b", like):
        for scale, word in _SCALES:
            if d >= scale:
                return f"{sign}{d / scale:,.3g} {word}"
    return sign + num.fmt(d, like.lstrip("$€£¥₹"))


_PERFECT = regex.compile(r"(?i)\b(?:has|have|had)\s+\Z")


def _suggest(ctx: Context, ch: Change, said: str, old: Mention, new: Mention) -> str | None:
    """The stated change rewritten to match the figures: "17%" -> "11%", "doubled" -> "rose
    64%". None for amounts, hedged words and changes from zero."""
    o, n = float(old.value), float(new.value)  # type: ignore[arg-type]
    if not o or ch.points:
        return None
    r = 100 * (n / o - 1)
    if ch.kind == "ratio":
        if " " in said.strip() or not said.endswith("ed"):  # "nearly doubled", "fivefold"
            return None  # a hedge or a noun phrase is the writer's to reword
        perfect = _PERFECT.search(ctx.text, max(0, ch.start - 8), ch.start) is not None
        verb = ("risen" if perfect else "rose") if r >= 0 else ("fallen" if perfect else "fell")
        return f"{verb} {abs(r):.0f}%"
    if ch.kind != "pct" or ch.sign * r < 0 or not regex.fullmatch(r"\d[\d.]*\s?%", said):
        return None  # a rise said to be a fall is for the writer to reread
    decimals = len(said.split(".")[1].rstrip("% ")) if "." in said else 0
    return regex.sub(r"\d[\d.]*", f"{abs(r):.{decimals}f}", said, count=1)

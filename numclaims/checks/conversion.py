"""Conversion checks: a figure and its converted twin ("4,000 miles (6,437 km)") must agree.

Lives here: conversion-mismatch (N001). A twin is a quantity of the same dimension in another unit
right after the first, in brackets ("4,000 miles (6,400 km)") or after "or" with a comma or a hedge
("4,000 miles, or about 6,400 kilometers"). Precision and unit arithmetic live in ``_numeric``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ..extract.grammar import roundness
from ..models import Mention
from . import _numeric as num
from .registry import Context, Flag, claim, register


@functools.cache
def _twin_gap() -> regex.Pattern[str]:
    # The whole text between a figure and its twin: a bracket, or "or" with a comma or a hedge.
    return regex.compile(
        r"""
        \s*
        (?: (?P<bracket> [(\[] ) \s*                        # 4,000 miles (6,400 km)
          | ,\s* or \s+                                     # 4,000 miles, or 6,400 km
          | \s+ or \s+ (?= (?: \L<hedges> ) \s )            # 4,000 miles or about 6,400 km
          | \s+ or \s* \Z                                   # ... when the hedge is in the twin
        )
        (?: (?P<hedge> \L<hedges> ) \s+ )?
        """,
        regex.VERBOSE | regex.IGNORECASE,
        hedges=num.tol()["conversion"]["hedges"],
    )


_CLOSE = regex.compile(r"\s*[)\];,/]")


def _twin(text: str, a: Mention, b: Mention) -> tuple[bool, bool] | None:
    """(is a twin, hedged) for neighbouring quantities ``a`` and ``b``; None when not a twin."""
    gap = _twin_gap().fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    if gap["bracket"] and not _CLOSE.match(text, b.end):
        return None
    if not gap["bracket"] and "or" == text[a.end:b.start].strip().lower() and b.hedge is None:
        return None  # "5 km or 10 miles" is a choice; "or about 10 miles" a conversion
    return True, bool(gap["hedge"])


def _approximate(fig: tuple[float, str]) -> bool:
    """A small whole figure with one significant figure ("3", "10", "five"): approximate."""
    value, written = fig
    if abs(value) >= float(num.tol()["conversion"]["small_loose"]) or "." in written:
        return False
    return float(value).is_integer() and len(str(int(abs(value))).strip("0")) == 1


def _band(src: tuple[float, str], dst: tuple[float, str], su: str, du: str,
          loose: bool, delta: bool = False) -> tuple[float, float, float, float, bool] | None:
    """(exact conversion, lowest and highest agreeing twin, step, loose) for the twin ``dst`` of
    ``src``: the conversion rounded down or up to the twin's written step, held to two significant
    figures; for a hedged or small one-figure pair ("10 kg (25 lb)"), the nearest rounding to one
    figure."""
    c = num.convert(src[0], su, du, delta)
    if c is None:
        return None
    p = num.tol()["precision"]
    loose = loose or num.single_digit(*src) or _approximate(src) or _approximate(dst)
    figs = int(p["loose_sig_figs"] if loose else p["min_sig_figs"])
    sig = num.sig_step(c, figs)
    written = roundness(dst[0], dst[1])
    step = min(written, sig) if sig else written
    if loose:  # one significant figure: the nearest rounding only ("3 miles (5 km)")
        return c, c - step / 2, c + step / 2, step, True
    return c, num.floor_to(c, step), num.ceil_to(c, step), step, False


def _agrees(src: tuple[float, str], dst: tuple[float, str], su: str, du: str, loose: bool,
            deltas: tuple[bool, ...] = (False,)) -> bool:
    """Whether ``dst`` is a rounding of ``src`` converted, under any reading of either unit (and
    as a difference too when ``deltas`` allows it)."""
    alt = num.tol()["conversion"]["alternatives"]
    p = num.tol()["precision"]
    readings = ((a, b, d) for a in (su, *alt.get(su, ())) for b in (du, *alt.get(du, ()))
                for d in deltas)
    for a, b, delta in readings:
        got = _band(src, dst, a, b, loose, delta)
        if got is None:
            continue
        c, lo, hi, step, _ = got
        coarse = step >= num.sig_step(c, int(p["min_sig_figs"])) * (1 - 1e-9)
        slack = float(p["factor_slack"]) * abs(c) if coarse else 0.0
        if lo - slack - 1e-9 <= dst[0] <= hi + slack + 1e-9:
            return True
    return False


@register("N001", "conversion-mismatch", "error")
def conversion_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: a figure and its converted twin in another unit that disagree beyond the precision written: "4,000 miles (6,000 km)" (4,000 mi = 6,437 km).

    Why it matters: conversions are done by hand under deadline; a wrong factor or a slipped digit gives the reader two different distances for one road, and the converted figure is the one nobody rereads.

    Example: The convoy covered 4,000 miles (6,000 km) in three weeks.
    Example: Temperatures reached 104 degrees Fahrenheit (45 degrees Celsius) on Tuesday.
    Example: The reservoir holds 2 million cubic meters, or about 90 million cubic feet, of water.

    Not flagged: The convoy covered 4,000 miles (6,400 km) in three weeks.
    Not flagged: The trail runs 3 miles (5 km) along the river.
    Not flagged: The probe orbits 1,500,000 kilometres (930,000 mi) from Earth.
    Not flagged: The crew flew at 30,000 feet (9,000 meters) over the Alps.
    Not flagged: Last year was 1.48°C (2.66°F) warmer than the pre-industrial average.

    Limitations: only twins right next to each other (in brackets, or after "or" with a comma or a hedge); whichever of the two was converted from the other, one must be a rounding of the exact conversion of the other at its written precision (two significant figures at least, one when hedged or single-digit; 1% for rounded factors at coarse precision), so a slip inside that tolerance passes. A temperature pair with a difference cue near it ("above", "warmer", "rose by") may agree as a difference or as a reading, so a difference converted as a reading ("warmed by 1.1°C (34°F)") is missed. Money is not checked (rates change).
    """
    prev: Mention | None = None
    for a, b in num.neighbours(ctx.mentions, ("quantity",)):
        lead, prev = prev, a
        if not a.unit or not b.unit or a.unit == b.unit:
            continue
        twin = _twin(ctx.text, a, b)
        if twin is None or num.convert(1.0, a.unit, b.unit) is None:
            continue
        loose = twin[1] or a.hedge is not None or b.hedge is not None
        ea, eb = _compound(ctx.text, lead, a), num.ends(b)
        label = ctx.text[lead.start:a.end] if lead is not None and ea != num.ends(a) else None
        if not ea or len(ea) != len(eb):
            continue
        deltas = (False, True) if _difference(ctx.text, a, b) else (False,)
        bad = [(x, y) for x, y in zip(ea, eb, strict=True)
               if not (_agrees(x, y, a.unit, b.unit, loose, deltas)
                       or _agrees(y, x, b.unit, a.unit, loose, deltas))]
        if bad:
            yield _flag(a, b, bad[0], loose, label)


_WORDS = regex.compile(r"[a-z]+(?:-[a-z]+)?")


def _difference(text: str, a: Mention, b: Mention) -> bool:
    """Whether a pair of temperatures may be a difference ("1.48°C (2.66°F) above the
    pre-industrial level", "warmed by 1.1°C (2°F)"): a unit with an offset and a cue word among
    the few words before the first figure or after the twin. Then a difference converted without
    the offset agrees too; an absolute conversion always does."""
    if not (a.unit and b.unit and (num.has_offset(a.unit) or num.has_offset(b.unit))):
        return False
    window = int(num.tol()["conversion"]["difference_window"])
    cues = _difference_cues()
    before = _WORDS.findall(text[max(0, a.start - 8 * window):a.start].lower())[-window:]
    after = _WORDS.findall(text[b.end:b.end + 8 * window].lower())[:window]
    return any(w in cues for w in (*before, *after))


@functools.cache
def _difference_cues() -> frozenset[str]:
    return frozenset(num.tol()["conversion"]["difference_cues"])


_JOIN = regex.compile(r"\s*(?:,\s*|and\s+)?")


def _compound(text: str, lead: Mention | None, a: Mention) -> list[tuple[float, str]]:
    """The figure(s) of ``a``, with a larger unit right before it added in ("6 feet 2 inches" is
    74 inches, "7 pounds 4 ounces" is 116 ounces)."""
    ends = num.ends(a)
    if (lead is None or not lead.unit or not a.unit or lead.unit == a.unit or len(ends) != 1
            or num.is_range(lead) or lead.value is None
            or not _JOIN.fullmatch(text, lead.end, a.start)):
        return ends
    extra = num.convert(lead.value, lead.unit, a.unit)
    if extra is None or extra <= ends[0][0]:
        return ends
    return [(extra + ends[0][0], ends[0][1])]


def _flag(a: Mention, b: Mention, pair: tuple[tuple[float, str], tuple[float, str]],
          loose: bool, label: str | None) -> Flag:
    (x, y) = pair
    got = _band(x, y, a.unit or "", b.unit or "", loose)
    assert got is not None
    c, lo, hi, step, loose = got
    unit = num.unit_words(b)
    shown = num.fmt(c, y[1], step=num.sig_step(c, 3) or 1.0)
    if loose:  # the nearest rounding at one significant figure
        lo = hi = round(c / step) * step
    agree = num.fmt(lo, y[1], step)
    if lo != hi:
        agree += f"–{num.fmt(hi, y[1], step)}"
    if label is None:  # the figure converted: a compound ("6 feet 2 inches") whole, else one end
        label = a.text if len(num.written_values(a)) > 1 and not num.is_range(a) \
            else f"{x[1]} {num.unit_words(a)}"
    msg = (f"{label} = {shown} {unit}; with the precision written, "
           f"{agree} {unit} would agree, not {y[1]}")
    fixed = num.fmt(c, y[1])
    if fixed == y[1]:
        fixed = num.fmt(c, y[1], step=num.sig_step(c, 2))
    suggestion = b.text.replace(y[1], fixed, 1) if y[1] in b.text else None
    return Flag(b.start, b.end, msg, (claim(a),), suggestion)

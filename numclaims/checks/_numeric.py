"""Shared arithmetic of the numeric checks: written precision, bands, unit conversion, formatting.

Lives here: what every numeric check needs to read a figure the way a copy editor does — the
precision it is written to (``held_step``: "6,000" held to the nearest hundred, "3" to one),
the band of values it allows (``band``: hedges through ``grammar.interval``, ranges, rounding),
conversion between units (``convert``, through ``numclaims.units``), the numerals inside a
mention (``written_values``, ``split_range``), pairs of neighbouring mentions (``neighbours``) and figures formatted the way
they were written (``fmt``). Tolerances come from ``numclaims/data/numeric_checks.toml``.

Not here: any rule (the check families beside this module) or what a figure counts
(``numclaims.link.measures``). The leading underscore keeps this module out of the check families.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from typing import Any

import regex

from ..config import load_data
from ..extract.grammar import compile as grammar_compile
from ..extract.grammar import interval, parse_number, roundness
from ..models import Mention
from ..units import to_si

NUMERAL = grammar_compile(r"(?&number)")
_DIGITS = regex.compile(r"(\d[\d,]*)(?:\.(\d+))?")


@functools.cache
def tol() -> dict[str, Any]:
    """The numeric_checks.toml table."""
    return load_data("numeric_checks")


def sig_step(x: float, figs: int) -> float:
    """The step of ``figs`` significant figures at the magnitude of ``x`` (6,437, 2 -> 100)."""
    mag = abs(x)
    if mag == 0 or not math.isfinite(mag):
        return 0.0
    return float(10.0 ** (math.floor(math.log10(mag)) - figs + 1))


def held_step(value: float, written: str, loose: bool = False) -> float:
    """The step a figure is held to: its last written digit ("6,437" -> 1, "1.3 million" ->
    100,000, "5" -> 1); trailing zeros are ambiguous, so a round figure is held to
    ``min_sig_figs`` (``loose_sig_figs`` when ``loose``): "6,000" -> 100, "40" -> 1."""
    st = roundness(value, written)
    if not _trailing_zeros(value, written):
        return st
    p = tol()["precision"]
    sig = sig_step(value, int(p["loose_sig_figs"] if loose else p["min_sig_figs"]))
    return min(st, sig) if sig else st


def _trailing_zeros(value: float, written: str) -> bool:
    m = _DIGITS.search(written)
    if m is None:  # words: "forty", "two thousand" are round, "five" is not
        return float(value).is_integer() and value != 0 and value % 10 == 0
    return not m[2] and m[1].endswith("0") and m[1].strip("0,") != ""


def single_digit(value: float, written: str) -> bool:
    """A figure written with one significant digit and no trailing zero ("3", "0.5", "five"):
    its converted twin may be as coarse ("3 miles (5 km)")."""
    m = _DIGITS.search(written)
    if m:
        digits = (m[1].replace(",", "") + (m[2] or "")).lstrip("0")
        return len(digits) == 1
    return 0 < abs(value) < 10 and float(value).is_integer()


def is_range(m: Mention) -> bool:
    """A range written as one mention ("10-12 miles", "between 3 and 5 percent"; low and high may
    come in written order, so "from 10 to 5" is a range too)."""
    return m.hedge is None and m.low is not None and m.high is not None and m.low != m.high


def written_values(m: Mention) -> list[tuple[float, str, int, int]]:
    """The numerals of a mention in written order: (value, text, start, end) with offsets into
    the document. A scale written once applies to both ends: "from 1.2 to 1.5 million"."""
    out = []
    for x in NUMERAL.finditer(m.text):
        v = parse_number(x.group())
        if v is not None:
            out.append((v, x.group(), m.start + x.start(), m.start + x.end()))
    if len(out) == 2:
        (v1, w1, s1, e1), (v2, w2, _, _) = out
        ratio = _scale(v2, w2)
        if ratio > 1 and _scale(v1, w1) == 1:
            out[0] = (v1 * ratio, w1, s1, e1)
    return out


def _scale(value: float, written: str) -> float:
    m = _DIGITS.search(written)
    if not m:
        return 1.0
    mant = float(m[1].replace(",", "") + (f".{m[2]}" if m[2] else ""))
    return value / mant if mant and value / mant >= 1000 else 1.0


def split_range(m: Mention) -> tuple[Mention, Mention] | None:
    """The two ends of a range mention as mentions of their own, in written order ("from 10 to
    5" -> 10, then 5); None when the mention is not a range of two numerals."""
    vals = written_values(m)
    if not is_range(m) or len(vals) != 2:
        return None
    ends = []
    for v, w, s, e in vals:
        ends.append(m.model_copy(update={"start": s, "end": e, "text": w, "value": v, "low": v,
                                         "high": v, "si_value": None}))
    return ends[0], ends[1]


def ends(m: Mention) -> list[tuple[float, str]]:
    """The written figures a mention states: one, or the two ends of a range (low end first),
    each with its written text (for its precision)."""
    if m.value is None:
        return []
    vals = written_values(m)
    if is_range(m) and len(vals) == 2:
        return sorted((v, w) for v, w, _, _ in vals)
    return [(float(m.value), vals[0][1] if vals else m.text)]


def band(m: Mention, loose: bool = False) -> tuple[float, float] | None:
    """The values a figure allows: its hedge band, its range, or its rounding (half a held step
    each side). Unbounded sides are infinite. None when the mention has no value."""
    if m.value is None:
        return None
    inf = math.inf
    if m.hedge is not None:
        lo, hi = m.low, m.high
        if (lo, hi) == (m.value, m.value) or (lo is None and hi is None):
            lo, hi = interval(m.value, m.hedge, m.text)
        return (-inf if lo is None else lo, inf if hi is None else hi)
    written = ends(m)
    if not written:
        return None
    v_lo, w_lo = written[0]
    v_hi, w_hi = written[-1]
    if m.kind == "number" and _exact_count(v_lo, w_lo) and _exact_count(v_hi, w_hi):
        return v_lo, v_hi  # "three dead and 12 injured": counts, not roundings
    return (v_lo - held_step(v_lo, w_lo, loose) / 2, v_hi + held_step(v_hi, w_hi, loose) / 2)


def _exact_count(value: float, written: str) -> bool:
    """A whole count written to its last unit: "12", "three", "12,345" (not "12,000", "1.3
    million", "forty")."""
    return float(value).is_integer() and roundness(value, written) == 1 and not _trailing_zeros(
        value, written)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Bands agree when they share more than a point (closed rounding bands touch at the edge)."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if lo < hi:
        return True
    return lo == hi and (a[0] == a[1] or b[0] == b[1])


@functools.lru_cache(maxsize=512)
def _affine(unit: str) -> tuple[float, float, str] | None:
    zero, one = to_si(0.0, unit), to_si(1.0, unit)
    if zero is None or one is None or one[0] == zero[0]:
        return None
    return one[0] - zero[0], zero[0], one[1]


def convert(value: float, src: str, dst: str, delta: bool = False) -> float | None:
    """``value`` in unit ``src`` expressed in ``dst``; None when they measure different things.
    With ``delta`` the value is a difference ("1.5 °C warmer"): offsets of units such as degrees
    Celsius cancel, only the scale applies."""
    a, b = _affine(src), _affine(dst)
    if a is None or b is None or a[2] != b[2]:
        return None
    if delta:
        return a[0] * value / b[0]
    return (a[0] * value + a[1] - b[1]) / b[0]


def has_offset(unit: str) -> bool:
    """Whether a unit's zero is not the zero of its base unit (degrees Celsius, Fahrenheit)."""
    a = _affine(unit)
    return a is not None and abs(a[1]) > 1e-12


def floor_to(x: float, step: float) -> float:
    return math.floor(x / step + 1e-9) * step if step else x


def ceil_to(x: float, step: float) -> float:
    return math.ceil(x / step - 1e-9) * step if step else x


def fmt(x: float, like: str = "", step: float | None = None) -> str:
    """``x`` written like ``like``: its scale word ("70.6 million"), its decimals (or those of
    ``step``) and its thousands commas."""
    m = _DIGITS.search(like)
    scale, suffix = 1.0, ""
    if m:
        mant = float(m[1].replace(",", "") + (f".{m[2]}" if m[2] else ""))
        whole = parse_number(like[m.start():]) if mant else None
        ratio = whole / mant if whole and mant else 1.0
        if ratio >= 1000 and abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-9:
            scale = ratio
            suffix = like[m.end():].rstrip()
    y = x / scale
    if step is not None:
        st = step / scale
        decimals = max(0, -math.floor(math.log10(st) + 1e-9)) if 0 < st < 1 else 0
    else:
        decimals = len(m[2]) if m and m[2] else 0
    commas = (m is not None and "," in m[1]) or abs(y) >= 10_000
    s = f"{y:,.{decimals}f}" if commas else f"{y:.{decimals}f}"
    s = "0" if s in ("-0", "-0.0") else s
    return s + suffix


def unit_words(m: Mention) -> str:
    """The unit as written in a quantity mention, as a noun after its figure: "4,000 miles" ->
    "miles"; an adjective form takes the plural back ("a 29,032-foot peak" -> "feet")."""
    last = None
    for last in NUMERAL.finditer(m.text):
        pass
    tail = m.text[last.end():] if last else m.text
    words = tail.strip(" -\u00a0") or (m.unit or "").replace("_", " ")
    if tail.startswith("-") or not tail.strip():
        return plural_unit(words, m.value)
    return words


# The word of a unit phrase that takes the plural: the one before "per" ("miles per hour"), the
# one before a scale name ("degrees Celsius"), else the last ("square miles").
_PLURAL_SLOT = regex.compile(r"\b([a-z]{3,})(?=\s+(?:per|celsius|fahrenheit|kelvin)\b)|"
                             r"\b([a-z]{3,})$", regex.IGNORECASE)
_IRREGULAR = {"foot": "feet", "inch": "inches", "century": "centuries", "hertz": "hertz",
              "celsius": "celsius", "fahrenheit": "fahrenheit", "kelvin": "kelvins"}


def plural_unit(words: str, value: float | None) -> str:
    """A unit phrase in the number that ``value`` calls for: ("meter", 8849) -> "meters",
    ("square mile", 250) -> "square miles"; symbols ("km", "°C", "mph") stay as they are."""
    if value is not None and abs(value) == 1:
        return words
    slot = _PLURAL_SLOT.search(words)
    if slot is None:
        return words
    i = 1 if slot.group(1) else 2
    word = slot.group(i)
    low = word.lower()
    if not word.islower() or not regex.search(r"[aeiouy]", low):  # a name or a symbol ("mph")
        return words
    if low in _IRREGULAR:
        new = _IRREGULAR[low]
    elif low.endswith("s"):
        return words
    elif low.endswith(("ch", "sh", "x")):
        new = word + "es"
    else:
        new = word + "s"
    return words[:slot.start(i)] + new + words[slot.end(i):]


def neighbours(mentions: list[Mention], kinds: tuple[str, ...]) -> Iterator[tuple[Mention, Mention]]:
    """Consecutive pairs of mentions of the given kinds (other kinds between them are skipped)."""
    prev: Mention | None = None
    for m in mentions:
        if m.kind not in kinds:
            continue
        if prev is not None:
            yield prev, m
        prev = m

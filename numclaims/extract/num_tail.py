"""What may follow a figure and its unit and still belong to it: the cents after "3 dollars",
the inches after "5 feet", an uncertainty after "20 °C" ("± 2 °C").

Lives here: ``cents``, ``inches`` and ``uncertainty``, each reading from the end of a figure
and returning the extra amount and where the figure now ends. Not here: the figure itself
(``numbers``), the patterns they run (``num_patterns``), the unit after a number (``num_suffix``),
readings that need the figures around ("45 and 50 mg": ``num_context``).
"""

from __future__ import annotations

import functools
from typing import Any

from .. import units
from ..config import load_data
from . import grammar, num_patterns, num_suffix

# How an uncertainty starts after a figure: "± 2", "+/- 0.3", "+- 1".
PLUS_MINUS = (" \u00b1", "\u00b1", " +", "+")


def uncertainty(text: str, g: dict[str, Any], suf: num_suffix.Suffix | None, end: int,
                 ranged: bool) -> tuple[float | None, int]:
    """The uncertainty of a figure and where the figure ends: "20 ± 2 °C" (read by the pattern,
    the unit after serves both), or written after the unit, "20 °C ± 2 °C", "5.2% +/- 0.3%",
    where a unit after the uncertainty must be the same. (None, end) when there is none."""
    if g["unc"] is not None:
        return grammar.parse_number(g["unc"]), end
    if ranged or suf is None or not text.startswith(PLUS_MINUS, end):
        return None, end
    pm = num_patterns.plus_minus_pattern().match(text, end)
    if pm is None:
        return None, end
    s2 = num_suffix.suffix_at(text, pm.end())
    if s2 is not None and (s2.kind, s2.unit) != (suf.kind, suf.unit):
        return None, end  # "20 °C ± 2 K": another unit, not read
    return grammar.parse_number(pm["unc"]), s2.end if s2 is not None else pm.end()


def cents(text: str, pos: int, code: str | None) -> tuple[float, int]:
    """The minor part after "3 dollars": "50 cents", "and forty-five cents", or a bare "50" that
    ends the clause ("15 dollars 50."), in major units, and where it ends; else (0.0, pos)."""
    if text[pos:pos + 1] not in (" ", ","):
        return 0.0, pos
    c = num_patterns.cents_pattern().match(text, pos)
    if c is None:
        return 0.0, pos
    value = grammar.parse_number(c["n"])
    if value is None or not 0 < value < 100 or not float(value).is_integer():
        return 0.0, pos
    if c["minor"]:
        minor = units.currency_table().minor.get(c["minor"].lower())
        if minor is None or minor[0] != code:
            return 0.0, pos
        return value * minor[1], c.end()
    return value / 100, c.end()


def inches(text: str, pos: int) -> tuple[float, int]:
    """The inches after a length in feet ("5 ft 2 in", "5 feet and 2 inches", 6'2"), in feet, and
    where they end; else (0.0, pos)."""
    if pos and text[pos - 1] in "'\u2032":  # 6'2": the feet were read from the prime
        f = num_suffix.FEET_INCHES.match(text, pos - 1)
        if f is None:
            return 0.0, pos
        return float(text[f.start("n"):f.end() - 1]) / 12, f.end()
    if text[pos:pos + 1] not in (" ", ","):
        return 0.0, pos
    c = num_patterns.inches_pattern().match(text, pos)
    if c is None:
        return 0.0, pos
    value = grammar.parse_number(c["n"])
    if value is None or not 0 <= value < 12:
        return 0.0, pos
    return value / 12, c.end()


@functools.cache
def _count_words() -> frozenset[str]:
    return frozenset(load_data("numbers")["million_m"]["counts"])


def glued_millions(text: str, suf: num_suffix.Suffix | None, start: int, num_end: int) -> bool:
    """True when the "m" glued to the figure ending at ``num_end`` is millions, not metres: a word
    that counts people or things stands right before it ("Population: 8.3m", "a population of
    2.1m") or right after it ("8.3m viewers", "1.2m-strong"); numbers.toml [million_m]."""
    if suf is None or suf.unit != "meter" or suf.word != "m" or suf.end != num_end + 1:
        return False
    end = suf.end
    if text.startswith("-strong", end):
        return True  # "the 1.2m-strong city"
    before = text[max(0, start - 20):start].replace(":", " ").split()
    if before and before[-1].lower() == "of":
        before = before[:-1]
    if before and before[-1].lower() in _count_words():
        return True
    after = text[end:end + 16].split(None, 1)
    nxt = after[0].lower().rstrip(".,;") if after and text[end:end + 1] == " " else ""
    if nxt in _count_words():
        return True
    t = load_data("numbers")["million_m"]
    head = text[max(0, start - 60):start].lower()
    head = head[max(head.rfind(". "), head.rfind("\n")) + 1:]  # this sentence only
    return nxt not in t["size"] and any(w in head for w in t["subject"])


def million_unit(text: str, suf: num_suffix.Suffix | None, num_end: int) -> num_suffix.Suffix | None:
    """The unit after a glued "m" that is millions of it ("1.2m tonnes", "3m barrels", "10m
    litres"): a unit word after one space; else None ("2m long", "100m hurdles" stay metres)."""
    if suf is None or suf.unit != "meter" or suf.word != "m" or suf.end != num_end + 1:
        return None
    if text[suf.end:suf.end + 1] != " " or not text[suf.end + 1:suf.end + 2].isalpha():
        return None
    unit = num_suffix.suffix_at(text, suf.end)
    if unit is None or unit.kind != "quantity" or unit.unit == "meter" or unit.factor != 1.0:
        return None
    return unit

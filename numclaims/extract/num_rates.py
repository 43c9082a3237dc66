"""Compound units after a number: rates and powers ("km/s²", "20 J/m^2 per year", "1 fb−1",
"4e14 s-1", "4,500 tons per day", "four times per week", "$15.4/hour").

Lives here: ``compound(text, pos, base)``, which reads factors of the one alias table (units.toml)
joined by "/" or " per " and raised by exponents ("^2", "²", "-1", "⁻¹"), and names the result
as a pint expression of unit names ("joule / square_meter / year", "1 / femtobarn"). Not here:
single units, currencies and percents (``num_suffix``), pint arithmetic (``numclaims.units``).

Precision: a compound is read only when every factor is an entry of the table (or a ``bound``
symbol such as "s", which is read only inside a compound); "$5/share" and "5 people per
household" stay plain figures. Only "times" may stand before "per" without a unit, and then
only before a unit of time ("four times per week"; "per week" alone is the temporal "set").
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from .. import units

# Characters right after a unit that may continue it into a compound.
CONTINUE = frozenset("/^²³¹⁻−-")

# One factor: a unit spelling in letters, then an optional exponent. The exponent digits are
# bounded and must end the token ("m-2" yes, "m-25" or "km-3.5" no).
_FACTOR = regex.compile(
    r"""(?P<u> [^\W\d_]{1,14} )
        (?P<e> \^ \(? [-\u2212]? [1-4] \)? (?![\d.,]\d)
             | [-\u2212] [1-4] (?![\w.,\u2212-])
             | \u207b? [\u00b9\u00b2\u00b3\u2074] (?![\w])
             | [234] (?![\w.,]) )?""",
    regex.VERBOSE,
)
_TWO_WORDS = regex.compile(r"[^\W\d_]{1,14} [^\W\d_]{1,14}")
_SUPER = {"\u00b9": 1, "\u00b2": 2, "\u00b3": 3, "\u2074": 4}
_TIME_UNITS = frozenset(("second", "minute", "hour", "day", "week", "month", "year"))
_COUNTS = frozenset(("times", "time"))


class Rate(NamedTuple):
    unit: str  # a pint expression of unit names: "joule / square_meter / year", "1 / week"
    end: int
    word: str  # the compound as written
    per: str  # the denominators, for a note on money ("hour")


def _exponent(e: str) -> int:
    if not e:
        return 1
    sign = -1 if ("-" in e or "\u2212" in e or "\u207b" in e) else 1
    digit = next(c for c in e if c.isdigit() or c in _SUPER)
    return sign * (_SUPER.get(digit) or int(digit))


@functools.cache
def _symbol_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    ut = units.unit_table()
    return ut.symbols, {**ut.glued, **ut.bound}, ut.words


def _factor(text: str, i: int, denominator: bool) -> tuple[str, int, int] | None:
    """(unit, power, end) of the factor written at ``i``, else None."""
    m = _FACTOR.match(text, i)
    if m is None:
        return None
    symbols, loose, words = _symbol_tables()
    raw = m[0]
    if m["e"] and raw in symbols:  # a composed symbol: "m2", "km²", "m^2"
        return symbols[raw], 1, m.end()
    u = m["u"]
    if not m["e"] and text.startswith(" ", m.end()):  # two words: "square meter", "metric ton"
        two = _TWO_WORDS.match(text, i)
        if two is not None and two[0].lower() in words:
            return words[two[0].lower()], 1, two.end()
    unit = symbols.get(u) or words.get(u.lower())
    if unit is None and (denominator or m["e"] or text.startswith("/", m.end())):
        unit = loose.get(u)  # "s" of "m/s2", "s-1"; "l" of "mg/l", "10 l/km", "8 t/ha"
    if unit is None:
        return None
    return unit, _exponent(m["e"] or ""), m.end()


def _name(num: list[tuple[str, int]], den: list[tuple[str, int]]) -> str:
    def term(u: str, p: int) -> str:
        return u if p == 1 else f"{u} ** {p}"

    head = " * ".join(term(u, p) for u, p in num) or "1"
    return head + "".join(f" / {term(u, p)}" for u, p in den)


def compound(text: str, pos: int, base: tuple[str, int] | None) -> Rate | None:
    """The compound unit that starts at ``pos`` (right after a number). ``base`` is the single
    unit already read there (unit name, end), or None. None when there is no compound."""
    num: list[tuple[str, int]] = []
    den: list[tuple[str, int]] = []
    n = len(text)
    if base is not None and not (text.startswith("/", base[1])
                                 or text.startswith(" per ", base[1])):
        base = None  # an exponent after the unit: read the factor again, with it ("km-2")
    if base is not None:
        num.append((base[0], 1))
        i = base[1]
    else:
        i = pos + 1 if text[pos:pos + 1] in (" ", "\u00a0") else pos
        if text[i:i + 1] != "/":
            w = text[i:i + 10].lower()
            if w.startswith(("times per ", "time per ", "times/")):
                i += 5 if w.startswith("times") else 4
                num.append(("", 0))  # a count: "four times per week"
            else:
                f = _factor(text, i, denominator=False)
                if f is None:
                    return None
                unit, power, i = f
                (num if power > 0 else den).append((unit, abs(power)))
                if power == 1 and not (i < n and text[i] == "/"):
                    return None  # a plain unit is ``num_suffix``'s; a compound needs more
    count = bool(num) and num[0][0] == ""
    for _ in range(3):
        if text.startswith("/", i):
            j = i + 1
        elif text.startswith(" per ", i):
            j = i + 5
        else:
            break
        f = _factor(text, j, denominator=True)
        if f is None or f[1] < 1:
            break
        if count and f[0] not in _TIME_UNITS:
            return None  # "three times per game" is no unit
        den.append((f[0], f[1]))
        i = f[2]
    num = [x for x in num if x[0]]
    if not den and (count or (len(num) == 1 and num[0][1] == 1)):
        return None
    start = pos + 1 if text[pos:pos + 1] in (" ", "\u00a0") else pos
    return Rate(_name(num, den), i, text[start:i], " per ".join(u for u, _ in den))

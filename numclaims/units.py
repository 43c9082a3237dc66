"""Units and currencies: the alias tables of ``numclaims/data`` read once, and pint normalization.

Lives here: ``unit_table`` (alias -> unit name, from units.toml, the only place that decides what
text is a unit), ``currency_table`` (symbol/code/word -> ISO 4217, from currencies.toml) and
``to_si`` (a value in a named unit -> pint base units). Not here: finding units in text (that is
``numclaims.extract.numbers``).

pint is consulted once per unit name: each unit's conversion to base units is cached as an affine
map (scale and offset, so offset units such as degree_Celsius convert correctly) and applied to
every later value with plain arithmetic.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import regex

from .config import load_data


@dataclass(frozen=True)
class UnitTable:
    """Every spelling of every unit in units.toml, keyed for the extractor's named lists."""

    words: dict[str, str] = field(default_factory=dict)  # lower-case word -> unit name
    symbols: dict[str, str] = field(default_factory=dict)  # case-sensitive symbol -> unit name
    glued: dict[str, str] = field(default_factory=dict)  # symbols only valid glued to a number
    bound: dict[str, str] = field(default_factory=dict)  # symbols only valid inside a compound
    spaced: dict[str, str] = field(default_factory=dict)  # glued symbols also read after a space
    spaced_next: dict[str, frozenset[str]] = field(default_factory=dict)  # ... before these words
    notes: dict[str, str] = field(default_factory=dict)  # unit name -> note
    pint: dict[str, str] = field(default_factory=dict)  # unit name -> pint expression


@dataclass(frozen=True)
class CurrencyTable:
    """Every spelling of every currency in currencies.toml."""

    symbols: dict[str, str] = field(default_factory=dict)  # sign -> ISO code
    codes: dict[str, str] = field(default_factory=dict)  # code as written -> ISO code
    words: dict[str, str] = field(default_factory=dict)  # lower-case word -> ISO code
    minor: dict[str, tuple[str, float]] = field(default_factory=dict)  # word -> (ISO, factor)
    after: dict[str, str] = field(default_factory=dict)  # sign written after a number -> ISO
    notes: dict[str, str] = field(default_factory=dict)  # spelling -> ambiguity note
    scale_suffix: dict[str, float] = field(default_factory=dict)  # "m" -> 1e6 after "$20"
    scaled: dict[str, tuple[str, float]] = field(default_factory=dict)  # "MUSD" -> (USD, 1e6)

    @property
    def million_suffix(self) -> tuple[str, ...]:
        """The scale letters, longest first (the named list of the pattern)."""
        return tuple(sorted(self.scale_suffix, key=len, reverse=True))


def _compose(data: dict[str, Any], table: UnitTable) -> None:
    """Generate square_* / cubic_* units from the [compose.*] rules of units.toml."""
    for name, rule in data.get("compose", {}).items():
        power = int(rule["power"])
        marks = ("2", "²") if power == 2 else ("3", "³")
        for base in rule["of"]:
            entry = data[base]
            unit = f"{name}_{base}"
            table.pint[unit] = f"{base} ** {power}"
            for prefix in rule["prefixes"]:
                for word in entry.get("words", []):
                    table.words[f"{prefix} {word}".lower()] = unit
                for sym in entry.get("symbols", []):
                    table.symbols[f"{prefix} {sym}"] = unit
            for sym in entry.get("symbols", []):
                for mark in (*marks, f"^{power}"):
                    table.symbols[f"{sym}{mark}"] = unit  # "km2", "km²", "km^2"
                table.symbols[f"{sym} {rule['postfix']}"] = unit  # "km squared"
            for word in entry.get("words", []):
                table.words[f"{word} {rule['postfix']}".lower()] = unit


@functools.cache
def unit_table() -> UnitTable:
    data = load_data("units")
    table = UnitTable()
    for unit, entry in data.items():
        if unit in ("compose", "named"):
            continue
        for word in entry.get("words", []):
            table.words[word.lower()] = unit
        for sym in entry.get("symbols", []):
            table.symbols[sym] = unit
        for sym in entry.get("glued", []):
            table.glued[sym] = unit
        for sym in entry.get("bound", []):
            table.bound[sym] = unit
        for sym in entry.get("spaced", []):
            table.glued[sym] = table.spaced[sym] = unit
            if "spaced_before" in entry:
                table.spaced_next[sym] = frozenset(entry["spaced_before"])
        if "note" in entry:
            table.notes[unit] = entry["note"]
        if "pint" in entry:
            table.pint[unit] = entry["pint"]
    _compose(data, table)
    return table


@functools.cache
def currency_table() -> CurrencyTable:
    data = load_data("currencies")
    table = CurrencyTable(
        notes=dict(data.get("ambiguous", {})),
        scale_suffix={k: float(v) for k, v in data.get("scale_suffix", {}).items()},
    )
    for code, entry in data.items():
        if code in ("ambiguous", "scale_suffix", "scaled_codes", "accounting"):
            continue
        for sym in entry.get("symbols", []):
            table.symbols[sym] = code
            if len(sym) == 1 and not sym.isalnum():
                table.after.setdefault(sym, code)  # "10 €", "15€" as well as "€10"
        for sym in entry.get("after", []):
            table.after[sym] = code
        for c in entry.get("codes", []):
            table.codes[c] = code
        for word in entry.get("words", []):
            table.words[word.lower()] = code
        minor = entry.get("minor") or []
        for sub in [minor] if isinstance(minor, dict) else minor:  # one table or a list
            for word in sub["words"]:
                table.minor[word.lower()] = (code, float(sub["factor"]))
    for letter, factor in data.get("scaled_codes", {}).items():
        for c, iso in list(table.codes.items()):
            if c.isupper():
                table.scaled[letter + c] = (iso, float(factor))  # "MUSD"
    return table


@functools.cache
def _pint_registry() -> Any:
    import pint  # imported lazily: building the registry costs ~0.3 s, only when a unit is seen

    return pint.UnitRegistry()


@functools.cache
def _affine(unit: str) -> tuple[float, float, str] | None:
    """(scale, offset, base unit) with si = scale * value + offset, or None if pint cannot say."""
    ureg = _pint_registry()
    expr = _pint_expr(unit)
    try:
        if "*" in expr or "/" in expr:  # an expression: "10 * year", "mile ** 2", "ton / day"
            q1 = ureg.Quantity(expr).to_base_units()
            return float(q1.magnitude), 0.0, format(q1.units)
        q0 = ureg.Quantity(0.0, expr).to_base_units()
        q1 = ureg.Quantity(1.0, expr).to_base_units()
    except Exception:  # noqa: BLE001 - any pint failure means "no SI reading", never a crash
        return None
    offset = float(q0.magnitude)
    return float(q1.magnitude) - offset, offset, format(q1.units)


_NAME = regex.compile(r"[A-Za-z_]+")


def _pint_expr(unit: str) -> str:
    """The pint expression of a unit name, or of a compound of unit names ("ton / day",
    "joule / square_meter / year"): each name replaced by its own pint expression."""
    table = unit_table().pint
    if " " not in unit:
        return table.get(unit, unit)
    expr = _NAME.sub(lambda m: f"({table[m[0]]})" if m[0] in table else m[0], unit)
    return expr


def to_si(value: float, unit: str) -> tuple[float, str] | None:
    """``value`` in ``unit`` expressed in pint base units: (6437376.0, 'meter') for 4,000 mile."""
    aff = _affine(unit)
    if aff is None:
        return None
    scale, offset, base = aff
    return scale * value + offset, base

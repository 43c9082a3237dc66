"""What follows a number: a percent sign or word, a currency word or code, or a unit.

Lives here: ``suffix_at(text, pos)``, which reads the words right after a number and looks them
up in the alias tables (units.toml, currencies.toml) with plain dictionary lookups, longest
spelling first, and ``classify``, which turns a currency sign before a number and the suffix
after it into the figure's kind, unit and note. Not here: finding the number (``num_patterns``)
or building Mentions (``numbers``).

Why not in the regex: the unit table has ~550 spellings; as a regex alternation tried after every
number it costs more than the whole rest of the scan, while four dictionary lookups cost ~1 us.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import regex

from .. import units
from . import num_rates
from .num_values import vocab


class Suffix(NamedTuple):
    kind: str  # "percent", "money", "quantity"
    unit: str | None  # "percent", "percentage_point", ISO 4217 code, or pint unit name
    note: str | None
    factor: float  # 0.01 for "cents": the value is scaled into the main unit
    end: int  # where the suffix ends in the text
    word: str  # the spelling found, lower-cased for words ("pounds", "km")


# Up to four tokens after an optional space, no-break space or hyphen. Tokens stop at spaces;
# trailing punctuation is trimmed in Python.
_TAIL = regex.compile(r"([\ \u00a0]|-)?([^\s\d][^\s]{0,24})(?:\ ([^\s]{1,24}))?(?:\ ([^\s]{1,24}))?")
# "in" is an inch only where nothing else can follow it: at the end of the text or of a
# parenthesis, or before a word of size ("2 1/2 in thick"); "5 in the morning" stays a number.
_INCH_AFTER = regex.compile(
    r"(?:\.?[ \t]*(?:\Z|\n)|\)|[ ](?:thick|long|wide|tall|high|deep|across|in\ diameter|x|by)\b)"
)
_NUMBER_NEXT = regex.compile(r" ?\.?\d")  # a sign before a number belongs to that number
_TRIM = ".,;:!?)]}\"'\u201d\u2019"
_PERCENT_GAP = frozenset(" \u00a0\u2009\u202f")  # a space, no-break or thin, before "%"

_PERCENT = {"percent": "percent", "per cent": "percent", "pct": "percent", "pc": "percent",
            "percentage point": "percentage_point", "percentage points": "percentage_point",
            "pct point": "percentage_point", "pct points": "percentage_point",
            "per cent point": "percentage_point", "percent point": "percentage_point",
            "percentage-point": "percentage_point", "percentage-points": "percentage_point",
            "percentage": "percent", "percents": "percent"}


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    ut = units.unit_table()
    return ut.words, ut.symbols, ut.glued


@functools.cache
def first_words() -> frozenset[str]:
    """The first word, lower-cased, of every spelling ``_lookup`` knows."""
    words, symbols, glued = _tables()
    ct = units.currency_table()
    spellings = [*_PERCENT, *words, *symbols, *glued, *ct.codes, *ct.words, *ct.minor, *ct.after,
                 *ct.scaled,
                 *units.unit_table().bound, "times", *_SMALL]
    return frozenset(s.lower().split(" ")[0] for s in spellings)


def suffix_at(text: str, pos: int) -> Suffix | None:
    """The unit, currency or percent written at ``pos`` (right after a number), else None.

    A unit may go on into a compound ("km/s²", "J/m^2 per year", "fb−1", "tons per day"; see
    ``num_rates``); a money figure may be followed by a rate ("$15.4/hour")."""
    found = _simple_suffix(text, pos)
    if found is None:
        if pos >= len(text):
            return None
        if text[pos] == "/" or _COMPOUND_HINT.match(text, pos):
            return _rate(num_rates.compound(text, pos, None))
        if text.startswith((" pm", " am"), pos):
            return _small_length(text, pos)
        if text[pos] == " " and text[pos + 1:pos + 2] in _BRACKETS:
            return _bracketed(text, pos)
        return None
    if found.kind == "quantity" and found.end < len(text) and (
            text[found.end] in num_rates.CONTINUE or text.startswith(" per ", found.end)):
        return _rate(num_rates.compound(text, pos, (found.unit or "", found.end))) or found
    return found


# A token after a number that may be a compound unit: letters then "/", "^", a superscript or
# a signed exponent ("W/min", "m^2", "fb−1", "s-1"), or "times per".
_COMPOUND_HINT = regex.compile(
    r"[\ \u00a0]?(?:[^\W\d_]{1,14}(?:[/^\u00b2\u00b3\u00b9\u207b]|[-\u2212][1-4])|times?\ per\ )"
)


# "pm" and "am" after a decimal that no clock time has: "2.1 pm", "2.123 am" ("2.30 pm" is a time)
_ODD_DECIMAL = regex.compile(r"(?<![\d.])\d{1,3}\.(?:\d|\d{3,6})\Z")
_SMALL = {"pm": "picometer", "am": "attometer"}
_TIME_WORDS = frozenset(("at", "by", "until", "till", "from", "to", "before", "after", "around",
                         "about", "since", "and", "between", "-", "\u2013"))


def _small_length(text: str, pos: int) -> Suffix | None:
    end = pos + 3
    if end < len(text) and (text[end].isalnum() or text[end] == "."
                            and text[end + 1:end + 2].isalpha()):
        return None  # "p.m.", "pmc"
    num = _ODD_DECIMAL.search(text, max(0, pos - 12), pos)
    if num is None:
        return None
    before = text[max(0, num.start() - 8):num.start()].split()
    if before and before[-1].lower() in _TIME_WORDS:
        return None  # "at 9.3 pm" is a clock time written loosely
    word = text[pos + 1:end]
    return Suffix("quantity", _SMALL[word], None, 1.0, end, word)


_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
# A height in feet and inches with primes: 6'2", 5\u20329\u2033 (the apostrophe is a foot only so)
FEET_INCHES = regex.compile(r"['\u2032](?P<n>1[01]|\d)(?:\.\d)?[\"\u2033](?![\w\"])")
_INCH_MARKS = frozenset('"\u2033')  # the straight double quote and the double prime
_QUOTE_WINDOW = 300  # how far back a line is searched for an open quotation
_SUM_BEFORE = regex.compile(r"[$\u20ac\u00a3\u00a5][\ \u00a0]?[\d.,]{1,20}\Z")


def inch_mark(text: str, pos: int) -> int | None:
    """Where an inch mark right after a figure ends ('9"', '10 "', "9\u2033"), else None.

    A straight double quote is also how a quotation closes ('he said "I paid 9" and left'): it is
    an inch mark only when no quotation is open on its line (looking back at most _QUOTE_WINDOW
    characters) and no letter or digit follows."""
    q = pos + 1 if text[pos] == " " else pos
    end = q + 1
    if end < len(text) and text[end].isalnum():
        return None  # '10 "Top' opens a quotation; '9"x12"' is left alone
    if text[q] == '"' and _quotation_open(text, q):
        return None  # the quotation that opened before the figure closes here
    if _SUM_BEFORE.search(text, max(0, pos - 24), pos):
        return None  # '$ 48 "': a sum has no inches, the quote is punctuation
    return end


def _quotation_open(text: str, q: int) -> bool:
    """Whether a quotation is open at ``q``, from the straight quotes before it on its line: a
    quote after a space, a bracket, "=" or the line's start opens one; any quote closes an open
    one; a quote after a figure with none open is an inch mark ('The 9" plate ... "it cost 9"')."""
    floor = max(0, q - _QUOTE_WINDOW)
    k = text.rfind("\n", floor, q) + 1 or floor
    is_open = False
    while (k := text.find('"', k, q)) >= 0:
        prev = text[k - 1] if k > floor else " "
        is_open = not is_open and (prev.isspace() or prev in "([{=:")
        k += 1
    return is_open


def _bracketed(text: str, pos: int) -> Suffix | None:
    """A unit symbol in brackets after a number, as in tables: "20 (kg)", "20 [kg]"."""
    close = _BRACKETS[text[pos + 1]]
    end = text.find(close, pos + 2, pos + 10)
    if end < 0:
        return None
    sym = text[pos + 2:end]
    unit = _tables()[1].get(sym)
    if unit is None:
        return None
    return Suffix("quantity", unit, units.unit_table().notes.get(unit), 1.0, end + 1, sym)


_SCALE_AFTER_CODE = regex.compile(r" (?i:(thousand|million|billion|trillion|bn|mn))\b")


def _code_scale(text: str, suf: Suffix) -> Suffix:
    """ "75 USD million": a scale word after the code scales the figure."""
    m = _SCALE_AFTER_CODE.match(text, suf.end)
    if m is None:
        return suf
    v = vocab()
    word = m[1].lower()
    factor = v["scales"].get(word) or v["abbr"][word]
    return suf._replace(factor=factor, end=m.end(), word=f"{suf.word} {m[1]}")


def _rate(r: num_rates.Rate | None) -> Suffix | None:
    if r is None:
        return None
    kind = "rate" if r.word.startswith("/") else "quantity"  # "$15.4/hour": a money rate
    note = f"rate: per {r.per}" if kind == "rate" else None
    return Suffix(kind, r.unit, note, 1.0, r.end, r.word)


def _simple_suffix(text: str, pos: int) -> Suffix | None:
    """A unit, currency or percent that is one entry of the alias tables."""
    if pos >= len(text):
        return None
    ch = text[pos]
    if ch == "%" or (ch in _PERCENT_GAP and text.startswith("%", pos + 1)):  # "10 %", "10\u202f%"
        return Suffix("percent", "percent", None, 1.0, pos + (1 if ch == "%" else 2), "%")
    if text.startswith(" in", pos) and _INCH_AFTER.match(text, pos + 3):
        return Suffix("quantity", "inch", None, 1.0, pos + 3, "in")
    if ch in "'\u2032" and FEET_INCHES.match(text, pos):  # 6'2": the inches are read after
        return Suffix("quantity", "foot", None, 1.0, pos + 1, "'")
    if ch in _INCH_MARKS or ch == " " and text[pos + 1:pos + 2] in _INCH_MARKS:
        end = inch_mark(text, pos)
        return None if end is None else Suffix("quantity", "inch", None, 1.0, end, '"')
    m = _TAIL.match(text, pos)
    if m is None:
        return None
    sep = m[1] or ""
    head = m[2].lower()
    firsts = first_words()
    if head not in firsts:
        head = head.rstrip(_TRIM)
        if head not in firsts and head.split("-", 1)[0] not in firsts:
            return None  # the common case: a plain word, no unit (one set lookup, no phrases)
    tokens = [t for t in m.groups()[1:] if t]
    start = m.start(2)
    for k in range(len(tokens), 0, -1):
        phrase = " ".join(tokens[:k])
        found = _lookup(text, phrase, sep, start)
        if found is None and phrase[-1] in _TRIM:
            stripped = phrase.rstrip(_TRIM)
            if stripped:
                found = _lookup(text, stripped, sep, start)
        if found is None and k == 1 and "-" in phrase[1:]:
            found = _lookup(text, phrase.split("-", 1)[0], sep, start)  # "5 km-long"
        if found is not None:
            return found
    return None


def _lookup(text: str, phrase: str, sep: str, start: int) -> Suffix | None:
    low = phrase.lower()
    end = start + len(phrase)
    words, symbols, glued = _tables()
    ct = units.currency_table()
    ut = units.unit_table()
    if low in _PERCENT and sep:
        return Suffix("percent", _PERCENT[low], None, 1.0, end, low)
    if phrase in ct.after and sep != "-" and not _NUMBER_NEXT.match(text, end):  # "10 €", "100元"
        return Suffix("money", ct.after[phrase], ct.notes.get(phrase), 1.0, end, phrase)
    if sep == "" and phrase in ct.codes and phrase.isupper():  # "115USD"
        return Suffix("money", ct.codes[phrase], None, 1.0, end, phrase)
    if sep == "-" and (low in ct.words or low in ct.minor):  # "a 12-cent dividend", "one-yen"
        code, factor = ct.minor.get(low) or (ct.words[low], 1.0)
        return Suffix("money", code, ct.notes.get(low), factor, end, low)
    if sep == " " or sep == "\u00a0":
        code = phrase if phrase in ct.codes else phrase.upper() if len(phrase) == 3 else ""
        if code in ct.codes:  # "20 USD", and "20 usd" after a number
            return _code_scale(text, Suffix("money", ct.codes[code], None, 1.0, end, phrase))
        if phrase in ct.scaled:  # "30 MUSD"
            iso, factor = ct.scaled[phrase]
            return Suffix("money", iso, None, factor, end, phrase)
        if low in ct.words:
            return Suffix("money", ct.words[low], ct.notes.get(low), 1.0, end, low)
        if low in ct.minor:
            code, factor = ct.minor[low]
            return Suffix("money", code, ct.notes.get(low), factor, end, low)
    if phrase in glued and (sep == "" or phrase in ut.spaced and sep != "-"
                            and _spaced_ok(text, start, end, ut.spaced_next.get(phrase))):
        unit = glued[phrase]
        return Suffix("quantity", unit, ut.notes.get(unit), 1.0, end, phrase)
    if phrase in symbols:
        unit = symbols[phrase]
        return Suffix("quantity", unit, ut.notes.get(unit), 1.0, end, phrase)
    if low in words:
        unit = words[low]
        return Suffix("quantity", unit, ut.notes.get(unit), 1.0, end, low)
    return None


def _spaced_ok(text: str, start: int, end: int, only: frozenset[str] | None) -> bool:
    """Whether a spaced abbreviation ("278,000 t", "66 Ma") may be a unit, from what follows it.
    With a list of words ("Ma ago"): one of them, or the end of the text, of a sentence or of a
    bracket ("in 2012 Ma, ..." and "in 2012 Ma was" stay years). Without: the end of the text,
    punctuation other than a hyphen or an apostrophe, or a lower-case word ("t of grain";
    "t-shirts", "t's", "1 Ma Long" no)."""
    nxt = text[end:end + 1]
    if only is not None:  # the end of the text or of a sentence or a bracket, or a listed word
        if not nxt or nxt == ")" or nxt == "." and text[end + 1:end + 2] in ("", " ", "\n"):
            return True
        word = text[end + 1:end + 8].split(" ", 1)[0].rstrip(_TRIM) if nxt == " " else ""
        return word in only
    if not nxt or nxt in _SPACED_STOPS:
        return True
    if nxt != " ":
        return False
    after = text[end + 1:end + 2]
    if after.isalpha() and not after.islower():
        return False
    # "1 t salt", "½ t vanilla": after a one-digit count or a fraction, a teaspoon in recipes
    return (text.startswith(" of ", end)
            or _RECIPE_FIGURE.search(text, max(0, start - 11), start - 1) is None)


_SPACED_STOPS = frozenset(".,;:!?)]\n")
# A one-digit count or a fraction right before a spaced "t": how recipes count teaspoons.
_RECIPE_FIGURE = regex.compile(r"(?<![\d.,/])(?:\d|\d?\ ?\d/\d|\d?[\u00bc-\u00be\u2150-\u215e])\Z")


def classify(g: dict[str, Any], suf: Suffix | None) -> tuple[str, str | None, str | None, float]:
    """(kind, unit, note, factor) of a figure from the currency sign before it (groups ``c1``,
    ``c2`` of the number pattern) and the suffix after it."""
    sign = (g["c1"] or g["c2"] or "").strip()
    if sign and (suf is None or suf.kind != "percent"):
        ct = units.currency_table()
        code = ct.symbols.get(sign) or ct.codes.get(sign)
        note = ct.notes.get(sign)
        if suf is not None and suf.kind == "rate":  # "$15.4/hour"
            note = "; ".join(x for x in (note, suf.note) if x)
        return "money", code, note, 1.0
    if suf is None:
        return "number", None, None, 1.0
    if suf.kind == "rate":
        return "quantity", suf.unit, None, 1.0
    if suf.kind == "money" and suf.word in ("pound", "pounds") and not _has_scale(g):
        return "quantity", "pound", "pounds: weight or sterling", 1.0
    return suf.kind, suf.unit, suf.note, suf.factor


def _has_scale(g: dict[str, Any]) -> bool:
    words = (g["n1"] + " " + (g["n2"] or "")).lower()
    return any(s in words for s in ("thousand", "million", "billion", "trillion", "bn", "tn"))

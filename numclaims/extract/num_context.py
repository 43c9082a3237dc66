"""Readings of a figure that depend on the figures and words around it, applied once the number
scan has found every figure of a text.

Lives here: ``revise(text, found)``, which runs, in order,
  shared units    -- a bare numeral borrows the unit of the next figure ("45 and 50 mg");
  named amounts   -- a phrase that is a quantity without digits ("absolute zero" = 0 K), read
                     only in a sentence with a context word (units.toml [named]);
  kelvin twins    -- "573.15K" right after a temperature, in the brackets of a conversion
                     ("300 °C (572 °F, 573.15K)"), or right before the temperature it converts
                     ("373.15K, or 100 °C"), is kelvin, not 573 thousand;
  named scales    -- "−273.15° on the Celsius scale" is degrees Celsius, not an angle;
  lower-case "us" -- "us $5" is US dollars after an article or a possessive ("a us $ 150 million
                     loan"), else "us" is the pronoun and stays out ("it cost us $5");
  accounting      -- a sum in brackets after "is"/"was" in a sentence about revenue, profit or
                     loss is negative ("revenue was ($99.99)"; currencies.toml [accounting]).
Not here: reading a single figure (``numbers``, ``num_suffix``, ``num_tail``).

Each step looks only at the figures found and a bounded window of text around the few that
qualify: no pass over the characters of the text.
"""

from __future__ import annotations

import functools
import re

from .. import units
from ..config import load_data
from ..models import Mention

_SENTENCE_WINDOW = 200  # how far back and ahead a context word is looked for, in characters
_SENTENCE_END = re.compile(r"[.!?]\s|\n\n")


def revise(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` (the figures of ``text``, in order) with the readings above applied."""
    if len(found) > 1:
        _share_units(text, found)
    for i, m in enumerate(found):
        if m.kind == "number":
            if m.value == 0.0 and m.text.lower() == "zero":
                found[i] = _named(text, m) or m
            elif m.text.endswith("K"):
                found[i] = (_kelvin_twin(text, found[i - 1], m) if i else None) or (
                    i + 1 < len(found) and _kelvin_first(text, m, found[i + 1])) or m
        elif m.kind == "quantity" and m.unit == "degree" and text.startswith(" on the ", m.end):
            found[i] = _scale_named_after(text, m) or m
        elif m.kind == "money":
            if m.text.startswith("us "):
                found[i] = m = _lower_us(text, m)
            if m.start and text[m.start - 1] == "(":
                found[i] = _accounting(text, m) or m
    return found


_SCALE_AFTER = re.compile(r" on the (?i:(celsius|centigrade|fahrenheit))(?: scale)?\b")
_SCALES = {"celsius": "degree_Celsius", "centigrade": "degree_Celsius",
           "fahrenheit": "degree_Fahrenheit"}


def _scale_named_after(text: str, m: Mention) -> Mention | None:
    """ "−273.15° on the Celsius scale": the bare degree takes the scale named right after it
    (the span stays the figure, as written)."""
    s = _SCALE_AFTER.match(text, m.end)
    if s is None or m.value is None:
        return None
    unit = _SCALES[s[1].lower()]
    si = units.to_si(m.value, unit)
    return m.model_copy(update={"unit": unit, "si_value": si[0] if si else None,
                                "si_unit": si[1] if si else None, "note": None})


_US_AFTER = frozenset(("a", "an", "the", "s", "'s", "\u2019s", "its", "their", "his", "her"))


def _lower_us(text: str, m: Mention) -> Mention:
    """ "a us $ 150 million loan" keeps "us"; in "it cost us $5" it is a pronoun, not a country:
    the figure starts at "$"."""
    words = text[max(0, m.start - 8):m.start].split()
    if words and words[-1].lower() in _US_AFTER:
        return m
    start = m.start + 3
    return m.model_copy(update={"start": start, "text": text[start:m.end]})


def _sentence(text: str, start: int, end: int) -> str:
    """The lower-cased sentence around [start, end), at most _SENTENCE_WINDOW characters each way."""
    lo = max(0, start - _SENTENCE_WINDOW)
    before = text[lo:start]
    cut = None
    for cut in _SENTENCE_END.finditer(before):
        pass
    if cut is not None:
        lo += cut.end()
    after = text[end:end + _SENTENCE_WINDOW]
    stop = _SENTENCE_END.search(after)
    return text[lo:end + (stop.start() if stop else len(after))].lower()


def _words_in(sentence: str, words: frozenset[str]) -> bool:
    return any(w in sentence for w in words)


# --- shared units --------------------------------------------------------------------------------

# A figure that lends its unit, and one that may borrow it: only plain numerals, no hedge, no
# range, the unit written after the figure (not "$45 and 50": the sign binds to the first).
_LENDS = frozenset(("<number> <unit>", "<number> <percent>"))
_NUMERAL = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_LAST_GAPS = frozenset((" and ", " or "))  # "45 and 50 mg", "3 or 4 km"
_LIST_GAPS = frozenset((", ",))  # "10, 20 and 30 km": only before such a pair


def _share_units(text: str, found: list[Mention]) -> None:
    """Give a bare numeral the unit of the figure right after it when only "and"/"or" stand
    between them, and so back along a comma list: "45 and 50 mg" is 45 mg and 50 mg, "10, 20 or
    30%" three percents. A figure with a hedge, a range or a currency sign lends nothing."""
    for i in range(len(found) - 1, 0, -1):
        nxt = found[i]
        if nxt.rule not in _LENDS:
            continue
        gaps = _LAST_GAPS
        j = i - 1
        while j >= 0:
            cur = found[j]
            if (text[cur.end:found[j + 1].start] not in gaps or cur.kind != "number"
                    or cur.rule != "<number>" or not _NUMERAL.fullmatch(cur.text)
                    or _YEAR.fullmatch(cur.text)):
                break  # "in 2019 and 50 mg": a year lends and borrows nothing
            found[j] = _with_unit(cur, nxt)
            gaps = _LIST_GAPS
            j -= 1


def _with_unit(m: Mention, lender: Mention) -> Mention:
    si = units.to_si(m.value or 0.0, lender.unit) if lender.kind == "quantity" and lender.unit \
        else None
    note = "; ".join(x for x in (lender.note, "unit of the next figure") if x)
    return m.model_copy(update={
        "kind": lender.kind, "unit": lender.unit, "si_value": si[0] if si else None,
        "si_unit": si[1] if si else None, "rule": "<number> <unit of the next figure>",
        "note": note})


# --- named amounts -------------------------------------------------------------------------------


@functools.cache
def _named_table() -> dict[str, tuple[float, str, frozenset[str]]]:
    """units.toml [named]: lower-case phrase -> (value, unit, context words)."""
    table = load_data("units").get("named", {})
    return {phrase.lower(): (float(e["value"]), e["unit"], frozenset(e["context"]))
            for phrase, e in table.items()}


def _named(text: str, m: Mention) -> Mention | None:
    """ "absolute zero" as 0 K, when its sentence speaks of temperature or physics."""
    for phrase, (value, unit, context) in _named_table().items():
        start = m.end - len(phrase)
        if start < 0 or text[start:m.end].lower() != phrase:
            continue
        if start and text[start - 1].isalnum():
            continue
        if not _words_in(_sentence(text, start, m.end), context):
            return None  # "there is absolute zero chance": figurative
        si = units.to_si(value, unit)
        return Mention(kind="quantity", start=start, end=m.end, text=text[start:m.end],
                       value=value, low=value, high=value, unit=unit,
                       si_value=si[0] if si else None, si_unit=si[1] if si else None,
                       rule="<named quantity>")
    return None


# --- kelvin twins --------------------------------------------------------------------------------

_TEMPERATURES = frozenset(("degree_Celsius", "degree_Fahrenheit", "kelvin"))
_KELVIN_FIGURE = re.compile(r"(\d{1,4}(?:\.\d{1,3})?)K")
_TWIN_GAPS = frozenset((", ", " / ", " or ", " = ", "; "))


def _kelvin_twin(text: str, prev: Mention, m: Mention) -> Mention | None:
    """ "573.15K" in "300 °C (572 °F, 573.15K)" or "300 °C (573K)": a conversion of the
    temperature before it, in its brackets and equal to it in kelvin (to 1 K or 1%), is kelvin.
    Elsewhere "12K" stays twelve thousand ("at 30 °C, 12K runners": no bracket)."""
    f = _KELVIN_FIGURE.fullmatch(m.text)
    if f is None or prev.kind != "quantity" or prev.unit not in _TEMPERATURES:
        return None
    gap = text[prev.end:m.start]
    if gap == " (":
        pass  # "300 °C (573K)"
    elif not (gap in _TWIN_GAPS and text[m.end:m.end + 1] == ")"
              and "(" in text[max(0, prev.start - 2):prev.start]):
        return None
    return _as_kelvin(m, f, prev)


_FIRST_GAPS = frozenset((" (", ", or ", " or ", " = ", " / "))


def _kelvin_first(text: str, m: Mention, nxt: Mention) -> Mention | None:
    """ "373.15K, or 100 °C", "373.15K (100 °C)": the kelvin figure first, the temperature it
    converts right after it, equal to it in kelvin."""
    f = _KELVIN_FIGURE.fullmatch(m.text)
    if f is None or nxt.kind != "quantity" or nxt.unit not in _TEMPERATURES:
        return None
    if text[m.end:nxt.start] not in _FIRST_GAPS:
        return None
    return _as_kelvin(m, f, nxt)


def _as_kelvin(m: Mention, f: re.Match[str], other: Mention) -> Mention | None:
    """``m`` read as kelvin when it equals the temperature ``other`` in kelvin."""
    value = float(f[1])
    twin = units.to_si(other.value, other.unit) if other.value is not None and other.unit else None
    if twin is None or abs(twin[0] - value) > max(1.0, 0.01 * value):
        return None  # "30 °C (4K)": not that temperature in kelvin, so no reading of it
    si = units.to_si(value, "kelvin")
    return Mention(kind="quantity", start=m.start, end=m.end, text=m.text, value=value,
                   low=value, high=value, unit="kelvin", si_value=si[0] if si else None,
                   si_unit=si[1] if si else None, rule="<number> <unit>",
                   note="'K' read as kelvin: a conversion of the temperature beside it")


# --- accounting ----------------------------------------------------------------------------------


@functools.cache
def _accounting_table() -> tuple[frozenset[str], frozenset[str]]:
    """currencies.toml [accounting]: (words just before the bracket, context words)."""
    table = load_data("currencies").get("accounting", {})
    return frozenset(table.get("before", ())), frozenset(table.get("context", ()))


def _accounting(text: str, m: Mention) -> Mention | None:
    """ "The annual revenue is ($99.99)": in accounting notation a sum in brackets is negative.
    Read so only right after a copula (never after another figure: "€10m ($11m)" is a
    conversion) and with a word of accounts earlier in the sentence."""
    if text[m.end:m.end + 1] != ")" or m.low != m.high or m.value is None or m.value <= 0:
        return None
    before, context = _accounting_table()
    head = text[max(0, m.start - 12):m.start - 1]
    words = head.split()
    if not head.endswith(" ") or not words or words[-1].lower() not in before:
        return None
    start, end = m.start - 1, m.end + 1
    if not _words_in(_sentence(text, start, start), context):
        return None
    v = -m.value
    return m.model_copy(update={
        "start": start, "end": end, "text": text[start:end], "value": v, "low": v, "high": v,
        "rule": f"({m.rule})", "note": "; ".join(x for x in (
            m.note, "a sum in brackets is negative in accounting notation") if x)})

"""Figures whose number is the article: "a gallon of beer" (1 gallon), "a kilo of rice",
"a penny", "a gross of pencils" (144), "a baker's dozen" (13).

Lives here: the word list (numbers.toml ``[article]``), the lookahead the scanning pattern uses
after "a"/"an" (``lookahead``), the extra trigger words (``trigger_words``) and ``article``,
which turns such a match into a Mention. Not here: what a unit word names (units.toml and
currencies.toml, read by ``num_suffix``), "a dozen" and "a million" (scales of the number grammar).

Precision: only the listed words license the article, and some only before the listed words
("a pound of flour" is a weight; a bare "a pound" may be money or weight and is not read; "a
gross error" is no figure). Time units are left to the temporal extractor ("a second" is no
figure here).
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple, cast

import regex

from .. import units
from ..config import load_data
from ..models import Kind, Mention
from . import num_suffix


class Entry(NamedTuple):
    value: float | None  # a count ("gross": 144), or None for a unit word
    after: tuple[str, ...]  # the words one of which must follow; () for any


@functools.cache
def table() -> dict[str, Entry]:
    raw: dict[str, Any] = load_data("numbers")["article"]
    return {w.lower(): Entry(None if "value" not in e else float(e["value"]),
                             tuple(a.lower() for a in e.get("after", ())))
            for w, e in raw.items()}


def lookahead() -> list[str]:
    """The words of the table, for the pattern's ``\\L<article_words>``."""
    return list(table())


def trigger_words() -> set[str]:
    """The first word of every entry: where the scan looks back for an article."""
    return {w.split(" ")[0] for w in table()}


_WORD = regex.compile(r"[\ \u00a0]((?:[^\W\d_]+['’])?[^\W\d_]+(?:\ [^\W\d_]+)?)")
_NEXT = regex.compile(r"[\ \u00a0]([^\W\d_]+)")


def article(text: str, start: int, art_end: int) -> tuple[list[Mention], int]:
    """The mention of the article at [start, art_end) and the word after it, and where it ends;
    ([], art_end) when the word after does not make the article a count."""
    w = _WORD.match(text, art_end)
    if w is None:
        return [], art_end
    tab = table()
    word = w[1].lower()
    entry = tab.get(word)
    if entry is None:
        word = word.split(" ")[0]
        entry = tab.get(word)
    if entry is None:
        return [], art_end
    word_end = w.start(1) + len(word)
    if entry.value is not None:
        end = word_end
        kind, unit, value, note = "number", None, entry.value, None
    else:
        suf = num_suffix.suffix_at(text, art_end)
        if suf is None or suf.kind not in ("quantity", "money") or suf.end < word_end:
            return [], art_end
        end, value, note = suf.end, suf.factor, suf.note
        kind, unit = suf.kind, suf.unit
        if word == "pound":  # only before "of" ("a pound of flour"): a weight, not sterling
            kind, unit, value, note = "quantity", "pound", 1.0, None
    if entry.after:
        nxt = _NEXT.match(text, end)
        if nxt is None or nxt[1].lower() not in entry.after:
            return [], art_end
    si_value = si_unit = None
    if kind == "quantity" and unit is not None:
        si = units.to_si(value, unit)
        if si is not None:
            si_value, si_unit = si
    return [Mention(kind=cast("Kind", kind), start=start, end=end, text=text[start:end], value=value,
                    low=value, high=value, unit=unit, si_value=si_value, si_unit=si_unit,
                    timex=None, anchor=None, rule="<article> <" + ("count" if unit is None else
                                                                   "unit") + ">",
                    note=note)], end

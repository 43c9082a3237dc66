"""The compiled scanning pattern of the number extractor, built from the shared grammar and the
alias tables (units.toml, currencies.toml, numbers.toml [identifiers]).

Lives here: the one VERBOSE pattern ``SCAN`` that ``numbers.scan`` runs with ``finditer`` and the
small helper patterns for context checks. Not here: turning matches into Mentions (``numbers``).

At each place where a figure may start, the pattern tries, in order of preference:
  ident  -- phone numbers, ISBNs, chains such as 1.2.3 or 10/28/2024: consumed and dropped, so no
            figure is read out of an identifier;
  ord    -- ordinals ("92nd", "twenty-first"), before numbers so "twenty-first" is not 20;
  figure -- [hedge] [between|from] [currency] [sign] number [m] [[unit] sep [currency] number [m]];
            the unit, percent or currency word after it is read by ``num_suffix``.
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from .. import units
from ..config import load_data
from . import grammar

_BODY = r"""
(?P<ident>
    (?<![\w+]) (?: \+\d{1,3}[\ .-]? )? (?: \(\d{2,4}\)\ ? | \d{3}[.-] ) \d{3}[.-]\d{4} (?!\d)  # phones
  | (?<!\w) (?i: isbn (?: -1[03] )? :?\ ? ) [\d-]{9,16}[\dXx] (?!\w)                        # ISBN
  | (?<![\w.]) \d{1,6} (?P<cs>[-/.:]) \d{1,6} (?: (?P=cs) \d{1,6} ){1,4} (?!\w)             # 1.2.3
)
| (?P<ord> (?&ordinal) )
| (?P<figure>
    (?: (?P<h> (?&hedge) ) [\ \u00a0]{1,2} (?: (?i: of) \ )? )?
    (?: (?P<btw> (?i: between ) ) \ | (?P<frm> (?i: from ) ) \ )?
    (?P<c1> \L<cur_syms> \ ? | \L<cur_codes> \ )?
    (?P<neg1> (?<![\w.,%)\]-]) [-\u2212] (?=[\d.]) )?
    (?P<n1> (?&number) )
    (?P<m1> (?(c1) \L<million_suffix> (?!\w) ) )?
    (?:                                                   # a range: "10-12", "5 km to 10 km"
      (?P<s1> \ ?% | [\ \u00a0-]?+ [^\s\d\-\u2013\u2014,;:!?()"'] [^\s\-\u2013\u2014,;:!?()"']{0,15}+
                     (?: \ [^\W\d_]{1,12}+ )? )?          # a unit written on both sides: checked later
      (?P<sep>
          (?(btw) \ (?i: and ) \x20
                | (?: (?(s1) | (?(m1) | (?<=[\d½¼¾]) ) ) \ ?[-\u2013\u2014]\ ? (?=[-\u2212\d.$€£¥])
                    | \ (?i: to | through ) \ ) )
      )
      (?P<c2> \L<cur_syms> \ ? )?
      (?P<neg2> [-\u2212] (?=[\d.]) )?
      (?P<n2> (?&number) )
      (?P<m2> (?(c1) \L<million_suffix> (?!\w) | (?(c2) \L<million_suffix> (?!\w) ) ) )?
    )?
    (?(btw) (?(n2) | (?!) ) )                             # "between" and "from" only start a range
    (?(frm) (?(n2) | (?!) ) )
)
"""

_HEDGE_AFTER = r"\ (?&hedge_after)"


@functools.cache
def lists() -> dict[str, list[str]]:
    """The extractor's named lists, all from currencies.toml (units are looked up in Python)."""
    ct = units.currency_table()
    return {
        "cur_syms": list(ct.symbols),
        "cur_codes": list(ct.codes),
        "million_suffix": list(ct.million_suffix),
    }


@functools.cache
def scan_pattern() -> Any:
    return grammar.compile(_BODY, **lists())


@functools.cache
def hedge_after_pattern() -> Any:
    """A hedge that follows the figure: "12,000 or so", "five or more"."""
    return grammar.compile(_HEDGE_AFTER)


@functools.cache
def triggers() -> tuple[Any, Any]:
    """Two cheap patterns that find every place a figure can be: a digit, a currency sign or a
    vulgar fraction (~45 M chars/s), and a number word (~14 M chars/s). The full pattern is then
    tried only around these places: tried at every position it would scan at ~0.5 M chars/s."""
    ct = units.currency_table()
    named = grammar.named_lists()
    chars = {s[0] for s in ct.symbols if not s[0].isalnum()} | set("".join(named["nc_vulgar"]))
    char_class = "[" + regex.escape("".join(sorted(chars)), special_only=False) + r"\d][\d,.]*"
    words = [*named["nc_ones"], *named["nc_tens"], *named["nc_ordinals"], *named["nc_scales"],
             *named["nc_fractions"]]
    word_alt = grammar.alternation(words)
    return regex.compile(char_class), regex.compile(r"\b(?i:" + word_alt + r")\b")


@functools.cache
def prefix_words() -> frozenset[str]:
    """Lower-case words that may stand before a figure's first trigger, within the figure:
    hedge words, "between", "from", "of", "a", currency codes and signs written as words."""
    v = grammar.named_lists()
    ct = units.currency_table()
    words = {"between", "from", "of", "a", "an"}
    for phrase in v["nc_hedges"]:
        words.update(phrase.split())
    words.update(c.lower() for c in ct.codes)
    words.update(s.lower() for s in ct.symbols)
    return frozenset(words)


@functools.cache
def cue_pattern() -> Any:
    """An identifier cue right before a figure: "Route ", "Flight ", "#"; matched on a short slice
    of text ending where the figure starts."""
    ident = load_data("numbers")["identifiers"]
    return grammar.compile(
        r"(?<!\w) (?i: \L<cues> ) [\ \u00a0]? \Z",
        cues=ident["cues"],
    )


@functools.cache
def determiners() -> frozenset[str]:
    return frozenset(load_data("numbers")["identifiers"]["determiners"])

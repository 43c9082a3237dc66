"""The compiled scanning pattern of the number extractor, built from the shared grammar and the
alias tables (units.toml, currencies.toml, numbers.toml [identifiers]).

Lives here: the one VERBOSE pattern ``SCAN`` that ``numbers.scan`` runs with ``finditer`` and the
small helper patterns for context checks. Not here: turning matches into Mentions (``numbers``).

At each place where a figure may start, the pattern tries, in order of preference:
  ident  -- phone numbers (dashed, dotted, spaced: "555-867-5309", "+44 20 7946 0958",
            "(212) 555-0187", "020 7946 0958"), ISBNs, chains such as 1.2.3 or 10/28/2024:
            consumed and dropped, so no figure is read out of an identifier;
  ord    -- ordinals ("92nd", "twenty-first"), before numbers so "twenty-first" is not 20;
  figure -- [hedge] [between|from] [currency] [sign] number [m] [[unit] sep [currency] number [m]];
            the unit, percent or currency word after it is read by ``num_suffix``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .. import units
from ..config import load_data
from . import grammar, num_article, num_suffix

_BODY = r"""
(?P<ident>
    (?<![\w+]) (?: \+\d{1,3}[\ .-]? )? (?: \(\d{2,4}\)\ ? | \d{3}[.-] ) \d{3}[.-]\d{4} (?!\d)  # phones
  | (?<![\w+]) \+\d{1,3} (?: [\ \u00a0-] \(?\d{1,8}\)? ){2,5} (?!\d|[.,]\d)       # +44 20 7946 0958
  | (?<=\() \d{3} \) [\ \u00a0]? \d{3} [\ \u00a0.-] \d{4} (?!\d|[.,]\d)           # (212) 555 0187
  | (?<![\w.,+]) (?: \d{3} | 0\d{2,4} ) [\ \u00a0] \d{3,4} [\ \u00a0] \d{4} (?!\d|[.,]\d)  # 020 7946 0958
  | (?<!\w) (?i: isbn (?: -1[03] )? :?\ ? ) [\d-]{9,16}[\dXx] (?!\w)                        # ISBN
  | (?<![\w.]) \d{1,6} (?P<cs>[-/.:]) \d{1,6} (?: (?P=cs) \d{1,6} ){1,4} (?!\w)             # 1.2.3
)
| (?P<ord> (?&ordinal) )
| (?P<figure>
    (?: (?P<h> (?&hedge) ) [\ \u00a0]{1,2} (?: (?i: of) \ )? )?
    (?: (?P<btw> (?i: between ) ) \ | (?P<frm> (?i: from ) ) \ )?
    (?P<c1> \L<cur_syms> [\ \u00a0]? | \L<cur_codes> (?: \ | (?<=[A-Z]{3}) (?=\d) ) )?   # "USD 5", "USD5"
    (?P<neg1> (?<![\w.,%)\]-]) [-\u2212] (?=[\d.]) | (?<!\w) (?i: minus ) \ (?=[\w.])   # "minus 5"
            | (?<! (?i: test | tests | tested | testing | proved | back | turned | remained
                     | stayed | came ) \ ) (?<!\w) (?i: negative ) \ (?=[\w.]) )?   # openers end
    (?P<n1> (?&number)
          # "half" alone only after a hedge: "more than half", "nearly half of voters"; not
          # "half an hour" (a duration), "half-time", "half the time"
          | (?(h) (?<!\w) (?i: half ) \b (?! [-\u2010\u2011] | \ (?i: an? | the | time | way ) \b ) | (?!) )
          | (?P<art> (?<!\w) (?i: an? ) ) (?= [\ \u00a0] (?i: \L<article_words> ) (?![\w'’]) ) )  # "a gallon"
    (?P<m1> (?(c1) \L<million_suffix> (?!\w) ) )?
    (?: (?P<pm> \ ?(?: \u00b1 | \+/[-\u2212] | \+[-\u2212] )\ ? )   # an uncertainty: "9.83e-3 +/- 1e-5"
        (?P<unc> (?<![\w.]) (?: \d{1,20} (?: \.\d{1,12} )? | \.\d{1,12} ) (?&sci)? )
    | (?:                                                 # a range: "10-12", "5 km to 10 km"
      (?P<s1> \ ?% | [\ \u00a0-]?+ [^\s\d\-\u2013\u2014,;:!?()"'] [^\s\-\u2013\u2014,;:!?()"']{0,15}+
                     (?: \ (?! (?i: to | and | through ) \b ) [^\W\d_]{1,12}+ )? )?   # a unit on both sides: checked later
      (?P<sep>
          (?(btw) \ (?i: and ) \x20
                | (?: (?(s1) | (?(m1) | (?<=[\d½¼¾]) ) ) \ ?[-\u2013\u2014]\ ? (?=[-\u2212\d.$€£¥])
                    | \ (?i: to | through ) \x20
                    | (?<=\d) -\ (?i: to ) \ (?=[\d.]) ) )            # "8- to 16-meter"
      )
      (?P<c2> \L<cur_syms> [\ \u00a0]? )?
      (?P<neg2> [-\u2212] (?=[\d.]) )?
      (?P<n2> (?&number) )
      (?P<m2> (?(c1) \L<million_suffix> (?!\w) | (?(c2) \L<million_suffix> (?!\w) ) ) )?
    ) )?
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
        "article_words": num_article.lookahead(),
    }


@functools.cache
def scan_pattern() -> Any:
    return grammar.compile(_BODY, 0, **lists())


_PREFIX = (
    "    (?: (?P<h> (?&hedge) )",
    "# openers end",  # the last line of the "neg1" group ("negative 5", not "tested negative 3")
)


@functools.cache
def digit_pattern() -> Any:
    """``scan_pattern`` for a start on a digit: the same groups, but the openers that cannot
    start with a digit (hedge, "between"/"from", currency, sign) can never match, so they are
    not tried (measured: ~2 us less per match, on ~70% of all matches)."""
    lines = _BODY.splitlines()
    first = next(i for i, ln in enumerate(lines) if ln.startswith(_PREFIX[0]))
    last = next(i for i, ln in enumerate(lines) if ln.rstrip().endswith(_PREFIX[1]))
    never = "    (?P<h> (?!) )? (?P<btw> (?!) )? (?P<frm> (?!) )? (?P<c1> (?!) )? (?P<neg1> (?!) )?"
    body = "\n".join([*lines[:first], never, *lines[last + 1:]])
    return grammar.compile(body, 0, **lists())


@functools.cache
def hedge_after_pattern() -> Any:
    """A hedge that follows the figure: "12,000 or so", "five or more"."""
    return grammar.compile(_HEDGE_AFTER)


@functools.cache
def plus_minus_pattern() -> Any:
    """An uncertainty after a figure and its unit: " ± 2" of "20 °C ± 2 °C", " +/- 0.3" of
    "5.2% +/- 0.3%"; the same notation the scanning pattern reads before the unit."""
    return grammar.compile(
        r"""\ ?(?: \u00b1 | \+/[-\u2212] | \+[-\u2212] )\ ?
            (?P<unc> (?: \d{1,20} (?: \.\d{1,12} )? | \.\d{1,12} ) (?&sci)? ) (?![\d,]\d)"""
    )


@functools.cache
def cents_pattern() -> Any:
    """The minor part of a sum after its major unit: " 50 cents", " and forty-five cents", or a
    bare count below a hundred that ends the clause (" 50." after "15 dollars")."""
    minor = list(units.currency_table().minor)
    return grammar.compile(
        r"""(?i: ,?\ and )? \ (?P<n> (?&count_word) | \d{1,2} (?![\d,.]\d) )
            (?: \ (?P<minor> (?i: \L<minor> ) ) \b | (?= [.,;!?)]* (?:\s|\Z) ) (?! [\ ] \w ) )""",
        minor=minor,
    )


@functools.cache
def inches_pattern() -> Any:
    """The inches after a length in feet: " 2 in", " and 2 inches", " 2½ inches"."""
    return grammar.compile(
        r"(?i: ,?\ and )? \ (?P<n> (?&count_word) | \d{1,2} (?: \.\d{1,2} | \u2009?(?&vulgar) )? )"
        r" \ ? (?: (?i: inches | inch ) \b | \" | \u2033"
        r"    | in \b (?! \ (?i: the | an? | his | her | their | its | this | that | which | all ) \b ) )"
    )


@functools.cache
def continuations() -> frozenset[str]:
    """Lower-case words that may continue a numeral after a space (units, currencies, percent
    words, scales, fractions, range and hedge words): after any other word the numeral is
    complete, and ``numbers`` reads it without the full pattern."""
    v = grammar.named_lists()
    words = set(num_suffix.first_words())
    words.update(w.lower() for key in ("nc_scales", "nc_fractions", "nc_abbr") for w in v[key])
    for phrase in v["nc_hedges_after"]:
        words.add(phrase.split()[0])
    words.update(("to", "through", "and", "or", "in", "point", "hundred", "x"))  # "2.5 x 10^-3"
    return frozenset(words)


@functools.cache
def hedge_after_heads() -> frozenset[str]:
    """The first letters (lower case) of the hedges that follow a figure: ``hedge_after_pattern``
    is tried only when one of them follows the space after the figure."""
    return frozenset(w[0].lower() for w in grammar.named_lists()["nc_hedges_after"])


@functools.cache
def triggers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two cheap patterns that find every place a figure can be: a digit, a currency sign or a
    vulgar fraction, and a number word. The full pattern is then tried only around these places
    (tried at every position it would scan at ~0.5 M chars/s).

    Both are stdlib ``re`` patterns: for a character class and for a trie of literals the stdlib
    engine is several times faster than ``regex`` (measured on news text: digits ~120 M chars/s
    against ~45 M; the word trie ~47 M chars/s on lower-cased text against ~11 M for a
    case-insensitive alternation). The word pattern is lower-case only: ``scan`` runs it on the
    lower-cased text."""
    ct = units.currency_table()
    named = grammar.named_lists()
    chars = {s[0] for s in ct.symbols if not s[0].isalnum()} | set("".join(named["nc_vulgar"]))
    char_class = "[" + re.escape("".join(sorted(chars))) + r"\d][\d,.]*"
    words = {w.lower() for key in ("nc_ones", "nc_tens", "nc_ordinals", "nc_scales",
                                   "nc_fractions") for w in named[key]} | {"nought", "naught"}
    words |= num_article.trigger_words()  # "gallon" of "a gallon": the scan looks back for "a"
    return re.compile(char_class), re.compile(r"\b" + _trie(words) + r"\b")


def _trie(words: set[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes ("t(?:en|h(?:ree|...)))")
    so the engine tests each character once instead of once per word."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(root)


@functools.cache
def prefix_phrases() -> tuple[frozenset[str], int]:
    """Lower-case phrases that may stand before a figure's first trigger, within the figure:
    hedge phrases, "between", "from", "a", currency codes and signs written as words; and the
    length of the longest."""
    v = grammar.named_lists()
    ct = units.currency_table()
    words = {"between", "from", "a", "an", "minus", "negative", *v["nc_hedges"]}
    words.update(c.lower() for c in ct.codes)
    words.update(s.lower() for s in ct.symbols if s[0].isalpha())
    words.update(s.rsplit(" ", 1)[0].lower() for s in ct.symbols if " " in s)  # "hk" of "hk $"
    return frozenset(words), max(len(w) for w in words)


@functools.cache
def prefix_last_words() -> frozenset[str]:
    """The last word of every ``prefix_phrases`` entry: a cheap first test before the phrases."""
    return frozenset(ph.rsplit(" ", 1)[-1] for ph in prefix_phrases()[0])


@functools.cache
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    cues = [c.lower() for c in load_data("numbers")["identifiers"]["cues"]]
    return frozenset(c for c in cues if " " not in c), frozenset(c for c in cues if " " in c)


def cued(text: str, start: int) -> bool:
    """True when an identifier cue ends right before ``start`` (one space or none between):
    "Route 66", "Flight 17", "World War 2", "#5". Plain string work on a short slice: no regex."""
    s = text[max(0, start - 20):start]
    if s[-1:] in (" ", "\u00a0"):
        s = s[:-1]
    if not s or s[-1].isspace():
        return False
    single, double = _cues()
    toks = s.lower().split()
    if not toks:
        return False
    last = toks[-1]
    if last in single or last.lstrip(_OPENER_CHARS) in single:
        return True
    if last.endswith("#"):
        return len(last) == 1 or not (last[-2].isalnum() or last[-2] == "_")
    return len(toks) > 1 and f"{toks[-2]} {last}".lstrip(_OPENER_CHARS) in double


_OPENER_CHARS = "(\"'\u201c\u2018["


@functools.cache
def form_codes() -> frozenset[str]:
    """Tokens such as "13F" or "10-K" that name a form, never a figure (numbers.toml), as
    written: "3M" is the company, "3m" three metres or millions."""
    return frozenset(load_data("numbers")["identifiers"]["codes"])


@functools.cache
def determiners() -> frozenset[str]:
    return frozenset(load_data("numbers")["identifiers"]["determiners"])


@functools.cache
def _change_words() -> frozenset[str]:
    return frozenset(load_data("numbers")["ranges"]["not_after"])


def after_change_word(text: str, start: int) -> bool:
    """True when a verb of change or of a lead ends right before ``start`` ("rose $1.20 to
    $74.50", "leads 48% to 46%"): a word range there is two figures (numbers.toml [ranges])."""
    prev = text[max(0, start - 14):start].split()
    return bool(prev) and prev[-1].lower() in _change_words()


def pronoun_one(text: str, n1: str, start: int) -> bool:
    """ "no one", "the one who", "each one": a bare "one" after a determiner is a pronoun."""
    if n1.lower() != "one":
        return False
    prev = text[max(0, start - 12):start].split()
    return bool(prev) and prev[-1].lower() in determiners()


def clearly_ordinal(text: str, start: int, end: int) -> bool:
    """ "second" is an ordinal after a determiner and before a noun: "the second round"."""
    after = text[end:end + 2]
    if not after.startswith(" ") or len(after) < 2 or not after[1].isalpha():
        return False
    prev = text[max(0, start - 12):start].split()
    return bool(prev) and prev[-1].lower() in determiners() - {"no", "any"}

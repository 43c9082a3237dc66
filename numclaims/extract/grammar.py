"""The one shared number grammar and the hedge machinery, used by every extractor.

Lives here: ``compile`` (a VERBOSE pattern that may call the shared subpatterns ``(?&number)``,
``(?&ordinal)``, ``(?&hedge)`` and ``(?&hedge_after)``, with the named lists of the data tables
injected), ``parse_number`` / ``parse_ordinal`` (the value of a text those subpatterns matched),
``hedge_of`` (the Hedge a hedge phrase denotes) and ``interval`` (the band a hedged figure allows).

Not here: what a figure measures (units, money, percents live in ``numbers``; dates and durations
in ``temporal``), and the vocabulary itself, which lives in ``numclaims/data/numbers.toml`` and
``numclaims/data/hedges.toml`` so that one table feeds both the pattern and the arithmetic.
"""

from __future__ import annotations

import functools
import math
from typing import Any, cast

import regex

from ..models import Hedge, Mention
from .num_values import parse_number
from .num_values import vocab as _vocab

__all__ = [
    "alternation",
    "compile",
    "finite",
    "hedge_of",
    "interval",
    "named_lists",
    "parse_number",
    "parse_ordinal",
    "roundness",
]

# The shared subpatterns. Every repetition is bounded and every alternative starts on a distinct
# token, so no input can make the engine backtrack catastrophically. Word parts carry their own
# (?i:...) so callers need no flag; abbreviations ("bn", "k") stay case-sensitive.
_DEFINE = r"""
(?(DEFINE)
  # a numeral in digits: "1,200", "12,000.50", "3.2", "2023"; thousands groups have exactly 3 digits
  (?P<digits>
      (?: (?<![\w.]) | (?<= (?<!\w) [A-Z]{3} ) ) \d{1,3}        # after a code: "USD115" (checked later)
                         (?: (?: ,\d{3} ){1,6} (?!\d)
                           | (?: [\u202f\u2009\u00a0]\d{3} ){1,6} (?!\d)   # "1\u202f234\u202f567": thin or no-break
                           # spaces: only where the groups cannot be two numbers: two groups or
                           # more ("1 234 567"), or a group with a leading zero ("40 000")
                           | (?: \ \d{3} ){2,5} (?![\d,]) | \ 0\d{2} (?: \ \d{3} ){0,4} (?![\d,])
                           | \d{0,17} ) (?: \.\d{1,12} )?
    | (?<![\w.]) \.\d{1,12}                               # ".5"
  )
  (?P<vulgar> \L<nc_vulgar> )                             # "½", "¾"
  # "3/4", "2 1/4": only small denominators, so that "9/11" and "10/12" stay dates
  (?P<slash> (?<![\w./]) \d{1,2} / (?: 2|3|4|5|8|16|32|64 ) (?![\w/])
           | (?<![\w./]) 1 / \d{1,3} (?= \ of \ ) )        # "1/40 of the wavelength": a share
  # scientific notation after the digits: "1e10", "-12e-1", "1.3x10^6", "2.48×10−5" (the
  # exponent is required, so "a 2x10 board" stays two numbers)
  (?P<sci> (?: [eE] [+\-\u2212]? \d{1,3}
             | \ ?[x×]\ ?(?: 10 (?: \^ [+\-\u2212]? | [\-\u2212] ) | [2-9] \^ [+\-\u2212]? ) \d{1,3}   # "8x2^10"
             | \^ [+\-]{0,2} \d{1,3} ) (?![\w.]) )             # and powers: "1.1^23", "2.5^-1"
  # the digits are matched once and the alternatives follow them (measured: ~2x faster than
  # an alternation that repeats the digits in each branch)
  (?P<numeral>
      (?&slash)
    | (?&digits) (?: (?&sci) | \u2009? (?&vulgar) | \ {1,2} (?&slash) )?
    | (?<!\w) (?&vulgar) )                     # "2½", "½"
  (?P<scale_word> (?i: \L<nc_scales> ) \b )               # "hundred", "million", "dozen"
  (?P<big_scale> (?i: \L<nc_big_scales> ) \b )            # "thousand", "million", ...
  (?P<abbr> \L<nc_abbr> (?![\w])                          # glued: "12k", "3.2bn"
          | (?<= \.\d{1,3} ) \L<nc_abbr_decimal> (?![\w]) )   # "1.2b", but "3B" is a flat
  # a count below a hundred in words: "seven", "twenty-one", "forty five"
  (?P<count_word> (?<!\w) (?i: \L<nc_tens> (?: (?:\ {1,3}|-|\ -\ ) \L<nc_ones> )? | \L<nc_ones> ) \b )
  # after "and" a count before a fraction is its numerator ("one hundred and | three quarters");
  # without "and" it belongs to the whole ("one hundred three fifths" = 103/5)
  (?P<w_hundreds> (?&count_word) (?: (?:\ {1,3}|-) (?i:hundred) \b
        (?: (?i:\ {1,3}and) (?:\ {1,3}|-) (?>(?&count_word)) (?!(?&frac_next))
          | (?:\ {1,3}|-) (?&count_word) )? )? )
  (?P<point_digit> (?i: \L<nc_ones> | (?&count_word) | nought | naught ) \b )
  (?P<frac_next> (?:\ {1,3}|-) (?i: \L<nc_fractions> ) \b )   # "and three | quarters": the count is a numerator
  # "a" counts as one only right before a scale: "a million", "a dozen"
  (?P<w_head> (?&w_hundreds) | (?<!\w) (?i: an? ) (?= \ (?&scale_word) )
            | (?<!\w) (?i: nought | naught ) (?= \ (?i: point ) \ )       # "nought point five"
            # a zero alone ("nought is 0"), but not in the idioms where it means "nothing":
            # "all for naught", "came to nought", "brought to naught", "naught but", "set at nought"
            | (?<!\w) (?<! (?i: for | to | into | at | but | of ) \ ) (?i: nought | naught ) \b
              (?! \ (?i: but | else | more | less | of ) \b ) )
  (?P<w_int>
      (?&w_head)
      (?: (?:\ {1,3}|-) (?&scale_word) (?: (?i:,?\ {1,3}and) (?:\ {1,3}|-) (?&w_hundreds) (?! (?:\ {1,3}|-) (?i:hundred) | (?&frac_next) )
                                          | (?:\ {1,3}|-) (?&w_hundreds) (?! (?:\ {1,3}|-) (?i:hundred) ) )? ){0,4}
      (?: (?i: \ point ) (?: (?: \ (?&point_digit) ){2,4}                      # "point zero three"
                            | \ (?&point_digit) (?! \ (?! (?&scale_word) | (?i: percent | per\ cent | percentage ) \b ) [^\W\d_] ) )   # "at one point two men": no
          (?: \ (?&big_scale) )? )?                                             # "one point five million"
  )
  # a fraction in words whose numerator is written out: "two thirds", "a hundred trillionths",
  # "fifty-four hundredths"; and "a fifth", "one fourth" with nothing after it but "of" or a
  # scale (before a noun, "a fifth term", it is an ordinal)
  # A denominator may be a compound ordinal, and then the tens bind to it: "one hundred thirty
  # fifths" is 100/35, "twenty twenty-fifths" 20/25 (but "one hundred thirty-two fifths" 132/5);
  # in the singular only after "one" ("one twenty-fifth"), or after "a" before "of" ("a
  # twenty-first of"; a bare "a twenty-first" is an ordinal). "halves" counts after three or more
  # ("three halves"; "two halves" is a game).
  (?P<w_frac>
      (?&w_int) (?:\ {1,3}|-) (?: (?i: \L<nc_tens> ) (?:\ {1,3}|-) (?i: \L<nc_ord_den_plural> )
                                | (?i: \L<nc_frac_plural> | \L<nc_frac_tens_plural> ) ) \b
    | (?<!\w) (?! (?i: zero | one | two ) \b ) (?&count_word) (?:\ {1,3}|-) (?i: halves ) \b
    | (?<!\w) (?i: an? | one ) (?:\ {1,3}|-) (?i: \L<nc_frac_single> | \L<nc_frac_tens_single> ) \b
        (?! -\w | \ {1,3} (?! (?i: of | \L<nc_big_scales> ) \b ) [^\W\d_] )
    | (?<!\w) (?i: one ) (?:\ {1,3}|-) (?i: \L<nc_tens> ) [\ -] (?i: \L<nc_ord_den> ) \b
        (?! -\w | \ {1,3} (?! (?i: of | \L<nc_big_scales> ) \b ) [^\W\d_] )
    | (?<!\w) (?i: an? ) (?:\ {1,3}|-) (?i: \L<nc_tens> ) [\ -] (?i: \L<nc_ord_den> ) \b
        (?= \ (?i: of | \L<nc_big_scales> ) \b )
    # a denominator above a hundred after "one": "one one hundred fifth" (1/105), "one one
    # hundred and twenty-fifth" (1/125)
    | (?<!\w) (?i: one \ (?: one | a ) \ hundred (?: \ and )? \ (?: \L<nc_tens> [\ -] )? \L<nc_ord_den> ) \b
        (?! -\w | \ {1,3} (?! (?i: of | \L<nc_big_scales> ) \b ) [^\W\d_] )
  )
  # a fraction joined to a count by "and": "and a half", "and two thirds", "and one fourth",
  # "and a half million" (after "one billion")
  (?P<and_frac>
      (?i: ,?\ {1,3} and \ {1,3} )
      (?: (?i: an? | one ) [\ -] (?i: \L<nc_fractions> | \L<nc_frac_tens_single> ) \b | (?&call:w_int) (?:\ {1,3}|-) (?i: \L<nc_frac_plural> | quarters ) \b )
  )
  # fractions in words: "two-thirds", "a quarter of", "three quarters of", "half" (before a scale)
  (?P<fraction>
      (?<!\w) (?i: (?: \L<nc_ones> | an? ) (?: - | \ -\ ) \L<nc_fractions> ) \b
    | (?<!\w) (?i: (?: \L<nc_ones> | an? ) \ \L<nc_fractions_plain> ) \b (?= (?i:\ of\ ) )
    # "three quarters of the vote"; but quarters and halves are also periods of a year or a
    # game: "two halves of the game", "two quarters of growth", "the first three quarters of"
    | (?<!\w) (?! (?i: one | two | zero ) \b ) (?i: \L<nc_ones> \ (?: quarters | halves ) ) \b (?= (?i:\ of\ ) )
      (?<! (?i: the | first | last | next | past | previous | final | opening ) \ \w{3,9} \ \w{6,8} )
    | (?<!\w) (?i: (?: \L<nc_ones> | an? ) \ \L<nc_fractions> ) \b (?= \ (?&big_scale) )   # "a quarter million"
    | (?<!\w) (?i: half | quarter ) (?= \ (?&big_scale) )                      # "half million"
    | (?<!\w) (?i: half | quarter ) (?= (?i: \ of )? (?i:\ {1,3}an?\ {1,3}) (?&scale_word) )   # "half a million"
  )
  (?P<number>
      (?&fraction) (?: (?i: \ of)? (?i: \ {1,3}an?)? \ {1,3} (?&scale_word) )?      # "a quarter of a million"
    | (?&numeral) (?: (?&and_frac) (?: [\ -] (?&big_scale) )?
                    | [\ \u00a0-]? (?&scale_word)
                      (?: (?<= (?i:hundred) ) (?i: \ and \ ) (?: \d{1,2} (?![\d,.]) | (?&count_word) (?!(?&frac_next)) )
                          (?! \ (?&scale_word) )                           # "3 hundred and 2 hundred": two
                        | (?&and_frac)
                        | (?: \ \d{1,3} \ (?&scale_word) ){1,3}            # "4 thousand 3 hundred"
                          (?: (?i: \ and \ ) \d{1,2} (?![\d,.]) (?! \ (?&scale_word) ) )? )?
                    | (?&abbr) )?                                       # "1.3 million", "12k"
    | (?&w_frac)
    | (?&w_int) (?: (?&and_frac) (?: [\ -] (?&scale_word) )? )?          # "two and a half million"
  )
  # ordinals: "92nd", "21st", "first", "twenty-first", "hundredth"
  (?P<ordinal>
      (?<![\w.]) \d{1,9} (?: st | nd | rd | th | ST | ND | RD | TH ) (?!\w)
    | (?<!\w) (?i: (?: \L<nc_tens> [\ -] )? \L<nc_ordinals> ) \b
  )
  (?P<hedge> (?<!\w) (?i: \L<nc_hedges> ) (?!\w) )
  (?P<hedge_after> (?<!\w) (?i: \L<nc_hedges_after> ) (?!\w) )
)
"""


@functools.cache
def named_lists() -> dict[str, list[str]]:
    """The named lists the shared subpatterns use (all prefixed ``nc_``)."""
    v = _vocab()
    # the tens denominators ("a thirtieth", "three fiftieths") are named apart and called only
    # where they are read: in every list below they would be inlined some fifty times and
    # slow the compile by a sixth (measured)
    tens = [f for f, d in v["fractions"].items() if 20 <= d <= 90]
    fracs = {f: d for f, d in v["fractions"].items() if f not in tens}
    return {
        "nc_frac_tens_single": [f for f in tens if not f.endswith("s")],
        "nc_frac_tens_plural": [f for f in tens if f.endswith("s")],
        "nc_vulgar": list(v["vulgar"]),
        "nc_scales": list(v["scales"]),
        "nc_big_scales": [k for k, x in v["scales"].items() if x >= 1000],
        "nc_abbr": v["abbr_raw"],
        "nc_abbr_decimal": v["abbr_decimal_raw"],
        "nc_ones": v["ones"],
        "nc_tens": v["tens"],
        "nc_fractions": list(fracs),
        "nc_fractions_plain": [f for f in fracs if f not in ("quarters", "halves")],
        "nc_plural_fractions": [f for f in fracs if f.endswith("s")
                                and f not in ("quarters", "seconds", "halves")],
        # "three fifths", "a hundred trillionths"; "quarters" (of a year) and "halves" (of a
        # game) are too often nouns to count as fractions after a bare count
        "nc_frac_plural": [f for f in fracs if f.endswith("s")
                           and f not in ("quarters", "halves")],
        # "a fifth", "one fourth": "quarter" ("in a quarter") stays out
        "nc_frac_single": [f for f in fracs if not f.endswith("s") and f != "quarter"],
        "nc_ordinals": list(v["ordinals"]),
        # the ordinals that end a compound denominator ("twenty-fifth", "thirty fifths");
        # "second(s)" stays out: "one thirty seconds" is a time
        "nc_ord_den": [w for w in v["ord_den"] if not w.endswith("s")],
        "nc_ord_den_plural": [w for w in v["ord_den"] if w.endswith("s")],
        "nc_hedges": list(v["hedge"]),
        "nc_hedges_after": list(v["hedge_after"]),
    }


def alternation(words: list[str]) -> str:
    """A named list spelled out as a flat alternation, longest first (so "miles" wins over
    "mile"). The regex module scans a flat alternation of literals several times faster than the
    same words as ``\\L<name>`` or as a trie of nested groups (measured)."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w, special_only=False) for w in uniq) + ")"


_NAMED_LIST = regex.compile(r"\\L<(\w+)>")
# ``(?&name)`` pastes a subpattern; ``(?&call:name)`` leaves a real subroutine call to it (see
# ``_rules``)
_CALL = regex.compile(r"\(\?&(call:)?(\w+)\)")
_COMMENT = regex.compile(r"\s#.*$", regex.MULTILINE)


@functools.cache
def _rules() -> dict[str, str]:
    """The subpatterns of the DEFINE block, by name, comments removed.

    The block is the one written grammar; ``compile`` inlines its calls rather than leaving them
    to the engine, because a pattern that starts with a subroutine call or a ``\\L<list>`` loses
    the regex module's first-character scan and runs 10-100x slower (measured: ``(?&digits)``
    1.4 M chars/s against ~150 M chars/s inlined), and even an anchored match pays for each call
    made (measured, CPU time on the same match calls: the temporal patterns with the plain
    duration's number called instead of pasted spend 76% more time matching). Pasting has its
    own cost: the regex module compiles a pattern at ~0.2 s per 40,000 characters, and ``number``
    pasted ``w_int`` five times. So a subpattern reached only after a rare prefix (``w_int`` after
    "and" in ``and_frac``; the number after "every" or "between" in the temporal rules) is
    written ``(?&call:name)``: one copy of it goes into a DEFINE block at the end of the pattern
    and the call costs only where the prefix matched (measured: no slower on the same calls).
    """
    text = _COMMENT.sub("", _DEFINE).strip()
    assert text.startswith("(?(DEFINE)") and text.endswith(")")
    rules: dict[str, str] = {}
    for chunk in regex.split(r"\n(?=  \(\?P<)", text[len("(?(DEFINE)") : -1]):
        m = regex.match(r"\s*\(\?P<(\w+)>(.*)\)\s*\Z", chunk, regex.DOTALL)
        if m:
            rules[m[1]] = m[2]
    return rules


def _expand(body: str, named: dict[str, list[str]], called: set[str], depth: int = 0) -> str:
    """``body`` with every use of a shared subpattern and every named list written out; the
    names of the subpatterns left as calls are added to ``called``."""
    if depth > 12:
        raise ValueError("grammar subpatterns nest too deeply (a cycle?)")
    rules = _rules()

    def call(m: Any) -> str:
        if m[2] not in rules:
            return str(m[0])  # the caller's own group
        if m[1]:
            called.add(m[2])
            return f"(?&{m[2]})"
        return "(?:" + _expand(rules[m[2]], named, called, depth + 1) + "\n)"

    body = _CALL.sub(call, body)
    return _NAMED_LIST.sub(lambda m: alternation(named[m[1]]), body)


def _source(body: str, named: dict[str, list[str]]) -> str:
    """The full source of ``body``: pasted subpatterns, and a DEFINE block at the end for the
    subpatterns left as calls (its groups come after all of ``body``'s, so their numbers are
    unchanged)."""
    called: set[str] = set()
    src = _expand(body, named, called)
    done: dict[str, str] = {}
    while called - done.keys():
        name = min(called - done.keys())
        done[name] = _expand(_rules()[name], named, called)
    if done:
        src += "\n(?(DEFINE)\n" + "".join(f"(?P<{n}>{done[n]}\n)\n" for n in sorted(done)) + ")"
    return src


@functools.cache
def _compile(body: str, flags: int, lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Any:
    named = {**named_lists(), **{k: list(v) for k, v in lists}}
    return regex.compile(_source(body, named), flags | regex.VERBOSE)


class _Lazy:
    """A pattern compiled on first use. ``compile`` hands these out so that a module which builds
    its patterns at import time (``checks._numeric``) costs nothing until the pattern is needed:
    compiling a pasted grammar takes ~0.1-0.3 s, and many runs (``numclaims rules``, a document
    without figures) never need some of them. The first attribute read compiles the pattern and
    keeps that attribute on the instance, so later calls cost the same as on the pattern itself."""

    def __init__(self, body: str, flags: int, key: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        self._args = (body, flags, key)

    def __getattr__(self, name: str) -> Any:  # only for names not yet kept on the instance
        value = getattr(_compile(*self._args), name)
        setattr(self, name, value)
        return value


def compile(body: str, flags: int = 0, **lists: list[str]) -> regex.Pattern[str]:
    """Compile the VERBOSE pattern ``body`` with the shared grammar in scope.

    ``body`` may call ``(?&number)``, ``(?&ordinal)``, ``(?&hedge)``, ``(?&hedge_after)`` and the
    smaller pieces (``digits``, ``numeral``, ``scale_word``, ``count_word``, ``fraction``); extra
    named lists for ``\\L<name>`` are passed as keyword arguments. Compiled patterns are cached,
    and compiled on first use (``_Lazy``).
    """
    key = tuple(sorted((k, tuple(v)) for k, v in lists.items()))
    return cast("regex.Pattern[str]", _Lazy(body, flags, key))


@functools.lru_cache(maxsize=1024)
def parse_ordinal(s: str) -> int | None:
    """The value of a text matched by ``(?&ordinal)`` ("92nd" -> 92, "twenty-first" -> 21)."""
    t = s.strip().lower()
    if t[:1].isdigit():
        digits = t.rstrip("stndrh")
        return int(digits) if digits.isdigit() else None
    v = _vocab()
    parts = regex.split(r"[\s-]+", t)
    if len(parts) == 1:
        return v["ordinals"].get(parts[0])
    if len(parts) == 2 and parts[0] in v["words"] and parts[1] in v["ordinals"]:
        return int(v["words"][parts[0]]) + v["ordinals"][parts[1]]
    return None


def finite(m: Mention) -> bool:
    """Whether every figure of ``m`` is a finite float: "1e999", "1e308 trillion" or a huge SI
    conversion overflow to inf, which no check can compare and JSON cannot carry."""
    return all(x is None or math.isfinite(x) for x in (m.value, m.low, m.high, m.si_value))


def hedge_of(s: str) -> Hedge | None:
    """The Hedge a phrase matched by ``(?&hedge)`` or ``(?&hedge_after)`` denotes, else None."""
    key = " ".join(s.lower().split())
    v = _vocab()
    kind = v["hedge"].get(key) or v["hedge_after"].get(key)
    return cast("Hedge | None", kind)


_DIGITS = regex.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def roundness(value: float, written: str) -> float:
    """The step the figure is written to: the largest power of ten dividing it as written.

    "12,000" -> 1000; "12,345" -> 1; "1.3 million" -> 100000; "2.50" -> 0.01; "two" -> 1.
    """
    if value == 0 or not math.isfinite(value):
        return 1.0
    m = _DIGITS.search(written)
    if m:
        intpart = m[1].replace(",", "")
        frac = m[2] or ""
        mant = float(f"{intpart}.{frac}" if frac else intpart)
        scale = abs(value) / mant if mant else 1.0
        exp = math.log10(scale) if scale > 0 else 0.0
        if abs(exp - round(exp)) < 1e-9:  # the figure is the numeral times a power of ten
            if frac:
                return float(10.0 ** (round(exp) - len(frac)))
            zeros = len(intpart) - len(intpart.rstrip("0"))
            if zeros == len(intpart):
                return float(10.0 ** round(exp))
            return float(10.0 ** (round(exp) + zeros))
    if float(value).is_integer():
        n, step = int(abs(value)), 1
        while n and n % (step * 10) == 0:
            step *= 10
        return float(step)
    return float(10.0 ** (math.floor(math.log10(abs(value))) - 1))


def interval(value: float, hedge: str | None, written: str) -> tuple[float | None, float | None]:
    """The (low, high) the words allow around ``value``; None on a side means unbounded.

    Widths come from ``[tolerance]`` in hedges.toml, scaled by the roundness of ``written``.
    """
    tol: dict[str, dict[str, float]] = _vocab()["tolerance"]
    value = float(value)
    mag = abs(value)
    if hedge is None:
        return value, value
    if hedge == "at_most":
        return None, value
    if hedge == "at_least":
        return value, None
    step = roundness(value, written)
    if hedge == "approx":
        t = tol.get("approx", {})
        half = t.get("steps", 1.0) * step
        if mag:
            half = min(max(half, t.get("min_rel", 0.0) * mag), t.get("max_rel", math.inf) * mag)
        return value - half, value + half
    if hedge == "nearly":
        return value - mag * tol.get("nearly", {}).get("below_rel", 0.0), value
    if hedge in ("more_than", "less_than"):
        t = tol.get(hedge, {})
        steps = t.get("steps", 0.0)
        if not steps:
            return (value, None) if hedge == "more_than" else (None, value)
        width = max(steps * step, t.get("min_rel", 0.0) * mag)
        return (value, value + width) if hedge == "more_than" else (value - width, value)
    raise ValueError(f"unknown hedge {hedge!r}")

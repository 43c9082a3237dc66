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

from ..config import load_data
from ..models import Hedge

__all__ = [
    "alternation",
    "compile",
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
      (?<![\w.]) (?: \d{1,3} (?: ,\d{3} ){1,6} (?!\d) | \d{1,20} ) (?: \.\d{1,12} )?
    | (?<![\w.]) \.\d{1,12}                               # ".5"
  )
  (?P<vulgar> \L<nc_vulgar> )                             # "½", "¾"
  # "3/4", "2 1/4": only small denominators, so that "9/11" and "10/12" stay dates
  (?P<slash> (?<![\w./]) \d{1,2} / (?: 2|3|4|5|8|16|32|64 ) (?![\w/]) )
  (?P<numeral>
      (?&slash)
    | (?&digits) (?: \u2009? (?&vulgar) | \ {1,2} (?&slash) )?
    | (?<!\w) (?&vulgar) )                     # "2½", "½"
  (?P<scale_word> (?i: \L<nc_scales> ) \b )               # "hundred", "million", "dozen"
  (?P<big_scale> (?i: \L<nc_big_scales> ) \b )            # "thousand", "million", ...
  (?P<abbr> \L<nc_abbr> (?![\w]) )                        # glued: "12k", "3.2bn"
  # a count below a hundred in words: "seven", "twenty-one", "forty five"
  (?P<count_word> (?<!\w) (?i: \L<nc_tens> (?: [\ -] \L<nc_ones> )? | \L<nc_ones> ) \b )
  (?P<w_hundreds> (?&count_word) (?: [\ -] (?i:hundred) \b (?: (?i:\ and)? [\ -] (?&count_word) )? )? )
  # "a" counts as one only right before a scale: "a million", "a dozen"
  (?P<w_head> (?&w_hundreds) | (?<!\w) (?i: an? ) (?= \ (?&scale_word) ) )
  (?P<w_int>
      (?&w_head)
      (?: [\ -] (?&scale_word) (?: (?i:,?\ and)? [\ -] (?&w_hundreds) (?! [\ -] (?i:hundred) ) )? ){0,4}
  )
  # "and a half" after a count: "one and a half", "2 and a half"
  (?P<and_frac> (?i: \ and \ (?: an? | one ) [\ -] \L<nc_fractions> ) \b )
  # fractions in words: "two-thirds", "a quarter of", "three quarters of", "half" (before a scale)
  (?P<fraction>
      (?<!\w) (?i: (?: \L<nc_ones> | an? ) - \L<nc_fractions> ) \b
    | (?<!\w) (?i: (?: \L<nc_ones> | an? ) \ \L<nc_fractions> ) \b (?= (?i:\ of\ ) )
    | (?<!\w) (?i: (?: \L<nc_ones> | an? ) \ \L<nc_fractions> ) \b (?= \ (?&big_scale) )   # "a quarter million"
    | (?<!\w) (?i: \L<nc_ones> \ {1,3} \L<nc_plural_fractions> ) \b              # "two thirds", "five eighths"
    | (?<!\w) (?i: one \ {1,3} \L<nc_fractions> ) \b (?! [\ -] (?i: time | place | round ) )  # "one eighth"
    | (?<!\w) (?i: half | quarter ) (?= (?i: \ of )? (?i:\ an?\ ) (?&scale_word) )   # "half a million"
  )
  (?P<number>
      (?&fraction) (?: (?i: \ of)? (?i: \ an?)? \ (?&scale_word) )?      # "a quarter of a million"
    | (?&numeral) (?&and_frac)? (?: [\ \u00a0-]? (?&scale_word) | (?&abbr) )?   # "1.3 million", "12k"
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
def _vocab() -> dict[str, Any]:
    """numbers.toml and hedges.toml, flattened into lookups keyed by lower-case words."""
    nums = load_data("numbers")
    hedges = load_data("hedges")
    words: dict[str, float] = {}
    for table in ("ones", "tens"):
        words.update({k: float(v) for k, v in nums[table].items()})
    phrase_kind: dict[str, str] = {}
    for kind, phrases in hedges["phrases"].items():
        phrase_kind.update({p: kind for p in phrases})
    after_kind: dict[str, str] = {}
    for kind, phrases in hedges.get("postfix", {}).items():
        after_kind.update({p: kind for p in phrases})
    scales = {k: float(v) for k, v in nums["scales"].items()}
    return {
        "words": words,
        "scales": scales,
        "abbr": {k.lower(): float(v) for k, v in nums["abbreviations"].items()},
        "abbr_raw": list(nums["abbreviations"]),
        "fractions": {k: float(v) for k, v in nums["fractions"].items()},
        "vulgar": {k: float(v) for k, v in nums["vulgar"].items()},
        "ordinals": {k: int(v) for k, v in nums["ordinals"].items()},
        "ones": list(nums["ones"]),
        "tens": list(nums["tens"]),
        "hedge": phrase_kind,
        "hedge_after": after_kind,
        "tolerance": hedges.get("tolerance", {}),
    }


@functools.cache
def named_lists() -> dict[str, list[str]]:
    """The named lists the shared subpatterns use (all prefixed ``nc_``)."""
    v = _vocab()
    return {
        "nc_vulgar": list(v["vulgar"]),
        "nc_scales": list(v["scales"]),
        "nc_big_scales": [k for k, x in v["scales"].items() if x >= 1000],
        "nc_abbr": v["abbr_raw"],
        "nc_ones": v["ones"],
        "nc_tens": v["tens"],
        "nc_fractions": list(v["fractions"]),
        "nc_plural_fractions": [f for f in v["fractions"] if f.endswith("s")
                                and f not in ("quarters", "seconds", "halves")],
        "nc_ordinals": list(v["ordinals"]),
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
_CALL = regex.compile(r"\(\?&(\w+)\)")
_COMMENT = regex.compile(r"\s#.*$", regex.MULTILINE)


@functools.cache
def _rules() -> dict[str, str]:
    """The subpatterns of the DEFINE block, by name, comments removed.

    The block is the one written grammar; ``compile`` inlines its calls rather than leaving them
    to the engine, because a pattern that starts with a subroutine call or a ``\\L<list>`` loses
    the regex module's first-character scan and runs 10-100x slower (measured: ``(?&digits)``
    1.4 M chars/s against ~150 M chars/s inlined).
    """
    text = _COMMENT.sub("", _DEFINE).strip()
    assert text.startswith("(?(DEFINE)") and text.endswith(")")
    rules: dict[str, str] = {}
    for chunk in regex.split(r"\n(?=  \(\?P<)", text[len("(?(DEFINE)") : -1]):
        m = regex.match(r"\s*\(\?P<(\w+)>(.*)\)\s*\Z", chunk, regex.DOTALL)
        if m:
            rules[m[1]] = m[2]
    return rules


def _expand(body: str, named: dict[str, list[str]], depth: int = 0) -> str:
    """``body`` with every call of a shared subpattern and every named list written out."""
    if depth > 12:
        raise ValueError("grammar subpatterns nest too deeply (a cycle?)")
    rules = _rules()

    def call(m: Any) -> str:
        if m[1] not in rules:
            return str(m[0])  # the caller's own group
        return "(?:" + _expand(rules[m[1]], named, depth + 1) + "\n)"

    body = _CALL.sub(call, body)
    return _NAMED_LIST.sub(lambda m: alternation(named[m[1]]), body)


@functools.cache
def _compile(body: str, flags: int, lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Any:
    named = {**named_lists(), **{k: list(v) for k, v in lists}}
    return regex.compile(_expand(body, named), flags | regex.VERBOSE)


def compile(body: str, flags: int = 0, **lists: list[str]) -> regex.Pattern[str]:
    """Compile the VERBOSE pattern ``body`` with the shared grammar in scope.

    ``body`` may call ``(?&number)``, ``(?&ordinal)``, ``(?&hedge)``, ``(?&hedge_after)`` and the
    smaller pieces (``digits``, ``numeral``, ``scale_word``, ``count_word``, ``fraction``); extra
    named lists for ``\\L<name>`` are passed as keyword arguments. Compiled patterns are cached.
    """
    key = tuple(sorted((k, tuple(v)) for k, v in lists.items()))
    return cast("regex.Pattern[str]", _compile(body, flags, key))


# Tokens of a matched number: a numeral, a vulgar fraction, or a word. Hyphens and commas between
# words are separators; commas inside numerals are thousands separators.
_TOKEN = regex.compile(r"\d{1,2}/\d{1,2}(?!\d)|\d[\d,]*(?:\.\d+)?|\.\d+|[\p{No}]|[^\W\d_]+\.?")


@functools.lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """The value of a text matched by ``(?&number)`` ("1.3 million" -> 1300000.0), else None."""
    v = _vocab()
    total = 0.0  # completed groups above the last big scale
    cur = 0.0  # the group being built ("two hundred" before "thousand")
    seg = 0.0  # the part of ``cur`` since the last "and": the numerator of a following fraction
    last_scale = 0.0
    seen = False
    skip_article = False  # "half a million": the article after a fraction is not "one"
    for tok in _TOKEN.findall(s):
        low = tok.lower()
        if "/" in tok:
            a, b = tok.split("/")
            num = int(a) / int(b)
            cur += num
            seg += num
        elif tok[0].isdigit() or tok[0] == ".":
            num = float(tok.replace(",", ""))
            cur += num
            seg += num
        elif low in v["vulgar"] or tok in v["vulgar"]:
            cur += v["vulgar"][tok]
            seg += v["vulgar"][tok]
        elif low in v["words"]:
            cur += v["words"][low]
            seg += v["words"][low]
        elif low in ("a", "an"):
            if not skip_article:
                cur += 1.0
                seg += 1.0
        elif low in ("and", "of"):
            seg = 0.0 if low == "and" else seg
            continue
        elif low in v["fractions"]:
            num = seg or 1.0
            if cur - seg == 0.0 and total and last_scale and seg:  # "a million and a half"
                total += last_scale * num / v["fractions"][low]
                cur = 0.0
            else:
                cur = cur - seg + num / v["fractions"][low]
            seg = 0.0
            skip_article = True
            seen = True
            continue
        elif low in v["scales"] or low in v["abbr"] and low == tok.lower():
            scale = v["scales"].get(low) or v["abbr"][low]
            if scale < 1000:  # "hundred", "dozen" multiply the group being built
                cur = (cur or 1.0) * scale
            else:
                total += (cur or 1.0) * scale
                cur = 0.0
                last_scale = scale
            seg = 0.0
        else:
            return None
        seen = True
        skip_article = False
    return total + cur if seen else None


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

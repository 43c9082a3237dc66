"""The value of a number as written: ``parse_number`` ("1.3 million" -> 1300000.0) and the
vocabulary tables it reads (``vocab``, from ``numclaims/data/numbers.toml`` and ``hedges.toml``).

Not here: the patterns that find numbers (``grammar``); ``grammar`` re-exports ``parse_number``,
which is its public home.

A number is read in parts split on "and": each part is a whole number ("one hundred", "3 million")
or a fraction ("two thirds", "a half", "a half million"); parts add up, except that a fraction
after a part ending in a big scale is a fraction of that scale ("3 million and a half") and a
fraction followed by a scale takes the parts before it along ("two and a half million").
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from ..config import load_data


@functools.cache
def vocab() -> dict[str, Any]:
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
    # ordinals 1-9 (not "second") as the last word of a compound denominator: "twenty-fifth(s)"
    ord_den = {w + s: n for w, n in nums["ordinals"].items() if 0 < n < 10 and w != "second"
               for s in ("", "s")}
    return {
        "words": words,
        "scales": scales,
        "abbr": {k.lower(): float(v) for k, v in (nums["abbreviations"]
                                                  | nums["abbreviations_decimal"]).items()},
        "abbr_raw": list(nums["abbreviations"]),
        "abbr_decimal_raw": list(nums["abbreviations_decimal"]),
        "fractions": {k: float(v) for k, v in nums["fractions"].items()},
        "vulgar": {k: float(v) for k, v in nums["vulgar"].items()},
        "ordinals": {k: int(v) for k, v in nums["ordinals"].items()},
        "ord_den": ord_den,
        "ones": list(nums["ones"]),
        "tens": list(nums["tens"]),
        "hedge": phrase_kind,
        "hedge_after": after_kind,
        "tolerance": hedges.get("tolerance", {}),
    }



# Tokens of a matched number: a numeral, a vulgar fraction, or a word. Hyphens and commas between
# words are separators; commas inside numerals are thousands separators.
_TOKEN = regex.compile(
    r"\d{1,2}/\d{1,3}(?!\d)|\d(?:[\d,]|[\u202f\u2009\u00a0](?=\d)|\ (?=\d{3}(?!\d)))*(?:\.\d+)?|\.\d+|[\p{No}]|[^\W\d_]+\.?"
)
_POW = regex.compile(r"(\d[\d,]*(?:\.\d+)?)\^([+\-]{0,2})(\d{1,3})\Z")
_ZERO = ("nought", "naught")  # read only around "point": "all for naught" is no figure
_SCI = regex.compile(
    r"(\d[\d,]*(?:\.\d+)?|\.\d+) ?(?:[eE]|[x\u00d7] ?10\^?)([+\-\u2212]?)(\d{1,3})\Z"
)
# What may part the thousands of a numeral: "1,234", "1 234", "1\u202f234", "1\u00a0234".
_GROUP_SEPARATORS = str.maketrans("", "", ", \u202f\u2009\u00a0")


# "one one hundred fifth", "one a hundred and twenty-fifth" (grammar ``w_frac``): 1 over a
# denominator above a hundred, which the and-split reading below would take for 200 fifths
_ONE_OVER_HUNDREDS = regex.compile(r"(?i)one (?:one|a) hundred (?:and )?(?:(\w+)[ -])?(\w+)\Z")
_TIMES_POW = regex.compile(r"(\d[\d,]*(?:\.\d+)?) ?[x\u00d7] ?([2-9])\^([+\-\u2212]?)(\d{1,3})\Z")


class _Part:
    """One "and"-separated part: its value, whether it is a fraction, the scale written after a
    fraction ("a half million": 1e6) and whether it ends with a big scale ("one billion")."""

    __slots__ = ("den", "ends_big", "first_big", "fraction", "trailing", "value")

    def __init__(self, value: float, fraction: bool, trailing: float, ends_big: float,
                 first_big: float = 0.0, den: float = 0.0) -> None:
        self.value, self.fraction, self.trailing, self.ends_big = value, fraction, trailing, ends_big
        self.first_big = first_big  # the first big scale of a whole-number part
        self.den = den  # the denominator of a fraction part


def _part(tokens: list[str], v: dict[str, Any]) -> _Part | None:
    total = 0.0  # completed groups above the last big scale
    cur = 0.0  # the group being built ("two hundred" before "thousand")
    last_scale = 0.0
    frac: float | None = None  # the fraction's value once its word is read
    dec: list[int] | None = None  # the words after "point", once it is read
    trailing = 0.0
    ends_big = first_big = 0.0
    den = 0.0
    tens = prev_tens = 0.0  # a tens word just read: "thirty" of "one hundred thirty fifths"
    for tok in tokens:
        low = tok.lower()
        ends_big = 0.0
        prev_tens, tens = tens, 0.0
        if frac is not None:  # after the fraction word: "of", "a", then at most one scale
            if low in ("a", "an", "of"):
                continue
            scale = v["scales"].get(low)
            if scale is None or trailing:
                return None
            trailing = scale
            continue
        if "/" in tok:
            a, b = tok.split("/")
            cur += int(a) / int(b)
        elif dec is not None and (low in v["words"] or low in _ZERO):  # "five point | zero three"
            dec.append(int(v["words"].get(low, 0)))
        elif low in _ZERO:
            continue
        elif tok[0].isdigit() or tok[0] == ".":
            cur += float(tok.translate(_GROUP_SEPARATORS))
        elif low in v["vulgar"] or tok in v["vulgar"]:
            cur += v["vulgar"].get(tok, v["vulgar"].get(low, 0.0))
        elif low in v["words"]:
            cur += v["words"][low]
            if v["words"][low] >= 20:
                tens = v["words"][low]
        elif prev_tens and low in v["ord_den"] and frac is None and total + cur > prev_tens:
            den = prev_tens + v["ord_den"][low]  # "one hundred thirty fifths" = 100/35
            frac = (total + cur - prev_tens) / den
        elif low in ("a", "an"):
            cur += 1.0
        elif low == "of":
            continue
        elif low == "point" and dec is None:
            dec = []
        elif low in v["fractions"]:
            num = total + cur
            den = v["fractions"][low]
            frac = (num or 1.0) / den
        elif low in v["scales"] or low in v["abbr"]:
            scale = v["scales"].get(low) or v["abbr"][low]
            if dec:  # "one point five million"
                cur += _decimals(dec)
                dec = None
            if scale < 1000:  # "hundred", "dozen" multiply the group being built
                cur = (cur or 1.0) * scale
            elif not cur and total and scale > last_scale:  # "thousand million", "lakh crore"
                total *= scale
                last_scale = scale
                ends_big = scale
            else:
                total += (cur or 1.0) * scale
                cur = 0.0
                last_scale = ends_big = scale
                first_big = first_big or scale
        else:
            return None
    if frac is not None:
        return _Part(frac, True, trailing, 0.0, den=den)
    if not tokens or dec == []:
        return None
    if dec:
        cur += _decimals(dec)
    return _Part(total + cur, False, 0.0, ends_big, first_big)


def _decimals(words: list[int]) -> float:
    """The fraction written after "point": [0, 3] -> 0.03, [70, 1] -> 0.71, [11] -> 0.11."""
    digits = ""
    i = 0
    while i < len(words):
        w = words[i]
        if w >= 20 and w % 10 == 0 and i + 1 < len(words) and 0 < words[i + 1] < 10:
            w += words[i + 1]  # "seventy-one" is 71, not "70" then "1"
            i += 1
        digits += str(w)
        i += 1
    return float("0." + digits)


@functools.lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """The value of a text matched by ``(?&number)`` ("1.3 million" -> 1300000.0), else None."""
    pw = _POW.match(s)
    if pw:  # "2.5^-1": the base to the power, one sign per minus ("1.1^--23" is 1.1^23)
        exp = int(pw[3]) * (-1) ** pw[2].count("-")
        return float(pw[1].replace(",", "")) ** exp
    tp = _TIMES_POW.match(s)
    if tp:  # "8x2^10" = 8 * 2 ** 10
        exp = int(tp[4]) * (-1 if tp[3] in ("-", "\u2212") else 1)
        return float(tp[1].replace(",", "")) * float(tp[2]) ** exp
    sci = _SCI.match(s)
    if sci:
        sign = "-" if sci[2] in ("-", "\u2212") else ""
        return float(f"{sci[1].replace(',', '')}e{sign}{sci[3]}")
    v = vocab()
    oh = _ONE_OVER_HUNDREDS.match(s)
    if oh:  # "one one hundred and twenty-fifth": 1 / 125
        return 1.0 / (100.0 + v["words"].get((oh[1] or "").lower(), 0.0) + v["ord_den"][oh[2].lower()])
    parts: list[list[str]] = [[]]
    for tok in _TOKEN.findall(s):
        if tok.lower() == "and":
            parts.append([])
        else:
            parts[-1].append(tok)
    total = 0.0
    prev_big = 0.0  # the big scale the previous part ended with ("3 million" and a half)
    prev_hundred = False  # the previous part ended with "hundred"
    for tokens in parts:
        p = _part(tokens, v)
        if p is None:
            return None
        if p.fraction and p.value >= 1 and prev_hundred and p.den and not p.trailing:
            total = (total + p.value * p.den) / p.den  # "one hundred and thirty fifths": 130/5
            prev_big = 0.0
            continue
        prev_hundred = bool(tokens) and tokens[-1].lower() == "hundred"
        if not p.fraction:
            if 0 < total < p.first_big:  # "two hundred and two thousand" = 202,000
                total *= p.first_big
            total += p.value
        elif p.trailing:
            if total > p.trailing:  # "one billion and a half million"
                total += p.value * p.trailing
            else:  # "two and a half million", "half a dozen"
                total = (total + p.value) * p.trailing
        elif prev_big:  # "3 million and a half"
            total += p.value * prev_big
        else:  # "one and a half", "twenty and three fifths"
            total += p.value
        prev_big = p.ends_big
    return total

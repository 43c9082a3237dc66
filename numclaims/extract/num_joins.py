"""Readings that join figures the scan reads apart: a share written as two counts ("one over
three", "1 in 20", "one out of three"), a percent written before its figure ("per cent of 210"),
and "plus" between two figures, which adds them rather than hedging the first ("0.03 plus 0.08").

Lives here: ``join`` (run once over the mentions of ``numbers.scan``, per mention, no regex over
the text) and ``adds`` (the "plus" test). Not here: the figures themselves (``numbers``).

Every join is narrow on purpose, because the same words have commoner meanings in news:
  - the numerator is one ("one", "1", "negative one"): "10 over 65" means ten people aged over
    65, "2 in 3" is often a score or a count of two things in three places; a larger numerator
    below the denominator only before "in" or "out of" and a restatement right after the
    denominator ("6 in 10, or 60%", "9 out of 10 (90%)");
  - nothing noun-like follows the denominator (the clause ends there, or a bracket opens after
    "in": "one in five (20%)"): "one over 18 tickets", "one in five adults" stay two counts,
    which the measure linker pairs with their nouns;
  - before "one over": none of the words of ``[joins] before_not`` (numbers.toml): "two under
    18 and one over 18", "chose one over three", "only one over 65" are a count and a hedge;
    before "one in", no determiner ("the one in five") and no "and";
  - a year is no denominator: "opened one in 2023".
"""

from __future__ import annotations

import functools
import re

from ..config import load_data
from ..models import Mention
from .num_values import vocab

_CLAUSE_END = frozenset(".,;:!?)]\n\r")
# the words between the two counts of a share, in lower case
_SHARE_GAPS = frozenset((" in ", " out of "))
_PERCENT_OF = ("percent of ", "percents of ", "per cent of ", "per cents of ")


@functools.cache
def _before_not() -> frozenset[str]:
    nums = load_data("numbers")
    words = set(nums["joins"]["before_not"]) | set(nums["identifiers"]["determiners"])
    return frozenset(w.lower() for w in words)


@functools.cache
def _determiners() -> frozenset[str]:
    words = load_data("numbers")["identifiers"]["determiners"]
    return frozenset(w.lower() for w in words) - {"only"} | {"and"}


@functools.cache
def _number_word() -> re.Pattern[str]:
    v = vocab()
    words = sorted({*v["ones"], *v["tens"], "nought", "naught"}, key=len, reverse=True)
    return re.compile(r" (?:\d|\.\d|(?i:" + "|".join(words) + r")\b)")


_SHARE_RULES = frozenset(f"<number> {w} <number>" for w in ("over", "in", "out of"))


def is_share(m: Mention) -> bool:
    """Whether ``m`` is a share read by ``join`` ("one in five" = 0.2): a ratio, not a count, so
    no part or whole of a percentage ("one in five, or 20%, of the 1,000 staff")."""
    return m.rule in _SHARE_RULES


def adds(text: str, end: int) -> bool:
    """Whether the "plus" that ends at ``end`` adds something: a figure ("0.03 plus 0.08") or a
    charge ("£50 plus VAT", numbers.toml [joins] plus_adds); "aged 50 plus" and "50 plus." are
    at least 50."""
    if _number_word().match(text, end) is not None:
        return True
    word = text[end + 1:end + 14].split(None, 1)
    return text[end:end + 1] == " " and bool(word) and word[0].lower().rstrip(".,;") in _plus_adds()


@functools.cache
def _plus_adds() -> frozenset[str]:
    return frozenset(load_data("numbers")["joins"]["plus_adds"])


def _clause_ends(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in _CLAUSE_END


def _word_before(text: str, start: int) -> str:
    head = text[max(0, start - 24):start].split()
    return head[-1].lower().strip("\"'(\u201c\u2018") if head else ""


def _one(m: Mention) -> bool:
    """A count of one (or minus one), plain or hedged ("about one in five"): the only numerator a
    share is read with."""
    if m.kind != "number" or m.value not in (1.0, -1.0):
        return False
    word = m.text.lower().rsplit(" ", 1)[-1].lstrip("-\u2212")
    return word in ("one", "1") and (m.hedge is not None or m.low == m.high == m.value)


def _restated_numerator(text: str, a: Mention, b: Mention) -> bool:
    """A whole count from 2 up to below the denominator ("6 in 10") whose share is restated in
    figures right after it (", or 60%", " (60%)", ", or about 300"): a share even with a
    numerator other than one."""
    v, d = a.value, b.value
    if a.kind != "number" or v is None or d is None or v != int(v) or not 2 <= v < min(d, 100):
        return False
    if not a.text.rsplit(" ", 1)[-1].replace("-", "").isalnum():
        return False  # "two-thirds in 10": a fraction is no numerator
    rest = text[b.end:b.end + 30]
    if rest.startswith(" ("):
        return rest[2:3].isdigit()  # "(60%)", not "(a record)"
    words = rest[5:].split(" ", 2) if rest.startswith(", or ") else []
    if words and words[0].lower() in _RESTATE_HEDGES:
        words = words[1:]
    return bool(words) and words[0][:1].isdigit()


_RESTATE_HEDGES = frozenset(("about", "roughly", "nearly", "almost", "some", "around", "just"))


def _denominator(m: Mention, text: str, word: str) -> float | None:
    """The whole number of a mention that may end a share, else None (a year, a fraction, a
    figure with a unit or a hedge other than the "over" that is read as the share's word)."""
    v = m.value
    if m.kind != "number" or v is None or v < 2 or v != int(v) or v >= 1e12:
        return None
    digits = m.text.rsplit(" ", 1)[-1]
    if len(digits) == 4 and digits.isdigit() and 1000 <= v <= 2100:
        return None  # "one in 2023": a year
    if _clause_ends(text, m.end) or (word != "over" and text.startswith(" (", m.end)):
        return v  # "one in five (20%)": its restatement
    return None


def _share(text: str, a: Mention, b: Mention) -> Mention | None:
    gap = text[a.end:b.start]
    if gap == " " and b.hedge == "more_than" and b.text[:5].lower() == "over ":
        word = "over"
    elif gap.lower() in _SHARE_GAPS and b.hedge is None:
        word = gap.strip().lower()
    else:
        return None
    if not _one(a) and not (word != "over" and _restated_numerator(text, a, b)):
        return None
    before = _word_before(text, a.start)
    # "and one over 18" is a count and an age; "20%, or one in five" a share ("only one in five"
    # too): before "in" and "out of" only a determiner makes "one" a pronoun ("the one in 2019"),
    # and "and" the last item of a list ("11 adults and one in five": a sum, never of a share)
    if before in _before_not() and (word == "over" or before in _determiners()):
        return None
    den = _denominator(b, text, word)
    if den is None or a.value is None:
        return None
    value = a.value / den
    low = None if a.low is None else a.low / den  # "about one in five": the numerator's band
    high = None if a.high is None else a.high / den
    return Mention(kind="number", start=a.start, end=b.end, text=text[a.start:b.end], value=value,
                   low=low, high=high, hedge=a.hedge, unit=None, timex=None, anchor=None,
                   rule=f"<number> {word} <number>")


def _percent_of(text: str, b: Mention) -> Mention | None:
    """ "per cent of 210" as a clause of its own: 210 percent. Only at the start of the text or of
    a clause, so that "what percent of 10" and "the percent of 10 voters" are no percents."""
    if b.kind != "number" or b.hedge is not None or b.value is None or not _clause_ends(text, b.end):
        return None
    head = text[max(0, b.start - 14):b.start].lower()
    word = next((w for w in _PERCENT_OF if head.endswith(w)), None)
    if word is None:
        return None
    start = b.start - len(word)
    before = text[:start].rstrip()
    if before and before[-1] not in ".:;(\n":
        return None
    return Mention(kind="percent", start=start, end=b.end, text=text[start:b.end], value=b.value,
                   low=b.low, high=b.high, unit="percent", timex=None, anchor=None,
                   rule="<percent> <number>")


def join(text: str, out: list[Mention]) -> list[Mention]:
    """``out`` with each share and each leading percent read as one mention (see the module
    docstring); per mention, a few string tests."""
    res: list[Mention] = []
    for b in out:
        if b.kind != "number":
            res.append(b)
            continue
        a = res[-1] if res else None
        if a is not None and a.value is not None and -2 < a.value < 100 and b.start - a.end <= 8 and (
                joined := _share(text, a, b)) is not None:
            res[-1] = joined
            continue
        if b.start >= 11 and text[b.start - 3:b.start] == "of " and (
                p := _percent_of(text, b)) is not None:
            res.append(p)
            continue
        res.append(b)
    return res

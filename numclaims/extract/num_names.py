"""Figures that name or number something rather than count it: "Route 66", "F-16", "737 MAX 9",
"iPhone 15", "10 Downing Street", "BBC One", "7-Eleven", "zero-sum", the "1." of a list item.

Lives here: ``glued_to_identifier`` (the one test the number extractor asks of every figure
before it emits it) and the name rules it calls, all plain string work on short slices around
the figure; their word lists are data (numbers.toml [identifiers]). Not here: identifiers the
scanning pattern consumes itself (phone numbers, ISBNs, dotted chains: ``num_patterns``), the
identifier cues before a figure ("Route", "Flight": ``num_patterns.cued``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..config import load_data
from . import num_patterns

_HYPHENS = "-\u2010\u2011"
_OPENER_CHARS = "(\"'\u201c\u2018["


def glued_to_identifier(text: str, start: int, end: int) -> bool:
    """True when the figure at [start, end) is part of a code: letters or digits touch it
    ("F16", "M-109", "COVID-19", "3D", "1990s"), or an identifier cue precedes it ("Route 66")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after.isalnum() or after == "_":
        return True
    if after in ".)" and list_mark(text, start, end):
        return True
    if after in _HYPHENS and hyphened_name(text, end):
        return True  # "zero-sum", "one-off", "7-Eleven"
    if after in "-/.:+" and end + 1 < len(text) and text[end + 1].isdigit():
        return True  # 10:30, 9/11, 3.2.1, 4+1: times, dates, versions, names are not figures
    if before in "%=&?^":
        return True  # the query of a web address: "?q=30%25%2020%"
    if before.isalnum() or before == "_":
        return True
    if before in _HYPHENS and start > 1 and text[start - 2].isalpha():
        return True
    if before in "-/.:+" and start > 1 and text[start - 2].isdigit():
        return True
    if before == "/" and start > 1 and text[start - 2].isalpha():
        return True  # "4.7 l/100km": the 100 km a fuel use is counted over, no distance
    if num_patterns.cued(text, start):
        return True
    word = text[start:end]
    if word.isalpha():
        return word[0].isupper() and named_word(text, start, end)
    return word.isdigit() and named(text, start, end)


@functools.cache
def _names() -> tuple[tuple[str, ...], frozenset[str], Any]:
    t = load_data("numbers")["identifiers"]
    streets = "|".join(re.escape(w) for w in t["streets"])
    address = re.compile(rf" (?:[A-Z][a-z]{{1,20}} ){{1,2}}(?:{streets})\b")
    return tuple(t["name_prefixes"]), frozenset(t["caps_not"]), address


def _counted_after(text: str, start: int, end: int) -> bool:
    """A year, a plural noun or a hyphened word after the number makes it a count or a date, not
    part of a name: "NATO 32 allies", "OPEC 12 members", "UEFA 2024 qualifiers", "MLB 162-game"."""
    if end - start == 4 and text[start:start + 2] in ("19", "20"):
        return True
    if text[end:end + 1] in _HYPHENS and text[end + 1:end + 2].islower():
        return True  # "the MLB 162-game season"
    w = text[end + 1:end + 20].split(None, 1) if text[end:end + 1] == " " else []
    word = w[0].rstrip(".,;:!?") if w else ""
    return word.isalpha() and word.islower() and word.endswith("s") and not word.endswith(
        ("ss", "us", "is"))


def _chain(text: str, space: int) -> bool:
    """Whether the word before the name word ends in a digit: "737 MAX 9 jets" is a model."""
    return space > 0 and text[space - 1].isdigit()


_YEAR_OPENERS = frozenset(("in", "since", "by", "of", "until", "before", "after", "from", "to"))


def named(text: str, start: int, end: int) -> bool:
    """True when the bare whole number at [start, end) is part of a name: after a word written
    with a capital inside it or in capitals ("iPhone 15 launch", "BA 117 landed"), unless a
    plural noun follows ("NATO 32 allies", "iPhone 15 units": counts) where the word follows no
    number ("Boeing 737 MAX 9 jets" is a model), or before the words of an address ("10 Downing
    Street"). Plain string work on short slices."""
    prefixes, caps_not, address = _names()
    if start > 2 and text[start - 1] == " ":
        i = text.rfind(" ", max(0, start - 22), start - 1)
        word = text[i + 1:start - 1].lstrip(_OPENER_CHARS)
        # most words before a number are lower case or merely capitalised ("the", "In"): one
        # cheap test turns them away before the word is looked at closely
        if len(word) > 1 and not word[1:].islower() and word.isalpha() and (
                _chain(text, i) or not _counted_after(text, start, end)):
            if word.isupper():
                if len(word) <= 5 and word not in caps_not:
                    return True  # "MAX 9", "BA 117", "NHS 111"
            elif word[0].islower():
                return True  # "iPhone 15", "eBay 2"
            else:
                inner = next((k for k in range(2, len(word))
                              if word[k].isupper() and word[k - 1].islower()), 0)
                if inner and not word[:inner] in prefixes:
                    return True  # "PlayStation 5", not "McIlroy 68"
    if end < len(text) - 3 and text[end] == " " and text[end + 1].isupper():
        if address.match(text, end) is None:
            return False
        prev = text[max(0, start - 8):start].split()
        return not (end - start == 4 and prev and prev[-1].lower() in _YEAR_OPENERS)
    return False





def list_mark(text: str, start: int, end: int) -> bool:
    """True when the figure at [start, end), followed by "." or ")", opens a line and a space
    follows: the number of an item in a list ("1. Cut costs", "2) Hire staff"), not a count."""
    if text[end + 1:end + 2] != " " or end - start > 3:
        return False
    window = text[max(0, start - 8):start]
    head = window.rstrip(" \t")  # at most a short indent before it
    return head.endswith(("\n", "\r")) or (not head and start <= 8)


@functools.cache
def _idioms() -> frozenset[str]:
    return frozenset(load_data("numbers")["identifiers"]["idioms"])


def hyphened_name(text: str, end: int) -> bool:
    """True when a hyphen after the figure ending at ``end`` joins it to a set phrase ("zero-sum",
    "one-off") or to a capitalised word or a lone capital that makes a name ("7-Eleven", "3-D"),
    numbers.toml [identifiers] idioms."""
    if text[end:end + 1] not in _HYPHENS or end + 1 >= len(text):
        return False
    nxt = text[end + 2:end + 3]
    if text[end + 1].isupper() and not nxt.isupper() and not nxt.isdigit():
        return True  # "7-Eleven", "3-D"; not "3-DVD" nor "F-16"
    word = text[end + 1:end + 16].split(None, 1)
    return bool(word) and word[0].rstrip(".,;:!?'\u2019").lower() in _idioms()





def named_word(text: str, start: int, end: int) -> bool:
    """True when a capitalised number word inside a sentence follows a capitalised word and no
    capitalised word follows it: a name ("BBC One audience", "Air Force One landed", "the
    Fantastic Four,"). A title-case headline keeps its counts ("Police Arrest Two Men")."""
    w = text[max(0, start - 21):start].rsplit(None, 1)[-1:] if text[start - 1:start] == " " else []
    if not w or not w[0][0].isupper() or not w[0].isalpha():
        return False
    nxt = text[end + 1:end + 2] if text[end:end + 1] == " " else ""
    return not nxt.isupper() and not nxt.isdigit()

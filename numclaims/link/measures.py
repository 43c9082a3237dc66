"""What each figure counts or measures: the noun it quantifies, its modifiers and whose it is.

Lives here: ``measures(ctx)`` — computed once per document through ``ctx.shared`` — which gives every
count-like mention (numbers, quantities, money, percents) a ``Measure``: the lemma of the noun it
quantifies ("12,000 combat troops" -> ``troop`` with qualifier ``combat``), the phrase saying whose
or where it is ("250 square miles of the Kursk region" -> ``kursk region``; "an army of 1.3 million
soldiers" -> owner ``army``), and whether the figure is a name rather than a count ("810 Naval Infantry
Brigade", "M-109", "Route 66", "the 2024 budget"). Measures are grouped by key in a dict, so finding
the namesakes of a figure costs nothing per pair. Sentences come from ``numclaims.segment``.

Not here: any judgement about the values (``numclaims.checks``), events and dates
(``numclaims.link.events``), units (``numclaims.units``). The word lists live in
``numclaims/data/numeric_checks.toml`` ``[measures]``.

How: a few compiled patterns tokenize a bounded window (``_AFTER`` characters after, ``_BEFORE``
before) around each mention; Python work is per mention, on at most a dozen tokens.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import regex

from ..config import load_data
from ..models import Mention

__all__ = ["Measure", "Measures", "lemma", "measures", "stem"]

_AFTER = 90  # characters read after a figure: the noun phrase and its "of ..." complement
_BEFORE = 60  # characters read before: "an army of", "Route", "North Korea's army of"
_KINDS = ("number", "quantity", "money", "percent")

# Tokens: an initialism ("U.S."), a word (with inner hyphens/apostrophes), a numeral, or one
# punctuation character. Every alternative starts on a distinct class: no backtracking blow-up.
_TOK = regex.compile(
    r"""
      (?:\p{Lu}\.){2,}                         # U.S., U.K.
    | [^\W\d_][\w'’]{0,40}(?:-[\w'’]{1,40}){0,4}   # words: troops, North, 12,000-strong's tail
    | \d[\d,.]{0,30}[^\W_]{0,10}                # numerals (end a noun phrase)
    | [^\w\s]                                   # punctuation
    """,
    regex.VERBOSE,
)
_YEAR = regex.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class Measure:
    """What one figure counts: see the module docstring."""

    mention: Mention
    head: str | None  # lemma of the quantified noun: "troop", "container", "injured"
    qualifiers: tuple[str, ...] = ()  # words between figure and head: ("combat",), ("north", "korean")
    of: tuple[str, ...] = ()  # the "of/from/in ..." phrase after the head: ("kursk", "region")
    owner: tuple[str, ...] = ()  # "North Korea's army of N" -> ("north", "korea", "army")
    identifier: bool = False  # a name, not a count: "810 Naval Infantry Brigade", "Route 66"
    sentence: int = 0  # index of the sentence holding the figure
    np_end: int = 0  # offset where the noun phrase (with its complement) ends

    @property
    def key(self) -> tuple[str, str, str] | None:
        """Figures with equal keys count the same kind of thing (kind, unit, head); None: unknown."""
        m = self.mention
        if self.identifier:
            return None
        if m.kind == "quantity":
            return ("quantity", m.si_unit or m.unit or "", self.head or "")
        if self.head is None:
            return None
        unit = m.unit or "" if m.kind == "money" else ""
        return (m.kind, unit, self.head)

    @functools.cached_property
    def descriptors(self) -> frozenset[str]:
        """Stems of every word that says which ones: qualifiers, complement, owner."""
        return frozenset(stem(w) for w in (*self.qualifiers, *self.of, *self.owner))


@dataclass
class Measures:
    """The measures of one document: per mention, and grouped by key."""

    items: list[Measure] = field(default_factory=list)
    by_start: dict[int, Measure] = field(default_factory=dict)
    groups: dict[tuple[str, str, str], list[Measure]] = field(default_factory=dict)

    def get(self, m: Mention) -> Measure | None:
        return self.by_start.get(m.start)


def measures(ctx: Any) -> Measures:
    """The document's measures, built once per document (``ctx.shared``)."""
    return ctx.shared("measures", _build)  # type: ignore[no-any-return]


@functools.cache
def _words() -> dict[str, Any]:
    table = load_data("numeric_checks")["measures"]
    hedges = load_data("hedges")
    hedge_words = {w for ph in hedges["phrases"].values() for p in ph for w in p.split()}
    months = {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday"}
    stop = set(table["stop"])
    return {
        "stop": stop,
        "plural": set(table["plural_nouns"]),
        "singular": dict(table["singular"]),
        "id_heads": set(table["identifier_heads"]),
        "det": set(table["determiners"]),
        "not_name": stop | hedge_words | months | set(table["determiners"]),
    }


def lemma(word: str) -> str:
    """Light lemma of a noun: irregular plurals from the table, then -ies/-es/-s."""
    w = word.lower().replace("’", "'")
    irregular: dict[str, str] = _words()["singular"]
    if w in irregular:
        return irregular[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if _plural_form(w):
        return w[:-1]
    return w


def stem(word: str) -> str:
    """A crude stem that makes a country and its demonym meet: korea/korean, russia/russian."""
    w = lemma(word)
    return w[:5] if len(w) > 5 else w


def _plural_form(w: str) -> bool:
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "ous"))


def _build(ctx: Any) -> Measures:
    text: str = ctx.text
    sentences = ctx.sentences
    out = Measures()
    for m in ctx.mentions:
        if m.kind not in _KINDS:
            continue
        meas = _measure(text, m, sentences.index(m.start))
        out.items.append(meas)
        out.by_start[m.start] = meas
        key = meas.key
        if key is not None:
            out.groups.setdefault(key, []).append(meas)
    return out


_TRAIL = ",.;:!?)]}\"”’'—–-"
_NP_WORDS = 8  # words read for the noun phrase: its 7 tokens and the word after them
_COMPLEMENT = ("of", "from", "in")
_INITIALS = regex.compile(r"(?:\p{L}\.){2,}")


def _after(text: str, start: int, words: int = 13) -> list[tuple[str, int]]:
    """The tokens of up to ``words`` (at most 13) space-separated words after ``start``, each
    (text, end offset); punctuation is a token of its own and ends the list. Splitting on spaces
    is ten times faster than a token pattern here. Fewer words give a prefix of the list of
    more, and the same list when it holds fewer tokens than ``words``."""
    window = text[start:start + _AFTER]
    out: list[tuple[str, int]] = []
    pos = 0
    for raw in window.split(None, words)[:words]:
        i = window.find(raw, pos)
        pos = i + len(raw)
        if raw[0] == "-" and not out and len(raw) > 1:  # "12,000-strong force"
            out.append(("-", start + i + 1))
            raw, i = raw[1:], i + 1
        if not raw[0].isalnum():
            out.append((raw[0], start + i + 1))
            break
        dotted = raw.count(".") > 1 and _INITIALS.fullmatch(raw)  # "U.S."
        core = raw if dotted else raw.rstrip(_TRAIL)
        if not core:
            out.append((raw[0], start + i + 1))
            break
        out.append((core, start + i + len(core)))
        if len(core) < len(raw):
            out.append((raw[len(core)], start + i + len(core) + 1))
            break
    return out


def _measure(text: str, m: Mention, sentence: int) -> Measure:
    w = _words()
    # 7 tokens for the noun phrase and the one after it; 5 more only for an "of ..." complement
    after = _after(text, m.end, _NP_WORDS)
    toks = after[:7]
    j = 1 if toks and toks[0][0] == "-" else 0  # "12,000-strong force"
    quals: list[str] = []
    head: str | None = None
    while j < len(toks) and len(quals) < 4:
        tok = toks[j][0]
        low = tok.lower()
        if not tok[0].isalpha() or low in w["stop"] or (quals and low.endswith("ed")):
            break
        if quals and quals[-1][0].isupper() and tok[0].islower() and not (
                low in w["plural"] or _plural_form(low)):
            break  # "810 Naval Infantry Brigade fought": the name ended
        j += 1
        if low in w["plural"] or _plural_form(low):
            head = tok
            break
        quals.append(tok)
    if head is None and quals:
        head = quals.pop()
    if len(after) >= _NP_WORDS and j < len(after) and after[j][0].lower() in _COMPLEMENT:
        after = _after(text, m.end)  # the words of the complement too (the same first tokens)
    of, np_end = _complement(after, j, m.end)
    owner = _owner(text, m)
    ident = _identifier(text, m, head)
    return Measure(mention=m, head=lemma(head) if head else None,
                   qualifiers=tuple(q.lower() for q in quals),
                   of=of, owner=owner, identifier=ident, sentence=sentence, np_end=np_end)


def _complement(after: list[tuple[str, int]], i: int, end: int) -> tuple[tuple[str, ...], int]:
    """The words of "of/from/in the Kursk region" right after the noun phrase."""
    w = _words()
    np_end = after[i - 1][1] if i else end
    if i >= len(after) or after[i][0].lower() not in _COMPLEMENT:
        return (), np_end
    words: list[str] = []
    for tok, tok_end in after[i + 1:i + 6]:
        low = tok.lower()
        if not words and low in w["det"]:
            continue
        if not tok[0].isalpha() or low in w["stop"]:
            break
        words.append(low.removesuffix("'s").removesuffix("’s"))
        np_end = tok_end
    return tuple(words), np_end


def _owner(text: str, m: Mention) -> tuple[str, ...]:
    """ "North Korea's army of 1.3 million" -> ("north", "korea", "army"); () when no "X of"."""
    if text[max(0, m.start - 4):m.start].rstrip()[-2:].lower() != "of":
        return ()  # the common case, decided without tokenizing
    before = [t.group() for t in _TOK.finditer(text, max(0, m.start - _BEFORE), m.start)]
    if len(before) < 2 or before[-1].lower() != "of":
        return ()
    w = _words()
    noun = before[-2].lower()
    if not before[-2][0].isalpha() or noun in w["stop"]:
        return ()
    words = [noun]
    for tok in reversed(before[:-2][-3:]):  # the possessor: "North Korea's", not "its"
        low = tok.lower()
        if not tok[0].isalpha() or low in w["det"] or low in w["stop"]:
            break
        words.insert(0, low.removesuffix("'s").removesuffix("’s"))
    return tuple(words)


def _identifier(text: str, m: Mention, head: str | None) -> bool:
    """A name that holds a number: "M-109", "Route 66", "810 Naval Infantry Brigade", "2024"."""
    if m.kind != "number":
        return False
    s = m.start
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        return True  # M-109, F-16, COVID-19
    plural = head is not None and (_plural_form(head.lower()) or head.lower() in _words()["plural"])
    cut = text.rfind(" ", max(0, s - 30), s - 1) + 1 if text[s - 1:s] == " " else s
    prev = text[max(cut, s - 30):s - 1] if cut < s else ""
    if prev and prev[0].isupper() and prev.isalpha():
        low = prev.lower()
        if low not in _words()["not_name"] and not low.endswith(("'s", "’s")) and not plural:
            return True  # Route 66, Flight 17 (but "Later 3,000 troops" is a count)
    if head is not None and head[0].isupper() and not plural:
        return True  # 810 Naval Infantry Brigade
    return bool(_YEAR.fullmatch(m.text)) and not plural  # "the 2024 election", "in 2023"

"""The phrases event linking recognizes: cue verbs, noun phrases, fact-sheet names, relative words.

Lives here: the linker's compiled patterns (``patterns``; the word lists come from
``data/temporal_checks.toml`` [link], so the table and the patterns cannot drift), the key of a noun
phrase (``key_of``: "the war's" -> "war"), a fact sheet's names and aliases as one alternation
compiled once per sheet (``sheet_names``), and whether a mention is relative by its words
(``is_relative``: "last month", not "June"). Does not live here: applying the patterns around a
mention, or the records they produce (``numclaims.link.events``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from ..config import load_data
from ..facts import Event, FactSheet, Person
from ..models import Mention


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    items = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in items)


@functools.cache
def link_table() -> dict[str, Any]:
    """The temporal_checks.toml table (its [link] and [age] parts are read here)."""
    return load_data("temporal_checks")


@functools.cache
def patterns() -> dict[str, Any]:
    """The compiled patterns of the linker, by name, built once from the data table."""
    link = link_table()["link"]
    verbs: dict[str, list[str]] = link["verbs"]
    det = _alt(link["determiners"])
    glue = _alt([*link["glue"], "and"])
    cue_any = _alt(w for ws in verbs.values() for w in ws)
    stop = (r"(?=\s*[,.;:!?)\"”]|\s*\Z|\s+(?i:in|of|on|against|between|with|that|which|who|has|"
            r"have|had|is|was|were|will|and|as|after|since|when|to|for|" + cue_any + r")\b)")
    word = r"[\w'’.-]{1,30}"
    return {
        # searched backwards from a mention ((?r)): the nearest cue verb before it
        "cue": regex.compile(
            r"(?ri)(?<![\w-])(?:" + "|".join(f"(?P<{c}>{_alt(ws)})" for c, ws in verbs.items())
            + r")(?![\w-])"),
        # the first word of every cue verb, folded as ``cue_words`` folds a window: a window that
        # holds none of them cannot hold a cue, and is settled without the (slower) search
        "cue_words": _first_words(w for ws in verbs.values() for w in ws),
        "cue_at": regex.compile(
            r"(?i)\s+(?:" + "|".join(f"(?P<{c}>{_alt(ws)})" for c, ws in verbs.items())
            + r")(?![\w-])"),
        # what may stand between a noun phrase and its verb: ", which has", " that was first "
        # (an age apposition may sit in between: "Maria Lopez, 52, who was born")
        "glue": regex.compile(r"(?<=[\w'’)\"”])(?P<g>(?:\s*,\s*\d{1,3}(?=\s*,))?[\s,]+"
                              r"(?:(?i:" + glue + r")[\s,]+){0,4})\Z"),
        # a noun phrase ending where the glue starts: "the war", "its war against Ukraine", "Airbus"
        "np_tail": regex.compile(
            r"(?:(?<![\w'’-])(?P<det>(?i:" + det + r"))\s+(?:(?!(?i:" + det + r")\s)" + word
            + r"\s+){0,3}[\w'’-]{1,30}"
            r"|(?<![\w'’.-])(?:[A-Z][\w'’.-]{0,30}\s+){0,3}[A-Z][\w'’-]{0,30})\Z"),
        # a noun phrase starting at a position: "the war" in "since the war began"
        "np_head": regex.compile(
            r"(?:(?P<det>(?i:" + det + r"))\s+)?(?:" + word + r"\s+){0,3}?" + word + stop),
        "head_word": regex.compile(r"(?P<det>)(?:[A-Z][\w'’.-]{0,30}(?:\s+[A-Z][\w'’.-]{0,30}){0,3}"
                                   r"|[a-z][\w-]{1,30})(?![\w'’-])"),
        "prep_gap": regex.compile(r"\s+(?:(?i:" + _alt(link["preps"]) + r")\s+){0,2}"),
        "for_gap": regex.compile(r"\s+(?:on\s+)?for\s+"),
        "coord": regex.compile(r"(?<=[\w)])[\s,]+(?:and|but|then|before)\s+"
                               r"(?:(?:then|later|finally|eventually|was|were|had|has)\s+){0,2}\Z"),
        "since_after": regex.compile(r"\s+(?:(?:have|has|had)\s+)?(?:(?:passed|elapsed|gone\s+by)"
                                     r"\s+)?since\s+(?:(?:in|on)\s+)?"),
        "old_after": regex.compile(r"(?:-old|\s+old)?\s+"),
        "nth_before": regex.compile(r"(?<![\w-])(?i:in|into|entered|enters|entering|enter|marks|"
                                    r"marked)\s+(?:(?:its|their)\s+)?\Z"),
        "nth_text": regex.compile(r"(?i)(?:its|their)\s+[\w-]{3,20}\s+year"),
        "year_after": regex.compile(r"\s+year\b"),
        "age_pre": regex.compile(r"(?<=[\w.])\s*(?:,|\()\s*(?:(?:aged|age)\s+)?\Z"),
        "age_post": regex.compile(r"(?:\s*-?\s*(?:years?|yrs?)(?:[\s-]+old)?)?\s*[,);.]"),
        "same_gap": regex.compile(r"\s*(?:,|\(|–|—|-{1,2}|:)\s*(?:(?:on|in)\s+)?"),
        "order_gap": regex.compile(r"\s*,?\s*(?:(?:just|shortly|only|soon|long|well|even)\s+)?"
                                   r"(?P<rel>before|after|following|prior\s+to)\s[^.;!?\n]{0,100}"),
        "offset_pre": regex.compile(r"\s*,\s*|\s+"),
        "offset_post": regex.compile(r"\s+(?P<rel>after|before)\s[^.;!?\n]{0,100}"),
        "determiners": frozenset(w.lower() for w in link["determiners"]),
        "weekday_only": regex.compile(
            r"(?i)(?:on\s+)?(?:last\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|"
            r"friday|saturday|sunday)"),
    }


def _first_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The first words of ``phrases``, case-folded, without those that contain another."""
    words = {p.split()[0].casefold() for p in phrases if p.split()}
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


def fold(text: str) -> str:
    """``text`` folded so that whatever a case-insensitive pattern matches as an ASCII word holds
    that word in lower case: ``casefold`` ("ſ" -> "s", Kelvin sign -> "k"), and the dot of "İ"
    (folded to "i" plus U+0307) dropped."""
    return text.casefold().replace("\u0307", "")


@functools.cache
def _relative_re() -> Any:
    from ..calendar import time_data

    rel = time_data()["relative"]
    words = {w for k in ("last", "this", "next", "earlier", "later", "ago") for w in rel.get(k, [])}
    words = (words - {"early"}) | {"yesterday", "today", "tomorrow", "tonight", "recently"}
    return regex.compile(r"(?i)(?<![\w-])(?:" + _alt(words) + r")(?![\w-])")


def is_relative(m: Mention) -> bool:
    """A date or offset resolved from the document date by its words ("last month", "yesterday",
    "nearly two years ago"), as opposed to an explicit date whose year the resolver only filled in
    ("June", "Oct. 28"): both carry ``anchor``, only the first is fixed by its words."""
    if m.anchor is None:
        return False
    return m.kind == "duration" or _relative_re().search(m.text) is not None


APOS = str.maketrans({"’": "'", "‘": "'"})


def key_of(phrase: str) -> str:
    """The key of a noun phrase: lower case, straight apostrophes, no possessive, no leading
    determiners ("Russia’s war" -> "russia's war"; "the war's" -> "war")."""
    dets = patterns()["determiners"]
    words = phrase.translate(APOS).lower().split()
    while words and words[0] in dets:
        words = words[1:]
    text = " ".join(words)
    return text.removesuffix("'s")


@dataclass(frozen=True)
class SheetNames:
    """A fact sheet's names as one compiled alternation, and the entries they name."""

    pattern: Any  # a name starting where matched
    tail: Any  # a name ending at the end of the searched window
    longest: int
    by_name: dict[str, tuple[str, Event | Person]]


_SHEETS: dict[int, tuple[FactSheet, SheetNames]] = {}


def sheet_names(facts: FactSheet) -> SheetNames:
    """Built once per fact sheet (kept while the sheet lives; a few sheets per process)."""
    hit = _SHEETS.get(id(facts))
    if hit is not None and hit[0] is facts:
        return hit[1]
    by_name: dict[str, tuple[str, Event | Person]] = {}
    names: list[str] = []
    for kind, entries in (("event", facts.event), ("person", facts.person)):
        for e in entries:
            for n in e.names:
                names.append(n.translate(APOS))
                by_name.setdefault(n.translate(APOS).lower(), (f"{kind}:{e.id}", e))
                by_name.setdefault(key_of(n), (f"{kind}:{e.id}", e))
    body = _alt(names).replace("'", "['’‘]")
    name_re = r"(?i)(?<![\w-])(?:" + body + r")(?:['’]s)?(?![\w-])"
    pattern = regex.compile(name_re) if names else None
    tail = regex.compile(name_re + r"\Z") if names else None
    if len(_SHEETS) > 32:
        _SHEETS.clear()
    sheet = SheetNames(pattern, tail, max((len(n) for n in names), default=0) + 2, by_name)
    _SHEETS[id(facts)] = (facts, sheet)
    return sheet

"""Consistency of repeated figures: the same measure of the same thing given incompatible values.

Lives here: conflicting-figures (N002). Which figures count the same thing comes from
``numclaims.link.measures`` (the noun counted, its qualifiers, whose it is); this module only decides
which of them may be compared (none that a word marks as a different count: "another 3,000", "of
them", "killed"; none in sentences about change or estimates; none under different dates) and
whether their bands agree. Like proselint's consistency checks it flags the minority reading and
cites the majority.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ..extract.grammar import compile as grammar_compile
from ..link.measures import Measure, measures
from . import _numeric as num
from ._say import in_sentence
from .registry import Context, Flag, claim, register

_BEFORE = 32  # characters before a figure searched for a contrast cue ("another", "of them")
_AFTER = 24  # characters after its noun phrase ("were killed", "more")
_MAX_GROUP = 40  # a noun repeated more often than this is a list, not one claim restated


@functools.cache
def _cues() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    t = num.tol()["figures"]
    contrast = regex.compile(r"(?<!\w)(?:\L<cues>)(?!\w)", regex.IGNORECASE,
                             cues=t["contrast_cues"])
    change = regex.compile(r"(?<!\w)(?:\L<cues>)(?!\w)", regex.IGNORECASE, cues=t["change_cues"])
    hedge_end = grammar_compile(r"(?&hedge)\s*\Z")
    return contrast, change, hedge_end


@functools.cache
def _restate() -> frozenset[str]:
    return frozenset(num.tol()["figures"]["restate"]["restate_before"])


def _comparable(ctx: Context, x: Measure, changing: dict[int, bool]) -> bool:
    """A figure that restates a count: no contrast cue around it, no change in its sentence."""
    m = x.mention
    if m.value is None or m.kind == "percent" or num.is_range(m) or not x.descriptors:
        return False
    contrast, change, hedge_end = _cues()
    text = ctx.text
    start = max(0, m.start - _BEFORE)
    hedge = hedge_end.search(text, start, m.start)
    before = hedge.start() if hedge else m.start
    if contrast.search(text, start, before):
        return False
    words = text[start:before].split()
    last = words[-1].lower().strip("“\"'‘") if words else ""
    if last and last[-1].isalnum() and last not in _restate():
        return False  # "will hire 500 workers": an event of its own, not a restated count
    if contrast.search(text, m.end, min(len(text), x.np_end + _AFTER)):
        return False
    s = x.sentence
    if s not in changing:
        changing[s] = change.search(text, *ctx.sentences.span_of(s)) is not None
    return not changing[s]


_SENTENCE_END = regex.compile(r"[.;!?](?!\d)")


def _as_written(text: str, x: Measure) -> str:
    """The measure in the writer's words, the figure written N: "N square miles of the Kursk
    region", "N North Korean soldiers", "army of N soldiers" (an owner before it is kept)."""
    m = x.mention
    start = m.start
    if x.owner:  # "the army of 1.2 million soldiers": start at the owner's first word
        window = max(0, m.start - 80)  # the last such word before the figure, in its sentence
        word = regex.compile(rf"(?i)\b{regex.escape(x.owner[0])}\b")
        found = [f.start() for f in word.finditer(text, window, m.start)
                 if not _SENTENCE_END.search(text, f.start(), m.start)]
        if found:
            start = found[-1]
    unit = num.unit_words(m) if m.kind in ("quantity", "money") else ""
    tail = text[m.end:max(m.end, x.np_end)]
    written = " ".join(f"{text[start:m.start]}N {unit}{tail}".split())
    return f'"{written}"'


def _dates_by_sentence(ctx: Context) -> dict[int, frozenset[str]]:
    """The dates (and bare years) of each sentence: figures are compared only under equal dates."""
    out: dict[int, set[str]] = {}
    for m in ctx.mentions:
        if m.kind in ("date", "duration") or (m.kind == "number" and len(m.text) == 4
                                              and m.text.isdigit()):  # "in 2010"
            out.setdefault(ctx.sentences.index(m.start), set()).add(m.timex or m.text.lower())
    return {k: frozenset(v) for k, v in out.items()}


@register("N002", "conflicting-figures", "warning")
def conflicting_figures(ctx: Context) -> Iterator[Flag]:
    """What it flags: the same measure of the same thing given incompatible values in two places of one text: "an army of 1.3 million soldiers" and later "its army of 1.1 million soldiers". The figure in the minority is flagged and the majority cited; between two, the later one.

    Why it matters: a figure restated from memory, or updated in one paragraph and not in the other, leaves the reader two numbers for one fact and no way to tell which is right.

    Example: North Korea keeps an army of 1.3 million soldiers. Analysts say its army of 1.1 million soldiers is poorly fed.
    Example: Ukraine holds about 250 square miles of the Kursk region. Its troops control 400 square miles of the Kursk region.

    Not flagged: As many as 12,000 North Korean troops are in Russia. Roughly 11,000 North Korean troops are in training camps there.
    Not flagged: Some 12,000 North Korean troops were sent. Another 3,000 North Korean troops are expected next month.
    Not flagged: The plant employed 4,000 local workers in 2010. It now employs 2,500 local workers.
    Not flagged: The company employs 5,000 workers in Ohio. It will hire 500 workers in Ohio.

    Limitations: only figures whose counted noun and descriptive words (qualifiers, "of …" complement, owner) are the same, in different sentences with the same dates, each after a word that restates a count ("the", "of", "has", "said", "holds"; not "will hire 500 workers"); figures near a contrast cue ("another", "of them", "killed", "expected") or in sentences about change or estimates are left alone, so many real conflicts between differently worded figures pass unseen.
    """
    ms = measures(ctx)
    dates: dict[int, frozenset[str]] | None = None  # built only when two figures may be compared
    changing: dict[int, bool] = {}
    for group in ms.groups.values():
        if len(group) < 2 or len(group) > _MAX_GROUP:
            continue
        alike: dict[frozenset[str], list[Measure]] = {}
        for x in group:
            if x.descriptors:
                alike.setdefault(x.descriptors, []).append(x)
        for candidates in alike.values():
            comparable = [x for x in candidates if len(candidates) > 1
                          and _comparable(ctx, x, changing)]
            if len(comparable) < 2:
                continue
            if dates is None:
                dates = _dates_by_sentence(ctx)
            same: dict[frozenset[str], list[Measure]] = {}
            for x in comparable:
                same.setdefault(dates.get(x.sentence, frozenset()), []).append(x)
            for members in same.values():
                if len(members) > 1:
                    yield from _conflicts(ctx.text, members)


def _conflicts(text: str, members: list[Measure]) -> Iterator[Flag]:
    """Flag every member that disagrees with the best-supported member (ties: the earliest)."""
    by_sentence: dict[int, int] = {}
    for x in members:  # two different figures in one sentence are contrasted on purpose
        by_sentence[x.sentence] = by_sentence.get(x.sentence, 0) + 1
    members = [x for x in members if by_sentence[x.sentence] == 1]
    bands = [b for b in (num.band(x.mention) for x in members) if b is not None]
    if len(members) < 2 or len(bands) != len(members):
        return
    agree = [[num.overlap(a, b) for b in bands] for a in bands]
    support = [sum(row) for row in agree]
    ref = max(range(len(members)), key=lambda i: (support[i], -members[i].mention.start))
    backing = [members[i].mention for i in range(len(members)) if agree[ref][i]]
    for i, x in enumerate(members):
        if agree[ref][i]:
            continue
        m = x.mention
        others = f" ({len(backing)} mentions)" if len(backing) > 1 else ""
        msg = (f"{in_sentence(m.text)} conflicts with {backing[0].text}{others}, given elsewhere for the same "
               f"measure: {_as_written(text, x)}")
        role = "majority" if len(backing) > 1 else "other-claim"
        yield Flag(m.start, m.end, msg, tuple(claim(b, role) for b in backing))

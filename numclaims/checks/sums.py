"""Sum checks: the parts of a breakdown against the total stated with them.

Lives here: sum-mismatch (N004). A breakdown is a list of two or more figures of one kind ("three
dead and 12 injured", "$2 million, $3 million and $1 million") found in one pass over the figures;
its total is stated right after it ("..., a total of 16", "... — 16 in all"), right before it with a
colon or dash ("16 casualties: three dead and 12 injured"), or is a figure of a category noun whose
parts are listed in ``[sums.categories]``, in apposition ("three dead and 12 injured — 16
casualties"). A total
that includes parts the list does not name ("including", "and others") is not a sum and is skipped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ..link.measures import Measures, measures
from ..models import Mention
from . import _numeric as num
from ._say import in_sentence
from .registry import Context, Flag, claim, register

_KINDS = ("number", "money", "quantity")
# the noun of a part: "dead", "in Kyiv", "users in the U.S."
_WORDS = r"(?: \s+ (?: (?:\p{L}\.){2,} | [^\W\d_][\w'’-]{0,30} ) ){0,4}"


@functools.cache
def _pats() -> dict[str, regex.Pattern[str]]:
    flags = regex.VERBOSE | regex.IGNORECASE
    totals = num.tol()["sums"]["total_words"]
    return {
        # between two parts of a list: its noun, then a comma or "and"
        # (a verb may follow "and": "killed nine people and injured 1,011")
        "sep": regex.compile(_WORDS + r"""\s* (?: , \s* (?: and \s+ (?: \L<verbs> \s+ )? )?
                             | \s+ and \s+ (?: \L<verbs> \s+ )? | ; \s* )""", flags,
                             verbs=num.tol()["sums"]["part_verbs"]),
        # a collective total before its parts, in apposition: "all 177 people on board, 174
        # passengers and six crew members"
        "all_end": regex.compile(r"\b(?:all|the|a\s+total\s+of|total\s+of)\s+\Z", flags),
        "and": regex.compile(r"\band\b", flags),
        # after the last part, before a total: "..., a total of", "..., for a combined total of"
        "total_after": regex.compile(
            _WORDS + r"""\s* [,;:—–(]? \s* (?: (?: for | making | giving | or ) \s+ )?
            (?: (?: a | an | the ) \s+ )? (?: (?: combined | grand | overall ) \s+ )?
            total \s+ (?: of \s+ )?""", flags),
        # after the last part: its noun, then a separator before a total + "in all"
        "lead_in": regex.compile(_WORDS + r"\s* (?: [,;:—–(] | \s-{1,2} )? \s*", flags),
        "in_all": regex.compile(r"(?:\s+[^\W\d_][\w'’-]{0,30}){0,2}\s+(?:\L<t>)\b", flags,
                                t=totals),
        # a total before the list: "16 casualties: three dead and 12 injured"
        "total_before": regex.compile(_WORDS + r"\s* (?: : | [—–] | \s-{1,2} | \( ) \s*", flags),
        # words that make a total larger than its named parts
        "open": regex.compile(
            r"""\b(?: including | includes | included | among | such \s+ as | other | others
            | more | another | rest | remainder | bringing | brings | brought | besides )\b""",
            flags),
        "between_end": regex.compile(r"\bbetween\s+\Z", flags),
    }


def _runs(ctx: Context, ms: Measures) -> Iterator[list[Mention]]:
    """Maximal lists of two or more figures of one kind joined by commas and a final "and"."""
    p, text = _pats(), ctx.text
    figs = [m for m in ctx.mentions if m.kind in _KINDS and m.value is not None
            and not num.is_range(m) and not (ms.get(m) and ms.by_start[m.start].identifier)]
    run: list[Mention] = []
    closed = False  # the run's last separator held "and": the list has ended
    for m in figs:
        prev = run[-1] if run else None
        sep = (prev is not None and prev.kind == m.kind and prev.unit == m.unit
               and m.start - prev.end < 160 and p["sep"].fullmatch(text, prev.end, m.start))
        if prev is not None and sep and not closed:
            run.append(m)
            closed = p["and"].search(text, prev.end, m.start) is not None
            continue
        if len(run) > 1 and closed:
            yield run
        run, closed = [m], False
    if len(run) > 1 and closed:
        yield run


@functools.cache
def _categories() -> dict[str, list[frozenset[str]]]:
    """Total noun lemma -> its exhaustive parts, each a set of synonym lemmas."""
    from ..link.measures import lemma

    table = num.tol()["sums"]["categories"]
    return {lemma(k): [frozenset(lemma(w) for w in group) for group in v] for k, v in table.items()}


def _by_category(ms: Measures, run: list[Mention], total: Mention) -> bool:
    """"three dead and 12 injured ... 16 casualties": the parts name every part of the total."""
    t = ms.get(total)
    groups = _categories().get(t.head or "") if t is not None else None
    if not groups or len(groups) != len(run):
        return False
    heads = [ms.get(m) for m in run]
    if any(h is None or h.head is None for h in heads):
        return False
    return all(sum(h.head in g for h in heads if h) == 1 for g in groups)


def _total(ctx: Context, ms: Measures, run: list[Mention], after: Mention | None,
           before: Mention | None) -> Mention | None:
    p, text = _pats(), ctx.text
    last = run[-1]
    tail = text[last.end:min(len(text), last.end + 40)]
    if p["open"].search(tail.split(".")[0]):
        return None  # "..., 12 injured and others": the list is not the whole
    if p["between_end"].search(text, max(0, run[0].start - 9), run[0].start):
        return None
    if after is not None and after.kind == last.kind and after.unit == last.unit:
        gap = text[last.end:after.start]
        if not p["open"].search(gap):
            if p["total_after"].fullmatch(gap) or (p["lead_in"].fullmatch(gap)
                                                   and p["in_all"].match(text, after.end)):
                return after
            if p["lead_in"].fullmatch(gap) and _by_category(ms, run, after):
                return after  # "three dead and 12 injured — 16 casualties"
    if (before is not None and before.kind == last.kind and before.unit == last.unit
            and p["total_before"].fullmatch(text, before.end, run[0].start)):
        return before
    return None


def _apposition(ctx: Context, ms: Measures, run: list[Mention]) -> bool:
    """ "All 177 people on board, 174 passengers and six crew members": the first figure of a run of
    three or more counts people in general (``[sums] collective``), follows "all" or "the", is set
    off by a comma, and is larger than each of the figures after it, which count something else."""
    first = ms.get(run[0])
    if (len(run) < 3 or first is None or first.head not in _collective()
            or not _pats()["all_end"].search(ctx.text, max(0, run[0].start - 16), run[0].start)
            or "," not in ctx.text[run[0].end:run[1].start]):
        return False
    rest = [ms.get(m) for m in run[1:]]
    return all(r is not None and r.head != first.head for r in rest) and all(
        float(run[0].value or 0) > float(m.value or 0) for m in run[1:])


@functools.cache
def _collective() -> frozenset[str]:
    from ..link.measures import lemma

    return frozenset(lemma(w) for w in num.tol()["sums"]["collective"])


@register("N004", "sum-mismatch", "error")
def sum_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: parts of a breakdown that do not add up to the total stated with them: "three dead and 12 injured, 16 casualties in all"; "16 casualties: three dead and 12 injured".

    Why it matters: a total and its parts printed side by side are the easiest error for a reader to catch, and the most embarrassing: one of the figures was updated and the others were not.

    Example: The blast left three dead and 12 injured, a total of 16 casualties.
    Example: Police counted 16 casualties: three dead and 12 injured.
    Example: The fund gave $2 million to schools, $3 million to clinics and $1 million to roads, for a total of $9 million.
    Example: The strike left three dead and 12 injured — 16 casualties, the governor said.
    Example: All 177 people on board, 174 passengers and six crew members, survived.
    Example: The quake killed nine people and injured 1,011, a total of 1,120 casualties.

    Not flagged: The blast left three dead and 12 injured, a total of 15 casualties.
    Not flagged: Officials reported 16 casualties, including three dead and 12 injured.
    Not flagged: The fund gave $2 million to schools and $3 million to clinics, among other grants worth $7 million.
    Not flagged: Officials reported three dead and 12 injured in the attack, the worst of 16 casualties this year.
    Not flagged: Turnout was between 40,000 and 60,000, a total of 50,000 by the official count.
    Not flagged: All 177 people on board, 171 passengers and six crew members, survived.
    Not flagged: The 20 players, three coaches and two doctors flew home on Sunday.

    Limitations: only breakdowns written as one list (commas and a final "and") with the total right after it ("a total of", "in all"), right before it after a colon or dash, or, for category nouns listed in numeric_checks.toml ("casualties" = dead + injured), in apposition right after it ("three dead and 12 injured — 16 casualties"), or a count of people in general set off before its parts ("all 177 people on board, 171 passengers and six crew"); the rounding and hedges of each figure are respected. A list followed by "and others", "including" or "bringing the total to" is not a full breakdown and is skipped.
    """
    ms = measures(ctx)
    figs = [m for m in ctx.mentions if m.kind in _KINDS and m.value is not None]
    index = {m.start: i for i, m in enumerate(figs)}
    for run in _runs(ctx, ms):
        i, j = index[run[0].start], index[run[-1].start]
        total = _total(ctx, ms, run, figs[j + 1] if j + 1 < len(figs) else None,
                       figs[i - 1] if i > 0 else None)
        if total is None and _apposition(ctx, ms, run):
            total, run = run[0], run[1:]
        if total is None:
            continue
        parts = [b for b in (num.band(m) for m in run) if b is not None]
        whole = num.band(total)
        if whole is None or len(parts) != len(run):
            continue
        if num.overlap((sum(b[0] for b in parts), sum(b[1] for b in parts)), whole):
            continue
        exact = sum(float(m.value or 0) for m in run)
        written = num.ends(total)[0][1]
        fixed = total.text.replace(written, num.fmt(exact, written), 1)
        yield Flag(total.start, total.end,
                   f"{in_sentence(' + '.join(m.text for m in run))} = {fixed}, not {total.text}",
                   tuple(claim(m, "part") for m in run),
                   fixed if total.hedge is None else None)

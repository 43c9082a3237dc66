"""Percent checks: a percentage against the part and the whole it is said to relate.

Lives here: percent-mismatch (N003) for a part, its share and a whole written together — "3,000 — or
40% — of the 12,000", "3,000 (25%) of the 12,000", "3,000 of the 12,000 troops, or 25%", "40% of
the 12,000 troops, or 4,800", "Of the 12,000 troops, 3,000 — 25% — ...". The shapes are read from the
text between three neighbouring figures (``_FORMS``), so the cost is one anchored match per triple.
Changes stated in percent ("rose 20%", percentage points) live in ``change``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ..extract.num_joins import is_share
from ..models import Mention
from . import _numeric as num
from ._say import in_sentence
from .registry import Context, Flag, claim, register

_KINDS = ("number", "money", "quantity", "percent")

# Between a figure and its restatement: a bracket, "or" (after a comma or dash), or a dash.
_TWIN = r"""(?: \s+ [^\W\d_][\w'’-]{0,30} ){0,2}     # the part's noun: "1,200 jobs, or 8%"
    \s* (?: [(\[] | ,\s*or | [—–]\s*or | \s-{1,2}\s*or | \s+or | \s*[—–] ) \s*"""
# From the end of a restatement to the whole: a closing mark, then "of (the)" or "out of".
_OF = r"""\s* (?: [)\]] | , | [—–] | \s-{1,2} )? \s* (?: out \s+ )? of \s+
          (?: (?: the | its | their | all | a \s+ total \s+ of ) \s+ )?
          (?: [^\W\d_][\w-]{0,30} (?: ['’]s )? \s+ of \s+ )?   # "of its workforce of 10,000"
          (?: [^\W\d_][\w-]{0,30} ['’]s? \s+ )?"""              # "of the country's 8 million"
# The noun after the whole, before its restatement: "12,000 troops, or 25%".
_NOUN_TWIN = r"(?: \s+ [^\W\d_][\w'’-]{0,30} ){0,5} \s* (?: ,\s*or | [(\[] | [—–]\s*or ) \s*"
# A share named by a noun after the part's clause: "2.9 million cast a ballot, a turnout of 69%".
_RATE = r"""(?: \s+ [^\W\d_][\w'’-]{0,30} ){0,4} \s* , \s* (?: a | an | or \s+ a ) \s+
            \L<share_nouns> \s+ of \s+"""

# name -> (gap between 1st and 2nd figure, gap between 2nd and 3rd, roles of the three figures)
_FORMS: dict[str, tuple[str, str, str]] = {
    "part-pct-whole": (_TWIN, _OF, "PpW"),  # 3,000 — or 25% — of the 12,000
    "pct-part-whole": (_TWIN, _OF, "pPW"),  # 25% (3,000) of the 12,000
    "part-whole-pct": (r"""\s+ (?: out \s+ )? of \s+ (?: (?: the | its | their | all ) \s+ )?
                           (?: [^\W\d_][\w-]{0,30} ['’]s? \s+ )?""",
                       _NOUN_TWIN, "PWp"),  # 3,000 of the (country's) 12,000 troops, or 25%
    "pct-whole-part": (r"\s+ of \s+ (?: (?: the | its | their | all ) \s+ )?",
                       _NOUN_TWIN, "pWP"),  # 25% of the 12,000 troops, or 3,000
    "whole-part-pct": (r"(?: \s+ [^\W\d_][\w'’-]{0,30} ){0,3} \s* , \s*", _TWIN,
                       "WPp"),  # Of the 12,000 troops, 3,000 — 25% — ...
    "whole-part-rate": (r"(?: \s+ [^\W\d_][\w'’-]{0,30} ){0,3} \s* , \s*", _RATE,
                        "WPp"),  # Of the 4.2 million voters, 2.9 million voted, a turnout of 69%
    "part-whole-rate": (r"""\s+ (?: out \s+ )? of \s+ (?: (?: the | its | their | all ) \s+ )?
                            (?: [^\W\d_][\w-]{0,30} ['’]s? \s+ )?""",
                        _RATE, "PWp"),  # 2.9 million of the 4.2 million voted, a turnout of 69%
}
_OF_BEFORE = regex.compile(r"(?i:\bof\s+(?:the\s+)?)\Z")
_OF_AFTER = regex.compile(r"\s+of\b")


@functools.cache
def _compiled() -> dict[str, tuple[regex.Pattern[str], regex.Pattern[str], str]]:
    flags = regex.VERBOSE | regex.IGNORECASE
    nouns = num.tol()["percent"]["share_nouns"]
    return {k: (regex.compile(a, flags, ignore_unused=True, share_nouns=nouns),
                regex.compile(b, flags, ignore_unused=True, share_nouns=nouns), roles)
            for k, (a, b, roles) in _FORMS.items()}


def _same_kind(x: Mention, y: Mention) -> bool:
    if x.kind != y.kind or x.kind == "percent":
        return False
    return x.kind == "number" or (x.unit == y.unit if x.kind == "money" else x.si_unit == y.si_unit)


def _triples(ctx: Context) -> Iterator[tuple[Mention, Mention, Mention]]:
    """(part, percent, whole) written together, in any of the ``_FORMS``."""
    ms = [m for m in ctx.mentions if m.kind in _KINDS and m.value is not None]
    text = ctx.text
    for i in range(len(ms) - 2):
        trio = ms[i:i + 3]
        if sum(m.kind == "percent" for m in trio) != 1 or trio[2].start - trio[0].end > 200:
            continue
        if any(is_share(m) for m in trio):
            continue  # "one in five, or 20%, of the 1,000": a ratio is no part or whole
        for name, (g1, g2, roles) in _compiled().items():
            if trio[roles.index("p")].kind != "percent":
                continue
            if not (g1.fullmatch(text, trio[0].end, trio[1].start)
                    and g2.fullmatch(text, trio[1].end, trio[2].start)):
                continue
            if name in ("whole-part-pct", "whole-part-rate") and not _OF_BEFORE.search(text, max(0, trio[0].start - 8),
                                                                 trio[0].start):
                continue
            if roles[2] == "p" and _OF_AFTER.match(text, trio[2].end):
                continue  # "..., or 25% of the total": a share of something else
            part, pct, whole = (trio[roles.index(r)] for r in "PpW")
            if _same_kind(part, whole):
                yield part, pct, whole
            break


@register("N003", "percent-mismatch", "error")
def percent_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: a percentage written with its part and its whole that does not match them: "3,000 — or 40% — of the 12,000 troops" (3,000 of 12,000 is 25%).

    Why it matters: a share computed against the wrong base, or a part updated without its share, is an arithmetic error any reader with a calculator can catch, and it undermines every other figure in the story.

    Example: About 3,000 — or 40% — of the 12,000 soldiers sent have reached the front.
    Example: Of the 640 delegates, 212 (45%) backed the motion.
    Example: Nearly 60% of the 2,400 flights, or 960, were cancelled.

    Not flagged: Some 3,000 — or 25% — of the 12,000 soldiers sent have reached the front.
    Not flagged: Of the 5,000 employees, 1,930 (nearly 40%) joined the strike.
    Not flagged: Shares of the 400 firms, or 40% of the market, changed hands.

    Limitations: only the shapes where part, percentage and whole are written together (in brackets, after "or" or dashes, around "of the"); the rounding of each figure and the band of a hedge ("nearly 40%") are respected, so small slips inside them pass; a percentage of something named elsewhere ("25% of the total") is not checked.
    """
    for part, pct, whole in _triples(ctx):
        bp, bw, bq = num.band(part), num.band(whole), num.band(pct)
        if bp is None or bw is None or bq is None or bw[0] <= 0 or whole.value == 0:
            continue
        share = (100 * bp[0] / bw[1], 100 * bp[1] / bw[0])
        if num.overlap(share, bq):
            continue
        r = 100 * float(part.value) / float(whole.value)  # type: ignore[arg-type]
        written = num.ends(pct)[0][1]
        step = num.held_step(float(pct.value), written)  # type: ignore[arg-type]
        fixed = num.fmt(r, written, step)
        if fixed == written.rstrip("%"):
            fixed = num.fmt(r, written, step / 10)
        msg = f"{in_sentence(part.text)} of {whole.text} is {r:.3g}%, not {pct.text!r}"
        suggestion = pct.text.replace(written, fixed, 1) if pct.hedge is None else None
        yield Flag(pct.start, pct.end, msg, (claim(part, "part"), claim(whole, "whole")), suggestion)

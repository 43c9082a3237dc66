"""Obituary ages: age-mismatch (T007) for "He was 91." against "He was born on March 14, 1933."

Lives here: the age of a person the text refers to by pronoun, in the shapes of obituaries and
profiles ("He was 91.", "She died on Sunday at 88", "died ... aged 70"), checked against the one
birth date the text gives by pronoun or sentence opening ("He was born in Plains on Oct. 1,
1924", "Born in Chicago on March 14, 1933, he ..."). With no coreference, the check runs only when
the text gives exactly one such birth date and one such age, so two people are never mixed up.
Ages after a name ("Kim Jong Un, 40,") live in ``elapsed`` (T006).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator

import regex

from ..models import Mention
from ._temporal import ages_on, days_of, has_year, published
from .registry import Context, Flag, claim, register

# "He was 91." / "She was 88, her family said." (not "He was 19 when he joined ...")
_AGE = regex.compile(
    r"""\b(?:he|she)\s+was\s+(?P<n>\d{1,3})(?=\s*(?:[.;]|,\s+(?:his|her|their|the|a)\b))
      | \bdied\b[^.;\d]{0,60}?\b(?:at|aged|at\s+the\s+age\s+of)\s+(?P<n2>\d{1,3})\b(?!\s*[%\w-])""",
    regex.IGNORECASE | regex.VERBOSE)
# "he was born", "she was born", or a sentence that opens with "Born": the birth date follows.
_BORN = regex.compile(r"\b(?:he|she)\s+was\s+born\b|(?:^|(?<=[.!?]\s))Born\b", regex.IGNORECASE)
_DIED = regex.compile(r"\bdied\b", regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"[.;!?]\s|\band\b|\bbut\b|\bwhere\b|\bwhen\b")
_WINDOW = 60  # characters after "born" or "died" in which their date must start
_RECENT_DAYS = 7  # with no date of death, the age may be the one of the week before publication


def _date_after(ctx: Context, starts: list[int], pos: int, day: bool) -> Mention | None:
    """The first dated mention (with its year; a single day when ``day``) starting within
    ``_WINDOW`` characters after ``pos``, before the end of the clause ("born in a farmhouse and
    moved to Boston in 1952" gives no birth date)."""
    i = bisect.bisect_left(starts, pos)
    clause = _CLAUSE_END.search(ctx.text, pos, pos + _WINDOW)
    limit = pos + _WINDOW if clause is None else clause.start()
    for m in ctx.mentions[i:]:
        if m.start > limit:
            break
        days = days_of(m) if m.kind == "date" and has_year(m) else None
        if days is not None and (not day or days[0] == days[1]):
            return m
    return None


@register("T007", "age-mismatch")
def obituary_age(ctx: Context) -> Iterator[Flag]:
    """What it flags: an age given by pronoun in an obituary or profile ("He was 90.") that does not match the one birth date the text gives ("He was born on March 14, 1933") at the date of death in the text, or else at the document date.

    Why it matters: obituaries are written ahead and updated in haste; an age off by one is the most common correction they carry.

    Example: (published 2024-11-04) The composer died on Sunday, Nov. 3, 2024, at his home. He was 90. He was born in Chicago on March 14, 1933.

    Not flagged: (published 2024-11-04) The composer died on Sunday, Nov. 3, 2024, at his home. He was 91. He was born in Chicago on March 14, 1933.
    Not flagged: (published 2024-11-04) She was born on March 14, 1933. He was 90. He was born in 1934.

    Limitations: without coreference the check runs only when the text holds exactly one pronoun age and exactly one birth date after "he/she was born" or a sentence-opening "Born"; with a birth year only, both possible ages pass; with no date of death, any age of the week before the document date passes.
    """
    ages = list(_AGE.finditer(ctx.text))
    borns = list(_BORN.finditer(ctx.text))
    if len(ages) != 1 or len(borns) != 1 or ctx.published is None:
        return
    starts = [m.start for m in ctx.mentions]
    birth = _date_after(ctx, starts, borns[0].end(), day=False)
    born = days_of(birth) if birth is not None else None
    if birth is None or born is None:
        return
    if born[0].year != born[1].year:
        return  # a decade or a century: no age follows
    n = int(ages[0]["n"] or ages[0]["n2"])
    died = [d for x in _DIED.finditer(ctx.text)
            if (d := _date_after(ctx, starts, x.end(), day=True)) is not None]
    when = [days[0] for d in died if (days := days_of(d))] or [
        ctx.published - dt.timedelta(days=k) for k in range(_RECENT_DAYS + 1)]
    if n in set().union(*(ages_on(born, w) for w in when)):
        return
    on = when[0]
    right = sorted(ages_on(born, on))
    span = ages[0].span("n" if ages[0]["n"] else "n2")
    said = " or ".join(map(str, right))
    msg = (f"born {ctx.text[birth.start:birth.end]}, the person was {said} on {on}, not {n}")
    evidence = (claim(birth), *(claim(d, "death") for d in died[:1])) if died else (
        claim(birth), published(ctx))
    yield Flag(span[0], span[1], msg, evidence, str(right[-1]) if len(right) == 1 else None)

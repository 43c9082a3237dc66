"""Age checks: age-mismatch, for ages after a name (T006) and ages given by pronoun (T007).

Lives here: T006, an age written after a name or as "the 40-year-old Name" ("Kim Jong Un, 40,"),
linked to its person by ``numclaims.link.events`` and checked against the birth date of the fact
sheet or of the text ("Maria Lopez, 52, who was born in 1975"); and T007, the age of a person the
text refers to by pronoun, in the shapes of obituaries and profiles ("He was 91.", "She died on
Sunday at 88", "died ... aged 70"), checked against the one birth date the text gives by pronoun or
sentence opening ("He was born in Plains on Oct. 1, 1924", "Born in Chicago on March 14, 1933, he
..."). With no coreference, T007 runs only when the text gives exactly one such birth date and one
such age, so two people are never mixed up. Does not live here: elapsed times (``elapsed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from .. import calendar as cal
from ..link.events import Link, Links, links
from ..models import Evidence, Mention
from ._say import in_sentence
from ._temporal import (
    ages_on,
    birth_days,
    birth_fact,
    days_of,
    fmt_day,
    has_year,
    published,
)
from .registry import Context, Flag, claim, register

# --------------------------------------------------------------------------- T006


def _birth(ctx: Context, lk: Links, link: Link) -> tuple[dt.date | int, Evidence] | None:
    person = link.ref.person
    if person is not None and person.born is not None and ctx.facts is not None:
        return person.born, birth_fact(ctx.facts, person)
    for other in lk.about(link.ref.key, ["born"]):
        days = days_of(other.mention)
        if days and has_year(other.mention):
            one_day = days[0] == days[1]
            return (days[0] if one_day else days[0].year), claim(other.mention)
    return None


@register("T006", "age-mismatch")
def age_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: an age that does not match the person's birth date (fact sheet, or "born ..." in the text) on the document date: "Kim Jong Un, 41," in November 2024 for a man born on Jan. 8, 1984; "the 38-year-old Kim Jong Un".
    Why it matters: ages are copied from old profiles and go stale every year; a wrong age also casts doubt on the other figures of the story.
    Example:
    (published 2024-11-05) (facts seeds/000_b25511bfe7d2328e.facts.toml) North Korean leader Kim Jong Un, 41, met the Russian delegation in Pyongyang.
    (published 2024-11-05) Maria Lopez, 52, who was born in 1975, runs the shelter.
    Not flagged:
    (published 2024-11-05) (facts seeds/000_b25511bfe7d2328e.facts.toml) North Korean leader Kim Jong Un, 40, met the Russian delegation in Pyongyang.
    (published 2024-11-05) Maria Lopez, 49, who was born in 1975, runs the shelter.
    Limitations: with only a birth year both possible ages pass; an age is also accepted at any other explicit date of its sentence ("in 2011, Kim, 27, took power") and at the person's death. Ages are recognized after a name ("Name, 40,", "Name (40)") and in "the 40-year-old Name".
    """
    lk = links(ctx)
    for link in lk.links:
        m = link.mention
        if link.role != "age" or m.value is None:
            continue
        born = _birth(ctx, lk, link)
        if born is None:
            continue
        if ctx.published is None:
            ctx.cannot_verify("age-mismatch", m, "no document date: the age cannot be checked")
            continue
        when = [ctx.published]
        person = link.ref.person
        if person is not None and person.died is not None:
            when.append(person.died)
        for o in ctx.mentions_in(*ctx.sentences.span(m.start)):
            days = days_of(o) if o.kind == "date" and has_year(o) else None
            when += list(days or ())
        ok = set().union(*(ages_on(birth_days(born[0]), d) for d in when))
        if int(m.value) in ok:
            continue
        now = sorted(ages_on(birth_days(born[0]), ctx.published))
        said = " or ".join(map(str, now))
        birth = fmt_day(born[0]) if isinstance(born[0], dt.date) else f"in {born[0]}"
        msg = (f"{in_sentence(link.ref.text)} was born {birth}, so on {fmt_day(ctx.published)} "
               f"the age is {said}, "
               f"not {int(m.value)}")
        fix = regex.sub(r"\d+", str(now[-1]), m.text, count=1) if len(now) == 1 else None
        yield Flag(m.start, m.end, msg, (born[1], published(ctx)), fix)


# --------------------------------------------------------------------------- T007

# "He was 91." / "She was 88, her family said." (not "He was 19 when he joined ...")
_AGE = regex.compile(
    r"""\b(?:he|she)\s+was\s+(?P<n>\d{1,3})(?=\s*(?:[.;]|,\s+(?:his|her|their|the|a)\b))
      | \bdied\b[^.;\d]{0,60}?\b(?:at|aged|at\s+the\s+age\s+of)\s+(?P<n2>\d{1,3})\b(?!\s*[%\w-])""",
    regex.IGNORECASE | regex.VERBOSE)
# "he was born", "she was born", or a sentence that opens with "Born": the birth date follows.
# Found as each "born" (a literal the engine finds at memory speed) whose left context fits, not
# by one pattern that opens on a lookbehind (that one tries every position: ~45 ms on 2 MB).
_BORN_WORD = regex.compile(r"born", regex.IGNORECASE)
_BORN_AT = regex.compile(r"(?:(?<=\b(?:he|she)\s+was\s+)|^|(?<=[.!?]\s))born\b", regex.IGNORECASE)
_DIED = regex.compile(r"\bdied\b", regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"[.;!?]\s|\band\b|\bbut\b|\bwhere\b|\bwhen\b")
_WINDOW = 60  # characters after "born" or "died" in which their date must start
_RECENT_DAYS = 7  # with no date of death, the age may be the one of the week before publication


def _date_after(ctx: Context, pos: int, day: bool) -> Mention | None:
    """The first dated mention (with its year; a single day when ``day``) starting within
    ``_WINDOW`` characters after ``pos``, before the end of the clause ("born in a farmhouse and
    moved to Boston in 1952" gives no birth date)."""
    clause = _CLAUSE_END.search(ctx.text, pos, pos + _WINDOW)
    limit = pos + _WINDOW if clause is None else clause.start()
    for m in ctx.mentions_in(pos, limit + 1):
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
    if ctx.published is None:
        return
    borns = [b.end() for w in _BORN_WORD.finditer(ctx.text)
             if (b := _BORN_AT.match(ctx.text, w.start())) is not None]
    if len(borns) != 1:
        return  # the common case, decided before the costlier search for ages
    ages = list(_AGE.finditer(ctx.text))
    if len(ages) != 1:
        return
    birth = _date_after(ctx, borns[0], day=False)
    born = days_of(birth) if birth is not None else None
    if birth is None or born is None:
        return
    if born[0].year != born[1].year:
        return  # a decade or a century: no age follows
    n = int(ages[0]["n"] or ages[0]["n2"])
    died = [d for x in _DIED.finditer(ctx.text)
            if (d := _date_after(ctx, x.end(), day=True)) is not None]
    when = [days[0] for d in died if (days := days_of(d))] or [
        cal.plus_days(ctx.published, -k) for k in range(_RECENT_DAYS + 1)]
    if n in set().union(*(ages_on(born, w) for w in when)):
        return
    on = when[0]
    right = sorted(ages_on(born, on))
    span = ages[0].span("n" if ages[0]["n"] else "n2")
    said = " or ".join(map(str, right))
    msg = f"born {ctx.text[birth.start:birth.end]}, the person was {said} on {fmt_day(on)}, not {n}"
    evidence = (claim(birth), *(claim(d, "death") for d in died[:1])) if died else (
        claim(birth), published(ctx))
    yield Flag(span[0], span[1], msg, evidence, str(right[-1]) if len(right) == 1 else None)

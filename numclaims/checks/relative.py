"""Relative-date checks: relative-date-mismatch (T004).

A relative date ("yesterday", "last month", "this summer", "earlier this year") resolved against the
document date must be able to denote the same days as an explicit date given for the same time:
side by side ("yesterday, Oct. 28"), or for the same event ("the strike began last week" ... "the
strike began on Oct. 3, 2024"). Does not live here: weekdays (``dates``), "X ago" (``elapsed``),
dates of fact-sheet events (``fact_dates``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..link.events import links
from ..link.phrases import is_relative
from ..models import Mention
from ._say import in_sentence
from ._temporal import fmt_day, fmt_days, has_year, overlaps, published, readings
from .registry import Context, Flag, claim, register

_UNIQUE_ROLES = ("begin", "end", "born")  # an event begins once; "announced" may happen twice


def _relative(m: Mention) -> bool:
    return m.kind == "date" and is_relative(m) and bool(readings(m))


def _explicit(m: Mention) -> bool:
    return m.kind == "date" and not is_relative(m) and bool(readings(m))


def _mismatch(ctx: Context, rel: Mention, exp: Mention, how: str) -> Flag | None:
    if overlaps(readings(rel), readings(exp)):
        return None
    days = readings(rel)[-1]
    given = fmt_days(readings(exp)[len(readings(exp)) // 2])
    year = "" if has_year(exp) else f" ({given}, or the same day in a year near it)"
    msg = (f"'{rel.text}' from {fmt_day(ctx.published)} is {fmt_days(days)}, but {how} is given "
           f"as '{exp.text}'{year}")
    return Flag(rel.start, rel.end, msg, (claim(exp), published(ctx)))


@register("T004", "relative-date-mismatch")
def relative_date_mismatch(ctx: Context) -> Iterator[Flag]:
    """What it flags: a relative date ("yesterday", "last month", "this summer") that cannot denote the explicit date given for the same time, either side by side ("yesterday, Oct. 28") or for the same event elsewhere in the text ("the strike began last week" and "the strike began on Oct. 3, 2024").
    Why it matters: relative dates are written for one publication day; when a story is updated or republished they silently go stale and contradict the explicit dates beside them.
    Example:
    (published 2024-11-05) The minister resigned yesterday, Oct. 28, after weeks of protests.
    (published 2024-11-05) The strike began last week, union leaders said. The strike began on Oct. 3, 2024, at the port.
    Not flagged:
    (published 2024-11-05) The minister resigned yesterday, Nov. 4, after weeks of protests.
    (published 2024-11-05) The strike began last month, union leaders said. The strike began on Oct. 3, 2024, at the port.
    Limitations: "the same event" means the same noun phrase with a begin/end/born verb; events of the fact sheet are judged against the sheet instead (fact-mismatch). A year-less explicit date is compared in the neighbouring years as well, and "last summer" in the resolved summer and the one before. A bare weekday next to a date is left to weekday-mismatch.
    """
    if ctx.published is None:
        return
    lk = links(ctx)
    for p in lk.pairs:
        if p.relation != "same":
            continue
        for rel, exp in ((p.first, p.second), (p.second, p.first)):
            if _relative(rel) and _explicit(exp):
                flag = _mismatch(ctx, rel, exp, "the same time")
                if flag is not None:
                    yield flag
    for key, group in lk.by_key.items():
        if key.startswith(("event:", "person:")):
            continue
        for role in _UNIQUE_ROLES:
            said = [k.mention for k in group if k.role == role]
            explicit = next((m for m in said if _explicit(m) and has_year(m)), None)
            if explicit is None:
                continue
            for rel in (m for m in said if _relative(m)):
                noun = {"begin": "start", "born": "birth"}.get(role, role)
                flag = _mismatch(ctx, rel, explicit, f"the {noun} of {in_sentence(group[0].ref.text)}")
                if flag is not None:
                    yield flag

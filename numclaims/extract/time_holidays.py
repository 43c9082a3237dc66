"""Resolvers for holidays: on a fixed day ("Christmas Eve 2023", "on Christmas", data in
[holidays] of time.toml) and moving ones ("Easter 2018", "Thanksgiving 2023", "over Easter",
[moving_holidays], their day computed by ``numclaims.calendar.moving_day``). Written without a
year, a holiday is a day without its year ([resolution]); the ones that are mostly adjectives
("Christmas shopping", "Easter eggs") only after a date word ("before Christmas").

With a relative word ("last Easter", "next Christmas") it is the one before or after the document
date (or in its year: "this Easter").
Does not live here: other dates (``time_dates``), the calendar arithmetic (``numclaims.calendar``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import regex

from ..calendar import moving_day
from ..models import Mention
from .time_context import (
    NO_DOC_DATE,
    Ctx,
    after_story_order,
    choose_day,
    make,
    prev_word,
    story_order,
)
from .time_dates import day_mention

Match: TypeAlias = "regex.Match[str]"


def r_hol(m: Match, ctx: Ctx) -> list[Mention]:
    """A holiday: its day in the year written, else as a date written without its year;
    "Christmas", "Halloween" and the moving holidays (Easter, Thanksgiving) alone only after a
    date word ("before Christmas", "over Easter")."""
    name = m["hol"]
    rule = ctx.lx.moving_holidays.get(name)
    if m["hrel"]:
        return _relative(m, ctx, rule)
    if after_story_order(ctx, m.start()):
        return []  # "the last Christmas of the war": which one, the story says, not the calendar
    if (rule or name in ctx.lx.holiday_cue_names) and not m["holy"]:
        prev = prev_word(ctx.text, m.start())
        if prev not in ctx.lx.holiday_after or (
                prev in ("Last", "This", "Next")
                and not _sentence_start(ctx, m.start() - len(prev) - 1)):
            return []  # "played Last Christmas": a title
    if rule:
        return _moving(m, ctx, rule)
    month, day = ctx.lx.holidays[name]
    return day_mention(ctx, m.start(), m.end(), "<holiday>", int(m["holy"]) if m["holy"] else None,
                month, day)


def _moving(m: Match, ctx: Ctx, rule: tuple[Any, ...]) -> list[Mention]:
    """A holiday whose day moves ("Easter 2018", "over Thanksgiving"): its day in the year
    written, else in the year [resolution] picks for a day written without its year."""
    if m["holy"]:
        year = int(m["holy"])
        day = moving_day(rule, year)
        return day_mention(ctx, m.start(), m.end(), "<holiday>", year, day.month, day.day)
    if ctx.pub is None:
        return [make(ctx, "date", m.start(), m.end(), "<holiday>",
                     note="no year and no document date: left unresolved")]
    cands = [moving_day(rule, y) for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1)]
    d, how = choose_day(ctx, m.start(), cands)
    if d is None:
        return []
    return [make(ctx, "date", m.start(), m.end(), "<holiday>", timex=d.isoformat(), date_start=d,
                 date_end=d, anchor="published",
                 note=f"year {d.year} from the document date: {how}")]


def _relative(m: Match, ctx: Ctx, rule: tuple[Any, ...] | None) -> list[Mention]:
    """ "last Easter", "next Christmas", "this Thanksgiving": the one before the document date,
    after it, or in its year; not after a determiner ("the last Christmas of the war"). "Last Christmas" in capitals inside a sentence is a title (the
    song), not a date."""
    s = m.start()
    if m["hrel"][0].isupper() and not _sentence_start(ctx, s):
        return []
    kind = ctx.lx.rel_kind(m["hrel"])
    if m["holy"] or kind is None:
        return []
    if m["hrel"].lower() in ("last", "next") and story_order(ctx, s, True):
        return []  # "the last Christmas of the war", "his last Easter": the final one, no date
    if ctx.pub is None:
        return [make(ctx, "date", s, m.end(), "<rel> <holiday>", note=NO_DOC_DATE)]
    pub = ctx.pub
    days = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        if rule:
            days.append(moving_day(rule, y))
        else:
            month, day = ctx.lx.holidays[m["hol"]]
            days.append(dt.date(y, month, day))
    pick = {"last": [d for d in days if d < pub][-1:], "next": [d for d in days if d > pub][:1],
            "this": [d for d in days if d.year == pub.year]}[kind]
    if not pick:
        return []
    d = pick[0]
    how = {"last": "the latest one before it", "next": "the first one after it",
           "this": "the one in its year"}[kind]
    return [make(ctx, "date", s, m.end(), "<rel> <holiday>", timex=d.isoformat(), date_start=d,
                 date_end=d, anchor="published", note=f"from the document date: {how}")]


def _sentence_start(ctx: Ctx, pos: int) -> bool:
    """Whether a word at ``pos`` opens a sentence (or a line, or the text)."""
    return _OPENS.match(ctx.text[max(0, pos - 4):pos]) is not None


_OPENS = regex.compile(r"(?:^|.*[\n.!?\"“”(])\s*\Z", regex.DOTALL)

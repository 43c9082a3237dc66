"""Resolvers for durations and sets: "nearly two years", "more than a decade", "2½ years",
"a fortnight", "the three-year-old war", "in its third year", "every week".

A duration keeps its figure as written (value, unit) and the interval its hedge allows (low, high,
from the shared ``grammar.interval``), in the unit of its TIMEX3 value (a decade is 10 years).
"X ago" also points at days: one Mention, the duration words without "ago", with anchor
"published" and date_start/date_end = the days the interval reaches back to (a bare count of days
or weeks is that very day; years and months are rounded by writers and keep a band, see
``ago_tolerance`` in time.toml). "In two weeks" (future tense), "a year from now", "two days from
today", "16 days after [a date]" point forward or back to one day: a plan or a deadline is
counted, not rounded. "X earlier/later" points like "ago" from the nearest date written earlier in
the same sentence, when there is one. "For 3 days from today" is no offset but a stretch
(``time_stretch``). A range ("two to three years") is one duration whose value is the midpoint
and low/high its ends; "all week" is one whole unit.
All date arithmetic is calendar arithmetic (``calendar.shift``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import regex

from ..calendar import shift
from ..models import Mention
from . import grammar
from .time_context import NO_DOC_DATE, Ctx, fmt_num, future, make, prev_word, same_sentence

Match: TypeAlias = "regex.Match[str]"

UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
              "S": "second"}
HEDGE_MOD = {"nearly": "LESS_THAN", "less_than": "LESS_THAN", "approx": "APPROX",
             "more_than": "MORE_THAN", "at_most": "EQUAL_OR_LESS", "at_least": "EQUAL_OR_MORE"}
_ARTICLES = ("a", "an", "one")
_ABBREVIATIONS = ("hr", "hrs", "min", "mins", "sec", "secs")
# What follows a duration and turns it into a pointer: "ago" from the document date, "earlier" /
# "later" from another date ("before"/"after" only at the end of a clause, else they introduce
# the event measured from: "two years after the invasion").
_AFTER = regex.compile(
    r"[ \t]{1,3}(?P<w>ago|back|earlier|later|afterwards?|prior"
    r"|(?:from|after|before)[ \t]{1,3}(?P<day>now|today|tomorrow|tmrw|yesterday)|before|after)\b"
    r"(?P<end>(?=[ \t]{0,2}(?:[.,;:!?)\"”]|$|and\b|but\b|when\b)))?",
    regex.MULTILINE,
)
# "a year from now", "two days from today", "three weeks from tomorrow": from this day
_DAY_WORDS = {"now": 0, "today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
# "three days after", "two weeks before", "16 days from": a date may follow
_LEAD = regex.compile(r"[ \t]{1,3}(?P<w>before|after|from)[ \t]{1,3}")
# "the last three weeks of the campaign": a part of a period named after it, not a stretch
# from the document date
_OF = regex.compile(r"[ \t]{1,3}of\b")
# rules of dates written as such, whose year alone may come from the document date
_WRITTEN_DAY = regex.compile(r"(?:<weekday>, )?<(?:month> <day|day> <month)")
# "over" before a duration says "across", not "more than", after an amount or a plural noun
# ("cost $4 billion over 10 years", "rose 20% over five years", "released 33 hostages over six
# weeks") or opening a clause ("Over six weeks, the jury heard ..."); after a verb or a
# preposition it stays a hedge ("waited over two hours", "for over 10 years", "over 10 years
# ago"). Verbs that end in -s are no plural nouns ("it takes over two hours").
_AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "bn", "m",
                           "percent", "cent", "pounds", "dollars", "euros"})
_S_VERBS = frozenset({"lasts", "takes", "runs", "spans", "costs", "has", "was", "is", "does",
                      "goes", "comes", "stays", "remains", "seems", "needs", "requires", "means",
                      "gets", "keeps", "spends", "waits", "works", "lives", "serves", "this",
                      "his", "its", "plus", "as", "us", "thus"})
# Verbs after which "over" spreads something across the time ("held over four days", "repaid
# over 10 years", "spread over two weeks")
_ACROSS_VERBS = frozenset({"held", "spread", "staged", "played", "conducted", "paid", "repaid",
                           "phased", "split", "built", "taken", "run", "collected", "raised"})
_CLAUSE_AFTER = regex.compile(r"[ \t]{0,2}[,;:]")
# Between a date and an offset that restates it ("in 2001, three years later", "on Dec. 1 - four
# days later"): the offset counts from an earlier event, not from that date.
_APPOSITION = regex.compile(r"[ \t]{0,2}[,(–—-][ \t]{0,3}(?:some[ \t]{1,3}|about[ \t]{1,3}|just[ \t]{1,3})?")
# "in two weeks' time"
_TIME_AFTER = regex.compile(r"['’]s?[ \t]{1,3}time\b")


def timex_of(value: float | None, letter: str) -> str:
    n = "X" if value is None else fmt_num(value)
    return f"PT{n}{'M' if letter == 'MIN' else letter}" if letter in ("H", "MIN", "S") else (
        f"P{n}{letter}")


def _scaled(x: float | None, mult: int) -> float | None:
    return None if x is None else x * mult


def _after_amount(before: str) -> bool:
    """Whether ``before`` ends with a figure and its scale or unit words ("6.4 billion km",
    "$4bn", "12 kg"): the words after the figure are scale words or short lower-case units."""
    words = before.split()[-3:]
    while words and not any(c.isdigit() for c in words[-1]):
        w = words.pop()
        if not (w in _AMOUNT_WORDS or (w.isalpha() and w.islower() and len(w) <= 3)):
            return False
    return bool(words) and not words[-1].endswith(",")


def _over_across(ctx: Ctx, m: Match) -> bool:
    """Whether "over" before this duration means "across" (see ``_AMOUNT_WORDS``)."""
    if m["dold"] or _AFTER.match(ctx.text, m.end()):
        return False  # "over 10 years ago", "over two years later": more than
    start = m.start()
    before = ctx.text[max(0, start - 3):start].rstrip(" \t")
    if before == "" or before[-1] in "\n.!?;:(\"“":
        return _CLAUSE_AFTER.match(ctx.text, m.end()) is not None  # "Over six weeks, ..."
    if before[-1].isdigit() or before[-1] == "%" or _after_amount(ctx.text[max(0, start - 30):start]):
        return True  # "rose 20% over five years", "travelled 6.4 billion km over nine years"
    prev = prev_word(ctx.text, start).rstrip(".,").lower()
    return prev in _AMOUNT_WORDS or prev in _ACROSS_VERBS or (
        len(prev) > 3 and prev.endswith("s") and prev not in _S_VERBS and prev.isalpha()
        and prev_word(ctx.text, start)[:1].islower())


def r_dur(m: Match, ctx: Ctx) -> list[Mention]:
    letter, mult = ctx.lx.units[m["dunit"]]
    s, e = m.start(), m.end()
    num = m["dnum"]
    if letter == "S" and (num is None or num.lower() in _ARTICLES):
        return []  # "a second", "one second" are mostly ordinals in news
    if num and num.lower() in _ARTICLES and m["dunit"].lower() in _ABBREVIATIONS:
        return []  # "a min", "an hr": not how prose counts
    hedge_text = m["dhedge"] or m["dhafter"]
    if m["dhedge"] and m["dhedge"].lower() == "over" and not m["drel"] and _over_across(ctx, m):
        # "cost $4 billion over 10 years": "over" is no hedge here. The span keeps it, as it
        # keeps "for" in "for 10 years", and so outranks the number reader's hedged quantity.
        hedge_text = m["dhafter"]
    hedge = grammar.hedge_of(hedge_text) if hedge_text else None
    mod = HEDGE_MOD.get(hedge) if hedge else None
    unit = UNIT_NAMES[letter]
    rule = "<number> <unit>" if num else "<vague count> <unit>"
    if hedge:
        rule = "<hedge> " + rule
    if m["dold"]:
        rule += "-old"
    if num is None:  # several years: a count we cannot give
        if m["drel"]:  # "the next few months": from the document date, as far as such a count goes
            return [_vague_stretch(ctx, s, e, m["drel"], m["dunit"], m["dthe"] is not None)]
        return [make(ctx, "duration", s, e, rule, timex=timex_of(None, letter), unit=unit,
                     note="a vague count")]
    written = grammar.parse_number(num)
    if written is None:
        return []
    if m["dhalf"]:
        written += 0.5
    low, high = grammar.interval(written, hedge, num)
    note = None
    if m["dlow"]:  # "two to three years", "between 60 and 90 days": the range, its midpoint
        first = grammar.parse_number(m["dlow"])
        if first is None or hedge or not first < written:
            return []  # a backward range is the number extractor's (range-order)
        low, high, written = first, written, (first + written) / 2
        rule = "<number> to " + rule
        note = f"a range: {fmt_num(first)} to {fmt_num(high)} {UNIT_NAMES[letter]}s"
    value = written * mult
    low, high = _scaled(low, mult), _scaled(high, mult)
    fields: dict[str, Any] = {"timex": timex_of(value, letter), "mod": mod, "value": value, "low": low,
              "high": high, "unit": unit, "hedge": hedge}
    if m["drel"]:
        return [_stretch(ctx, m, fields, rule)]
    plain = make(ctx, "duration", s, e, rule, note=note, **fields)
    if m["dold"]:
        return [plain]
    after = _AFTER.match(ctx.text, e)
    if after is None:
        if _within(ctx, m):  # "(will close) within nine months": from now to then
            return [_stretch(ctx, m, fields, "within " + rule, "next")]
        lead = _LEAD.match(ctx.text, e)
        if lead and not (lead["w"].lower() == "from" and prev_word(ctx.text, s).lower() == "for"):
            # "three days after [Jan. 12]": when a date follows (not "for 3 days from Jan. 12")
            _await_date(ctx, m, fields, rule, note)
        if not _future_offset(ctx, m):
            return [plain]
        rule = "in " + rule
        if ctx.pub is None:
            return [make(ctx, "duration", s, e, rule, note=_join(note, NO_DOC_DATE), **fields)]
        return [_pointer(ctx, m, fields, rule, 1, (ctx.pub, ctx.pub), "published", note,
                         exact=True)]
    word = after["w"].lower()
    if word.startswith("from") and prev_word(ctx.text, s).lower() == "for":
        return [plain]  # "(closed) for 3 days from today": a stretch (time_stretch), no offset
    if word in ("before", "after") and not after["end"]:
        _await_date(ctx, m, fields, rule, note)
        return [make(ctx, "duration", s, e, rule + f" {word} <event>", note=note, **fields)]
    sign = -1 if word.startswith(("ago", "back", "earlier", "before", "prior")) else 1
    rule += " " + " ".join(word.split())
    if word in ("ago", "back") or after["day"]:
        if ctx.pub is None:
            return [make(ctx, "duration", s, e, rule, note=_join(note, NO_DOC_DATE), **fields)]
        day = ctx.pub + dt.timedelta(days=_DAY_WORDS.get((after["day"] or "now").lower(), 0))
        return [_pointer(ctx, m, fields, rule, sign, (day, day), "published", note,
                         exact=after["day"] is not None)]
    # the nearest date written earlier in the sentence: a full date, or a day whose year comes
    # from the document date ("On May 3 ... a fortnight later"), not a relative one ("today")
    prev = next((p for p in reversed(ctx.dates[-4:]) if p.end <= s and same_sentence(
        ctx, p.end, s) and (p.anchor is None or _WRITTEN_DAY.match(p.rule or ""))), None)
    if prev is not None and _APPOSITION.fullmatch(ctx.text, prev.end, s):
        prev = None  # "promoted in 2001, three years later": the offset restates that date
    if prev is None or prev.date_start is None or prev.date_end is None:
        return [make(ctx, "duration", s, e, rule, note=_join(
            note, "relative to another date in the story, which was not found"), **fields)]
    return [_pointer(ctx, m, fields, rule, sign, (prev.date_start, prev.date_end),
                     f"{prev.start}:{prev.end}", note)]


def _await_date(ctx: Ctx, m: Match, fields: dict[str, Any], rule: str, note: str | None) -> None:
    """ "two weeks before [May 13, 1999]", "16 days from [01/02/2018]": when the scan finds a
    date starting right after the word, the duration points from that date."""
    lead = _LEAD.match(ctx.text, m.end())
    if lead is None:
        return
    word = lead["w"].lower()
    sign = -1 if word == "before" else 1

    def remake(date: Mention) -> Mention | None:
        if date.date_start is None or date.date_end is None or date.timex is None:
            return None  # an ambiguous day (03/04/2023) is no base
        if word == "from" and date.date_start != date.date_end:
            return None  # "over four days from July 25 to 28": "from" opens the range
        return _pointer(ctx, m, fields, f"{rule} {word} <date>", sign,
                        (date.date_start, date.date_end), f"{date.start}:{date.end}", note,
                        exact=True)

    ctx.follow = (lead.end(), lead.end(), remake)


def _within(ctx: Ctx, m: Match) -> bool:
    """ "(the deal will close) within nine months": a stretch from the document date, said in
    the future tense; "within two years of the war" counts from the event, "won within two
    hours" is a length."""
    return (prev_word(ctx.text, m.start()).lower() == "within" and _OF.match(ctx.text, m.end())
            is None and future(ctx, m.start()))


def _join(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _future_offset(ctx: Ctx, m: Match) -> bool:
    """ "(will leave) in two weeks": a day ahead of the document date, said in the future tense
    or with "time" after it ("in two weeks' time"); "won the race in two hours" is a length."""
    if prev_word(ctx.text, m.start()).lower() != "in" or _OF.match(ctx.text, m.end()):
        return False  # "(will end) in two years of talks": a length
    return _TIME_AFTER.match(ctx.text, m.end()) is not None or future(ctx, m.start())


def _pointer(ctx: Ctx, m: Match, fields: dict[str, Any], rule: str, sign: int,
             base: tuple[dt.date, dt.date], anchor: str, note: str | None,
             exact: bool = False) -> Mention:
    """A duration that points at days ``sign`` * itself away from ``base``: "two years ago",
    "in three days", "a decade earlier". Looking back ("ago", "earlier"), a bare count is taken
    with the tolerance of its unit (``ago_tolerance`` in time.toml: a band for years, the very
    day for days and weeks), since writers round what has passed. With ``exact`` (a day ahead
    named by its offset: "in two months", "4 months from tomorrow", "16 days after [a date]")
    it is calendar arithmetic: a plan or a deadline is counted, not rounded."""
    letter, mult = ctx.lx.units[m["dunit"]]
    value, low, high, unit = fields["value"], fields["low"], fields["high"], fields["unit"]
    key = m["dunit"].lower().rstrip("s").replace("centurie", "century")
    tol = ctx.lx.ago_tolerance.get(key, ctx.lx.ago_tolerance["default"])
    if fields["hedge"] is None and low == high and not exact:  # "two years ago": round
        low, high = value - tol * mult, value + tol * mult
        if tol:
            note = f"a round figure: taken as {fmt_num(low)} to {fmt_num(high)} {unit}s"
    lo = 0.0 if low is None else low  # "up to two years ago": as late as the base itself
    if sign < 0:
        first, last = _move(base[0], -1, high, letter), _move(base[1], -1, lo, letter)
    else:
        first, last = _move(base[0], 1, lo, letter), _move(base[1], 1, high, letter)
    if first is None or last is None:
        note = _join(note, "open-ended on one side")
    return make(ctx, "duration", m.start(), m.end(), rule, anchor=anchor, date_start=first,
                date_end=last, note=note, **fields)


def _move(d: dt.date, sign: int, amount: float | None, letter: str) -> dt.date | None:
    if amount is None:
        return None
    if letter in ("H", "MIN", "S"):
        secs = {"H": 3600, "MIN": 60, "S": 1}[letter] * amount
        return d + dt.timedelta(days=sign * secs / 86400)
    try:
        return shift(d, sign * max(amount, 0.0), letter)
    except (OverflowError, ValueError):
        return None


def _stretch(ctx: Ctx, m: Match, fields: dict[str, Any], rule: str,
             word: str | None = None) -> Mention:
    """ "the past two years", "the next four years", "within nine months": from or to the
    document date ("the last three weeks of the campaign": no stretch, the period is another)."""
    s, e = m.start(), m.end()
    if word is None:
        word = m["drel"].lower()
        rule = ("the " if m["dthe"] else "") + f"{word} " + rule
        if _OF.match(ctx.text, e):
            return make(ctx, "duration", s, e, rule, note="a part of the period named after it",
                        **fields)
    if word in ("past", "last", "next", "coming") and ctx.pub is not None:
        letter = ctx.lx.units[m["dunit"]][0]
        value = fields["value"]
        assert isinstance(value, float)
        sign = -1 if word in ("past", "last") else 1
        other = _move(ctx.pub, sign, value, letter)
        if other is not None:
            first, last = sorted((ctx.pub, other))
            if letter == "D" and sign > 0:  # "the next three days": the three after today
                first += dt.timedelta(days=1)
            return make(ctx, "duration", s, e, rule, anchor="published", date_start=first,  # type: ignore[arg-type]
                        date_end=last, **fields)
    note = NO_DOC_DATE if ctx.pub is None else None
    return make(ctx, "duration", s, e, rule, note=note, **fields)  # type: ignore[arg-type]


def _vague_stretch(ctx: Ctx, s: int, e: int, word: str, unit_word: str, the: bool) -> Mention:
    """ "the coming weeks", "the past few years": a duration of no stated count reaching from
    the document date (forward for next/coming), at most ``vague_reach`` units away."""
    letter, mult = ctx.lx.units[unit_word]
    word = word.lower()
    rule = ("the " if the else "") + f"{word} <vague count> <unit>"
    fields: dict[str, Any] = {"timex": timex_of(None, letter), "unit": UNIT_NAMES[letter]}
    if _OF.match(ctx.text, e) or word in ("previous", "following"):  # another story time
        return make(ctx, "duration", s, e, rule, note="a vague count", **fields)
    if ctx.pub is None:
        return make(ctx, "duration", s, e, rule, note=_join("a vague count", NO_DOC_DATE),
                    **fields)
    sign = 1 if word in ("next", "coming") else -1
    reach = ctx.lx.vague_reach
    far = _move(ctx.pub, sign, float(reach * mult), letter)
    if far is None:
        return make(ctx, "duration", s, e, rule, note="a vague count", **fields)
    first, last = sorted((ctx.pub, far))
    return make(ctx, "duration", s, e, rule, anchor="published", date_start=first,
                date_end=last, note=f"a vague count: taken as at most {reach} {UNIT_NAMES[letter]}s",
                **fields)


def r_vague(m: Match, ctx: Ctx) -> list[Mention]:
    """ "for years", "over the decades", "recent years": a duration of no stated count; "the
    coming weeks", "the past months" reach from the document date."""
    if m["vrel"]:
        return [_vague_stretch(ctx, m.start(), m.end(), m["vrel"], m["vunit"], True)]
    letter = ctx.lx.units[m["vunit"]][0]
    if m["vall"]:  # "all week": the one whole unit
        return [make(ctx, "duration", m.start(), m.end(), "all <unit>", timex=timex_of(1, letter),
                     value=1.0, low=1.0, high=1.0, unit=UNIT_NAMES[letter])]
    rule = "recent <units>" if m["vrecent"] else "for <units>"
    return [make(ctx, "duration", m.start(), m.end(), rule, timex=timex_of(None, letter),
                 unit=UNIT_NAMES[letter], note="a vague count")]


def r_nth(m: Match, ctx: Ctx) -> list[Mention]:
    """ "in its third year": between two and three years have passed."""
    n = grammar.parse_ordinal(m["nord"])
    if n is None or not 1 <= n <= 100:
        return []
    letter, mult = ctx.lx.units[m["nunit"]]
    unit = UNIT_NAMES[letter]
    return [make(ctx, "duration", m.start(), m.end(),
                 "in its <ordinal> <unit>: between n-1 and n units elapsed",
                 timex=timex_of(n * mult, letter), mod="EQUAL_OR_LESS", value=float(n * mult),
                 low=float((n - 1) * mult), high=float(n * mult), unit=unit)]


def r_set(m: Match, ctx: Ctx) -> list[Mention]:
    lx = ctx.lx
    s, e = m.start(), m.end()
    if m["sadv"]:
        return [make(ctx, "set", s, e, "<adverb of frequency>", timex="P1Y", unit="year")]
    if m["sper"]:
        letter = m["sper"][0].upper()
        return [make(ctx, "set", s, e, "<count> a <unit>", timex=f"P1{letter}",
                     unit=m["sper"])]
    word = m["sunit"]
    n = grammar.parse_number(m["snum"]) if m["snum"] else 1.0
    if n is None:
        return []
    if m["sother"]:
        n *= 2
    if word in lx.units:
        letter, mult = lx.units[word]
        if letter == "S" and not m["snum"]:
            return []  # "every second counts"
        return [make(ctx, "set", s, e, "every <unit>", timex=timex_of(n * mult, letter),
                     value=n * mult, unit=UNIT_NAMES[letter])]
    if word in lx.weekdays_full:
        timex = f"XXXX-WXX-{lx.weekdays_full[word]}"
    elif word in lx.months:
        timex = f"XXXX-{lx.months[word]:02d}"
    else:
        timex = f"XXXX-{lx.seasons[word]}"
    return [make(ctx, "set", s, e, "every <name>", timex=timex)]

"""Years written in words: "nineteen ninety-six", "nineteen oh five", "nineteen hundred ninety
three", "two thousand and fifteen", alone ("in nineteen ninety six") or as the year of a month
or a day ("August two thousand and fifteen", "13 Sept nineteen seventy two").

Lives here: ``YEAR_WORDS``, the pattern text the date rules of ``time_patterns`` use for such a
year (no groups of its own, so it can stand in several rules), ``year_value`` (its value), and
``r_yword``, the resolver of a year in words standing alone.
A year said as two pairs ("nineteen ninety-six") is a year wherever it stands, unless a count
noun follows (as after a year in figures: "Nineteen ninety-six people") where no date word comes
before it; "nineteen hundred" before a count noun is always a count ("sent in nineteen hundred
troops"). "two thousand and fifteen" is also a count ("two thousand and fifteen votes"), so alone
it is a year only after a date word ("in", "since", ...) and before the end of a clause.
Does not live here: numbers in words (``grammar``), years in figures and the dates that hold
a year in words (``time_dates``).
"""

from __future__ import annotations

from typing import TypeAlias

import regex

from ..calendar import timex_bounds
from ..models import Mention
from . import grammar
from .time_context import Ctx, count_follows, day_fields, make, prev_word

Match: TypeAlias = "regex.Match[str]"

# "seventeen" to "nineteen" only: "twelve fifteen" is a clock time more often than 1215
_CENTURIES = "seventeen|eighteen|nineteen"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_100 = rf"(?:(?:{_TENS})(?:[\ -]{{1,2}}(?:{_ONES}))?|{_TEENS}|{_ONES})"
# Verbose pattern text; every repetition is bounded and every alternative a literal word.
YEAR_WORDS = rf"""
  (?i:(?:{_CENTURIES})[\ -]{{1,2}}
      (?: hundred(?:\s{{1,3}}and)?(?:\s{{1,3}}{_BELOW_100})?     # nineteen hundred ninety three
        | oh[\ -]{{1,2}}(?:{_ONES})                               # nineteen oh five
        | (?:{_TENS})(?:[\ -]{{1,2}}(?:{_ONES}))? | {_TEENS} )    # nineteen ninety(-)six
    | two\s{{1,3}}thousand(?:\s{{1,3}}(?:and\s{{1,3}})?{_BELOW_100})?  # two thousand (and) five
  )(?![\w-])
"""
# The heads that open such a year, for the scan's trigger
HEADS = [*_CENTURIES.split("|"), "thousand"]
_PAIR = regex.compile(rf"(?i)({_CENTURIES})[\s-]{{1,2}}(?:oh[\s-]{{1,2}})?(.+)")
# After "two thousand and fifteen": the end of a clause, or "and"/"or" before a word that
# goes on no number ("... and came back", not "two thousand and tens")
_CLAUSE_END = regex.compile(
    rf"\s{{0,3}}(?:[.,;:!?)\"”]|$)|\s{{1,3}}(?:and|or)\s{{1,3}}"
    rf"(?!(?:{_ONES}|{_TEENS}|{_TENS}|hundred|thousand|tens|teens|twenties)\b)")
# Before it: a date word; not "and" ("two hundred and two thousand"), not "the" ("the two
# thousand and tens")
_BEFORE_COUNT_YEAR = frozenset({"in", "since", "until", "till", "by", "from", "of", "to",
                                "through", "during", "before", "after", "year", "around"})


def year_value(words: str) -> int | None:
    """The year of a text ``YEAR_WORDS`` matched: "nineteen ninety-six" 1996, "nineteen oh five"
    1905, "seventeen hundred thirty three" 1733, "two thousand and fifteen" 2015."""
    w = " ".join(words.replace("-", " ").split()).lower()
    if "hundred" in w or "thousand" in w:
        n = grammar.parse_number(w)
    else:
        pair = _PAIR.fullmatch(w)
        if pair is None:
            return None
        hi, lo = grammar.parse_number(pair[1]), grammar.parse_number(pair[2])
        n = None if hi is None or lo is None else hi * 100 + lo
    return int(n) if n is not None and n.is_integer() and 1000 <= n <= 2999 else None


def r_yword(m: Match, ctx: Ctx) -> list[Mention]:
    """A year in words standing alone ("in nineteen ninety six", "in two thousand and fifteen"),
    in the contexts of the module docstring."""
    year = year_value(m["yw"])
    if year is None:
        return []
    if m["yw"].lower().startswith("two") and not (
            prev_word(ctx.text, m.start()).lower() in _BEFORE_COUNT_YEAR
            and _CLAUSE_END.match(ctx.text, m.end())):
        return []  # "two thousand and fifteen votes": a count
    if count_follows(ctx, m.end()) and (
            "hundred" in m["yw"].lower()
            or prev_word(ctx.text, m.start()).lower() not in _BEFORE_COUNT_YEAR):
        # "nineteen hundred troops", "Nineteen ninety-six people": a count after all; but a
        # pair after a date word stays a year ("in nineteen eighty-four sales rose")
        return []
    timex = f"{year:04d}"
    out = make(ctx, "date", m.start(), m.end(), "<year in words>", timex=timex,
               **day_fields(timex_bounds(timex)))
    ctx.explicit.append(out)
    return [out]

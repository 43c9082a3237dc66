"""The temporal vocabulary, read once from ``data/time.toml``.

Lives here: word -> value tables (months, weekdays, seasons, duration units, ordinals, fuzzy
parts) and the regex alternations built from the same tables, so the patterns and the resolver
can never disagree about a word.
Does not live here: the patterns themselves (``time_patterns``) or their resolution
(``time_resolve``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from ..calendar import time_data

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}


def alt(words: object) -> str:
    """A regex alternation of literal words, longest first so "Sept." beats "Sep"."""
    items = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "|".join(regex.escape(w, literal_spaces=True) for w in items)


def _cap(words: list[str]) -> list[str]:
    """Each lower-case word also with a capital first letter ("last" -> "Last")."""
    return sorted({*words, *(w[:1].upper() + w[1:] for w in words)})


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    months_with_day: dict[str, int]  # months plus words that are a month only before a day
    weekdays: dict[str, int]
    weekdays_full: dict[str, int]
    seasons: dict[str, str]
    units: dict[str, tuple[str, int]]
    fuzzy: dict[str, tuple[str, float, float]]
    relative: dict[str, list[str]]
    year_after: frozenset[str]
    year_not_after: frozenset[str]
    plural_ok: frozenset[str]
    count_nouns: frozenset[str]
    street_words: frozenset[str]
    year_min: int
    year_max: int
    month_after: frozenset[str]
    weekday_before: tuple[str, ...]
    weekday_after: frozenset[str]
    future_cues: regex.Pattern[str]
    report_verbs: regex.Pattern[str]  # a future cue before one of these does not reach past it
    cue_window: int
    near_future_days: int
    vague_reach: int
    numeric_order: str
    pivot: int
    weekday_window: tuple[int, int]  # days before / after the document date (numeric dates)
    two_digit_future: int
    ago_tolerance: dict[str, float]
    holidays: dict[str, tuple[int, int]]
    holiday_cue_names: frozenset[str]
    holiday_after: frozenset[str]
    moving_holidays: dict[str, tuple[Any, ...]]

    def rel_kind(self, word: str) -> str | None:
        """'last', 'this' or 'next' for a relative word ("previous" -> 'last')."""
        w = word.lower()
        for kind in ("last", "this", "next"):
            if w in self.relative[kind]:
                return kind
        return None


@functools.cache
def lexicon() -> Lexicon:
    d = time_data()
    months = {k: int(v) for k, v in d["months"].items()}
    months.update({k.upper(): v for k, v in list(months.items()) if len(k.rstrip(".")) > 3})
    weekdays = {k: int(v) for k, v in d["weekdays"].items()}
    full = {k: v for k, v in weekdays.items() if k.endswith("day")}
    weekdays.update({k.upper(): v for k, v in full.items()})
    full.update({k.upper(): v for k, v in full.items()})
    # "this SUMMER": a season also in capitals, as a heading writes it
    seasons = {w: str(c) for word, c in d["seasons"].items() for w in [*_cap([word]), word.upper()]}
    units = {w: (str(u[0]), int(u[1])) for word, u in d["units"].items() for w in _cap([word])}
    fuzzy = {w: (str(f[0]), float(f[1]), float(f[2])) for word, f in d["fuzzy"].items()
             for w in _cap([word])}
    yr, ff, res = d["year_rule"], d["false_friends"], d["resolution"]
    cues = sorted(res["future_cues"], key=len, reverse=True)
    return Lexicon(
        months=months,
        months_with_day={**months, **{k: int(v) for k, v in d["months_with_day"].items()}},
        weekdays=weekdays,
        weekdays_full=full,
        seasons=seasons,
        units=units,
        fuzzy=fuzzy,
        relative={k: [str(w) for w in v] for k, v in d["relative"].items()},
        year_after=frozenset(w.lower() for w in yr["after_words"]),
        year_not_after=frozenset(yr["not_after_words"]),
        plural_ok=frozenset(yr["plural_ok"]),
        count_nouns=frozenset(yr["count_nouns"]),
        street_words=frozenset(yr["street_words"]),
        year_min=int(yr["min"]),
        year_max=int(yr["max"]),
        month_after=frozenset(ff["month_after"]),
        weekday_before=tuple(ff["weekday_before"]),
        weekday_after=frozenset(ff["weekday_after"]),
        future_cues=regex.compile(rf"(?i)(?<!\w)(?:{alt(cues)})(?!\w)"),
        report_verbs=regex.compile(rf"(?r)(?<!\w)(?:{alt(res['report_verbs'])})(?!\w)"),
        cue_window=int(res["cue_window"]),
        near_future_days=int(res["near_future_days"]),
        vague_reach=int(res["vague_reach"]),
        numeric_order=str(d["numeric_dates"]["order"]),
        pivot=int(d["numeric_dates"]["two_digit_pivot"]),
        weekday_window=(int(d["numeric_dates"]["weekday_days_before"]),
                        int(d["numeric_dates"]["weekday_days_after"])),
        two_digit_future=int(d["numeric_dates"]["two_digit_future"]),
        ago_tolerance={k: float(v) for k, v in res["ago_tolerance"].items()},
        holidays={w: (int(v[0]), int(v[1])) for k, v in d["holidays"].items()
                  if isinstance(v, list) and k not in ("need_date_word", "holiday_after")
                  for w in _lower_too(k)},
        holiday_cue_names=frozenset(w for k in d["holidays"]["need_date_word"]
                                    for w in _lower_too(k)),
        holiday_after=frozenset(d["holidays"]["holiday_after"]),
        moving_holidays={w: tuple(v) for k, v in d["moving_holidays"].items()
                         for w in _lower_too(k)},
    )


def _lower_too(name: str) -> tuple[str, ...]:
    """A holiday's name as written and in lower case ("christmas eve"); not "new year's ...":
    in lower case "year's" is the head of "next year's first quarter", "the new year's budget"."""
    return (name,) if name.startswith("New ") else (name, name.lower())


def cap_alt(words: list[str]) -> str:
    """Alternation of lower-case words and their capitalized forms."""
    return alt(_cap(words))

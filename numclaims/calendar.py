"""Calendar helpers: what a TIMEX3 value covers, seasons, and calendar arithmetic.

Lives here: ``timex_bounds`` (a TIMEX3 date value -> its first and last day), seasons (news usage,
northern hemisphere; the months are data in ``data/time.toml``), ISO weeks, parts of a period
("mid-2022"), the days of moving holidays (``moving_day``: Easter, Thanksgiving), calendar shifts
by whole and fractional units (``shift``), ``elapsed`` between two days as a relativedelta, and
``phrase`` ("2 years 8 months").
Does not live here: finding dates in prose (``numclaims.extract.temporal``) or judging them
(``numclaims.checks``).

All arithmetic is calendar arithmetic with dateutil's relativedelta: "two years before 2024-11-05"
is 2022-11-05, never 730.5 days of an average year.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from typing import Any

import regex
from dateutil.easter import easter as _easter
from dateutil.relativedelta import relativedelta

from .config import load_data

Span = tuple[dt.date, dt.date]


def plus_days(d: dt.date, days: int) -> dt.date:
    """``d`` moved by ``days``, held at the first or last day of the calendar (years 1-9999)
    rather than overflowing: for windows around a document date ("within a year of it")."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min

# Units whose TIMEX3 letter is a calendar unit, with the relativedelta keyword and multiplier.
_REL: dict[str, tuple[str, int]] = {
    "Y": ("years", 1),
    "DE": ("years", 10),
    "CE": ("years", 100),
    "M": ("months", 1),
    "W": ("weeks", 1),
    "D": ("days", 1),
}


def time_data() -> dict[str, Any]:
    """The parsed ``data/time.toml`` (cached by ``load_data``; treat as read-only)."""
    return load_data("time")


def season_months(code: str) -> tuple[int, int]:
    """First and last month of a season code (SP, SU, FA, WI) as configured."""
    first, last = time_data()["season_months"][code]
    return int(first), int(last)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def season_bounds(year: int, code: str) -> Span:
    """The days of a season of ``year``; a season that wraps (winter) ends in the next year."""
    first, last = season_months(code)
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), month_end(end_year, last)


def week_bounds(year: int, week: int) -> Span:
    """Monday and Sunday of an ISO week."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_bounds(year: int, q: int) -> Span:
    return dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q)


def moving_day(rule: tuple[Any, ...], year: int) -> dt.date:
    """The day of a moving holiday in ``year``: rule ("easter", k) is k days after (Western)
    Easter Sunday; (month, iso_weekday, n) the n-th such weekday of the month, n = -1 the last
    (see [moving_holidays] in time.toml)."""
    if rule[0] == "easter":
        return _easter(year) + dt.timedelta(days=int(rule[1]))
    month, weekday, n = (int(x) for x in rule)
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


_TIMEX = regex.compile(
    r"""
    \A(?:
        (?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?      # 2024 | 2024-10 | 2024-10-28
      | (?P<sy>\d{4})-(?P<season>SP|SU|FA|WI)                 # 2023-SU
      | (?P<qy>\d{4})-Q(?P<q>[1-4])                           # 2024-Q1
      | (?P<hy>\d{4})-H(?P<h>[12])                            # 2024-H1
      | (?P<wy>\d{4})-W(?P<w>\d{2})(?P<we>-WE)?               # 2024-W44, 2024-W44-WE
      | (?P<dec>\d{3})                                        # 199: the 1990s
      | (?P<cen>\d{2})                                        # 20: 2000-2099
    )\Z
    """,
    regex.VERBOSE,
)


def timex_bounds(timex: str) -> Span | None:
    """First and last day a TIMEX3 date value covers; None for what is not a calendar date
    (durations, PRESENT_REF, an impossible day such as 2023-02-30)."""
    m = _TIMEX.match(timex)
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["y"]:
            y = int(g["y"])
            if g["d"]:
                day = dt.date(y, int(g["m"]), int(g["d"]))
                return day, day
            if g["m"]:
                return dt.date(y, int(g["m"]), 1), month_end(y, int(g["m"]))
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if g["season"]:
            return season_bounds(int(g["sy"]), g["season"])
        if g["q"]:
            return quarter_bounds(int(g["qy"]), int(g["q"]))
        if g["h"]:
            y, h = int(g["hy"]), int(g["h"])
            return dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h)
        if g["w"]:
            monday, sunday = week_bounds(int(g["wy"]), int(g["w"]))
            return (monday + dt.timedelta(days=5), sunday) if g["we"] else (monday, sunday)
        if g["dec"]:
            y = int(g["dec"]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        y = int(g["cen"]) * 100
        return dt.date(y, 1, 1), dt.date(y + 99, 12, 31)
    except ValueError:
        return None


def part_of(span: Span, start: float, end: float) -> Span:
    """The share [start, end] (fractions of its length) of a span of days: the middle half of
    2022 is ``part_of(2022, 0.25, 0.75)``. Rounds outward to whole days."""
    first, last = span
    length = (last - first).days + 1
    a = first + dt.timedelta(days=int(length * start))
    b = first + dt.timedelta(days=max(int(length * end + 0.999999) - 1, 0))
    return a, min(max(a, b), last)


def shift(d: dt.date, amount: float, unit: str) -> dt.date:
    """``d`` moved by ``amount`` units (negative: back). ``unit`` is a TIMEX3 letter (Y, M, W, D,
    DE, CE). A fractional amount is split into whole calendar units plus a share of the next unit,
    interpolated between the two calendar days it falls between (1.75 years = 1 year 9 months)."""
    key, mult = _REL[unit]
    total = amount * mult
    if key == "years":  # years are twelve calendar months: keeps fractions exact in months
        key, total = "months", total * 12
    sign = -1 if total < 0 else 1
    whole = int(abs(total))
    frac = abs(total) - whole
    base = d + relativedelta(**{key: sign * whole})
    if frac < 1e-9:
        return base
    nxt = d + relativedelta(**{key: sign * (whole + 1)})
    return base + dt.timedelta(days=round((nxt - base).days * frac))


def shift_held(d: dt.date, amount: float, unit: str) -> dt.date:
    """``shift``, held at the first or last day of the calendar (years 1-9999) instead of
    raising: for the windows the checks compare, where "before the calendar began" is simply
    the calendar's first day."""
    try:
        return shift(d, amount, unit)
    except (OverflowError, ValueError):
        return dt.date.max if amount > 0 else dt.date.min


def elapsed(d1: dt.date, d2: dt.date) -> relativedelta:
    """Calendar time from ``d1`` to ``d2`` (negative fields when ``d2`` is earlier)."""
    return relativedelta(d2, d1)


def in_years(rd: relativedelta) -> float:
    """A relativedelta as a (calendar-honest) number of years: months count as twelfths, days as
    a share of an average month only for the leftover days."""
    return rd.years + rd.months / 12 + rd.days / 365.2425


def phrase(rd: relativedelta) -> str:
    """A span in words for messages: "2 years 8 months", "3 weeks 2 days", "0 days"."""
    neg = any(v < 0 for v in (rd.years, rd.months, rd.days))
    years, months, days = abs(rd.years), abs(rd.months), abs(rd.days)
    weeks, days = (days // 7, days % 7) if not (years or months) else (0, days)
    parts = [
        f"{n} {unit}{'' if n == 1 else 's'}"
        for n, unit in ((years, "year"), (months, "month"), (weeks, "week"), (days, "day"))
        if n
    ]
    text = " ".join(parts) if parts else "0 days"
    return f"minus {text}" if neg else text

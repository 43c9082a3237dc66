"""Calendar helpers: TIMEX3 bounds, seasons, parts of periods, calendar shifts and spans."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta

from numclaims.calendar import (
    elapsed,
    moving_day,
    part_of,
    phrase,
    season_bounds,
    shift,
    timex_bounds,
    week_bounds,
)

D = dt.date


@pytest.mark.parametrize(("timex", "first", "last"), [
    ("2024-10-28", D(2024, 10, 28), D(2024, 10, 28)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
    ("2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023-SU", D(2023, 6, 1), D(2023, 8, 31)),
    ("2023-WI", D(2023, 12, 1), D(2024, 2, 29)),
    ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
    ("2024-H2", D(2024, 7, 1), D(2024, 12, 31)),
    ("2024-W44", D(2024, 10, 28), D(2024, 11, 3)),
    ("2024-W44-WE", D(2024, 11, 2), D(2024, 11, 3)),
    ("199", D(1990, 1, 1), D(1999, 12, 31)),
    ("20", D(2000, 1, 1), D(2099, 12, 31)),
])
def test_timex_bounds(timex: str, first: dt.date, last: dt.date) -> None:
    assert timex_bounds(timex) == (first, last)


@pytest.mark.parametrize("timex", ["2023-02-30", "2023-13", "P2Y", "PRESENT_REF", "", "2024-Q5"])
def test_timex_bounds_of_what_is_no_calendar_date(timex: str) -> None:
    assert timex_bounds(timex) is None


def test_seasons_follow_the_data_file() -> None:
    assert season_bounds(2024, "SP") == (D(2024, 3, 1), D(2024, 5, 31))
    assert season_bounds(2024, "FA") == (D(2024, 9, 1), D(2024, 11, 30))


def test_week_bounds_are_monday_to_sunday() -> None:
    monday, sunday = week_bounds(2024, 45)
    assert monday.isoweekday() == 1 and sunday - monday == dt.timedelta(days=6)


def test_part_of_a_year() -> None:
    year = (D(2022, 1, 1), D(2022, 12, 31))
    assert part_of(year, 0.0, 1.0) == year
    first, last = part_of(year, 0.25, 0.75)
    assert D(2022, 3, 31) <= first <= D(2022, 4, 3) and D(2022, 9, 29) <= last <= D(2022, 10, 2)


def test_shift_is_calendar_arithmetic() -> None:
    assert shift(D(2024, 11, 5), -2, "Y") == D(2022, 11, 5)
    assert shift(D(2024, 11, 5), -1.75, "Y") == D(2023, 2, 5)  # 1 year 9 months
    assert shift(D(2024, 3, 31), -1, "M") == D(2024, 2, 29)  # month end, not 30 days
    assert shift(D(2024, 2, 29), 1, "Y") == D(2025, 2, 28)
    assert shift(D(2024, 11, 5), 2, "W") == D(2024, 11, 19)
    assert shift(D(2024, 11, 5), -1, "DE") == D(2014, 11, 5)
    half_month = shift(D(2024, 1, 1), 0.5, "M")
    assert D(2024, 1, 16) <= half_month <= D(2024, 1, 17)


def test_elapsed_and_phrase() -> None:
    span = elapsed(D(2022, 2, 24), D(2024, 11, 5))
    assert (span.years, span.months, span.days) == (2, 8, 12)
    assert phrase(span) == "2 years 8 months 12 days"
    assert phrase(relativedelta(days=17)) == "2 weeks 3 days"
    assert phrase(relativedelta(months=1)) == "1 month"
    assert phrase(elapsed(D(2024, 1, 2), D(2024, 1, 1))) == "minus 1 day"
    assert phrase(relativedelta()) == "0 days"


def test_moving_day_easter_and_nth_weekdays() -> None:
    # Easter dates from published tables; Thanksgiving the fourth Thursday of November
    assert moving_day(("easter", 0), 2018) == dt.date(2018, 4, 1)
    assert moving_day(("easter", 0), 2024) == dt.date(2024, 3, 31)
    assert moving_day(("easter", 1), 2025) == dt.date(2025, 4, 21)
    assert moving_day((11, 4, 4), 2023) == dt.date(2023, 11, 23)
    assert moving_day((11, 4, 4), 2024) == dt.date(2024, 11, 28)
    assert moving_day((9, 1, 1), 2021) == dt.date(2021, 9, 6)   # Labor Day
    assert moving_day((5, 1, -1), 2020) == dt.date(2020, 5, 25)  # Memorial Day: the last Monday
    assert moving_day((5, 1, -1), 2021) == dt.date(2021, 5, 31)  # ... the 31st itself

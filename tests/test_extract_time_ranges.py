"""The ends of date ranges (numclaims.extract.time_ranges): both ends of "from ... to ..." found and
given one calendar, runs of days read whole, and the false friends that look like ranges."""

from __future__ import annotations

import datetime as dt

import pytest

import numclaims
from numclaims.models import Mention

PUB = dt.date(2024, 11, 5)  # a Tuesday
TEMPORAL = {"date", "duration", "time", "set"}


def _temporal(text: str, pub: dt.date | None = PUB) -> list[Mention]:
    return [m for m in numclaims.extract(text, published=pub) if m.kind in TEMPORAL]


def _ends(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.timex, str(m.date_end)) for m in _temporal(text)]


@pytest.mark.parametrize(("text", "want"), [
    # the second end fixes the year of the first: May of the same year, before September
    ("Exports slumped from May to September.", [("May", "2024-05", "2024-05-31"),
                                                ("September", "2024-09", "2024-09-30")]),
    # a lowercase month is safe after "from" / "between"
    ("Exports slumped between august and October.", [("august", "2024-08", "2024-08-31"),
                                                     ("October", "2024-10", "2024-10-31")]),
    # across a new year: March 2024 is the latest March, so May is May 2023
    ("Rain was scarce from May to March.", [("May", "2023-05", "2023-05-31"),
                                            ("March", "2024-03", "2024-03-31")]),
    # the year written at the first end carries to the second
    ("Rain was scarce from April 2016 to June.", [("April 2016", "2016-04", "2016-04-30"),
                                                  ("June", "2016-06", "2016-06-30")]),
    # a year written after the second end is the range's
    ("Sales fell from april to June in 2017.", [("april", "2017-04", "2017-04-30"),
                                                ("June in 2017", "2017-06", "2017-06-30")]),
    ("Sales fell from April in 2016 to June in 2017.", [
        ("April in 2016", "2016-04", "2016-04-30"), ("June in 2017", "2017-06", "2017-06-30")]),
])
def test_month_ranges(text: str, want: list[tuple[str, str, str]]) -> None:
    assert _ends(text) == want


@pytest.mark.parametrize(("text", "span", "first", "last"), [
    ("The fair ran 9 to 12 of June.", "9 to 12 of June", "2024-06-09", "2024-06-12"),
    ("Shops closed between 3 and 12 of Sept.", "between 3 and 12 of Sept.", "2024-09-03",
     "2024-09-12"),
    ("Shops closed between the ninth and the seventeenth of April.",
     "between the ninth and the seventeenth of April", "2024-04-09", "2024-04-17"),
    ("Shops closed from ninth till seventeenth of April.",
     "from ninth till seventeenth of April", "2024-04-09", "2024-04-17"),
])
def test_runs_of_days_are_one_date(text: str, span: str, first: str, last: str) -> None:
    (m,) = _temporal(text)
    assert (m.kind, m.text, str(m.date_start), str(m.date_end), m.timex) == (
        "date", span, first, last, first)


@pytest.mark.parametrize(("text", "span"), [
    ("Output grew in the years 2014 to 2018.", "2014 to 2018"),
    ("Output was flat from 2014-2018.", "from 2014-2018"),
    ("Output was flat 2014~2018.", "2014~2018"),
    ("Output was flat in 2014 through 2018.", "2014 through 2018"),
])
def test_year_ranges(text: str, span: str) -> None:
    (m,) = _temporal(text)
    assert (m.kind, m.text, m.timex, str(m.date_start), str(m.date_end)) == (
        "duration", span, "P4Y", "2014-01-01", "2018-12-31")


@pytest.mark.parametrize(("text", "now", "other"), [
    ("Work will go on between now and December 20.", "now", "December 20"),
    ("Sales have doubled from March to date.", "to date", "March"),
    ("Sales have doubled between Jan 22 and now.", "now", "Jan 22"),
    ("Rows were added from 2010-01-01 till current date.", "till current date", "2010-01-01"),
])
def test_the_document_day_as_an_end(text: str, now: str, other: str) -> None:
    ms = {m.text: m for m in _temporal(text)}
    assert set(ms) == {now, other}
    assert (ms[now].timex, ms[now].date_start, ms[now].anchor) == ("2024-11-05", PUB, "published")


@pytest.mark.parametrize("text", [
    "Between 3 and 12 of them left early.",          # no month: a count
    "Scores rose from 9 to 12 of the 20 tests.",
    "Say what you may to October voters.",          # "may" without "from": the verb
    "Prices have risen from 40 to 52 so far, and now stand at 60.",
    "It rose from 2014 to 2018 points.",            # a quantity, not years
    "The index fell from 12 to 9 of June's 30 trading days.",  # backwards: no run of days
])
def test_false_friends(text: str) -> None:
    words = ("may", "9 ", "3 ", "now", "2014", "12 ")
    assert not [m for m in _temporal(text) if any(w in m.text for w in words)
                and m.kind == "date"], _temporal(text)


def test_no_document_date_leaves_now_alone() -> None:
    assert [m.text for m in _temporal("Work will go on between now and December 20.", None)] == [
        "December 20"]


def test_an_offset_ahead_is_exact_but_a_length_is_no_offset() -> None:
    (m,) = _temporal("The site will shut in 3 years.")
    assert (m.date_start, m.date_end) == (dt.date(2027, 11, 5), dt.date(2027, 11, 5))
    (m,) = _temporal("The deal will be signed in two years of talks.")  # a length, not a day
    assert (m.timex, m.date_start, m.anchor) == ("P2Y", None, None)
    (m, _) = _temporal("Prices fell two years ago, in 2022.")  # looking back: a band remains
    assert m.date_start is not None and m.date_end is not None
    assert m.date_start < m.date_end


@pytest.mark.parametrize(("text", "span", "timex", "value"), [
    ("The vote took 1 hour and 30 minutes.", "1 hour and 30 minutes", "PT1H30M", 1.5),
    ("The hearing ran more than 1 hour and 30 minutes.", "more than 1 hour and 30 minutes",
     "PT1H30M", 1.5),
    ("The siege lasted two years six months.", "two years six months", "P2Y6M", 2.5),
    ("The strike lasted 3 days and 6 hours.", "3 days and 6 hours", "P3DT6H", 3.25),
    ("The talks took one hour and half.", "one hour and half", "PT1.5H", 1.5),
    ("The course takes one year and a quarter.", "one year and a quarter", "P1.25Y", 1.25),
])
def test_compound_durations(text: str, span: str, timex: str, value: float) -> None:
    (m,) = _temporal(text)
    assert (m.kind, m.text, m.timex, m.value) == ("duration", span, timex, value)


@pytest.mark.parametrize(("text", "spans"), [
    ("It lasted 2 hours and 90 minutes.", ["2 hours", "90 minutes"]),  # no exact split
    ("The war lasted 2 years and half of its budget went.", ["2 years"]),
    ("The war lasted 2 years and a quarter of its troops died.", ["2 years"]),
    ("Trains ran 2 years and 3 days late.", ["2 years", "3 days"]),  # not the next unit
    ("He served 5 years, 6 months later he was freed.", ["5 years", "6 months"]),
])
def test_compound_false_friends(text: str, spans: list[str]) -> None:
    assert [m.text for m in _temporal(text)] == spans


@pytest.mark.parametrize(("text", "span", "first", "last"), [
    ("Output fell in the first six months of 2024.", "the first six months", "2024-01-01",
     "2024-06-30"),
    ("Output fell in the last four months of 2021.", "the last four months", "2021-09-01",
     "2021-12-31"),
    ("Output fell in the first ten days of March 2023.", "the first ten days", "2023-03-01",
     "2023-03-10"),
    ("The office shuts for a week starting tomorrow.", "a week", "2024-11-06", "2024-11-12"),
    ("The office shuts for 3 days starting from Nov. 11.", "3 days", "2024-11-11", "2024-11-13"),
])
def test_durations_placed_by_a_date(text: str, span: str, first: str, last: str) -> None:
    (m,) = [m for m in _temporal(text) if m.kind == "duration"]
    assert (m.text, str(m.date_start), str(m.date_end)) == (span, first, last)
    assert m.anchor is not None and m.anchor != "published"


@pytest.mark.parametrize("text", [
    "He served the last two years of his term.",        # no date after "of"
    "Output fell in the first 14 months of 2021.",     # longer than the year
    "They met in the first two weeks of the war in 2022.",
    "It took 3 days, starting work on Nov. 11 and 12.",  # "starting" a verb of another thing
])
def test_durations_not_placed(text: str) -> None:
    assert all(m.date_start is None for m in _temporal(text) if m.kind == "duration")


def test_the_day_word_of_an_offset_is_its_base() -> None:
    assert [m.text for m in _temporal("The ferry sails three days from tomorrow.")] == [
        "three days"]
    # a day word of its own stays: "today" is no base of "three days" here
    assert [m.text for m in _temporal("It took three days; today it reopens.")] == [
        "three days", "today"]


@pytest.mark.parametrize(("text", "days"), [
    ("The strike will run from Monday to Friday.", ["2024-11-11", "2024-11-15"]),
    ("The strike ran from Monday to Friday.", ["2024-10-28", "2024-11-01"]),
    ("Talks ran between Monday and Wednesday.", ["2024-10-28", "2024-10-30"]),
    ("Talks ran from Oct. 28 to Friday.", ["2024-10-28", "2024-11-01"]),
    ("I will be away from next Monday to Friday.", ["2024-11-11", "2024-11-15"]),
    ("He came Monday and left Friday.", ["2024-11-04", "2024-11-01"]),  # two days, no range
])
def test_weekday_ends_are_read_together(text: str, days: list[str]) -> None:
    assert [m.timex for m in _temporal(text)] == days


@pytest.mark.parametrize(("text", "want"), [
    ("Voting is on 6 and 7 March 2025.", [("6", "2025-03-06"), ("7 March 2025", "2025-03-07")]),
    ("Polls open on the 3rd or 4th of May.", [("the 3rd", "2024-05-03"),
                                             ("4th of May", "2024-05-04")]),
])
def test_listed_days_take_the_month_after_them(text: str, want: list[tuple[str, str]]) -> None:
    assert [(m.text, m.timex) for m in _temporal(text)] == want


def test_a_count_before_a_day_is_no_listed_day() -> None:
    # the first figure is larger: no list of days of one month
    assert [m.text for m in _temporal("Of 30 and 12 June entries, most were late.")] == [
        "12 June"]


def test_later_counts_from_a_written_day_not_from_a_relative_one() -> None:
    (_, m) = _temporal("On May 3 the ship docked and a fortnight later it left.")
    assert (m.date_start, m.anchor) == (dt.date(2024, 5, 17), "3:8")
    (_, m) = _temporal("Yesterday the ship docked and a fortnight later it left.")
    assert m.date_start is None


@pytest.mark.parametrize(("text", "first", "last"), [
    ("The border is closed for 30 days from Nov. 8.", "2024-11-08", "2024-12-07"),
    ("The office is shut for 3 days from today.", "2024-11-05", "2024-11-07"),
])
def test_for_a_duration_from_a_day_is_a_stretch(text: str, first: str, last: str) -> None:
    (m, *_) = _temporal(text)
    assert (m.kind, str(m.date_start), str(m.date_end)) == ("duration", first, last)


def test_without_for_a_duration_from_a_day_is_an_offset() -> None:
    (m, _) = _temporal("It will reopen 30 days from Nov. 8.")
    assert (m.date_start, m.date_end) == (dt.date(2024, 12, 8), dt.date(2024, 12, 8))


@pytest.mark.parametrize(("text", "first", "second"), [
    # the first end takes the day of the second
    ("The Met Office issued a warning for 9am to 6pm on Sunday.",
     "2024-11-03T09:00", "2024-11-03T18:00"),
    # both on the document day, the second earlier: the range runs through the night
    ("The A38 will be closed overnight from 8pm until 6am.", "2024-11-05T20:00",
     "2024-11-06T06:00"),
    ("The count ran from 10pm to 4.30am.", "2024-11-05T22:00", "2024-11-06T04:30"),
    # in order on one day: as each is read
    ("The shop is open from 9am to 5pm.", "2024-11-05T09:00", "2024-11-05T17:00"),
    # not a range: two times of two clauses
    ("Polls open at 7am, and the count starts at 6am.", "2024-11-05T07:00", "2024-11-05T06:00"),
])
def test_clock_ranges(text: str, first: str, second: str) -> None:
    times = [m.timex for m in _temporal(text) if m.kind == "time"]
    assert times == [first, second]

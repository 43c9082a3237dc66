"""The shared number grammar: what ``(?&number)``, ``(?&ordinal)`` and ``(?&hedge)`` match, the
values ``parse_number`` gives them, and the intervals ``interval`` draws around hedged figures."""

from __future__ import annotations

import pytest

from numclaims.extract import grammar

NUMBER = grammar.compile(r"(?:(?P<h>(?&hedge))\s+)?(?P<n>(?&number))")
ORDINAL = grammar.compile(r"(?&ordinal)")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200.0),
        ("12,000.50", 12000.5),
        ("1.3 million", 1_300_000.0),
        ("twelve thousand", 12_000.0),
        ("Twelve Thousand", 12_000.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("two-thirds", 2 / 3),
        ("one and a half", 1.5),
        ("2½", 2.5),
        ("½", 0.5),
        ("a quarter of a million", 250_000.0),
        ("half a million", 500_000.0),
        ("12k", 12_000.0),
        ("3.2bn", 3.2e9),
        ("1.5tn", 1.5e12),
        ("one hundred and twenty-five", 125.0),
        ("twenty-one thousand five hundred", 21_500.0),
        ("two and a half million", 2_500_000.0),
        ("a million and a half", 1_500_000.0),
        ("forty five", 45.0),
        ("a hundred", 100.0),
        ("three hundred thousand", 300_000.0),
        # compound denominators: the tens bind to an ordinal right after them
        ("one hundred thirty fifths", 100 / 35),
        ("one hundred thirty-fifths", 100 / 35),
        ("one hundred thirty-two fifths", 132 / 5),
        ("twenty twenty-fifths", 20 / 25),
        ("three twenty-firsts", 3 / 21),
        ("one twenty-fifth", 1 / 25),
        # after "hundred and", an improper fraction is the numerator of the whole; a proper one
        # is the fractional part
        ("one hundred and thirty fifths", 130 / 5),
        ("two hundred and fifty-four hundredths", 200.54),
        ("one hundred and three quarters", 100.75),
        ("one million two thousand two hundred three fifths", 1_002_203 / 5),
        ("three halves", 1.5),
    ],
)
def test_number_matches_whole_and_parses(text: str, value: float) -> None:
    m = NUMBER.fullmatch(text)
    assert m is not None, text
    assert grammar.parse_number(m["n"]) == pytest.approx(value)


@pytest.mark.parametrize("text", ["someone", "often", "tennis", "a", "thousands", "half"])
def test_number_does_not_match_words_that_merely_contain_numbers(text: str) -> None:
    assert NUMBER.fullmatch(text) is None


def test_number_stops_at_the_figure() -> None:
    found = [m[0] for m in NUMBER.finditer("The plan costs 1.3 million dollars and seven more.")]
    assert found == ["1.3 million", "seven"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("92nd", 92), ("21st", 21), ("first", 1), ("twenty-first", 21), ("Hundredth", 100)],
)
def test_ordinals(text: str, value: int) -> None:
    assert ORDINAL.fullmatch(text) is not None
    assert grammar.parse_ordinal(text) == value


@pytest.mark.parametrize(
    ("phrase", "hedge"),
    [
        ("about", "approx"),
        ("Around", "approx"),
        ("as many as", "at_most"),
        ("up to", "at_most"),
        ("at least", "at_least"),
        ("more than", "more_than"),
        ("nearly", "nearly"),
        ("fewer than", "less_than"),
        ("or so", "approx"),
        ("or more", "at_least"),
        ("purple", None),
    ],
)
def test_hedge_of(phrase: str, hedge: str | None) -> None:
    assert grammar.hedge_of(phrase) == hedge


def test_hedge_is_part_of_the_match() -> None:
    m = NUMBER.search("officials said as many as 12,000 troops")
    assert m is not None and m[0] == "as many as 12,000"
    assert grammar.hedge_of(m["h"]) == "at_most"


@pytest.mark.parametrize(
    ("written", "step"),
    [("12,000", 1000.0), ("12,345", 1.0), ("1.3 million", 100_000.0), ("2.50", 0.01), ("250", 10.0)],
)
def test_roundness(written: str, step: float) -> None:
    value = grammar.parse_number(written)
    assert value is not None
    assert grammar.roundness(value, written) == pytest.approx(step)


def test_about_band_follows_roundness() -> None:
    lo_r, hi_r = grammar.interval(12_000, "approx", "12,000")
    lo_p, hi_p = grammar.interval(12_345, "approx", "12,345")
    assert lo_r is not None and hi_r is not None and lo_p is not None and hi_p is not None
    assert lo_r < 12_000 < hi_r and lo_p < 12_345 < hi_p
    # a round figure allows more room, relative to its size, than a precise one
    assert (hi_r - lo_r) / 12_000 > (hi_p - lo_p) / 12_345 * 0.99


def test_nearly_two_is_just_below_two() -> None:
    assert grammar.interval(2, "nearly", "two") == (pytest.approx(1.75), 2.0)


def test_more_than_stops_at_next_step() -> None:
    lo, hi = grammar.interval(2, "more_than", "two")
    assert lo == 2.0 and hi is not None and 2.0 < hi <= 3.0


def test_open_bounds() -> None:
    assert grammar.interval(12_000, "at_most", "12,000") == (None, 12_000.0)
    assert grammar.interval(12_000, "at_least", "12,000") == (12_000.0, None)
    assert grammar.interval(7, None, "7") == (7.0, 7.0)


CALLED = grammar.compile(r"(?P<n>(?&call:number)) \ (?P<unit>years)")


def test_a_called_subpattern_matches_as_the_pasted_one() -> None:
    m = CALLED.match("two and a half years")
    assert m is not None and (m["n"], m["unit"]) == ("two and a half", "years")
    # a call is not atomic: the number gives back what the rest of the pattern needs
    m = grammar.compile(r"(?P<n>(?&call:number))(?P<rest>\d)").match("123")
    assert m is not None and (m["n"], m["rest"]) == ("12", "3")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("It lasted two and three quarters years.", "two and three quarters years", 2.75, "year"),
        ("It took two and two-thirds hours.", "two and two-thirds hours", 8 / 3, "hour"),
        ("He served two and a third years.", "two and a third years", 7 / 3, "year"),
    ],
)
def test_durations_with_a_fraction_after_and(text: str, span: str, value: float, unit: str) -> None:
    # the temporal patterns call the number grammar after "between" and a range's first end,
    # and the number grammar calls w_int after "and": the called pieces must read as much as
    # pasted ones
    import numclaims

    (m,) = [m for m in numclaims.extract(text, published="2024-11-05") if m.kind == "duration"]
    assert (m.text, m.unit) == (span, unit) and m.value == pytest.approx(value)

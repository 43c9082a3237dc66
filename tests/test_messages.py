"""The wording of findings as an editor reads them: one date style, plural units, quoted words
set inside the sentence, ratios in words, amounts with their currency and scale."""

from __future__ import annotations

import datetime as dt

import pytest

import numclaims
from numclaims.checks._numeric import plural_unit
from numclaims.checks._say import in_sentence
from numclaims.checks._temporal import fmt_days


def _message(text: str, rule: str, published: str | None = None) -> str:
    report = numclaims.check(text, published=published)
    (f,) = [f for f in report.findings if f.rule == rule]
    return f.message


@pytest.mark.parametrize(("a", "b", "said"), [
    ("2024-10-28", "2024-10-28", "Oct. 28, 2024"),
    ("2024-10-01", "2024-10-31", "October 2024"),
    ("2024-10-05", "2024-10-24", "Oct. 5–24, 2024"),
    ("2023-11-29", "2023-12-14", "Nov. 29–Dec. 14, 2023"),
    ("2023-12-20", "2024-01-05", "Dec. 20, 2023–Jan. 5, 2024"),
    ("2022-11-01", "2023-02-28", "November 2022–February 2023"),
    ("2022-01-01", "2022-12-31", "2022"),
    ("2021-01-01", "2023-12-31", "2021–2023"),
])
def test_one_date_style(a: str, b: str, said: str) -> None:
    assert fmt_days((dt.date.fromisoformat(a), dt.date.fromisoformat(b))) == said


@pytest.mark.parametrize(("unit", "value", "said"), [
    ("meter", 8849, "meters"), ("foot", 29032, "feet"), ("square mile", 250, "square miles"),
    ("mile per hour", 120, "miles per hour"), ("degree Celsius", 40, "degrees Celsius"),
    ("km", 5, "km"), ("mph", 120, "mph"), ("°C", 40, "°C"), ("mile", 1, "mile"),
])
def test_units_take_the_plural(unit: str, value: float, said: str) -> None:
    assert plural_unit(unit, value) == said


@pytest.mark.parametrize(("words", "said"), [
    ("The strike", "the strike"), ("About 3,000", "about 3,000"), ("Twenty + 40", "twenty + 40"),
    ("Kim Jong Un", "Kim Jong Un"), ("North Korea's army", "North Korea's army"),
    ("THE END", "THE END"),
])
def test_quoted_words_inside_a_sentence(words: str, said: str) -> None:
    assert in_sentence(words) == said


def test_conversion_of_an_adjective_form_reads_in_the_plural() -> None:
    msg = _message("Everest, the 29,032-foot (8,489-meter) peak, was first climbed in 1953.",
                   "conversion-mismatch")
    assert msg.startswith("29,032 feet = 8,849 meters;") and "8,849 meters would agree" in msg


def test_conversion_names_the_whole_compound_figure() -> None:
    msg = _message("The center, who stands 6 feet 2 inches (0.05 meters), signed with Madrid.",
                   "conversion-mismatch")
    assert msg.startswith("6 feet 2 inches = 1.88 meters")


def test_a_ratio_reads_in_words_with_a_suggestion() -> None:
    report = numclaims.check("The number of asylum requests doubled to 5,200 from 3,400 last year.")
    (f,) = report.findings
    assert "1.53 times as much (a rise of 52.9%)" in f.message and "x1.53" not in f.message
    assert f.suggestion == "rose 53%"


def test_an_amount_keeps_its_currency_and_a_readable_scale() -> None:
    msg = _message("The state's debt fell by $200 million, from $1.5 billion to $1.1 billion.",
                   "change-mismatch")
    assert msg.startswith("from $1.5 billion to $1.1 billion is a fall of $400 million,")


def test_an_event_named_at_a_sentence_start_is_not_capitalized_mid_message() -> None:
    msg = _message("The strike began on March 10, 2023. The strike ended on March 3, 2023.",
                   "date-order")
    assert msg.startswith("the strike is said to end") and "The strike" not in msg
    assert "March 3, 2023 is before March 10, 2023" in msg


def test_a_date_the_text_fixes_is_not_restated() -> None:
    msg = _message("The company was founded in 2015, seven years ago.", "elapsed-time",
                   published="2024-11-05")
    assert msg == ("'seven years' from Nov. 5, 2024 points to November 2016–May 2018, but '2015' "
                   "is 9 years 10 months earlier")


@pytest.mark.parametrize(("text", "measure"), [
    (("Kyiv holds about 250 square miles of the Kursk region. Its troops control 400 square miles of the"
     " Kursk region."), '"N square miles of the Kursk region"'),
    (("The navy keeps an army of 300,000 sailors at sea. Analysts say the army of 200,000 sailors is"
     " too small."), '"army of N sailors"'),
    (("Officials say 7,000 Belgian volunteers are in the camps. Reporters saw the 7,000 Belgian"
     " volunteers train. A minister said 9,000 Belgian volunteers had arrived."), '"N Belgian volunteers"'),
])
def test_conflicting_figures_names_the_measure_as_written(text: str, measure: str) -> None:
    """The measure is quoted in the writer's words with the figure as N, never as internal keys."""
    assert _message(text, "conflicting-figures").endswith(f"for the same measure: {measure}")

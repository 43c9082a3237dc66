"""The temporal extractor through the public API: the corpus of readings
(tests/corpus/temporal.toml), the negative corpus of false friends, the seed article, and
properties that must hold for any input."""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numclaims
from numclaims.extract import temporal
from numclaims.models import Mention

CORPUS = Path(__file__).parent / "corpus"
SEED = Path(__file__).parent.parent / "seeds" / "000_b25511bfe7d2328e.txt"
TEMPORAL = {"date", "duration", "time", "set"}
PUB = dt.date(2024, 11, 5)  # a Tuesday


def _load(name: str, key: str) -> list[dict[str, Any]]:
    with open(CORPUS / name, "rb") as f:
        return list(tomllib.load(f)[key])


def _positive() -> list[Any]:
    out = []
    for group in _load("temporal.toml", "group"):
        marks = [pytest.mark.xfail(reason=group["xfail"], strict=True)] if "xfail" in group else []
        for form in group["forms"]:
            out.append(pytest.param(group, form, id=f"{group.get('timex', group['kind'])}:{form}",
                                    marks=marks))
    return out


def _unbracket(form: str) -> tuple[str, int, int]:
    if "[" not in form:
        return form, 0, len(form)
    start = form.index("[")
    end = form.index("]") - 1
    return form.replace("[", "").replace("]", ""), start, end


def _same(got: Any, want: Any) -> bool:
    if want == "none":
        return got is None
    if isinstance(got, dt.date):
        return got.isoformat() == want
    if isinstance(got, float) or isinstance(want, (int, float)) and got is not None:
        return got == pytest.approx(float(want), abs=1e-9)
    return bool(got == want)


@pytest.mark.parametrize(("group", "form"), _positive())
def test_corpus_form(group: dict[str, Any], form: str) -> None:
    text, start, end = _unbracket(form)
    published = None if group.get("published") == "none" else group.get("published", PUB)
    found = [m for m in numclaims.extract(text, published=published) if m.kind in TEMPORAL]
    over = [m for m in found if m.start < end and m.end > start]
    assert len(over) == 1, f"want one mention over {text[start:end]!r}, got {over}"
    m = over[0]
    assert (m.start, m.end) == (start, end), f"span {m.text!r}, want {text[start:end]!r}"
    for key in ("kind", "timex", "mod", "date_start", "date_end", "anchor", "value", "low",
                "high", "hedge", "unit"):
        if key in group:
            assert _same(getattr(m, key), group[key]), f"{key}: {getattr(m, key)!r} != {group[key]!r}"
    if "note" in group:
        assert m.note and group["note"] in m.note, m.note


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c["why"]) for c in _load("temporal_negative.toml", "case")]
)
def test_negative(case: dict[str, Any]) -> None:
    found = [m for m in numclaims.extract(case["text"], published=PUB) if m.kind in TEMPORAL]
    assert found == [], f"{case['why']}: {[(m.kind, m.text) for m in found]}"


def _by_text(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if m.text == text]


def test_seed_readings() -> None:
    text = SEED.read_text(encoding="utf-8")
    ms = numclaims.extract(text)  # the document date comes from its first line
    (summer,) = _by_text(ms, "last summer")
    assert summer.timex == "2024-SU"
    assert _by_text(ms, "last month")[0].timex == "2024-10"
    assert _by_text(ms, "summer 2023")[0].timex == "2023-SU"
    assert _by_text(ms, "June")[0].timex == "2024-06"
    mondays = _by_text(ms, "Monday, Oct. 28, 2024")
    assert [m.timex for m in mondays] == ["2024-10-28", "2024-10-28"]
    (war,) = _by_text(ms, "nearly two years")
    assert (war.kind, war.timex, war.mod, war.anchor) == ("duration", "P2Y", "LESS_THAN", "published")
    assert (war.date_start, war.date_end) == (dt.date(2022, 11, 5), dt.date(2023, 2, 5))
    assert not _by_text(ms, "World War II")


def test_ago_without_document_date_stays_unresolved() -> None:
    (m,) = [m for m in numclaims.extract("It began two years ago.") if m.kind in TEMPORAL]
    assert (m.timex, m.date_start, m.date_end, m.anchor) == ("P2Y", None, None, None)
    assert m.note and "no document date" in m.note


def test_weekday_stays_in_span_and_recoverable() -> None:
    # A wrong weekday is a check's business; the extractor keeps the words it must check.
    text = "The vote took place on Friday, Oct. 28, 2024, in the capital."
    (m,) = [m for m in numclaims.extract(text, published=PUB) if m.kind in TEMPORAL]
    assert m.text.startswith("Friday") and m.timex == "2024-10-28"


def test_earlier_needs_a_date_in_the_same_sentence() -> None:
    text = "The mill opened in 1990. It was sold a decade earlier."
    (_, dec) = [m for m in numclaims.extract(text, published=PUB) if m.kind in TEMPORAL]
    assert dec.anchor is None and dec.date_start is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/'’½aAdeilmnorstuyJMOSTW\n")) , max_size=80)
       | st.text(max_size=80))
def test_any_text_is_safe(text: str) -> None:
    for published in (PUB, None):
        for m in temporal.scan(text, published):
            assert text[m.start:m.end] == m.text
            assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Monday, Oct. 28, 2024", "nearly two years ago", "last summer", "in June", "mid-2022",
    "the 1990s", "every week", "6:40 p.m.", "03/04/2023", "the first quarter of 2009", "may",
    "more than a decade", "2½ years", "the 28th", "Feb. 30, 2023", "from 2009 to 2011",
]), max_size=6))
def test_spans_are_exact_and_ordered(parts: list[str]) -> None:
    text = " and ".join(parts) + "."
    ms = temporal.scan(text, PUB)
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))

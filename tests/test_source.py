"""The document's own date: first line, YAML front matter, HTML meta, dateline; the argument."""

from __future__ import annotations

import datetime as dt

import pytest

import numclaims
from numclaims.errors import InputError
from numclaims.source import coerce_published, detect_published

D = dt.date


@pytest.mark.parametrize(("text", "date", "where"), [
    ("date 2024-11-05 Troops from the north crossed.", D(2024, 11, 5), "first-line"),
    ("---\ntitle: Floods\ndate: 2023-04-01\n---\nThe river rose.", D(2023, 4, 1), "front-matter"),
    ("---\ntitle: x\ndate: '2023-04-01T10:00:00Z'\n---\nBody.", D(2023, 4, 1), "front-matter"),
    ('<html><head><meta property="article:published_time" content="2022-01-02T08:00:00Z">',
     D(2022, 1, 2), "meta"),
    ('<meta content="2021-05-06" name="DC.date">', D(2021, 5, 6), "meta"),
    ('<meta itemprop="datePublished" content="2020-07-08">', D(2020, 7, 8), "meta"),
    ("Senate passes budget\nWASHINGTON (AP) — March 22, 2013 — The Senate voted late.",
     D(2013, 3, 22), "dateline"),
    ("Airline orders jets\nMarch 01, 2008\nThe airline ordered twelve jets.", D(2008, 3, 1),
     "dateline"),
])
def test_detect_published(text: str, date: dt.date, where: str) -> None:
    assert detect_published(text) == (date, where)


@pytest.mark.parametrize("text", [
    "The council met on March 3, 2020, to vote.",  # a date in the prose is not the document's
    "March 3, 2020, the council voted.",
    "date 2023-02-30 An impossible day is not guessed around.",
    '<meta name="description" content="2020-01-01 was a Wednesday">',
    "",
])
def test_no_document_date(text: str) -> None:
    assert detect_published(text) == (None, None)


def test_argument_wins_and_is_coerced() -> None:
    assert coerce_published("2024-11-05") == D(2024, 11, 5)
    assert coerce_published(dt.datetime(2024, 11, 5, 9, 30)) == D(2024, 11, 5)
    assert coerce_published(None) is None
    with pytest.raises(InputError):
        coerce_published("5 Nov 2024")
    ms = numclaims.extract("date 2024-11-05 It rained yesterday.", published="2023-01-10")
    (y,) = [m for m in ms if m.text == "yesterday"]
    assert y.timex == "2023-01-09"

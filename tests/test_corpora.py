"""Real text, read in place from ``../shared/corpora``: correct news must stay silent.

MEANTIME's Wikinews articles are edited news checked with their creation date; quantulum3's and
Recognizers-Text's NumberWithUnit sentences hold no contradictions. Every one of them must raise no
error or warning (and the two sentence sets no finding at all), and every span must be exact.
``benchmarks/precision.py`` prints the same run with each finding for review. Skipped when the
corpora are not beside the project.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import numclaims

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _rows(*parts: str) -> list[dict[str, Any]]:
    path = CORPORA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _dct(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:  # one creation date upstream is malformed ("03-02-2009"): no date then
        return None


def _assert_exact(text: str, report: numclaims.Report) -> None:
    for m in report.mentions:
        assert text[m.start:m.end] == m.text
    for f in report.findings:
        assert text[f.start:f.end] == f.text


def test_meantime_news_raises_no_error_or_warning() -> None:
    docs = _rows("meantime-en", "docs.jsonl")
    alarms = []
    for d in docs:
        report = numclaims.check(d["text"], published=_dct(d.get("dct")))
        _assert_exact(d["text"], report)
        alarms += [f"{d['doc_id']}: {f.rule} {f.text!r}: {f.message}"
                   for f in report.findings if f.severity != "info"]
    assert len(docs) >= 50 and not alarms, "\n".join(alarms)


@pytest.mark.parametrize(("parts", "field"), [
    (("quantulum3-tests", "cases.jsonl"), "text"),
    (("recognizers-text-en", "numberwithunit.jsonl"), "Input"),
])
def test_peer_sentences_raise_no_finding(parts: tuple[str, str], field: str) -> None:
    rows = _rows(*parts)
    alarms = []
    for row in rows:
        report = numclaims.check(row[field])
        _assert_exact(row[field], report)
        alarms += [f"{row[field]!r}: {f.rule} {f.text!r}: {f.message}" for f in report.findings]
    assert rows and not alarms, "\n".join(alarms)


@pytest.mark.parametrize("name", ["number.jsonl", "datetime.jsonl"])
def test_every_peer_input_checks_without_error(name: str) -> None:
    """Thousands of odd chat-style inputs: check() never raises and every span is exact."""
    rows = _rows("recognizers-text-en", name)
    for row in rows:
        ref = (row.get("Context") or {}).get("ReferenceDateTime")
        text = row["Input"]
        _assert_exact(text, numclaims.check(text, published=ref[:10] if ref else None))

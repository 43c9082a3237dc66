"""The seed article end to end: with its fact sheet exactly the findings of its .expect file (the
headline elapsed-time error, with arithmetic, evidence and suggestion); without it, no error and the
claim listed as unverified; without a document date, the claim unverified for that reason."""

from __future__ import annotations

from pathlib import Path

import numclaims
from numclaims._cases import _expect_line, compare

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TEXT = (SEEDS / "000_b25511bfe7d2328e.txt").read_text(encoding="utf-8")
FACTS = SEEDS / "000_b25511bfe7d2328e.facts.toml"
EXPECT = SEEDS / "000_b25511bfe7d2328e.expect"


def _expected() -> list:  # type: ignore[type-arg]
    lines = EXPECT.read_text(encoding="utf-8").splitlines()
    return [_expect_line(line, f"{EXPECT}:{i}") for i, line in enumerate(lines, 1)
            if line.strip() and not line.lstrip().startswith("#")]


def test_with_facts_the_findings_are_the_expect_file() -> None:
    report = numclaims.check(TEXT, facts=FACTS)
    outcome = compare(_expected(), report)
    assert not outcome.missing and not outcome.unexpected, (outcome.missing, outcome.unexpected)


def test_the_headline_error_explains_itself() -> None:
    report = numclaims.check(TEXT, facts=FACTS)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.rule, f.text) for f in errors] == [("elapsed-time", "nearly two years")]
    (f,) = errors
    assert "'nearly two years ago' from Nov. 5, 2024 points to November 2022–February 2023" in f.message
    assert "began on Feb. 24, 2022, 2 years 8 months earlier" in f.message
    assert f.suggestion == "more than two and a half years"
    fact = next(e for e in f.evidence if e.role == "fact")
    assert "Feb. 24, 2022" in fact.text
    assert fact.source is not None and "[[event]] invasion" in fact.source
    assert "24 February 2022" in fact.source  # the sheet's own source line travels with it
    assert any(e.role == "published" and e.text == "2024-11-05" for e in f.evidence)
    assert TEXT[f.start:f.end] == "nearly two years"


def test_without_facts_no_error_and_the_claim_is_unverified() -> None:
    report = numclaims.check(TEXT)
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []
    hits = [u for u in report.unverified if u.rule == "elapsed-time"]
    assert [u.text for u in hits] == ["nearly two years"]
    assert "no anchor for 'the war'" in hits[0].reason


def test_without_a_document_date_the_claim_is_unverified() -> None:
    body = TEXT.split(" ", 3)[3]  # drop the leading "date 2024-11-05" line marker
    assert not body.lstrip().startswith("date")
    report = numclaims.check(body, facts=FACTS)
    assert report.published is None
    assert not [f for f in report.findings if f.rule == "elapsed-time"]
    hits = [u for u in report.unverified if u.rule == "elapsed-time"]
    assert [u.text for u in hits] == ["nearly two years"]
    assert "no document date" in hits[0].reason

"""Every registered rule is complete: a unique code and slug, a documented docstring whose examples
behave as documented, and a Markdown corpus with at least one flagged and one clean case.

Rules of the design's list that are not registered yet are skipped, so this file can guard each
rule from the commit that adds it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import numclaims
from numclaims._cases import parse_cases
from numclaims.checks.registry import Check, all_checks, doc_sections

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "checks"
SECTIONS = ("What it flags", "Why it matters", "Example", "Not flagged", "Limitations")
DESIGN_SLUGS = (
    "weekday-mismatch", "invalid-date", "elapsed-time", "relative-date-mismatch", "date-order",
    "conversion-mismatch", "conflicting-figures", "percent-mismatch", "sum-mismatch",
    "change-mismatch", "age-mismatch", "fact-mismatch", "range-order", "unused-suppression",
)
CHECKS = all_checks()
BY_SLUG = {c.slug: c for c in reversed(CHECKS)}  # the first code of each slug
# A slug may be shared by codes of one family (fact-mismatch: F001 dates, F002 figures).
ALL_BY_SLUG: dict[str, list[Check]] = {}
for _c in CHECKS:
    ALL_BY_SLUG.setdefault(_c.slug, []).append(_c)
SLUGS = sorted({*DESIGN_SLUGS, *BY_SLUG})
# "(published 2024-11-05) (facts seeds/x.facts.toml) text": options before a docstring example.
_PREFIX = regex.compile(r"\A\((published|facts)[ \t]+([^)\n]{1,200})\)[ \t]*")


def _registered(slug: str) -> Check:
    if slug not in BY_SLUG:
        pytest.skip(f"{slug} is not registered yet")
    return BY_SLUG[slug]


def test_codes_and_slugs_are_unique_and_well_formed() -> None:
    codes = [c.code for c in CHECKS]
    slugs = [c.slug for c in CHECKS]
    assert len(set(codes)) == len(codes)
    families = {(c.slug, c.code[0]) for c in CHECKS}
    assert len(families) == len(set(slugs)), "one slug registered under codes of two families"
    for c in CHECKS:
        assert regex.fullmatch(r"[A-Z]{1,3}[0-9]{3}", c.code), c.code
        assert regex.fullmatch(r"[a-z]+(?:-[a-z]+)*", c.slug), c.slug
        assert c.severity in ("error", "warning", "info")


def test_no_prefix_of_a_code_is_a_slug() -> None:
    # --select takes slugs and code prefixes; the two spaces must not collide.
    slugs = set(BY_SLUG)
    assert not any(c.code[:n] in slugs for c in CHECKS for n in range(1, len(c.code) + 1))


@pytest.mark.parametrize("slug", SLUGS)
def test_docstring_has_every_section(slug: str) -> None:
    _registered(slug)
    for check in ALL_BY_SLUG[slug]:
        sections = doc_sections(check.doc)
        missing = [s for s in SECTIONS if not sections.get(s)]
        assert not missing, f"{check.code} {slug}: docstring lacks {', '.join(missing)}"


@pytest.mark.parametrize("slug", SLUGS)
def test_corpus_has_a_flagged_and_a_clean_case(slug: str) -> None:
    _registered(slug)
    path = CASES / f"{slug}.md"
    assert path.is_file(), f"{slug} has no corpus: write {path.relative_to(ROOT)} " \
                           "(format: docs/writing-cases.md)"
    cases = [c for c in parse_cases(path.read_text(encoding="utf-8"), str(path))
             if "xfail" not in c.options]
    codes = {c.code for c in ALL_BY_SLUG[slug]}
    flagged = [c for c in cases if any(e.rule == slug or e.rule in codes
                                       for e in c.expect or [])]
    clean = [c for c in cases if not c.expect]
    assert flagged, f"{path.name}: no passing case expects a {slug} finding"
    assert clean, f"{path.name}: no passing case with an empty expect block"


def _examples(slug: str, section: str) -> list[tuple[str, str]]:
    checks = ALL_BY_SLUG.get(slug)
    if not checks:
        return [(slug, "")]
    lines = [line for c in checks for line in c.section(section).splitlines() if line.strip()]
    return [(slug, line) for line in lines] or [(slug, "")]


def _options(line: str) -> tuple[str, dict[str, object]]:
    kw: dict[str, object] = {}
    while m := _PREFIX.match(line):
        key, value = m.group(1), m.group(2).strip()
        kw[key] = str(ROOT / value) if key == "facts" else value
        line = line[m.end():]
    return line, kw


EXAMPLES = [e for s in SLUGS for e in _examples(s, "Example")]
NOT_FLAGGED = [e for s in SLUGS for e in _examples(s, "Not flagged")]


@pytest.mark.parametrize(("slug", "line"), EXAMPLES,
                         ids=[f"{s}-{i}" for i, (s, _) in enumerate(EXAMPLES)])
def test_each_example_is_flagged(slug: str, line: str) -> None:
    _registered(slug)
    assert line, f"{slug}: the Example section is empty"
    text, kw = _options(line)
    report = numclaims.check(text, **kw)  # type: ignore[arg-type]
    found = [f for f in report.findings if f.rule == slug]
    assert found, f"{slug}: docstring example raises no {slug} finding: {line!r}; got " \
                  f"{[(f.rule, f.text) for f in report.findings]}"


@pytest.mark.parametrize(("slug", "line"), NOT_FLAGGED,
                         ids=[f"{s}-{i}" for i, (s, _) in enumerate(NOT_FLAGGED)])
def test_each_near_miss_stays_clean(slug: str, line: str) -> None:
    _registered(slug)
    assert line, f"{slug}: the Not flagged section is empty"
    text, kw = _options(line)
    report = numclaims.check(text, **kw)  # type: ignore[arg-type]
    loud = [(f.rule, f.text, f.message) for f in report.findings if f.severity != "info"]
    assert not loud, f"{slug}: docstring near miss {line!r} raises {loud}"


def test_a_repeated_section_title_keeps_every_line() -> None:
    doc = "What it flags: x.\nExample: first.\nExample: second.\nNot flagged: third."
    assert doc_sections(doc)["Example"] == "first.\nsecond."

"""Inline suppression: ``numclaims: ignore[...]`` comments, and unused-suppression findings."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import regex

import numclaims
from numclaims.checks import registry
from numclaims.checks.registry import Check, Context, Flag

_WORD = regex.compile(r"\bBlursday\b")


def _fake(ctx: Context) -> Iterable[Flag]:
    for m in _WORD.finditer(ctx.text):
        yield Flag(m.start(), m.end(), "Blursday is not a day")


@pytest.fixture(autouse=True)
def fake_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    registry.all_checks()
    monkeypatch.setitem(registry._REGISTRY, "Z999", Check("Z999", "fake-day", "error", _fake, ""))


def _found(text: str, **kw: object) -> list[tuple[str, str, int]]:
    return [(f.rule, f.text, f.line) for f in numclaims.check(text, **kw).findings]


@pytest.mark.parametrize("comment", [
    "# numclaims: ignore[fake-day]",
    "// numclaims: ignore[fake-day]",
    "<!-- numclaims: ignore[fake-day] -->",
    "<!-- numclaims:ignore[Z9] -->",
    "<!-- editor: checked by hand; numclaims: ignore[ other-rule , Z999 ] -->",
])
def test_a_comment_silences_its_line_only(comment: str) -> None:
    text = f"On Blursday we met. {comment}\nOn Blursday we left."
    found = _found(text, ignore="unused-suppression")
    assert found == [("fake-day", "Blursday", 2)]


def test_without_a_comment_opener_the_words_are_prose() -> None:
    text = "On Blursday, type numclaims: ignore[fake-day] to silence it."
    assert _found(text) == [("fake-day", "Blursday", 1)]


def test_stale_suppression_is_an_info_finding_on_its_token() -> None:
    text = "First line.\nOn Monday we met. <!-- numclaims: ignore[fake-day] -->"
    report = numclaims.check(text)
    [f] = report.findings
    assert (f.rule, f.code, f.severity, f.line) == ("unused-suppression", "X100", "info", 2)
    assert text[f.start:f.end] == "fake-day" == f.text
    assert f.column == text.split("\n")[1].index("fake-day") + 1
    assert "stale" in f.message


def test_unknown_name_is_reported_as_such() -> None:
    [f] = numclaims.check("Monday. # numclaims: ignore[fake-dya]").findings
    assert f.rule == "unused-suppression" and "neither a rule slug" in f.message


def test_only_the_unused_token_of_a_directive_is_reported() -> None:
    text = "On Blursday. <!-- numclaims: ignore[fake-day, nope] -->"
    assert _found(text) == [("unused-suppression", "nope", 1)]


def test_rules_that_did_not_run_are_not_judged() -> None:
    text = "On Monday. <!-- numclaims: ignore[fake-day] -->"
    assert _found(text, ignore="fake-day") == []


def test_unused_suppression_can_be_ignored_or_silenced() -> None:
    text = "On Monday. <!-- numclaims: ignore[fake-day] -->"
    assert _found(text, ignore="unused-suppression") == []
    assert _found("On Monday. # numclaims: ignore[fake-day, unused-suppression]") == []


def test_text_without_directives_is_untouched() -> None:
    assert _found("On Blursday.\nOn Blursday.") == [("fake-day", "Blursday", 1),
                                                     ("fake-day", "Blursday", 2)]

"""Testing helpers: ``assert_consistent``, the fixture's helper, and the pytest nodes of the plugin.

Lives here: the pytest collectors and items for check-case files and for documents, and their
failure reports. Does not live here: the hooks and options (``numclaims.pytest_plugin``, kept
import-free), the case-file format and its comparison rule (``numclaims._cases``), or any rule
(``numclaims.checks``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import engine
from ._cases import Case, CaseFormatError, compare, parse_cases
from .errors import NumclaimsError
from .facts import FactSheet
from .models import SEVERITY_RANK, Finding, Report

# --------------------------------------------------------------------------- public helpers


def assert_consistent(text_or_path: str | os.PathLike[str], **kw: Any) -> Report:
    """Check a text (a ``str``) or a document (a ``Path``); raise AssertionError listing findings.

    Fails on error and warning findings (``fail_on="info"`` also fails on info findings). Keyword
    arguments go to ``numclaims.check``. Returns the report when the document is consistent.
    """
    fail_on = kw.pop("fail_on", "warning")
    if not isinstance(text_or_path, (str, os.PathLike)):
        raise TypeError("assert_consistent() takes a str (a text) or a Path (a document), not "
                        f"{type(text_or_path).__name__}")
    report = engine.check_item(text_or_path, kw)
    bad = failing(report, fail_on)
    if bad:
        raise AssertionError(describe(report, bad))
    return report


class Helper:
    """What the ``numclaims`` fixture returns: ``check`` and ``assert_consistent`` with defaults."""

    def __init__(self, **defaults: Any) -> None:
        self.defaults = defaults

    def check(self, text: str, **kw: Any) -> Report:
        return engine.check(text, **{**self.defaults, **kw})

    def assert_consistent(self, text_or_path: str | os.PathLike[str], **kw: Any) -> Report:
        return assert_consistent(text_or_path, **{**self.defaults, **kw})


def failing(report: Report, fail_on: str) -> list[Finding]:
    """The findings at or above ``fail_on``."""
    floor = SEVERITY_RANK[fail_on]
    return [f for f in report.findings if SEVERITY_RANK[f.severity] >= floor]


def describe(report: Report, findings: list[Finding]) -> str:
    """A failure message: one block per finding, with its evidence and suggestion."""
    where = report.path or "<text>"
    head = f"{where}: {len(findings)} inconsistent claim{'s' if len(findings) != 1 else ''}"
    if report.published:
        head += f" (document date {report.published}, from {report.published_from})"
    out = [head]
    for f in findings:
        out.append(f"  {where}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.severity}: {f.message}")
        out.append(f"      claim: {f.text!r}")
        out.extend(f"      {e.role}: {e.text!r}" + (f" ({e.source})" if e.source else "")
                   for e in f.evidence)
        if f.suggestion:
            out.append(f"      suggestion: {f.suggestion}")
    return "\n".join(out)


# --------------------------------------------------------------------------- pytest nodes


class CaseMismatch(AssertionError):
    """A case whose findings differ from its expect block; carries the failure text."""


class CaseFile(pytest.File):
    """A Markdown check-case file: one item per ``## `` case."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            cases = parse_cases(self.path.read_text(encoding="utf-8"), str(self.path))
        except (CaseFormatError, OSError, UnicodeDecodeError) as exc:
            raise self.CollectError(str(exc)) from None
        for case in cases:
            item = CaseItem.from_parent(self, name=case.title, case=case)
            if "xfail" in case.options:
                item.add_marker(pytest.mark.xfail(reason=case.options["xfail"], strict=True))
            yield item


class CaseItem(pytest.Item):
    """One case: check its text and compare the findings with its expect block."""

    def __init__(self, *, case: Case, **kw: Any) -> None:
        super().__init__(**kw)
        self.case = case

    def runtest(self) -> None:
        case = self.case
        assert case.text is not None and case.expect is not None
        from .checks.registry import all_checks

        names = {n for c in all_checks() for n in (c.slug, c.code)}
        unknown = [str(e) for e in case.expect if e.rule not in names]
        if unknown:  # a misspelt slug would otherwise read as a plain miss
            raise CaseMismatch(f"case {case.title!r} ({self.path.name}:{case.line}): the expect "
                               f"block names no registered rule: {'; '.join(unknown)}")
        report = engine.check(case.text, published=case.options.get("published"),
                              facts=self._facts())
        outcome = compare(case.expect, report)
        if not outcome.ok:
            raise CaseMismatch(self._explain(report, outcome))

    def _facts(self) -> FactSheet | None:
        sheets = []
        if "facts" in self.case.options:
            root = self.config.inipath.parent if self.config.inipath else self.config.rootpath
            sheets.append(FactSheet.load(root / self.case.options["facts"]))
        if self.case.facts is not None:
            sheets.append(FactSheet.from_data(self.case.facts,
                                              f"{self.path}:{self.case.facts_line}"))
        return FactSheet.merge(sheets)

    def _explain(self, report: Report, outcome: Any) -> str:
        case = self.case
        text = case.text or ""
        out = [f"case {case.title!r} ({self.path.name}:{case.line})"]
        if report.published:
            out.append(f"document date: {report.published} (from {report.published_from})")
        out.append("text:")
        out.extend(f"    {line}" for line in text.split("\n"))
        out.append("expected:")
        out.extend(f"    {e}" for e in case.expect or [])
        if not case.expect:
            out.append("    (no finding)")
        out.append("actual (errors and warnings, and expected infos):")
        shown = [f for _, f in outcome.matched] + outcome.unexpected
        shown.sort(key=lambda f: (f.start, f.rule))
        if not shown:
            out.append("    (no finding)")
        for f in shown:
            out.append(f'    {f.rule} "{f.text}"' + (f' -> "{f.suggestion}"' if f.suggestion
                                                      else "") + f"  [{f.severity}]")
            out.append(f"        {f.message}")
        if outcome.missing:
            out.append("missing: " + "; ".join(str(e) for e in outcome.missing))
        if outcome.unexpected:
            out.append("unexpected: " + "; ".join(f'{f.rule} "{f.text}"'
                                                   for f in outcome.unexpected))
        return "\n".join(out)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, CaseMismatch):
            return str(excinfo.value)
        if isinstance(excinfo.value, NumclaimsError):
            return f"case {self.case.title!r} ({self.path.name}:{self.case.line}): {excinfo.value}"
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.line - 1, f"case: {self.case.title}"


class DocumentFile(pytest.File):
    """A document named by ``--numclaims``: one item that fails with the document's findings."""

    def collect(self) -> Iterator[pytest.Item]:
        yield DocumentItem.from_parent(self, name=self.path.name)


class DocumentItem(pytest.Item):
    def runtest(self) -> None:
        from .pytest_plugin import facts_option

        config = self.config
        published = dt.date.today() if config.getoption("numclaims_today") else None
        fail_on = config.getoption("numclaims_fail_on") or config.getini("numclaims_fail_on")
        if fail_on not in SEVERITY_RANK:
            raise pytest.UsageError(f"numclaims_fail_on: {fail_on!r} is not one of error, "
                                    "warning, info")
        facts = facts_option(config) or None
        try:
            shown = str(self.path.relative_to(config.rootpath))
        except ValueError:
            shown = str(self.path)
        report = engine.check(engine.read_text(self.path), published=published, facts=facts,
                              path=shown)
        bad = failing(report, fail_on)
        if bad:
            raise AssertionError(describe(report, bad))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, (AssertionError, NumclaimsError)):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"numclaims: {self.path.name}"

"""Markdown check-case files: parsing them into cases, and comparing a report with a case.

Lives here: the format of docs/writing-cases.md (``## `` cases, option lines, ``text``/``expect``/
``facts`` blocks) and the comparison rule (the multiset of (slug, span text) of error and warning
findings must equal the expect lines; info findings count only when expected). Does not live here:
the pytest nodes that run cases (``numclaims.testing``).
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass, field
from typing import Any

import regex

from .models import Finding, Report

_HEADING = regex.compile(r"^##[ \t]+(\S.*?)[ \t]*$")
_OPTION = regex.compile(r"^([a-z_-]+):[ \t]*(.*?)[ \t]*$")
_FENCE = regex.compile(r"^(`{3,}|~{3,})[ \t]*([A-Za-z0-9_-]*)[ \t]*([A-Za-z0-9_-]*)[ \t]*$")
# <slug> "<span text>", then optionally -> "<suggestion>"; the span may itself hold quotes.
_EXPECT = regex.compile(r'^([A-Za-z0-9_-]+)[ \t]+"(.*?)"(?:[ \t]+->[ \t]+"(.*)")?[ \t]*$')
_OPTIONS = ("published", "facts", "xfail")
_FACT_FORMATS = ("toml", "yaml", "json")


class CaseFormatError(Exception):
    """A check-case file that does not follow the format; the message names file and line."""


@dataclass(frozen=True)
class Expected:
    rule: str
    text: str
    suggestion: str | None = None

    def __str__(self) -> str:
        tail = f' -> "{self.suggestion}"' if self.suggestion is not None else ""
        return f'{self.rule} "{self.text}"{tail}'


@dataclass
class Case:
    """One ``## `` section of a check-case file."""

    title: str
    line: int
    options: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    facts: Any = None  # the parsed inline fact sheet, if any
    facts_line: int = 0
    expect: list[Expected] | None = None


def parse_cases(source: str, origin: str = "<cases>") -> list[Case]:
    """The cases of a check-case file, in order; CaseFormatError names the file and line."""
    cases: list[Case] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence and cases:
            i = _block(cases[-1], lines, i, fence, origin)
            continue
        if fence:  # a code block in the free prose before the first case: skip it whole
            i = _skip_block(lines, i, fence, origin)
            continue
        head = _HEADING.match(line)
        if head:
            if cases:
                _finish(cases[-1], origin)
            case = Case(title=head.group(1), line=i + 1)
            if any(c.title == case.title for c in cases):
                raise CaseFormatError(f"{origin}:{i + 1}: duplicate case title {case.title!r}")
            cases.append(case)
            i = _options(case, lines, i + 1, origin)
            continue
        i += 1
    if cases:
        _finish(cases[-1], origin)
    return cases


def _options(case: Case, lines: list[str], i: int, origin: str) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines):
        m = _OPTION.match(lines[i])
        if not m:
            break
        key, value = m.group(1), m.group(2)
        if key not in _OPTIONS:
            raise CaseFormatError(f"{origin}:{i + 1}: unknown option {key!r} "
                                  f"(known: {', '.join(_OPTIONS)})")
        if key == "published":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise CaseFormatError(f"{origin}:{i + 1}: published: {value!r} is not a date "
                                      "(YYYY-MM-DD)") from None
        case.options[key] = value
        i += 1
    return i


def _block_body(lines: list[str], i: int, fence: regex.Match[str], origin: str) -> tuple[str, int]:
    mark = fence.group(1)
    for j in range(i + 1, len(lines)):
        close = lines[j].rstrip()
        if close.startswith(mark[0] * len(mark)) and not close.strip(mark[0]):
            return "\n".join(lines[i + 1:j]), j + 1
    raise CaseFormatError(f"{origin}:{i + 1}: code block is never closed")


def _skip_block(lines: list[str], i: int, fence: regex.Match[str], origin: str) -> int:
    return _block_body(lines, i, fence, origin)[1]


def _block(case: Case, lines: list[str], i: int, fence: regex.Match[str], origin: str) -> int:
    lang, tag = fence.group(2), fence.group(3)
    body, after = _block_body(lines, i, fence, origin)
    where = f"{origin}:{i + 1}"
    if lang == "text" and not tag:
        if case.text is not None:
            raise CaseFormatError(f"{where}: case {case.title!r} has a second text block")
        case.text = body
    elif lang == "expect" and not tag:
        if case.expect is not None:
            raise CaseFormatError(f"{where}: case {case.title!r} has a second expect block")
        case.expect = [_expect_line(raw, f"{origin}:{i + 2 + n}")
                       for n, raw in enumerate(body.split("\n")) if raw.strip()]
    elif lang in _FACT_FORMATS and tag == "facts":
        if case.facts is not None:
            raise CaseFormatError(f"{where}: case {case.title!r} has a second facts block")
        case.facts = _parse_facts(body, lang, where)
        case.facts_line = i + 1
    return after  # any other block (an illustration in the prose) is ignored


def _expect_line(raw: str, where: str) -> Expected:
    m = _EXPECT.match(raw.strip())
    if not m:
        raise CaseFormatError(f'{where}: expected `<slug> "<span text>"` optionally followed by '
                              f'` -> "<suggestion>"`, got {raw.strip()!r}')
    return Expected(m.group(1), m.group(2), m.group(3))


def _parse_facts(body: str, lang: str, where: str) -> Any:
    import yaml

    try:
        if lang == "toml":
            return tomllib.loads(body)
        if lang == "json":
            return json.loads(body)
        return yaml.safe_load(body)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise CaseFormatError(f"{where}: {lang} facts block does not parse: {exc}") from None


def _finish(case: Case, origin: str) -> None:
    if case.text is None:
        raise CaseFormatError(f"{origin}:{case.line}: case {case.title!r} has no ```text block")
    if case.expect is None:
        raise CaseFormatError(f"{origin}:{case.line}: case {case.title!r} has no ```expect block "
                              "(an empty one means: no finding)")



@dataclass
class Outcome:
    """How a report compares with a case's expect block."""

    missing: list[Expected]
    unexpected: list[Finding]
    matched: list[tuple[Expected, Finding]]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unexpected


def compare(expect: list[Expected], report: Report) -> Outcome:
    """Match expect lines with findings: every error and warning must be expected, every expect
    line found (an info finding may satisfy an expect line; unexpected ones are ignored)."""
    pool = sorted(report.findings, key=lambda f: f.severity == "info")  # errors match first
    matched: list[tuple[Expected, Finding]] = []
    missing: list[Expected] = []
    # Lines that require a suggestion first, so a bare line cannot steal their finding.
    for exp in sorted(expect, key=lambda e: e.suggestion is None):
        hit = next((f for f in pool if _fits(exp, f)), None)
        if hit is None:
            missing.append(exp)
        else:
            pool.remove(hit)
            matched.append((exp, hit))
    unexpected = [f for f in pool if f.severity != "info"]
    missing.sort(key=expect.index)
    return Outcome(missing, unexpected, matched)


def _fits(exp: Expected, f: Finding) -> bool:
    return ((exp.rule == f.rule or exp.rule == f.code) and exp.text == f.text
            and (exp.suggestion is None or exp.suggestion == f.suggestion))

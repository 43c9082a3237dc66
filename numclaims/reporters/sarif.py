"""SARIF 2.1.0: the static-analysis interchange format that GitHub code scanning and IDEs read.

One run per call; the driver lists every registered rule with its documentation (taken from the
check's docstring sections, so the SARIF help text is the same text as ``numclaims rules``). Each
finding is a result with its rule, level, message, exact region (line/column in Unicode code points,
and character offset/length) and its evidence spans as related locations.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from ..checks.registry import Check, all_checks
from ..models import Finding, Report
from ..segment import Lines
from . import as_list

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(reports: Report | Sequence[Report]) -> str:
    return json.dumps(document(as_list(reports)), indent=2, ensure_ascii=False) + "\n"


def document(reports: list[Report]) -> dict[str, Any]:
    """The SARIF log as a dict."""
    from .. import __version__

    checks = all_checks()
    index = {c.code: i for i, c in enumerate(checks)}
    results: list[dict[str, Any]] = []
    for r in reports:
        pos = Lines(r.text) if r.text is not None else None  # once per document
        results.extend(_result(r, pos, f, index) for f in r.findings)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "numclaims",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(c) for c in checks],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _rule(c: Check) -> dict[str, Any]:
    flags = c.section("What it flags") or c.section("summary") or c.slug
    sections = [(t, c.section(t)) for t in ("What it flags", "Why it matters", "Example",
                                            "Not flagged", "Limitations")]
    text = "\n\n".join(f"{t}: {body}" for t, body in sections if body)
    markdown = "\n\n".join(f"**{t}**\n\n" + _md_body(t, body) for t, body in sections if body)
    return {
        "id": c.code,
        "name": c.slug,
        "shortDescription": {"text": _first_sentence(flags)},
        "fullDescription": {"text": flags},
        "help": {"text": text or c.slug, "markdown": markdown or c.slug},
        "defaultConfiguration": {"level": _LEVEL[c.severity]},
        "properties": {"tags": ["numclaims", c.slug]},
    }


def _md_body(title: str, body: str) -> str:
    if title in ("Example", "Not flagged"):
        return "\n".join(f"    {line}" for line in body.splitlines())
    return body


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    head, sep, _ = flat.partition(". ")
    return head + "." if sep else flat


def _uri(report: Report) -> str:
    return quote(report.path.replace("\\", "/")) if report.path is not None else "stdin"


def _region(pos: Lines | None, start: int, end: int,
            line: int | None = None, column: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if pos is not None:
        line, column = pos.at(start)
        end_line, end_col = pos.at(end - 1) if end > start else (line, column - 1)
        region.update(startLine=line, startColumn=column, endLine=end_line,
                      endColumn=end_col + 1)
    elif line is not None and column is not None:
        region.update(startLine=line, startColumn=column)
    region.update(charOffset=start, charLength=end - start)
    return region


def _result(report: Report, pos: Lines | None, f: Finding,
            index: dict[str, int]) -> dict[str, Any]:
    region = _region(pos, f.start, f.end, f.line, f.column)
    region["snippet"] = {"text": f.text}
    artifact = {"uri": _uri(report)}
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "properties": {"rule": f.rule, "severity": f.severity},
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    related = []
    for i, e in enumerate(f.evidence):
        loc: dict[str, Any] = {"id": i, "message": {"text": f"{e.role}: {e.text}"}}
        if e.start is not None and e.end is not None:
            loc["physicalLocation"] = {"artifactLocation": artifact,
                                       "region": _region(pos, e.start, e.end)}
        related.append(loc)
    if related:
        result["relatedLocations"] = related
    if f.suggestion:
        result["properties"]["suggestion"] = f.suggestion
    return result

"""The plain-text report: one block per finding, then what could not be verified, then notes.

Each finding reads ``path:line:col: CODE [slug] message`` (the shape editors and CI log parsers
know from compilers and linters), followed by indented evidence lines and a ``suggestion:`` line.
A compact summary per document follows: the document date used and where it came from, the claims
no check could verify, and notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Evidence, Finding, Report
from ..segment import Lines
from . import as_list, display_path


def render(reports: Report | Sequence[Report]) -> str:
    """All reports, one after the other; an empty string when there is nothing to say."""
    blocks = [_report(r) for r in as_list(reports)]
    return "".join(b for b in blocks if b)


def _report(report: Report) -> str:
    path = display_path(report)
    pos = Lines(report.text) if report.text is not None else None
    out: list[str] = []
    for f in report.findings:
        out.append(finding_line(path, f))
        out.extend(_evidence(e, path, pos) for e in f.evidence)
        if f.suggestion:
            out.append(f"    suggestion: {f.suggestion}")
    summary = _summary(report, path, pos)
    if summary:
        out.extend(summary)
    return "\n".join(out) + "\n" if out else ""


def finding_line(path: str, f: Finding) -> str:
    return f"{path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}"


def _evidence(e: Evidence, path: str, pos: Lines | None) -> str:
    where = ""
    if e.start is not None and pos is not None:
        line, col = pos.at(e.start)
        where = f" ({path}:{line}:{col})"
    elif e.source:
        where = f" ({e.source})"
    return f"    {e.role}: {_quote(e.text)}{where}"


def _summary(report: Report, path: str, pos: Lines | None) -> list[str]:
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    if not report.findings and not report.unverified and not report.notes:
        return []
    said = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    head = f"{path}: {said or 'no findings'}"
    if report.published:
        head += f"; document date {report.published} (from {report.published_from or 'unknown'})"
    if report.unverified:
        n = len(report.unverified)
        head += f"; {n} claim{'s' if n != 1 else ''} unverified"
    out = [head]
    for u in report.unverified:
        where = ""
        if pos is not None:
            line, col = pos.at(u.start)
            where = f"{line}:{col}: "
        out.append(f"  unverified: {where}{_quote(u.text)} [{u.rule}] {u.reason}")
    out.extend(f"  note: {n}" for n in report.notes)
    return out


def _quote(text: str) -> str:
    """A span on one line: newlines inside a span would break the line-oriented output."""
    return '"' + " ".join(text.split()) + '"'

"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub shows each as an annotation on the line of the pull request. Values are escaped as the
runner requires (``%``, CR and LF everywhere; also ``:`` and ``,`` inside properties).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Report
from ..segment import Lines
from . import as_list, display_path

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(reports: Report | Sequence[Report]) -> str:
    out = []
    for report in as_list(reports):
        path = display_path(report)
        pos = Lines(report.text) if report.text is not None else None
        for f in report.findings:
            props = {"file": path, "line": str(f.line), "col": str(f.column)}
            if pos is not None and f.end > f.start:
                end_line, end_col = pos.at(f.end - 1)
                props["endLine"] = str(end_line)
                props["endColumn"] = str(end_col + 1)
            props["title"] = f"{f.code} [{f.rule}]"
            message = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
            head = ",".join(f"{k}={_prop(v)}" for k, v in props.items())
            out.append(f"::{_COMMAND[f.severity]} {head}::{_data(message)}")
    return "".join(line + "\n" for line in out)


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")

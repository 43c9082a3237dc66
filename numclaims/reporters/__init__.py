"""Output formats, one module per format; each is a pure function ``render(reports) -> str``.

Lives here: turning Reports into text, JSON, SARIF, GitHub Actions commands and HTML, and the
helpers they share (positions, severity ranks). Does not live here: deciding what is a finding
(``numclaims.checks``) or exit codes and files (``numclaims.cli``).
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Sequence

from ..models import Report

FORMATS = ("text", "json", "sarif", "github", "html")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_MODULES = {"json": "jsonout"}  # a module named json would shadow the standard library


def as_list(reports: Report | Sequence[Report]) -> list[Report]:
    """Accept one Report or many: ``Report.to_text`` passes one, the CLI many."""
    return [reports] if isinstance(reports, Report) else list(reports)


def display_path(report: Report) -> str:
    return report.path if report.path is not None else "<text>"


class Positions:
    """Line and column (both 1-based, in characters) of offsets into one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def render(fmt: str, reports: Sequence[Report]) -> str:
    """Render ``reports`` in the format named ``fmt`` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f".{_MODULES.get(fmt, fmt)}", __name__)
    return str(module.render(reports))

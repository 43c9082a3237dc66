"""Output formats, one module per format; each is a pure function ``render(reports) -> str``.

Lives here: turning Reports into text, JSON, SARIF, GitHub Actions commands and HTML, and the
helpers they share (one Report or many, the path to show; line and column come from
``numclaims.segment.Lines``). Does not live here: deciding what is a finding
(``numclaims.checks``) or exit codes and files (``numclaims.cli``).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from ..models import Report

FORMATS = ("text", "json", "sarif", "github", "html")
_MODULES = {"json": "jsonout"}  # a module named json would shadow the standard library


def as_list(reports: Report | Sequence[Report]) -> list[Report]:
    """Accept one Report or many: ``Report.to_text`` passes one, the CLI many."""
    return [reports] if isinstance(reports, Report) else list(reports)


def display_path(report: Report) -> str:
    return report.path if report.path is not None else "<text>"


def render(fmt: str, reports: Sequence[Report]) -> str:
    """Render ``reports`` in the format named ``fmt`` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f".{_MODULES.get(fmt, fmt)}", __name__)
    return str(module.render(reports))

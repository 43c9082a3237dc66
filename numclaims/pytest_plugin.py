"""The numclaims pytest plugin (entry point ``pytest11``): options, ini keys, a fixture, a marker.

Lives here: only the hooks, kept thin so that loading the plugin costs nothing: numclaims itself is
imported the first time a file is really collected or the fixture is really used. What the hooks do
(parsing check-case files, checking documents, the fixture's helper) lives in ``numclaims.testing``.

Two kinds of files become test items:

* check cases: every ``.md`` file under the directories of the ini key ``numclaims_cases``
  (one item per ``## `` case; format in docs/writing-cases.md);
* documents: with ``--numclaims PATH``, every ``.txt .md .html .rst`` file under PATH (one item per
  document, failing with its findings).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

DOC_SUFFIXES = (".txt", ".md", ".html", ".rst")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numclaims", "numclaims: check documents for inconsistent figures")
    group.addoption("--numclaims", action="append", default=[], metavar="PATH",
                    help="collect the documents (.txt .md .html .rst) under PATH as test items, "
                         "each failing with its findings (repeatable)")
    group.addoption("--numclaims-today", action="store_true", default=False,
                    help="check documents against today's date instead of their own, so that "
                         "'X years ago' on evergreen pages fails once it has gone stale")
    group.addoption("--numclaims-facts", action="append", default=[], metavar="FILE",
                    help="fact sheet (TOML, YAML or JSON) for documents and the fixture "
                         "(repeatable; adds to the ini key numclaims_facts)")
    group.addoption("--numclaims-fail-on", default=None, choices=("error", "warning", "info"),
                    help="lowest severity that fails a document item (default: ini key "
                         "numclaims_fail_on, else warning)")
    parser.addini("numclaims_cases", type="paths", default=[],
                  help="directories whose .md files are numclaims check cases")
    parser.addini("numclaims_facts", type="paths", default=[],
                  help="fact sheets used for --numclaims documents and the numclaims fixture")
    parser.addini("numclaims_fail_on", default="warning",
                  help="lowest severity that fails a --numclaims document item")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "numclaims(published=None, facts=None, select=None, ignore=None): defaults for the "
        "numclaims fixture in this test",
    )
    # Documents named with --numclaims are collected even when they lie outside the paths pytest
    # would walk (testpaths, the command line): add them to the arguments.
    for raw in config.getoption("numclaims"):
        path = Path(raw).resolve()
        if not path.exists():
            raise pytest.UsageError(f"--numclaims {raw}: no such file or directory")
        if not any(_within(path, Path(a.split("::")[0]).resolve()) for a in config.args):
            config.args.append(str(path))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    suffix = file_path.suffix.lower()
    if suffix == ".md" and _under(file_path, config.getini("numclaims_cases")):
        from .testing import CaseFile

        return CaseFile.from_parent(parent, path=file_path)
    if suffix in DOC_SUFFIXES and config.getoption("numclaims"):
        roots = [Path(p).resolve() for p in config.getoption("numclaims")]
        if _under(file_path, roots):
            from .testing import DocumentFile

            return DocumentFile.from_parent(parent, path=file_path)
    return None


@pytest.fixture
def numclaims(request: pytest.FixtureRequest) -> Any:
    """A helper with ``.check(text, **kw)`` and ``.assert_consistent(text_or_path, **kw)``.

    Defaults come from ``@pytest.mark.numclaims(...)`` and the numclaims fact-sheet options.
    """
    from .testing import Helper

    marker = request.node.get_closest_marker("numclaims")
    defaults: dict[str, Any] = dict(marker.kwargs) if marker else {}
    facts = facts_option(request.config)
    if facts and "facts" not in defaults:
        defaults["facts"] = facts
    return Helper(**defaults)


def facts_option(config: pytest.Config) -> list[str]:
    """The fact sheets from the ini key and the command line, in that order."""
    ini = [str(p) for p in config.getini("numclaims_facts")]
    return ini + [str(Path(p).resolve()) for p in config.getoption("numclaims_facts")]


def _under(path: Path, roots: list[Path]) -> bool:
    return any(_within(path, Path(r)) for r in roots)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents

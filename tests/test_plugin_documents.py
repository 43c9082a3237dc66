"""The pytest plugin's document items (``--numclaims PATH``), the fixture and the marker.

Run with ``pytester``, with a fake rule that reads the document date and the fact sheet, so that
each option is seen to reach the check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from importlib.metadata import entry_points

import pytest
import regex

from numclaims.checks import registry
from numclaims.checks.registry import Check, Context, Flag

pytest_plugins = ["pytester"]

_INSTALLED = any(ep.name == "numclaims" for ep in entry_points(group="pytest11"))
PLUGIN = [] if _INSTALLED else ["-p", "numclaims.pytest_plugin"]
_WORD = regex.compile(r"\bBlursday\b")


def _fake(ctx: Context) -> Iterable[Flag]:
    """Blursday is an error; 'Stale' is one when checked as of today; 'Known' when facts exist."""
    for m in _WORD.finditer(ctx.text):
        yield Flag(m.start(), m.end(), "Blursday is not a day", suggestion="Thursday")
    if ctx.published == dt.date.today() and (i := ctx.text.find("Stale")) >= 0:
        yield Flag(i, i + 5, f"stale as of {ctx.published}")
    if ctx.facts is not None and (i := ctx.text.find("Known")) >= 0:
        yield Flag(i, i + 5, f"{len(ctx.facts.event)} events known")


@pytest.fixture(autouse=True)
def fake_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    registry.all_checks()
    monkeypatch.setitem(registry._REGISTRY, "Z999", Check("Z999", "fake-day", "error", _fake, ""))


@pytest.fixture
def site(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\n")
    for name, text in {"site/ok.txt": "date 2020-01-01\nA fine day.",
                       "site/bad.md": "date 2020-01-01\nWe met on Blursday.",
                       "site/page.html": "<p>Stale news</p>", "site/sub/doc.rst": "Known.",
                       "site/script.py": "Blursday = 1\n"}.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return pytester


def test_documents_become_items_failing_with_their_findings(site: pytest.Pytester) -> None:
    result = site.runpytest(*PLUGIN, "--numclaims", "site", "-v")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines([
        "*site/bad.md::bad.md FAILED*",
        "site/bad.md: 1 inconsistent claim (document date 2020-01-01, from first-line)",
        "  site/bad.md:2:11: Z999 [[]fake-day[]] error: Blursday is not a day",
        "*suggestion: Thursday",
    ])
    assert "script.py" not in result.stdout.str()


def test_documents_outside_the_test_paths_are_collected(site: pytest.Pytester) -> None:
    (site.path / "tests").mkdir()
    (site.path / "tests" / "test_x.py").write_text("def test_x():\n    pass\n")
    result = site.runpytest(*PLUGIN, "tests", "--numclaims", "site/bad.md")
    result.assert_outcomes(passed=1, failed=1)


def test_today_checks_against_the_current_date(site: pytest.Pytester) -> None:
    site.runpytest(*PLUGIN, "--numclaims", "site/page.html").assert_outcomes(passed=1)
    result = site.runpytest(*PLUGIN, "--numclaims", "site/page.html", "--numclaims-today")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"*stale as of {dt.date.today()}*"])


def test_facts_from_option_and_ini(site: pytest.Pytester) -> None:
    sheet = '[[event]]\nid = "{0}"\nname = "{0}"\ndate = 2024-01-01\n'
    site.makefile(".toml", one=sheet.format("a"), two=sheet.format("b"))
    args = [*PLUGIN, "--numclaims", "site/sub"]
    site.runpytest(*args).assert_outcomes(passed=1)
    result = site.runpytest(*args, "--numclaims-facts", "one.toml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*1 events known*"])
    site.makeini("[pytest]\nnumclaims_facts = two.toml\n")
    result = site.runpytest(*args, "--numclaims-facts", "one.toml")
    result.stdout.fnmatch_lines(["*2 events known*"])


def test_fail_on_threshold(site: pytest.Pytester) -> None:
    (site.path / "site" / "info.txt").write_text("Fine. <!-- numclaims: ignore[nope] -->")
    args = [*PLUGIN, "--numclaims", "site/info.txt"]
    site.runpytest(*args).assert_outcomes(passed=1)
    site.runpytest(*args, "--numclaims-fail-on", "info").assert_outcomes(failed=1)
    site.makeini("[pytest]\nnumclaims_fail_on = info\n")
    site.runpytest(*args).assert_outcomes(failed=1)


def test_missing_document_path_is_a_usage_error(site: pytest.Pytester) -> None:
    result = site.runpytest(*PLUGIN, "--numclaims", "nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--numclaims nowhere: no such file or directory*"])


def test_fixture_and_marker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_it='''
        import pytest

        def test_clean(numclaims):
            numclaims.assert_consistent("A fine day.")

        def test_dirty(numclaims):
            numclaims.assert_consistent("We met on Blursday.")

        @pytest.mark.numclaims(ignore="fake-day")
        def test_marker_defaults(numclaims):
            report = numclaims.check("We met on Blursday.")
            assert report.findings == []

        @pytest.mark.numclaims(published="2024-11-05")
        def test_marker_date(numclaims):
            assert str(numclaims.check("x").published) == "2024-11-05"
    ''')
    result = pytester.runpytest(*PLUGIN, "--strict-markers")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*<text>:1:11: Z999 [[]fake-day[]] error: Blursday is not a day*"])


def test_options_are_documented_in_help(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(*PLUGIN, "--help")
    result.stdout.fnmatch_lines(["numclaims: check documents*", "*--numclaims=PATH*",
                                 "*--numclaims-today*", "*numclaims_cases*"])

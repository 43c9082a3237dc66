"""The command line, end to end: ``main(argv)`` on real files in a temporary folder, and the
console entry point through a subprocess.

The rule ``unused-suppression`` (always registered, severity info) gives every test a finding whose
place and wording this file controls; a fake error rule, registered only for one test, gives an
error finding. Tests of real date rules run only once those rules are registered.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
import regex

from numclaims.checks import registry
from numclaims.checks.registry import Check, Context, Flag
from numclaims.cli import main

ROOT = Path(__file__).resolve().parents[1]
STALE = "Turnout was high. <!-- numclaims: ignore[no-such-rule] -->\n"  # one info finding
_BLURSDAY = regex.compile(r"\bBlursday\b")


def _fake(ctx: Context) -> Iterable[Flag]:
    for m in _BLURSDAY.finditer(ctx.text):
        yield Flag(m.start(), m.end(), "Blursday is not a day", suggestion="Thursday")


@pytest.fixture
def fake_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    registry.all_checks()
    monkeypatch.setitem(registry._REGISTRY, "Z999",
                        Check("Z999", "fake-day", "error", _fake, "What it flags: Blursday."))


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no pyproject.toml above: settings come from the test alone
    return tmp_path


def _write(name: str, text: str) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- exit codes


def test_clean_document_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    _write("a.txt", "Turnout was high.\n")
    code, out, _ = _run(capsys, "check", "a.txt")
    assert code == 0
    assert out.strip().endswith("checked 1 document: no findings")


def test_error_finding_exits_1_with_location_evidence_and_suggestion(
        capsys: pytest.CaptureFixture[str], fake_rule: None) -> None:
    _write("a.md", "First line.\nWe met on Blursday.\n")
    code, out, _ = _run(capsys, "check", "a.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "a.md:2:11: Z999 [fake-day] Blursday is not a day"
    assert "    suggestion: Thursday" in lines
    assert lines[-1] == "checked 1 document: 1 error"


@pytest.mark.parametrize(("fail_on", "expected"),
                         [("error", 0), ("warning", 0), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_threshold(capsys: pytest.CaptureFixture[str], fail_on: str,
                                    expected: int) -> None:
    _write("a.txt", STALE)
    code, out, _ = _run(capsys, "check", "a.txt", "--fail-on", fail_on)
    assert code == expected
    assert "a.txt:1:42: X100 [unused-suppression]" in out


def test_fail_on_never_still_exits_0_on_errors(capsys: pytest.CaptureFixture[str],
                                               fake_rule: None) -> None:
    _write("a.txt", "On Blursday.")
    assert _run(capsys, "check", "a.txt", "--fail-on", "never")[0] == 0


@pytest.mark.parametrize(("argv", "message"), [
    (["check", "missing.txt"], "missing.txt: no such file or directory"),
    (["check", "a.txt", "--published", "2024-02-30"], "published: '2024-02-30' is not a date"),
    (["check", "a.txt", "--select", "weekday-mistmatch"], "select: 'weekday-mistmatch'"),
    (["check", "a.txt", "--ignore", "Q"], "ignore: 'Q' is neither"),
    (["check", "a.txt", "--facts", "nofacts.toml"], "nofacts.toml: cannot read"),
    (["check", "a.txt", "--facts", "bad.toml"], "bad.toml: [[event]] #1 (id 'x'): field 'colour'"),
    (["check", "latin1.txt"], "latin1.txt: line 2: not UTF-8 text"),
    (["rules", "no-such-rule"], "'no-such-rule' is no rule"),
    (["extract", "missing.txt"], "missing.txt: no such file or directory"),
])
def test_input_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str],
                                           message: str) -> None:
    _write("a.txt", "Turnout was high.\n")
    _write("bad.toml", '[[event]]\nid = "x"\nname = "X"\ndate = 2024-01-01\ncolour = "red"\n')
    Path("latin1.txt").write_bytes("Line one.\nCaf\xe9 prices rose.\n".encode("latin-1"))
    code, out, err = _run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("numclaims: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("argv", [["check"], ["check", "a.txt", "--format", "xml"],
                                  ["check", "a.txt", "--jobs", "two"], ["frobnicate"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


# --------------------------------------------------------------------------- inputs


def test_folders_are_walked_for_documents_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("d/b.md", "d/a.txt", "d/sub/c.html", "d/sub/e.rst", "d/notes.py",
                 "d/.hidden/f.txt", "d/UPPER.TXT"):
        _write(name, STALE)
    code, out, _ = _run(capsys, "check", "d", "--format", "github")
    files = [regex.search(r"file=([^,]+)", line).group(1) for line in out.splitlines()]
    assert files == ["d/UPPER.TXT", "d/a.txt", "d/b.md", "d/sub/c.html", "d/sub/e.rst"]
    assert code == 0


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
               fake_rule: None) -> None:
    class In:
        buffer = __import__("io").BytesIO(b"We met on Blursday.")

    monkeypatch.setattr(sys, "stdin", In)
    code, out, _ = _run(capsys, "check", "-")
    assert code == 1
    assert out.startswith("<stdin>:1:11: Z999 [fake-day]")


def test_many_documents_over_processes_keep_input_order(capsys: pytest.CaptureFixture[str]) -> None:
    names = [f"doc{i:02}.txt" for i in range(10)]
    for name in names:
        _write(name, STALE)
    code, out, _ = _run(capsys, "check", *names, "--jobs", "2", "--format", "json")
    assert code == 0
    assert [r["path"] for r in json.loads(out)] == names


def test_published_reaches_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    _write("a.txt", STALE)
    _, out, _ = _run(capsys, "check", "a.txt", "--published", "2024-11-05", "--format", "json")
    [report] = json.loads(out)
    assert (report["published"], report["published_from"]) == ("2024-11-05", "argument")


# --------------------------------------------------------------------------- settings


def test_pyproject_settings_and_command_line_overrides(capsys: pytest.CaptureFixture[str],
                                                       fake_rule: None) -> None:
    _write("pyproject.toml", '[tool.numclaims]\nfail-on = "info"\nformat = "json"\n'
                             'ignore = ["fake-day"]\n')
    _write("docs/a.txt", "On Blursday. <!-- numclaims: ignore[nothing-here] -->")
    code, out, _ = _run(capsys, "check", "docs")
    [report] = json.loads(out)
    assert [f["rule"] for f in report["findings"]] == ["unused-suppression"]
    assert code == 1  # fail-on info from the file
    code, out, _ = _run(capsys, "check", "docs", "--fail-on", "error", "--ignore", "X100",
                        "--format", "text")
    assert code == 1 and "Z999 [fake-day]" in out and "X100" not in out
    code, out, _ = _run(capsys, "check", "docs", "--no-config", "--ignore", "fake-day")
    assert code == 0 and out.startswith("docs/a.txt:1:")


def test_pyproject_facts_are_relative_to_the_file(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _write("pyproject.toml", '[tool.numclaims]\nfacts = "facts/sheet.toml"\n')
    _write("facts/sheet.toml", '[[event]]\nid = "x"\nname = "X"\ndate = 2024-01-01\nbad = 1\n')
    _write("sub/a.txt", "Turnout was high.")
    monkeypatch.chdir("sub")  # the nearest pyproject.toml is the parent's
    code, _, err = _run(capsys, "check", "a.txt")
    assert code == 2 and "facts/sheet.toml: [[event]] #1 (id 'x'): field 'bad'" in err


@pytest.mark.parametrize(("table", "message"), [
    ('colour = "red"', "[tool.numclaims] colour: unknown setting"),
    ('fail-on = "sometimes"', "[tool.numclaims] fail-on: 'sometimes' is not one of"),
    ("select = 3", "[tool.numclaims] select: expected a string or a list"),
])
def test_bad_settings_exit_2_naming_file_and_key(capsys: pytest.CaptureFixture[str], table: str,
                                                 message: str) -> None:
    _write("pyproject.toml", f"[tool.numclaims]\n{table}\n")
    _write("a.txt", "x")
    code, _, err = _run(capsys, "check", "a.txt")
    assert code == 2 and "pyproject.toml" in err and message in err


# --------------------------------------------------------------------------- formats and output


def test_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    _write("a.txt", STALE)
    code, out, _ = _run(capsys, "check", "a.txt", "--format", "sarif", "-o", "out.sarif")
    assert out == "" and code == 0
    log = json.loads(Path("out.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"][0]["ruleId"] == "X100"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_every_format_names_the_finding(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _write("a.txt", STALE)
    _, out, _ = _run(capsys, "check", "a.txt", "--format", fmt)
    assert "no-such-rule" in out


# --------------------------------------------------------------------------- extract and rules


def test_extract_formats_agree(capsys: pytest.CaptureFixture[str]) -> None:
    text = "date 2024-11-05\nThe bridge, 1,200 meters long, opened on March 3, 2021."
    _write("a.txt", text)
    _, out, _ = _run(capsys, "extract", "a.txt", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["path"] == "a.txt" for r in rows)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    _, out, _ = _run(capsys, "extract", "a.txt", "--format", "json")
    [block] = json.loads(out)
    assert [m["text"] for m in block["mentions"]] == [r["text"] for r in rows]
    _, out, _ = _run(capsys, "extract", "a.txt")
    assert len(out.splitlines()) == len(rows)
    assert "a.txt:2:13: quantity \"1,200 meters\"" in out


def test_rules_lists_every_registered_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules")
    assert code == 0
    for c in registry.all_checks():
        assert f"{c.code} {c.slug} ({c.severity})" in out
    _, out, _ = _run(capsys, "rules", "unused-suppression")
    assert out.startswith("X100 unused-suppression (info)\n")
    assert "Example:\n    The vote is on Tuesday." in out
    _, out, _ = _run(capsys, "rules", "X100", "--format", "json")
    [rule] = json.loads(out)
    assert rule["slug"] == "unused-suppression" and "Limitations" in rule["sections"]


# --------------------------------------------------------------------------- real rules


def test_real_weekday_rule_end_to_end(tmp_path: Path) -> None:
    if "weekday-mismatch" not in {c.slug for c in registry.all_checks()}:
        pytest.skip("weekday-mismatch is not registered yet")
    _write("news.md", "date 2024-11-05\nThe rally was held on Monday, Oct. 29, 2024.\n"
                      "It ended on Monday, Oct. 28, 2024. "
                      "<!-- numclaims: ignore[weekday-mismatch] -->\n")
    proc = subprocess.run([sys.executable, "-m", "numclaims", "check", "news.md"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith("news.md:2:23: T001 [weekday-mismatch] ")
    assert "news.md:3:" in proc.stdout  # the stale suppression on line 3
    assert "X100" in proc.stdout


def test_the_cli_offers_every_reporter_format() -> None:
    from numclaims import cli, reporters

    assert cli.FORMATS == reporters.FORMATS

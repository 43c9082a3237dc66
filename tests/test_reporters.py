"""The reporters, on hand-built reports: each format says what the report says, at the right place,
escaped for its medium. Lines are worked out by hand from the texts below."""

from __future__ import annotations

import json
import re

import pytest

from numclaims.checks.registry import all_checks
from numclaims.models import Evidence, Finding, Report, Unverified
from numclaims.reporters import FORMATS, render
from numclaims.segment import Lines

# Line 2 starts at offset 16; "Monday, Oct. 29" is at 16+9=25..40; line 3 starts at 58.
TEXT = ("date 2024-11-05\n"
        "They met Monday, Oct. 29 & <then> \"left\".\n"
        "The war began\nin 2022.")


def _finding(**kw: object) -> Finding:
    base: dict[str, object] = {
        "rule": "weekday-mismatch", "code": "T001", "severity": "error",
        "message": "Oct. 29, 2024 was a Tuesday, not a Monday.", "start": 25, "end": 40,
        "text": "Monday, Oct. 29", "line": 2, "column": 10,
        "evidence": [Evidence(role="published", text="date 2024-11-05", start=0, end=15)],
        "suggestion": "Tuesday, Oct. 29"}
    return Finding(**{**base, **kw})  # type: ignore[arg-type]


SPANNING = _finding(rule="elapsed-time", code="T003", severity="warning", message="50%, a, b",
                    start=58, end=79, text="The war began\nin 2022", line=3, column=1,
                    evidence=[Evidence(role="fact", text="invasion 2022-02-24",
                                       source="facts.toml [[event]] invasion")],
                    suggestion=None)
INFO = _finding(rule="unused-suppression", code="X100", severity="info", message="unused",
                start=50, end=56, text="\"left\"", line=2, column=35, evidence=[], suggestion=None)


def _report(**kw: object) -> Report:
    base: dict[str, object] = {
        "path": "news/a b,c.md", "published": "2024-11-05", "published_from": "first-line",
        "findings": [_finding(), INFO, SPANNING], "text": TEXT,
        "unverified": [Unverified(rule="elapsed-time", start=16, end=20, text="They",
                                  reason="no date for this event")],
        "notes": ["a note"]}
    return Report(**{**base, **kw})  # type: ignore[arg-type]


def test_fixture_offsets_are_right() -> None:
    for f in (_finding(), SPANNING, INFO):
        assert TEXT[f.start:f.end] == f.text
        assert Lines(TEXT).at(f.start) == (f.line, f.column)


def test_positions() -> None:
    pos = Lines("ab\n\ncd")
    assert [pos.at(i) for i in range(6)] == [(1, 1), (1, 2), (1, 3), (2, 1), (3, 1), (3, 2)]


def test_text() -> None:
    out = _report().to_text().splitlines()
    assert out[:3] == [
        "news/a b,c.md:2:10: T001 [weekday-mismatch] Oct. 29, 2024 was a Tuesday, not a Monday.",
        '    published: "date 2024-11-05" (news/a b,c.md:1:1)',
        "    suggestion: Tuesday, Oct. 29",
    ]
    assert out[3] == "news/a b,c.md:2:35: X100 [unused-suppression] unused"
    assert out[4] == "news/a b,c.md:3:1: T003 [elapsed-time] 50%, a, b"
    assert out[5] == '    fact: "invasion 2022-02-24" (facts.toml [[event]] invasion)'
    assert out[6] == ("news/a b,c.md: 1 error, 1 warning, 1 info; document date 2024-11-05 "
                      "(from first-line); 1 claim unverified")
    assert out[7] == '  unverified: 2:1: "They" [elapsed-time] no date for this event'
    assert out[8:] == ["  note: a note"]


def test_text_of_a_clean_report_is_empty_and_many_reports_concatenate() -> None:
    clean = Report(path="x.txt", text="Nothing.")
    assert clean.to_text() == ""
    both = render("text", [_report(), clean, _report(path=None)])
    assert both.count("T001") == 2 and "<text>:2:10: T001" in both


def test_json_is_the_models_shape_without_the_text() -> None:
    [data] = json.loads(render("json", [_report()]))
    assert "text" not in data
    assert [f["code"] for f in data["findings"]] == ["T001", "X100", "T003"]
    assert data["findings"][0]["evidence"][0]["role"] == "published"
    assert Report.model_validate(data).findings == _report().findings


def test_sarif_structure_and_rules() -> None:
    log = json.loads(_report().to_sarif())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "numclaims"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [c.code for c in all_checks()]
    for rule, check in zip(rules, all_checks(), strict=True):
        assert rule["name"] == check.slug
        assert rule["fullDescription"]["text"] == check.section("What it flags")
        assert rule["shortDescription"]["text"]
        assert "Example:" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "note", "warning"]
    for result in run["results"]:
        assert result["message"]["text"]
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    x100 = run["results"][1]
    assert rules[x100["ruleIndex"]]["name"] == "unused-suppression"


def test_sarif_regions() -> None:
    run = json.loads(_report().to_sarif())["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    first, _, spanning = run["results"]
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "news/a%20b%2Cc.md"
    assert loc["region"] == {"startLine": 2, "startColumn": 10, "endLine": 2, "endColumn": 25,
                             "charOffset": 25, "charLength": 15,
                             "snippet": {"text": "Monday, Oct. 29"}}
    region = spanning["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) \
        == (3, 1, 4, 8)
    [related] = first["relatedLocations"]
    assert related["physicalLocation"]["region"]["charOffset"] == 0
    assert related["message"]["text"] == "published: date 2024-11-05"
    assert "physicalLocation" not in spanning["relatedLocations"][0]  # a fact: no span


def test_sarif_without_text_still_has_start_positions() -> None:
    run = json.loads(_report(text=None).to_sarif())["runs"][0]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charLength"]) == (2, 10, 15)


def test_github_annotations_are_escaped() -> None:
    lines = render("github", [_report()]).splitlines()
    assert lines[0] == ("::error file=news/a b%2Cc.md,line=2,col=10,endLine=2,endColumn=25,"
                        "title=T001 [weekday-mismatch]::Oct. 29, 2024 was a Tuesday, not a "
                        "Monday. Suggestion: Tuesday, Oct. 29")
    assert lines[1].startswith("::notice file=")
    assert lines[2].startswith("::warning file=news/a b%2Cc.md,line=3,col=1,endLine=4,endColumn=8")
    assert lines[2].endswith("::50%25, a, b")
    assert len(lines) == 3


def test_html_underlines_exact_spans_and_escapes() -> None:
    page = _report(path="<b>x</b>.md").to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and not re.search(r"(src|href)=\"(?!#)", page)
    assert "&lt;b&gt;x&lt;/b&gt;.md" in page
    assert "&amp; &lt;then&gt; " in page  # the text, escaped
    marks = re.findall(r"<a class=\"f (\w+)\"[^>]*>(.*?)</a>", page, re.DOTALL)
    assert marks == [("error", "Monday, Oct. 29"), ("info", "&quot;left&quot;"),
                     ("warning", "The war began\nin 2022")]


def test_html_overlapping_findings() -> None:
    inner = _finding(start=33, end=40, text="Oct. 29", column=18, severity="warning")
    page = _report(findings=[_finding(), inner]).to_html()
    marks = re.findall(r"<a class=\"f (\w+)\" href=\"#doc0-f(\d)\"[^>]*>(.*?)</a>", page)
    assert marks == [("error", "0", "Monday, "), ("error", "0", "Oct. 29")]
    assert page.count('id="doc0-f1"') == 1


def test_html_without_text_lists_the_findings() -> None:
    page = _report(text=None).to_html()
    assert "<pre" not in page and page.count("<li id=") == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_list(fmt: str) -> None:
    assert isinstance(render(fmt, []), str)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render("xml", [])

"""The public surface: what ``import numclaims`` offers, and how it treats wrong arguments."""

from __future__ import annotations
import __future__

import datetime as dt
import json
import types
from pathlib import Path

import pytest

import numclaims
from numclaims.testing import Helper, assert_consistent

DOCUMENTED = [
    "ConfigError", "Evidence", "FactSheet", "FactSheetError", "Finding", "InputError", "Mention",
    "NumclaimsError", "Report", "Unverified", "__version__", "check", "check_many", "extract",
]


def _stale(token: str) -> str:
    """A text whose only finding is an unused suppression naming ``token`` (no such rule)."""
    return f"Turnout was high. <!-- numclaims: ignore[{token}] -->"


def test_all_is_exactly_the_documented_list() -> None:
    assert sorted(numclaims.__all__) == sorted(DOCUMENTED)
    for name in numclaims.__all__:
        assert hasattr(numclaims, name), name


def test_nothing_public_outside_all() -> None:
    public = {n for n, v in vars(numclaims).items()
              if not n.startswith("_") and not isinstance(v, types.ModuleType | __future__._Feature)}
    assert public <= set(numclaims.__all__), public - set(numclaims.__all__)


def test_error_hierarchy() -> None:
    assert issubclass(numclaims.InputError, numclaims.NumclaimsError)
    assert issubclass(numclaims.InputError, ValueError)
    assert issubclass(numclaims.FactSheetError, numclaims.InputError)
    assert issubclass(numclaims.ConfigError, numclaims.NumclaimsError)


@pytest.mark.parametrize("func", [numclaims.extract, numclaims.check])
@pytest.mark.parametrize("value", [b"12 miles", None, 12, ["a text"]])
def test_non_str_text_is_a_clear_type_error(func: object, value: object) -> None:
    with pytest.raises(TypeError, match=rf"takes a str, not {type(value).__name__}"):
        func(value)  # type: ignore[operator]


@pytest.mark.parametrize("func", [numclaims.extract, numclaims.check])
def test_bad_published_is_an_input_error(func: object) -> None:
    with pytest.raises(numclaims.InputError, match="'2024-02-30' is not a date"):
        func("x", published="2024-02-30")  # type: ignore[operator]


def test_published_as_date_or_string() -> None:
    a = numclaims.check("x", published=dt.date(2024, 11, 5))
    b = numclaims.check("x", published="2024-11-05")
    assert a.published == b.published == dt.date(2024, 11, 5)
    assert a.published_from == "argument"


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_many_keeps_input_order(jobs: int, tmp_path: Path) -> None:
    tokens = [f"rule-{i}" for i in range(7)]
    paths = []
    for i, token in enumerate(tokens[4:]):
        p = tmp_path / f"d{i}.txt"
        p.write_text(_stale(token), encoding="utf-8")
        paths.append(p)
    items = [_stale(t) for t in tokens[:4]] + paths
    reports = list(numclaims.check_many(items, jobs=jobs))
    assert [r.findings[0].text for r in reports] == tokens
    assert [r.path for r in reports] == [None] * 4 + [str(p) for p in paths]


def test_report_json_leaves_the_text_out() -> None:
    report = numclaims.check(_stale("nope"))
    assert report.text == _stale("nope")
    data = json.loads(report.to_json())
    assert "text" not in data
    assert data["findings"][0]["rule"] == "unused-suppression"
    assert numclaims.Report.model_validate(data).findings == report.findings


def test_assert_consistent_lists_the_findings(tmp_path: Path) -> None:
    with pytest.raises(AssertionError) as exc:
        assert_consistent(_stale("nope"), fail_on="info")
    message = str(exc.value)
    assert message.splitlines()[0] == "<text>: 1 inconsistent claim"
    assert "<text>:1:42: X100 [unused-suppression] info: unused suppression" in message
    assert "claim: 'nope'" in message
    # info findings do not fail by default; a Path is read as a document
    doc = tmp_path / "doc.md"
    doc.write_text(_stale("nope"), encoding="utf-8")
    assert assert_consistent(doc).path == str(doc)
    with pytest.raises(TypeError, match="not bytes"):
        assert_consistent(b"x")  # type: ignore[arg-type]


def test_helper_applies_its_defaults() -> None:
    helper = Helper(published="2024-11-05", ignore="unused-suppression")
    report = helper.check(_stale("nope"))
    assert report.published == dt.date(2024, 11, 5) and report.findings == []
    assert helper.check(_stale("nope"), ignore=None).findings  # a call overrides a default
    helper.assert_consistent(_stale("nope"), fail_on="info")

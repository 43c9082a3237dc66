"""FactSheet.load: one schema for TOML, YAML and JSON, and errors that name file, entry and field."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from numclaims import FactSheet, FactSheetError

ROOT = Path(__file__).resolve().parents[1]

TOML = """
[[event]]
id = "strike"
name = "The dock strike"
aliases = ["the strike", "the walkout"]
start = 2023-03-10
end = 2023-04-02
source = "union statement"

[[person]]
id = "lopez"
name = "Maria Lopez"
born = 1975

[[figure]]
id = "members"
subject = "union members"
value = 12_000
unit = "member"
as_of = 2023-03-01
"""

YAML = """
event:
  - id: strike
    name: The dock strike
    aliases: [the strike, the walkout]
    start: 2023-03-10
    end: 2023-04-02
    source: union statement
person:
  - id: lopez
    name: Maria Lopez
    born: 1975
figure:
  - id: members
    subject: union members
    value: 12000
    unit: member
    as_of: 2023-03-01
"""

JSON = json.dumps({
    "event": [{"id": "strike", "name": "The dock strike", "aliases": ["the strike", "the walkout"],
               "start": "2023-03-10", "end": "2023-04-02", "source": "union statement"}],
    "person": [{"id": "lopez", "name": "Maria Lopez", "born": 1975}],
    "figure": [{"id": "members", "subject": "union members", "value": 12000, "unit": "member",
                "as_of": "2023-03-01"}],
})


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text"), [("f.toml", TOML), ("f.yaml", YAML), ("f.json", JSON)])
def test_three_formats_one_schema(tmp_path: Path, name: str, text: str) -> None:
    sheet = FactSheet.load(_write(tmp_path, name, text))
    (strike,) = sheet.event
    assert strike.begins == dt.date(2023, 3, 10)
    assert strike.ends == dt.date(2023, 4, 2)
    assert strike.names == ["The dock strike", "the strike", "the walkout"]
    assert sheet.person[0].born == 1975
    assert sheet.figure[0].value == 12000
    assert sheet.figure[0].as_of == dt.date(2023, 3, 1)
    assert sheet.origin("event", "strike") == f"{tmp_path / name} [[event]] strike"


def test_the_three_formats_load_equal(tmp_path: Path) -> None:
    sheets = [FactSheet.load(_write(tmp_path, n, t)).model_dump()
              for n, t in (("f.toml", TOML), ("f.yaml", YAML), ("f.json", JSON))]
    assert sheets[0] == sheets[1] == sheets[2]


BAD = [
    # (file name, text, what the message must name)
    ("unknown.toml", '[[event]]\nid = "w"\nname = "War"\nstart = 2022-02-24\ncolour = "red"\n',
     ["unknown.toml", "[[event]] #1 (id 'w')", "field 'colour'", "unknown field"]),
    ("unknown.yaml", "person:\n  - id: kim\n    name: Kim\n    height: 170\n",
     ["unknown.yaml", "[[person]] #1 (id 'kim')", "field 'height'", "unknown field"]),
    ("type.json", json.dumps({"event": [{"id": "w", "name": "War", "start": "2022-02-24",
                                         "aliases": "the war"}]}),
     ["type.json", "[[event]] #1 (id 'w')", "field 'aliases'", "list"]),
    ("born.toml", '[[person]]\nid = "kim"\nname = "Kim"\nborn = "long ago"\n',
     ["born.toml", "[[person]] #1 (id 'kim')", "field 'born'", "a date (YYYY-MM-DD) or a year"]),
    ("date.toml", ('[[event]]\nid = "v"\nname = "V"\ndate = 2020-01-01\n\n'
                   '[[event]]\nid = "w"\nname = "War"\nstart = 2023-02-30\n'),
     ["date.toml", "[[event]] #2 (id 'w')", "field 'start'"]),
    ("date.yaml", "event:\n  - id: w\n    name: War\n    start: 2023-02-30\n",
     ["date.yaml", "[[event]] #1 (id 'w')", "field 'start'"]),
    ("date.json", json.dumps({"event": [{"id": "w", "name": "War", "start": "2023-02-30"}]}),
     ["date.json", "[[event]] #1 (id 'w')", "field 'start'"]),
    ("order.toml", '[[event]]\nid = "w"\nname = "War"\nstart = 2023-03-01\nend = 2023-02-01\n',
     ["order.toml", "[[event]] #1 (id 'w')", "before"]),
    ("undated.yaml", "event:\n  - id: w\n    name: War\n",
     ["undated.yaml", "[[event]] #1 (id 'w')", "`date`"]),
]


@pytest.mark.parametrize(("name", "text", "needles"), BAD, ids=[b[0] for b in BAD])
def test_errors_name_file_entry_and_field(tmp_path: Path, name: str, text: str,
                                          needles: list[str]) -> None:
    with pytest.raises(FactSheetError) as info:
        FactSheet.load(_write(tmp_path, name, text))
    message = str(info.value)
    for needle in needles:
        assert needle in message, message


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FactSheetError, match=r"\.ini"):
        FactSheet.load(_write(tmp_path, "f.ini", "x"))
    with pytest.raises(FactSheetError, match="cannot read"):
        FactSheet.load(tmp_path / "absent.toml")


def test_the_seed_fact_sheet_loads() -> None:
    sheet = FactSheet.load(ROOT / "seeds" / "000_b25511bfe7d2328e.facts.toml")
    by_id = {e.id: e for e in sheet.event}
    assert by_id["invasion"].begins == dt.date(2022, 2, 24)
    assert "the war" in by_id["invasion"].aliases
    assert by_id["kursk-incursion"].begins == dt.date(2024, 8, 6)
    assert by_id["putin-kim-treaty"].ends == dt.date(2024, 6, 19)
    assert all(e.source for e in sheet.event)
    kim = next(p for p in sheet.person if p.id == "kim-jong-un")
    assert kim.born == dt.date(1984, 1, 8)
    assert kim.source is not None and "disputed" in kim.source

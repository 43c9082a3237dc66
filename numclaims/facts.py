"""Fact sheets: the dated events, people and figures an editor vouches for, in TOML, YAML or JSON.

Lives here: the schema (pydantic models, one for all three formats) and loading with errors that name
the file, the entry and the field. Does not live here: matching text to entries (``numclaims.link``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import FactSheetError

_STRICT = ConfigDict(frozen=True, extra="forbid")


class Event(BaseModel):
    """Something that happened on a day (``date``) or over a span (``start``, optional ``end``)."""

    model_config = _STRICT

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _dated(self) -> Event:
        if self.date is None and self.start is None:
            raise ValueError("an event needs `date` (one day) or `start`")
        if self.date is not None and self.start is not None:
            raise ValueError("give `date` for a one-day event or `start`/`end`, not both")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"`end` {self.end} is before `start` {self.start}")
        return self

    @property
    def begins(self) -> dt.date:
        return self.start or self.date  # type: ignore[return-value]

    @property
    def ends(self) -> dt.date | None:
        return self.end if self.start else self.date

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Person(BaseModel):
    model_config = _STRICT

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    born: dt.date | int | None = Field(None, description="a date, or a year when only that is known")
    died: dt.date | None = None
    source: str | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Figure(BaseModel):
    model_config = _STRICT

    id: str
    subject: str
    aliases: list[str] = Field(default_factory=list)
    value: float
    unit: str | None = Field(None, description="a count noun ('soldier') or a pint unit")
    as_of: dt.date | None = None
    source: str | None = None

    @property
    def names(self) -> list[str]:
        return [self.subject, *self.aliases]


class FactSheet(BaseModel):
    """The facts a document is checked against. ``FactSheet.load(path)`` reads TOML, YAML or JSON."""

    model_config = _STRICT

    event: list[Event] = Field(default_factory=list)
    person: list[Person] = Field(default_factory=list)
    figure: list[Figure] = Field(default_factory=list)
    path: str | None = Field(None, exclude=True)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> FactSheet:
        p = Path(path)
        raw = _read(p)
        return cls.from_data(raw, str(p))

    @classmethod
    def from_data(cls, raw: Any, origin: str = "<facts>") -> FactSheet:
        if not isinstance(raw, dict):
            raise FactSheetError(f"{origin}: a fact sheet is a table of [[event]], [[person]] and "
                                 f"[[figure]] entries, not a {type(raw).__name__}")
        try:
            return cls.model_validate({**raw, "path": origin})
        except ValidationError as exc:
            raise FactSheetError(_explain(exc, raw, origin)) from None

    @classmethod
    def merge(cls, sheets: list[FactSheet]) -> FactSheet | None:
        if not sheets:
            return None
        if len(sheets) == 1:
            return sheets[0]
        return cls(
            event=[e for s in sheets for e in s.event],
            person=[p for s in sheets for p in s.person],
            figure=[f for s in sheets for f in s.figure],
            path=", ".join(s.path or "<facts>" for s in sheets),
        )

    def origin(self, kind: str, entry_id: str) -> str:
        """Where an entry comes from, for evidence: ``facts.toml [[event]] invasion``."""
        return f"{self.path or '<facts>'} [[{kind}]] {entry_id}"

    def cite(self, kind: str, entry: Event | Person | Figure) -> str:
        """Where an entry comes from and who vouches for it, for evidence:
        ``facts.toml [[event]] invasion; <the entry's source>``."""
        return self.origin(kind, entry.id) + (f"; {entry.source}" if entry.source else "")


def _read(p: Path) -> Any:
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise FactSheetError(f"{p}: cannot read the fact sheet ({exc.strerror or exc})") from None
    suffix = p.suffix.lower()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FactSheetError(f"{p}: not UTF-8 text (byte {exc.start})") from None
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise FactSheetError(f"{p}: {_toml_where(text, str(exc))}{exc}") from None
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            return yaml.load(text, Loader=_yaml_loader())
        except yaml.YAMLError as exc:
            raise FactSheetError(f"{p}: {exc}".replace("\n", " ")) from None
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise FactSheetError(f"{p}: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    raise FactSheetError(f"{p}: unknown fact-sheet format {suffix!r}; use .toml, .yaml or .json")


def _yaml_loader() -> Any:
    """A SafeLoader that keeps dates as text, so that an impossible date (2023-02-30) reaches the
    schema and is reported with its entry and field instead of failing inside the YAML parser."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


_TOML_LINE = re.compile(r"\(at line (\d+)")
_TOML_ENTRY = re.compile(r"^\s*\[\[\s*(\w+)\s*\]\]", re.MULTILINE)
_TOML_ID = re.compile(r"^\s*id\s*=\s*[\"']([^\"']*)", re.MULTILINE)


def _toml_where(text: str, message: str) -> str:
    """'[[event]] #2 (id 'x'): field 'start': ' for a TOML syntax error inside an entry (TOML rejects
    an impossible date such as 2023-02-30 while parsing, before the schema sees it)."""
    m = _TOML_LINE.search(message)
    if m is None:
        return ""
    lines = text.splitlines()
    n = int(m.group(1))
    if n > len(lines):
        return ""
    before = "\n".join(lines[: n - 1])
    heads = list(_TOML_ENTRY.finditer(before))
    key = lines[n - 1].split("=", 1)[0].strip()
    field = f"field {key!r}: " if "=" in lines[n - 1] else ""
    if not heads:
        return field
    kind = heads[-1].group(1)
    idx = sum(1 for h in heads if h.group(1) == kind)
    nxt = _TOML_ENTRY.search(text, heads[-1].end())
    entry = text[heads[-1].end(): nxt.start() if nxt else len(text)]
    ident = _TOML_ID.search(entry)
    name = f" (id {ident.group(1)!r})" if ident else ""
    return f"[[{kind}]] #{idx}{name}: {field}"


def _explain(exc: ValidationError, raw: dict[str, Any], origin: str) -> str:
    """One line per problem: file, entry (kind, number and id) and field."""
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = origin
        if len(loc) >= 2 and isinstance(loc[1], int):
            kind, idx = str(loc[0]), loc[1]
            entry = raw.get(kind, [])[idx] if isinstance(raw.get(kind), list) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            where += f": [[{kind}]] #{idx + 1}" + (f" (id {ident!r})" if ident else "")
            loc = loc[2:]
        msg = err["msg"]
        if len(loc) == 2 and loc[-1] in ("date", "int"):  # one line for a date-or-year union
            loc, msg = loc[:1], "expected a date (YYYY-MM-DD) or a year"
        field = ".".join(str(x) for x in loc)
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        elif err["type"] == "missing":
            msg = "missing field"
        line = f"{where}: " + (f"field {field!r}: " if field else "") + msg
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)

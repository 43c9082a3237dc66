"""The public data models: Mention, Evidence, Finding, Unverified, Report.

Every model is a frozen pydantic v2 model; JSON comes from ``model_dump_json()``. Field meanings are
the contract of DESIGN.md; fields added here only extend it. Reporters (text, SARIF, HTML, ...) live in
``numclaims.reporters``; Report only delegates to them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["number", "ordinal", "percent", "quantity", "money", "date", "duration", "time", "set"]
Hedge = Literal["approx", "nearly", "at_most", "at_least", "more_than", "less_than"]
Mod = Literal[
    "APPROX",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "BEFORE",
    "AFTER",
]
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}  # for --fail-on and sorting

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Mention(BaseModel):
    """One figure as written, with its span in the input and its normalized reading."""

    model_config = _FROZEN

    kind: Kind
    start: int = Field(description="character offset of the first character, into the user's text")
    end: int = Field(description="character offset one past the last character")
    text: str
    value: float | None = Field(None, description="scaled value; for a range, its midpoint")
    low: float | None = Field(None, description="lowest value the words allow (None: unbounded)")
    high: float | None = Field(None, description="highest value the words allow (None: unbounded)")
    hedge: Hedge | None = None
    unit: str | None = Field(None, description="pint unit name, or ISO 4217 code for money")
    si_value: float | None = None
    si_unit: str | None = None
    timex: str | None = Field(None, description="TIMEX3 value: 2024-10-28, 2024-SU, P2Y, ...")
    mod: Mod | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    anchor: str | None = Field(
        None, description="'published', or 'START:END' of the mention it was resolved against"
    )
    # A duration used as an offset ("nearly two years ago", "a decade earlier") stays a duration:
    # its span is the duration words, value/unit/low/high the amount, and anchor with
    # date_start/date_end the days the offset points to.
    rule: str | None = Field(None, description="provenance: the extraction rule that produced it")
    note: str | None = Field(None, description="why a reading is ambiguous or unresolved")


class Evidence(BaseModel):
    """A span of the text, or an entry of a fact sheet, that a finding rests on."""

    model_config = _FROZEN

    role: str = Field(description="'other-claim', 'majority', 'fact', 'published', 'part', ...")
    text: str
    start: int | None = None
    end: int | None = None
    source: str | None = Field(None, description="where a fact comes from: file and entry")


class Finding(BaseModel):
    """One inconsistency, with the claim at fault, the evidence and the arithmetic."""

    model_config = _FROZEN

    rule: str
    code: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    line: int = 1
    column: int = 1
    evidence: list[Evidence] = Field(default_factory=list)
    suggestion: str | None = None


class Unverified(BaseModel):
    """A claim that a check could have tested but could not, and why."""

    model_config = _FROZEN

    rule: str
    start: int
    end: int
    text: str
    reason: str


class Report(BaseModel):
    """What ``numclaims.check`` found in one document."""

    model_config = _FROZEN

    path: str | None = None
    published: dt.date | None = None
    published_from: str | None = Field(
        None, description="'argument', 'first-line', 'front-matter', 'meta', 'dateline'"
    )
    mentions: list[Mention] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    unverified: list[Unverified] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    text: str | None = Field(None, exclude=True, repr=False,
                             description="the text checked, for reporters that quote it (not in JSON)")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    def to_text(self) -> str:
        from .reporters import text

        return text.render(self)

    def to_sarif(self) -> str:
        from .reporters import sarif

        return sarif.render([self])

    def to_html(self) -> str:
        from .reporters import html

        return html.render([self])

"""Inline suppression: ``numclaims: ignore[slug-or-code,...]`` in a comment on a line.

Lives here: finding the directives (in a ``#``, ``//`` or ``<!-- -->`` comment, on the line of the
findings they silence), dropping the findings they name, and reporting the directives that silence
nothing as info findings of the rule ``unused-suppression`` (as ruff's RUF100 does), so that stale
comments do not pile up. Does not live here: the rule's documentation, which is registered with the
other rules (``numclaims.checks.suppression``).

A token names a rule by slug or by code prefix, as ``--select`` does. The cost on a document without
any directive is one substring search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from .checks.registry import Check
from .models import Finding
from .segment import Lines

UNUSED = "unused-suppression"

_DIRECTIVE = regex.compile(
    r"""numclaims:[ \t]{0,8}ignore       # the directive word
        \[ ( [^\]\n]{0,500} ) \]         # its tokens, comma separated (bounded: no runaway)
    """,
    regex.VERBOSE,
)
# A comment must open on the line before the directive: prose that mentions the syntax is not one.
_COMMENT_OPENERS = ("#", "//", "<!--")


@dataclass
class _Token:
    name: str
    start: int
    end: int
    used: bool = False


@dataclass
class _Directive:
    line: int
    tokens: list[_Token] = field(default_factory=list)


def apply(text: str, findings: list[Finding], lines: Lines,
          checks: Sequence[Check]) -> list[Finding]:
    """``findings`` (sorted) without the suppressed ones, plus unused-suppression findings when
    that rule is among ``checks`` (the rules that ran)."""
    if "numclaims:" not in text:
        return findings
    directives = _directives(text, lines)
    if not directives:
        return findings
    kept = []
    for f in findings:
        tokens = directives.get(f.line)
        hits = [t for t in tokens if _names(t.name, f.rule, f.code)] if tokens else []
        for t in hits:
            t.used = True
        if not hits:
            kept.append(f)
    rule = next((c for c in checks if c.slug == UNUSED), None)
    if rule is not None:
        kept.extend(_unused(text, directives, rule, checks, lines))
        kept.sort(key=lambda f: (f.start, f.end, f.rule, f.code))
    return kept


def _directives(text: str, lines: Lines) -> dict[int, list[_Token]]:
    out: dict[int, list[_Token]] = {}
    for m in _DIRECTIVE.finditer(text):
        line, column = lines.at(m.start())
        before = text[m.start() - column + 1:m.start()]
        if not any(op in before for op in _COMMENT_OPENERS):
            continue
        tokens = out.setdefault(line, [])
        pos = m.start(1)
        for raw in m.group(1).split(","):
            name = raw.strip()
            if name:
                start = pos + raw.index(name)
                tokens.append(_Token(name, start, start + len(name)))
            pos += len(raw) + 1
    return out


def _names(token: str, rule: str, code: str) -> bool:
    return token == rule or token == "ALL" or code.startswith(token)


def _unused(text: str, directives: dict[int, list[_Token]], rule: Check,
            ran: Sequence[Check], lines: Lines) -> list[Finding]:
    from .checks.registry import all_checks

    known = all_checks()
    out = []
    for line, tokens in directives.items():
        if any(_names(t.name, UNUSED, rule.code) for t in tokens):
            continue  # the line silences this very rule
        for t in tokens:
            if t.used:
                continue
            if any(_names(t.name, c.slug, c.code) for c in ran):
                why = f"nothing of {t.name} is found on this line, so the suppression is stale"
            elif any(_names(t.name, c.slug, c.code) for c in known):
                continue  # the rule was not run (--select/--ignore): it may well be needed
            else:
                why = f"{t.name!r} is neither a rule slug nor a code prefix (see `numclaims rules`)"
            out.append(Finding(rule=UNUSED, code=rule.code, severity=rule.severity,
                               message=f"unused suppression: {why}", start=t.start, end=t.end,
                               text=text[t.start:t.end], line=line,
                               column=lines.at(t.start)[1], suggestion=None))
    return out

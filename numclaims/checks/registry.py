"""The check registry: what a check is, how it registers, and what it is given to work with.

A check is a function ``(ctx: Context) -> Iterable[Flag]`` decorated with ``@register(code, slug)``
where it is defined. Its docstring is its documentation, in sections::

    What it flags: ...
    Why it matters: ...
    Example: <a sentence that must flag>   (published YYYY-MM-DD when relevant)
    Not flagged: <a near miss that must stay clean>
    Limitations: ...

The engine (``numclaims.engine``) turns Flags into Findings, adding rule, code, severity, the text of
the span, its line and column. Check families live in sibling modules, one module per family.
"""

from __future__ import annotations

import bisect
import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..facts import FactSheet
from ..models import Evidence, Mention, Severity, Unverified
from ..segment import Sentences, split_sentences


@dataclass(frozen=True)
class Flag:
    """What a check yields: the claim at fault, one sentence with the arithmetic, the evidence."""

    start: int
    end: int
    message: str
    evidence: tuple[Evidence, ...] = ()
    suggestion: str | None = None
    severity: Severity | None = None  # None: the check's default


@dataclass
class Context:
    """Everything a check may read. Shared derived structures (links, indexes) are computed once
    per document by the module that owns them and kept in ``cache``."""

    text: str
    published: dt.date | None
    mentions: list[Mention]
    facts: FactSheet | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    unverified: list[Unverified] = field(default_factory=list)

    def cannot_verify(self, rule: str, mention: Mention, reason: str) -> None:
        """Record a claim the check could have tested but could not, and why."""
        self.unverified.append(
            Unverified(rule=rule, start=mention.start, end=mention.end, text=mention.text,
                       reason=reason)
        )

    def shared(self, key: str, build: Callable[[Context], Any]) -> Any:
        """A per-document structure built once: ``ctx.shared('events', link_events)``."""
        if key not in self.cache:
            self.cache[key] = build(self)
        return self.cache[key]

    def mentions_in(self, start: int, end: int | None = None) -> list[Mention]:
        """The mentions that start in ``[start, end)`` (to the end of the text when ``end`` is
        None), found by bisection: mentions are in text order."""
        starts: list[int] = self.shared("mention_starts", lambda c: [m.start for m in c.mentions])
        hi = len(starts) if end is None else bisect.bisect_left(starts, end)
        return self.mentions[bisect.bisect_left(starts, start):hi]

    @property
    def sentences(self) -> Sentences:
        """The document's sentences (``numclaims.segment``), split once and shared by all."""
        return self.shared("sentences", lambda c: split_sentences(c.text))  # type: ignore[no-any-return]


def claim(m: Mention, role: str = "other-claim") -> Evidence:
    """A mention of the text as evidence of a Flag ("other-claim", "part", "whole", "from", ...)."""
    return Evidence(role=role, text=m.text, start=m.start, end=m.end)


CheckFunc = Callable[[Context], Iterable[Flag]]


@dataclass(frozen=True)
class Check:
    code: str
    slug: str
    severity: Severity
    func: CheckFunc
    doc: str

    @property
    def name(self) -> str:
        return self.func.__name__

    def section(self, title: str) -> str:
        """One docstring section ('What it flags', 'Example', ...), '' when absent."""
        return doc_sections(self.doc).get(title, "")


_REGISTRY: dict[str, Check] = {}


def register(code: str, slug: str, severity: Severity = "error") -> Callable[[CheckFunc], CheckFunc]:
    """Register a check where it is defined. Codes are unique and never reused."""

    def deco(func: CheckFunc) -> CheckFunc:
        if code in _REGISTRY:
            raise RuntimeError(f"check code {code} registered twice ({func.__qualname__})")
        _REGISTRY[code] = Check(code, slug, severity, func, inspect.getdoc(func) or "")
        return func

    return deco


def all_checks() -> list[Check]:
    """Every registered check, in code order (importing the families registers them)."""
    from . import _load_families

    _load_families()
    return sorted(_REGISTRY.values(), key=lambda c: c.code)


def select_checks(select: Iterable[str] | str | None = None,
                  ignore: Iterable[str] | str | None = None) -> list[Check]:
    """The checks that ``select``/``ignore`` (slugs or code prefixes) leave in."""
    checks = all_checks()
    sel = _tokens(select)
    ign = _tokens(ignore)
    known = {c.slug for c in checks}
    for name, toks in (("select", sel), ("ignore", ign)):
        for t in toks or ():
            if t != "ALL" and t not in known and not any(c.code.startswith(t) for c in checks):
                raise InputError(f"{name}: {t!r} is neither a rule slug nor a code prefix "
                                 f"(see `numclaims rules`)")

    def hit(c: Check, toks: list[str]) -> bool:
        return any(t == "ALL" or t == c.slug or c.code.startswith(t) for t in toks)

    return [c for c in checks if (sel is None or hit(c, sel)) and not (ign and hit(c, ign))]


def _tokens(value: Iterable[str] | str | None) -> list[str] | None:
    """Slugs or code prefixes from a comma-separated string or an iterable; None: not given."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    toks = [str(t).strip() for t in value]
    return [t for t in toks if t]


_SECTIONS = ("What it flags", "Why it matters", "Example", "Not flagged", "Limitations")


def doc_sections(doc: str) -> dict[str, str]:
    """Split a check docstring into its sections (text after 'Title:' up to the next title)."""
    out: dict[str, list[str]] = {}
    current = "summary"
    for line in doc.splitlines():
        head, sep, rest = line.partition(":")
        if sep and head.strip() in _SECTIONS and not line.startswith(" "):
            current = head.strip()  # a title may repeat ("Example: a" / "Example: b"): append
            out.setdefault(current, []).extend([rest.strip()] if rest.strip() else [])
        else:
            out.setdefault(current, []).append(line.strip())
    return {k: "\n".join(v).strip() for k, v in out.items()}

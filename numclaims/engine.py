"""The check pipeline: document date, extraction, checks, and the Report.

Lives here: ``check`` (one document), ``check_many`` (many, fanned out over processes, in order) and
turning the Flags that checks yield into Findings. Does not live here: any rule (``numclaims.checks``)
or any output format (``numclaims.reporters``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import suppress
from .checks.registry import Check, Context, Flag, select_checks
from .errors import InputError
from .extract import extract_resolved
from .facts import FactSheet
from .models import Finding, Report
from .segment import Lines
from .source import coerce_published, detect_published


def check(
    text: str,
    published: dt.date | str | None = None,
    facts: FactSheet | str | os.PathLike[str] | list[Any] | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    *,
    path: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Report:
    """Extract every figure of ``text`` and run the selected checks over them."""
    if not isinstance(text, str):
        raise TypeError(f"check() takes a str, not {type(text).__name__}")
    sheet = _facts(facts)
    checks = select_checks(select, ignore)
    pub = coerce_published(published)
    pub_from = "argument" if pub else None
    if pub is None:
        pub, pub_from = detect_published(text)
    mentions = extract_resolved(text, pub)
    ctx = Context(text=text, published=pub, mentions=mentions, facts=sheet,
                  settings=settings or {})
    lines = Lines(text)
    findings = [_finding(c, f, text, lines) for c in checks for f in c.func(ctx)]
    findings.sort(key=lambda f: (f.start, f.end, f.rule, f.code))
    findings = suppress.apply(text, findings, lines, checks)  # numclaims: ignore[...] comments
    notes = []
    if pub is None:
        notes.append("no document date: relative dates stay unresolved; give --published or a "
                     "first line 'date YYYY-MM-DD'")
    unverified = sorted(ctx.unverified, key=lambda u: (u.start, u.rule))
    return Report(path=path, published=pub, published_from=pub_from, mentions=mentions,
                  findings=findings, unverified=unverified, notes=notes, text=text)


def check_many(texts_or_paths: Iterable[str | os.PathLike[str]], jobs: int | None = None,
               **kw: Any) -> Iterator[Report]:
    """Check many documents, in input order. A ``str`` is a text, a ``Path`` a file to read.

    ``jobs`` > 1 fans out over that many processes (None: one per core); 1 runs in this process.
    """
    items = list(texts_or_paths)
    if isinstance(kw.get("facts"), (str, os.PathLike)):
        kw["facts"] = _facts(kw["facts"])  # load once, not once per document
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(items) < 2:
        for item in items:
            yield check_item(item, kw)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(check_item, items, [kw] * len(items),
                            chunksize=max(1, len(items) // (jobs * 8)))


def check_item(item: str | os.PathLike[str], kw: dict[str, Any]) -> Report:
    """Check one item of ``check_many``: a ``str`` is a text, a path a file to read."""
    if isinstance(item, os.PathLike):
        text = read_text(Path(item))
        return check(text, path=str(item), **kw)
    return check(item, **kw)


def read_text(path: Path) -> str:
    """A document's text, exactly as given (no newline translation); clear errors, no traceback."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes (a byte-order mark is dropped) as text; InputError names the line otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}: line {line}: not UTF-8 text (byte {exc.start})") from None


def _facts(facts: Any) -> FactSheet | None:
    if facts is None or isinstance(facts, FactSheet):
        return facts
    if isinstance(facts, (str, os.PathLike)):
        return FactSheet.load(facts)
    if isinstance(facts, (list, tuple)):
        return FactSheet.merge([s for f in facts if (s := _facts(f)) is not None])
    if isinstance(facts, dict):
        return FactSheet.from_data(facts)
    raise TypeError(f"facts must be a FactSheet, a path or a list of them, not {type(facts).__name__}")


def _finding(c: Check, f: Flag, text: str, lines: Lines) -> Finding:
    line, column = lines.at(f.start)
    return Finding(rule=c.slug, code=c.code, severity=f.severity or c.severity, message=f.message,
                   start=f.start, end=f.end, text=text[f.start:f.end], line=line, column=column,
                   evidence=list(f.evidence), suggestion=f.suggestion)

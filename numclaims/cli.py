"""The command line: ``numclaims check``, ``numclaims extract`` and ``numclaims rules``.

A thin layer over the public API: it finds the documents, merges settings (``[tool.numclaims]`` in
the nearest ``pyproject.toml``, then the command line), calls ``check_many``/``extract``, hands the
reports to a reporter and turns the outcome into an exit code. Exit codes: 0 nothing at or above
``--fail-on``; 1 findings; 2 a usage or input error, reported on one line that names the problem
and the place, never as a traceback. Does not live here: any rule, any output format.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import ConfigError, InputError, NumclaimsError

DOC_SUFFIXES = (".txt", ".md", ".html", ".rst")
# The reporters' formats, spelled here so that parsing arguments imports nothing heavy (pydantic);
# tests/test_cli.py keeps the two lists equal.
FORMATS = ("text", "json", "sarif", "github", "html")
FAIL_ON = ("error", "warning", "info", "never")
_CONFIG_KEYS = {"select", "ignore", "fail-on", "facts", "format"}
STDIN = "-"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except (NumclaimsError, OSError, UnicodeDecodeError) as exc:
        print(f"numclaims: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(
        prog="numclaims",
        description="Find the quantitative claims in prose and flag the ones that contradict "
                    "each other or the known dates.")
    p.add_argument("--version", action="version", version=f"numclaims {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("check", help="check documents and report inconsistent claims",
                       description="Check documents (files, folders walked for "
                                   ".txt .md .html .rst, or - for stdin).")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--published", metavar="DATE",
                   help="document date YYYY-MM-DD (default: the date each document states)")
    c.add_argument("--facts", action="append", metavar="FILE",
                   help="fact sheet (TOML, YAML or JSON); repeatable")
    c.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    c.add_argument("--fail-on", choices=FAIL_ON,
                   help="lowest severity that makes the exit code 1 (default: error)")
    c.add_argument("--select", metavar="SLUGS", help="only these rules (slugs or code prefixes)")
    c.add_argument("--ignore", metavar="SLUGS", help="leave out these rules")
    c.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                   help="worker processes (default: one per core for 8 or more documents)")
    c.add_argument("-o", "--output", metavar="FILE", help="write the report here, not stdout")
    c.add_argument("--no-config", action="store_true",
                   help="ignore [tool.numclaims] in pyproject.toml")
    c.set_defaults(run=cmd_check)

    e = sub.add_parser("extract", help="list every figure the documents contain",
                       description="Print the mentions (numbers, quantities, money, percents, "
                                   "dates, durations) found in each document.")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--published", metavar="DATE", help="document date YYYY-MM-DD")
    e.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    e.set_defaults(run=cmd_extract)

    r = sub.add_parser("rules", help="document the rules",
                       description="Document every rule, or one (by slug or code).")
    r.add_argument("rule", nargs="?", metavar="SLUG")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.set_defaults(run=cmd_rules)
    return p


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (automatic) or more")
    return n


# --------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    from .checks.registry import select_checks
    from .engine import check_many
    from .models import SEVERITY_RANK
    from .reporters import render

    settings = {} if args.no_config else load_config(Path.cwd())
    fmt = args.format or settings.get("format", "text")
    fail_on = args.fail_on or settings.get("fail-on", "error")
    select = args.select if args.select is not None else settings.get("select")
    ignore = args.ignore if args.ignore is not None else settings.get("ignore")
    facts = args.facts if args.facts else settings.get("facts")
    select_checks(select, ignore)  # a misspelt rule name is a usage error before any work
    kw: dict[str, Any] = {"published": args.published, "select": select, "ignore": ignore}
    if facts:
        from .facts import FactSheet

        kw["facts"] = FactSheet.merge([FactSheet.load(f) for f in facts])
    if args.published is not None:
        from .source import coerce_published

        coerce_published(args.published)  # a bad date is reported once, up front

    docs = list(find_documents(args.paths))
    stdin_text = _read_stdin() if STDIN in docs else None
    # check_many takes a str as a text and a Path as a file; keep the order of the input.
    items: list[str | Path] = [stdin_text if d == STDIN else Path(d) for d in docs]  # type: ignore[misc]
    jobs = args.jobs or (None if len(items) >= 8 else 1)

    def reports() -> Iterator[Any]:
        for report in check_many(items, jobs=jobs, **kw):
            yield report.model_copy(update={"path": "<stdin>"}) if report.path is None else report

    rank = {**SEVERITY_RANK, "never": 3}
    worst = -1
    counts = {"error": 0, "warning": 0, "info": 0}
    out, close = _open_output(args.output)
    try:
        collected = []
        for report in reports():
            for f in report.findings:
                counts[f.severity] += 1
                worst = max(worst, rank[f.severity])
            if fmt in ("text", "github"):  # line-oriented: stream as documents finish
                out.write(render(fmt, [report]))
                out.flush()
            else:
                collected.append(report)
        if fmt not in ("text", "github"):
            out.write(render(fmt, collected))
        if fmt == "text":
            n = len(items)
            said = ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v)
            out.write(f"checked {n} document{'s' if n != 1 else ''}: {said or 'no findings'}\n")
    finally:
        close()
    return 1 if worst >= rank[fail_on] else 0


def find_documents(paths: Sequence[str]) -> Iterator[str]:
    """The documents named: files as given, folders walked (sorted) for DOC_SUFFIXES, ``-``."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.suffix.lower() in DOC_SUFFIXES
                           and q.is_file() and not _hidden(q.relative_to(p)))
            yield from (str(q) for q in found)
        elif p.exists():
            yield raw
        else:
            raise InputError(f"{raw}: no such file or directory")


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _read_stdin() -> str:
    from .engine import decode

    return decode(sys.stdin.buffer.read(), "<stdin>")


def _open_output(path: str | None) -> tuple[TextIO, Any]:
    if path is None:
        return sys.stdout, lambda: None
    fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller's finally
    return fh, fh.close


# --------------------------------------------------------------------------- settings


def load_config(start: Path) -> dict[str, Any]:
    """``[tool.numclaims]`` of the nearest ``pyproject.toml`` at or above ``start``; {} if none.

    ``facts`` paths are relative to that file's folder. An unknown key or a wrong type is a
    ConfigError naming the file and the key.
    """
    for folder in (start.resolve(), *start.resolve().parents):
        path = folder / "pyproject.toml"
        if path.is_file():
            break
    else:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    table = data.get("tool", {}).get("numclaims", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.numclaims] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("_", "-")
        where = f"{path}: [tool.numclaims] {key}"
        if name not in _CONFIG_KEYS:
            raise ConfigError(f"{where}: unknown setting (known: {', '.join(sorted(_CONFIG_KEYS))})")
        if name in ("select", "ignore", "facts"):
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: expected a string or a list of strings")
            if name == "facts":
                value = [str(path.parent / v) for v in value]
        else:
            choices = FORMATS if name == "format" else FAIL_ON
            if value not in choices:
                raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}")
        out[name] = value
    return out


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    text = str(exc).strip() or type(exc).__name__
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


# --------------------------------------------------------------------------- extract


def cmd_extract(args: argparse.Namespace) -> int:
    from .engine import read_text
    from .extract import extract
    from .source import coerce_published

    coerce_published(args.published)
    out = sys.stdout
    docs = list(find_documents(args.paths))
    blocks = []
    for doc in docs:
        text = _read_stdin() if doc == STDIN else read_text(Path(doc))
        path = "<stdin>" if doc == STDIN else doc
        mentions = extract(text, args.published)
        if args.format == "jsonl":
            for m in mentions:
                out.write(json.dumps({"path": path, **m.model_dump(mode="json")},
                                     ensure_ascii=False) + "\n")
        elif args.format == "json":
            blocks.append({"path": path, "mentions": [m.model_dump(mode="json") for m in mentions]})
        else:
            from .segment import Lines

            pos = Lines(text)
            for m in mentions:
                line, col = pos.at(m.start)
                out.write(f"{path}:{line}:{col}: {m.kind:<8} {json.dumps(m.text, ensure_ascii=False)}"
                          f"{_reading(m)}\n")
    if args.format == "json":
        out.write(json.dumps(blocks, indent=2, ensure_ascii=False) + "\n")
    return 0


def _reading(m: Any) -> str:
    """The normalized reading of a mention, compactly: value, unit, TIMEX, interval, hedge."""
    parts = []
    if m.timex:
        parts.append(m.timex)
    elif m.value is not None:
        parts.append(f"{m.value:g}" + (f" {m.unit}" if m.unit else ""))
    if m.low is not None or m.high is not None:
        lo = "" if m.low is None else f"{m.low:g}"
        hi = "" if m.high is None else f"{m.high:g}"
        if (m.low, m.high) != (m.value, m.value):
            parts.append(f"[{lo}, {hi}]")
    if m.date_start:
        span = str(m.date_start) + ("" if m.date_end in (None, m.date_start) else f"..{m.date_end}")
        if span != m.timex:
            parts.append(span)
    if m.hedge:
        parts.append(m.hedge)
    if m.note:
        parts.append(f"({m.note})")
    return " -> " + " ".join(parts) if parts else ""


# --------------------------------------------------------------------------- rules


def cmd_rules(args: argparse.Namespace) -> int:
    from .checks.registry import all_checks

    checks = all_checks()
    if args.rule:
        checks = [c for c in checks if args.rule in (c.slug, c.code)]
        if not checks:
            raise InputError(f"{args.rule!r} is no rule; `numclaims rules` lists them")
    if args.format == "json":
        data = [{"code": c.code, "slug": c.slug, "severity": c.severity,
                 "sections": {k: v for k, v in _sections(c)}} for c in checks]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    blocks = []
    for c in checks:
        lines = [f"{c.code} {c.slug} ({c.severity})", ""]
        for title, body in _sections(c):
            lines.append(f"{title}:")
            if title in ("Example", "Not flagged"):  # one text per line: never rewrap them
                lines.extend(f"    {line}" for line in body.splitlines())
            else:
                lines.append(textwrap.fill(" ".join(body.split()), width=96,
                                           initial_indent="    ", subsequent_indent="    "))
            lines.append("")
        blocks.append("\n".join(lines).rstrip() + "\n")
    sys.stdout.write("\n".join(blocks))
    return 0


def _sections(c: Any) -> list[tuple[str, str]]:
    titles = ("What it flags", "Why it matters", "Example", "Not flagged", "Limitations")
    return [(t, c.section(t)) for t in titles if c.section(t)]


if __name__ == "__main__":  # pragma: no cover - ``python -m numclaims.cli``
    sys.exit(main())

"""Shared parts of the benchmark scripts: where the corpora are, how to read them, small helpers.

Lives here: the corpora path (``../shared/corpora`` beside the project, read in place), JSONL and
TOML loading, the MEANTIME document loader (used by the temporal scorer and the speed benchmark),
span trimming, TIMEX3 helpers (date intervals of a value, duration parsing, placeholders), MEANTIME's annotated
region, unit comparison through pint, P/R/F1 arithmetic and the ``Causes`` tally that groups misses
with a few examples each.

Does not live here: any scoring rule of one corpus (``conformance.py``, ``temporal.py``) or timing
(``speed.py``). Nothing here imports numclaims, so tests can load it without the package built.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora").resolve()
MAPPINGS = HERE / "mappings.toml"


def use_project_root() -> None:
    """Make ``import numclaims`` find the working tree when the package is not installed."""
    for p in (str(ROOT), str(HERE)):
        if p not in sys.path:
            sys.path.insert(0, p)


def quiet_pipe() -> None:
    """End quietly when the reader of our output goes away (``... | head``)."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def corpus_file(*parts: str) -> Path:
    """The path of a corpus file; exits with a message (not a traceback) when it is absent."""
    path = CORPORA.joinpath(*parts)
    if not path.is_file():
        sys.exit(f"corpus file not found: {path}\n(the corpora live in ../shared/corpora beside "
                 "the project root; see its README.md)")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_mappings() -> dict[str, Any]:
    """The convention tables of every corpus (``mappings.toml`` beside this file)."""
    with MAPPINGS.open("rb") as fh:
        return tomllib.load(fh)


# ---------------------------------------------------------------------------------------------
# MEANTIME


def fix_dct(value: str | None) -> dt.date | None:
    """A MEANTIME creation date as a date. One upstream DCT is written DD-MM-YYYY ("03-02-2009"
    for February 3, 2009; see the corpus SOURCE.md); it is read that way."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def meantime_docs() -> list[dict[str, Any]]:
    return read_jsonl(corpus_file("meantime-en", "docs.jsonl"))


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


# ---------------------------------------------------------------------------------------------
# Spans

# What a span may differ by and still count as the same span: whitespace and punctuation at
# either end (corpora disagree on whether "$ 5." or "(930,000 mi)" include the trailing mark).
_EDGE = " \t\r\n.,;:!?\"'()[]{}“”‘’«»"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace and punctuation (never empties a span)."""
    s, e = start, end
    while s < e - 1 and text[s] in _EDGE:
        s += 1
    while e > s + 1 and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


# ---------------------------------------------------------------------------------------------
# TIMEX3 values

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}  # meteorological seasons
_DUR_SECONDS = {"Y": 31_536_000, "M": 2_592_000, "W": 604_800, "D": 86_400, "WE": 172_800,
                "TH": 3600, "TM": 60, "TS": 1}
_DUR = re.compile(r"P(?:(\d+(?:\.\d+)?)(Y|M|W|D|WE|DE|CE))*(?:T(?:(\d+(?:\.\d+)?)(H|M|S))*)?")


def duration_parts(timex: str | None) -> list[tuple[float, str]] | None:
    """``P2Y6M`` -> [(2, 'Y'), (6, 'M')]; time parts are prefixed with T: ``PT5M`` -> [(5, 'TM')].
    None when ``timex`` is not a duration (``PXY`` and friends with no number are not parsed)."""
    if not timex or not _DUR.fullmatch(timex) or timex in ("P", "PT"):
        return None
    parts: list[tuple[float, str]] = []
    in_time = False
    for m in re.finditer(r"(T)|(\d+(?:\.\d+)?)(WE|DE|CE|[YMWDHS])", timex[1:]):
        if m[1]:
            in_time = True
            continue
        parts.append((float(m[2]), ("T" + m[3]) if in_time else m[3]))
    return parts or None


_TIMEX_UNIT = {"Y": "year", "M": "month", "W": "week", "D": "day", "TH": "hour", "TM": "minute",
               "TS": "second"}


def duration_reading(timex: str | None) -> tuple[float, str] | None:
    """A one-unit duration as (number, pint unit name): ``P5Y`` -> (5.0, 'year'); else None."""
    parts = duration_parts(timex)
    if parts and len(parts) == 1 and parts[0][1] in _TIMEX_UNIT:
        return parts[0][0], _TIMEX_UNIT[parts[0][1]]
    return None


def duration_seconds(timex: str | None) -> float | None:
    """A duration in seconds with Recognizers-Text's calendar (year 365 days, month 30 days);
    None when not a parseable duration."""
    parts = duration_parts(timex)
    if parts is None:
        return None
    total = 0.0
    for n, unit in parts:
        if unit == "DE":
            n, unit = n * 10, "Y"
        elif unit == "CE":
            n, unit = n * 100, "Y"
        total += n * _DUR_SECONDS[unit]
    return total


def timex_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value denotes: ``2024`` a year, ``199`` a decade,
    ``19`` a century, ``2024-10`` a month, ``2024-W05`` an ISO week, ``2024-Q3`` a quarter,
    ``2024-H1`` a half, ``2024-SU`` a (meteorological) season, ``2024-10-28[T...]`` a day.
    None for anything else (durations, PRESENT_REF, XXXX-...).

    This repeats what ``numclaims.calendar.timex_bounds`` does, on purpose: the scorer reads the
    gold values with its own code, so a bug in the code under test cannot make a wrong answer
    score as right."""
    if not value:
        return None
    v = value.upper()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})", v):
            return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):
            return dt.date(int(v) * 10, 1, 1), dt.date(int(v) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", v):
            return dt.date(max(1, int(v) * 100), 1, 1), dt.date(int(v) * 100 + 99, 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", v):
            y, n = int(m[1]), int(m[3])
            size = 3 if m[2] == "Q" else 6
            first_month = (n - 1) * size + 1
            last_month = first_month + size - 1
            return dt.date(y, first_month, 1), dt.date(y, last_month,
                                                       calendar.monthrange(y, last_month)[1])
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            a, b = SEASONS[m[2]]
            y_end = y + 1 if b < a else y
            return dt.date(y, a, 1), dt.date(y_end, b, calendar.monthrange(y_end, b)[1])
    except ValueError:
        return None
    return None


_RANGE_TIMEX = re.compile(r"\((\d{4}-\d{2}-\d{2}|[X\d-]+),(\d{4}-\d{2}-\d{2}|[X\d-]+),"
                          r"P\d+(?:\.\d+)?([DWMY])\)")


def range_intervals(first: dt.date, end: dt.date, unit: str | None,
                    ref: dt.date | None = None) -> list[tuple[dt.date, dt.date]]:
    """The readings of a Recognizers date range [first, end): its own (the end excluded: "from
    January to April" is January to March) and, when ``unit`` (D, W, M, Y: the unit of the range's
    duration) is known, the inclusive one numclaims gives: to the end of the last unit named when
    the range runs between whole units (January 1 to April 30), to the day ``end`` itself when it
    runs from a day inside a unit or from or to ``ref`` (the reference date), so is a duration
    counted from that day ("within 9 months", "the past fortnight")."""
    out = [(first, end - dt.timedelta(days=1))]
    if unit in ("W", "M", "Y") and (not _aligned(first, unit) or ref in (first, end)):
        # A stretch measured from a day ("within 9 months" from March 23 is [March 23, December
        # 23)): its end is the day the duration reaches, which they resolve as "in 9 months"
        # (December 23) and our inclusive interval ends on.
        out.append((first, end))
    elif unit == "D":
        out.append((first, end))
    elif unit == "W":
        out.append((first, end + dt.timedelta(days=6)))
    elif unit == "M":
        out.append((first, end.replace(day=calendar.monthrange(end.year, end.month)[1])))
    elif unit == "Y":
        out.append((first, end.replace(month=12, day=31)))
    return out


def _aligned(day: dt.date, unit: str) -> bool:
    """Whether ``day`` starts a calendar ``unit``: a Monday (W), a 1st (M), January 1 (Y)."""
    if unit == "W":
        return day.weekday() == 0
    return day.day == 1 and (unit == "M" or day.month == 1)


def range_timex(timex: str) -> tuple[dt.date | None, dt.date | None, str] | None:
    """``(2019-01-01,2019-04-01,P3M)`` -> (first, end excluded, duration unit); dates with
    placeholders come back as None. None when ``timex`` is no range."""
    m = _RANGE_TIMEX.fullmatch(timex)
    if not m:
        return None

    def day(v: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None

    return day(m[1]), day(m[2]), m[3]


def fills_placeholders(pattern: str, timex: str) -> bool:
    """Whether ``timex`` is ``pattern`` with its X placeholders resolved: "XXXX-08-02" is filled
    by "2016-08-02". A pattern of X only ("XXXX-XX-XX": a date nobody could resolve) is not."""
    if "X" not in pattern or len(pattern) != len(timex) or not any(c.isdigit() for c in pattern):
        return False
    return all(p == t or (p == "X" and t.isdigit()) for p, t in zip(pattern, timex, strict=True))


# The end of a sentence: a full stop (or ! ?), maybe a closing quote, then a space and a capital,
# or the end of a line. Abbreviations ("U.S. President") end a region early: fewer of our
# mentions are counted, never more.
_SENTENCE_END = re.compile(r"[.!?][\"”']?(?:\s+(?=[\"“(]?[A-Z0-9])|\s*$)|\n", re.MULTILINE)


def annotated_end(text: str, spans: list[tuple[int, int]]) -> int:
    """MEANTIME annotates only the first sentences of an article: the end of the sentence that
    holds its last annotation (TIMEX3 or VALUE), or of the dateline when it has none."""
    last = max((e for _, e in spans), default=0)
    m = _SENTENCE_END.search(text, last)
    return m.end() if m else len(text)


# ---------------------------------------------------------------------------------------------
# Units (pint is imported on first use)


@lru_cache(maxsize=1)
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=4096)
def same_unit(ours: str | None, want: str) -> bool:
    """Whether two unit names denote the same unit: equal strings, ISO codes, or pint says 1:1."""
    if ours is None:
        return False
    norm = lambda s: s.strip().lower().replace(" ", "_")
    if ours == want or norm(ours) == norm(want):
        return True
    if ours.isupper() or want.isupper():  # ISO 4217 codes: strings only
        return False
    try:
        a, b = parse_unit(ours), parse_unit(want)
        return a.dimensionality == b.dimensionality and math.isclose(
            _ureg().Quantity(1, a).to(b).magnitude, 1.0, rel_tol=1e-9)
    except Exception:  # noqa: BLE001 - pint raises many kinds on odd names: not the same unit
        return False


_SPELLED = [(re.compile(r"\bsquare_(\w+)"), r"\1 ** 2"), (re.compile(r"\bcubic_(\w+)"), r"\1 ** 3"),
            (re.compile(r"_per_"), " / ")]


def parse_unit(name: str) -> Any:
    """A pint Unit from a unit name, also when the name spells out a power or a ratio that pint
    does not define as one name ("square_kilometer", "liter_per_kilometer")."""
    ureg = _ureg()
    try:
        return ureg.Unit(name)
    except Exception:  # noqa: BLE001 - any parse failure: try the spelled-out form
        for pattern, repl in _SPELLED:
            name = pattern.sub(repl, name)
        return ureg.Unit(name)


def is_temperature(unit: str | None) -> bool:
    try:
        return unit is not None and str(parse_unit(unit).dimensionality) == "[temperature]"
    except Exception:  # noqa: BLE001 - a unit pint cannot read is no temperature
        return False


def unit_spec(spec: Any) -> tuple[tuple[str, ...], float, str | None]:
    """A mapping entry as (acceptable units, scale, kind)."""
    if isinstance(spec, str):
        return (spec,), 1.0, None
    if isinstance(spec, list):
        return tuple(spec), 1.0, None
    return tuple(spec.get("units", ())), float(spec.get("scale", 1.0)), spec.get("kind")


# ---------------------------------------------------------------------------------------------
# Figures and tallies


def prf(tp_sys: int, n_sys: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


EXAMPLES_PER_CAUSE = 3  # the scripts' --examples option sets it


@dataclass
class Causes:
    """Misses grouped by cause, with the first few examples of each.

    A cause reads "category: detail" ("unit not recognized: currency Euro"). Causes are ranked by
    category, each with its details counted and an example of each of its commonest details, so
    that many small groups (one per unit) still add up to one visible cause.
    """

    keep: int = field(default_factory=lambda: EXAMPLES_PER_CAUSE)
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, cause: str, example: str) -> None:
        self.counts[cause] += 1
        shown = self.examples.setdefault(cause, [])
        if len(shown) < self.keep:
            shown.append(example if len(example) <= 160 else example[:157] + "...")

    def top(self, n: int) -> Iterator[tuple[str, int, list[str]]]:
        for cause, count in self.counts.most_common(n):
            yield cause, count, self.examples[cause]

    def categories(self, n: int) -> list[dict[str, Any]]:
        """The ``n`` commonest categories: count, details (commonest first), examples."""
        grouped: dict[str, Counter[str]] = {}
        for cause, count in self.counts.items():
            category, _, detail = cause.partition(": ")
            grouped.setdefault(category, Counter())[detail] += count
        out = []
        for category, details in sorted(grouped.items(), key=lambda kv: -kv[1].total()):
            common = details.most_common()
            keys = [f"{category}: {d}" if d else category for d, _ in common]
            examples: list[str] = []  # breadth first: the commonest details first
            for i in range(self.keep):
                examples += [self.examples[k][i] for k in keys if i < len(self.examples[k])]
            examples = examples[: self.keep]
            out.append({"cause": category, "count": details.total(),
                        "details": dict(common), "examples": examples})
        return out[:n]

    def as_json(self, n: int) -> list[dict[str, Any]]:
        return self.categories(n)

    def print(self, n: int, title: str = "Top causes of misses") -> None:
        if not self.counts:
            print(f"  {title}: none")
            return
        cats = self.categories(10**6)
        print(f"  {title} ({sum(self.counts.values())} misses, {len(cats)} causes):")
        for cat in cats[:n]:
            details = [f"{d} {k}" for d, k in cat["details"].items() if d]
            more = f" ... +{len(details) - 8}" if len(details) > 8 else ""
            print(f"    {cat['count']:5d}  {cat['cause']}"
                  + (f" [{', '.join(details[:8])}{more}]" if details else ""))
            for ex in cat["examples"]:
                print(f"             e.g. {ex}")

"""Conformance of ``numclaims.extract`` with peers' test suites: pass rates and causes of misses.

Sets (read in place from ``../shared/corpora``): ``number`` and ``numberwithunit`` (Recognizers-Text
English model specs: NumberModel, OrdinalModel, PercentModel, NumberRangeModel, CurrencyModel,
DimensionModel, TemperatureModel, AgeModel) and ``quantulum`` (quantulum3's English fixtures).
Their conventions map to ours through ``mappings.toml`` (TypeName -> kind, unit -> pint name or
ISO 4217 code, scale: 50 cents = 0.50 USD).

An expected result is *satisfied* by one mention of ours (each mention serves one result) with
  span   equal after trimming whitespace/punctuation at both ends; also without a leading hedge
         phrase of ours when it carries a hedge ("about 12 miles" ~ "12 miles"), and for an age
         without "old"/"of age"/"age" on theirs ("5 years old" ~ "5 years");
  kind   as mapped (a four-digit year 1000-2100 may also be our date);
  unit   the same unit through pint, or one of the ISO codes;
  value  equal to 1e-9 relative (a percent may be 10 or 0.10; a range's finite ends must equal
         our low/high, open or closed alike; an age/time may be our duration: P5Y).
A bare number expected inside a larger reading of ours with the same figure ("10000" of "$10000",
"3" of "3 years", "5" of "5/17/2018") counts as found: our merge keeps the larger reading by design.
Per case: *lenient* = every result satisfied; *strict* = lenient and no mention of ours of the
kinds the model reports (``[recognizers.extras]``; quantulum: ``[quantulum.conventions]``) overlapping
no result; *overlap* = lenient with any overlap as the span. A miss is charged to the overlapping
mention failing fewest tests: not found, unit not recognized, kind/span/unit/value differs.

Scope (counts printed): out are Recognizers NotSupportedByDesign cases, experimental and other
non-default modes, relative ordinals ("last", "next"), and expected results with no figure (a
unit word alone: "convert 10 celsius to fahrenheit" -> "fahrenheit"); cases the Python port of Recognizers fails
(NotSupported: python) are scored on their own "[py-unsupp]" lines. quantulum: ``quantities`` is
the headline, ``ambiguity`` apart, ``no_crash`` passes when nothing raises; its "dimensionless"
bare numbers are our ``number`` (the line "bare numbers not scored" drops them, and their
extras, to show the quantities alone); its conventions (``[quantulum.conventions]``): a range is
spanned without the word that opens it ("from"), and its ends, a value ± an uncertainty, carry
no order.

Run from the project root: ``python benchmarks/conformance.py [--set S] [--model M]
[--show-misses N] [--causes N] [--examples N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpora as C

C.use_project_root()
from numclaims.models import Mention

PY_UNSUPP = "[py-unsupp]"
_AGE_WORDS = re.compile(r"(?i)(?:age\s+)?(.+?)(?:\s+(?:old|of\s+age))?")
_NOT_TEMPORAL = ("number", "ordinal", "percent", "quantity", "money")


@dataclass(frozen=True)
class Expect:
    """One expected result, already mapped to our conventions."""

    start: int
    end: int  # exclusive
    text: str
    kind: str  # number ordinal percent money quantity duration age range
    value: float | None = None
    units: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    year_like: bool = False
    label: str = ""  # their type and unit, for messages
    openers: tuple[str, ...] = ()  # words that open a range on our side, not on theirs ("from")
    unordered: bool = False  # their low/high carry no order (a value ± an uncertainty)


@dataclass
class Case:
    set: str
    group: str  # model (Recognizers) or kind (quantulum); PY_UNSUPP appended when so marked
    id: str
    text: str
    expects: list[Expect]
    extra_kinds: tuple[str, ...] = ()
    scope: str = "in"  # "in", or "out: reason"
    side: str | None = None  # scored but reported apart: "py-unsupp", "ambiguity", "no_crash"
    dropped: int = 0  # expected results without a figure, not scored


@dataclass
class Outcome:
    strict: bool
    lenient: bool
    overlap: bool
    found: int
    causes: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    absorbed: int = 0  # expected bare numbers found inside a larger reading of ours


@lru_cache(maxsize=1)
def _hedge() -> re.Pattern[str]:
    """A leading hedge phrase, from numclaims's own table (``numclaims/data/hedges.toml``)."""
    import tomllib
    from importlib.resources import files

    table = tomllib.loads(files("numclaims").joinpath("data/hedges.toml").read_text("utf-8"))
    phrases = sorted({p for ps in table["phrases"].values() for p in ps}, key=len, reverse=True)
    return re.compile(r"(?i)(?:" + "|".join(re.escape(p) for p in phrases) + r")\s+")


# --- judging one mention against one expected result ----------------------------------------------


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def span_ok(e: Expect, m: Mention, text: str, loose: bool = False) -> bool:
    if loose:
        return m.start < e.end and e.start < m.end
    ours = [C.trim_span(text, m.start, m.end)]
    if m.hedge and (h := _hedge().match(text, *ours[0])) and h.end() < ours[0][1]:
        ours.append((h.end(), ours[0][1]))  # "about 12 miles" ~ "12 miles"
    for a, b in list(ours):
        head = text[a:b].split(" ", 1)[0].lower()
        if head in e.openers and b > a + len(head) + 1:
            ours.append((a + len(head) + 1, b))  # "from 44 mg to 50 mg" ~ "44 mg to 50 mg"
    want = [C.trim_span(text, e.start, e.end)]
    if e.kind == "age" and (a := _AGE_WORDS.fullmatch(text, *want[0])):
        want.append(a.span(1))  # "5 years old" ~ "5 years"
    return any(o == w for o in ours for w in want)


def kind_ok(e: Expect, m: Mention) -> bool:
    if e.kind in ("duration", "age"):
        return m.kind in ("duration", "quantity")
    if e.kind == "range":
        return m.kind in ("number", "percent", "ordinal")
    return m.kind == e.kind or (e.year_like and m.kind == "date")


def unit_ok(e: Expect, m: Mention) -> bool:
    if not e.units or e.kind in ("number", "ordinal", "percent", "range"):
        return True
    if e.kind == "money":
        return m.unit in e.units
    if m.kind == "duration":
        reading = C.duration_reading(m.timex)
        return reading is not None and any(C.same_unit(reading[1], u) for u in e.units)
    return any(C.same_unit(m.unit, u) for u in e.units)


def value_ok(e: Expect, m: Mention) -> bool:
    if e.unordered and m.low is not None and m.high is not None and m.low > m.high:
        m = m.model_copy(update={"low": m.high, "high": m.low})  # "from -18 °C to -34 °C"
    if e.kind == "range" or e.low is not None or e.high is not None:
        return ((e.low is None or close(m.low, e.low)) and (e.high is None or close(m.high, e.high))
                and (e.kind == "range" or e.value is None or close(m.value, e.value)))
    if e.value is None:
        return True
    if m.kind == "date":  # a year-like number read as a date
        return m.timex is not None and m.timex[:4] == f"{int(e.value):04d}"
    if m.kind == "duration":
        reading = C.duration_reading(m.timex)
        return reading is not None and close(reading[0], e.value)
    if e.kind == "percent":
        return close(m.value, e.value) or close(m.value, e.value / 100)
    return close(m.value, e.value)


def failures(e: Expect, m: Mention, text: str, loose: bool = False) -> list[str]:
    """The names of the tests ``m`` fails for ``e``, in reporting order."""
    out = []
    if not kind_ok(e, m):
        out.append("kind")
    if not span_ok(e, m, text, loose):
        out.append("span")
    if "kind" not in out and not unit_ok(e, m):
        out.append("unit")
    if "kind" not in out and not value_ok(e, m):
        out.append("value")
    return out


def cause_of(e: Expect, m: Mention | None, failed: list[str]) -> tuple[str, str]:
    """A grouped cause for a miss, and a short example."""
    want = f"«{e.text}»"
    if m is None:
        return f"not found: {e.label}", want
    got = f"«{m.text}» {m.kind}" + (f" {m.unit}" if m.unit else "")
    first = failed[0]
    if first == "kind" and e.units and e.kind != "number" and m.kind == "number":
        return f"unit not recognized: {e.label}", f"{want} got {got}"
    if first == "kind":
        return f"kind differs: want {e.kind}, got {m.kind}", f"{want} got {got}"
    if first == "span":
        return f"span differs: {e.kind}", f"{want} got «{m.text}»"
    if first == "unit":
        ours = m.timex if m.kind == "duration" else m.unit
        return f"unit differs: {e.label} -> {ours}", f"{want} got {got}"
    want_v = f"[{e.low}, {e.high}]" if e.kind == "range" else f"{e.value}"
    got_v = f"[{m.low}, {m.high}]" if e.kind == "range" else (m.timex or f"{m.value}")
    return f"value differs: {e.kind}", f"{want} want {want_v} got {got_v}"


def _extra_classes(m: Mention) -> set[str]:
    out: set[str] = {m.kind}
    if m.kind in ("number", "percent") and (m.hedge or (m.low is not None and m.low != m.high)):
        out.add("range")
    if m.kind == "quantity":
        out.add("temperature" if C.is_temperature(m.unit) else "dimension")
    return out


def absorbed(e: Expect, m: Mention) -> bool:
    """Whether a bare number Recognizers expects lies inside a larger reading of ours with the
    same figure ("10000" of "$10000", "3" of "3 years", "5" of "5/17/2018"). Our merge keeps
    only the larger reading by design, so such a number counts as found."""
    if e.kind not in ("number", "ordinal", "range") or m.kind in ("number", "ordinal", "percent"):
        return False
    if not (m.start <= e.start and e.end <= m.end and m.end - m.start > e.end - e.start):
        return False
    if m.kind in ("date", "time", "set"):
        return True
    if e.kind == "range":  # the bounds of "more than thirty years" are in years: not compared
        return True
    if m.kind == "duration":
        reading = C.duration_reading(m.timex)
        return reading is not None and close(reading[0], e.value)
    return close(m.value, e.value)


def score_case(case: Case, mentions: list[Mention]) -> Outcome:
    """Match the expected results of one case against our mentions (see the module docstring)."""
    text = case.text
    found = {False: 0, True: 0}
    absorbed_n = 0
    causes: list[tuple[str, str]] = []
    for loose in (False, True):
        used: set[int] = set()
        for e in case.expects:
            cands = [(i, m) for i, m in enumerate(mentions)
                     if i not in used and m.start < e.end and e.start < m.end]
            hit = next((i for i, m in cands if not failures(e, m, text, loose)), None)
            if hit is not None:
                used.add(hit)
                found[loose] += 1
            elif any(absorbed(e, m) for _, m in cands):
                found[loose] += 1
                absorbed_n += not loose
            elif not loose:
                best = min(cands, key=lambda c: (len(failures(e, c[1], text)),
                                                 -min(c[1].end, e.end) + max(c[1].start, e.start)),
                           default=None)
                m = best[1] if best else None
                causes.append(cause_of(e, m, failures(e, m, text) if m else []))
    extras = [m for m in mentions
              if _extra_classes(m) & set(case.extra_kinds)
              and not any(m.start < e.end and e.start < m.end for e in case.expects)]
    for m in extras:
        causes.append((f"extra mention: {m.kind}", f"«{m.text}» in «{text[:80]}»"))
    n = len(case.expects)
    lenient = found[False] == n
    return Outcome(strict=lenient and not extras, lenient=lenient, overlap=found[True] == n,
                   found=found[False], causes=causes, mentions=mentions, absorbed=absorbed_n)


# --- loading the sets ---------------------------------------------------------------------------


def _year_like(value: float | None, surface: str) -> bool:
    return value is not None and value == int(value) and 1000 <= value <= 2100 and \
        bool(re.fullmatch(r"\d{4}", surface.strip()))


def _range_bounds(value: str) -> tuple[float | None, float | None]:
    lo, _, hi = value.strip("[]()").partition(",")
    return (float(lo) if lo.strip() else None), (float(hi) if hi.strip() else None)


def recognizers_case(row: dict[str, Any], maps: dict[str, Any]) -> Case:
    rmap = maps["recognizers"]
    model = row["model"]
    case = Case(set=row["spec_file"].split("/")[1].lower(), group=model,
                id=f"{model}#{row['case_index']}", text=row["Input"], expects=[],
                extra_kinds=tuple(rmap["extras"].get(model, ())))
    scope = rmap["models"].get(model, "out: unknown model")
    if row.get("NotSupportedByDesign"):
        scope = "out: NotSupportedByDesign"
    for res in row["Results"]:
        tname = res.get("TypeName") or res.get("Typename", "")
        kind = rmap["types"].get(tname, "out")
        if kind == "out":
            scope = scope if scope != "in" else f"out: result type {tname}"
            continue
        start, end = res["Start"], res["End"] + 1  # their End is inclusive
        resol = res.get("Resolution") or {}
        raw = resol.get("value")
        if raw in (None, "null", ""):  # a unit word alone ("convert ... to fahrenheit"): no figure
            case.dropped += 1
            continue
        raw = str(raw)
        e: dict[str, Any] = {"start": start, "end": end, "text": row["Input"][start:end],
                             "kind": kind, "label": tname}
        if kind == "range" and raw:
            e["low"], e["high"] = _range_bounds(raw)
        else:
            e["value"] = float(raw.rstrip("%").replace(",", ""))
        if unit := resol.get("unit"):
            spec = rmap["units"].get(tname, {}).get(unit)
            e["label"] = f"{tname} {unit}"
            if spec is None:
                scope = scope if scope != "in" else f"out: unmapped unit {tname} {unit}"
                continue
            e["units"], scale, _ = C.unit_spec(spec)
            if e.get("value") is not None:
                e["value"] *= scale
        e["year_like"] = kind == "number" and _year_like(e.get("value"), e["text"])
        case.expects.append(Expect(**e))
    case.scope = scope
    if scope == "in" and "python" in (row.get("NotSupported") or "").lower():
        case.group += " " + PY_UNSUPP
        case.side = "py-unsupp"
    return case


def quantulum_case(row: dict[str, Any], maps: dict[str, Any]) -> Case:
    qmap = maps["quantulum"]["units"]
    conv = maps["quantulum"].get("conventions", {})
    openers = tuple(conv.get("range_openers", ()))
    case = Case(set="quantulum", group=row["kind"], id=f"{row['kind']}#{row['case_index']}",
                text=row["text"], expects=[],
                extra_kinds=tuple(conv.get("extra_kinds", _NOT_TEMPORAL)),
                side=None if row["kind"] == "quantities" else row["kind"])
    for x in row["expected"] or []:
        spec = qmap.get(x["unit"])
        if spec is None:
            case.scope = f"out: unmapped unit {x['unit']}"
            continue
        units, scale, kind = C.unit_spec(spec)
        kind = kind or "quantity"
        value = float(x["value"]) * scale
        unc = x.get("uncertainty")
        low = high = None
        if unc is not None:
            low, high = value - float(unc) * scale, value + float(unc) * scale
        case.expects.append(Expect(
            start=x["start"], end=x["end"], text=x["surface"], kind=kind, value=value,
            units=units, low=low, high=high, label=x["unit"],
            year_like=kind == "number" and _year_like(value, x["surface"]),
            openers=openers, unordered=bool(conv.get("unordered_bounds"))))
    return case


def load_cases(which: str, maps: dict[str, Any]) -> list[Case]:
    if which == "quantulum":
        rows = C.read_jsonl(C.corpus_file("quantulum3-tests", "cases.jsonl"))
        return [quantulum_case(r, maps) for r in rows]
    rows = C.read_jsonl(C.corpus_file("recognizers-text-en", f"{which}.jsonl"))
    return [recognizers_case(r, maps) for r in rows if r.get("level") == "model"]


# --- running and reporting ----------------------------------------------------------------------


def run_case(case: Case, extract: Any) -> Outcome:
    try:
        mentions = extract(case.text)
    except Exception as exc:  # noqa: BLE001 - a crash is a miss with its own cause, not the end of the run
        return Outcome(False, False, False, 0, [(f"crash: {type(exc).__name__}", case.id)])
    if case.side == "no_crash":
        return Outcome(True, True, True, 0, mentions=mentions)
    return score_case(case, mentions)


def score_set(which: str, cases: list[Case], extract: Any, n_causes: int, show_misses: int,
              quiet: bool = False) -> dict[str, Any]:
    scope = Counter(c.scope if c.scope != "in" else f"in [{c.side}]" if c.side else "in"
                    for c in cases)
    if dropped := sum(c.dropped for c in cases if c.scope == "in"):
        scope["results without a figure (a unit word alone) not scored"] = dropped
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    causes = C.Causes()
    misses: list[tuple[Case, Outcome]] = []
    for case in cases:
        if case.scope != "in":
            continue
        out = run_case(case, extract)
        keys = [case.group]
        if case.side in (None, "py-unsupp"):
            keys.append(f"ALL [{case.side}]" if case.side else "ALL in scope")
        scored = [(keys, case, out)]
        if case.set == "quantulum" and case.side is None:  # the same without bare numbers
            units_only = replace(case, expects=[e for e in case.expects if e.kind != "number"],
                                 extra_kinds=("percent", "quantity", "money"))
            scored.append((["quantities, bare numbers not scored"], units_only,
                           score_case(units_only, out.mentions)))
        for keys_, case_, out_ in scored:
            for key in keys_:
                rows[key].update(cases=1, strict=out_.strict, lenient=out_.lenient,
                                 overlap=out_.overlap, found=out_.found,
                                 expected=len(case_.expects), absorbed=out_.absorbed)
        for cause, example in out.causes:
            causes.add(cause, f"{case.id}: {example}")
        if not out.strict and len(misses) < show_misses:
            misses.append((case, out))
    result = {"set": which, "scope": dict(scope), "models": {k: dict(v) for k, v in rows.items()},
              "causes": causes.as_json(n_causes)}
    if quiet:
        return result
    print(f"\n== {which} ==\nscope: "
          + ", ".join(f"{n} {s}" for s, n in sorted(scope.items(), key=lambda x: -x[1])))
    print(f"  {'model':38s} {'cases':>5s} {'strict':>7s} {'lenient':>7s} {'overlap':>7s}  found")
    for key in sorted(rows, key=lambda k: (PY_UNSUPP in k, k.startswith("ALL"), k)):
        r = rows[key]
        print(f"  {key:38s} {r['cases']:5d} {C.pct(r['strict'], r['cases'])} "
              f"{C.pct(r['lenient'], r['cases'])} {C.pct(r['overlap'], r['cases'])}  "
              f"{r['found']}/{r['expected']}"
              + (f" ({r['absorbed']} inside larger readings)" if r["absorbed"] else ""))
    causes.print(n_causes)
    for case, out in misses:
        print(f"\n  MISS {case.id}: {case.text!r}")
        for e in case.expects:
            print("    want", {k: v for k, v in vars(e).items() if v not in (None, (), "", False)})
        for m in out.mentions:
            print("    got ", m.model_dump(exclude_none=True, exclude={"si_value", "si_unit"}))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["number", "numberwithunit", "quantulum"], action="append",
                    help="score only this set (repeatable; default: all three)")
    ap.add_argument("--model", help="score only models/groups whose name contains this")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="print N failed cases per set in full")
    ap.add_argument("--causes", type=int, default=8, metavar="N", help="top N causes per set")
    ap.add_argument("--examples", type=int, default=3, metavar="N", help="examples per cause")
    ap.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    args = ap.parse_args(argv)
    C.EXAMPLES_PER_CAUSE = args.examples
    maps = C.load_mappings()
    import numclaims

    results = []
    for which in args.set or ["number", "numberwithunit", "quantulum"]:
        cases = load_cases(which, maps)
        if args.model:
            cases = [c for c in cases if args.model.lower() in c.group.lower()]
        results.append(score_set(which, cases, numclaims.extract, args.causes, args.show_misses,
                                 quiet=args.json))
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    C.quiet_pipe()
    sys.exit(main())

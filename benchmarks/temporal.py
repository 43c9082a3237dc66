"""TempEval-3 style scores of temporal extraction: spans (relaxed and strict), values, per type.

Sets (read in place from ``../shared/corpora``):
  meantime     MEANTIME English Wikinews articles; each run as ``extract(text, published=dct)``.
               Every token-anchored TIMEX3 is in scope, the creation-time one inside the text
               included (it is a real mention); non-consuming TIMEX3 (no tokens) are not. The one
               malformed DCT ("03-02-2009", DD-MM-YYYY) is read as 2009-02-03, as a DCT and as
               the value of its TIMEX3; a doc without DCT runs with ``published=None`` (its own
               date line may then be found). MEANTIME annotates only the first sentences of each
               article (title, dateline, about five more): our mentions after the sentence that
               holds a document's last annotation (TIMEX3 or VALUE) are not counted (the number
               left out is printed).
  recognizers  Recognizers-Text English ``DateTimeModel`` cases (culture English), run with the
               date of their ``Context.ReferenceDateTime``. Results of type datetimeV2.date and
               .daterange are scored as DATE, .duration as DURATION; all other results (time,
               datetime, set, ranges of times, ...) are out of scope: a mention of ours overlapping
               one is neither right nor wrong, and our ``time``/``set`` mentions are not counted.
               Cases marked NotSupportedByDesign, or without a reference time, are out of scope;
               cases marked NotSupported for python are scored on their own ("[py-unsupp]").
               Their ``Text`` is lower-cased; offsets index ``Input`` (End inclusive).

Scoring (TempEval-3, relaxed match = any overlap): span P = system mentions overlapping some
gold one / system, R = gold overlapped by some system mention / gold (so a range that we read as
two dates is found, and both dates count as found); strict = the same with equal spans after
trimming whitespace and punctuation. Per type, precision counts system mentions of that type (our
kind via ``[temporal.kinds]`` of ``mappings.toml``), recall gold of that type. Value P (R): system
(gold) mentions with an overlapping partner whose value is right. Our value is right when
  - our timex equals the gold value (or, for Recognizers, one of its resolved candidates), or
    fills its X placeholders when no resolved candidate is given (gold XXXX-08 "since August",
    ours 2016-08), or
  - both are durations of the same length (year 365 days, month 30: P7D = P1W), or ours is
    vague where Recognizers counts "a few"/"several" as 3 (ours PTXM, theirs PT3M), or
  - our resolved interval (``date_start``..``date_end``, else the interval of our timex) lies
    within the gold value's interval: at the gold granularity it is the gold value. So our
    ``duration`` for "two years" of "two years ago" (the word "ago" is left out of our span; it
    carries ``date_start``/``date_end`` resolved against the publication date) is right for
    gold DATE "2022"; "this summer" as 2024-SU, "the 1990s" as 199 are compared the same way;
  - for Recognizers date ranges, our interval equals a candidate's [start, end), or, for a range
    "from ... to ..." (timex "(A,B,P3M)"), the inclusive reading: "from January to April" is
    theirs January-March, ours January 1-April 30.
    A range that runs from a day inside a unit is a duration counted from that day: "within 9
    months" from March 23 is theirs [March 23, December 23), ours March 23-December 23 (their
    "in 9 months" is December 23, so the day the stretch reaches belongs to it).
  - the gold is a Recognizers date range and we read it, as TimeML does, as two dates at its
    ends: "from March to May" is right when our first date starts on the range's first day, our
    last ends on its last day (one reading as above), and the gold's other words are connectives
    ("from", "between", "to", "and", "-"). Both mentions then count right, for one gold only;
  - the gold date is an end of our range mention and our range starts (ends) where it does:
    "2009" and "2011" of our "from 2009 to 2011" (2009-01-01..2011-12-31);
  - gold PRESENT_REF and ours is the publication day; PAST_REF (FUTURE_REF) and ours lies wholly
    before (after) it.
``mod`` is not scored (MEANTIME has none). Type agreement is reported apart, pairing each gold
mention with the mention of ours that overlaps it most: our "X ago" durations pair with DATE gold
by design.

Run from the project root: ``python benchmarks/temporal.py [--set S] [--causes N] [--examples N] [--json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpora as C

C.use_project_root()
from numclaims.models import Mention

TYPES = ("DATE", "DURATION", "TIME", "SET")
Interval = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Gold:
    start: int
    end: int  # exclusive
    text: str
    type: str  # DATE DURATION TIME SET
    value: str
    alternatives: tuple[str, ...] = ()  # other acceptable values (resolved candidates)
    intervals: tuple[Interval, ...] = ()  # acceptable exact intervals
    seconds: float | None = None


@dataclass
class Doc:
    id: str
    text: str
    published: dt.date | None
    gold: list[Gold]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # out-of-scope gold spans
    side: str | None = None
    region_end: int | None = None  # mentions of ours starting here or later are not counted


@dataclass
class Tally:
    """Counts per type ("key:TYPE" and "key:ALL"): gold and system totals, and on each side the
    mentions found (any overlap), found with the same span, and found with the right value."""

    n: Counter[str] = field(default_factory=Counter)

    def add(self, key: str, typ: str, k: int = 1) -> None:
        self.n[f"{key}:{typ}"] += k
        self.n[f"{key}:ALL"] += k


def our_interval(m: Mention) -> Interval | None:
    if m.date_start and m.date_end:
        return m.date_start, m.date_end
    return C.timex_interval(m.timex)


_VAGUE = re.compile(r"PT?X(?:Y|M|W|D|H|S|DE|CE)")  # a duration with no number: "a few minutes"
_FEW = re.compile(r"(?i)\b(?:few|several|some)\b")

# TIMEX3 reference values, compared with our resolved interval and the document date.
_REFS = {
    "PRESENT_REF": lambda ours, pub: ours == (pub, pub),
    "PAST_REF": lambda ours, pub: ours[1] < pub,
    "FUTURE_REF": lambda ours, pub: ours[0] > pub,
}


def value_right(g: Gold, m: Mention, published: dt.date | None = None) -> bool:
    """Whether our mention's value is the gold value (see the module docstring)."""
    norm = lambda s: s.strip().upper()
    values = (g.value, *g.alternatives)
    if m.timex and norm(m.timex) in {norm(v) for v in values}:
        return True
    resolved = [v for v in values if "X" not in v]  # when given, the placeholders are settled
    if m.timex and not resolved and any(C.fills_placeholders(v, m.timex) for v in values):
        return True
    if m.timex and _VAGUE.fullmatch(m.timex) and _FEW.search(g.text) and any(
            re.fullmatch(m.timex.replace("X", r"\d+(?:\.\d+)?"), v) for v in values):
        return True  # "a few minutes": Recognizers says PT3M, TimeML (and we) PTXM
    ours_s = C.duration_seconds(m.timex)
    gold_s = g.seconds if g.seconds is not None else C.duration_seconds(g.value)
    if ours_s is not None and gold_s is not None and abs(ours_s - gold_s) < 1e-6:
        return True
    ours = our_interval(m)
    if ours is None:
        return False
    if published and g.value in _REFS:
        return _REFS[g.value](ours, published)
    if ours in g.intervals:
        return True
    inside = m.start <= g.start and g.end <= m.end and m.end - m.start > g.end - g.start
    first_half = g.start + g.end < m.start + m.end
    for v in values:
        gi = C.timex_interval(v)
        if gi and gi[0] <= ours[0] and ours[1] <= gi[1]:
            return True
        if gi and inside and (gi[0] == ours[0] if first_half else gi[1] == ours[1]):
            return True  # an end of our range: "2009" of "from 2009 to 2011"
    return False


# What a range says besides its two ends: "from March to May", "between 2014 and 2018", "2014~2018".
_CONNECTIVES = re.compile(r"(?i)(?:\s|[-\u2013\u2014~,]|\b(?:from|between|to|and|through|thru|"
                          r"till|til|until)\b)*")


def range_ends(g: Gold, text: str, sys_: list[Mention], taken: set[int]) -> tuple[int, int] | None:
    """The two mentions of ours that together are the gold range ``g``, as (first, last) indices
    into ``sys_``, or None. TimeML (which MEANTIME follows) annotates "from March to May" as two
    DATEs, and so do we; Recognizers has one daterange. The pair is that range when: both overlap
    it and no mention in ``taken`` (already one end of another range) is among them; the gold's
    words outside them are connectives only ("from", "to", "-"); the first starts on the range's
    first day and the last ends on its last, in one of the readings of ``g.intervals``."""
    if not g.intervals:
        return None
    ov = sorted((si for si, m in enumerate(sys_) if C.overlap(g.start, g.end, m.start, m.end)),
                key=lambda si: sys_[si].start)
    if len(ov) < 2 or taken.intersection(ov):
        return None
    a, b = ov[0], ov[-1]
    ia, ib = our_interval(sys_[a]), our_interval(sys_[b])
    if ia is None or ib is None or ia[1] >= ib[0] or (ia[0], ib[1]) not in g.intervals:
        return None
    rest = [text[g.start:sys_[a].start], text[sys_[a].end:sys_[b].start], text[sys_[b].end:g.end]]
    if not all(_CONNECTIVES.fullmatch(part) for part in rest):
        return None
    return a, b


def pair(gold: list[Gold], sys_: list[Mention]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for si, m in enumerate(sys_):
            if (ov := C.overlap(g.start, g.end, m.start, m.end)) > 0:
                cands.append((-ov, abs(g.start - m.start), gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, _, gi, si in sorted(cands):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def score_doc(doc: Doc, mentions: list[Mention], kinds: dict[str, str], counted: set[str],
              tally: Tally, causes: C.Causes, confusions: Counter[str]) -> None:
    """Add one document's counts to ``tally``; ``counted`` are the TIMEX3 types of ours scored."""
    sys_ = [m for m in mentions if kinds.get(m.kind) in counted
            and not any(C.overlap(m.start, m.end, a, b) for a, b in doc.ignore)]
    if doc.region_end is not None:
        tally.n["unannotated"] += sum(m.start >= doc.region_end for m in sys_)
        sys_ = [m for m in sys_ if m.start < doc.region_end]
    for g in doc.gold:
        tally.add("gold", g.type)
    for m in sys_:
        tally.add("sys", kinds[m.kind])
    best = {gi: si for gi, si in pair(doc.gold, sys_)}  # each gold's main partner, for messages
    trimmed = [C.trim_span(doc.text, m.start, m.end) for m in sys_]
    right: set[tuple[int, int]] = set()  # (gold, system) pairs whose value is right
    taken: set[int] = set()  # mentions of ours already counted as an end of a gold range
    for gi, g in enumerate(doc.gold):
        ov = [si for si, m in enumerate(sys_) if C.overlap(g.start, g.end, m.start, m.end)]
        if not ov:
            causes.add(f"missed: {g.type}", f"{doc.id}: «{g.text}» {g.value}")
            continue
        tally.add("tp_gold", g.type)
        # its partner when paired one-to-one, else (its partner went to another gold mention)
        # the mention of ours overlapping it most
        partner = best.get(gi, max(ov, key=lambda si: C.overlap(g.start, g.end, sys_[si].start,
                                                              sys_[si].end)))
        confusions[f"{g.type} -> {sys_[partner].kind}"] += 1
        if C.trim_span(doc.text, g.start, g.end) in {trimmed[si] for si in ov}:
            tally.add("strict_gold", g.type)
        right.update((gi, si) for si in ov if value_right(g, sys_[si], doc.published))
        if not any(r[0] == gi for r in right) and (ends := range_ends(g, doc.text, sys_, taken)):
            taken.update(ends)
            right.update((gi, si) for si in ends)
        if any(r[0] == gi for r in right):
            tally.add("val_gold", g.type)
            continue
        m = sys_[partner]
        ours = m.timex or "none"
        if m.date_start:
            ours += f" [{m.date_start}..{m.date_end}]"
        cause = "no value" if not m.timex and not m.date_start else "value differs"
        causes.add(f"{cause}: {g.type}, ours {m.kind}",
                   f"{doc.id}: «{g.text}» want {g.value} got «{m.text}» {ours}")
    for si, m in enumerate(sys_):
        st = kinds[m.kind]
        hit = [g for g in doc.gold if C.overlap(g.start, g.end, m.start, m.end)]
        if not hit:
            causes.add(f"spurious: {m.kind}", f"{doc.id}: «{m.text}» {m.timex}")
            continue
        tally.add("tp_sys", st)
        if trimmed[si] in {C.trim_span(doc.text, g.start, g.end) for g in hit}:
            tally.add("strict_sys", st)
        if any(r[1] == si for r in right):
            tally.add("val_sys", st)


# --- loading ------------------------------------------------------------------------------------


def meantime() -> tuple[list[Doc], str]:
    docs, unanchored = [], 0
    for row in C.meantime_docs():
        gold = [Gold(t["start"], t["end"], t["text"], t["type"], _fix_value(t["value"]))
                for t in row["timexes"]]
        unanchored += len(row.get("timexes_unanchored") or [])
        spans = [(x["start"], x["end"]) for x in row["timexes"] + row["values"]]
        docs.append(Doc(row["doc_id"], row["text"], C.fix_dct(row.get("dct")), gold,
                        region_end=C.annotated_end(row["text"], spans)))
    n = Counter(g.type for d in docs for g in d.gold)
    scope = (f"{len(docs)} docs; in scope {sum(n.values())} anchored TIMEX3 "
             f"({', '.join(f'{t} {n[t]}' for t in TYPES)}); out {unanchored} non-consuming; "
             f"annotated region {sum(d.region_end or 0 for d in docs):,} of "
             f"{sum(len(d.text) for d in docs):,} chars")
    return docs, scope


def _fix_value(value: str) -> str:
    """The one malformed upstream value, "03-02-2009" (DD-MM-YYYY), as ISO."""
    d = C.fix_dct(value) if len(value) == 10 and value[2] == "-" else None
    return d.isoformat() if d else value


def _rt_gold(inp: str, res: dict[str, Any], typ: str, ref: dt.date | None = None) -> Gold:
    start, end = res["Start"], res["End"] + 1  # their End is inclusive
    values = (res.get("Resolution") or {}).get("values") or [{}]
    timex = values[0].get("timex", "")
    rng = C.range_timex(timex)  # "(2019-01-01,2019-04-01,P3M)": a range "from ... to ..."
    unit = rng[2] if rng else None
    alts, intervals, seconds = [], [], None
    if rng and rng[0] and rng[1]:
        intervals += C.range_intervals(rng[0], rng[1], unit, ref)
    for v in values:
        alts.append(v.get("timex", ""))
        if v.get("type") == "date" and v.get("value"):
            alts.append(v["value"])
        if v.get("start") and v.get("end"):
            try:
                a, b = dt.date.fromisoformat(v["start"]), dt.date.fromisoformat(v["end"])
            except ValueError:
                continue
            intervals += C.range_intervals(a, b, unit, ref)
        if v.get("type") == "duration" and v.get("value"):
            seconds = float(v["value"])
    return Gold(start, end, inp[start:end], typ, timex, tuple(a for a in alts if a),
                tuple(dict.fromkeys(intervals)), seconds)


def recognizers(types: dict[str, str]) -> tuple[list[Doc], str]:
    rows = C.read_jsonl(C.corpus_file("recognizers-text-en", "datetime.jsonl"))
    docs: list[Doc] = []
    scope: Counter[str] = Counter()
    n_out_results = 0
    for row in rows:
        if row.get("level") != "model" or not row["model"].startswith("DateTimeModel"):
            continue
        ref = (row.get("Context") or {}).get("ReferenceDateTime")
        why = ("other mode" if row["model"] != "DateTimeModel" else
               "other culture" if row["culture"] != "English" else
               "NotSupportedByDesign" if row.get("NotSupportedByDesign") else
               "no reference time" if not ref else "")
        if why:
            scope[f"out: {why}"] += 1
            continue
        side = "py-unsupp" if "python" in (row.get("NotSupported") or "").lower() else None
        scope["in" + (f" [{side}]" if side else "")] += 1
        doc = Doc(f"#{row['case_index']}", row["Input"], dt.date.fromisoformat(str(ref)[:10]), [],
                  side=side)
        for res in row["Results"]:
            typ = types.get(res.get("TypeName") or res.get("Typename", ""))
            if typ:
                doc.gold.append(_rt_gold(row["Input"], res, typ, doc.published))
            else:
                n_out_results += 1
                doc.ignore.append((res["Start"], res["End"] + 1))
        docs.append(doc)
    n = Counter((d.side, g.type) for d in docs for g in d.gold)
    text = ", ".join(f"{k} {v}" for k, v in scope.most_common())
    text += (f"; results in scope: {n[(None, 'DATE')]} DATE, {n[(None, 'DURATION')]} DURATION "
             f"(+{n[('py-unsupp', 'DATE')]}/{n[('py-unsupp', 'DURATION')]} py-unsupp); "
             f"{n_out_results} results of other types ignored")
    return docs, text


# --- running and reporting ----------------------------------------------------------------------


def table(tally: Tally, types: tuple[str, ...]) -> list[dict[str, Any]]:
    n = tally.n
    rows = []
    for t in (*types, "ALL"):
        span = C.prf(n[f"tp_sys:{t}"], n[f"sys:{t}"], n[f"tp_gold:{t}"], n[f"gold:{t}"])
        strict = C.prf(n[f"strict_sys:{t}"], n[f"sys:{t}"], n[f"strict_gold:{t}"], n[f"gold:{t}"])
        value = C.prf(n[f"val_sys:{t}"], n[f"sys:{t}"], n[f"val_gold:{t}"], n[f"gold:{t}"])
        rows.append({"type": t, "gold": n[f"gold:{t}"], "sys": n[f"sys:{t}"],
                     "span_p": span[0], "span_r": span[1], "span_f1": span[2],
                     "strict_f1": strict[2], "value_p": value[0], "value_r": value[1],
                     "value_f1": value[2]})
    return rows


def print_table(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"  {title}")
    print(f"    {'type':9s} {'gold':>5s} {'sys':>5s} | {'span P':>6s} {'R':>5s} {'F1':>5s} | "
          f"{'strict F1':>9s} | {'value P':>7s} {'R':>5s} {'F1':>5s}")
    for r in rows:
        print(f"    {r['type']:9s} {r['gold']:5d} {r['sys']:5d} | {r['span_p']:6.3f} "
              f"{r['span_r']:5.3f} {r['span_f1']:5.3f} | {r['strict_f1']:9.3f} | "
              f"{r['value_p']:7.3f} {r['value_r']:5.3f} {r['value_f1']:5.3f}")


def run_set(name: str, docs: list[Doc], scope: str, counted: tuple[str, ...], kinds: dict[str, str],
            n_causes: int, quiet: bool) -> dict[str, Any]:
    import numclaims

    tallies: dict[str | None, Tally] = defaultdict(Tally)
    causes = C.Causes()
    confusions: Counter[str] = Counter()
    crashes = 0
    for doc in docs:
        try:
            mentions = numclaims.extract(doc.text, published=doc.published)
        except Exception as exc:  # noqa: BLE001 - counted, so a crash on one input does not hide the rest
            crashes += 1
            causes.add(f"crash: {type(exc).__name__}", f"{doc.id}: {exc}"[:150])
            mentions = []
        score_doc(doc, mentions, kinds, set(counted), tallies[doc.side], causes, confusions)
    result = {"set": name, "scope": scope, "crashes": crashes,
              "groups": {str(k or "in scope"): table(t, counted) for k, t in tallies.items()},
              "type_pairs": dict(confusions), "causes": causes.as_json(n_causes)}
    if not quiet:
        print(f"\n== {name} ==\nscope: {scope}")
        for side in sorted(tallies, key=lambda s: s or ""):
            print_table(f"[{side}]" if side else "in scope", table(tallies[side], counted))
        if confusions:
            print("  pairs by gold type -> our kind: "
                  + ", ".join(f"{k} {v}" for k, v in confusions.most_common()))
        outside = sum(t.n["unannotated"] for t in tallies.values())
        if outside:
            print(f"  not counted: {outside} mentions of ours after the annotated region")
        if crashes:
            print(f"  CRASHES: {crashes} documents raised")
        causes.print(n_causes)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["meantime", "recognizers"], action="append",
                    help="score only this set (repeatable; default: both)")
    ap.add_argument("--causes", type=int, default=8, metavar="N", help="top N causes per set")
    ap.add_argument("--examples", type=int, default=3, metavar="N", help="examples per cause")
    ap.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    args = ap.parse_args(argv)
    C.EXAMPLES_PER_CAUSE = args.examples
    maps = C.load_mappings()["temporal"]
    kinds = maps["kinds"]
    results = []
    for name in args.set or ["meantime", "recognizers"]:
        if name == "meantime":
            docs, scope = meantime()
            results.append(run_set(name, docs, scope, TYPES, kinds, args.causes, args.json))
        else:
            docs, scope = recognizers(maps["recognizers_types"])
            results.append(run_set(name, docs, scope, ("DATE", "DURATION"), kinds, args.causes,
                                   args.json))
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    C.quiet_pipe()
    sys.exit(main())

"""Throughput of the pipeline and of each extractor, in characters per second, on news text.

Input: the ``text`` of every MEANTIME English document (``../shared/corpora/meantime-en``) plus the
seed articles (``seeds/*.txt``), timed two ways:
  large         all of them joined by blank lines and repeated until the text is >= 2 MB (one call);
  per-document  one call per document (what a CI run over many files does), summed.
Stages: ``numclaims.check`` (the whole pipeline), ``numclaims.extract``, and each extractor's
``scan`` alone (``numbers.scan(text)``, ``temporal.scan(text, published)``). Each stage is timed
best of N runs (``--runs``, default 3) on one core; the target is 1,000,000 chars/s for ``check``
(and 4,000,000 for each ``scan``). Peak memory of ``check`` on the large input is measured apart,
under tracemalloc (which slows the run, so it is not part of the timings). ``--profile`` prints
the top 15 cProfile entries of ``check`` on the large input.

Start-up: the timings above are taken after a warm-up, but the first ``check`` in a process also
compiles the patterns and builds pint's registry. The start-up line runs, in fresh processes,
``import numclaims`` and one ``check`` of the seed article with its fact sheet (best of ``--runs``,
wall and CPU seconds), and the command line ``python -m numclaims check <seed> --facts <sheet>``
(wall seconds, the whole process): what one CI call on one file costs.

``--clock cpu`` times every stage by the process's CPU time instead of the wall clock: on a
machine that other processes keep busy it still measures what the code costs on one core.

The document date is given, never detected: the large text uses the seed's date (2024-11-05) and
each MEANTIME document its creation date (the malformed one repaired, see ``_corpora.fix_dct``).

Per-call overhead: ``check`` and ``extract`` of a 300-character paragraph without any figure,
1,000 calls, in microseconds per call: what every document pays whatever its length (the
per-document rate of many short files is bounded by it).

Run from the project root: ``python benchmarks/speed.py [--runs N] [--size MB] [--stage S]
[--clock wall|cpu] [--no-startup] [--profile] [--json]``. A growth line compares ``check`` on an eighth of the large input with the
whole: a much lower rate on the whole means some cost grows faster than the text.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import json
import os
import pstats
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import ROOT, fix_dct, meantime_docs, quiet_pipe, seed_texts, use_project_root

use_project_root()

SEED_DATE = dt.date(2024, 11, 5)
TARGETS = {"check": 1_000_000, "extract": 1_000_000, "numbers.scan": 4_000_000,
           "temporal.scan": 4_000_000}


def documents() -> list[tuple[str, dt.date | None]]:
    """(text, published) of every MEANTIME document and every seed."""
    docs = [(row["text"], fix_dct(row.get("dct"))) for row in meantime_docs()]
    docs += [(text, SEED_DATE) for text in seed_texts()]
    return docs


def large_text(docs: list[tuple[str, dt.date | None]], size: int) -> str:
    one = "\n\n".join(text for text, _ in docs)
    reps = -(-size // (len(one) + 2))
    return "\n\n".join([one] * reps)


def stages() -> dict[str, Callable[[str, dt.date | None], Any]]:
    import numclaims
    from numclaims.extract import numbers, temporal

    return {
        "check": lambda text, pub: numclaims.check(text, published=pub),
        "extract": lambda text, pub: numclaims.extract(text, published=pub),
        "numbers.scan": lambda text, pub: numbers.scan(text),
        "temporal.scan": lambda text, pub: temporal.scan(text, pub),
    }


def _each(fn: Callable[[str, dt.date | None], Any], docs: list[tuple[str, dt.date | None]]) -> None:
    for text, pub in docs:
        fn(text, pub)


CLOCK: Callable[[], float] = time.perf_counter  # ``--clock cpu``: time.process_time


def best_of(runs: int, fn: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t0 = CLOCK()
        fn()
        best = min(best, CLOCK() - t0)
    return best


SEED = "seeds/000_b25511bfe7d2328e.txt"
SEED_FACTS = "seeds/000_b25511bfe7d2328e.facts.toml"
# Run in a fresh interpreter from the project root, so nothing is compiled or cached yet.
_FIRST_CHECK = """
import json, sys, time
c0, t0 = time.process_time(), time.perf_counter()
import numclaims
c1, t1 = time.process_time(), time.perf_counter()
numclaims.check(open(sys.argv[1], encoding="utf-8").read(), facts=sys.argv[2])
c2, t2 = time.process_time(), time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "import_cpu_s": c1 - c0,
                  "first_check_s": t2 - t1, "first_check_cpu_s": c2 - c1}))
"""


def startup(runs: int) -> dict[str, float]:
    """Best-of-``runs`` seconds of ``import numclaims``, of the first ``check`` (the seed with
    its facts) in a fresh process, and of the whole command line on the seed."""
    best: dict[str, float] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _FIRST_CHECK, SEED, SEED_FACTS], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        for key, value in json.loads(out).items():
            best[key] = min(best.get(key, float("inf")), value)
        t0 = time.perf_counter()
        # the exit status says whether the seed has findings: not our business here
        subprocess.run([sys.executable, "-m", "numclaims", "check", SEED, "--facts", SEED_FACTS],
                       cwd=ROOT, capture_output=True, check=False)
        best["cli_s"] = min(best.get("cli_s", float("inf")), time.perf_counter() - t0)
    return best


# A paragraph with no figure: nothing to extract, link or check, so its cost is the fixed cost.
_NO_FIGURES = ("The council met and approved the budget after a long debate about roads and "
               "bridges. ") * 4


def _repeat(fn: Callable[[str, dt.date | None], Any], text: str, calls: int) -> None:
    for _ in range(calls):
        fn(text, SEED_DATE)


def overhead(runs: int, fns: dict[str, Callable[[str, dt.date | None], Any]],
             calls: int = 1000) -> dict[str, float]:
    """Microseconds per call of ``check`` and ``extract`` on a 300-character text without figures."""
    text = _NO_FIGURES[:300]
    out = {}
    for name in ("check", "extract"):
        t = best_of(runs, functools.partial(_repeat, fns[name], text, calls))
        out[f"{name}_us"] = t / calls * 1e6
    return out


def peak_memory(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--size", type=float, default=2.0, help="large input size in MB (default 2)")
    ap.add_argument("--stage", action="append", choices=["check", "extract", "numbers.scan",
                                                        "temporal.scan"],
                    help="time only this stage (repeatable; default: all)")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="time by the wall clock (default) or by this process's CPU time")
    ap.add_argument("--no-startup", action="store_true",
                    help="skip the start-up timings (fresh processes)")
    ap.add_argument("--profile", action="store_true", help="top 15 cProfile entries of check")
    ap.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    args = ap.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter

    docs = documents()
    big = large_text(docs, int(args.size * 1_000_000))
    n_doc_chars = sum(len(t) for t, _ in docs)
    fns = stages()
    for fn in fns.values():  # warm up: compile patterns, load tables, fill caches
        fn(docs[0][0], docs[0][1])

    results: dict[str, Any] = {"large_chars": len(big), "documents": len(docs),
                               "document_chars": n_doc_chars, "runs": args.runs,
                               "clock": args.clock, "stages": {}}
    if not args.no_startup:
        results["startup"] = startup(args.runs)
    for name, fn in fns.items():
        if args.stage and name not in args.stage:
            continue
        t_big = best_of(args.runs, functools.partial(fn, big, SEED_DATE))
        t_docs = best_of(args.runs, functools.partial(_each, fn, docs))
        results["stages"][name] = {
            "large_s": t_big, "large_chars_per_s": len(big) / t_big if t_big else float("inf"),
            "docs_s": t_docs, "docs_chars_per_s": n_doc_chars / t_docs if t_docs else float("inf"),
            "target_chars_per_s": TARGETS[name]}
    # Growth: the same pipeline on an eighth of the text. Linear code keeps its chars/s; a
    # drop of more than half means cost grows faster than the text (pairs of mentions, rescans).
    small = big[: len(big) // 8]
    t_small = best_of(args.runs, functools.partial(fns["check"], small, SEED_DATE))
    small_rate = len(small) / t_small if t_small else float("inf")
    big_rate = results["stages"].get("check", {}).get("large_chars_per_s")
    if big_rate is None:
        t = best_of(args.runs, functools.partial(fns["check"], big, SEED_DATE))
        big_rate = len(big) / t if t else float("inf")
    results["growth"] = {"small_chars": len(small), "small_chars_per_s": small_rate,
                         "large_chars_per_s": big_rate,
                         "superlinear": big_rate < 0.5 * small_rate}
    results["overhead"] = overhead(args.runs, fns)
    results["peak_memory_bytes"] = peak_memory(lambda: fns["check"](big, SEED_DATE))
    results["python"] = sys.version.split()[0]
    results["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    results["cpus"] = os.cpu_count()

    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"large input: {len(big):,} chars ({len(docs)} documents joined, repeated); "
              f"per-document: {len(docs)} documents, {n_doc_chars:,} chars; best of {args.runs}"
              f"{'; CPU time' if args.clock == 'cpu' else ''}")
        print(f"  {'stage':14s} {'large chars/s':>14s} {'(s)':>7s}   {'per-doc chars/s':>15s} "
              f"{'(s)':>7s}   {'target':>10s}")
        for name, r in results["stages"].items():
            ok = min(r["large_chars_per_s"], r["docs_chars_per_s"]) >= r["target_chars_per_s"]
            print(f"  {name:14s} {r['large_chars_per_s']:14,.0f} {r['large_s']:7.3f}   "
                  f"{r['docs_chars_per_s']:15,.0f} {r['docs_s']:7.3f}   "
                  f"{r['target_chars_per_s']:10,d} {'ok' if ok else 'BELOW TARGET'}")
        g = results["growth"]
        print(f"  growth: check at {g['small_chars']:,} chars {g['small_chars_per_s']:,.0f} chars/s,"
              f" at {len(big):,} chars {g['large_chars_per_s']:,.0f} chars/s"
              + ("  SUPERLINEAR (cost grows faster than the text)" if g["superlinear"] else ""))
        ov = results["overhead"]
        print(f"  per-call overhead (300 chars, no figures): check {ov['check_us']:.0f} us, "
              f"extract {ov['extract_us']:.0f} us")
        if "startup" in results:
            st = results["startup"]
            print(f"  start-up (fresh process): import {st['import_s']:.2f} s, first check of the "
                  f"seed {st['first_check_s']:.2f} s (CPU {st['first_check_cpu_s']:.2f} s); "
                  f"command line on the seed {st['cli_s']:.2f} s wall")
        load, cpus = results["load_average"], results["cpus"]
        if load is not None and cpus and load > cpus - 0.5:
            print(f"  WARNING: load average {load:.1f} on {cpus} CPUs: other processes compete, "
                  "the timings above are pessimistic")
        print(f"  peak memory of check on the large input (tracemalloc): "
              f"{results['peak_memory_bytes'] / 1e6:.1f} MB")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        fns["check"](big, SEED_DATE)
        prof.disable()
        out = sys.stderr if args.json else sys.stdout
        print("\ncProfile of check on the large input, top 15 by cumulative time:", file=out)
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    quiet_pipe()
    sys.exit(main())

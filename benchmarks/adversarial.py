"""Throughput of ``numclaims.check`` on pathological inputs, in characters per second.

A pattern with catastrophic backtracking, or any cost that grows faster than the text, shows here
as a collapse of the rate on one input while the others stay in the millions. Inputs (each about
``--size`` characters, default 1 MB; the nesting case is bounded by its own count):

  digits        one run of digits with no separator ("1234567890..."); 100,000 by default
  commas        "1,1,1,1,..." — a thousands-separator look-alike that never ends
  about         "about about about ..." — a hedge with no figure after it
  parens        10,000 nested parentheses around one conversion pair
  every3        a number every three characters ("12 34 56 ...")
  nospace       one line with no space at all (letters, digits and punctuation mixed)
  dates         dense dates and weekdays ("Monday, Oct. 28, 2024; Tuesday, Oct. 29, 2024; ...")
  news_mixed    dense claims of every family in a row (conversions, totals, percents, changes)

Each input is checked with the seed's document date and fact sheet (the costliest setting), best
of ``--runs`` runs after one warm-up call (pattern compilation and data loading happen once), and
printed as chars/s with the number of findings. Dense inputs cost per figure found, so rates well
under the 1,000,000 chars/s of news text are expected there; a collapse is a rate that falls as
the input grows (compare ``--size 0.1`` with ``--size 1``). Run from the project root:
``python benchmarks/adversarial.py [--size MB] [--runs N] [--only NAME]``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import use_project_root

use_project_root()
import numclaims
from numclaims.facts import FactSheet

ROOT = Path(__file__).resolve().parents[1]
SHEET = ROOT / "seeds" / "000_b25511bfe7d2328e.facts.toml"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def inputs(size: int) -> dict[str, str]:
    nested = 10_000
    words = itertools.cycle(["Monday, Oct. 28, 2024", "Tuesday, Oct. 29", "Feb. 30, 2023",
                             "last month", "two years ago", "in 2015,", "Sept. 9"])
    dates = "; ".join(itertools.islice(words, size // 14))[:size]
    return {
        "digits": _repeat("1234567890", min(size, 100_000)),
        "commas": _repeat("1,", size),
        "about": _repeat("about ", size),
        "parens": "(" * nested + "4,000 miles (6,437 km)" + ")" * nested,
        "every3": " ".join(f"{i % 100:02d}" for i in range(size // 3))[:size],
        "nospace": _repeat("abc1,2.3%$4km(5)-6/7:8'9\u2019x", size),
        "dates": dates,
        "news_mixed": _repeat(
            "It ran about 4,000 miles (6,400 km). Of the 4.2 million voters, 2.9 million voted, a "
            "turnout of 69%. Sales rose 5% to 4.1 million from 3.9 million. The blast left three "
            "dead and 12 injured, a total of 15 casualties. The war began on Feb. 24, 2022, more "
            "than two years ago. Kim Jong Un, 40, spoke on Tuesday, Nov. 5, 2024. ", size),
    }


def _time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=float, default=1.0, help="input size in MB (default 1)")
    ap.add_argument("--runs", type=int, default=1, help="best of N runs (default 1)")
    ap.add_argument("--only", default=None, help="run one input by name")
    args = ap.parse_args()
    size = int(args.size * 1_000_000)
    sheet = FactSheet.load(SHEET)
    # warm up: pattern compilation and data tables load on first use, not per input
    numclaims.check("It ran 4,000 miles (6,437 km) on Tuesday, Nov. 5, 2024.", published="2024-11-05",
                    facts=sheet)
    print(f"{'input':<12} {'chars':>10} {'seconds':>9} {'chars/s':>12} {'findings':>9}")
    for name, text in inputs(size).items():
        if args.only and name != args.only:
            continue
        secs, report = _time(lambda t=text: numclaims.check(t, published="2024-11-05",
                                                            facts=sheet), args.runs)
        n = len(report.findings)  # type: ignore[attr-defined]
        rate = len(text) / secs if secs else float("inf")
        print(f"{name:<12} {len(text):>10,} {secs:>9.3f} {rate:>12,.0f} {n:>9}", flush=True)


if __name__ == "__main__":
    main()

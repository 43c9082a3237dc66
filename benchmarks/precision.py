"""Precision of ``numclaims.check`` on text that is (mostly) correct: every finding is listed for review.

Sets (read in place from ``../shared/corpora``):
  meantime        MEANTIME English Wikinews articles (``meantime-en/docs.jsonl``), each checked with
                  its creation date (``dct``) as the document date; real, edited news.
  quantulum       quantulum3's English fixture sentences (``quantulum3-tests/cases.jsonl``).
  numberwithunit  Recognizers-Text English NumberWithUnit inputs
                  (``recognizers-text-en/numberwithunit.jsonl``).
The last two have no document date and are single sentences: they test that odd number-and-unit
text raises nothing.

Prints per set: documents, words, findings per 10,000 words by severity, then every finding (doc id,
rule, span text, message) so each can be judged: a real error of the text, or a false alarm.
``--strict``: exit 1 when any error or warning finding was raised (for CI on a correct corpus).

    python benchmarks/precision.py [--set meantime|quantulum|numberwithunit] [--strict] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import corpus_file, fix_dct, read_jsonl, use_project_root

use_project_root()
import numclaims

SEVERITIES = ("error", "warning", "info")
Doc = tuple[str, str, object]  # (id, text, published)


def meantime() -> Iterator[Doc]:
    for d in read_jsonl(corpus_file("meantime-en", "docs.jsonl")):
        yield str(d["doc_id"]), d["text"], fix_dct(d.get("dct"))


def quantulum() -> Iterator[Doc]:
    for d in read_jsonl(corpus_file("quantulum3-tests", "cases.jsonl")):
        yield f"{d['kind']}#{d['case_index']}", d["text"], None


def numberwithunit() -> Iterator[Doc]:
    for d in read_jsonl(corpus_file("recognizers-text-en", "numberwithunit.jsonl")):
        yield f"{d['model']}#{d['case_index']}", d["Input"], None


SETS = {"meantime": meantime, "quantulum": quantulum, "numberwithunit": numberwithunit}


def run(name: str) -> dict[str, object]:
    docs = words = 0
    by_sev: Counter[str] = Counter()
    rows = []
    for doc_id, text, published in SETS[name]():
        report = numclaims.check(text, published=published)  # type: ignore[arg-type]
        docs += 1
        words += len(text.split())
        for f in report.findings:
            by_sev[f.severity] += 1
            rows.append({"doc": doc_id, "severity": f.severity, "rule": f.rule, "text": f.text,
                         "line": f.line, "message": f.message})
    per = {s: round(by_sev[s] * 10_000 / max(words, 1), 2) for s in SEVERITIES}
    return {"set": name, "documents": docs, "words": words, "findings": dict(by_sev),
            "per_10k_words": per, "list": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--set", choices=sorted(SETS), action="append")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when any error or warning finding is raised")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results = [run(s) for s in (args.set or list(SETS))]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            per = r["per_10k_words"]
            assert isinstance(per, dict)
            print(f"== {r['set']}: {r['documents']} documents, {r['words']} words; findings per "
                  f"10,000 words: " + ", ".join(f"{s} {per[s]}" for s in SEVERITIES))
            for row in r["list"]:  # type: ignore[attr-defined]
                print(f"  {row['doc']}:{row['line']} {row['severity']} {row['rule']} "
                      f"\"{row['text']}\": {row['message']}")
    loud = sum(1 for r in results for row in r["list"]  # type: ignore[attr-defined]
               if row["severity"] in ("error", "warning"))
    return 1 if args.strict and loud else 0


if __name__ == "__main__":
    sys.exit(main())

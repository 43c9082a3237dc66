"""Extraction: every figure in a text, as Mentions in text order.

Lives here: the public ``extract`` function and the one place where overlapping readings from the
extractors are settled (``merge``). The extractors themselves live beside it:
``numbers`` (numbers, ordinals, percents, quantities, money) and ``temporal`` (dates, durations,
times, sets, resolved against the document date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..models import Mention
from ..source import coerce_published, detect_published
from . import numbers, temporal

# When two readings of overlapping text are equally long, the lower rank wins: a date or a
# duration says more than the bare number inside it, money and percents more than a number.
_RANK = {
    "date": 0,
    "duration": 1,
    "set": 2,
    "time": 3,
    "money": 4,
    "percent": 5,
    "quantity": 6,
    "ordinal": 7,
    "number": 8,
}


def extract(text: str, published: dt.date | str | None = None) -> list[Mention]:
    """Every figure in ``text``, in text order, with exact character spans.

    ``published`` (a date or ISO string) anchors relative expressions; when None it is read from the
    document itself, and when no date is known relative expressions stay unresolved.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    pub = coerce_published(published)
    if pub is None:
        pub = detect_published(text)[0]
    return extract_resolved(text, pub)


def extract_resolved(text: str, published: dt.date | None) -> list[Mention]:
    """``extract`` once the document date is settled (None: unknown)."""
    return merge([*numbers.scan(text), *temporal.scan(text, published)])


def merge(candidates: Iterable[Mention]) -> list[Mention]:
    """Settle overlapping readings: in each run of overlapping candidates keep the longest span
    (not counting a hedge word before the figure, ``_length``), then the longer span, the better
    rank (``_RANK``), the earlier start; drop whatever overlaps a kept one.

    Runs are found in one sweep over the candidates sorted by start, so the cost is linear in the
    number of candidates apart from the (small) runs themselves.
    """
    ordered = sorted(candidates, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    run: list[Mention] = []
    run_end = -1
    for m in ordered:
        if run and m.start >= run_end:
            out.extend(_settle(run))
            run = []
        run.append(m)
        run_end = max(run_end, m.end) if len(run) > 1 else m.end
    if run:
        out.extend(_settle(run))
    return out


def _settle(run: list[Mention]) -> list[Mention]:
    if len(run) == 1:
        return run
    kept: list[Mention] = []
    for m in sorted(run, key=lambda m: (-_length(m), m.start - m.end, _RANK[m.kind], m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _length(m: Mention) -> int:
    """The length that ranks a reading: a hedge word before the figure does not count, so that
    "about 2019" (the hedged number) does not outrank "2019-Q1" (the quarter) in "about 2019-Q1"."""
    n = m.end - m.start
    if m.hedge is None or m.text[:1].isdigit():
        return n
    for i, c in enumerate(m.text[:24]):  # a hedge is a few words: look no further
        if c.isdigit():
            return n - i
    return n

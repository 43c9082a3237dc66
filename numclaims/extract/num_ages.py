"""Ages written with a bare count: "age 87", "aged 87", "ages 5 to 12", "87 yo".

Lives here: ``age(text, m)``, which turns a plain number mention into the duration in years that
the temporal extractor gives for "87 years old" (kind ``duration``, unit ``year``, timex
``P87Y``), its span widened over the cue word. The cue words are data (numbers.toml ``[ages]``).
Not here: "87 years old" and "a 3-year-old" (durations of the temporal extractor), the age checks
(``numclaims.checks.ages``).

Precision: only a count (a whole number, no unit, at most ``max``) right next to a cue is an
age; "page 87" and "stage 3" are no "age" (the cue must start a word), and a capitalised "Age"
counts only at the start of a sentence ("the Ice Age 2" is a title).
"""

from __future__ import annotations

import functools

import regex

from ..config import load_data
from ..models import Mention
from .time_durations import HEDGE_MOD, timex_of

_SENTENCE_START = frozenset(".!?:;\n(\"“")


@functools.cache
def _table() -> tuple[regex.Pattern[str], regex.Pattern[str], float]:
    t = load_data("numbers")["ages"]
    before = "|".join(regex.escape(w) for w in sorted(t["before"], key=len, reverse=True))
    after = "|".join(regex.escape(w) for w in sorted(t["after"], key=len, reverse=True))
    # the cue, one space, then the figure: searched in the few characters before the figure
    cue_before = regex.compile(rf"(?<![\w'’.-])(?:{before}|(?P<cap>{before.title()}))[\ \u00a0]\Z")
    cue_after = regex.compile(rf"[\ \u00a0-](?i:{after})(?![\w/])")
    return cue_before, cue_after, float(t["max"])


@functools.cache
def cue_edges() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the text ends with before an age and starts with after one, for a cheap first test
    with ``str.endswith``/``startswith`` (one C call per number, no regex)."""
    t = load_data("numbers")["ages"]
    spaces = (" ", "\u00a0")
    before = {form + sp for word in t["before"] for form in (word, word.title()) for sp in spaces}
    heads = {c for word in t["after"] for c in (word[0].lower(), word[0].upper())}
    after = {sep + c for c in heads for sep in (*spaces, "-")}
    return tuple(sorted(before)), tuple(sorted(after))


def age(text: str, m: Mention) -> Mention | None:
    """The age that the number mention ``m`` is, with its cue word, else None."""
    if m.kind != "number" or m.value is None or m.unit is not None:
        return None
    cue_before, cue_after, oldest = _table()
    lo = m.low if m.low is not None else m.value
    hi = m.high if m.high is not None else m.value
    if not (0 < lo and hi <= oldest and float(m.value * 2).is_integer()):
        return None
    start, end = m.start, m.end
    b = cue_before.search(text, max(0, start - 6), start)
    if b is not None and b["cap"] is not None:
        head = text[max(0, b.start() - 3):b.start()].rstrip(" ")
        if head and head[-1] not in _SENTENCE_START:
            b = None  # "the Ice Age 2", "Bronze Age 3": a title, not a person's age
    if b is not None:
        start = b.start()
    else:
        a = cue_after.match(text, end)
        if a is None:
            return None
        end = a.end()
    return m.model_copy(update={
        "kind": "duration", "start": start, "end": end, "text": text[start:end],
        "unit": "year", "timex": timex_of(m.value, "Y"),
        "mod": HEDGE_MOD.get(m.hedge) if m.hedge else None,
        "rule": "<age> " + (m.rule or "<number>"),
        "note": f"a range: {lo:g} to {hi:g} years" if lo != hi and m.hedge is None else m.note,
    })

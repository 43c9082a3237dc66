"""Fact-sheet figure checks: fact-mismatch (F002) for figures.

A figure the text gives for a fact-sheet ``[[figure]]`` ("its army of 1.1 million soldiers" when the
sheet says North Korea's army is 1.3 million soldiers) must agree with the sheet's value to the
precision both are written. The figure is tied to the sheet entry only when one of the entry's names
comes right before it with "of" or a verb of size ("North Korea's army numbers ...", "the North Korean
army has ..."), so "North Korea's army sent 12,000 soldiers" is not read as the army's size. Dates
against the sheet live in ``fact_dates`` (F001, same rule slug).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ..extract.grammar import compile as grammar_compile
from ..extract.grammar import roundness
from ..facts import Figure
from ..link.measures import Measure, lemma, measures
from ..models import Evidence, Mention
from . import _numeric as num
from ._temporal import fmt_day
from .registry import Context, Flag, register

_BEFORE = 90  # characters before a figure searched for a name of the sheet entry


def _words(name: str) -> str:
    """A name as a pattern: words separated by any space, either apostrophe."""
    return r"\s+".join("".join("['’]" if ch in "'’" else regex.escape(ch) for ch in w)
                       for w in name.split())


@functools.cache
def _name_pattern(names: tuple[str, ...]) -> regex.Pattern[str]:
    """A fact's names right before its figure: "<name> of", "<name> numbers", "<name>, with"."""
    alts = sorted({_words(n) for n in names if n.strip()}, key=len, reverse=True)
    verbs = [_words(v) for v in num.tol()["facts"]["size_verbs"]]
    return grammar_compile(
        r"(?<!\w)(?:" + "|".join(alts) + r")\s*,?\s+(?:" + "|".join(verbs)
        + r")\s+(?:(?&hedge)\s+)?\Z", regex.IGNORECASE)


@functools.cache
def _nouns(unit: str) -> frozenset[str]:
    """The count nouns a [[figure]] unit matches: its lemma and its synonyms."""
    base = lemma(unit)
    return frozenset({base, *(lemma(w) for w in num.tol()["facts"]["synonyms"].get(base, []))})


def _unit_fits(fig: Figure, meas: Measure) -> bool:
    """The counted noun is the sheet's unit (or a synonym), or unnamed ("an army of 1.3 million")."""
    m = meas.mention
    if fig.unit is None:
        return m.kind == "number"
    if num.convert(1.0, fig.unit, fig.unit) is not None:  # a pint unit: same dimension
        return m.kind == "quantity" and m.unit is not None and \
            num.convert(1.0, m.unit, fig.unit) is not None
    return m.kind == "number" and (meas.head is None or meas.head in _nouns(fig.unit))


def _years_by_sentence(ctx: Context) -> dict[int, list[tuple[int, int]]]:
    """The years each sentence is dated to (its resolved dates), built once per document."""
    out: dict[int, list[tuple[int, int]]] = {}
    for d in ctx.mentions:
        if d.kind == "date" and d.date_start and d.date_end:
            years = (d.date_start.year, d.date_end.year)
            out.setdefault(ctx.sentences.index(d.start), []).append(years)
    return out


@register("F002", "fact-mismatch")
def fact_mismatch_figures(ctx: Context) -> Iterator[Flag]:
    """What it flags: a figure given for a fact-sheet [[figure]] that does not match the sheet's value to the precision written: "its army of 1.1 million soldiers" when the sheet says North Korea's army is 1.3 million soldiers.

    Why it matters: the fact sheet holds the figures the newsroom has verified; a figure that contradicts it is a typo, an outdated number or a figure of something else.

    Example: (facts seeds/000_b25511bfe7d2328e.facts.toml) North Korea could send more troops from its army of 1.1 million soldiers.
    Example: (facts seeds/000_b25511bfe7d2328e.facts.toml) The North Korean army numbers about 900,000 soldiers, officials say.

    Not flagged: (facts seeds/000_b25511bfe7d2328e.facts.toml) North Korea could send more troops from its army of 1.3 million soldiers.
    Not flagged: (facts seeds/000_b25511bfe7d2328e.facts.toml) North Korea's army sent 12,000 soldiers to Russia.
    Not flagged: (facts seeds/000_b25511bfe7d2328e.facts.toml) The North Korean army has nearly 1.3 million troops.

    Limitations: a figure is tied to a sheet entry only when one of the entry's names comes right before it with "of" or a verb of size ("numbers", "has", "totals"); its counted noun must be the sheet's unit or a synonym from numeric_checks.toml. A sentence dated to another year than the sheet's as_of, or a document published before as_of, is not compared (the figure may have changed).
    """
    if ctx.facts is None or not ctx.facts.figure:
        return
    text = ctx.text
    years: dict[int, list[tuple[int, int]]] | None = None  # built at the first mismatch
    last_words = {v.split()[-1] for v in num.tol()["facts"]["size_verbs"]}
    for fig in ctx.facts.figure:
        if fig.as_of and ctx.published and ctx.published < fig.as_of:
            continue
        pat = _name_pattern(tuple(fig.names))
        written = f"{int(fig.value)}" if float(fig.value).is_integer() else repr(fig.value)
        half = roundness(fig.value, written) / 2  # the sheet's own rounding: 1,300,000 -> 50,000
        fact_band = (fig.value - half, fig.value + half)
        for meas in measures(ctx).items:
            m = meas.mention
            if meas.identifier or not _unit_fits(fig, meas) or m.value is None:
                continue
            if not set(text[max(0, m.start - 24):m.start].lower().split()[-3:]) & last_words:
                continue  # no verb of size right before: decided without the name pattern
            if not pat.search(text, max(0, m.start - _BEFORE), m.start):
                continue
            said = num.band(m)
            value = m.value if m.kind != "quantity" or not m.unit else None
            if m.kind == "quantity" and m.unit and fig.unit:
                said = _converted(said, m.unit, fig.unit)
                value = num.convert(m.value, m.unit, fig.unit)
            if said is None or value is None or num.overlap(said, fact_band):
                continue
            if fig.as_of:
                years = _years_by_sentence(ctx) if years is None else years
                if any(not a <= fig.as_of.year <= b for a, b in years.get(meas.sentence, ())):
                    continue
            yield _flag(ctx, fig, m)


def _converted(band: tuple[float, float] | None, src: str, dst: str) -> tuple[float, float] | None:
    """A band of values in unit ``src`` expressed in ``dst``."""
    if band is None:
        return None
    lo, hi = num.convert(band[0], src, dst), num.convert(band[1], src, dst)
    return None if lo is None or hi is None else (lo, hi)


def _flag(ctx: Context, fig: Figure, m: Mention) -> Flag:
    pint = bool(fig.unit) and num.convert(1.0, fig.unit or "", fig.unit or "") is not None
    unit = f" {num.plural_unit(fig.unit.replace('_', ' '), fig.value)}" if fig.unit else ""
    as_of = f" as of {fmt_day(fig.as_of)}" if fig.as_of else ""
    src = ctx.facts.cite("figure", fig) if ctx.facts else fig.id
    written = num.ends(m)[0][1]
    value = fig.value
    if pint and m.unit and fig.unit:  # the sheet's value in the unit of the text
        value = num.convert(fig.value, fig.unit, m.unit) or fig.value
        unit += f" ({num.fmt(value, written, num.sig_step(value, 3))} {num.unit_words(m)})"
    fixed = m.text.replace(written, num.fmt(value, written), 1) if m.hedge is None else None
    return Flag(m.start, m.end, f"{fig.subject} is {num.fmt(fig.value, written)}{unit}{as_of} "
                f"per the fact sheet, not {m.text!r}",
                (Evidence(role="fact", text=f"{fig.subject}: {fig.value:,g}{unit}{as_of}",
                          source=src),), fixed)

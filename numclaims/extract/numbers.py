"""Numbers, ordinals, percents, quantities and money: ``scan(text) -> list[Mention]``.

Lives here: the per-match logic that turns a hit of ``num_patterns.scan_pattern`` into a Mention
(value, range, hedge interval, unit, SI value, money code, notes), asking ``num_names`` whether
a figure names something ("M-109", "Route 66", "737 MAX 9", "10 Downing Street"). Two passes follow: ``num_joins``
(shares written as two counts: "one in five", "one over three") and ``num_context`` (readings that
need the figures around: "45 and 50 mg", "absolute zero", accounting negatives). Not here: the
pattern itself (``num_patterns``), what may follow a figure's unit (cents, inches, an uncertainty:
``num_tail``), the number grammar and hedge tolerances (``grammar``), unit and currency tables and
pint (``numclaims.units``), dates and durations (``temporal``).

Python work happens only per match; the text is scanned once with ``finditer``.
"""

from __future__ import annotations

import re
from typing import Any, cast

from .. import units
from ..models import Kind, Mention
from . import (
    grammar,
    num_ages,
    num_article,
    num_context,
    num_joins,
    num_names,
    num_patterns,
    num_suffix,
    num_tail,
)

_GLUED_PLUS = ("plus",)  # a glued "+" reads as the hedge word "plus" (hedges.toml: at least)


def scan(text: str) -> list[Mention]:
    """Every number, ordinal, percent, quantity and money figure in ``text``, in text order."""
    if not text:
        return []
    out: list[Mention] = []
    pattern = num_patterns.scan_pattern()
    digit_pattern = num_patterns.digit_pattern()
    age_before, age_after = num_ages.cue_edges()
    last_end = 0
    for p in _trigger_positions(text):
        if p < last_end:
            continue  # inside the figure just read ("twenty-one": "one" is no new figure)
        starts = _candidate_starts(text, p, last_end)
        if len(starts) == 1 and text[p].isdigit():
            plain = _plain_number(text, p)
            if plain is not None:
                last_end = plain[1]
                if plain[0] is not None:
                    pm = plain[0]
                    if text.endswith(age_before, 0, p) or text.startswith(age_after, last_end):
                        pm = num_ages.age(text, pm) or pm  # "age 87", "87 yo"
                        last_end = pm.end
                    out.append(pm)
                continue
        m = None
        for c in starts:
            m = (digit_pattern if text[c].isdigit() else pattern).match(text, c)
            if m is not None and (m.end() > p or m.group("art") is not None):
                break
            m = None
        if m is None:
            continue
        last_end = m.end()
        if m.group("ident") is not None:
            continue
        if m.group("art") is not None:  # "a gallon", "a gross of"
            a = m.start("art")
            if out and not text[out[-1].end:a].strip(" \u00a0"):
                continue  # "$3.50 a gallon", "40 miles a gallon": the article is "per"
            found, last_end = num_article.article(text, a, m.end("art"))
            out.extend(found)
            continue
        try:
            if m.group("ord") is not None:
                found = _ordinal(text, m)
            else:
                found, last_end = _figure(text, m)
        except (ValueError, OverflowError, ZeroDivisionError):
            continue  # an unreadable figure is skipped, never raised
        for f in found:
            if f.kind == "number" and (text.endswith(age_before, 0, f.start)
                                       or text.startswith(age_after, f.end)):
                f = num_ages.age(text, f) or f  # "aged about 50", "ages 5 to 12"
                last_end = max(last_end, f.end)
            out.append(f)
    out = num_joins.join(text, out)  # "one over three", "1 in 20", "per cent of 210"
    return [m for m in num_context.revise(text, out) if grammar.finite(m)]  # not "1e999"


_PLAIN = re.compile(r"(?:\d{1,3}(?:,\d{3}){1,6}(?!\d)|\d{1,20})(?:\.\d{1,12})?")
_WORD = re.compile(r"[^\W\d_]+")
_CLOSERS = frozenset(")]\"'\u201d\u2019")


def _plain_number(text: str, p: int) -> tuple[Mention | None, int] | None:
    """The fast path for the commonest figure: a bare numeral ("2007", "1,200", "3.5") that
    nothing around can extend: no opener before it, and after it only the end of the text,
    punctuation that ends it, or a plain word that is no unit, scale, range or hedge word.
    Returns (mention or None for an identifier, end), or None when the full grammar must
    decide. Skipping the full pattern here saves ~10 us on most numbers (measured)."""
    if p and text[p - 1] not in _OPENERS:
        return None
    pm = _PLAIN.match(text, p)
    if pm is None:
        return None
    e = pm.end()
    n = len(text)
    if e < n:
        ch = text[e]
        nxt = text[e + 1] if e + 1 < n else " "
        if ch == " ":
            if nxt.isalpha():
                w = _WORD.match(text, e + 1)
                if w is None or w[0].lower() in num_patterns.continuations():
                    return None
            elif nxt not in "\n\t\r":
                return None  # two spaces ("2  1/4"), a digit, a sign: the grammar decides
        elif ch in ",;:." or ch in _CLOSERS:
            if ch == '"':
                return None  # '9"' may be inches: num_suffix decides
            if not (nxt.isspace() or (ch in _CLOSERS and not nxt.isalnum())):
                return None
            if ch == ")" and e - p == 3 and p and text[p - 1] == "(":
                return None  # "(212) 555-0187": an area code, the grammar's phone pattern
        elif ch not in "\n\t\r":
            return None
    if num_names.glued_to_identifier(text, p, e):
        return None, e
    tok = pm[0]
    value = float(tok.replace(",", ""))
    return Mention(kind="number", start=p, end=e, text=tok, value=value, low=value, high=value,
                   unit=None, timex=None, anchor=None, rule="<number>"), e


def _trigger_positions(text: str) -> list[int]:
    chars, words = num_patterns.triggers()
    found = [m.start() for m in chars.finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer ("İ"): realign
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found.extend(m.start() for m in words.finditer(low))
    found.sort()
    return found


_OPENERS = frozenset(" \u00a0\t\n\r(\"'\u201c\u2018[")
_OPENER_CHARS = "(\"'\u201c\u2018["


def _candidate_starts(text: str, p: int, floor: int) -> list[int]:
    """Where a figure whose first trigger is at ``p`` may start, farthest first: back over whole
    phrases that may open a figure (hedges, "between", currency codes, "a" before a word), then
    the characters glued before ``p`` ("US$", "-"), then ``p`` itself."""
    starts = [p]
    i = p
    while i > floor and p - i < 6 and not text[i - 1].isspace() and text[i - 1] not in _OPENERS:
        i -= 1
        starts.append(i)  # "US$5", "-5", "M-109" (rejected later as an identifier)
    word_head = text[p].isalpha()
    for _ in range(4):
        j = _phrase_before(text, i, floor, word_head)
        if j is None:
            break
        starts.append(j)
        i = j
    starts.reverse()
    return starts


def _phrase_before(text: str, i: int, floor: int, word_head: bool) -> int | None:
    """The start of the longest opening phrase (``num_patterns.prefix_phrases``) that ends one
    space before ``i``, else None. "a"/"an" open only a figure in words ("a dozen")."""
    if i - 1 <= floor or text[i - 1] not in " \u00a0":
        return None
    k = text.rfind(" ", max(floor, i - 26), i - 1)
    last = text[k + 1 if k >= 0 else max(floor, i - 26):i - 1]
    if last.lstrip(_OPENER_CHARS).lower() not in num_patterns.prefix_last_words():
        return None  # the common case: the word before opens no figure (one set lookup)
    phrases, longest = num_patterns.prefix_phrases()
    w0 = max(floor, i - 1 - longest)
    tokens = text[w0:i - 1].split(" ")
    if w0 > floor and text[w0 - 1] not in _OPENERS:
        tokens = tokens[1:]  # the first token may be cut
    end = i - 1
    for n in range(min(len(tokens), 4), 0, -1):
        words = tokens[-n:]
        lead = words[0].lstrip(_OPENER_CHARS)
        phrase = " ".join([lead, *words[1:]]).lower()
        if phrase in phrases and (word_head or phrase not in ("a", "an")):
            return end - len(phrase)
    return None


def _ordinal(text: str, m: Any) -> list[Mention]:
    start, end = m.span("ord")
    word = m.group("ord")
    if num_names.glued_to_identifier(text, start, end):
        return []
    low = word.lower()
    if low == "second" and not num_patterns.clearly_ordinal(text, start, end):
        return []  # "a second", "I second that", "second-hand"
    value = grammar.parse_ordinal(word)
    if value is None:
        return []
    return [Mention(kind="ordinal", start=start, end=end, text=word, value=float(value),
                    low=float(value), high=float(value), unit=None, timex=None, anchor=None,
                    rule="<ordinal>")]


def _value(g: dict[str, Any], n: str, neg: str, mil: str) -> float | None:
    v = grammar.parse_number(g[n])
    if v is None:
        return None
    if g[neg]:
        v = -v
    if g[mil]:
        v *= units.currency_table().scale_suffix[g[mil]]
    return v


def _figure(text: str, m: Any) -> tuple[list[Mention], int]:
    """The Mention of a figure match, and where the text it covers ends."""
    g = m.groupdict()
    ranged = g["n2"] is not None
    if ranged and g["s1"] is not None:
        s1 = num_suffix.suffix_at(text, m.start("s1"))
        if s1 is None or s1.end != m.end("s1"):
            ranged = False  # "5 people to 10": the words between are no unit, so no range
        else:
            s2 = num_suffix.suffix_at(text, m.end())
            if g["c2"] is not None or s2 is None or s2.unit != s1.unit:
                ranged = False  # "rose 8% to $13 billion", "from 44 ml to 50 mg": two figures
    if ranged and g["c2"] and not g["c1"] and not g["btw"]:
        ranged = False  # "from $2.1 trillion in 2020 to $2.5 trillion": a year, then a sum
    if ranged and not (g["btw"] or g["frm"]) and g["sep"].strip().lower() in ("to", "through"):
        ranged = not _two_figures(text, g, m.start("figure"))
    if ranged:
        end_num = m.end("m2") if g["m2"] else m.end("n2")
    elif g["unc"] is not None:
        end_num = m.end("unc")  # "9.83e-3 +/- 1e-5 km/s2": the unit after serves both
    else:
        end_num = m.end("m1") if g["m1"] else m.end("n1")
    start = m.start("figure")
    if not ranged and (g["btw"] or g["frm"]):
        start = m.start("c1") if g["c1"] else m.start("n1") if not g["neg1"] else m.start("neg1")
        if g["h"]:
            return [], end_num  # "about between": too odd to read
    suf = num_suffix.suffix_at(text, end_num)
    end = suf.end if suf is not None else end_num
    cents = 0.0
    if suf is not None and suf.kind == "money" and suf.factor == 1.0 and not ranged:
        cents, end = num_tail.cents(text, end, suf.unit)
    elif suf is not None and suf.unit == "foot" and not ranged:
        cents, end = num_tail.inches(text, end)  # "5 feet 2 inches": the inches in feet
    ha = None
    if text[end:end + 1] == " " and text[end + 1:end + 2].lower() in num_patterns.hedge_after_heads():
        ha = num_patterns.hedge_after_pattern().match(text, end)
    if ha is not None and ha[0].lower().endswith("plus") and num_joins.adds(text, ha.end()):
        ha = None  # "0.03 plus 0.08" is a sum: no hedge
    if ha is not None:
        end = ha.end()
    elif text[end:end + 1] == "+" and not g["h"] and not (
            text[end + 1:end + 2].isalnum() or text[end + 1:end + 2] in "/-\u2212"):
        end, ha = end + 1, _GLUED_PLUS  # "12+ points", "aged 18+": at least
    lead = m.start("c1") if g["c1"] else m.start("neg1") if g["neg1"] else m.start("n1")
    if num_names.glued_to_identifier(text, lead, end) or (
            end - lead <= 5 and text[lead:end] in num_patterns.form_codes()):
        return [], end
    if not ranged and suf is None and not g["h"] and num_patterns.pronoun_one(text, g["n1"], lead):
        return [], end  # "no one"; and "a negative one": an adjective before the pronoun
    if g["neg1"] and g["neg1"][0] in "nN" and g["n1"].lower() == "one" and (
            num_patterns.pronoun_one(text, g["n1"], lead) or text[max(0, lead - 3):lead].lower()
            in (" a ", "an ") or text[:lead].lower() in ("a ", "an ")):
        return [], end
    v1 = _value(g, "n1", "neg1", "m1")
    if v1 is None:
        return [], end
    v1 += cents
    v2 = None
    if ranged:
        v2 = _value(g, "n2", "neg2", "m2")
        if v2 is None:
            return [], end
        v1 = _share_scale(g["n1"], v1, v2, g["n2"])
        if v1 >= v2 and not (g["btw"] or g["frm"]):
            return [], end  # "3-1", "24-7", "a 1-1 draw": a score or a slogan, not a range
    unc = None
    if g["unc"] is not None or (suf is not None and text.startswith(num_tail.PLUS_MINUS, end)):
        unc, end = num_tail.uncertainty(text, g, suf, end, ranged)
    hedge_text = g["h"] or (ha[0].strip() if ha is not None else None)
    if not ranged and (unit := num_tail.million_unit(text, suf, end_num)) is not None:
        g, v1, suf, end = {**g, "m1": "m"}, round(v1 * 1e6, 6), unit, max(end, unit.end)
    elif (not ranged or g["s1"] == "m") and num_tail.glued_millions(text, suf, start, end_num):
        g, v1, suf = {**g, "m1": "m", "m2": "m" if ranged else None}, round(v1 * 1e6, 6), None
        v2 = None if v2 is None else round(v2 * 1e6, 6)  # "grew from 60m to 67m": millions
    return [_build(text, g, start, end, v1, v2, suf, hedge_text, ranged, unc)], end


def _two_figures(text: str, g: dict[str, Any], start: int) -> bool:
    """A word range that is two figures: written high to low ("leads 48% to 46%", where a dash
    would make a score), or a first figure with its own unit after a verb of change ("rose $1.20
    to $74.50": the level reached, not a range)."""
    v1, v2 = _value(g, "n1", "neg1", "m1"), _value(g, "n2", "neg2", "m2")
    if v1 is not None and v2 is not None and _share_scale(g["n1"], v1, v2, g["n2"]) >= v2:
        return True
    return bool(g["s1"] or g["c1"]) and num_patterns.after_change_word(text, start)


def _share_scale(n1: str, v1: float, v2: float, n2: str) -> float:
    """"3 to 5 million": a bare first number borrows the scale of the second."""
    if not n1.replace(",", "").replace(".", "").isdigit() or n2.replace(",", "").isdigit():
        return v1
    base = grammar.parse_number(n2.split()[0]) if " " in n2 else None
    if base and base > 0:
        scale = v2 / base
        if scale >= 1000 and v1 * scale <= v2 * 1.0000001:
            return v1 * scale
    return v1


def _build(text: str, g: dict[str, Any], start: int, end: int, v1: float, v2: float | None,
           suf: num_suffix.Suffix | None, hedge_text: str | None, ranged: bool,
           unc: float | None = None) -> Mention:
    hedge = grammar.hedge_of(hedge_text) if hedge_text else None
    written1 = g["n1"] + ("m" if g["m1"] else "")
    if v2 is None:
        value = v1
        low, high = grammar.interval(v1, hedge, written1)
        if unc is not None and hedge is None:
            low, high = v1 - abs(unc), v1 + abs(unc)  # "9.83e-3 ± 1e-5": the stated band
    else:
        written2 = g["n2"] + ("m" if g["m2"] else "")
        value = (v1 + v2) / 2
        low = grammar.interval(v1, hedge, written1)[0]
        high = grammar.interval(v2, hedge, written2)[1]
    kind, unit, note, factor = num_suffix.classify(g, suf)
    if factor != 1.0:
        value *= factor
        low = None if low is None else low * factor
        high = None if high is None else high * factor
    si_value = si_unit = None
    if kind == "quantity" and unit is not None:
        si = units.to_si(value, unit)
        if si is not None:
            si_value, si_unit = si
    if v2 is not None and v1 > v2:
        note = "; ".join(x for x in (note, "range written high to low") if x)
    return Mention(kind=cast("Kind", kind), start=start, end=end, text=text[start:end],
                   value=value, low=low, high=high, hedge=hedge, unit=unit, si_value=si_value,
                   si_unit=si_unit, timex=None, anchor=None,
                   rule=_rule(g, kind, ranged, hedge_text is not None), note=note)


def _rule(g: dict[str, Any], kind: str, ranged: bool, hedged: bool) -> str:
    parts = []
    if g["h"]:
        parts.append("<hedge>")
    if ranged and (g["btw"] or g["frm"]):
        parts.append("<range-intro>")
    if g["c1"]:
        parts.append("<currency>")
    parts.append("<number>")
    if ranged:
        parts += ["<range-sep>", "<number>"]
    if kind != "number" and not g["c1"]:
        parts.append("<" + {"quantity": "unit", "money": "currency"}.get(kind, kind) + ">")
    if hedged and not g["h"]:
        parts.append("<hedge>")
    return " ".join(parts)

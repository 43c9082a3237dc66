"""Event linking: which event a date, duration or age is about, and which temporal mentions pair up.

Lives here: ``links(ctx) -> Links`` (built once per document through ``ctx.shared``) and the
records it returns: ``EventRef`` (an event or person as written, with its fact-sheet entry when an
alias matched), ``Link`` (a mention tied to an event with a role: "the war which *started* nearly
two years ago" is the war's ``begin``) and ``Pair`` (two temporal mentions said to be the same time,
"in 2015, nine years ago", or to come in an order, "in 2019, after talks began in 2021").
Does not live here: the patterns and word lists (``numclaims.link.phrases``), sentences
(``numclaims.segment``), judging a claim (``numclaims.checks``), calendar arithmetic
(``numclaims.calendar``), what a number counts (``numclaims.link.measures``).

How, and why it is fast: whole-text scans with compiled patterns (the sentences, the cue verbs,
and the fact sheet's names and aliases as one alternation compiled once per sheet), then per
mention only bounded work: bisection into those scans and anchored matches over a window of at
most ~120 characters around it. Nothing is quadratic in the number of mentions: pairs are only
ever consecutive mentions.

Keys: an event matched to the fact sheet keys as ``event:<id>`` (``person:<id>``); any other noun
phrase keys as its lower-cased words without leading determiners ("an incursion" -> "incursion").
An indefinite phrase ("a war that began in 1950") is never matched to a fact-sheet alias by key,
only by the alias as the editor wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from ..facts import Event, FactSheet, Person
from ..models import Mention
from ..segment import Sentences, split_sentences
from .phrases import APOS, fold, is_relative, key_of, link_table, patterns, sheet_names

KEY = "link.events"

Role = Literal["begin", "end", "date", "born", "last", "since", "old", "nth_year", "age"]
Relation = Literal["same", "after", "before", "since"]


@dataclass(frozen=True)
class EventRef:
    """An event or a person as the text names it."""

    key: str
    text: str
    start: int
    end: int
    event: Event | None = None
    person: Person | None = None


@dataclass(frozen=True)
class Link:
    """A mention tied to what it dates or measures.

    ``role``: begin/end/date/born — the mention is that point of the event (a date, or an offset
    such as "nearly two years ago"); last — how long the event has lasted ("has raged for two
    years"; ``perfect`` when in the present perfect, i.e. up to the document date); since — time
    elapsed since the event ("two years since the war began"); old — "the three-year-old war";
    nth_year — "in its third year"; age — a person's age ("Kim Jong Un, 40,").
    ``point``: which point of the event an elapsed time runs from ("begin" or "end").
    """

    mention: Mention
    ref: EventRef
    role: Role
    cue: str
    point: Literal["begin", "end"] = "begin"
    perfect: bool = False


@dataclass(frozen=True)
class Pair:
    """Two temporal mentions of one sentence: ``first`` is the same time as / after / before
    ``second``; ``since``: ``first`` is a duration elapsed since ``second`` up to the document date.
    ``offset``: the duration said to separate them ("two weeks after")."""

    first: Mention
    second: Mention
    relation: Relation
    offset: Mention | None = None
    cue: str = ""


@dataclass
class Links:
    links: list[Link] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    by_key: dict[str, list[Link]] = field(default_factory=dict)
    by_mention: dict[tuple[int, int], list[Link]] = field(default_factory=dict)

    def of(self, m: Mention) -> list[Link]:
        """The links of one mention."""
        return self.by_mention.get((m.start, m.end), [])

    def about(self, key: str, roles: Iterable[str]) -> list[Link]:
        """The links of an event with one of ``roles``, in text order."""
        wanted = set(roles)
        return [k for k in self.by_key.get(key, []) if k.role in wanted]


# --------------------------------------------------------------------------- the linker

_TEMPORAL = ("date", "duration")


class _Linker:
    """One document's scans and the per-mention look-ups over them."""

    def __init__(self, text: str, facts: FactSheet | None, sentences: Sentences) -> None:
        self.text = text
        self.p = patterns()
        self.sent_start = sentences.start
        self.sheet = sheet_names(facts) if facts is not None else None

    def alias_ending(self, end: int) -> tuple[int, int] | None:
        """A fact-sheet name that ends at ``end`` (the longest)."""
        sh = self.sheet
        if sh is None or sh.tail is None:
            return None
        a = sh.tail.search(self.text, max(0, end - sh.longest), end)
        return (a.start(), a.end()) if a else None

    def alias_starting(self, pos: int) -> tuple[int, int] | None:
        sh = self.sheet
        if sh is None or sh.pattern is None:
            return None
        a = sh.pattern.match(self.text, pos, min(len(self.text), pos + sh.longest))
        return (a.start(), a.end()) if a else None

    # ---- noun phrases

    def ref(self, start: int, end: int, definite: bool = True) -> EventRef:
        """An EventRef for text[start:end], matched to the fact sheet when possible."""
        text = self.text[start:end]
        key = key_of(text)
        if self.sheet is not None:
            exact = (start, end) in (self.alias_ending(end), self.alias_starting(start))
            hit = self.sheet.by_name.get(text.translate(APOS).lower()) if exact else None
            if hit is None and exact:
                hit = self.sheet.by_name.get(key)
            if hit is None and definite:
                hit = self.sheet.by_name.get(key)
            if hit is not None:
                entry = hit[1]
                if isinstance(entry, Person):
                    return EventRef(hit[0], text, start, end, person=entry)
                return EventRef(hit[0], text, start, end, event=entry)
        return EventRef(key, text, start, end)

    def np_before(self, pos: int) -> tuple[EventRef | None, int]:
        """The noun phrase that ends, up to glue words, at ``pos``; and where the glue starts."""
        lo = max(self.sent_start(pos), pos - 120)
        g = self.p["glue"].search(self.text, lo, pos)
        if g is None:
            return None, pos
        end = g.start()
        alias = self.alias_ending(end)
        if alias is not None:
            return self.ref(*alias), end
        if self.text[g.start():g.end()].strip(" ,").lower().startswith("and"):
            return None, end  # "... and ended": the subject is the previous link's
        n = self.p["np_tail"].search(self.text, max(lo, end - 90), end)
        if n is None:
            return None, end
        det = (n.group("det") or "").lower()
        return self.ref(n.start(), n.end(), definite=det not in ("a", "an")), end

    def np_after(self, pos: int, head_only: bool = False) -> EventRef | None:
        """The noun phrase that starts at ``pos``; ``head_only``: its first word, or a run of
        capitalized words (after "-year-old" the phrase is a noun and then anything)."""
        alias = self.alias_starting(pos)
        if alias is not None:
            return self.ref(*alias)
        pattern = self.p["head_word"] if head_only else self.p["np_head"]
        n = pattern.match(self.text, pos, min(len(self.text), pos + 140))
        if n is None:
            return None
        det = (n.group("det") or "").lower()
        return self.ref(n.start(), n.end(), definite=det not in ("a", "an"))

    def cue_at(self, pos: int) -> tuple[int, int, str] | None:
        """A cue verb right after ``pos`` (after whitespace)."""
        c = self.p["cue_at"].match(self.text, pos, min(len(self.text), pos + 40))
        return (c.start(c.lastgroup), c.end(), c.lastgroup or "") if c else None

    # ---- links of one mention

    def pre_cue(self, m: Mention, last: Link | None) -> Link | None:
        """'<event> [which has] <verb> [in] <mention>': "the war which started nearly two years
        ago", "the treaty, signed on June 19", "Kim Jong Un, born in 1984", "has raged for"."""
        lo = max(self.sent_start(m.start), m.start - 60)
        window = fold(self.text[lo:m.start])
        if not any(w in window for w in self.p["cue_words"]):
            return None  # most windows: no cue verb at all (a few substring tests, no search)
        c = self.p["cue"].search(self.text, lo, m.start)
        if c is None:
            return None
        c_start, c_end, cls = c.start(), c.end(), c.lastgroup or ""
        gap = self.p["for_gap"] if cls == "last" else self.p["prep_gap"]
        if m.start - c_end > 30 or not gap.fullmatch(self.text, c_end, m.start):
            return None
        ref, glue_start = self.np_before(c_start)
        glue = self.text[glue_start:c_start].lower()
        if ref is None:
            if last is None or last.mention.start < self.sent_start(c_start):
                return None
            if not self.p["coord"].search(self.text, max(0, glue_start - 1), c_start):
                return None
            ref = last.ref
        cue = self.text[c_start:c_end]
        if cls == "last":
            perfect = regex.search(r"\b(?:has|have)\b", glue) is not None
            return Link(m, ref, "last", cue, perfect=perfect)
        role = {"found": "begin"}.get(cls, cls)
        return Link(m, ref, role, cue)  # type: ignore[arg-type]

    def since(self, m: Mention, nxt: Mention | None) -> Link | Pair | None:
        """'<duration> since <event> [began|ended]', or '<duration> since <date>' (a Pair)."""
        s = self.p["since_after"].match(self.text, m.end)
        if s is None:
            return None
        if nxt is not None and nxt.start == s.end() and nxt.kind == "date":
            return Pair(m, nxt, "since", cue="since")
        ref = self.np_after(s.end())
        if ref is None:
            return None
        c = self.cue_at(ref.end)
        return Link(m, ref, "since", "since", point="end" if c and c[2] == "end" else "begin")

    def old(self, m: Mention) -> Link | None:
        """'the three-year-old war', '40-year-old Kim Jong Un'."""
        o = self.p["old_after"].match(self.text, m.end)
        if o is None or not (m.text.lower().endswith("old") or "old" in o.group()):
            return None
        if not regex.search(r"(?i)year", m.text):
            return None
        ref = self.np_after(o.end(), head_only=True)
        if ref is None:
            return None
        return Link(m, ref, "age" if ref.person is not None else "old", "-year-old")

    def nth_year(self, m: Mention) -> Link | None:
        """'the war, now in its third year' (an ordinal before "year", or a duration "its third
        year" as the extractor may read it)."""
        if m.kind == "duration":
            if not self.p["nth_text"].fullmatch(m.text):
                return None
        elif not self.p["year_after"].match(self.text, m.end):
            return None
        c = self.p["nth_before"].search(self.text, max(0, m.start - 30), m.start)
        if c is None or (m.kind != "duration" and not c.group().rstrip().endswith(("its", "their"))):
            return None
        ref, _ = self.np_before(c.start())
        cue = self.text[c.start():m.end] + ("" if m.kind == "duration" else " year")
        return Link(m, ref, "nth_year", cue) if ref else None

    def age(self, m: Mention) -> Link | None:
        """'Kim Jong Un, 40,' and 'Kim Jong Un (40)': a person's age after the name."""
        if m.value is None or m.value != int(m.value) or not 0 < m.value <= link_table()["age"]["max_age"]:
            return None
        if m.kind not in ("number", "duration", "quantity") or m.hedge is not None:
            return None
        if "," not in self.text[max(0, m.start - 3):m.start] and "(" not in self.text[
                max(0, m.start - 3):m.start]:
            return None  # cheap test first: an age follows a comma or a parenthesis
        pre = self.p["age_pre"].search(self.text, max(0, m.start - 12), m.start)
        if pre is None or not self.p["age_post"].match(self.text, m.end):
            return None
        end = pre.start()
        alias = self.alias_ending(end)
        if alias is not None:
            ref = self.ref(*alias)
            return Link(m, ref, "age", ",") if ref.person is not None else None
        n = self.p["np_tail"].search(self.text, max(self.sent_start(end), end - 60), end)
        if n is None or n.group("det"):
            return None  # a person's name, not "the company, 40,"
        return Link(m, self.ref(n.start(), n.end()), "age", ",")

    # ---- pairs of consecutive temporal mentions

    def pair(self, a: Mention, b: Mention, c: Mention | None) -> Pair | None:
        if self.sent_start(a.start) != self.sent_start(b.start) or b.start - a.end > 120:
            return None
        if (self.p["same_gap"].fullmatch(self.text, a.end, b.start)
                and (is_relative(a) or is_relative(b))
                and not (self._weekday(a) or self._weekday(b))):
            return Pair(a, b, "same", cue=self.text[a.end:b.start].strip())
        o = self.p["order_gap"].fullmatch(self.text, a.end, b.start)
        if o is not None and a.kind == "date" and b.kind == "date":
            rel = o.group("rel").lower()
            return Pair(a, b, "before" if rel.startswith(("before", "prior")) else "after",
                        cue=o.group("rel"))
        if (c is not None and a.kind == "date" and b.kind == "duration" and c.kind == "date"
                and self.sent_start(c.start) == self.sent_start(a.start)
                and self.p["offset_pre"].fullmatch(self.text, a.end, b.start)):
            o = self.p["offset_post"].fullmatch(self.text, b.end, c.start)
            if o is not None:
                return Pair(a, c, o.group("rel").lower(), offset=b, cue=o.group("rel"))
        return None

    def _weekday(self, m: Mention) -> bool:
        return m.anchor is not None and self.p["weekday_only"].fullmatch(m.text) is not None


def links(ctx: Any) -> Links:
    """Every link and pair of the document of ``ctx``, built once per document."""
    return ctx.shared(KEY, link_events)  # type: ignore[no-any-return]


def link_events(ctx: Any) -> Links:
    """Every link and pair of one document, built anew (``links`` builds it once)."""
    return build(ctx.text, ctx.mentions, ctx.facts, ctx.sentences)


def build(text: str, mentions: list[Mention], facts: FactSheet | None,
          sentences: Sentences | None = None) -> Links:
    """The links of ``mentions`` (in text order) of ``text``, against ``facts`` when given."""
    lk = _Linker(text, facts, sentences or split_sentences(text))
    out = Links()
    temporal = [m for m in mentions if m.kind in _TEMPORAL]
    last: Link | None = None
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        found: Link | Pair | None = None
        if m.kind in _TEMPORAL:
            found = lk.pre_cue(m, last)
            if found is None and m.kind == "duration":
                found = lk.since(m, nxt) or lk.old(m) or lk.nth_year(m)
        if found is None and m.kind == "ordinal":
            found = lk.nth_year(m)
        if found is None and m.kind in ("number", "duration", "quantity"):
            found = lk.age(m) or (lk.old(m) if m.kind != "duration" else None)
        if isinstance(found, Pair):
            out.pairs.append(found)
        elif found is not None:
            _add(out, found)
            last = found
    for i in range(len(temporal) - 1):
        p = lk.pair(temporal[i], temporal[i + 1], temporal[i + 2] if i + 2 < len(temporal) else None)
        if p is not None:
            out.pairs.append(p)
    return out


def _add(out: Links, link: Link) -> None:
    out.links.append(link)
    out.by_key.setdefault(link.ref.key, []).append(link)
    out.by_mention.setdefault((link.mention.start, link.mention.end), []).append(link)

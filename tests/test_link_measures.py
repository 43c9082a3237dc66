"""Measure linking (numclaims.link.measures) on hand-built mentions: what each figure counts, whose
it is, which figures are names rather than counts, and how figures are grouped by measure.

The mentions are built here, not extracted, so these tests pin the linker alone.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.checks.registry import Context
from numclaims.link.measures import Measure, lemma, measures, stem
from numclaims.models import Mention
from numclaims.segment import split_sentences


def mention(text: str, sub: str, kind: str = "number", value: float = 1.0, after: int = 0,
            unit: str | None = None) -> Mention:
    i = text.index(sub, after)
    return Mention(kind=kind, start=i, end=i + len(sub), text=sub, value=value, low=value,
                   high=value, unit=unit, si_unit="meter ** 2" if kind == "quantity" else None)


def linked(text: str, *subs: str | tuple[str, str, str]) -> list[Measure]:
    ms: list[Mention] = []
    for s in subs:
        after = ms[-1].end if ms else 0
        if isinstance(s, tuple):
            ms.append(mention(text, s[0], s[1], unit=s[2], after=after))
        else:
            ms.append(mention(text, s, after=after))
    ctx = Context(text=text, published=None, mentions=ms)
    return measures(ctx).items


def test_head_qualifiers_and_complement() -> None:
    (m,) = linked("As many as 12,000 combat troops from North Korea are being sent.", "12,000")
    assert (m.head, m.qualifiers, m.of) == ("troop", ("combat",), ("north", "korea"))
    assert not m.identifier
    assert m.key == ("number", "", "troop")


def test_quantity_of_a_region() -> None:
    text = "Ukrainian troops have held around 250 square miles of the Kursk region."
    (m,) = linked(text, ("around 250 square miles", "quantity", "square_mile"))
    assert m.of == ("kursk", "region")
    assert m.key == ("quantity", "meter ** 2", "")
    assert {"kursk", "regio"} == m.descriptors


def test_owner_before_the_figure() -> None:
    (m,) = linked("North Korea could deploy more troops from its army of 1.3 million soldiers.",
                  "1.3 million")
    assert m.head == "soldier"
    assert m.owner == ("army",)  # "its" is not a possessor worth keeping
    (m,) = linked("North Korea's army of 1.3 million soldiers", "1.3 million")
    assert m.owner == ("north", "korea", "army")


def test_compound_noun_and_participle() -> None:
    (m,) = linked("They sent 16,000 shipping containers filled with shells.", "16,000")
    assert (m.head, m.qualifiers) == ("container", ("shipping",))
    a, b = linked("There were three dead and 12 injured.", "three", "12")
    assert (a.head, b.head) == ("dead", "injured")


def test_hyphenated_strength() -> None:
    (m,) = linked("a 12,000-strong force crossed", "12,000")
    assert m.head == "force"


def test_identifiers_are_not_counts() -> None:
    text = ("The 155mm M-109 howitzer fired. Russia's 810 Naval Infantry Brigade fought on Route 66 "
            "during the 2024 campaign, and 2024 troops were seen.")
    m109, brigade, route, year, troops = linked(text, "109", "810", "66", "2024", "2024")
    assert m109.identifier and brigade.identifier and route.identifier and year.identifier
    assert m109.key is None and brigade.key is None
    assert not troops.identifier  # a plural count noun after a year-like number


def test_capitalized_plural_is_a_count() -> None:
    (m,) = linked("About 1,000 Marines landed.", "1,000")
    assert not m.identifier and m.head == "marine"
    (m,) = linked("Only 12 people came.", "12")
    assert not m.identifier and m.head == "person"  # "Only" at a sentence start is no name


def test_groups_by_key() -> None:
    text = "12,000 troops arrived. Later 3,000 troops left. 16,000 containers came."
    ctx = Context(text=text, published=None,
                  mentions=[mention(text, "12,000"), mention(text, "3,000"),
                            mention(text, "16,000")])
    ms = measures(ctx)
    assert [len(g) for g in ms.groups.values()] == [2, 1]
    assert ms is measures(ctx)  # computed once per document
    assert [x.sentence for x in ms.items] == [0, 1, 2]


def test_lemma_and_stem() -> None:
    assert [lemma(w) for w in ("casualties", "people", "troops", "boxes", "class", "bus")] == [
        "casualty", "person", "troop", "box", "class", "bus"]
    assert stem("Korean") == stem("Korea") and stem("Russian") == stem("Russia")


def test_sentences_skip_initials_and_abbreviations() -> None:
    text = "U.S. troops left on Oct. 3. Mr. Kim stayed. Then 5 more came.\n\nNext para."
    starts = split_sentences(text).starts
    assert [text[s:s + 4] for s in starts] == ["U.S.", "Mr. ", "Then", "Next"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.lists(st.tuples(st.integers(0, 120), st.integers(0, 30)),
                                       max_size=6))
def test_any_text_and_spans_are_safe(text: str, spans: list[tuple[int, int]]) -> None:
    ms = []
    for start, length in sorted(spans):
        start = min(start, len(text))
        end = min(len(text), start + length)
        ms.append(Mention(kind="number", start=start, end=end, text=text[start:end], value=1.0))
    ctx = Context(text=text, published=None, mentions=ms)
    got = measures(ctx)
    assert len(got.items) == len(ms)
    assert ctx.sentences.starts[0] == 0

"""Event linking on hand-built mentions: which event a date, duration or age is about, and which
temporal mentions pair up. Independent of the extractors: mentions are written here by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from _mentions import day, mk

from numclaims.facts import FactSheet
from numclaims.link.events import build
from numclaims.link.phrases import is_relative, key_of
from numclaims.models import Mention

SEED_FACTS = FactSheet.load(Path(__file__).resolve().parents[1] / "seeds" /
                            "000_b25511bfe7d2328e.facts.toml")


def year(text: str, sub: str, y: int, **kw: Any) -> Mention:
    return mk(text, sub, "date", timex=str(y), date_start=dt.date(y, 1, 1),
              date_end=dt.date(y, 12, 31), **kw)


def ago(text: str, sub: str, value: float, unit: str = "year", **kw: Any) -> Mention:
    return mk(text, sub, "duration", value=value, unit=unit, anchor="published", **kw)


WAR = "Officials see a major escalation of the war which started nearly two years ago."


def test_seed_sentence_links_the_war_to_the_fact_sheet() -> None:
    m = ago(WAR, "nearly two years", 2, hedge="nearly", low=1.75, high=2.0)
    (link,) = build(WAR, [m], SEED_FACTS).links
    assert (link.role, link.cue, link.ref.text) == ("begin", "started", "the war")
    assert link.ref.key == "event:invasion"
    assert link.ref.event is not None and link.ref.event.begins == dt.date(2022, 2, 24)


def test_without_a_fact_sheet_the_key_is_the_noun_phrase() -> None:
    m = ago(WAR, "nearly two years", 2, hedge="nearly")
    (link,) = build(WAR, [m], None).links
    assert link.ref.key == "war" and link.ref.event is None


def test_curly_possessive_alias_and_indefinite_alias_as_written() -> None:
    text = "Russia’s war against Ukraine, which began in 2022, and an incursion that began last summer."
    ms = [year(text, "2022", 2022), mk(text, "last summer", "date", anchor="published",
                                          timex="2024-SU")]
    keys = [(k.ref.key, k.role) for k in build(text, ms, SEED_FACTS).links]
    assert keys == [("event:invasion", "begin"), ("event:kursk-incursion", "begin")]


def test_an_indefinite_phrase_is_not_matched_to_an_alias_by_key() -> None:
    text = "North Korea fought a war that began in 1950."
    (link,) = build(text, [year(text, "1950", 1950)], SEED_FACTS).links
    assert link.ref.event is None and link.ref.key == "war"


def test_coordinated_end_inherits_the_subject() -> None:
    text = "The strike began on March 10, 2023 and ended on March 3, 2023, the union said."
    ms = [day(text, "March 10, 2023", dt.date(2023, 3, 10)),
          day(text, "March 3, 2023", dt.date(2023, 3, 3))]
    links = build(text, ms, None).links
    assert [(k.ref.key, k.role) for k in links] == [("strike", "begin"), ("strike", "end")]


@pytest.mark.parametrize(("text", "sub", "role", "point", "perfect"), [
    ("It has been two years since the war began.", "two years", "since", "begin", False),
    ("It is a year since the war ended.", "a year", "since", "end", False),
    ("The war has raged for nearly three years.", "nearly three years", "last", "begin", True),
    ("The war raged for three years.", "three years", "last", "begin", False),
])
def test_elapsed_forms(text: str, sub: str, role: str, point: str, perfect: bool) -> None:
    m = mk(text, sub, "duration", value=2, unit="year")
    (link,) = build(text, [m], SEED_FACTS).links
    assert (link.role, link.point, link.perfect) == (role, point, perfect)
    assert link.ref.key == "event:invasion"


def test_year_old_war_and_year_old_person() -> None:
    text = "The three-year-old war weighs on the 40-year-old Kim Jong Un."
    ms = [mk(text, "three-year", "duration", value=3, unit="year"),
          mk(text, "40-year", "duration", value=40, unit="year")]
    links = build(text, ms, SEED_FACTS).links
    assert [(k.role, k.ref.key) for k in links] == [("old", "event:invasion"),
                                                  ("age", "person:kim-jong-un")]


def test_ordinal_year() -> None:
    text = "The war, now in its third year, has displaced millions."
    m = mk(text, "third", "ordinal", value=3)
    (link,) = build(text, [m], SEED_FACTS).links
    assert (link.role, link.ref.key, link.cue) == ("nth_year", "event:invasion", "in its third year")


def test_ages_after_names_but_not_after_a_common_noun() -> None:
    text = "Kim Jong Un, 40, met the company, 40, and Maria Lopez (52)."
    ms = [mk(text, "40", "number", value=40), mk(text, "40", "number", nth=1, value=40),
          mk(text, "52", "number", value=52)]
    links = build(text, ms, SEED_FACTS).links
    assert [(k.mention.start, k.ref.key) for k in links] == [
        (ms[0].start, "person:kim-jong-un"), (ms[2].start, "maria lopez")]


def test_born_through_an_age_apposition() -> None:
    text = "Maria Lopez, 52, who was born in 1975, runs the shelter."
    ms = [mk(text, "52", "number", value=52), year(text, "1975", 1975)]
    links = build(text, ms, None).links
    assert [(k.role, k.ref.key) for k in links] == [("age", "maria lopez"), ("born", "maria lopez")]


def test_pairs_same_order_offset_since_and_not_lists() -> None:
    text = ("It was founded in 2015, nine years ago. The deal was signed in March 2019, after talks "
            "began in June 2021. It collapsed on March 29, 2023, two weeks after it was signed on "
            "March 1, 2023. Sales in 2015, 2016 and 2017 rose. It is two years since 2022.")
    m_2019 = mk(text, "March 2019", "date", timex="2019-03")
    m_2021 = mk(text, "June 2021", "date", timex="2021-06")
    ms = [year(text, "2015", 2015), ago(text, "nine years", 9), m_2019, m_2021,
          day(text, "March 29, 2023", dt.date(2023, 3, 29)),
          mk(text, "two weeks", "duration", value=2, unit="week"),
          day(text, "March 1, 2023", dt.date(2023, 3, 1)),
          year(text, "2015", 2015, nth=1), year(text, "2016", 2016), year(text, "2017", 2017),
          mk(text, "two years", "duration", value=2, unit="year"), year(text, "2022", 2022)]
    ms.sort(key=lambda m: m.start)
    pairs = build(text, ms, None).pairs
    got = [(p.first.text, p.second.text, p.relation, p.offset.text if p.offset else None)
           for p in pairs]
    assert ("2015", "nine years", "same", None) in got
    assert ("March 2019", "June 2021", "after", None) in got
    assert ("March 29, 2023", "March 1, 2023", "after", "two weeks") in got
    assert ("two years", "2022", "since", None) in got
    assert not [g for g in got if g[0] in ("2016", "2017") or g[1] in ("2016", "2017")]


def test_relative_versus_year_less() -> None:
    text = "last month and June"
    assert is_relative(mk(text, "last month", "date", anchor="published"))
    assert not is_relative(mk(text, "June", "date", anchor="published"))
    assert not is_relative(mk(text, "June", "date"))


@pytest.mark.parametrize(("phrase", "key"), [
    ("the war's", "war"), ("Russia’s war", "russia's war"), ("An  Incursion", "incursion"),
    ("its war against Ukraine", "war against ukraine"),
])
def test_key_of(phrase: str, key: str) -> None:
    assert key_of(phrase) == key


def test_links_never_cross_a_sentence() -> None:
    text = "The war started. Nearly two years ago, prices rose."
    m = ago(text, "Nearly two years", 2, hedge="nearly")
    assert build(text, [m], SEED_FACTS).links == []


def test_many_mentions_link_in_one_pass() -> None:
    sentence = "The strike began on March 10, 2023, the union said. "
    text = sentence * 2000
    ms = [Mention(kind="date", start=i * len(sentence) + 20, end=i * len(sentence) + 34,
                  text="March 10, 2023", date_start=dt.date(2023, 3, 10),
                  date_end=dt.date(2023, 3, 10)) for i in range(2000)]
    links = build(text, ms, None)
    assert len(links.by_key["strike"]) == 2000


@pytest.mark.parametrize("verb", ["STARTED", "Started", "ſtarted", "BEGAN"])
def test_a_cue_verb_in_any_case_still_links(verb: str) -> None:
    # the cue search is skipped when the folded window holds no cue word: the folding must keep
    # everything the case-insensitive pattern matches ("ſ" is a long s)
    text = f"Officials see a major escalation of the war which {verb} nearly two years ago."
    m = ago(text, "nearly two years", 2, hedge="nearly")
    (link,) = build(text, [m], None).links
    assert (link.role, link.cue, link.ref.key) == ("begin", verb, "war")


def test_no_cue_word_no_link() -> None:
    text = "Officials see a major escalation of the war, nearly two years ago."
    assert build(text, [ago(text, "nearly two years", 2, hedge="nearly")], None).links == []

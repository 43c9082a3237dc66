"""The two compiled patterns of the temporal extractor.

Lives here: ``trigger()``, a cheap case-sensitive pattern for the *head* every temporal expression
contains (a month or weekday name, a unit or period word, a season, "today", a four-digit number, a
digit date shape), and ``rules()``, the full grammar, which ``temporal.scan`` runs only in a small
window around each head. Every top-level alternative of ``rules()`` is a named group ``R_<rule>``
and contains a head, so nothing can be found outside a window that the whole-text scan would find.
Does not live here: what a match means (``time_resolve``).

Word lists are built from ``data/time.toml`` (``time_lexicon``); the numbers and hedges inside
durations come from the shared number grammar (``(?&number)``, ``(?&hedge)``,
``(?&ordinal)`` from ``grammar``). All repetitions are bounded and alternatives are literal, so any input is
matched in linear time.
"""

from __future__ import annotations

import functools
import re

import regex

from . import grammar
from .time_lexicon import ORDINALS, alt, cap_alt, lexicon
from .time_words import HEADS as YEAR_WORD_HEADS
from .time_words import YEAR_WORDS

PARTS_OF_DAY = ["morning", "afternoon", "evening", "night"]
DAY_WORDS = ["today", "yesterday", "tomorrow", "tonight"]
ZONES = ["UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET",
         "CEST", "Z"]
SET_ADVERBS = ["annually", "yearly", "annual"]


def _trie(words: list[str]) -> str:
    """A regex for a set of literal words as a character trie: the stdlib engine scans it several
    times faster than a flat alternation, because each position costs one branch per letter."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@functools.cache
def head_words() -> dict[str, str]:
    """Each head word and its class: 'name' (months, weekdays, seasons), 'unit' (duration and
    period words), 'day' (today, morning, noon)."""
    lx = lexicon()
    classes: dict[str, str] = {}
    for cls, words in (
        ("name", [*lx.months_with_day, *lx.weekdays_full, *lx.seasons]),
        ("unit", [*lx.units, "quarter", "quarters", "weekend", "period", *SET_ADVERBS]),
        ("day", [*DAY_WORDS, *PARTS_OF_DAY, "noon", "midnight"]),
        # a holiday is found by a word of its name that is rare elsewhere ("Year's", not "New")
        ("holiday", [_holiday_head(name) for name in [*lx.holidays, *lx.moving_holidays]]),
        ("yword", YEAR_WORD_HEADS),  # "in nineteen ninety six", "in two thousand and five"
    ):
        for w in words:
            classes.setdefault(w, cls)
            if w.islower():
                classes.setdefault(w.capitalize(), cls)
    return classes


def _holiday_head(name: str) -> str:
    first, *rest = name.split()
    return rest[0] if rest and first.lower() in _HOLIDAY_OPENERS else first


# First words of holiday names too common to be their head ("New Year's Day": "Year's")
_HOLIDAY_OPENERS = frozenset({"new", "international", "saint"})


@functools.cache
def triggers() -> tuple[re.Pattern[str], ...]:
    """The head patterns, each scanned over the whole text on its own: the stdlib engine finds a
    trie of literals or a digit far faster alone than inside one alternation. Heads from the
    first pattern are classed by ``head_words``; the last ("Q1", "H2") are 'code' heads, the
    others 'digit' heads."""
    words = sorted(head_words())
    first = re.escape("".join(sorted({w[0] for w in words})))  # a cheap test before the trie
    return (
        re.compile(rf"\b(?=[{first}]){_trie(words)}(?![^\W\d])"),  # "Dec31 , 1994" too
        re.compile(r"\d(?:\d\d\d|\d?(?:[:/]\d|/[A-Za-z]|st\b|nd\b|rd\b|th\b|(?:\.[0-5]\d)?\s?(?:[ap]\.m\.|[AaPp][Mm]\b)))"),
        # plain shapes, scanned fast; ``temporal.heads`` checks what comes before them
        re.compile(r"\d0s\b"),                                # '90s, the 70s
        re.compile(r"[QqHh][1-4]\b"),                          # Q1, H2
    )


@functools.cache
def prefix_words() -> frozenset[str]:
    """Words that may open an expression before its head ("nearly two", "the end of",
    "Monday,"): the scanner walks back over them to find the leftmost possible start."""
    lx = lexicon()
    lists = grammar.named_lists()
    words = {t for key in ("nc_ones", "nc_tens", "nc_scales", "nc_fractions", "nc_ordinals",
                           "nc_hedges") for phrase in lists[key] for t in phrase.split()}
    words |= {"a", "an", "and", "the", "of", "every", "each", "other", "its", "their", "his",
              "her", "several", "few", "many", "couple", "final", "earlier", "later", "beginning",
              "day", "start", "middle", "end", "on", "by", "until", "since", "from", "before",
              "after", "per", "between", "same", "recent", "calendar", "New", "all", "international",
              "saint"}
    words |= {w.lower() for k in ("last", "this", "next") for w in lx.relative[k]}
    words |= {w.lower() for w in lx.fuzzy}
    words = {w for w in words if w.isalpha()}
    return frozenset({*words, *(w.capitalize() for w in words), *lx.weekdays})


@functools.cache
def _alternatives() -> dict[str, str]:
    """Each rule's pattern source, by rule name; ``rules`` assembles them per head class."""
    lx = lexicon()
    month = alt(lx.months)
    month_day = alt(lx.months_with_day)
    # between a day and its year: "Oct. 28, 2024", "Dec. 31 , 1994", "July 4th of 1995"
    ytail = r"(?:\s?,\s{0,3}|\s{1,3})(?:(?:of|in)\s{1,3})?"
    wday = alt(lx.weekdays)
    wday_full = alt(lx.weekdays_full)
    season = alt(lx.seasons)
    unit = alt(lx.units)
    fuzzy = alt(lx.fuzzy)
    # before a space or "in" only these: "start in June", "end in the next decade" are verbs
    fuzzy_bare = cap_alt(["early", "mid", "late"])
    fuzzy_of = cap_alt(["beginning", "start", "middle", "end"])
    rel = cap_alt([*lx.relative["last"], *lx.relative["this"], *lx.relative["next"]])
    rel3 = cap_alt(["last", "this", "next"])
    # names of several words: their spaces escaped, since the pattern is verbose
    holidays = "|".join(regex.escape(w) for w in sorted([*lx.holidays, *lx.moving_holidays],
                                                        key=lambda w: -len(w)))
    periods = alt([*lx.relative["periods"], *lx.seasons, *lx.weekdays_full, *lx.months])
    ordinal = cap_alt([*ORDINALS, "final", "last"])
    zones = alt(ZONES)
    # a word that may be a month, checked by the resolver: the month list itself, six times
    # over, would make every match of the pattern slower (the engine's cost grows with its size)
    mword = r"[JFMASONDjfmasond][A-Za-z]{2,8}\.?"
    wday_abbr = alt([w.rstrip(".") for w in lx.weekdays if not w.lower().endswith("day")])
    # a month after a year, in lower case only ("in 2017 april."): not "in 2017 April Smith"
    month_lower = alt([w for w in lx.months if w.islower()])
    yw = YEAR_WORDS
    # a two-digit year only after "of" and before the end of a clause: "April of '87."
    of_yy = r"\s{1,3}of\s{1,3}['’]?(?P<yy>\d\d)(?=\s{0,3}(?:[.,;:!?)]|$))"
    body = rf"""
      (?P<R_date>                                             # weekday? month day year?
        (?:(?P<wd>{wday_full}),?\s{{1,3}}|(?P<wd>{wday_abbr})\.?,?\s{{1,3}})?  # no "Sunday. Nov. 3"
        (?: (?P<mon>{month_day})
            (?:\s{{0,2}}|,\s(?=[0-3]?\d(?:st|nd|rd|th)\s{{0,2}}(?:[.;:!?)]|$)))   # October, 1st.
            (?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])
            (?!\s?(?:%|percent|per\b|[.,]\d))
            (?:(?:\s?[-–]\s?|\s{{1,3}}(?:to|through|until)\s{{1,3}})     # March 3-5, 2024
               (?P<dayto>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])
               (?!\s?(?:%|percent|per\b|[.,]\d)))?
            (?:{ytail}(?:(?P<year>\d{{4}})(?![\d-])|(?P<yw1>{yw})))?
          | (?P<monw>{month})\s{{1,3}}(?:the\s{{1,3}})?            # June first, May twenty-nine
            (?P<dayw>(?&ordinal)|(?&count_word))
            (?:,?\s{{1,3}}(?:(?P<yearw>\d{{4}})(?![\d-])|(?P<yw2>{yw})))?
            (?=\s{{0,3}}(?:[,.;:!?)"”]|$|and\b|or\b))
          | (?:the\s{{1,3}})?                                  # (the) 28th (day) of October
            (?: (?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s{{1,3}}(?:(?:day\s{{1,3}})?of\s{{1,3}})?
              | (?P<dayw2>(?&ordinal))\s{{1,3}}(?:day\s{{1,3}})?of\s{{1,3}} )  # second of Aug
            (?P<mon2>{month_day})(?:{ytail}(?:(?P<year2>\d{{4}})(?![\d-])|(?P<yw3>{yw}))
                                   |{of_yy})?                  # 15 April of 87
          | (?P<mon3>{month})/(?P<day3>[0-3]?\d)(?![\d/])         # Oct/2
          | (?P<day4>[0-3]?\d)-(?P<mon4>{month})-(?P<year4>\d{{4}})(?![\d-])   # 05-Aug-2016
        )
      )
    | (?P<R_iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?![\d-]))
    | (?P<R_num>                                              # 03/04/2023, 03/18/40
        (?P<n1>\d{{1,2}})(?P<nsep>[/-])(?P<n2>\d{{1,2}})(?P=nsep)   # 02-02-2020 (the resolver
        (?P<n3>\d{{4}}|\d{{2}})(?![\d/])(?!(?<=-\d\d|-\d{{4}})-)    # refuses "10-12-15")
      )
    | (?P<R_mdate>                                            # figures and a month word
        (?=[\w.]{{1,10}}[/-]\w)                                  # (a fast guard)
        (?: (?P<xy>\d{{4}})(?P<xs>[/-])(?P<xm>{mword})(?P=xs)(?P<xd>[0-3]?\d)  # 2019/aug/01
          | (?P<xy>\d{{4}})/(?P<xd>[0-3]?\d)/(?P<xm>{mword})                  # 2020/23/Sep
          | (?P<xm>{mword})(?P<xs>[/-])(?P<xd>[0-3]?\d)(?P=xs)(?P<xy>\d{{4}})  # Sep-23-2020
          | (?P<xm>{mword})-(?P<xy>\d{{4}})-(?P<xd>[0-3]?\d)                  # Sep-2020-23
          | (?P<xd>[0-3]?\d)/(?P<xm>{mword})/(?P<xy>\d{{4}})                  # 23/Sep/2020
          | (?P<xd>[0-3]?\d)-(?P<xy>\d{{4}})-(?P<xm>{mword}) )                # 23-2020-Sep
      )(?![\d/-])
    | (?P<R_ym>(?=\d\d(?:\d\d)?-\d)                             # 2015-12, 12-2015
        (?P<ymy>\d{{4}})-(?P<ymm>0[1-9]|1[0-2]) | (?P<ymm>0[1-9]|1[0-2])-(?P<ymy>\d{{4}})
      )(?![\d/-])
    | (?P<R_md>(?=(?:[A-Za-z.,]{{3,11}}\s{{1,3}})?\d{{1,2}}/\d)      # (Friday) 5/12, on 11/20
        (?:(?P<mdwd>{wday})\.?,?\s{{1,3}})?
        (?P<mda>[0-3]?\d)/(?P<mdb>[0-3]?\d)
        (?=\s{{0,3}}(?:[.;:!?)]|$)|,\s|\s{{1,3}}(?:or|and|at|from)\s)   # not "3/4 of", "1/2%"
      )
    | (?P<R_time>                                             # 6:40 p.m., 18:00 UTC, noon
        (?P<th>[01]?\d|2[0-3])(?:[:.](?P<tm>[0-5]\d))?\s?     # 9.45am: British style
          (?P<ap>[ap]\.m\.|[AaPp][Mm]\b)(?:\s(?P<tz>{zones})\b)?
      | (?P<th2>[01]?\d|2[0-3]):(?P<tm2>[0-5]\d)\s{{0,2}}(?P<tz2>{zones})\b
      | (?P<noon>[Nn]oon|[Mm]idnight)\b
      )
      (?:\s{{1,3}}(?:on\s{{1,3}})?(?P<tday>{wday_full}|today|tomorrow|yesterday)\b)?
    | (?P<R_quarter>                                          # the first quarter (of 2009)
        (?:(?P<qthe>[Tt]he)\s{{1,3}}|(?P<qrel2>{rel})\s{{1,3}}year['’]s\s{{1,3}})?
        (?P<qord>{ordinal}|[1-4](?:st|nd|rd|th))[\s-]{{1,3}}(?P<qunit>quarter|half)\b
        (?:\s{{1,3}}of\s{{1,3}}(?:(?P<qyear>\d{{4}})(?![\d-])
                                 |(?P<qrel>{rel})\s{{1,3}}year\b))?
      )
    | (?P<R_qcode>                                            # Q1 2019, 2019-Q1, H2 2024
        (?P<qc>[Qq][1-4]|[Hh][12])(?:(?:\s{{1,3}}|-)(?P<qcy>\d{{4}})(?![\d-]))?
      | (?P<qcy2>\d{{4}})(?:\s{{1,3}}|-)(?P<qc2>[Qq][1-4]|[Hh][12])
      )
    | (?P<R_rel>                                              # (earlier) this year, last summer
        (?:(?P<rfz>{fuzzy_bare}|[Ee]arlier|[Ll]ater)(?:\s{{1,3}}|-)(?:in\s{{1,3}})?
          |(?P<rfz>{fuzzy})-
          |(?:[Tt]he\s{{1,3}})?(?P<rfzof>{fuzzy_of})\s{{1,3}}of\s{{1,3}})?
        (?:(?P<rwd>{wday_full})\s{{1,3}}of\s{{1,3}}            # Tuesday of next week
           (?=(?:the\s{{1,3}})?(?:{rel})\s{{1,3}}week\b))?
        (?:(?P<rthe>[Tt]he)\s{{1,3}})?
        (?P<rw>{rel})\s{{1,3}}(?:calendar\s{{1,3}})?
        (?:(?P<rp>{periods})
          |(?=[\w-]{{1,20}}(?:\s{{1,3}}[\w-]{{1,20}}){{0,2}}\s{{1,3}}quarters\b)   # past two
           (?P<rqn>(?&call:number))\s{{1,3}}(?P<rp>quarters))\b                       # quarters
        (?:\s{{1,3}}(?P<rpart>{alt(PARTS_OF_DAY)})\b
          |(?<=week)\s{{1,3}}(?:on\s{{1,3}})?(?P<rwd2>{wday})(?!\w))?  # next week on Tuesday
      )
    | (?P<R_the>                                              # the end of the year
        (?:[Tt]he\s{{1,3}})?(?P<tfz>{fuzzy_of})\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?
        (?P<tp>year|month|week|decade|century)\b
      | (?P<tytd>(?:[Tt]he\s{{1,3}})?[Yy]ear(?:\s{{1,3}}|-)to(?:\s{{1,3}}|-)date)\b  # year to date
      | (?P<tfz2>[Ee]arlier|[Ll]ater)\s{{1,3}}in\s{{1,3}}the\s{{1,3}}     # later in the year
        (?P<tp2>year|month|week|day)\b
      )
    | (?P<R_same>                                             # the same month a year ago
        (?:[Tt]he\s{{1,3}})?same\s{{1,3}}(?P<sp>period|time|month|quarter|week|day|season)
        \s{{1,3}}(?:(?:a|one)\s{{1,3}}year\s{{1,3}}(?:ago|earlier|before)
                 |(?:last|the\s{{1,3}}previous|the\s{{1,3}}prior)\s{{1,3}}year)\b
      )
    | (?P<R_weekof>                                           # the last week of March
        (?:[Tt]he\s{{1,3}})?
        (?: (?P<wo>first|second|third|fourth|last|final|[1-4](?:st|nd|rd|th))\s{{1,3}}week
          | [Ww]eek\s{{1,3}}(?P<wnum>[1-5]?\d)(?=\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?  # week 3 of
                                                 (?:\d{{4}}|{rel3}\s{{1,3}}year|year)) ) # a year
        \s{{1,3}}of\s{{1,3}}
        (?: (?P<wmon>{month})(?:,?\s{{1,3}}(?P<wmy>\d{{4}}))?
          | (?P<wyear>\d{{4}})
          | (?P<wrel>{rel3})\s{{1,3}}(?P<wrp>month|year)
          | (?:the\s{{1,3}})?(?P<wthis>month|year) )(?![\d-])
        (?:\s{{1,3}}on\s{{1,3}}(?P<wwd>{wday_full})\b)?                # ... on Friday
      )
    | (?P<R_cent>                                             # the 21st century, the mid-1800s
        (?:(?:[Tt]he\s{{1,3}})?(?P<cfzof>{fuzzy_of})\s{{1,3}}of\s{{1,3}})?
        (?:[Tt]he\s{{1,3}})?(?:(?P<cfz>{fuzzy})(?:\s{{1,3}}|-))?
        (?P<cord>(?&ordinal))[\s-]{{1,3}}century\b
      )
    | (?P<R_dayword>
        (?P<dw>{cap_alt(DAY_WORDS)})\b(?:\s{{1,3}}(?P<dwpart>{alt(PARTS_OF_DAY)})\b)?
      | (?P<dwrel>[Tt]his|[Ll]ast)\s{{1,3}}(?P<dwpart2>{alt(PARTS_OF_DAY)})\b
      )
    | (?P<R_set>                                              # every week, every two years
        (?:[Ee]very|[Ee]ach)\s{{1,3}}(?:(?P<sother>other)\s{{1,3}})?
        (?:(?P<snum>(?&call:number))\s{{1,3}})?(?P<sunit>{unit}|{wday_full}|{month}|{season})\b
      | (?P<sadv>{alt(SET_ADVERBS)})\b
      | (?<=(?:\d|\bonce|\btwice|\btimes|\bhours|\bdays|\bshifts|\bflights)\s)
        (?:a|per)\s(?P<sper>year|month|week|day)\b
        (?!\s{{1,3}}(?:earlier|later|prior|previously|beforehand|afterwards?|ago)\b)  # an offset
      )
    | (?P<R_nth>                                              # in its third year
        (?<=\b[Ii]n\s{{1,3}})(?P<nposs>its|their|his|her|the)\s{{1,3}}
        (?P<nord>(?&ordinal))\s{{1,3}}
        (?P<nunit>year|month|week|day|decade)\b
      )
    | (?P<R_dayrel>                                           # the next day, the day before
        [Tt]he\s{{1,3}}(?: (?P<drw>next|following|previous|preceding)\s{{1,3}}day
                       | day\s{{1,3}}(?P<dba>before|after)
                         (?=\s{{0,2}}(?:[.,;:!?)"”]|$|and\b|but\b|when\b)) )\b
      )
    | (?P<R_weekend>                                          # over the weekend
        (?<=\b(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Bb]y|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Ss]ince
                |[Ff]or|[Aa]cross|[Ee]arlier|[Ll]ater|[Ii]n)\s)
        the\s{{1,3}}weekend\b
      )
    | (?P<R_dur>                                              # nearly two years, a fortnight
        (?:(?P<dthe>[Tt]he)\s{{1,3}}(?P<drel>past|last|next|coming|previous|following|first)
           \s{{1,3}}
         |(?P<drel>[Pp]ast|[Ll]ast|[Nn]ext)\s{{1,3}}(?=\d|(?&call:number)\s))?  # headline "next 3 days"
        (?:(?P<dhedge>(?&hedge))\s{{1,3}})?
        (?: (?:(?P<dbetw>[Bb]etween)\s{{1,3}}(?P<dlow>(?&call:number))\s{{1,3}}and\s{{1,3}}   # two to
              |(?P<dlow>(?&number))(?:\s{{1,3}}(?:to|or)\s{{1,3}}|\s?[-–]\s?))          # three
            (?P<dnum>(?&call:number))(?:\s{{1,3}}|-)
          | (?P<dnum>(?&number)|(?<!\w)(?:[Aa]n?|[Oo]ne)(?=\s))(?:\s{{1,3}}|-)
          | (?P<dvague>several|a\s{{1,3}}few|(?<![\w-])few|many|a\s{{1,3}}couple\s{{1,3}}of
              |(?<=(?:past|last|next|coming|previous|following)\s{{1,3}})   # the next few
               (?:few|couple(?:\s{{1,3}}of)?))\s{{1,3}} )
        (?P<dunit>{unit})\b
        (?P<dhalf>\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half\b)?
        (?P<dold>-old\b)?
        (?:\s{{1,3}}(?P<dhafter>(?&hedge_after)))?
      )
    | (?P<R_vague>                                            # for years, in recent decades
        (?: (?P<vthe>[Tt]he)\s{{1,3}}                              # the coming weeks
            (?P<vrel>past|last|next|coming|previous|following)\s{{1,3}}
          | (?<=\b(?:[Ff]or|[Oo]ver|[Ww]ithin)\s)(?:the\s{{1,3}})?
          | (?P<vrecent>[Rr]ecent)\s{{1,3}}
          | (?<![\w-])(?P<vall>[Aa]ll)\s{{1,3}} )                 # all week: one whole unit
        (?P<vunit>(?(vall)(?:day|week|month|year)(?![\w-]|\s{{1,3}}(?:care|one|round)\b)
                  |(?:years|decades|months|weeks|centuries|(?(vrel)days|(?!)))))\b(?!\s{{0,3}}\d)
      )
    | (?P<R_yword>(?P<yw>{yw}))                                # (in) nineteen ninety six
    | (?P<R_hol>                                              # Christmas Eve (2023)
        (?:(?P<hrel>{rel})\s{{1,3}})?                               # last Easter
        (?P<hol>{holidays})(?:,?\s{{1,3}}(?:of\s{{1,3}})?(?P<holy>\d{{4}})(?![\d-]))?
      )
    | (?P<R_yrange>                                           # from 2009 to 2011
        (?P<yfrom>[Ff]rom|[Bb]etween)?\s{{0,3}}(?P<y1>\d{{4}})
        (?(yfrom)\s{{1,3}}(?:to|and|until|till|through)\s{{1,3}}|\s{{0,2}}[-–]\s{{0,2}})
        (?P<y2>\d{{4}})(?![\d-])
      )
    | (?P<R_period>                                           # mid-2022, June 2024, the 1990s
        (?:(?P<pfz>{fuzzy_bare})(?:\s{{1,3}}|-)(?:in\s{{1,3}})?
          |(?P<pfz>{fuzzy})-                                     # end-2022
          |(?:[Tt]he\s{{1,3}})?(?P<pfzof>{fuzzy_of})\s{{1,3}}of\s{{1,3}})?
        (?: (?P<pmon>{month})(?:(?:,?\s{{1,3}}(?:of\s{{1,3}})?|[-/])(?P<pmy>\d{{4}})(?![\d-])
                               |\s{{1,3}}(?P<pmyw>{yw})                    # May nineteen ninety
                               |{of_yy}                                     # April of '87
                               |\s{{1,3}}(?:of\s{{1,3}})?(?P<pmrel>{rel3})\s{{1,3}}year\b)?
            (?!\s{{1,3}}[0-3]?\d(?:st|nd|rd|th)?\b)                 # a day follows: R_date
          | (?:(?P<psthe>the)\s{{1,3}})?(?P<psea>{season})
            (?:\s{{1,3}}(?:of\s{{1,3}})?(?:(?P<psy>\d{{4}})(?![\d-])
                                     |(?P<psrel>{rel3})\s{{1,3}}year\b))?
          | (?P<pdec>(?:1[0-9]|20)\d0)(?:\ )?s\b                   # the 1990s, "1990 s"
          | ['’](?P<pdec2>\d0)s\b
          | (?<=\b[Tt]he\s)(?P<pdec3>[1-9]0)s\b                  # the 70s (not "in their 70s")
          | (?<=\d0s\s{{1,3}}(?:and|or|to|through)\s{{1,3}})
            (?P<pdec4>\d0)s\b                                   # the 70s and 80s
          | (?P<pymy>\d{{4}})\s{{1,3}}(?P<pymon>{month_lower})      # 2017 april.
            (?=\s{{0,3}}(?:[.,;:!?)]|$))
          | (?P<pyear>\d{{4}})(?![\d])(?![-/]\d)(?!s\b)
        )
      )
    | (?P<R_wdnth>                                            # Tuesday the 11th
        (?P<wdn>{wday_full}),?\s{{1,3}}(?:the\s{{1,3}})?
        (?P<wnd>[0-3]?\d(?:st|nd|rd|th)|(?&ordinal))
        (?=\s{{0,3}}(?:[,.;:!?)"”]|$|and\b|or\b|at\b|in\b|when\b))
      )
    | (?P<R_wdabbr>                                           # Mon 13th (its head: the day)
        (?P<wdn>{wday_abbr})\.?,?\s{{1,3}}(?P<wnd>[0-3]?\d(?:st|nd|rd|th))
        (?=\s{{0,3}}(?:[,.;:!?)"”]|$|and\b|or\b|at\b|in\b|when\b))
      )
    | (?P<R_wday>                                             # (on) Monday (night)
        (?P<wdb>{wday_full})(?P<wposs>['’]s)?(?:\s{{1,3}}(?P<wpart>{alt(PARTS_OF_DAY)})\b)?
      )
    | (?P<R_ordday>                                           # on the 28th
        (?<=\b(?:[Oo]n|[Bb]y|until|since|from|before|after)\s{{1,3}})
        (?:the\s{{1,3}}|(?<=\b[Oo]n\s)(?=[0-3]?\d(?:st|nd|rd|th)\s[-–]\s))  # "on 29th - meet"
        (?P<oday>[0-3]?\d)(?:st|nd|rd|th)
        (?=\s{{0,3}}(?:[,.;:!?)]|$|and\b|or\b|[-–]\s))
      )
    """
    parts = regex.split(r"\n    \| (?=\(\?P<R_)", body.strip("\n"))
    return {part[part.index("<") + 1:part.index(">")]: part for part in parts}


RULE_NAMES = (
    "R_date", "R_iso", "R_num", "R_mdate", "R_ym", "R_md", "R_time", "R_quarter", "R_qcode", "R_same", "R_weekof",
    "R_rel", "R_the", "R_cent", "R_dayword", "R_set", "R_nth", "R_dur", "R_vague", "R_hol",
    "R_yword", "R_yrange", "R_period", "R_wdnth", "R_wdabbr", "R_wday",
    "R_ordday", "R_dayrel", "R_weekend",
)
# Which rules can contain a head of each class (the order of RULE_NAMES is kept: first wins).
HEAD_RULES = {
    "digit": ("R_date", "R_iso", "R_num", "R_mdate", "R_ym", "R_md", "R_time", "R_qcode",
              "R_yrange", "R_period", "R_wdabbr", "R_ordday"),
    "code": ("R_qcode",),
    "holiday": ("R_hol",),
    "yword": ("R_yword",),
    "name": ("R_date", "R_mdate", "R_md", "R_set", "R_rel", "R_period", "R_wdnth", "R_wday"),
    "unit": ("R_quarter", "R_same", "R_weekof", "R_rel", "R_the", "R_cent", "R_set", "R_nth",
             "R_dayrel", "R_weekend", "R_dur", "R_vague"),
    "day": ("R_time", "R_dayword", "R_set"),
}


@functools.cache
def rules(head: str) -> regex.Pattern[str]:
    """The grammar for expressions around a head of class ``head`` (see HEAD_RULES), to be
    matched anchored at a candidate start."""
    alts = _alternatives()
    names = [n for n in RULE_NAMES if n in HEAD_RULES[head]]
    # no start inside a word, a code or an amount; after a hyphen only a month's second end
    # ("June-August 1992": two dates, as "from June to August 1992")
    month = alt(lexicon().months)
    start = rf"(?:(?<![\w$£€#@/\\'’-])|(?<=(?<![\w-])(?:{month})[-–])(?=[A-Z]))"
    body = start + "\n(?:\n" + "\n| ".join(alts[n] for n in names) + "\n)(?![\\w])"
    return grammar.compile(body, regex.VERBOSE)

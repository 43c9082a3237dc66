"""Fast paths give the same results as the plain code they replace.

Each speed-up that finds the same thing by a cheaper route is checked here against the plain
version it replaced, on random text rich in the characters that matter: the temporal heads
(decades found through the literal "0s"), lines built on first use, and the noun phrase of a
measure read with fewer words unless an "of ..." complement follows.
"""

from __future__ import annotations

import bisect

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.extract import temporal
from numclaims.extract.time_patterns import head_words, triggers
from numclaims.link import measures
from numclaims.segment import Lines

_SECOND_DECADE = regex.compile(r"\d0s\s{1,3}(?:and|or|to|through)\s{1,3}\Z")


def _plain_heads(text: str) -> list[tuple[int, int, str]]:
    """``temporal.heads`` as it was written first: every trigger scanned with its own pattern."""
    words, digits, decades, codes = triggers()
    classes = head_words()
    found = [(m.start(), m.end(), classes[m.group()]) for m in words.finditer(text)]
    for m in digits.finditer(text):
        s = m.start()
        if s == 0 or not (text[s - 1].isalnum() or text[s - 1] in ".,"):
            found.append((s, m.end(), "digit"))
    for m in decades.finditer(text):
        s = m.start()
        if s > 0 and text[s - 1] in "'’":
            found.append((s - 1, m.end(), "digit"))
        elif s > 3 and text[s - 1].isspace() and text[s - 4:s - 1] in ("the", "The") and (
                s == 4 or not text[s - 5].isalnum()) or _SECOND_DECADE.search(text, max(0, s - 16), s):
            found.append((s, m.end(), "digit"))
    found += [(m.start(), m.end(), "code") for m in codes.finditer(text)
              if m.start() == 0 or not text[m.start() - 1].isalnum()]
    found.sort()
    return found


_PIECES = ["0s", "00s", "90s", "1990s", "'70s", "’80s", "the 70s", "The 60s", "70s and 80s",
           "s", "0", "1", "9", "٣", "٠s", "x", "the", " ", "  ", "\n", "'", "-", ".", ",", "and ",
           "May", "2024", "Q1", "h2", "years", "of", "12,000 troops", "U.S.", "in the", "—"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_heads_match_the_plain_scan(text: str) -> None:
    assert temporal.heads(text) == _plain_heads(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=120))
def test_lazy_lines_place_offsets_as_before(text: str, offset: int) -> None:
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    line = bisect.bisect_right(starts, offset)
    assert Lines(text).at(offset) == (line, offset - starts[line - 1] + 1)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=13))
def test_fewer_words_give_a_prefix_of_the_tokens(text: str, start: int, words: int) -> None:
    start = min(start, len(text))
    short, full = measures._after(text, start, words), measures._after(text, start)
    assert full[:len(short)] == short
    if len(short) < words:  # the list ended (punctuation, or the window ran out): nothing more
        assert short == full

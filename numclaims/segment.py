"""Segmentation: the ``segment`` step of the pipeline, one definition of sentences and of lines.

Lives here: ``Sentences`` (where each sentence of a text starts, with look-ups by offset) and
``split_sentences``; ``Lines`` (the 1-based line and column of an offset, as findings, reporters and
suppression comments count them). Checks reach a document's sentences through
``Context.sentences``, built once per document; the linkers (``numclaims.link``) take them from
there, so "the same sentence" means the same thing to every check. Does not live here: clauses or
any other unit smaller than a sentence (each check reads its own window), and markup (offsets are
into the text as given).

How: one compiled pattern, scanned once over the whole text; look-ups are bisections.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

# A sentence ends at . ! ? (optionally closed by up to two quotes or brackets) before whitespace
# and a capital, digit or opening quote, except after an initial ("U.S.") or a common
# abbreviation ("Mr.", "Oct."); or at a blank line. A single line break does not end a sentence:
# hard-wrapped prose would otherwise be cut mid-sentence, and figures a writer contrasts within one
# sentence would be compared as if restated.
_SENTENCE_END = regex.compile(
    r"""
      (?<! \b\p{Lu} ) (?<! \b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|No|Jan|Feb|Mar|Apr
                              |Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|Jr|Sr|Prof) )
      [.!?] ["'”’)\]]{0,2} \s+ (?= ["'“‘(]? [\p{Lu}\d] )
    | \n\s*\n
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class Sentences:
    """The sentences of one text: ``starts`` (ascending, the first is 0) and the text's length."""

    starts: list[int]
    length: int

    def index(self, pos: int) -> int:
        """The number of the sentence holding offset ``pos`` (0 for the first)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts."""
        return self.starts[self.index(pos)]

    def span(self, pos: int) -> tuple[int, int]:
        """Start and end (exclusive) of the sentence holding ``pos``."""
        return self.span_of(self.index(pos))

    def span_of(self, index: int) -> tuple[int, int]:
        """Start and end (exclusive) of sentence number ``index``."""
        nxt = index + 1
        return self.starts[index], self.starts[nxt] if nxt < len(self.starts) else self.length


def split_sentences(text: str) -> Sentences:
    """The sentences of ``text``."""
    return Sentences([0, *(m.end() for m in _SENTENCE_END.finditer(text))], len(text))


_NEWLINE = regex.compile(r"\n")


class Lines:
    """Where each line of a text starts; ``at`` gives the 1-based line and column (in characters)
    of an offset. A line ends after its ``\n``."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each line starts; scanned on the first look-up (``check`` makes a Lines for
        every document, and most documents have no finding to place)."""
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _NEWLINE.finditer(self._text))]
        return self._starts

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``, both counted from 1."""
        starts = self.starts
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

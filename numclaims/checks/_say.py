"""Wording shared by every check's message: words quoted from the text set inside a sentence.

Lives here: ``in_sentence`` (a capital that only marks the start of the text's sentence goes).
Not here: figures (``_numeric.fmt``, ``_numeric.plural_unit``) or dates (``_temporal.fmt_days``),
which belong to their families' helpers. The leading underscore keeps this module out of the
check families.
"""

from __future__ import annotations


def in_sentence(words: str) -> str:
    """Words quoted from the text, written to stand inside a message: a capital that only marks
    the start of the text's sentence goes ("The strike" -> "the strike", "About 3,000" ->
    "about 3,000"); a name keeps it ("Kim Jong Un", "North Korea's army")."""
    first = words.split(" ", 1)[0]
    if first.lower() in _SENTENCE_STARTS and first[:1].isupper() and first[1:].islower():
        return words[:1].lower() + words[1:]
    return words


# Words capitalized only because a sentence starts with them: determiners, hedges, number words.
_SENTENCE_STARTS = frozenset(["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "some", "about", "around", "roughly", "nearly", "almost", "approximately", "over", "under", "more", "less", "fewer", "up", "at", "only", "just", "another", "each", "every", "all", "both", "several", "many", "most", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands", "millions", "dozens", "half"])

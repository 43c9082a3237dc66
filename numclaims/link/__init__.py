"""Linking: what a figure is about.

A figure alone cannot contradict anything; "nearly two years ago" only becomes checkable once we know
it dates the start of "the war", and "the war" is the fact-sheet event that began on 2022-02-24.
Linking attaches mentions to what they measure:

- ``events`` (here): which event a date, duration or relative expression is about ("the war which
  started nearly two years ago", "an incursion that began last summer", "Kim Jong Un, 40,", "the
  three-year-old war"), matched to other mentions in the text and to fact-sheet names and aliases;
  and which pairs of temporal mentions are said to denote the same time ("in 2015, nine years ago")
  or to come in an order ("in 2019, after talks began in 2021").
- ``phrases``: the patterns and word lists ``events`` matches with (cue verbs, noun phrases,
  fact-sheet names), built once from ``data/temporal_checks.toml``.
- ``measures``: which quantity a number counts, for comparing figures.

Links are computed once per document through ``Context.shared`` and read by the checks; both
linkers work within the sentences of ``numclaims.segment`` (``Context.sentences``). Nothing in this
package judges a claim.
"""

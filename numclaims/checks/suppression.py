"""The rule ``unused-suppression``: its registration and documentation.

The work is done after every other rule has run, by ``numclaims.suppress`` (a suppression comment
can only be judged once the findings it might silence are known); this check itself yields nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .registry import Context, Flag, register


@register("X100", "unused-suppression", severity="info")
def unused_suppression(ctx: Context) -> Iterable[Flag]:
    """What it flags: a ``numclaims: ignore[...]`` comment that silences nothing on its line: the rule it names found nothing there, or the name is no rule at all.
    Why it matters: a stale suppression hides the next real error on that line, and a misspelt one silences nothing while looking as if it did.
    Example: The vote is on Tuesday. <!-- numclaims: ignore[weekday-mismatch] -->
    The vote is on Tuesday. # numclaims: ignore[no-such-rule]
    Not flagged: To silence a rule, write numclaims: ignore[weekday-mismatch] in a comment on the line.
    Limitations: a directive silences findings that start on its own line only; a rule left out by --select or --ignore is not judged, since it did not run.
    """
    return ()

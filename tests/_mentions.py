"""Hand-built mentions for tests that must not depend on the extractors.

``mk(text, sub, kind)`` is a Mention of the ``nth`` occurrence of ``sub`` in ``text`` (exact span);
``day(text, sub, date)`` a one-day date mention. Test modules build their own shapes on top.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from numclaims.models import Mention


def mk(text: str, sub: str, kind: str, nth: int = 0, **kw: Any) -> Mention:
    """A mention of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(kind=kind, start=start, end=start + len(sub), text=sub, **kw)  # type: ignore[arg-type]


def day(text: str, sub: str, d: dt.date, **kw: Any) -> Mention:
    """A date mention of one day."""
    return mk(text, sub, "date", timex=d.isoformat(), date_start=d, date_end=d, **kw)

"""Dates, durations, times and sets (placeholder until the extractor lands)."""

from __future__ import annotations

import datetime as dt

from ..models import Mention


def scan(text: str, published: dt.date | None) -> list[Mention]:
    return []

"""Numbers, ordinals, percents, quantities and money (placeholder until the extractor lands)."""

from __future__ import annotations

from ..models import Mention


def scan(text: str) -> list[Mention]:
    return []

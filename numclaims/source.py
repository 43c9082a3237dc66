"""The document around the text: its publication date, read from an argument or from the text itself.

Lives here: coercing a user-given ``published`` value, and finding the date a document states about
itself (a first line ``date YYYY-MM-DD``, YAML front matter, an HTML ``<meta>`` date, a dateline).
Does not live here: dates inside the prose (``numclaims.extract.temporal``).
"""

from __future__ import annotations

import datetime as dt

import regex

from .errors import InputError

_FIRST_LINE = regex.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")


def coerce_published(value: object) -> dt.date | None:
    """A ``published`` argument as a date: a date, a datetime, an ISO string or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                f"published: {value!r} is not a date; give YYYY-MM-DD, e.g. 2024-11-05"
            ) from None
    raise TypeError(
        f"published must be a datetime.date, an ISO date string or None, not {type(value).__name__}"
    )


def detect_published(text: str) -> tuple[dt.date | None, str | None]:
    """The date a document states about itself, and where it was found; (None, None) if none."""
    m = _FIRST_LINE.match(text)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1)), "first-line"
        except ValueError:
            pass
    return None, None

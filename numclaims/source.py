"""The document around the text: its publication date, read from an argument or from the text itself.

Lives here: coercing a user-given ``published`` value, and finding the date a document states about
itself (a first line ``date YYYY-MM-DD``, YAML front matter, an HTML ``<meta>`` date, a dateline).
Does not live here: dates inside the prose (``numclaims.extract.temporal``).

Only the head of the document is searched (``_HEAD`` characters), so detection costs the same on
any length of text; every pattern is bounded, so no input can make it backtrack for long.
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

from .errors import InputError

_HEAD = 20_000  # how far into a document its own date is looked for

_FIRST_LINE = regex.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")

# YAML front matter: a first line "---", then at most 200 lines, then a closing "---" or "...".
_FRONT = regex.compile(r"\A\ufeff?---[ \t]*\r?\n((?:[^\n]*\n){0,200}?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_FRONT_DATE = regex.compile(
    r"""^[ \t]{0,4}(?:date|published|pubdate|publish_?date|date_?published|published_?(?:at|on))
        [ \t]*:[ \t]*['"]?(\d{4}-\d{2}-\d{2})""",
    regex.MULTILINE | regex.IGNORECASE | regex.VERBOSE,
)

# HTML <meta> tags naming a publication date, in either attribute order.
_META = regex.compile(r"<meta\b[^<>]{0,600}>", regex.IGNORECASE)
_META_NAME = regex.compile(
    r"""\b(?:name|property|itemprop|http-equiv)\s*=\s*["']?
        (?:article:published_time|og:published_time|datePublished|date|pubdate|publishdate
          |publish[-_]date|dc\.date(?:\.issued|\.created)?|dcterms\.(?:date|issued|created)
          |sailthru\.date|parsely-pub-date|article\.published|original-publish-date)["'\s/>]""",
    regex.IGNORECASE | regex.VERBOSE,
)
_META_CONTENT = regex.compile(
    r"""\b(?:content|datetime)\s*=\s*["']?\s*(\d{4}-\d{2}-\d{2})""", regex.IGNORECASE
)


@functools.cache
def _dateline() -> regex.Pattern[str]:
    """A dateline near the top: "WASHINGTON (AP) — March 22, 2013", or a line that is only a
    date ("March 01, 2008"). Month names come from data/time.toml."""
    from .calendar import time_data

    months = sorted(time_data()["months"], key=len, reverse=True)
    return regex.compile(
        r"""
        ^[ \t]{0,8}
        (?:
            (?P<place>[A-Z][A-Za-z.'\- ]{1,40}(?:,[ \t]?[A-Z][A-Za-z.' ]{1,30})?  # PLACE, region
            [ \t]{0,3}(?:\([^()\n]{1,30}\)[ \t]{0,3})?                        # (AP)
            (?:—|–|--?|:)[ \t]{0,3})                                           # dash
        )?
        (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]{1,3})?
        (?P<month>\L<months>)[ \t]{1,3}(?P<day>\d{1,2}),[ \t]{0,3}(?P<year>\d{4})\b
        (?(place)|[ \t]*(?:$|—|–|--?[ \t]))     # a bare date must end its line or a dash follow
        """,
        regex.MULTILINE | regex.VERBOSE,
        months=months,
    )


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


def _iso(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def detect_published(text: str) -> tuple[dt.date | None, str | None]:
    """The date a document states about itself, and where it was found; (None, None) if none.

    Looked for in this order: a first line ``date YYYY-MM-DD`` ('first-line'), YAML front matter
    ``date:`` ('front-matter'), an HTML ``<meta>`` publication date ('meta'), a dateline in the
    first lines ('dateline'). An impossible date is skipped, not guessed around.
    """
    head = text[:_HEAD]
    m = _FIRST_LINE.match(head)
    if m and (d := _iso(m.group(1))):
        return d, "first-line"
    fm = _FRONT.match(head)
    if fm:
        for dm in _FRONT_DATE.finditer(fm.group(1)):
            if d := _iso(dm.group(1)):
                return d, "front-matter"
    for tag in _META.finditer(head):
        cm = _META_CONTENT.search(tag.group()) if _META_NAME.search(tag.group()) else None
        if cm and (d := _iso(cm.group(1))):
            return d, "meta"
    return _detect_dateline(head)


def _detect_dateline(head: str) -> tuple[dt.date | None, str | None]:
    from .calendar import time_data

    months = time_data()["months"]
    # A dateline sits in the first few lines (after the headline); look no further than that.
    top = "\n".join(head[:2000].split("\n", 6)[:6])
    for m in _dateline().finditer(top):
        try:
            d = dt.date(int(m["year"]), months[m["month"]], int(m["day"]))
        except ValueError:
            continue
        return d, "dateline"
    return None, None

"""The records the format readers hand back to the corpus reader, and field helpers they share.

A reader (text, JSONL, HTML, feed) takes one file's bytes and returns a :class:`FileRead`: the
articles it found (each with where it came from) and the records it skipped, or raises
:class:`Refused` when the whole file is unusable. Readers never log: the corpus reader does.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from email.utils import parsedate_tz
from urllib.parse import urlsplit

from briefbot.types import Article


class Refused(Exception):
    """A file (or one record in it) is not a usable article; the message says why."""


@dataclass(frozen=True)
class Skipped:
    """A file, or one record of a file, that was not indexed, and why."""

    path: str = field(metadata={"doc": "The file (with ' line N' / ' entry N' for one record of it)."})
    reason: str
    kind: str = field(default="unusable",
                      metadata={"doc": "binary | empty | duplicate | bad record | unreadable | not a feed"})


@dataclass(frozen=True)
class FileRead:
    """What one file gave: (article, origin) pairs, and the records of it that were skipped."""

    found: list[tuple[Article, str]]
    skipped: list[Skipped] = field(default_factory=list)


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?")


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) from an ISO string, an RFC 822 date or a ``time.struct_time``.

    Anything else that is a non-empty string is kept as written (never guessed); empty gives None.
    """
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    parsed = parsedate_tz(value)
    if parsed is not None:  # the date as the outlet wrote it, in its own time zone
        return f"{parsed[0]:04d}-{parsed[1]:02d}-{parsed[2]:02d}"
    return value.strip()


def outlet_from_url(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``: the outlet when the page names none."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def with_headline(title: str, body: str) -> str:
    """The article text as a .txt file holds it: the headline on the first line, then the body."""
    if not title or body.lstrip().startswith(title):
        return body
    return f"{title}\n\n{body}"

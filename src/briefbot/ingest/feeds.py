"""Reading RSS / Atom feed files (``.rss``, ``.atom``, ``.xml`` that parse as a feed) through feedparser.

One article per entry: title, link, published date, and the entry's full content (else its summary),
turned from HTML into plain text. The outlet is the feed's title (else the host of its link). An
entry's id is the file stem plus a short hash of its link (else its guid, else its position), so it
stays the same when the feed file is re-downloaded with newer entries on top.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from briefbot.ingest.clean import clean_line, clean_text, html_to_text
from briefbot.ingest.reading import FileRead, Refused, Skipped, iso_date, outlet_from_url, with_headline
from briefbot.types import Article

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _as_text(value: str, content_type: str | None) -> str:
    return html_to_text(value) if (content_type or "text/html") in _HTML_TYPES else value


def _entry_text(entry) -> str:
    """The longest of the entry's contents, else its summary, as plain text."""
    candidates = [(c.get("value") or "", c.get("type")) for c in entry.get("content") or []]
    texts = [_as_text(value, kind) for value, kind in candidates if value.strip()]
    if not texts and entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        texts = [_as_text(entry["summary"], detail.get("type"))]
    return max(texts, key=len, default="")


def _entry_id(stem: str, entry, position: int) -> str:
    key = entry.get("link") or entry.get("id")
    if not key:
        return f"{stem}-{position}"
    return f"{stem}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


def _published(entry) -> str | None:
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return iso_date(entry[key])
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            return iso_date(entry[key])
    return None


def parse_feed(data: bytes):
    """feedparser's result for ``data``, or None when it is not an RSS/Atom/RDF feed."""
    import feedparser  # imported on first use

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches anything
    return parsed if parsed.get("version") else None


def read_feed_file(path: Path, data: bytes) -> FileRead:
    """One article per entry of a feed file; entries with no text are skipped records."""
    parsed = parse_feed(data)
    if parsed is None:
        raise Refused("not an RSS or Atom feed (feedparser found no feed in it)")
    feed = parsed.feed
    source = clean_line(feed.get("title") or "") or outlet_from_url(feed.get("link"))
    found: list[tuple[Article, str]] = []
    skipped: list[Skipped] = []
    for position, entry in enumerate(parsed.entries, start=1):
        origin = f"{path} entry {position}"
        title_detail = entry.get("title_detail") or {}
        title = clean_line(_as_text(entry.get("title") or "", title_detail.get("type") or "text/plain"))
        body = clean_text(_entry_text(entry))
        if not body.strip():
            skipped.append(Skipped(origin, f"entry {title[:60]!r} has no text (no content or summary)", "empty"))
            continue
        title = title or body.split("\n", 1)[0][:120]
        article = Article(
            id=_entry_id(path.stem, entry, position),
            title=title,
            text=with_headline(title, body),
            url=entry.get("link") or None,
            published=_published(entry),
            source=source or None,
            author=clean_line(entry.get("author") or "") or None,
            source_path=str(path),
        )
        found.append((article, origin))
    if not found:
        reason = "the feed has no entries" if not parsed.entries else "no entry of the feed has any text"
        raise Refused(reason)
    return FileRead(found=found, skipped=skipped)

"""Reading saved web pages (``.html`` / ``.htm``) through trafilatura: the article, not the page.

trafilatura keeps the main text (no navigation, ads, related links or comments) and reads the page's
metadata: title, author, site name (``og:site_name``), canonical URL and publication date
(``article:published_time``, JSON-LD, ...). A page saved by a browser, or by ``briefbot fetch``, may
carry a ``<!-- saved from url=(NNNN)https://... -->`` comment: its URL is used when the page names
no canonical URL. id = file stem; text = the headline, a blank line, then the main text.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from briefbot.ingest.clean import clean_line, clean_text
from briefbot.ingest.reading import FileRead, Refused, iso_date, outlet_from_url, with_headline
from briefbot.ingest.text import title_from
from briefbot.types import Article

HTML_SUFFIXES = (".html", ".htm")
_DOCTYPE = re.compile(rb"\s*<!doctype[^>]*>", re.IGNORECASE)
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def saved_from_url(data: bytes) -> str | None:
    """The URL of a ``<!-- saved from url=(NNNN)URL -->`` mark near the top of a saved page."""
    match = _SAVED_FROM.search(data[:4096])
    if not match:
        return None
    url = match.group(1).decode("ascii", "replace")
    return url if url.startswith(("http://", "https://")) else None


def mark_saved_from(data: bytes, url: str) -> bytes:
    """``data`` with a saved-from mark naming ``url`` first (the convention browsers use)."""
    if saved_from_url(data):
        return data
    url = quote(url, safe=":/?#[]@!$&'()*+,;=%~")  # no space, "<", ">" or non-ASCII: the comment stays shut
    mark = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode("ascii")
    doctype = _DOCTYPE.match(data)
    if doctype:  # after the doctype, as browsers do: before it would put the page in quirks mode
        return data[: doctype.end()] + b"\n" + mark + data[doctype.end():].lstrip(b"\r\n")
    return mark + data


def _extract(data: bytes, url: str | None) -> dict:
    import trafilatura  # imported on first use: loading lxml & co. costs ~0.3 s

    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, favor_precision=True,
    )
    if document is None:
        return {}
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def read_html_file(path: Path, data: bytes) -> FileRead:
    """One article from a saved web page; refused when trafilatura finds no main text in it."""
    saved_url = saved_from_url(data)
    found = _extract(data, saved_url)
    body = clean_text(found.get("text") or "")
    if not body.strip():
        raise Refused("no article text found in the page (trafilatura extracted nothing)")
    title = clean_line(found.get("title") or "") or title_from(body)
    url = found.get("url") or saved_url
    if url and not url.startswith(("http://", "https://")):
        url = saved_url
    source = clean_line(found.get("sitename") or "") or outlet_from_url(url)
    article = Article(
        id=path.stem,
        title=title,
        text=with_headline(title, body),
        url=url,
        published=iso_date(found.get("date")),
        source=source or None,
        author=clean_line(found.get("author") or "") or None,
        source_path=str(path),
    )
    return FileRead(found=[(article, str(path))])

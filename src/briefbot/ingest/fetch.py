"""``briefbot fetch``: download web pages or feeds into the corpus folder, on the user's explicit command.

Nothing else in briefbot touches the network. A download has a timeout (per connection and for the
whole body), a size limit (streamed, refused beyond), and a user agent naming briefbot. The file
extension comes from the response (content type, then the body's first bytes): ``.html`` for pages,
``.rss`` / ``.atom`` for feeds, ``.txt`` for plain text; anything else is refused. The file name comes
from the URL; an existing file with other content is never overwritten unless asked. A page gets the
browsers' ``<!-- saved from url=... -->`` mark so that its URL is known when it is read.
"""

from __future__ import annotations

import hashlib
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from briefbot import __version__
from briefbot.errors import FetchError
from briefbot.ingest.html import mark_saved_from

USER_AGENT = f"briefbot/{__version__} (offline news question answering; one download on its user's command)"
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """One saved download: where it went, what it was, and whether the file already held it."""

    url: str
    path: Path
    kind: str  # "page" | "feed" | "text"
    size: int
    unchanged: bool = False


def _kind(content_type: str, head: bytes) -> tuple[str, str] | None:
    """(kind, extension) from the content type and the first bytes, or None when neither is usable."""
    ctype = content_type.split(";")[0].strip().lower()
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "page", ".html"
    if ctype in ("application/rss+xml", "application/rdf+xml"):
        return "feed", ".rss"
    if ctype == "application/atom+xml":
        return "feed", ".atom"
    if ctype in ("application/xml", "text/xml", "application/octet-stream", ""):
        if b"<rss" in sniff or b"<rdf:rdf" in sniff:
            return "feed", ".rss"
        if b"<feed" in sniff:
            return "feed", ".atom"
        if sniff.startswith((b"<!doctype html", b"<html")):
            return "page", ".html"
    if ctype == "text/plain":
        return "text", ".txt"
    return None


def file_stem(url: str) -> str:
    """A file name (no extension) from ``url``: host and path as ``[A-Za-z0-9._-]``, hashed when long."""
    parts = urlsplit(url)
    path = re.sub(r"\.(?:html?|php|aspx?|xml|rss|atom)$", "", parts.path.rstrip("/"), flags=re.IGNORECASE)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{(parts.hostname or 'page').removeprefix('www.')}{path}")
    stem = stem.strip("-.") or "page"
    if parts.query or len(stem) > 80:
        stem = f"{stem[:80].rstrip('-.')}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"
    return stem


def _download(url: str, timeout: float, max_bytes: int) -> tuple[str, bytes]:
    """(content type, body) of a GET of ``url``, within ``timeout`` seconds overall and ``max_bytes``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": (
        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,"
        "text/plain;q=0.8")})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url} is {int(length):,} bytes, over the {max_bytes:,}-byte limit: "
                                 "save it by hand if you really want it")
            chunks, size = [], 0
            while chunk := response.read1(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url} is over the {max_bytes:,}-byte limit: stopped reading it")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url} took over {timeout:g} s to download: try again later")
                chunks.append(chunk)
            return response.headers.get("Content-Type", ""), b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url} answered HTTP {exc.code} {exc.reason}: check the address") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{url} did not answer within {timeout:g} s: try again later") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{url} did not answer within {timeout:g} s: try again later") from None
        raise FetchError(f"Cannot reach {url} ({exc.reason}): check the address and the connection") from None


def fetch(url: str, corpus: Path | str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
          overwrite: bool = False) -> Fetched:
    """Download ``url`` (http or https) into the folder ``corpus`` and say where it went."""
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FetchError(f"{url!r} is not an http(s) address: give a full URL such as https://example.com/story")
    content_type, body = _download(url, timeout, max_bytes)
    found = _kind(content_type, body[:4096])
    if found is None:
        raise FetchError(f"{url} is {content_type or 'of unknown type'}, not a web page or an RSS/Atom feed: "
                         "briefbot reads pages, feeds and text")
    if not body.strip():
        raise FetchError(f"{url} sent an empty body: nothing to save")
    kind, suffix = found
    if kind == "page":
        body = mark_saved_from(body, url)
    folder = Path(corpus).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{file_stem(url)}{suffix}"
    if target.exists():
        if target.read_bytes() == body:
            return Fetched(url, target, kind, len(body), unchanged=True)
        if not overwrite:
            raise FetchError(f"{target} already exists with other content: delete it, or fetch with "
                             "--overwrite to replace it")
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(body)
    partial.replace(target)
    return Fetched(url, target, kind, len(body))

"""`briefbot fetch`: downloads into the corpus folder, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefbot.cli import main
from briefbot.errors import BriefbotError
from briefbot.ingest.fetch import USER_AGENT, FetchError, fetch, file_stem

FORMATS = Path(__file__).parent / "data" / "formats"
PAGE = (FORMATS / "council-bridge.html").read_bytes()
RSS = (FORMATS / "harbour-weekly.rss").read_bytes()
ATOM = (FORMATS / "energy-desk.atom").read_bytes()


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/trickle":  # headers at once, then a byte every 0.2 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"<p>x</p>" * 2000)
                self.wfile.flush()
                time.sleep(0.2)
            return
        if self.path == "/chunked-big":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>" + b"y" * 4096 + b"</p>")
            return
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    Handler.routes = {
        "/news/2025/03/council-bridge.html": (200, "text/html; charset=utf-8", PAGE),
        "/feeds/harbour": (200, "application/rss+xml", RSS),
        "/energy.xml": (200, "application/xml", ATOM),
        "/big": (200, "text/html", b"<p>" + b"z" * 50_000 + b"</p>"),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "/slow": (200, "text/html", PAGE),
        "/gone": (410, "text/plain", b"gone"),
    }
    Handler.agents = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_page_into_the_corpus(server: str, tmp_path: Path) -> None:
    url = f"{server}/news/2025/03/council-bridge.html"
    got = fetch(url, tmp_path / "corpus")
    assert got.kind == "page" and got.path.suffix == ".html" and got.path.parent == tmp_path / "corpus"
    assert got.path.name == "127.0.0.1-news-2025-03-council-bridge.html"
    mark = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode()
    assert got.path.read_bytes() == PAGE.replace(b"<!DOCTYPE html>\n", b"<!DOCTYPE html>\n" + mark, 1)
    assert Handler.agents == [USER_AGENT] and USER_AGENT.startswith("briefbot/")


@pytest.mark.parametrize(("path", "suffix"), [("/feeds/harbour", ".rss"), ("/energy.xml", ".atom")])
def test_feeds_get_a_feed_extension(server: str, tmp_path: Path, path: str, suffix: str) -> None:
    got = fetch(server + path, tmp_path)
    assert got.kind == "feed" and got.path.suffix == suffix
    assert got.path.read_bytes() in (RSS, ATOM)


@pytest.mark.parametrize(
    ("path", "kwargs", "needle"),
    [
        ("/missing", {}, "HTTP 404"),
        ("/gone", {}, "HTTP 410"),
        ("/big", {"max_bytes": 10_000}, "over the 10,000-byte limit"),
        ("/chunked-big", {"max_bytes": 100_000}, "over the 100,000-byte limit"),
        ("/slow", {"timeout": 0.5}, "did not answer within 0.5 s"),
        ("/trickle", {"timeout": 1.0}, "took over 1 s"),
        ("/logo.png", {}, "not a web page or an RSS/Atom feed"),
    ],
)
def test_bad_downloads_raise_clear_errors_and_save_nothing(
    server: str, tmp_path: Path, path: str, kwargs: dict, needle: str
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=needle) as info:
        fetch(server + path, tmp_path / "corpus", **kwargs)
    assert isinstance(info.value, BriefbotError)
    assert time.monotonic() - started < 4.5
    assert not (tmp_path / "corpus").exists() or list((tmp_path / "corpus").iterdir()) == []


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "example.com/story", ""])
def test_only_http_addresses(tmp_path: Path, url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetch(url, tmp_path)


def test_never_overwrites_a_different_file(server: str, tmp_path: Path) -> None:
    url = f"{server}/feeds/harbour"
    first = fetch(url, tmp_path)
    assert not first.unchanged
    assert fetch(url, tmp_path).unchanged  # same bytes: nothing to do
    Handler.routes["/feeds/harbour"] = (200, "application/rss+xml", RSS.replace(b"Harbour Weekly", b"Harbour Daily"))
    with pytest.raises(FetchError, match="already exists with other content"):
        fetch(url, tmp_path)
    assert first.path.read_bytes() == RSS
    fetch(url, tmp_path, overwrite=True)
    assert b"Harbour Daily" in first.path.read_bytes()


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        ("https://www.example.com/news/a-story/", "example.com-news-a-story"),
        ("https://example.com/", "example.com"),
        ("https://example.com/feed.xml", "example.com-feed"),
    ],
)
def test_file_stem(url: str, stem: str) -> None:
    assert file_stem(url) == stem


def test_long_or_query_urls_get_distinct_names() -> None:
    a, b = file_stem("https://example.com/story?id=1"), file_stem("https://example.com/story?id=2")
    assert a != b and a.startswith("example.com-story-")
    assert len(file_stem("https://example.com/" + "x" * 500)) <= 90


def test_fetched_page_reads_back_with_its_url(server: str, tmp_path: Path) -> None:
    from briefbot.ingest.corpus import load_corpus

    page = PAGE.replace(b'<link rel="canonical"', b'<link rel="x-not-canonical"')
    Handler.routes["/story"] = (200, "text/html", page)
    fetch(f"{server}/story", tmp_path)
    (art,) = load_corpus(tmp_path)
    assert art.url == f"{server}/story" and art.source == "Riverside Gazette"


def test_cli_fetch(server: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["fetch", f"{server}/feeds/harbour", f"{server}/missing", "--corpus", str(tmp_path / "c")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "/feeds/harbour ->" in out and "(feed, saved" in out
    assert "HTTP 404" in err
    assert [p.suffix for p in (tmp_path / "c").iterdir()] == [".rss"]

"""Corpus loading and cleaning, as tables over files written to ``tmp_path``."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from briefbot.ingest.corpus import clean_text, corpus_fingerprint, load_corpus
from briefbot.errors import CorpusError
from briefbot.types import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_ID = "000_2d08ae7636a3cec9"


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


# --- clean_text -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Para one.\nYour browser does not support iframes.\nPara two.", "Para one.\nPara two."),
        ("A.\nADVERTISEMENT\nB.", "A.\nB."),
        ("A.\n  Advertisement  \nB.", "A.\nB."),
        ("A.\nScroll down for video\nB.", "A.\nB."),
        ("A.\nShare this article\nB.", "A.\nB."),
        ("A.\nClick here to read more\nB.", "A.\nB."),
        ("A.\nSign up for our daily newsletter\nB.", "A.\nB."),
        ("A.\nPlease enable JavaScript to view the comments\nB.", "A.\nB."),
        ("A.\nThis video is not available in your region.\nB.", "A.\nB."),
        ("A.\nWe use cookies to improve your experience.\nB.", "A.\nB."),
        # phrases inside a real sentence are article text and stay
        ("He said advertisement revenue fell.", "He said advertisement revenue fell."),
        ("Readers can click here to donate, he said.", "Readers can click here to donate, he said."),
        # whitespace normalisation
        ("One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."),
        ("Trailing spaces.   \nMore.\t", "Trailing spaces.\nMore."),
        ("A.\n\n\n\n\n\nB.", "A.\n\n\nB."),
        ("A.\n\n\nB.", "A.\n\n\nB."),
        ("\n\nA.\n\n", "A."),
        # everything else byte-for-byte, quotes included
        ("‘Quoted,’ she said. “Double” 'straight' \"dq\" – dash", "‘Quoted,’ she said. “Double” 'straight' \"dq\" – dash"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_is_idempotent_on_seed() -> None:
    raw = (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert "Your browser does not support iframes." in raw
    assert "Your browser does not support iframes." not in cleaned
    assert clean_text(cleaned) == cleaned
    assert len(cleaned.splitlines()) == len(raw.splitlines()) - 1


# --- load_corpus: what loads ---------------------------------------------------------------------------


def test_load_seed_corpus() -> None:
    articles = load_corpus(SEEDS)
    assert [a.id for a in articles] == [SEED_ID]
    (seed,) = articles
    assert seed.title.startswith("Ukraine could be given instant entry to the NATO security alliance")
    assert "iframes" not in seed.text
    assert "Maria Zakharova" in seed.text
    assert seed.source_path == str(SEEDS / f"{SEED_ID}.txt")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"b.txt": "Title B\n\nBody b."}, [("b", "Title B")]),
        ({"a.md": "# Markdown title\n\nBody."}, [("a", "Markdown title")]),
        ({"a.md": "\n\n## Sub title\nBody."}, [("a", "Sub title")]),
        ({"c.txt": "C.", "a.txt": "A.", "b.md": "B."}, [("a", "A."), ("b", "B."), ("c", "C.")]),
        ({"sub/deep/x.txt": "Deep.", "y.txt": "Top."}, [("x", "Deep."), ("y", "Top.")]),
        ({"a.TXT": "Upper suffix."}, [("a", "Upper suffix.")]),
        (
            {"a.txt": "A.", ".hidden.txt": "H.", ".git/h.txt": "G.", "notes.rst": "R.", "x.json": "{}"},
            [("a", "A.")],
        ),
        (
            {"feed.jsonl": jsonl({"id": "j2", "title": "J two", "text": "Two."}, {"id": "j1", "title": "J one", "text": "One."})},
            [("j1", "J one"), ("j2", "J two")],
        ),
        (
            {"feed.jsonl": jsonl({"id": 7, "title": "", "text": "First line\nSecond."}), "z.txt": "Z."},
            [("7", "First line"), ("z", "Z.")],
        ),
    ],
)
def test_load_corpus_ids_and_titles(tmp_path: Path, files: dict[str, str], expected: list[tuple[str, str]]) -> None:
    write(tmp_path, files)
    assert [(a.id, a.title) for a in load_corpus(tmp_path)] == expected


def test_jsonl_optional_fields_and_cleaning(tmp_path: Path) -> None:
    record = {
        "id": "n1",
        "title": "T",
        "text": "Line one.\r\nAdvertisement\r\nLine two.",
        "url": "https://example.com/n1",
        "published": "2025-02-21",
        "author": "  Ana Ruiz ",
    }
    write(tmp_path, {"feed.jsonl": jsonl(record)})
    (art,) = load_corpus(str(tmp_path))
    assert art.text == "Line one.\nLine two."
    assert art.url == "https://example.com/n1"
    assert art.published == "2025-02-21"
    assert art.author == "Ana Ruiz"
    assert art.source_path == str(tmp_path / "feed.jsonl")


def test_single_file_path(tmp_path: Path) -> None:
    write(tmp_path, {"one.txt": "Only one.", "two.txt": "Not loaded."})
    assert [a.id for a in load_corpus(tmp_path / "one.txt")] == ["one"]


def test_load_is_deterministic(tmp_path: Path) -> None:
    write(tmp_path, {f"d{i}/art{9 - i}.txt": f"Article {i}." for i in range(10)})
    first, second = load_corpus(tmp_path), load_corpus(tmp_path)
    assert first == second
    assert [a.id for a in first] == sorted(a.id for a in first)
    assert corpus_fingerprint(first) == corpus_fingerprint(second)


# --- load_corpus: what is skipped with a warning ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "Expecting"),
        ('["a", "list"]', "JSON object"),
        (json.dumps({"title": "T", "text": "X."}), "'id'"),
        (json.dumps({"id": "  ", "title": "T", "text": "X."}), "'id'"),
        (json.dumps({"id": "x", "text": "X."}), "'title'"),
        (json.dumps({"id": "x", "title": 3, "text": "X."}), "'title'"),
        (json.dumps({"id": "x", "title": "T", "text": None}), "'text'"),
        (json.dumps({"id": "x", "title": "T", "text": "   "}), "'text'"),
        (json.dumps({"id": "x", "title": "T", "text": "X.", "url": 5}), "'url'"),
    ],
)
def test_bad_jsonl_line_is_skipped_with_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, line: str, reason: str
) -> None:
    good = json.dumps({"id": "ok", "title": "T", "text": "Fine."})
    write(tmp_path, {"feed.jsonl": f"{good}\n\n{line}\n"})
    with caplog.at_level(logging.WARNING, logger="briefbot.ingest.corpus"):
        articles = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["ok"]
    messages = [r.getMessage() for r in caplog.records]
    assert any("feed.jsonl" in m and "line 3" in m and reason in m for m in messages), messages


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", ""),
        ("blank.md", "\n  \n\t\n"),
        ("only_boilerplate.txt", "Advertisement\nShare this article\n"),
        ("empty.jsonl", "\n\n"),
    ],
)
def test_empty_files_are_skipped_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, content: str
) -> None:
    write(tmp_path, {name: content, "good.txt": "Good."})
    with caplog.at_level(logging.WARNING, logger="briefbot.ingest.corpus"):
        articles = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert any(name in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("data", "expected_text", "warns"),
    [
        ("Plain ‘utf-8’ text.".encode(), "Plain ‘utf-8’ text.", False),
        (b"\xef\xbb\xbf" + "With BOM ‘quote’.".encode(), "With BOM ‘quote’.", False),
        ("Windows ‘quotes’ and caf\u00e9.".encode("cp1252"), "Windows ‘quotes’ and caf\u00e9.", True),
        (b"Latin-1 only byte \x81 here.", "Latin-1 only byte \x81 here.", True),
    ],
)
def test_encodings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, data: bytes, expected_text: str, warns: bool
) -> None:
    write(tmp_path, {"enc.txt": data})
    with caplog.at_level(logging.WARNING, logger="briefbot.ingest.corpus"):
        (art,) = load_corpus(tmp_path)
    assert art.text == expected_text
    assert art.title == expected_text
    assert any("enc.txt" in r.getMessage() and "UTF-8" in r.getMessage() for r in caplog.records) is warns


def test_unreadable_file_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"locked.txt": "Secret.", "open.txt": "Open."})
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with caplog.at_level(logging.WARNING, logger="briefbot.ingest.corpus"):
        articles = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["open"]
    assert any("locked.txt" in r.getMessage() and "Permission denied" in r.getMessage() for r in caplog.records)


# --- load_corpus: what is an error --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "first", "second"),
    [
        ({"x/dup.txt": "One.", "y/dup.md": "Two."}, "dup.txt", "dup.md"),
        ({"dup.txt": "One.", "feed.jsonl": jsonl({"id": "dup", "title": "T", "text": "Two."})}, "dup.txt", "feed.jsonl line 1"),
        (
            {"feed.jsonl": jsonl({"id": "d", "title": "T", "text": "1."}, {"id": "d", "title": "T", "text": "2."})},
            "feed.jsonl line 1",
            "feed.jsonl line 2",
        ),
    ],
)
def test_duplicate_ids_name_both_files(tmp_path: Path, files: dict[str, str], first: str, second: str) -> None:
    write(tmp_path, files)
    with pytest.raises(CorpusError, match="Duplicate article id") as info:
        load_corpus(tmp_path)
    assert first in str(info.value)
    assert second in str(info.value)


@pytest.mark.parametrize(
    ("files", "target", "needle"),
    [
        ({}, "missing", "does not exist"),
        ({}, ".", "No usable article"),
        ({"notes.rst": "Not an article.", ".hidden.txt": "Hidden."}, ".", "No usable article"),
        ({"empty.txt": "", "bad.jsonl": "{oops\n"}, ".", "2 candidate file(s)"),
        ({"notes.rst": "R."}, "notes.rst", "not a .txt, .md, .jsonl, .html/.htm or .rss/.atom/.xml file"),
        ({"empty.txt": ""}, "empty.txt", "No usable article in file"),
    ],
)
def test_corpus_errors_say_what_to_do(tmp_path: Path, files: dict[str, str], target: str, needle: str) -> None:
    write(tmp_path, files)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path / target)
    message = str(info.value)
    assert needle in message
    assert ".txt" in message and ".jsonl" in message


# --- corpus_fingerprint -------------------------------------------------------------------------------


def _art(article_id: str = "a", title: str = "T", text: str = "X.", **extra: str) -> Article:
    return Article(id=article_id, title=title, text=text, **extra)


def test_fingerprint_is_order_independent_hex() -> None:
    a, b = _art("a"), _art("b", text="Y.")
    fingerprint = corpus_fingerprint([a, b])
    assert fingerprint == corpus_fingerprint([b, a])
    assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0


@pytest.mark.parametrize(
    "changed",
    [_art("a2"), _art(title="T2"), _art(text="X. "), _art(text="X!")],
)
def test_fingerprint_changes_with_id_title_text(changed: Article) -> None:
    assert corpus_fingerprint([changed]) != corpus_fingerprint([_art()])


@pytest.mark.parametrize("metadata", [{"url": "https://x"}, {"published": "2025-01-02"}, {"source": "Gazette"}])
def test_fingerprint_changes_with_what_citations_show(metadata: dict[str, str]) -> None:
    assert corpus_fingerprint([_art(**metadata)]) != corpus_fingerprint([_art()])


def test_fingerprint_ignores_where_the_file_is() -> None:
    assert corpus_fingerprint([_art(source_path="/a/x.txt")]) == corpus_fingerprint([_art(source_path="/b/x.txt")])


def test_fingerprint_is_not_fooled_by_field_boundaries() -> None:
    assert corpus_fingerprint([_art("a", "bc", "d")]) != corpus_fingerprint([_art("ab", "c", "d")])

"""Load a corpus of news articles (.txt, .md, .jsonl) and clean page boilerplate out of them.

* ``.txt`` / ``.md``: one article per file; id = file stem; title = first non-empty line (a leading
  markdown ``#`` is stripped); text = the whole file, cleaned.
* ``.jsonl``: one article per line with ``id``, ``title``, ``text`` and optional ``url``, ``published``.
  A bad line is skipped with a warning naming the file and line number.

A directory is searched recursively; hidden files and directories and other extensions are ignored.
Unreadable or empty files are skipped with a warning; they never crash a build. Duplicate ids, a
missing directory or a directory with no usable article raise :class:`CorpusError`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from briefbot.errors import CorpusError
from briefbot.types import Article

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".jsonl")
_HINT = "put .txt, .md or .jsonl files in it (one article per .txt/.md file, one per .jsonl line)"

# Whole lines (case-insensitive, surrounding whitespace ignored) that are page furniture, not article
# text. Keep this list small: every pattern must be something no reporter writes as a full line.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"your browser does not support iframes\.?",
    r"advertisement\.?",
    r"scroll down for (?:the )?video\.?",
    r"share (?:or comment on )?this article:?",
    r"click here (?:to|for) .*",
    r"sign up (?:for|to) .*newsletters?.*",
    r"(?:please )?enable javascript.*",
    r"javascript is (?:disabled|required).*",
    r"this video is (?:not|no longer) available.*",
    r"(?:we|this (?:web)?site) uses? cookies\b.*",
)
_BOILERPLATE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_PATTERNS) + r")\s*$", re.IGNORECASE)


def clean_text(text: str) -> str:
    """Remove boilerplate lines; normalise newlines and trailing spaces; keep all else verbatim.

    ``\\r\\n`` and ``\\r`` become ``\\n``, trailing whitespace is stripped from every line, a boilerplate
    line is removed entirely (it does not leave a blank line behind), 3+ blank lines collapse to 2,
    and blank lines at the start and end are dropped. Quotes and all other characters are unchanged.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n") if not _BOILERPLATE.match(line)]
    cleaned = "\n".join(lines)
    cleaned = re.sub(r"\n{4,}", "\n\n\n", cleaned)
    return cleaned.strip("\n")


def corpus_fingerprint(articles: Iterable[Article]) -> str:
    """Hex sha256 over the ids, titles and texts of ``articles`` (order does not matter)."""
    rows = sorted((a.id, a.title, a.text) for a in articles)
    payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _read_text(path: Path) -> str | None:
    """The file's text, or None (with a warning) when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        logger.warning("Skipping %s: cannot read it (%s)", path, exc.strerror or exc)
        return None
    try:
        return data.decode("utf-8-sig")  # UTF-8, with or without a byte-order mark
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    logger.warning("%s is not valid UTF-8; read it as %s: save it as UTF-8 to be sure", path, encoding)
    return text


def _title_from(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


def _load_text_file(path: Path) -> list[Article]:
    raw = _read_text(path)
    if raw is None:
        return []
    text = clean_text(raw)
    if not text.strip():
        logger.warning("Skipping %s: the file is empty (or holds only page boilerplate)", path)
        return []
    return [Article(id=path.stem, title=_title_from(text), text=text, source_path=str(path))]


def _optional_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} must be a string, got {type(value).__name__}")
    return value


def _parse_jsonl_line(line: str, path: Path) -> Article:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    article_id = record.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise ValueError("field 'id' must be a non-empty string")
    title = record.get("title")
    if not isinstance(title, str):
        raise ValueError("field 'title' must be a string")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("field 'text' must be a string")
    text = clean_text(text)
    if not text.strip():
        raise ValueError("field 'text' is empty")
    return Article(
        id=article_id.strip(),
        title=title.strip() or _title_from(text),
        text=text,
        url=_optional_str(record, "url"),
        published=_optional_str(record, "published"),
        source_path=str(path),
    )


def _load_jsonl_file(path: Path) -> list[tuple[Article, str]]:
    raw = _read_text(path)
    if raw is None:
        return []
    found: list[tuple[Article, str]] = []
    for number, line in enumerate(raw.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            article = _parse_jsonl_line(line, path)
        except (ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
            logger.warning("Skipping %s line %d: %s", path, number, exc)
            continue
        found.append((article, f"{path} line {number}"))
    if not found:
        logger.warning("Skipping %s: no usable article in it", path)
    return found


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _corpus_files(root: Path) -> list[Path]:
    if root.is_file():
        if root.suffix.lower() not in SUFFIXES:
            raise CorpusError(
                f"{root} is not a .txt, .md or .jsonl file: point to a corpus directory or such a file"
            )
        return [root]
    if not root.is_dir():
        raise CorpusError(f"Corpus directory {root} does not exist: create it and {_HINT}")
    files = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in SUFFIXES and not _is_hidden(p, root) and p.is_file()
    ]
    return sorted(files)


def load_corpus(path: Path | str) -> list[Article]:
    """Load every article under ``path`` (a directory, searched recursively, or one file), sorted by id."""
    root = Path(path).expanduser()
    files = _corpus_files(root)
    origins: dict[str, str] = {}
    articles: list[Article] = []
    for file in files:
        if file.suffix.lower() == ".jsonl":
            loaded = _load_jsonl_file(file)
        else:
            loaded = [(a, str(file)) for a in _load_text_file(file)]
        for article, origin in loaded:
            if article.id in origins:
                raise CorpusError(
                    f"Duplicate article id {article.id!r} in {origins[article.id]} and {origin}: "
                    "rename one of the files (or change the jsonl 'id') so that every id is unique"
                )
            origins[article.id] = origin
            articles.append(article)
    if not articles:
        where = f"{root}" if root.is_dir() else f"file {root}"
        raise CorpusError(
            f"No usable article in {where} ({len(files)} candidate file(s), see warnings): {_HINT}"
        )
    return sorted(articles, key=lambda a: a.id)

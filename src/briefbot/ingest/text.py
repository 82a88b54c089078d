"""Reading plain-text articles: ``.txt`` / ``.md`` files (one article each) and ``.jsonl`` exports.

* ``.txt`` / ``.md``: id = file stem; title = first non-empty line (a leading markdown ``#`` is
  stripped); text = the whole file, cleaned.
* ``.jsonl``: one article per line with ``id``, ``title``, ``text`` and optional ``url``,
  ``published`` and ``source`` (the outlet). A bad line is skipped, named by file and line number.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefbot.ingest.clean import clean_line, clean_text
from briefbot.ingest.reading import FileRead, Refused, Skipped, iso_date
from briefbot.types import Article


def title_from(text: str) -> str:
    """The first non-empty line of ``text``, without a leading markdown ``#``."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


def read_text_file(path: Path, text: str) -> FileRead:
    """One article from a ``.txt`` / ``.md`` file's decoded text."""
    text = clean_text(text)
    if not text.strip():
        raise Refused("the file is empty (or holds only page boilerplate)")
    article = Article(id=path.stem, title=title_from(text), text=text, source_path=str(path))
    return FileRead(found=[(article, str(path))])


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
    source = _optional_str(record, "source")
    author = _optional_str(record, "author")
    return Article(
        id=article_id.strip(),
        title=clean_line(title) or title_from(text),
        text=text,
        url=_optional_str(record, "url"),
        published=iso_date(_optional_str(record, "published")),
        source=clean_line(source) if source else None,
        author=clean_line(author) if author else None,
        source_path=str(path),
    )


def read_jsonl_file(path: Path, text: str) -> FileRead:
    """One article per line of a ``.jsonl`` file's decoded text; bad lines are skipped records."""
    found: list[tuple[Article, str]] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            article = _parse_jsonl_line(line, path)
        except (ValueError, TypeError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
            skipped.append(Skipped(f"{path} line {number}", str(exc), "bad record"))
            continue
        found.append((article, f"{path} line {number}"))
    if not found:
        reason = "no usable article in it"
        if skipped:
            reason += f" ({len(skipped)} bad line(s), the first: {skipped[0].reason})"
        raise Refused(reason)
    return FileRead(found=found, skipped=skipped)

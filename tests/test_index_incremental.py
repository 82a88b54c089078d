"""Incremental index updates: only added and changed articles are embedded; a SIGKILL mid-build leaves the
previous index loadable; two builds of one directory never run at once."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import briefbot.index.corpus_index as index_module
import briefbot.index.lock as lock_module
from briefbot.errors import IndexError_
from briefbot.fakes import HashingEmbedder
from briefbot.index.corpus_index import build_index, index_lock, load_index
from briefbot.ingest.corpus import load_corpus
from conftest import NATO_TXT, WIRE, write_corpus

pytestmark = pytest.mark.usefixtures("isolated_env")
COMET = "Comet seen over Oslo\nAstronomers in Oslo saw a bright comet on Sunday night.\nIt will return in 2061.\n"


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, recording every text it embeds."""

    def __init__(self, dimension: int = 256) -> None:
        super().__init__(dimension)
        self.texts: list[str] = []

    def embed(self, texts, progress=None):
        self.texts.extend(texts)
        return super().embed(texts, progress)


class NoEntities:
    def entities(self, texts):
        return [[] for _ in texts]


def test_only_added_and_changed_articles_are_embedded(make_bot, corpus_dir):
    embedder = CountingEmbedder()
    first = make_bot(embedder=embedder)
    assert sorted(embedder.texts) == sorted(s.text for s in first.index.sentences)
    assert (first.index.changes.added, first.index.changes.kept) == (4, 0)

    embedder.texts.clear()
    (corpus_dir / "comet.txt").write_text(COMET, encoding="utf-8")
    (corpus_dir / "nato.txt").write_text(NATO_TXT.replace("32 members", "33 members"), encoding="utf-8")
    (corpus_dir / "harbour.md").unlink()
    bot = make_bot(embedder=embedder)
    changes = bot.index.changes
    assert (changes.added, changes.changed, changes.removed, changes.kept) == (1, 1, 1, 2)
    touched = [s.text for s in bot.index.sentences if s.article_id in {"comet", "nato"}]
    assert sorted(embedder.texts) == sorted(touched)  # nothing else was re-embedded
    assert "33 members" in bot.index.sentence_by_id["nato:s4"].text
    assert "harbour" not in bot.index.article_by_id

    embedder.texts.clear()
    again = make_bot(embedder=embedder)  # unchanged corpus: loaded, nothing embedded
    assert embedder.texts == [] and again.index.path == bot.index.path


def test_incremental_update_equals_a_full_rebuild(corpus_dir, tmp_path):
    embedder = HashingEmbedder(64)
    old = build_index(load_corpus(corpus_dir), embedder, chunk_size=2, annotator=NoEntities())
    old_keys = dict(zip((s.id for s in old.sentences), old.tables.sentence_keys.tolist()))
    write_corpus(corpus_dir, wire=[WIRE[1], dict(WIRE[0], text=WIRE[0]["text"] + " It opened in 1990.")])
    (corpus_dir / "comet.txt").write_text(COMET, encoding="utf-8")
    articles = load_corpus(corpus_dir)
    updated = build_index(articles, embedder, chunk_size=2, annotator=NoEntities(), previous=old)
    full = build_index(articles, embedder, chunk_size=2, annotator=NoEntities())
    assert updated.changes.added == 1 and updated.changes.changed == 1 and updated.changes.kept == 3
    assert updated.articles == full.articles
    assert updated.sentences == full.sentences and updated.chunks == full.chunks
    assert [s.id for s in updated.sentences if s.article_id == "comet"] == ["comet:s0", "comet:s1", "comet:s2"]
    rows = list(range(len(full.sentences)))
    np.testing.assert_allclose(updated.sentence_vectors.vectors(rows), full.sentence_vectors.vectors(rows))
    chunk_rows = list(range(len(full.chunks)))
    np.testing.assert_allclose(updated.chunk_vectors.vectors(chunk_rows), full.chunk_vectors.vectors(chunk_rows))
    for query in (["zakharova", "demand"], ["comet", "oslo"], ["bakery", "1990"]):
        np.testing.assert_allclose(updated.sentence_bm25.scores(query), full.sentence_bm25.scores(query))
        np.testing.assert_allclose(updated.chunk_bm25.scores(query), full.chunk_bm25.scores(query))
    # kept articles keep their vector ids; the changed one gets new ids
    new_keys = dict(zip((s.id for s in updated.sentences), updated.tables.sentence_keys.tolist()))
    assert all(new_keys[i] == old_keys[i] for i in new_keys if i.startswith(("nato:", "harbour:", "wire-2:")))
    assert all(new_keys[i] != old_keys.get(i) for i in new_keys if i.startswith("wire-1:"))
    assert updated.manifest.corpus_fingerprint == full.manifest.corpus_fingerprint


def test_unrelated_additions_leave_an_answer_unchanged(make_bot, corpus_dir):
    question = "What did Zakharova demand?"
    before = make_bot().ask(question)
    assert before.sentences and not before.abstained
    for n in range(5):
        (corpus_dir / f"comet-{n}.txt").write_text(COMET.replace("2061", str(2061 + n)), encoding="utf-8")
    bot = make_bot()
    assert bot.index.changes.added == 5 and bot.index.changes.kept == 4
    after = bot.ask(question)
    assert after.text == before.text
    assert [c.id for c in after.citations] == [c.id for c in before.citations]
    assert after.evidence_ids[0] == before.evidence_ids[0]  # (weak filler evidence may differ: the idf moved)


def test_cli_index_reports_the_changes(make_bot, corpus_dir, index_dir, capsys, monkeypatch):
    from briefbot.cli import main

    monkeypatch.setattr("briefbot.index.embedding.SentenceTransformerEmbedder", lambda *a, **k: HashingEmbedder())
    argv = ["index", "--corpus", str(corpus_dir), "--index", str(index_dir)]
    assert main(argv) == 0
    assert "Articles: 4 added, 0 changed, 0 removed, 0 kept." in capsys.readouterr().out
    (corpus_dir / "comet.txt").write_text(COMET, encoding="utf-8")
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "Articles: 1 added, 0 changed, 0 removed, 4 kept." in out
    assert "embedding sentences of new or changed articles: 1/1" in err  # the progress bar


# --- crashes and concurrent builds -----------------------------------------------------------------

CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from briefbot.bot import Briefbot
    from briefbot.fakes import HashingEmbedder, ScriptedLLM
    from briefbot.index import store

    phase, corpus, index, marker = sys.argv[1:]

    class Stalling(HashingEmbedder):
        def embed(self, texts, progress=None):
            if phase == "embedding":
                Path(marker).write_text("embedding")
                time.sleep(120)
            return super().embed(texts, progress)

    if phase == "writing":
        real_save = store.FaissStore.save

        def save(self, path):
            real_save(self, path)
            Path(marker).write_text("writing")
            time.sleep(120)

        store.FaissStore.save = save
    Briefbot.from_corpus(corpus, index, embedder=Stalling(), llm=ScriptedLLM("x"))
""")


def _child_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[1] / "src"), env.get("PYTHONPATH", "")])
    return env


def _start_child(phase: str, corpus: Path, index: Path, marker: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD, phase, str(corpus), str(index), str(marker)],
                             env=_child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        if child.poll() is not None:
            raise AssertionError(f"the child build ended early: {child.stderr.read().decode()[-2000:]}")
        assert time.monotonic() < deadline, "the child build never reached its stall point"
        time.sleep(0.05)
    return child


@pytest.mark.parametrize("phase", ["embedding", "writing"])
def test_sigkill_mid_build_leaves_the_previous_index_loadable(make_bot, corpus_dir, index_dir, tmp_path, phase):
    first = make_bot()
    (corpus_dir / "comet.txt").write_text(COMET, encoding="utf-8")
    child = _start_child(phase, corpus_dir, index_dir, tmp_path / "marker")
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(30) == -signal.SIGKILL
    if phase == "writing":
        assert [p for p in index_dir.iterdir() if p.name.startswith(".tmp-build-")]  # killed half-way through
    survivor = load_index(index_dir)
    assert survivor.path == first.index.path
    assert survivor.sentences == first.index.sentences
    bot = make_bot()  # the dead build's lock is gone: the next build runs, and cleans up after the crash
    assert bot.index.changes.added == 1 and "comet" in bot.index.article_by_id
    assert bot.ask("What did Zakharova demand?").sentences
    assert not [p for p in index_dir.iterdir() if p.name.startswith(".tmp-")]


def test_second_build_fails_clearly_while_another_process_builds(make_bot, corpus_dir, index_dir, tmp_path,
                                                                  monkeypatch):
    make_bot()
    (corpus_dir / "comet.txt").write_text(COMET, encoding="utf-8")
    child = _start_child("embedding", corpus_dir, index_dir, tmp_path / "marker")
    try:
        monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.5)
        with pytest.raises(index_module.IndexBusyError, match=rf"pid {child.pid}\b.*Wait for it to finish"):
            make_bot()
        assert isinstance(index_module.IndexBusyError("x"), IndexError_)
    finally:
        child.kill()
        child.wait(30)
    assert make_bot().index.changes.added == 1  # the killed holder released the lock


def test_second_build_waits_for_the_first(make_bot, corpus_dir, index_dir, caplog):
    make_bot()
    (corpus_dir / "comet.txt").write_text(COMET, encoding="utf-8")
    holding, release = threading.Event(), threading.Event()

    def other_build() -> None:
        with index_lock(index_dir):
            holding.set()
            release.wait(10)

    worker = threading.Thread(target=other_build)
    worker.start()
    holding.wait(10)
    threading.Timer(1.0, release.set).start()
    start = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="briefbot"):
        bot = make_bot()
    worker.join(10)
    assert time.monotonic() - start >= 0.9
    assert any("Waiting for another briefbot build" in r.getMessage() for r in caplog.records)
    assert bot.index.changes.added == 1


def test_an_index_from_an_older_briefbot_is_rebuilt_with_a_warning(make_bot, index_dir, caplog):
    import json

    old = make_bot().index.path
    manifest = json.loads((old / "manifest.json").read_text())
    manifest["format_version"] = 3
    (old / "manifest.json").write_text(json.dumps(manifest))
    with caplog.at_level(logging.WARNING, logger="briefbot"):
        bot = make_bot()
    assert bot.index.changes.added == 4 and bot.index.changes.kept == 0  # nothing reused from the old format
    assert any("Rebuilding" in r.getMessage() and "format version 3" in r.getMessage() for r in caplog.records)

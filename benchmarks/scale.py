"""How the index scales: build, load, retrieval latency, memory and incremental adds at 10k-1M sentences.

    .venv/bin/python benchmarks/scale.py --sizes 10k,100k,1m [--real-embedder] [--recall]

Deterministic synthetic news (articles of ~30 sentences recombined from templates with varied names,
places and numbers) is written as a `.jsonl` corpus and indexed with `briefbot.fakes.HashingEmbedder`
(384 dimensions, like the real model) and no entity annotation, so the models' cost is left out. Each size
runs in a fresh process (peak RSS is that process's): build (`build_index` + `save_index`), reopen
(`load_index`), `Briefbot.retrieve()` p50/p95 over 60 questions whose vectors are precomputed (question
embedding excluded), then adding 10 articles through `Briefbot.from_corpus` (the public path: reads the
corpus, updates the index incrementally with spaCy on the new sentences, saves, reopens).
`--real-embedder` also times the bundled MiniLM alone and inside whole builds on small samples of synthetic
and real prose (the build-throughput ratio, with entities found at ask time and at index time); `--recall` measures recall@10 of the vector store against exact search.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

FIRST = "Maria Sergei Priya Alan Olga Tomas Amara Kenji Lucia Pavel Ingrid Omar Hana Diego Fatima Lars".split()
LAST = "Zakharova Lavrov Shah Pike Novak Berg Okafor Tanaka Rossi Petrov Lund Haddad Kim Alvarez Nasser Dahl".split()
PLACES = "Oslo Leeds Geneva Kyiv Dover Lagos Osaka Turin Gdansk Bergen Tunis Busan Quito Porto Riga Hull".split()
ORGS = ["the council", "the union", "the ministry", "the central bank", "the port authority", "the rail operator",
        "the health board", "the energy regulator", "the football club", "the university", "the court"]
TOPICS = "bridge budget strike harbour vaccine election pipeline stadium tariff drought ferry museum".split()
VERBS = "approved rejected delayed announced criticised defended postponed funded investigated opened".split()
TEMPLATES = [
    "{org} {verb} the {topic} plan in {place} on {day}.",
    "{name} said the {topic} would cost {n} million euros.",
    "Officials in {place} expect {n} workers to join the {topic} project by {year}.",
    "{name}, a spokesperson for {org}, demanded written guarantees about the {topic}.",
    "\"We will not accept a {topic} that ignores {place},\" {name} said.",
    "The {topic} vote in {place} was {verb} after {n} complaints.",
    "{org} has {verb} {n} similar proposals since {year}.",
    "Critics in {place} said the {topic} was too expensive.",
    "{name} told reporters that talks would resume in {place} next week.",
    "The {topic} in {place} was founded in {year} and now has {n} members.",
    "Residents of {place} queued for {n} hours on {day} to see the {topic}.",
    "According to {org}, {n} per cent of voters in {place} back the {topic}.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SENTENCES_PER_ARTICLE = 30


def sentence(rng: random.Random) -> str:
    text = rng.choice(TEMPLATES).format(
        org=rng.choice(ORGS), verb=rng.choice(VERBS), topic=rng.choice(TOPICS), place=rng.choice(PLACES),
        day=rng.choice(DAYS), name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", n=rng.randint(2, 9999),
        year=rng.randint(1950, 2026))
    return text[0].upper() + text[1:]


def article(n: int, seed: int = 0) -> dict:
    rng = random.Random(seed * 1_000_003 + n)
    body = [sentence(rng) for _ in range(SENTENCES_PER_ARTICLE - 1)]
    paragraphs = [" ".join(body[i:i + 4]) for i in range(0, len(body), 4)]
    title = f"{rng.choice(TOPICS).capitalize()} {rng.choice(VERBS)} in {rng.choice(PLACES)} ({n})"
    return {"id": f"art-{seed}-{n}", "title": title, "text": "\n\n".join(paragraphs),
            "published": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}


def write_corpus(folder: Path, articles: int, seed: int = 0, name: str = "wire.jsonl") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / name).open("w", encoding="utf-8") as handle:
        for n in range(articles):
            handle.write(json.dumps(article(n, seed)) + "\n")


def questions(count: int = 60) -> list[str]:
    rng = random.Random(7)
    forms = ["What did {name} demand about the {topic}?", "How much will the {topic} in {place} cost?",
             "When was the {topic} in {place} founded?", "Who criticised the {topic} in {place}?",
             "What did {org} decide about the {topic}?"]
    return [rng.choice(forms).format(name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", topic=rng.choice(TOPICS),
                                     place=rng.choice(PLACES), org=rng.choice(ORGS)) for _ in range(count)]


class NoEntities:
    """The scale runs leave spaCy out of the big build (its cost is a model's); the add-10 step uses it."""

    def entities(self, texts):
        return [[] for _ in texts]


class PrecomputedEmbedder:
    """Question vectors computed up front, so retrieval timing excludes question embedding."""

    def __init__(self, inner, texts) -> None:
        self.inner, self.cache = inner, dict(zip(texts, inner.embed(texts)))

    id = property(lambda self: self.inner.id)
    dimension = property(lambda self: self.inner.dimension)

    def embed(self, texts, progress=None):
        if all(t in self.cache for t in texts):
            return np.vstack([self.cache[t] for t in texts])
        return self.inner.embed(texts, progress)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(sentences: int, work: Path, recall: bool) -> dict:
    """One size, in this process: build, reopen, retrieve, add 10 articles."""
    from briefbot.answer.question import analyse
    from briefbot.bot import Briefbot
    from briefbot.config import Settings
    from briefbot.fakes import HashingEmbedder, ScriptedLLM
    from briefbot.index.build import release_free_memory
    from briefbot.index.corpus_index import build_index, load_index, save_index
    from briefbot.ingest.corpus import load_corpus

    corpus, index_dir = work / "corpus", work / "index"
    n_articles = max(1, sentences // SENTENCES_PER_ARTICLE)
    write_corpus(corpus, n_articles)
    embedder = HashingEmbedder(384)
    out: dict = {"articles": n_articles}
    start = time.perf_counter()
    articles = load_corpus(corpus)
    out["read corpus s"] = time.perf_counter() - start
    sample = [s for a in articles[:300] for s in a.text.split(". ")][:5000]
    start = time.perf_counter()
    embedder.embed(sample)
    out["embedder alone sent/s"] = len(sample) / (time.perf_counter() - start)
    start = time.perf_counter()
    built = build_index(articles, embedder, chunk_size=Settings().chunk_sentences, annotator=NoEntities())
    save_index(built, index_dir)
    out["build s"] = time.perf_counter() - start
    out["sentences"] = built.manifest.sentences
    out["build sent/s"] = out["sentences"] / out["build s"]
    out["store"] = built.sentence_store.kind
    del built, articles
    release_free_memory()  # a process that goes on serving gives the build's freed heap back
    out["build peak RSS MB"] = peak_rss_mb()

    start = time.perf_counter()
    index = load_index(index_dir)
    out["load s"] = time.perf_counter() - start
    asked = questions()
    bot = Briefbot(index, PrecomputedEmbedder(embedder, asked), ScriptedLLM("x"), Settings())
    for q in asked[:5]:
        bot.retrieve(q)  # warm-up
    out["retrieve p50 ms"], out["retrieve p95 ms"] = _timed(bot.retrieve, asked)
    analysed = [analyse(q) for q in asked]  # the question's spaCy parse, done up front
    settings = bot.settings

    def search(question):
        return bot.retriever.retrieve(question, top_chunks=settings.top_chunks, k=settings.evidence_sentences)

    out["search p50 ms"], out["search p95 ms"] = _timed(search, analysed)
    out["RSS serving MB"] = current_rss_mb()  # the reopened index answering (the build's memory given back)
    if recall:
        out["recall@10"] = vector_recall(index, embedder, asked)

    write_corpus(corpus, 10, seed=1, name="extra.jsonl")
    del bot, index  # the update is a fresh open (as `briefbot index` is): one index in memory, not two
    release_free_memory()
    start = time.perf_counter()
    bot = Briefbot.from_corpus(corpus, index_dir, settings=Settings(), embedder=embedder, llm=ScriptedLLM("x"))
    out["add 10 + reopen s"] = time.perf_counter() - start
    assert bot.index.changes.added == 10 and bot.index.changes.kept == n_articles, bot.index.changes
    out["peak RSS MB"] = peak_rss_mb()
    probe = bot.index.sentences[bot.index.sentence_row["art-1-3:s5"]].text  # a sentence of a new article
    out["new articles retrievable"] = "art-1-3:s5" in [e.sentence.id for e in bot.retrieve(probe).sentences]
    return out


def _timed(function, items) -> tuple[float, float]:
    times = []
    for item in items:
        start = time.perf_counter()
        function(item)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.percentile(times, 50)), 1000 * float(np.percentile(times, 95))


def vector_recall(index, embedder, asked: list[str], k: int = 10) -> float:
    """Recall@k of the sentence store's search against exact search over freshly embedded sentences."""
    queries = embedder.embed(asked)
    best = [([], []) for _ in asked]
    rows = len(index.sentences)
    for start in range(0, rows, 20_000):
        batch = [index.sentences[r].text for r in range(start, min(rows, start + 20_000))]
        scores = embedder.embed(batch) @ queries.T
        for q in range(len(asked)):
            top = np.argsort(-scores[:, q])[:k]
            ids, values = best[q]
            merged = sorted(zip(list(values) + scores[top, q].tolist(), list(ids) + (top + start).tolist()),
                            reverse=True)[:k]
            best[q] = ([i for _, i in merged], [v for v, _ in merged])
    hits = 0
    for q, vector in enumerate(queries):  # a hit: a result scoring at least the exact k-th score (ties count)
        found = index.sentence_store.search(vector, k)
        exact = embedder.embed([index.sentences[r].text for r in index.sentence_vectors.rows_of([i for i, _ in found])])
        hits += int(np.sum(exact @ vector >= best[q][1][-1] - 1e-5))
    return hits / (k * len(asked))


def real_embedder_ratio(sentences: int = 900, repeats: int = 3) -> dict:
    """The bundled MiniLM's own throughput vs whole builds, on the same sentences: the synthetic news and the
    SQuAD 2.0 paragraphs of /work/shared/data (real prose) when present. A build segments, embeds and
    tokenises; with `entities at index` it also runs spaCy over every sentence (BRIEFBOT_ENTITIES_AT=index;
    the default leaves that to the first ask). Each figure is the median of `repeats` runs, alternated."""
    from briefbot.config import Settings
    from briefbot.index.corpus_index import build_index
    from briefbot.index.embedding import default_embedder
    from briefbot.index.nlp import SpacyAnnotator, load_pipeline
    from briefbot.ingest.corpus import load_corpus
    from briefbot.ingest.segment import split_sentences
    from briefbot.types import Article

    samples: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), sentences // SENTENCES_PER_ARTICLE, seed=2)
        samples["synthetic"] = load_corpus(Path(tmp))
    squad = Path(__file__).resolve().parents[2] / "shared" / "data" / "squad2-dev-500" / "queries.json"
    if squad.exists():
        paragraphs = sorted({q["context"] for q in json.loads(squad.read_text())["queries"]})
        articles, count = [], 0
        for n, text in enumerate(paragraphs):
            article = Article(id=f"squad-{n}", title=f"Paragraph {n}", text=text)
            articles.append(article)
            count += len(split_sentences(article))
            if count >= sentences:
                break
        samples["squad paragraphs"] = articles
    embedder = default_embedder(Settings())
    load_pipeline()
    out = {}
    for name, articles in samples.items():
        texts = [s.text for a in articles for s in split_sentences(a)]
        embedder.embed(texts[:64])  # load the model
        alone, deferred, annotated = [], [], []
        for _ in range(repeats):
            start = time.perf_counter()
            embedder.embed(texts)
            alone.append(len(texts) / (time.perf_counter() - start))
            for annotator, rates in ((None, deferred), (SpacyAnnotator(), annotated)):
                start = time.perf_counter()
                built = build_index(articles, embedder, annotator=annotator)
                rates.append(built.manifest.sentences / (time.perf_counter() - start))
        a, d, s = (float(np.median(r)) for r in (alone, deferred, annotated))
        out[name] = {"sentences": len(texts), "embedder alone sent/s": round(a, 1),
                     "build sent/s (entities at ask, default)": round(d, 1), "ratio": round(d / a, 3),
                     "build sent/s (entities at index)": round(s, 1), "ratio, entities at index": round(s / a, 3)}
    return out


SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k, 100k, 1m")
    parser.add_argument("--real-embedder", action="store_true")
    parser.add_argument("--recall", action="store_true")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.work, args.recall)))
        return
    rows = []
    for name in args.sizes.lower().split(","):
        with tempfile.TemporaryDirectory(prefix="briefbot-scale-") as tmp:
            command = [sys.executable, __file__, "--worker", str(SIZES[name]), "--work", tmp]
            done = subprocess.run(command + (["--recall"] if args.recall else []), capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"{name}: the worker failed:\n{done.stderr[-3000:]}")
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(name, json.dumps(rows[-1]), flush=True)
    keys = ["sentences", "articles", "store", "build s", "build sent/s", "build peak RSS MB", "load s",
            "retrieve p50 ms", "retrieve p95 ms", "search p50 ms", "search p95 ms", "RSS serving MB",
            "add 10 + reopen s", "peak RSS MB", "recall@10", "new articles retrievable"]
    print("\n| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(_fmt(row.get(k, "")) for k in keys) + " |")
    if args.real_embedder:
        print("\nreal embedder (MiniLM) alone vs whole builds:", json.dumps(real_embedder_ratio(), indent=1))


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


if __name__ == "__main__":
    main()

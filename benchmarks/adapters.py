"""Turn the shared benchmark data into a briefbot corpus and a case file.

    python benchmarks/adapters.py squad    --out bench/squad    [--limit N] [--seed S] [--full-corpus]
    python benchmarks/adapters.py multihop --out bench/multihop [--limit N] [--seed S] [--full-corpus]

Each writes `OUT/corpus/<name>.jsonl` (one article per line: id, title, text, url, published) and
`OUT/cases.yaml` (the case format of `briefbot.evaluation`). Then, e.g.:

    briefbot eval OUT/cases.yaml --corpus OUT/corpus

* SQuAD 2.0 (`squad_to_corpus`): one article per distinct paragraph (`sq0001`...; numbered in the order
  of first appearance in the full sample, so an id always names the same paragraph). Answerable
  questions: gold evidence = the sentence of the paragraph that holds an answer string (when answer
  strings sit in several sentences, the one sharing most words with the question is gold and the others
  are acceptable); key facts = any one of the answer strings. Unanswerable questions (`is_impossible`)
  have no evidence.
* MultiHop-RAG (`multihop_to_corpus`): one article per source `url`, its text the distinct evidence facts
  of that url, one per line, in order of first appearance in the full sample; id = `mh-` + a hash of the
  url. Gold evidence = the query's facts. Key facts = the answer, only when it occurs literally (as whole
  words) in one of the facts; otherwise (yes/no and most comparison answers) none, and the case is tagged
  `no-key-fact`. "Insufficient information." answers (null queries) are unanswerable.

Sentences are cut with briefbot's own segmenter, so every evidence snippet is one whole sentence of the
corpus as briefbot indexes it (a fact the segmenter splits in two gives two evidence sentences). A gold
sentence whose text also occurs elsewhere in the corpus (a fact syndicated under two urls) cannot be a
unique snippet: it is given by its sentence id (`<article_id>:s<n>`) and the other copies are acceptable.
Article texts do not depend on `limit`; `limit` only picks which questions (and, unless `full_corpus`,
which articles: those the picked questions were written against) go into the run. The pick is
deterministic for a given `seed` and keeps the answerable/unanswerable ratio (SQuAD) or the mix of
question types (MultiHop-RAG).

The data is not ours: see benchmarks/README.md for sources and licences (SQuAD 2.0: CC BY-SA 4.0;
MultiHop-RAG: ODC-BY). Never copy it into the package.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

from briefbot.ingest.corpus import clean_text
from briefbot.index.lexical import content_terms
from briefbot.ingest.segment import split_sentences
from briefbot.types import Article, Sentence

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SQUAD_DIR = DATA / "squad2-dev-500"
MULTIHOP_DIR = DATA / "multihop-rag-500"
INSUFFICIENT = "Insufficient information."
_YES_NO = {"yes", "no"}

SQUAD_ATTRIBUTION = (
    "SQuAD 2.0 dev sample (Rajpurkar et al., 2018), CC BY-SA 4.0; sample from "
    "github.com/zc277584121/search-datasets (commit 80980f31), folder squad2/."
)
MULTIHOP_ATTRIBUTION = (
    "MultiHop-RAG sample (Tang & Yang, COLM 2024, arXiv:2401.15391), ODC-BY; sample from "
    "github.com/zc277584121/search-datasets (commit 80980f31), folder multihop_rag/."
)


# --------------------------------------------------------------------------------------------- helpers
def _read_json(path: Path) -> Any:
    with Path(path).open(encoding="utf-8") as handle:
        return json.load(handle)


def _sentences(article_id: str, text: str) -> list[Sentence]:
    """The sentences briefbot will index for this text (cleaned as the corpus loader cleans it)."""
    return split_sentences(Article(id=article_id, title="", text=clean_text(text)))


def stratified_pick(items: Sequence[Any], key: Callable[[Any], str], limit: int | None, seed: int = 0) -> list[Any]:
    """A deterministic subset of about `limit` items that keeps the share of each `key` group.

    Groups get `limit * share` items (largest remainders first to reach exactly `limit`); inside a group
    items are drawn with `random.Random(seed)`. The result keeps the original order of `items`.
    """
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    groups: dict[str, list[int]] = {}
    for position, item in enumerate(items):
        groups.setdefault(key(item), []).append(position)
    exact = {name: limit * len(rows) / len(items) for name, rows in groups.items()}
    quota = {name: int(value) for name, value in exact.items()}
    for name in sorted(groups, key=lambda n: (-(exact[n] - quota[n]), n))[: limit - sum(quota.values())]:
        quota[name] += 1
    rng = random.Random(seed)
    chosen: list[int] = []
    for name in sorted(groups):
        rows = list(groups[name])
        rng.shuffle(rows)
        chosen.extend(rows[: quota[name]])
    return [items[i] for i in sorted(chosen)]


class _Resolver:
    """Writes gold sentences as snippets (their full text), or as ids when the text is not unique.

    A snippet must match exactly one sentence of the corpus. When the same text occurs in several
    articles (a syndicated news fact, overlapping Wikipedia paragraphs) or inside a longer sentence, the
    gold copy is given by its sentence id and the sentences that contain its text are acceptable (by
    id): citing any of them is right.
    """

    def __init__(self, corpus: list[Sentence]) -> None:
        self.lowered = [(s.id, s.text.lower()) for s in corpus]

    def __call__(self, gold: list[Sentence]) -> tuple[list[str], list[str]]:
        evidence: list[str] = []
        twins: list[str] = []
        for sentence in gold:
            text = sentence.text.lower()
            hits = [sid for sid, other in self.lowered if text in other]
            if hits == [sentence.id]:
                evidence.append(sentence.text)
                continue
            evidence.append(sentence.id)
            twins.extend(sid for sid in hits if sid != sentence.id)
        return evidence, [t for t in dict.fromkeys(twins) if t not in evidence]


def _write_outputs(out_dir: Path, name: str, articles: list[dict], cases: list[dict], header: str) -> dict:
    out_dir = Path(out_dir)
    corpus_dir = out_dir / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    corpus_file = corpus_dir / f"{name}.jsonl"
    with corpus_file.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    cases_file = out_dir / "cases.yaml"
    body = yaml.safe_dump({"cases": cases}, allow_unicode=True, sort_keys=False, width=100_000)
    cases_file.write_text(header + body, encoding="utf-8")
    answerable = sum(1 for c in cases if c["answerable"])
    return {"corpus": str(corpus_file), "cases_file": str(cases_file), "articles": len(articles),
            "cases": len(cases), "answerable": answerable, "unanswerable": len(cases) - answerable}


def _header(title: str, attribution: str, command: str) -> str:
    return (f"# {title}\n# Generated by `{command}`; do not edit by hand.\n# Data: {attribution}\n"
            "# thresholds: set from measurement\n")


# ----------------------------------------------------------------------------------------------- SQuAD
def _answer_groups(context: str, sentences: list[Sentence], answers: list[str]) -> list[list[Sentence]]:
    """For every occurrence of every answer string, the sentences its character span overlaps."""
    groups: list[list[Sentence]] = []
    seen: set[tuple[str, ...]] = set()
    for answer in answers:
        if not answer.strip():
            continue
        pattern = re.compile(re.escape(answer), re.IGNORECASE if answer not in context else 0)
        for match in pattern.finditer(context):
            group = [s for s in sentences if s.start < match.end() and match.start() < s.end]
            ids = tuple(s.id for s in group)
            if group and ids not in seen:
                seen.add(ids)
                groups.append(group)
    return groups


def _overlap(question: str, sentences: list[Sentence]) -> int:
    terms = set(content_terms(question))
    return sum(len(terms & set(content_terms(s.text))) for s in sentences)


def squad_answer_groups(query: dict, gold: dict, sentences: list[Sentence]) -> list[list[Sentence]]:
    """The answer groups of an answerable SQuAD question; the first is gold (most words shared)."""
    answers = list(dict.fromkeys(a.strip() for a in gold["answers"] if a.strip()))
    groups = _answer_groups(clean_text(query["context"]), sentences, answers)
    if not groups:
        raise ValueError(f"SQuAD item {query['id']}: no answer string found in its paragraph")
    best = max(groups, key=lambda g: (_overlap(query["question"], g), -g[0].index))
    return [best] + [g for g in groups if g is not best]


def squad_answer_fields(query: dict, gold: dict, sentences: list[Sentence], resolve: _Resolver) -> dict:
    """answerable/evidence/acceptable/key_facts/tags of an answerable SQuAD question."""
    best, *rest = squad_answer_groups(query, gold, sentences)
    evidence, twins = resolve(best)
    others = list({s.id: s for g in rest for s in g if s not in best}.values())  # Sentence is unhashable
    extra, extra_twins = resolve(others)
    acceptable = list(dict.fromkeys(twins + extra + extra_twins))
    answers = list(dict.fromkeys(a.strip() for a in gold["answers"] if a.strip()))
    return dict(answerable=True, evidence=evidence, acceptable=acceptable, key_facts=[answers],
                tags=["answerable", "squad"] + (["two-sentence"] if len(best) > 1 else []))


def squad_to_corpus(data_dir: str | Path = SQUAD_DIR, out_dir: str | Path = "bench/squad",
                    limit: int | None = None, seed: int = 0, *, full_corpus: bool = False) -> dict:
    """Write the SQuAD 2.0 sample as `out_dir/corpus/squad.jsonl` + `out_dir/cases.yaml`; return counts."""
    data_dir = Path(data_dir)
    queries = _read_json(data_dir / "queries.json")["queries"]
    truth = _read_json(data_dir / "ground_truth.json")
    article_ids: dict[str, str] = {}
    for query in queries:  # ids from the full sample: stable whatever `limit` picks
        article_ids.setdefault(query["context"], f"sq{len(article_ids) + 1:04d}")
    picked = stratified_pick(queries, lambda q: str(truth[q["id"]]["is_impossible"]), limit, seed)

    wanted = set(article_ids) if full_corpus else {q["context"] for q in picked}
    articles = [{"id": article_id, "title": " ".join(context.split()[:8]) + " …", "text": context}
                for context, article_id in article_ids.items() if context in wanted]
    sentences_of = {a["id"]: _sentences(a["id"], a["text"]) for a in articles}
    resolve = _Resolver([s for rows in sentences_of.values() for s in rows])

    cases: list[dict] = []
    for query in picked:
        gold = truth[query["id"]]
        case: dict[str, Any] = {"id": f"squad-{query['id']}", "question": query["question"].strip()}
        if gold["is_impossible"]:
            case.update(answerable=False, tags=["unanswerable", "squad"])
        else:
            sentences = sentences_of[article_ids[query["context"]]]
            case.update(squad_answer_fields(query, gold, sentences, resolve))
        cases.append(case)

    command = f"python benchmarks/adapters.py squad --out {out_dir}" + (f" --limit {limit}" if limit else "")
    header = _header("SQuAD 2.0 dev sample as briefbot cases", SQUAD_ATTRIBUTION, command)
    return _write_outputs(Path(out_dir), "squad", articles, cases, header)


# ----------------------------------------------------------------------------------------- MultiHop-RAG
def multihop_article_id(url: str) -> str:
    """Stable article id of a MultiHop-RAG source url."""
    return "mh-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def _literal_answer(answer: str, facts: list[str]) -> bool:
    """Whether `answer` (not yes/no) occurs as whole words in one of the facts."""
    if answer.strip().lower().rstrip(".") in _YES_NO or not answer.strip():
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(answer.strip()) + r"(?!\w)", re.IGNORECASE)
    return any(pattern.search(fact) for fact in facts)


def multihop_docs(queries: list[dict], truth: dict) -> dict[str, dict]:
    """url -> article (its distinct facts, one per line, in order of first appearance in `queries`)."""
    docs: dict[str, dict] = {}
    for query in queries:
        for item in truth[query["id"]]["evidence_list"]:
            title = f"{item['title']} ({item['source']})" if item.get("source") else item["title"]
            doc = docs.setdefault(item["url"], {"id": multihop_article_id(item["url"]), "title": title,
                                                "text": "", "url": item["url"],
                                                "published": item.get("published_at"),
                                                "source": item.get("source")})
            fact = item["fact"].strip()
            if fact and fact not in doc["text"].split("\n"):
                doc["text"] = f"{doc['text']}\n{fact}" if doc["text"] else fact
    return docs


def multihop_gold_sentences(gold: dict, sentences_of: dict[str, list[Sentence]]) -> list[Sentence]:
    """The sentences (as briefbot cuts them) of a query's evidence facts; `sentences_of` is keyed by url."""
    found: list[Sentence] = []
    for item in gold["evidence_list"]:
        fact = item["fact"].strip()
        for sentence in sentences_of[item["url"]]:  # the fact's own sentence(s) as briefbot cuts it
            if sentence.text in fact and sentence not in found:
                found.append(sentence)
    return found


def multihop_answer_fields(gold: dict, qtype: str, sentences_of: dict[str, list[Sentence]],
                           resolve: _Resolver) -> dict:
    """answerable/evidence/acceptable/key_facts/tags of an answerable MultiHop-RAG query."""
    evidence, twins = resolve(multihop_gold_sentences(gold, sentences_of))
    answer = str(gold["answer"]).strip()
    literal = _literal_answer(answer, [item["fact"] for item in gold["evidence_list"]])
    return dict(answerable=True, evidence=evidence, acceptable=twins, key_facts=[[answer]] if literal else [],
                tags=[qtype] if literal else [qtype, "no-key-fact"])


def multihop_to_corpus(data_dir: str | Path = MULTIHOP_DIR, out_dir: str | Path = "bench/multihop",
                       limit: int | None = None, seed: int = 0, *, full_corpus: bool = False) -> dict:
    """Write the MultiHop-RAG sample as `out_dir/corpus/multihop.jsonl` + `out_dir/cases.yaml`."""
    data_dir = Path(data_dir)
    queries = _read_json(data_dir / "queries.json")["queries"]
    truth = _read_json(data_dir / "ground_truth.json")

    docs = multihop_docs(queries, truth)
    picked = stratified_pick(queries, lambda q: q.get("question_type", ""), limit, seed)
    wanted = set(docs) if full_corpus else {i["url"] for q in picked for i in truth[q["id"]]["evidence_list"]}
    articles = [doc for url, doc in docs.items() if url in wanted]
    sentences_of = {a["url"]: _sentences(a["id"], a["text"]) for a in articles}
    resolve = _Resolver([s for rows in sentences_of.values() for s in rows])

    cases: list[dict] = []
    for query in picked:
        gold = truth[query["id"]]
        answer = str(gold["answer"]).strip()
        qtype = query.get("question_type", "unknown")
        case: dict[str, Any] = {"id": f"mh-q{query['id']}", "question": query["question"].strip()}
        if answer == INSUFFICIENT or not gold["evidence_list"]:
            case.update(answerable=False, tags=[qtype, "unanswerable"])
            cases.append(case)
            continue
        case.update(multihop_answer_fields(gold, qtype, sentences_of, resolve))
        cases.append(case)

    command = f"python benchmarks/adapters.py multihop --out {out_dir}" + (f" --limit {limit}" if limit else "")
    header = _header("MultiHop-RAG sample as briefbot cases", MULTIHOP_ATTRIBUTION, command)
    return _write_outputs(Path(out_dir), "multihop", articles, cases, header)


# ------------------------------------------------------------------------------------------------- CLI
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Turn the shared benchmark data into a briefbot corpus + cases.")
    parser.add_argument("dataset", choices=["squad", "multihop"])
    parser.add_argument("--out", required=True, type=Path, help="output directory (corpus/ and cases.yaml)")
    parser.add_argument("--limit", type=int, default=None, help="number of questions (stratified subset)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the subset pick")
    parser.add_argument("--data", type=Path, default=None, help="data directory (default: ../shared/data/...)")
    parser.add_argument("--full-corpus", action="store_true",
                        help="index every article of the sample, not only those the picked questions use")
    args = parser.parse_args(argv)
    convert = squad_to_corpus if args.dataset == "squad" else multihop_to_corpus
    data = args.data or (SQUAD_DIR if args.dataset == "squad" else MULTIHOP_DIR)
    if not (Path(data) / "queries.json").is_file():
        print(f"error: no queries.json in {data}; pass --data DIR", file=sys.stderr)
        return 1
    summary = convert(data, args.out, args.limit, args.seed, full_corpus=args.full_corpus)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark adapters (SQuAD 2.0, MultiHop-RAG -> corpus + cases), the overlap baseline, and the seed cases."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from briefbot.ingest.corpus import clean_text, load_corpus
from briefbot.fakes import HashingEmbedder
from briefbot.index.corpus_index import build_index
from briefbot.ingest.segment import split_sentences
from briefbot.types import Article

ROOT = Path(__file__).resolve().parents[1]
_ID = re.compile(r"^[\w.-]+:s\d+$")


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"briefbot_bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


adapters = _load("adapters")
baseline = _load("baseline")

needs_squad = pytest.mark.skipif(not (adapters.SQUAD_DIR / "queries.json").is_file(),
                                 reason=f"benchmark data not found in {adapters.SQUAD_DIR}")
needs_multihop = pytest.mark.skipif(not (adapters.MULTIHOP_DIR / "queries.json").is_file(),
                                    reason=f"benchmark data not found in {adapters.MULTIHOP_DIR}")


# ------------------------------------------------------------------------------------------- helpers
def matches(fact, text: str) -> bool:
    """Key-fact semantics of the case format: substring, "/regex/", or a list of alternatives."""
    if isinstance(fact, list):
        return any(matches(f, text) for f in fact)
    if len(fact) > 1 and fact.startswith("/") and fact.endswith("/"):
        return re.search(fact[1:-1], text, re.IGNORECASE) is not None
    return fact.lower() in text.lower()


def read_run(out: Path):
    articles = load_corpus(out / "corpus")
    sentences = [s for a in articles for s in split_sentences(a)]
    cases = yaml.safe_load((out / "cases.yaml").read_text(encoding="utf-8"))["cases"]
    return articles, sentences, cases


def resolve(ref: str, sentences) -> list:
    """The sentences a gold reference (sentence id or snippet) points at."""
    if _ID.match(ref):
        return [s for s in sentences if s.id == ref]
    return [s for s in sentences if ref.lower() in s.text.lower()]


def check_run(out: Path, summary: dict) -> tuple[list, list, list]:
    """Checks every adapter output must pass; returns (articles, sentences, cases)."""
    articles, sentences, cases = read_run(out)
    assert len(articles) == summary["articles"]
    assert len(cases) == summary["cases"] == summary["answerable"] + summary["unanswerable"]
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert case["question"].strip()
        if not case["answerable"]:
            assert not case.get("evidence") and not case.get("key_facts"), case["id"]
            continue
        assert case["evidence"], case["id"]
        gold = []
        for ref in case["evidence"] + case.get("acceptable", []):
            hits = resolve(ref, sentences)
            assert len(hits) == 1, f"{case['id']}: {ref!r} matches {len(hits)} sentences"
            if ref in case["evidence"]:
                gold.extend(hits)
        for fact in case.get("key_facts", []):  # stated by the gold sentences themselves
            assert matches(fact, " ".join(s.text for s in gold)), (case["id"], fact)
    return articles, sentences, cases


# --------------------------------------------------------------------------------------------- pick
@pytest.mark.parametrize("limit", [0, 1, 7, 10, 99, 100, None])
def test_stratified_pick_keeps_ratio_order_and_is_deterministic(limit):
    items = [("a", i) for i in range(70)] + [("b", i) for i in range(30)]
    picked = adapters.stratified_pick(items, lambda x: x[0], limit, seed=3)
    assert picked == adapters.stratified_pick(items, lambda x: x[0], limit, seed=3)
    assert len(picked) == (100 if limit is None else min(limit, 100))
    assert picked == sorted(picked, key=items.index)
    if limit:
        assert abs(sum(1 for x in picked if x[0] == "a") - 0.7 * min(limit, 100)) <= 1


# --------------------------------------------------------------------------------------------- SQuAD
@needs_squad
def test_squad_subset(tmp_path):
    summary = adapters.squad_to_corpus(out_dir=tmp_path / "run", limit=24)
    articles, _, cases = check_run(tmp_path / "run", summary)
    assert summary["cases"] == 24
    assert summary["answerable"] in (11, 12, 13)  # 242 of 500 answerable
    assert all(re.fullmatch(r"sq\d{4}", a.id) for a in articles)
    truth = json.loads((adapters.SQUAD_DIR / "ground_truth.json").read_text(encoding="utf-8"))
    for case in cases:
        gold = truth[case["id"].removeprefix("squad-")]
        assert case["answerable"] is not gold["is_impossible"]
        if case["answerable"]:
            assert case["key_facts"] == [list(dict.fromkeys(a.strip() for a in gold["answers"] if a.strip()))]


@needs_squad
def test_squad_full_sample_resolves_every_case(tmp_path):
    summary = adapters.squad_to_corpus(out_dir=tmp_path, full_corpus=True)
    assert (summary["articles"], summary["cases"], summary["answerable"]) == (411, 500, 242)
    check_run(tmp_path, summary)


@needs_squad
def test_squad_ids_stable_across_runs_and_limits(tmp_path):
    first = adapters.squad_to_corpus(out_dir=tmp_path / "a", limit=12)
    again = adapters.squad_to_corpus(out_dir=tmp_path / "b", limit=12)
    assert Path(first["corpus"]).read_bytes() == Path(again["corpus"]).read_bytes()
    assert read_run(tmp_path / "a")[2] == read_run(tmp_path / "b")[2]
    bigger = adapters.squad_to_corpus(out_dir=tmp_path / "c", limit=40)
    small = {a.id: a.text for a in read_run(tmp_path / "a")[0]}
    large = {a.id: a.text for a in read_run(tmp_path / "c")[0]}
    assert all(large.get(i, text) == text for i, text in small.items())
    assert bigger["cases"] == 40


def _write_squad(directory: Path, items: list[tuple[str, str, list[str]]]) -> Path:
    directory.mkdir(parents=True)
    queries = [{"id": f"q{n}", "context": context, "question": question}
               for n, (context, question, _) in enumerate(items)]
    truth = {f"q{n}": {"answers": answers or [""], "is_impossible": not answers}
             for n, (_, _, answers) in enumerate(items)}
    (directory / "queries.json").write_text(json.dumps({"queries": queries}), encoding="utf-8")
    (directory / "ground_truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return directory


def test_squad_hand_made_gold_sentence_and_duplicates(tmp_path):
    shared = "The river floods every spring."
    first = f"Paris lies on the Seine. {shared} The city has two million people."
    second = f"Lyon lies on the Rhone. {shared} It is known for food."
    data = _write_squad(tmp_path / "data", [
        (first, "How many people live in the city?", ["two million", "two million people"]),
        (first, "When does the river flood?", ["every spring"]),
        (second, "What is Lyon known for?", ["food"]),
        (second, "What is the population of Lyon?", []),
    ])
    summary = adapters.squad_to_corpus(data, tmp_path / "out")
    articles, sentences, cases = check_run(tmp_path / "out", summary)
    assert [a.id for a in articles] == ["sq0001", "sq0002"]
    by_id = {c["id"]: c for c in cases}
    assert by_id["squad-q0"]["evidence"] == ["The city has two million people."]
    assert by_id["squad-q0"]["key_facts"] == [["two million", "two million people"]]
    # the flooding sentence is in both paragraphs: gold by id, its twin acceptable
    assert by_id["squad-q1"]["evidence"] == ["sq0001:s1"]
    assert by_id["squad-q1"]["acceptable"] == ["sq0002:s1"]
    assert by_id["squad-q3"]["answerable"] is False
    assert "evidence" not in by_id["squad-q3"]


# -------------------------------------------------------------------------------------- MultiHop-RAG
@needs_multihop
def test_multihop_subset(tmp_path):
    summary = adapters.multihop_to_corpus(out_dir=tmp_path / "run", limit=30)
    articles, _, cases = check_run(tmp_path / "run", summary)
    assert summary["cases"] == 30
    truth = json.loads((adapters.MULTIHOP_DIR / "ground_truth.json").read_text(encoding="utf-8"))
    records = [json.loads(line) for line in Path(summary["corpus"]).read_text(encoding="utf-8").splitlines()]
    assert all(r["id"] == adapters.multihop_article_id(r["url"]) and r["published"] for r in records)
    for case in cases:
        gold = truth[case["id"].removeprefix("mh-q")]
        assert case["answerable"] == (gold["answer"] != "Insufficient information.")
        if not case["answerable"]:
            continue
        assert case["tags"][0].endswith("_query")
        if gold["answer"].strip().lower() in ("yes", "no"):
            assert case["key_facts"] == [] and "no-key-fact" in case["tags"]
        if case["key_facts"]:
            assert case["key_facts"] == [[gold["answer"].strip()]]
        urls = {item["url"] for item in gold["evidence_list"]}
        assert {adapters.multihop_article_id(u) for u in urls} <= {a.id for a in articles}


@needs_multihop
def test_multihop_full_sample_resolves_every_case(tmp_path):
    summary = adapters.multihop_to_corpus(out_dir=tmp_path, full_corpus=True)
    assert (summary["articles"], summary["cases"], summary["unanswerable"]) == (326, 500, 71)
    check_run(tmp_path, summary)


@needs_multihop
def test_multihop_stable_across_runs(tmp_path):
    a = adapters.multihop_to_corpus(out_dir=tmp_path / "a", limit=15)
    b = adapters.multihop_to_corpus(out_dir=tmp_path / "b", limit=15)
    assert Path(a["corpus"]).read_bytes() == Path(b["corpus"]).read_bytes()
    assert read_run(tmp_path / "a")[2] == read_run(tmp_path / "b")[2]


@needs_squad
def test_cli_writes_both_files(tmp_path, capsys):
    assert adapters.main(["squad", "--out", str(tmp_path), "--limit", "6"]) == 0
    assert json.loads(capsys.readouterr().out)["cases"] == 6
    assert (tmp_path / "corpus" / "squad.jsonl").is_file() and (tmp_path / "cases.yaml").is_file()


def test_cli_missing_data_is_an_error(tmp_path, capsys):
    assert adapters.main(["multihop", "--out", str(tmp_path), "--data", str(tmp_path / "none")]) == 1
    assert "queries.json" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ baseline
@pytest.fixture(scope="module")
def tiny_baseline():
    articles = [
        Article(id="a", title="Alpha", text="Zakharova demanded that NATO disavow the 2008 promise.\n"
                                            "The weather in Kyiv was cold."),
        Article(id="b", title="Beta", text="Hegseth spoke in Brussels about NATO membership.\n"
                                           "Tanks fired during an exercise."),
    ]
    return baseline.OverlapBaseline(build_index(articles, HashingEmbedder(dimension=32)))


@pytest.mark.parametrize(("question", "expected"), [
    ("What did Zakharova demand?", "a:s0"),
    ("what did hegseth say in brussels?", "b:s0"),
    ("How cold was the weather?", "a:s1"),
    ("Which exercise did tanks fire in?", "b:s1"),
])
def test_baseline_cites_best_overlap_sentence_verbatim(tiny_baseline, question, expected):
    answer = tiny_baseline.ask(question)
    assert not answer.abstained
    assert [c.id for c in answer.citations] == [expected] == answer.evidence_ids
    (sentence,) = answer.sentences
    source = tiny_baseline.index.sentence_by_id[expected]
    assert sentence.text == sentence.citations[0].text == source.text
    assert sentence.citations[0].title == {"a": "Alpha", "b": "Beta"}[expected[0]]
    assert (sentence.supported, sentence.support, sentence.origin) == (True, 1.0, "source")


def test_baseline_abstains_only_without_overlap(tiny_baseline):
    answer = tiny_baseline.ask("What is the capital of France?")
    assert answer.abstained and answer.sentences == [] and answer.citations == []
    assert not tiny_baseline.ask("Is NATO in France?").abstained  # one shared word is enough


def test_baseline_retrieve_ranks_by_shared_words(tiny_baseline):
    evidence = tiny_baseline.retrieve("Did NATO disavow the 2008 promise?", k=2)
    assert [e.sentence.id for e in evidence.sentences] == ["a:s0", "b:s0"]
    assert [e.number for e in evidence.sentences] == [1, 2]


# ---------------------------------------------------------------------------------------- seed cases
SEED_CASES = ROOT / "tests" / "cases" / "seed.yaml"


def test_seed_cases_point_at_single_sentences_that_state_their_key_facts():
    sentences = [s for a in load_corpus(ROOT / "seeds") for s in split_sentences(a)]
    cases = yaml.safe_load(SEED_CASES.read_text(encoding="utf-8"))["cases"]
    assert len({c["id"] for c in cases}) == len(cases) >= 45
    answerable = [c for c in cases if c["answerable"]]
    assert len(answerable) >= 30 and len(cases) - len(answerable) >= 15
    for case in cases:
        if not case["answerable"]:
            assert "unanswerable" in case["tags"] and not case.get("evidence")
            continue
        gold = []
        for ref in case["evidence"] + case.get("acceptable", []):
            hits = resolve(ref, sentences)
            assert len(hits) == 1, f"{case['id']}: {ref!r} matches {len(hits)} sentences"
            if ref in case["evidence"]:
                gold.extend(hits)
        assert case["key_facts"], case["id"]
        for fact in case["key_facts"]:
            assert matches(fact, " ".join(s.text for s in gold)), (case["id"], fact)


# ------------------------------------------------------------------ held-out sets (benchmarks/heldout.py)
heldout = _load("heldout")


def _kinds(cases) -> dict:
    return {c["id"]: heldout.kind_of(c.get("tags", []), c["answerable"]) for c in cases}


@pytest.mark.parametrize(("tags", "answerable", "kind"), [
    (["unanswerable", "kind:removed"], False, "removed"),
    (["answerable", "squad", "kind:answerable"], True, "answerable"),
    (["paraphrase"], True, "answerable"),
    (["unanswerable"], False, "decline"),
])
def test_kind_of(tags, answerable, kind):
    assert heldout.kind_of(tags, answerable) == kind


def test_split_depends_on_the_id_only_and_is_about_half():
    ids = [f"case-{n}" for n in range(2000)]
    assert [heldout.split_of(i) for i in ids] == [heldout.split_of(i) for i in ids]
    assert 900 < sum(heldout.split_of(i) == "dev" for i in ids) < 1100
    cases = [{"id": i, "answerable": n % 3 > 0, "tags": []} for n, i in enumerate(ids[:300])]
    dev, blind = heldout.select(cases, "dev", None), heldout.select(cases, "blind", None)
    assert not {c["id"] for c in dev} & {c["id"] for c in blind}
    assert len(dev) + len(blind) == len(heldout.select(cases, "all", None)) == 300
    with pytest.raises(ValueError):
        heldout.select(cases, "test", None)


def test_squad_corpus_hand_made_removes_a_third(tmp_path):
    items = []
    for n in range(6):
        context = f"Town {n} lies on river {n}. It has {n + 2} bridges. Its mayor is called Name{n}."
        items += [(context, f"How many bridges has town {n}?", [f"{n + 2} bridges"]),
                  (context, f"Who founded town {n}?", [])]
    data = _write_squad(tmp_path / "data", items)
    summary = heldout.squad_corpus(data, tmp_path / "out", split="all")
    articles, _, cases = check_run(tmp_path / "out", summary)
    assert summary["removed_articles"] == 2 and len(articles) == 4
    texts = {a.text for a in articles}
    kinds = _kinds(cases)
    assert sorted(kinds.values()).count("removed") == 2
    assert sorted(kinds.values()).count("impossible") == sorted(kinds.values()).count("answerable") == 4
    assert summary["dropped"] == {"impossible, paragraph removed": 2}
    by_question = {c["question"]: c for c in cases}
    for context, question, _ in items:
        case = by_question.get(question)
        if context in texts:
            assert case is not None and case["answerable"] == (question.startswith("How"))
        else:
            assert case is None or kinds[case["id"]] == "removed"


@needs_squad
def test_squad_corpus_removed_paragraphs_absent_gold_present(tmp_path):
    summary = heldout.squad_corpus(out_dir=tmp_path, split="all")
    articles, sentences, cases = check_run(tmp_path, summary)  # every answerable gold sentence resolves once
    queries = {q["id"]: q for q in json.loads((adapters.SQUAD_DIR / "queries.json").read_text())["queries"]}
    truth = json.loads((adapters.SQUAD_DIR / "ground_truth.json").read_text(encoding="utf-8"))
    paragraphs = {clean_text(q["context"]) for q in queries.values()}
    texts = {a.text for a in articles}  # as the corpus loader cleans them
    assert summary["removed_articles"] == len(paragraphs - texts) == round(len(paragraphs) / 3) == 137
    assert len(articles) == 411 - 137
    corpus_lower = [s.text.lower() for s in sentences]
    kinds = _kinds(cases)
    assert set(kinds.values()) == {"answerable", "removed", "impossible"}
    for case in cases:
        query, gold = queries[case["id"].removeprefix("squad-")], truth[case["id"].removeprefix("squad-")]
        if kinds[case["id"]] == "removed":
            assert not gold["is_impossible"] and clean_text(query["context"]) not in texts
            own = split_sentences(Article(id="x", title="", text=clean_text(query["context"])))
            answer_sentences = [s.text.lower() for s in own
                                if any(a.strip().lower() in s.text.lower() for a in gold["answers"] if a.strip())]
            assert answer_sentences and not any(a in c for a in answer_sentences for c in corpus_lower)
        else:
            assert clean_text(query["context"]) in texts
            assert case["answerable"] is not gold["is_impossible"]
            assert kinds[case["id"]] == ("impossible" if gold["is_impossible"] else "answerable")
    removed_answerable = [i for i, q in queries.items()
                          if clean_text(q["context"]) not in texts and not truth[i]["is_impossible"]]
    assert len(removed_answerable) == sum(k == "removed" for k in kinds.values()) + sum(
        v for k, v in summary["dropped"].items() if k.startswith("removed"))


@pytest.mark.parametrize("build", [pytest.param("squad_corpus", marks=needs_squad),
                                   pytest.param("multihop_removed", marks=needs_multihop)])
def test_heldout_split_stable_disjoint_same_corpus(tmp_path, build):
    make = getattr(heldout, build)
    runs = {name: make(out_dir=tmp_path / name, split=split)
            for name, split in [("dev", "dev"), ("dev2", "dev"), ("blind", "blind"), ("all", "all")]}
    assert (tmp_path / "dev" / "cases.yaml").read_text().split("\n", 2)[2] == \
        (tmp_path / "dev2" / "cases.yaml").read_text().split("\n", 2)[2]  # same but the command line
    corpora = {Path(r["corpus"]).read_bytes() for r in runs.values()}
    assert len(corpora) == 1  # the corpus does not depend on the split
    ids = {name: [c["id"] for c in read_run(tmp_path / name)[2]] for name in runs}
    assert not set(ids["dev"]) & set(ids["blind"])
    assert sorted(ids["dev"] + ids["blind"]) == sorted(ids["all"])
    assert 0.4 < len(ids["dev"]) / len(ids["all"]) < 0.6
    assert runs["dev"]["splits"] == runs["blind"]["splits"] == runs["all"]["splits"]
    small = make(out_dir=tmp_path / "small", split="dev", limit=20)
    again = make(out_dir=tmp_path / "small2", split="dev", limit=20)
    small_ids = [c["id"] for c in read_run(tmp_path / "small")[2]]
    assert small_ids == [c["id"] for c in read_run(tmp_path / "small2")[2]] and len(small_ids) == 20
    assert set(small_ids) <= set(ids["dev"]) and small["kinds"] == again["kinds"]
    assert set(small["kinds"]) == set(runs["dev"]["kinds"])  # every kind is represented
    for kind, n in small["kinds"].items():
        assert abs(n - 20 * runs["dev"]["kinds"][kind] / runs["dev"]["cases"]) <= 1


def test_pick_removed_takes_whole_groups_only():
    fact = lambda url, text: {"url": url, "fact": text}  # noqa: E731
    truth = {"1": {"evidence_list": [fact("a", "A one."), fact("b", "B one.")]},
             "2": {"evidence_list": [fact("b", "B one."), fact("c", "C one.")]},  # shares url b with 1
             "3": {"evidence_list": [fact("d", "D one.")]},
             "4": {"evidence_list": [fact("e", "A one.")]},  # same fact text as 1, another url
             "5": {"evidence_list": [fact("f", "F one.")]}}
    queries = [{"id": i} for i in truth]
    groups = heldout.removal_groups(queries, truth)
    assert groups["1"] == groups["2"] == groups["4"] == {"1", "2", "4"} and groups["3"] == {"3"}
    for share in (0.2, 0.4, 0.6, 0.8, 1.0):
        removed = heldout.pick_removed(queries, truth, share)
        assert len(removed) <= round(5 * share)
        assert all(groups[q] <= removed for q in removed)


@needs_multihop
def test_multihop_removed_no_answerable_gold_article_removed(tmp_path):
    summary = heldout.multihop_removed(out_dir=tmp_path, split="all")
    articles, sentences, cases = check_run(tmp_path, summary)
    truth = json.loads((adapters.MULTIHOP_DIR / "ground_truth.json").read_text(encoding="utf-8"))
    kept = {a.id for a in articles}
    corpus_lower = [s.text.lower() for s in sentences]
    kinds = _kinds(cases)
    counts = {k: list(kinds.values()).count(k) for k in set(kinds.values())}
    assert counts == {"answerable": 322, "removed": 107, "null": 71} and summary["kinds"] == {
        "answerable": 322, "removed": 107, "null": 71}
    assert summary["removed_articles"] == 326 - len(articles) > 0
    for case in cases:
        gold = truth[case["id"].removeprefix("mh-q")]
        urls = {adapters.multihop_article_id(i["url"]) for i in gold["evidence_list"]}
        if kinds[case["id"]] == "answerable":
            assert urls and urls <= kept, case["id"]
        elif kinds[case["id"]] == "removed":
            assert urls and not urls & kept, case["id"]
            assert not any(i["fact"].strip().lower() in c or c in i["fact"].strip().lower()
                           for i in gold["evidence_list"] for c in corpus_lower), case["id"]
        else:
            assert gold["answer"] == "Insufficient information."


def test_events_set_missing_then_merged(tmp_path):
    events = tmp_path / "events"
    with pytest.raises(heldout.MissingSetError, match=r"corpus/\*\.jsonl"):
        heldout.events_cases(tmp_path / "out", "dev", events_dir=events)
    (events / "corpus").mkdir(parents=True)
    (events / "corpus" / "events.jsonl").write_text(json.dumps({"id": "e1", "title": "T", "text": "A b."}) + "\n")
    (events / "dev.yaml").write_text(yaml.safe_dump({"cases": [
        {"id": "d1", "question": "Q1?", "evidence": ["A b."]}, {"id": "d2", "question": "Q2?", "answerable": False}]}))
    corpus, cases = heldout.events_cases(tmp_path / "out", "dev", events_dir=events)
    assert corpus == events / "corpus" and len(yaml.safe_load(cases.read_text())["cases"]) == 2
    with pytest.raises(heldout.MissingSetError, match="blind.yaml"):
        heldout.events_cases(tmp_path / "out", "all", events_dir=events)
    blind = {"cases": [{"id": "b1", "question": "Q3?", "answerable": False}]}
    (events / "blind.yaml").write_text(yaml.safe_dump(blind))
    _, cases = heldout.events_cases(tmp_path / "all", "all", events_dir=events)
    assert [c["id"] for c in yaml.safe_load(cases.read_text())["cases"]] == ["d1", "d2", "b1"]
    (events / "blind.yaml").write_text(yaml.safe_dump({"cases": [{"question": "Q3?"}, {"question": "Q3?"}]}))
    _, cases = heldout.events_cases(tmp_path / "blind", "blind", events_dir=events)
    assert [c["id"] for c in yaml.safe_load(cases.read_text())["cases"]] == ["blind-01", "blind-02"]

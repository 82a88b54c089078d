"""Held-out, multi-topic evaluation sets with a dev/blind split: one corpus, questions about it and about
what it no longer holds, the way a user meets a news archive.

    python benchmarks/heldout.py squad-corpus     --out bench/sqc [--split dev|blind|all] [--limit N]
    python benchmarks/heldout.py multihop-removed --out bench/mhr [--split dev|blind|all] [--limit N]

Each writes `OUT/corpus/<name>.jsonl` and `OUT/cases.yaml` like benchmarks/adapters.py and prints a JSON
summary with the count of every kind in each split. Every case carries one `kind:<kind>` tag:

* `kind:answerable`: the gold evidence is in the corpus (evidence, key facts as in adapters.py).
* `kind:removed`: the article(s) the question was written against were taken out of the corpus: decline.
* `kind:impossible`: SQuAD 2.0's own unanswerable questions (`is_impossible`), paragraph kept: decline.
* `kind:null`: MultiHop-RAG's null queries ("Insufficient information."): decline.

`squad_corpus`: the 411 paragraphs are one corpus (ids as in adapters.py). The third of them with the
smallest sha1(paragraph text) is removed; their answerable questions become `removed` cases, their
`is_impossible` questions are dropped. `multihop_removed`: one article per url (as in adapters.py);
queries that share an article or a fact text form a group, and groups are removed whole, greedily in the
order of sha1("remove:" + query id), while they fit in a quarter of the non-null queries; so no
answerable query loses a gold article. In both, a removed question whose gold sentence text still occurs
in the kept corpus (overlapping paragraphs, syndicated facts) is dropped, not made a decline.

Split: a case is `dev` when sha1("split:" + case id) is in the lower half, else `blind`; it depends on
nothing else, and the corpus does not depend on the split. `limit` picks a stable subset stratified by
kind. Keep the blind split for final numbers only. Data attribution: see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

import yaml

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # adapters.py, also when this file is loaded by path (tests)

from adapters import (INSUFFICIENT, MULTIHOP_ATTRIBUTION, MULTIHOP_DIR, SQUAD_ATTRIBUTION, SQUAD_DIR,
                      _header, _read_json, _Resolver, _sentences, _write_outputs, multihop_answer_fields,
                      multihop_docs, multihop_gold_sentences, squad_answer_fields, squad_answer_groups,
                      stratified_pick)  # noqa: E402

from briefbot.types import Sentence  # noqa: E402

EVENTS_DIR = HERE / "heldout" / "events"
EVENTS2_DIR = HERE / "heldout" / "events2"  # written blind in session 4; a blind split only
EVENTS3_DIR = HERE / "heldout" / "events3"  # written blind in session 5; dev and blind splits
EVENTS4_DIR = HERE / "heldout" / "events4"  # written blind in session 6 (wire-style prose, paraphrased questions)
EVENTS5_DIR = HERE / "heldout" / "events5"  # written blind in session 7 (new domains: regulators, recalls, census, ...)
EVENTS6_DIR = HERE / "heldout" / "events6"  # written blind in session 8 (a multi-topic archive: series and one-offs)
EVENTS7_DIR = HERE / "heldout" / "events7"  # written blind in session 9 (a regional newspaper archive)
EVENTS8_DIR = HERE / "heldout" / "events8"  # written blind in session 10 (a national news agency's archive)
EVENTS9_DIR = HERE / "heldout" / "events9"  # written blind in session 11 (a regional daily's website, many topics)
EVENTS10_DIR = HERE / "heldout" / "events10"  # written blind in session 12 (a news agency's wire, updated stories)
EVENTS11_DIR = HERE / "heldout" / "events11"  # written blind in session 13 (a regional site's short-news feed)
EVENTS12_DIR = HERE / "heldout" / "events12"  # written blind in session 14 (a public broadcaster's news site)
EVENTS13_DIR = HERE / "heldout" / "events13"  # written blind in session 14 (a regional TV station's site), for session 15
EVENTS14_DIR = HERE / "heldout" / "events14"  # written blind in session 15 (a farming weekly's digital edition)
EVENTS15_DIR = HERE / "heldout" / "events15"  # written blind in session 15 (a legal-affairs site), for session 16
EVENTS16_DIR = HERE / "heldout" / "events16"  # written blind in session 16 (an education news site)
EVENTS17_DIR = HERE / "heldout" / "events17"  # written blind in session 16 (a science-and-health site), for session 17
EVENTS18_DIR = HERE / "heldout" / "events18"  # written blind in session 16 (a labour and workplace news site)
EVENTS19_DIR = HERE / "heldout" / "events19"  # written blind in session 17 (a transport news site)
EVENTS20_DIR = HERE / "heldout" / "events20"  # written blind in session 17 (an energy-and-environment site), for 18
EVENTS21_DIR = HERE / "heldout" / "events21"  # written blind in session 18 (an arts-and-culture news site)
EVENTS22_DIR = HERE / "heldout" / "events22"  # written blind in session 18 (a housing-and-property news site)
EVENTS23_DIR = HERE / "heldout" / "events23"  # written blind in session 19 (a technology-and-telecoms news site)
EVENTS24_DIR = HERE / "heldout" / "events24"  # written blind in session 19 (a retail-and-consumer news site)
EVENTS25_DIR = HERE / "heldout" / "events25"  # written blind in session 19 (a weather-and-emergencies news site)
EVENTS26_DIR = HERE / "heldout" / "events26"  # written blind at the end of session 19 (a tourism-and-travel site), for 20
EVENTS27_DIR = HERE / "heldout" / "events27"  # written blind at the end of session 19 (a sports news site), for 20
EVENTS28_DIR = HERE / "heldout" / "events28"  # written blind at the start of session 20 (a banking-and-personal-finance site)
EVENTS29_DIR = HERE / "heldout" / "events29"  # written blind at the start of session 20 (a media-and-publishing site)
EVENTS30_DIR = HERE / "heldout" / "events30"  # written blind at the start of session 21 (a food-and-hospitality site)
EVENTS31_DIR = HERE / "heldout" / "events31"  # written blind at the start of session 21 (a local-government site)
EVENTS32_DIR = HERE / "heldout" / "events32"  # written blind at the start of session 22 (a maritime site)
EVENTS33_DIR = HERE / "heldout" / "events33"  # written blind at the start of session 22 (an emergency-services site)
EVENTS34_DIR = HERE / "heldout" / "events34"  # written blind at the start of session 23 (an aviation site)
EVENTS35_DIR = HERE / "heldout" / "events35"  # written blind at the start of session 23 (a water-utilities site)
EVENTS36_DIR = HERE / "heldout" / "events36"  # written blind at the start of session 24 (an insurance site)
EVENTS37_DIR = HERE / "heldout" / "events37"  # written blind at the start of session 24 (a book-publishing site)
EVENTS38_DIR = HERE / "heldout" / "events38"  # written blind at the start of session 25 (a fashion site)
EVENTS39_DIR = HERE / "heldout" / "events39"  # written blind at the start of session 25 (a charities site)
EVENTS40_DIR = HERE / "heldout" / "events40"  # written blind at the start of session 26 (a video-games site)
EVENTS41_DIR = HERE / "heldout" / "events41"  # written blind at the start of session 26 (a zoos and wildlife site)
EVENTS42_DIR = HERE / "heldout" / "events42"  # written blind at the start of session 27 (a mining and quarrying site)
EVENTS43_DIR = HERE / "heldout" / "events43"  # written blind at the start of session 27 (a motor-industry site)
EVENTS44_DIR = HERE / "heldout" / "events44"  # written blind at the start of session 28 (a space-industry site)
EVENTS45_DIR = HERE / "heldout" / "events45"  # written blind at the start of session 28 (a fisheries site)
EVENTS46_DIR = HERE / "heldout" / "events46"  # written blind at the start of session 29 (a pharmaceuticals site)
EVENTS47_DIR = HERE / "heldout" / "events47"  # written blind at the start of session 29 (a construction site)
EVENTS48_DIR = HERE / "heldout" / "events48"  # written blind at the start of session 30 (a forestry site)
EVENTS49_DIR = HERE / "heldout" / "events49"  # written blind at the start of session 30 (a postal services site)
EVENTS50_DIR = HERE / "heldout" / "events50"  # written blind at the start of session 31 (a waste and recycling site)
EVENTS51_DIR = HERE / "heldout" / "events51"  # written blind at the start of session 31 (a drinks trade site)
EVENTS52_DIR = HERE / "heldout" / "events52"  # written blind at the start of session 32 (a heritage railway site)
EVENTS53_DIR = HERE / "heldout" / "events53"  # written blind at the start of session 32 (a live music site)
EVENTS54_DIR = HERE / "heldout" / "events54"  # written blind at the start of session 33 (a ferry and shipping site)
EVENTS55_DIR = HERE / "heldout" / "events55"  # written blind at the start of session 33 (a libraries site)
EVENTS56_DIR = HERE / "heldout" / "events56"  # written blind at the start of session 34 (a telecoms site)
EVENTS57_DIR = HERE / "heldout" / "events57"  # written blind at the start of session 34 (a horse racing site)
EVENTS58_DIR = HERE / "heldout" / "events58"  # written blind at the start of session 35 (a chess site)
EVENTS59_DIR = HERE / "heldout" / "events59"  # written blind at the start of session 35 (a beekeeping site)
EVENTS60_DIR = HERE / "heldout" / "events60"  # written blind at the start of session 36 (a glass and ceramics site)
EVENTS61_DIR = HERE / "heldout" / "events61"  # written blind at the start of session 36 (a cycling site)
EVENTS62_DIR = HERE / "heldout" / "events62"  # written blind at the start of session 37 (a veterinary and pet care site)
EVENTS63_DIR = HERE / "heldout" / "events63"  # written blind at the start of session 37 (a toy and board-game site)
EVENTS64_DIR = HERE / "heldout" / "events64"  # written blind at the start of session 38 (a gardening site)
EVENTS65_DIR = HERE / "heldout" / "events65"  # written blind at the start of session 38 (a dance and ballet site)
EVENTS66_DIR = HERE / "heldout" / "events66"  # written blind at the start of session 39 (a jewellery and watch site)
EVENTS67_DIR = HERE / "heldout" / "events67"  # written blind at the start of session 39 (a mountaineering site)
EVENTS68_DIR = HERE / "heldout" / "events68"  # written blind at the start of session 40 (a perfume and cosmetics site)
EVENTS69_DIR = HERE / "heldout" / "events69"  # written blind at the start of session 40 (a circus and fairground site)
EVENTS70_DIR = HERE / "heldout" / "events70"  # written blind at the start of session 41 (a furniture trade site)
EVENTS71_DIR = HERE / "heldout" / "events71"  # written blind at the start of session 41 (a printing and paper site)
EVENTS_DIRS = {"events": EVENTS_DIR, "events2": EVENTS2_DIR, "events3": EVENTS3_DIR, "events4": EVENTS4_DIR,
               "events5": EVENTS5_DIR, "events6": EVENTS6_DIR, "events7": EVENTS7_DIR,
               "events8": EVENTS8_DIR, "events9": EVENTS9_DIR, "events10": EVENTS10_DIR,
               "events11": EVENTS11_DIR, "events12": EVENTS12_DIR,
               "events13": EVENTS13_DIR, "events14": EVENTS14_DIR, "events15": EVENTS15_DIR,
               "events16": EVENTS16_DIR, "events17": EVENTS17_DIR,
               "events18": EVENTS18_DIR, "events19": EVENTS19_DIR,
               "events20": EVENTS20_DIR, "events21": EVENTS21_DIR, "events22": EVENTS22_DIR,
               "events23": EVENTS23_DIR, "events24": EVENTS24_DIR, "events25": EVENTS25_DIR,
               "events26": EVENTS26_DIR, "events27": EVENTS27_DIR,
               "events28": EVENTS28_DIR, "events29": EVENTS29_DIR,
               "events30": EVENTS30_DIR, "events31": EVENTS31_DIR,
               "events32": EVENTS32_DIR, "events33": EVENTS33_DIR,
               "events34": EVENTS34_DIR, "events35": EVENTS35_DIR,
               "events36": EVENTS36_DIR, "events37": EVENTS37_DIR,
               "events38": EVENTS38_DIR, "events39": EVENTS39_DIR,
               "events40": EVENTS40_DIR, "events41": EVENTS41_DIR,
               "events42": EVENTS42_DIR, "events43": EVENTS43_DIR,
               "events44": EVENTS44_DIR, "events45": EVENTS45_DIR,
               "events46": EVENTS46_DIR, "events47": EVENTS47_DIR,
               "events48": EVENTS48_DIR, "events49": EVENTS49_DIR,
               "events50": EVENTS50_DIR, "events51": EVENTS51_DIR,
               "events52": EVENTS52_DIR, "events53": EVENTS53_DIR,
               "events54": EVENTS54_DIR, "events55": EVENTS55_DIR,
               "events56": EVENTS56_DIR, "events57": EVENTS57_DIR,
               "events58": EVENTS58_DIR, "events59": EVENTS59_DIR,
               "events60": EVENTS60_DIR, "events61": EVENTS61_DIR,
               "events62": EVENTS62_DIR, "events63": EVENTS63_DIR,
               "events64": EVENTS64_DIR, "events65": EVENTS65_DIR,
               "events66": EVENTS66_DIR, "events67": EVENTS67_DIR,
               "events68": EVENTS68_DIR, "events69": EVENTS69_DIR,
               "events70": EVENTS70_DIR, "events71": EVENTS71_DIR}
SPLITS = ("dev", "blind", "all")
KIND_ORDER = ("answerable", "removed", "impossible", "null", "decline")


def _unit(text: str) -> float:
    """A stable pseudo-random number in [0, 1) from the sha1 of `text`."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16) / 16**15


def split_of(case_id: str) -> str:
    """`dev` or `blind`, from the case id alone."""
    return "dev" if _unit("split:" + case_id) < 0.5 else "blind"


def kind_of(tags: Sequence[str], answerable: bool) -> str:
    """The `kind:<kind>` tag, or answerable/decline for case files without one."""
    return next((t[5:] for t in tags if t.startswith("kind:")), "answerable" if answerable else "decline")


def kind_counts(cases: list[dict]) -> dict[str, int]:
    """kind -> number of cases, kinds in KIND_ORDER first."""
    counts = Counter(kind_of(c.get("tags", []), c.get("answerable", True)) for c in cases)
    rank = {k: n for n, k in enumerate(KIND_ORDER)}
    return {k: counts[k] for k in sorted(counts, key=lambda k: (rank.get(k, len(rank)), k))}


def select(cases: list[dict], split: str, limit: int | None, seed: int = 0) -> list[dict]:
    """The cases of `split` (dev, blind or all), then a stable subset of `limit` stratified by kind."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    chosen = [c for c in cases if split == "all" or split_of(c["id"]) == split]
    return stratified_pick(chosen, lambda c: kind_of(c.get("tags", []), c.get("answerable", True)), limit, seed)


def _survives(gold: list[Sentence], kept_lower: list[str]) -> bool:
    """Whether the text of a gold sentence still occurs in the kept corpus."""
    return any(s.text.lower() in other for s in gold for other in kept_lower)


def _finish(out_dir: Path, name: str, articles: list[dict], cases: list[dict], split: str,
            limit: int | None, seed: int, header: str, extra: dict) -> dict:
    picked = select(cases, split, limit, seed)
    if not picked:
        raise ValueError(f"{name}: no case in split {split!r} (limit {limit})")
    summary = _write_outputs(Path(out_dir), name, articles, picked, header)
    by_split = {s: kind_counts([c for c in cases if split_of(c["id"]) == s]) for s in ("dev", "blind")}
    return summary | {"split": split, "kinds": kind_counts(picked), "splits": by_split} | extra


def _command(name: str, out_dir: Path, split: str, limit: int | None) -> str:
    return f"python benchmarks/heldout.py {name} --out {out_dir} --split {split}" + (
        f" --limit {limit}" if limit else "")


# ----------------------------------------------------------------------------------------------- SQuAD
def squad_corpus(data_dir: str | Path = SQUAD_DIR, out_dir: str | Path = "bench/squad-corpus",
                 split: str = "dev", limit: int | None = None, seed: int = 0) -> dict:
    """All SQuAD paragraphs but a stable third as one corpus; questions on the removed third decline."""
    queries = _read_json(Path(data_dir) / "queries.json")["queries"]
    truth = _read_json(Path(data_dir) / "ground_truth.json")
    article_ids: dict[str, str] = {}
    for query in queries:
        article_ids.setdefault(query["context"], f"sq{len(article_ids) + 1:04d}")
    by_hash = sorted(article_ids, key=lambda c: hashlib.sha1(c.encode("utf-8")).hexdigest())
    removed = set(by_hash[: round(len(by_hash) / 3)])
    articles = [{"id": aid, "title": " ".join(ctx.split()[:8]) + " …", "text": ctx}
                for ctx, aid in article_ids.items() if ctx not in removed]
    sentences_of = {a["id"]: _sentences(a["id"], a["text"]) for a in articles}
    kept = [s for rows in sentences_of.values() for s in rows]
    resolve, kept_lower = _Resolver(kept), [s.text.lower() for s in kept]

    cases: list[dict] = []
    dropped: Counter = Counter()
    for query in queries:
        gold, context = truth[query["id"]], query["context"]
        case: dict[str, Any] = {"id": f"squad-{query['id']}", "question": query["question"].strip()}
        if context in removed:
            if gold["is_impossible"]:
                dropped["impossible, paragraph removed"] += 1
                continue
            own = _sentences(article_ids[context], context)
            if _survives([s for g in squad_answer_groups(query, gold, own) for s in g], kept_lower):
                dropped["removed, gold sentence kept elsewhere"] += 1
                continue
            case.update(answerable=False, tags=["unanswerable", "squad", "kind:removed"])
        elif gold["is_impossible"]:
            case.update(answerable=False, tags=["unanswerable", "squad", "kind:impossible"])
        else:
            case.update(squad_answer_fields(query, gold, sentences_of[article_ids[context]], resolve))
            case["tags"].append("kind:answerable")
        cases.append(case)

    header = _header("SQuAD 2.0 paragraphs as one corpus, a third removed (held-out set)", SQUAD_ATTRIBUTION,
                     _command("squad-corpus", Path(out_dir), split, limit))
    return _finish(Path(out_dir), "squad-corpus", articles, cases, split, limit, seed, header,
                   {"removed_articles": len(removed), "dropped": dict(dropped)})


# ----------------------------------------------------------------------------------------- MultiHop-RAG
def removal_groups(queries: list[dict], truth: dict) -> dict[str, set[str]]:
    """query id -> the ids of the answerable queries that share an article or a fact with it (itself too)."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for query in queries:
        for item in truth[query["id"]]["evidence_list"]:
            parent[find("q:" + query["id"])] = find("u:" + item["url"])
            parent[find("u:" + item["url"])] = find("f:" + item["fact"].strip())
    members: dict[str, set[str]] = {}
    for query in queries:
        members.setdefault(find("q:" + query["id"]), set()).add(query["id"])
    return {q["id"]: members[find("q:" + q["id"])] for q in queries}


def pick_removed(queries: list[dict], truth: dict, share: float = 0.25) -> set[str]:
    """Ids of about `share` of the answerable queries, whole groups only, greedily in a stable order."""
    target = round(len(queries) * share)
    groups = removal_groups(queries, truth)
    removed: set[str] = set()
    for query in sorted(queries, key=lambda q: hashlib.sha1(f"remove:{q['id']}".encode()).hexdigest()):
        if len(removed) >= target:
            break
        group = groups[query["id"]]
        if query["id"] not in removed and len(removed) + len(group) <= target:
            removed |= group
    return removed


def multihop_removed(data_dir: str | Path = MULTIHOP_DIR, out_dir: str | Path = "bench/multihop-removed",
                     split: str = "dev", limit: int | None = None, seed: int = 0) -> dict:
    """MultiHop-RAG with the gold articles of a stable quarter of the non-null queries removed."""
    queries = _read_json(Path(data_dir) / "queries.json")["queries"]
    truth = _read_json(Path(data_dir) / "ground_truth.json")

    def is_null(query: dict) -> bool:
        gold = truth[query["id"]]
        return str(gold["answer"]).strip() == INSUFFICIENT or not gold["evidence_list"]

    docs = multihop_docs(queries, truth)
    removed_q = pick_removed([q for q in queries if not is_null(q)], truth)
    removed_urls = {i["url"] for qid in removed_q for i in truth[qid]["evidence_list"]}
    articles = [doc for url, doc in docs.items() if url not in removed_urls]
    sentences_of = {url: _sentences(doc["id"], doc["text"]) for url, doc in docs.items()}
    kept = [s for a in articles for s in sentences_of[a["url"]]]
    resolve, kept_lower = _Resolver(kept), [s.text.lower() for s in kept]

    cases: list[dict] = []
    dropped: Counter = Counter()
    for query in queries:
        gold, qtype = truth[query["id"]], query.get("question_type", "unknown")
        case: dict[str, Any] = {"id": f"mh-q{query['id']}", "question": query["question"].strip()}
        if is_null(query):
            case.update(answerable=False, tags=[qtype, "unanswerable", "kind:null"])
        elif query["id"] in removed_q:
            if _survives(multihop_gold_sentences(gold, sentences_of), kept_lower):
                dropped["removed, gold sentence kept elsewhere"] += 1
                continue
            case.update(answerable=False, tags=[qtype, "unanswerable", "kind:removed"])
        else:
            case.update(multihop_answer_fields(gold, qtype, sentences_of, resolve))
            case["tags"].append("kind:answerable")
        cases.append(case)

    header = _header("MultiHop-RAG with a quarter of the gold articles removed (held-out set)",
                     MULTIHOP_ATTRIBUTION, _command("multihop-removed", Path(out_dir), split, limit))
    return _finish(Path(out_dir), "multihop-removed", articles, cases, split, limit, seed, header,
                   {"removed_articles": len(removed_urls), "dropped": dict(dropped)})


# ----------------------------------------------------------------------------------- hand-written events
class MissingSetError(FileNotFoundError):
    """A hand-written held-out set (or one of its splits) is not there yet."""


def events_cases(out_dir: str | Path, split: str = "dev", limit: int | None = None, seed: int = 0,
                 events_dir: str | Path = EVENTS_DIR) -> tuple[Path, Path]:
    """(corpus dir, case file) of the hand-written events set; MissingSetError says what is missing."""
    events_dir = Path(events_dir)
    names = ["dev", "blind"] if split == "all" else [split]
    needed = [events_dir / f"{n}.yaml" for n in names]
    missing = [str(p) for p in needed if not p.is_file()]
    if not any((events_dir / "corpus").glob("*.jsonl")):
        missing.insert(0, str(events_dir / "corpus" / "*.jsonl"))
    if missing:
        raise MissingSetError(f"{events_dir.name} set has no {split} split: missing {', '.join(missing)}")
    cases: list[dict] = []
    thresholds = None
    for name in names:
        data = yaml.safe_load((events_dir / f"{name}.yaml").read_text(encoding="utf-8")) or {}
        thresholds = thresholds or data.get("thresholds")
        for n, case in enumerate(data.get("cases") or [], start=1):  # ids: question slugs may collide
            cases.append(case if not isinstance(case, dict) or case.get("id") else {"id": f"{name}-{n:02d}"} | case)
    picked = stratified_pick(cases, lambda c: kind_of(c.get("tags", []), c.get("answerable", True)), limit, seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    body = {"thresholds": thresholds, "cases": picked} if thresholds else {"cases": picked}
    (out / "cases.yaml").write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return events_dir / "corpus", out / "cases.yaml"


# ------------------------------------------------------------------------------------------------- CLI
BUILDERS = {"squad-corpus": (squad_corpus, SQUAD_DIR), "multihop-removed": (multihop_removed, MULTIHOP_DIR)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a held-out corpus + cases (dev/blind split).")
    parser.add_argument("dataset", choices=sorted(BUILDERS))
    parser.add_argument("--out", required=True, type=Path, help="output directory (corpus/ and cases.yaml)")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--limit", type=int, default=None, help="number of questions (stratified by kind)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the subset pick")
    parser.add_argument("--data", type=Path, default=None, help="data directory (default: ../shared/data/...)")
    args = parser.parse_args(argv)
    build, default_data = BUILDERS[args.dataset]
    data = args.data or default_data
    if not (Path(data) / "queries.json").is_file():
        print(f"error: no queries.json in {data}; pass --data DIR", file=sys.stderr)
        return 1
    print(json.dumps(build(data, args.out, args.split, args.limit, args.seed), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

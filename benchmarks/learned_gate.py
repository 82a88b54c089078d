"""A learned answer/decline decision against the hand-written rules, fitted and measured leave-one-set-out.

    .venv/bin/python benchmarks/learned_gate.py [sets ...] [--model lr|gbt] [--cache FILE.pkl]

For every dev question of the given held-out sets (default: every set with a dev split, as `rules_proxy.py`),
evidence is retrieved as briefbot does (no model drafts anything) and each evidence sentence described by the
retrieval signals (`answer.signals`), its rank, and each answer rule as a feature of its own (form, qualifiers,
candidate of the expected type, topics, focus, office, preview, polarity, whether the rules let it answer and at
which place), with the question's own flags (withheld, vacant office, unknown names, name coverage, whether the
whole gate passes, its answer type). A classifier (logistic regression, or gradient-boosted trees) is fitted to
say which sentence is gold on all sets but one and applied to the one left out, for each set in turn. Three ways
of deciding are then counted against the gate itself (right answers: a gold sentence among the two cited; right
declines), at several thresholds: "rules" (the rule-allowed sentences re-ranked, declining under the threshold),
"hard" (any sentence, declining where the corpus says the fact was withheld, the office is vacant or a name is
unknown) and "all" (any sentence, the classifier alone). Session 22's finding: none beats the rules (see
docs/heldout-history.md, "Session 22"). The blind splits are never read here.
"""

from __future__ import annotations

import argparse
import collections
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from rules_proxy import SETS, _flat, dev_split  # noqa: E402

# every set with a dev split except events28-29, whose two splits are kept unread for measurement
DEFAULT_SETS = [name for name in SETS if name not in ("events2", "events28", "events29")]
THRESHOLDS = (0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def set_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of every benchmark measuring a learned alternative on the dev splits: the sets, a cache."""
    parser.add_argument("sets", nargs="*", help=f"default: {' '.join(DEFAULT_SETS)}")
    parser.add_argument("--cache", help="a .pkl file: reuse its records if it exists, else write them there")


def dev_records(parser: argparse.ArgumentParser, args: argparse.Namespace, collect: Callable[[str], list[dict]],
                names: Sequence[str] = ()) -> list[dict]:
    """What `collect` records of each set's dev split (`names`, else the sets asked for, else `DEFAULT_SETS`), read
    from `args.cache` when that file exists and written to it when not; an unknown set is a usage error."""
    names = list(names or args.sets or DEFAULT_SETS)
    unknown = [name for name in names if name not in SETS]
    if unknown:
        parser.error(f"unknown sets {unknown}; choose from {', '.join(SETS)}")
    if args.cache and Path(args.cache).is_file():
        return pickle.loads(Path(args.cache).read_bytes())
    records = [r for name in names for r in collect(name)]
    if args.cache:
        Path(args.cache).write_bytes(pickle.dumps(records))
    return records


def collect(name: str) -> list[dict]:
    """One record per dev question of set `name`: its flags and, per evidence sentence, its features and label."""
    from briefbot.answer.answering import _relevance, answering, sentences_before, withheld
    from briefbot.answer.answers import has_candidate, previews, wrong_polarity
    from briefbot.answer.gate import gate
    from briefbot.answer.qualifiers import missing_qualifiers
    from briefbot.answer.question import analyse
    from briefbot.answer.question_form import answers_form
    from briefbot.answer.signals import signals
    from briefbot.answer.topics import missing_focus, missing_office, missing_topics

    bot, cases = dev_split(name)
    records = []
    for case in cases:
        q = analyse(case["question"])
        ev = bot.retriever.retrieve(q, top_chunks=bot.settings.top_chunks, k=bot.settings.evidence_sentences)
        allowed = answering(ev, q)
        chosen = [e.sentence.id for e in allowed]
        answerable = case.get("answerable", True) is not False
        gold = {s.id for s in bot.index.sentences if any(e in s.text for e in _flat(case["evidence"]))} \
            if answerable else set()
        before = sentences_before(ev)
        relevance = _relevance(ev, before)
        best = max((e.score for e in ev.sentences), default=0.0) or 1.0
        sentences = []
        for rank, e in enumerate(ev.sentences):
            prior = before[e.sentence.id].sentence.text if e.sentence.id in before else None
            sentences.append({
                "signals": signals(q, ev, e)[1:], "rank": rank, "relative": relevance[e.sentence.id] / best,
                "form": bool(answers_form(q.form, e.sentence.text, prior)), "qualifiers": not missing_qualifiers(q, e),
                "candidate": bool(has_candidate(q, e)), "topics": not missing_topics(q, e),
                "focus": not missing_focus(q, e), "office": not missing_office(q, e), "preview": bool(previews(q, e)),
                "polar": bool(wrong_polarity(q, e)), "allowed": e.sentence.id in chosen,
                "place": chosen.index(e.sentence.id) if e.sentence.id in chosen else -1, "lead": e.sentence.index == 0,
                "gold": e.sentence.id in gold})
        records.append({"set": name, "id": case["id"], "answerable": answerable, "sentences": sentences,
                        "passes": gate(ev, bot.settings.min_evidence_score, q) is None,
                        "withheld": withheld(ev, q, allowed) is not None, "vacant": ev.vacant is not None,
                        "unknown": bool(ev.unknown_names), "covered": ev.name_coverage >= 1.0,
                        "terms": min(len(q.terms), 15) / 15, "multi": ev.multi_article, "parts": q.parts is not None,
                        "type": q.answer_type})
    return records


def features(record: dict, sentence: dict, types: list[str]) -> list[float]:
    s = sentence
    row = list(s["signals"]) + [s["rank"] == 0, s["rank"] == 1, s["rank"] / 6, s["relative"], s["form"],
                                s["qualifiers"], s["candidate"], s["topics"], s["focus"], s["office"], s["preview"],
                                s["polar"], s["allowed"], s["place"] == 0, s["place"] == 1, s["lead"]]
    row += [record[k] for k in ("withheld", "vacant", "unknown", "covered", "passes", "terms", "multi", "parts")]
    row += [record["type"] == t for t in types]
    return [float(v) for v in row]


def outcome(record: dict, cited: list[dict] | None) -> str:
    """ra: right answer, wc: wrong citation, fd: false decline, rd: right decline, wa: wrong answer."""
    if not record["answerable"]:
        return "rd" if cited is None else "wa"
    if cited is None:
        return "fd"
    return "ra" if any(s["gold"] for s in cited) else "wc"


def by_rules(record: dict) -> list[dict] | None:
    if not record["passes"]:
        return None
    allowed = sorted((s for s in record["sentences"] if s["allowed"]), key=lambda s: s["place"])
    return allowed[:2] or None


def learned(record: dict, p: np.ndarray, threshold: float, variant: str) -> list[dict] | None:
    rows = list(range(len(record["sentences"])))
    if variant == "rules":
        if not record["passes"]:
            return None
        rows = [i for i in rows if record["sentences"][i]["allowed"]]
    if variant == "hard" and (record["unknown"] or record["vacant"] or record["withheld"]):
        return None
    rows.sort(key=lambda i: -p[i])
    if not rows or p[rows[0]] < threshold:
        return None
    return [record["sentences"][i] for i in rows[:2]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    set_arguments(parser)
    parser.add_argument("--model", choices=("lr", "gbt"), default="lr")
    args = parser.parse_args()
    records = dev_records(parser, args, collect)
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    types = sorted({r["type"] for r in records})
    names = sorted({r["set"] for r in records})
    chances: dict[tuple[str, str], np.ndarray] = {}
    for held in names:  # leave one set out
        train = [(r, s) for r in records if r["set"] != held for s in r["sentences"]]
        x = np.array([features(r, s, types) for r, s in train])
        y = np.array([s["gold"] for _, s in train])
        model = (LogisticRegression(max_iter=2000) if args.model == "lr"
                 else HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05, max_depth=4)).fit(x, y)
        for r in records:
            if r["set"] == held and r["sentences"]:
                chances[(r["set"], r["id"])] = model.predict_proba(
                    np.array([features(r, s, types) for s in r["sentences"]]))[:, 1]
    rules = collections.Counter(outcome(r, by_rules(r)) for r in records)
    print(f"{len(records)} dev questions of {len(names)} sets; the gate's rules: right answers {rules['ra']}, "
          f"right declines {rules['rd']}")
    for variant in ("rules", "hard", "all"):
        print(f"{args.model}, {variant}:")
        for threshold in THRESHOLDS:
            c = collections.Counter(outcome(r, learned(r, chances[(r['set'], r['id'])], threshold, variant)
                                            if (r["set"], r["id"]) in chances else None) for r in records)
            print(f"  threshold {threshold:.2f}: right answers {c['ra']} (wrong citation {c['wc']}, false decline "
                  f"{c['fd']}), right declines {c['rd']} (answered {c['wa']}), sum {c['ra'] + c['rd']}")


if __name__ == "__main__":
    main()

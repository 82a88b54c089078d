"""A learned ranking of the short-answer candidates against the hand-ordered rank key, fitted grouped by set.

    .venv/bin/python benchmarks/learned_short.py [sets ...] [--fresh events58 events59] [--cache FILE.pkl]

For every answerable dev question with key facts whose first answering sentence is gold (what `rules_proxy.py`
counts as "short answer right ... of ..."), each candidate span of that sentence (`short.ranked_candidates`) is
labelled right when the short answer it makes (`short.span_of`) gives a key fact. Each candidate is described by
the components of its hand-ordered rank key, its place among the candidates, its length, whether its clause names
one of the question's names and how far it stands from one, and its entity label crossed with the answer type.
A conditional logit (a softmax over each question's candidates, L2) is fitted on four fifths of the older sets and
picks a candidate on the fifth, each fifth in turn; then it is fitted on all older sets and tried on the `--fresh`
ones. Printed: right short answers by the hand key and by the learned ranking, and how many questions have a right
candidate at all. Session 35's finding: the hand key picks a right span in 741 of the 783 questions that have one,
the learned ranking in 735 (README, "Held-out multi-topic sets"). The blind splits are never read here.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from learned_gate import DEFAULT_SETS, dev_records, set_arguments  # noqa: E402
from rules_proxy import _flat, dev_split, rules_answer  # noqa: E402

LABELS = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3, "DATE": 4, "TIME": 4, "CARDINAL": 5,
          "QUANTITY": 6, "MONEY": 6, "PERCENT": 6}
TYPES = ("person", "entity", "place", "date", "number", "amount")
_WORD = re.compile(r"[\w'’]+")
_BREAK = re.compile(r"[,;:.]|\b(?:and|while|but)\b")


def collect(name: str) -> list[dict]:
    """One record per answerable dev question of `name` whose first answering sentence is gold: its candidates."""
    from briefbot.answer.question import analyse
    from briefbot.answer.short import _as_figure, ranked_candidates, span_of
    from briefbot.evaluation.metrics import short_answer_holds

    bot, cases = dev_split(name)
    records = []
    for case in cases:
        if case.get("answerable", True) is False or not case.get("key_facts"):
            continue
        question = analyse(case["question"])
        _, chosen, _ = rules_answer(bot, question)
        if not chosen:
            continue
        gold = {s.id for s in bot.index.sentences if any(e in s.text for e in _flat(case["evidence"]))}
        if chosen[0].sentence.id not in gold:
            continue
        figure = _as_figure(question)
        found = [{"label": entity.label, "start": entity.start, "end": entity.end, "words": len(entity.text.split()),
                  "key": key, "right": any(short_answer_holds(f, span_of(figure, chosen[0], entity).text)
                                           for f in case["key_facts"])}
                 for entity, key in ranked_candidates(figure, chosen[0])]
        records.append({"set": name, "type": figure.answer_type, "text": chosen[0].sentence.text,
                        "names": [w.lower() for t in question.topics for w in _WORD.findall(t)], "candidates": found})
    return records


def features(record: dict) -> np.ndarray:
    """One row per candidate (see the module docstring)."""
    text, names = record["text"], set(record["names"])
    name_at = [m.start() for m in _WORD.finditer(text) if m.group(0).lower() in names]
    starts = sorted(c["start"] for c in record["candidates"])
    rows = []
    for c in record["candidates"]:
        left = max([0] + [m.end() for m in _BREAK.finditer(text[:c["start"]])])
        right = _BREAK.search(text, c["end"])
        clause = text[left:right.start() if right else len(text)]
        place = starts.index(c["start"])
        crossed = np.zeros((len(TYPES) + 1, 8))
        crossed[TYPES.index(record["type"]) if record["type"] in TYPES else len(TYPES), LABELS.get(c["label"], 7)] = 1
        key = c["key"]
        rows.append(np.concatenate([
            [*key[:6], min(key[6], 3), key[7], key[8], place == 0, place / max(1, len(starts) - 1), c["words"] / 5,
             any(w.lower() in names for w in _WORD.findall(clause)),
             min((abs(p - c["start"]) for p in name_at), default=200) / 100], crossed.ravel()]))
    return np.array(rows, dtype=float)


def fit(xs: list[np.ndarray], ys: list[np.ndarray], l2: float = 10.0, steps: int = 400) -> tuple:
    """A conditional logit over each question's candidates (questions with one candidate or no right one teach
    nothing), by gradient descent on standardised features."""
    stacked = np.concatenate(xs)
    mean, scale = stacked.mean(0), stacked.std(0) + 1e-6
    useful = [(x, y) for x, y in zip(xs, ys) if len(y) > 1 and y.sum() > 0]
    w = np.zeros(stacked.shape[1])
    for _ in range(steps):
        grad = l2 * w / len(useful)
        for x, y in useful:
            z = (x - mean) / scale
            s = z @ w
            p = np.exp(s - s.max())
            grad += z.T @ (p / p.sum() - y / y.sum()) / len(useful)
        w -= grad
    return w, mean, scale


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    set_arguments(parser)
    parser.add_argument("--fresh", nargs="*", default=[], help="sets left out of every fit, tried at the end")
    args = parser.parse_args()
    names = [n for n in (args.sets or DEFAULT_SETS) if n not in args.fresh] + args.fresh
    records = dev_records(parser, args, collect, names)
    print(f"{len(records)} questions; {sum(not r['candidates'] for r in records)} with no candidate")
    records = [r for r in records if r["candidates"]]
    xs = [features(r) for r in records]
    ys = [np.array([c["right"] for c in r["candidates"]], dtype=float) for r in records]
    by_hand = [y[0] > 0 for y in ys]  # `ranked_candidates` lists them in the hand key's order

    def picked(model: tuple, i: int) -> bool:
        w, mean, scale = model
        return ys[i][int(np.argmax(((xs[i] - mean) / scale) @ w))] > 0

    older = sorted({r["set"] for r in records} - set(args.fresh))
    folds = [older[k::5] for k in range(5)]
    learned = 0
    for fold in folds:
        train = [i for i, r in enumerate(records) if r["set"] not in fold and r["set"] not in args.fresh]
        model = fit([xs[i] for i in train], [ys[i] for i in train])
        learned += sum(picked(model, i) for i, r in enumerate(records) if r["set"] in fold)
    held = [i for i, r in enumerate(records) if r["set"] not in args.fresh]
    print(f"older sets ({len(older)}), five folds by set: {len(held)} questions with candidates, a right one among "
          f"them in {sum(ys[i].sum() > 0 for i in held)}; hand key {sum(by_hand[i] for i in held)}, learned {learned}")
    if args.fresh:
        model = fit([xs[i] for i in held], [ys[i] for i in held])
        fresh = [i for i, r in enumerate(records) if r["set"] in args.fresh]
        print(f"fresh ({' '.join(args.fresh)}): {len(fresh)} questions; hand key {sum(by_hand[i] for i in fresh)}, "
              f"learned {sum(picked(model, i) for i in fresh)}")


if __name__ == "__main__":
    main()

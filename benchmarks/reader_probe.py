"""Do the bundled models' hidden states tell a right citation from a wrong one? A linear probe, grouped by set.

    .venv/bin/python benchmarks/reader_probe.py [sets ...] --encoder llm|minilm [--cache FILE.pkl]

For every dev question the gate answers (decided as `rules_proxy.py` does; no model drafts anything), the sentence
it would cite first is encoded together with the question:
- `llm`: the bundled SmolLM2-135M reads "Question / Article (title, date) / Context (the sentence before) / Sentence /
  Does the sentence answer the question?" in its chat format; the features are llama.cpp's embedding output (the
  final hidden layer) at the last token and its mean over all tokens (about 0.4 s a question on 2 cores);
- `minilm`: the bundled MiniLM reads the question and "title. sentence" as one pair; the features are its last
  layer's mean and first token.
A logistic regression on the standardised features (C = 0.001, 0.01, 0.1) is fitted on four fifths of the sets and
applied to the fifth, each fifth in turn (grouped by set), to say whether the citation is right (a gold sentence of an
answerable question among the two the gate cites). The area under the ROC curve is printed beside that of the
retrieval score of the same sentence. Session 35's finding: both probes are at chance (README, "Held-out multi-topic
sets"). The blind splits are never read here.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from learned_gate import dev_records, set_arguments  # noqa: E402
from rules_proxy import _flat, dev_split, rules_answer  # noqa: E402


def collect(name: str) -> list[dict]:
    """One record per dev question of set `name` that the gate answers: the question, the sentence it cites first
    (with its title, date and the sentence before) and whether the citation is right."""
    from briefbot.answer.question import analyse

    bot, cases = dev_split(name)
    records = []
    for case in cases:
        question = analyse(case["question"])
        _, chosen, declined = rules_answer(bot, question)
        if declined or not chosen:
            continue  # declined: nothing is cited
        answerable = case.get("answerable", True) is not False
        gold = {s.id for s in bot.index.sentences if any(e in s.text for e in _flat(case["evidence"]))} \
            if answerable else set()
        first = chosen[0]
        records.append({"set": name, "question": case["question"], "text": first.sentence.text,
                        "title": first.title, "published": first.published, "before": first.before or "",
                        "score": first.score, "right": bool(gold & {e.sentence.id for e in chosen[:2]})})
    return records


def llm_features(records: list[dict]) -> np.ndarray:
    """SmolLM2's final hidden layer for each record's prompt: the last token's and the mean over tokens."""
    import llama_cpp

    from briefbot.config import Settings
    from briefbot.models.runtime import model_params_with

    with model_params_with(use_extra_bufts=False):  # no AMX weight repacking (it crashes on decode)
        llm = llama_cpp.Llama(model_path=str(Settings().llm_path()), embedding=True,
                              pooling_type=llama_cpp.LLAMA_POOLING_TYPE_NONE, n_ctx=1024, n_batch=1024,
                              n_ubatch=1024, n_threads=2, n_threads_batch=2, verbose=False)
    dim = llm.n_embd()
    rows = []
    for i, r in enumerate(records):
        prompt = (f"<|im_start|>user\nQuestion: {r['question']}\nArticle: {r['title']} ({r['published']}).\n"
                  f"Context: {r['before']}\nSentence: {r['text']}\nDoes the sentence answer the question?<|im_end|>\n"
                  "<|im_start|>assistant\n")
        tokens = llm.tokenize(prompt.encode(), add_bos=True, special=True)[:1000]
        llm._batch.reset()
        llm._ctx.kv_cache_clear()
        llm._batch.set_batch(tokens, n_past=0, logits_all=True)
        llm._ctx.decode(llm._batch)
        states = np.ctypeslib.as_array(llama_cpp.llama_get_embeddings(llm._ctx.ctx), shape=(len(tokens) * dim,))
        states = states.reshape(len(tokens), dim)
        rows.append(np.concatenate([states[-1], states.mean(0)]))
        if (i + 1) % 200 == 0:
            print(f"  encoded {i + 1} of {len(records)}", file=sys.stderr, flush=True)
    return np.array(rows)


def minilm_features(records: list[dict]) -> np.ndarray:
    """MiniLM's last layer over the pair (question, "title. sentence"): its mean and its first token."""
    import torch
    from sentence_transformers import SentenceTransformer

    from briefbot.config import Settings

    encoder = SentenceTransformer(str(Settings().embedder_path()), device="cpu")
    tokenizer, model = encoder.tokenizer, encoder[0].auto_model
    rows = []
    with torch.no_grad():
        for r in records:
            pair = tokenizer(r["question"], f"{r['title']}. {r['text']}", return_tensors="pt", truncation=True,
                             max_length=256)
            states = model(**pair).last_hidden_state[0]
            rows.append(np.concatenate([states.mean(0).numpy(), states[0].numpy()]))
    return np.array(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    set_arguments(parser)
    parser.add_argument("--encoder", choices=("llm", "minilm"), default="minilm")
    args = parser.parse_args()
    records = dev_records(parser, args, collect)
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    x = llm_features(records) if args.encoder == "llm" else minilm_features(records)
    y = np.array([r["right"] for r in records])
    groups = np.array([r["set"] for r in records])
    print(f"{len(records)} answered dev questions of {len(set(groups))} sets, {int(y.sum())} cited right; "
          f"retrieval score AUC {roc_auc_score(y, [r['score'] for r in records]):.3f}")
    for c in (0.001, 0.01, 0.1):
        chance = np.zeros(len(y))
        for train, test in GroupKFold(5).split(x, y, groups):
            scaler = StandardScaler().fit(x[train])
            model = LogisticRegression(C=c, max_iter=3000).fit(scaler.transform(x[train]), y[train])
            chance[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
        print(f"{args.encoder} probe, C={c}: AUC {roc_auc_score(y, chance):.3f}")


if __name__ == "__main__":
    main()

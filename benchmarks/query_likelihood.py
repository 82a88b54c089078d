"""Does the model earn its latency as a QUERY-LIKELIHOOD reader? How likely the question is after each sentence.

    python benchmarks/query_likelihood.py [--sets events26 events27 ...] [--split dev] [--limit 0]

A model too small to follow "which sentence answers?" (`model_reader.py`: chance) may still score a sentence by
how predictable it makes the question: the mean log-probability of the question's tokens after
"<title>. <sentence>\nQuestion: ", minus the same without the sentence (pointwise mutual information; the
"query likelihood" rerankers of Zhuang et al. 2023). No instruction is followed and no text is generated; one
evaluation of the prompt per evidence sentence (about 0.1 s with the bundled SmolLM2-135M on two cores).

For every question: the evidence briefbot retrieves, and for each evidence sentence its retrieval score, the rules'
verdict (`answering.answering`: the sentences allowed to answer, in citing order) and its likelihood. Prints:
- on answerable questions whose gold sentence was retrieved, how often the best sentence by retrieval score, by
  likelihood, and by the two z-scored and added, is gold (over all evidence, and over the rule-allowed sentences);
- on questions the gate lets through, how well the rules' first sentence's likelihood tells an answerable question
  answered right from an unanswerable one answered (the area under the ROC curve: 0.5 is chance).
The blind splits are for final numbers only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import prepare  # noqa: E402

from briefbot import Briefbot, Settings  # noqa: E402
from briefbot.answer.answering import answering  # noqa: E402
from briefbot.answer.gate import gate  # noqa: E402
from briefbot.answer.question import analyse  # noqa: E402
from briefbot.evaluation import load_cases  # noqa: E402
from briefbot.evaluation.resolve import resolve_cases  # noqa: E402
from briefbot.models.runtime import model_params_with, use_extra_buffer_types  # noqa: E402

PROMPT = "{context}\nQuestion: "


class QueryLikelihood:
    """Mean log-probability per question token after a prompt, from a GGUF model loaded with all logits kept."""

    def __init__(self, model_path: Path, repack: str = "auto") -> None:
        from llama_cpp import Llama

        with model_params_with(use_extra_bufts=use_extra_buffer_types(repack)):
            self.llama = Llama(model_path=str(model_path), n_ctx=1024, n_threads=2, n_threads_batch=2,
                               logits_all=True, verbose=False, seed=0)
        self._alone: dict[str, float] = {}

    def _mean_logprob(self, context: str, question: str) -> float:
        prompt = self.llama.tokenize(PROMPT.format(context=context).encode(), add_bos=True)
        asked = self.llama.tokenize(question.encode(), add_bos=False)
        tokens = (prompt + asked)[-1000:]
        start = len(tokens) - len(asked)
        self.llama.reset()
        self.llama.eval(tokens)
        logits = np.asarray(self.llama.scores[start - 1:len(tokens) - 1], dtype=np.float64)
        top = logits.max(axis=1, keepdims=True)
        normaliser = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
        return float((logits[np.arange(len(asked)), asked] - normaliser).mean())

    def pmi(self, context: str, question: str) -> float:
        """How much more likely the question is after `context` than after nothing (mean per token)."""
        if question not in self._alone:
            self._alone[question] = self._mean_logprob("", question)
        return self._mean_logprob(context, question) - self._alone[question]


def _z(values: list[float]) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    return (array - array.mean()) / (array.std() + 1e-9)


def _auc(positives: list[float], negatives: list[float]) -> float:
    if not positives or not negatives:
        return float("nan")
    return float(np.mean([(p > n) + 0.5 * (p == n) for p in positives for n in negatives]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=["events26", "events27", "events23", "events24", "events25"])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--model", type=Path, default=None,
                        help="a GGUF file (default: BRIEFBOT_LLM_MODEL, else the bundled SmolLM2-135M)")
    args = parser.parse_args(argv)
    settings = Settings()
    reader = QueryLikelihood(args.model or settings.llm_path(), repack=settings.llm_repack)
    picks = {name: [0, 0] for name in ("retrieval", "likelihood", "retrieval + likelihood")}
    allowed_picks = {name: [0, 0] for name in ("rules' order", "likelihood", "rules' order + likelihood")}
    right, wrong = [], []
    with tempfile.TemporaryDirectory(prefix="briefbot-ql-") as tmp:
        for dataset in args.sets:
            corpus, cases_path = prepare(dataset, args.limit or None, Path(tmp), args.split)
            bot = Briefbot.from_corpus(corpus, index=Path(tmp) / f"index-{dataset}", settings=settings)
            for item in resolve_cases(load_cases(cases_path), bot.index.sentences):
                question = analyse(item.case.question)
                evidence = bot.retriever.retrieve(question, top_chunks=settings.top_chunks,
                                                  k=settings.evidence_sentences)
                if not evidence.sentences:
                    continue
                order = [e.sentence.id for e in answering(evidence, question)]
                likelihood = [reader.pmi(f"{e.title}. {e.sentence.text}" if e.sentence.index else e.sentence.text,
                                         item.case.question) for e in evidence.sentences]
                gold = [e.sentence.id in item.gold_ids for e in evidence.sentences]
                if item.case.answerable and any(gold):
                    scores = [e.score for e in evidence.sentences]
                    for name, values in (("retrieval", _z(scores)), ("likelihood", _z(likelihood)),
                                         ("retrieval + likelihood", _z(scores) + _z(likelihood))):
                        picks[name][0] += gold[int(np.argmax(values))]
                        picks[name][1] += 1
                    allowed = [i for i, e in enumerate(evidence.sentences) if e.sentence.id in order]
                    if allowed:
                        rank = _z([-order.index(evidence.sentences[i].sentence.id) for i in allowed])
                        mine = _z([likelihood[i] for i in allowed])
                        for name, values in (("rules' order", rank), ("likelihood", mine),
                                             ("rules' order + likelihood", rank + mine)):
                            allowed_picks[name][0] += gold[allowed[int(np.argmax(values))]]
                            allowed_picks[name][1] += 1
                if order and gate(evidence, settings.min_evidence_score, question) is None:
                    first = next(i for i, e in enumerate(evidence.sentences) if e.sentence.id == order[0])
                    if item.case.answerable and gold[first]:
                        right.append(likelihood[first])
                    elif not item.case.answerable:
                        wrong.append(likelihood[first])
    print(f"| best sentence by ({', '.join(args.sets)}, {args.split}) | gold among all evidence | "
          "gold among the rule-allowed |\n|---|---|---|")
    for (name, (hit, n)), (other, (hit2, n2)) in zip(picks.items(), allowed_picks.items()):
        print(f"| {name} / {other} | {hit}/{n} | {hit2}/{n2} |")
    print(f"\nlikelihood of the rules' first sentence, answered right ({len(right)}) vs unanswerable answered "
          f"({len(wrong)}): AUC {_auc(right, wrong):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

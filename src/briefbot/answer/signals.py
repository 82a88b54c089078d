"""How likely an evidence sentence answers the question: a learned combination of signals.

`signals(question, evidence, item)` measures one sentence: retrieval scores, the share of the question's
words it holds itself, whether its qualifiers hold and it holds a candidate of the expected type
(`answer.answers`), the question-form rule, hedging ("is expected to win"), and how much of the question
no evidence sentence mentions at all. `AnswerScorer` turns them into a probability with a logistic
regression whose weights ship in `answer_model.json`; they were fitted by `benchmarks/fit_answer_model.py`
on the dev splits of the held-out sets (never on the blind splits), which also chose the decision threshold.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from briefbot.answer.answers import candidates
from briefbot.answer.qualifiers import missing_qualifiers
from briefbot.answer.question import Question
from briefbot.index.lexical import content_terms
from briefbot.answer.question_form import answers_form
from briefbot.types import Evidence, EvidenceSentence

MODEL_FILE = Path(__file__).with_name("answer_model.json")
FEATURES = ("bias", "score", "lexical", "dense", "relative", "first", "own_share", "form", "qualifiers",
            "candidate", "open_type", "hedged", "unmentioned")
_HEDGE = re.compile(r"\b(?:will|would|could|may|might|expected|expects|likely|plans?|planned|hopes?|"
                    r"aims?|set to|due to|preview|favourites?|favorites?|tipped)\b", re.IGNORECASE)


def signals(question: Question, evidence: Evidence, item: EvidenceSentence) -> list[float]:
    """The signal vector of `item` (in the order of `FEATURES`)."""
    best = max((e.score for e in evidence.sentences), default=0.0) or 1.0
    asked = set(question.content_words)
    own = set(content_terms(item.sentence.text))
    everywhere: set[str] = set()
    for e in evidence.sentences:
        everywhere |= set(content_terms(e.sentence.text)) | set(content_terms(e.title))
    share = (lambda found: len(asked & found) / len(asked)) if asked else (lambda found: 1.0)
    form = answers_form(question.form, item.sentence.text, item.before)
    return [
        1.0,
        item.score,
        item.lexical,
        item.dense,
        item.score / best,
        1.0 if item.score >= best else 0.0,
        share(own),
        1.0 if form else 0.0,
        0.0 if missing_qualifiers(question, item) else 1.0,
        1.0 if candidates(question, item) else 0.0,
        1.0 if not question.answer_labels else 0.0,
        1.0 if _HEDGE.search(item.sentence.text) else 0.0,
        1.0 - share(everywhere),
    ]


class AnswerScorer:
    """p(sentence answers the question) from `signals`, and the threshold under which briefbot declines."""

    def __init__(self, weights: list[float], threshold: float, features: tuple[str, ...] = FEATURES) -> None:
        if tuple(features) != FEATURES or len(weights) != len(FEATURES):
            raise ValueError(f"answer model has features {features}, this briefbot computes {FEATURES}: refit it "
                             "with benchmarks/fit_answer_model.py")
        self.weights = list(weights)
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "AnswerScorer":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["weights"], data["threshold"], tuple(data["features"]))

    def probability(self, question: Question, evidence: Evidence, item: EvidenceSentence) -> float:
        z = sum(w * x for w, x in zip(self.weights, signals(question, evidence, item)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def best(self, question: Question, evidence: Evidence, items: list[EvidenceSentence]
             ) -> tuple[float, EvidenceSentence | None]:
        scored = [(self.probability(question, evidence, e), e) for e in items]
        return max(scored, key=lambda pair: pair[0], default=(0.0, None))


@lru_cache(maxsize=1)
def default_scorer() -> AnswerScorer | None:
    """The shipped model, or None when no model file ships (then the rules alone decide)."""
    return AnswerScorer.load() if MODEL_FILE.is_file() else None


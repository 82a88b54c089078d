"""Verification: the model's draft, sentence by sentence, checked against the evidence it cites.

The contract (DESIGN.md section 1) is enforced here, whatever the model writes:
- `parse_draft` splits the draft into sentences and reads their `[n]` markers; numbers that were not
  in the evidence are ignored, so a citation can only point at a sentence the model was shown.
- `verify` (and `Verifier`, one sentence at a time, for streaming) checks each sentence against its
  citations with `support.support` and, for the model's own wording, with the evaluation judge's
  stricter rules too (`briefbot.judge`: no certainty, role or word the sources lack; added in session 4
  after the seed suite on 2 threads showed model sentences such as "Zakharova demanded that NATO *should*
  ..." passing `support` but not the judge); a sentence that fails is re-cited to the one evidence
  sentence that does support it, or repaired (replaced by the cited source's own words,
  `origin="source"`), or dropped. Which verified sentences make the answer is `compose`'s business.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from briefbot.judge import judge as strict_judge  # the evaluation's stricter rules: a model sentence must pass both
from briefbot.answer.answering import RELEVANCE_RATIO
from briefbot.answer.citations import answer_sentence, duplicates
from briefbot.answer.question import Question
from briefbot.answer.support import adds_information, is_empty, support
from briefbot.index.lexical import content_terms
from briefbot.types import AnswerSentence, Evidence, EvidenceSentence

_NOT_FOUND = re.compile(
    r"\bNOT[ _]FOUND\b|\b(?:do(?:es)? not|don't|doesn't|cannot|can't)\s+(?:say|answer|mention|know|provide|contain)"
    r"|\bno (?:information|answer)\b|\bnot (?:mentioned|stated|provided)\b",
    re.IGNORECASE,
)
_MARKER = re.compile(r"[\[(]\s*(\d{1,2}(?:\s*(?:,|and|-)\s*\d{1,2})*)\s*[\])]")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'’”]))\s+(?=[A-Z\"'‘“\[(])")
_TRAILING_MARKERS = re.compile(r"([.!?][\"'’”]?)\s*((?:\[[\d,\s]+\]\s*)+)")
_BULLET = re.compile(r"^(?:[-*•]\s+|\d{1,2}[.)]\s+)")
_PREAMBLE = re.compile(
    r"^\s*(?:(?:the |my )?(?:answer|response|sentences?|source)(?: is| are)?\s*:"
    r"|according to (?:the )?(?:sentences?|articles?|sources?)[^,]*,|based on [^,]*,)\s*",
    re.IGNORECASE,
)
_CONTROL_TOKENS = re.compile(r"\[/?[A-Z_]{2,}\]|<\|?/?[a-z_]+\|?>")  # [/INST], <end_of_turn>, <|im_end|>
MIN_CLAIM_TERMS = 3  # shorter drafts ("2014.", "The President") are fragments that need the question to mean
# anything; they are answered with the cited source's own words instead.


@dataclass(frozen=True)
class DraftSentence:
    """One sentence of the model's draft and the evidence numbers it cites."""

    text: str
    numbers: tuple[int, ...]


@dataclass
class Verified:
    sentences: list[AnswerSentence] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    model_says_not_found: bool = False


def parse_draft(draft: str) -> list[DraftSentence]:
    """Split a draft into sentences with their cited numbers, line by line. Leading markers ("[2] Text.")
    attach to the sentence after them; trailing ones ("Text [2]." or "Text. [2]") to the sentence before;
    a line or piece that is only markers attaches to the sentence before it. List bullets are dropped."""
    out: list[DraftSentence] = []
    for line in _CONTROL_TOKENS.sub(" ", draft).splitlines():
        line = _BULLET.sub("", _PREAMBLE.sub("", line.strip()))
        leading = bool(re.match(r"^\s*\[\d", line))
        if leading:
            pieces = re.split(r"\s*(?=\[\d+\])", line)
        else:  # "Text.’ [2] Next." -> "Text [2].’ Next."
            line = _TRAILING_MARKERS.sub(lambda m: f" {m.group(2).strip()}{m.group(1)} ", line)
            pieces = _SENTENCE_END.split(line)
        for piece in pieces:
            numbers = tuple(dict.fromkeys(int(n) for m in _MARKER.finditer(piece) for n in re.findall(r"\d+", m.group(1))))
            clean = _MARKER.sub("", piece)
            clean = _PREAMBLE.sub("", re.sub(r"\s+([.,;:!?’”])", r"\1", clean)).strip(" \t-–:;,")
            if not is_empty(clean):
                out.append(DraftSentence(clean[0].upper() + clean[1:], numbers))
            elif numbers and out:
                previous = out[-1]
                out[-1] = DraftSentence(previous.text, tuple(dict.fromkeys(previous.numbers + numbers)))
    return out


def says_not_found(draft: str) -> bool:
    return bool(_NOT_FOUND.search(draft))


def verify(
    draft: str,
    evidence: Evidence,
    question: Question,
    *,
    min_support: float,
    max_sentences: int,
    shown: Collection[int] | None = None,
) -> Verified:
    """Turn a draft into verified answer sentences (see the module docstring); `shown` as for `Verifier`."""
    verifier = Verifier(evidence, question, min_support=min_support, max_sentences=max_sentences, shown=shown)
    for draft_sentence in parse_draft(draft):
        verifier.add(draft_sentence)
    return verifier.finish(draft)


class Verifier:
    """`verify`, one draft sentence at a time (for streaming): `add` returns the answer sentences that
    sentence yields (none or one); each depends only on the sentences before it, so it is final."""

    def __init__(self, evidence: Evidence, question: Question, *, min_support: float, max_sentences: int,
                 shown: Collection[int] | None = None) -> None:
        """`shown`: the numbers of the evidence sentences the model was shown (default: all); a draft sentence
        may cite only those."""
        self.evidence, self.question = evidence, question
        self.min_support, self.max_sentences = min_support, max_sentences
        self.result = Verified()
        self.used_sources: set[str] = set()
        best_score = max((e.score for e in evidence.sentences), default=0.0)
        self.shown = {e.number for e in evidence.sentences if shown is None or e.number in shown}
        self.relevant = {e.number for e in evidence.sentences if e.score >= RELEVANCE_RATIO * best_score} & self.shown

    def finish(self, draft: str) -> Verified:
        self.result.model_says_not_found = says_not_found(draft)
        return self.result

    def add(self, draft_sentence: DraftSentence) -> list[AnswerSentence]:
        result, evidence, min_support = self.result, self.evidence, self.min_support
        question = self.question.text  # the support check allows the question's own words
        if len(result.sentences) >= self.max_sentences:
            return []
        text = draft_sentence.text
        cited = [e for n in draft_sentence.numbers if n in self.shown and (e := evidence.by_number(n)) is not None]
        if says_not_found(text) or not adds_information(text, question):
            result.dropped.append(text)
            return []
        score = support(text, [e.sentence.text for e in cited], question) if cited else 0.0
        if score < min_support:  # maybe it cites the wrong number: does one evidence sentence back it?
            scored = [(support(text, [e.sentence.text], question), e) for e in evidence.sentences
                      if e.number in self.shown]
            best_score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
            if best is not None and best_score >= min_support:
                cited, score = [best], best_score
        cited = [e for e in cited if e.number in self.relevant]
        if not cited:  # off the question's topic, or cites nothing the model was shown
            result.dropped.append(text)
            return []
        if (score >= min_support and len(set(content_terms(text))) >= MIN_CLAIM_TERMS
                and strict_judge(text, [e.sentence.text for e in cited]).supported):
            ids = {e.sentence.id for e in cited}
            if ids <= self.used_sources and duplicates(text, result.sentences):
                return []
            self.used_sources |= ids
            result.sentences.append(answer_sentence(text, cited, score, origin="model"))
            return result.sentences[-1:]
        repair = _best_relevant(cited)
        result.dropped.append(text)
        if repair is not None and repair.sentence.id not in self.used_sources:
            self.used_sources.add(repair.sentence.id)
            result.sentences.append(answer_sentence(repair.sentence.text, [repair], 1.0, origin="source"))
            return result.sentences[-1:]
        return []


def _best_relevant(cited: list[EvidenceSentence]) -> EvidenceSentence | None:
    return max(cited, key=lambda e: e.score, default=None)

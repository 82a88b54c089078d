"""Composing: which verified sentences, and which evidence in its own words, make the answer, in order.

`compose` (and `Composer`, one verified sentence at a time, for streaming) keeps the verified sentences
that can supply what the analysed question asks for (`answering`), falls back to the best evidence
sentence in its own words, may add a close second one (or the answer to a two-part question's second
part, or one sentence from each article a comparing question draws on), or abstains when no evidence can
supply the asked-for fact. Abstentions cite nothing. Checking the model's sentences is `verify`'s business.
"""

from __future__ import annotations

import re

from briefbot.answer.answering import TWO_PART_FLOOR, answering_form, answering_parts, antecedent, missing_reason
from briefbot.answer.answers import candidates
from briefbot.answer.citations import answer_sentence, duplicates
from briefbot.answer.question import Question
from briefbot.answer.short import short_answer
from briefbot.index.lexical import content_terms
from briefbot.types import AnswerSentence, Evidence, EvidenceSentence

SECOND_SENTENCE_RATIO = 0.8  # another evidence sentence joins the answer when it scores this close to the best
# a quotation (its words are the speaker's)
_QUOTED = re.compile(r"“[^”]{8,}”|\"[^\"]{8,}\"|‘[^’]{8,}’")
MULTI_ARTICLE_SENTENCES = 4  # a question comparing articles gets up to one sentence from each of this many


def compose(
    verified: list[AnswerSentence], evidence: Evidence, question: Question, *, max_sentences: int,
) -> tuple[list[AnswerSentence], str | None]:
    """The final answer sentences, or a reason to abstain.

    The answer leads with the best evidence sentence that can supply what the question asks for (a time
    for "when", a speaker for "what did X say", ...: `question_form`), in the model's verified words when
    a draft sentence cites it, else in its own; no such evidence means abstaining. A second sentence
    follows when another evidence sentence scores close to the best, or answers the second part of a
    two-part question, again in the model's words when it cites it. Retrieval picks the facts; the model
    only phrases them (a tiny model's choice of sentence is less reliable than the ranking)."""
    composer = Composer(evidence, question, max_sentences=max_sentences)
    if composer.reason is not None:
        return [], composer.reason
    for sentence in verified:
        composer.add(sentence)
    return composer.finish(), None


class Composer:
    """`compose`, one verified sentence at a time (for streaming). Everything but the lead's wording is
    known from the evidence before the model runs: the abstention (`reason`), the speaker sentence that
    opens a pronoun-attributed quote, the lead evidence sentence, the candidates for a second sentence, and
    so every sentence the answer may cite (`citable`).
    `answer` only grows, in final order: [speaker], lead (the first verified sentence citing the lead
    evidence, else at `finish` that evidence in its own words), the verified sentences citing a second
    candidate, in draft order, then at `finish` the candidates in their own words."""

    def __init__(self, evidence: Evidence, question: Question, *, max_sentences: int) -> None:
        self.evidence, self.question, self.max_sentences = evidence, question, max_sentences
        self.answer: list[AnswerSentence] = []
        self.seen: list[AnswerSentence] = []
        self.reason: str | None = None
        self.lead: AnswerSentence | None = None
        self._second: list[EvidenceSentence] = []
        self.citable: list[EvidenceSentence] = []
        first, self._second = answering_parts(evidence, question)
        self.candidates = first or self._second
        if not self.candidates:
            self.reason = missing_reason(evidence, question)
            return
        speaker = antecedent(evidence, self.candidates[0])
        if speaker is not None and max_sentences > 1:  # "..., she said." needs the sentence that names her
            self.answer.append(answer_sentence(speaker.sentence.text, [speaker], 1.0, origin="source"))
        self._articles = (_by_article(answering_form(evidence, question, TWO_PART_FLOOR))
                          if question.parts is None and evidence.multi_article else {})
        # every sentence the answer may cite, known now: the model is shown these alone (`Briefbot.stream`)
        may_cite = {c.id for s in self.answer for c in s.citations} | {
            e.sentence.id for e in [*self.candidates, *self._second, *self._articles.values()]}
        self.citable = [e for e in evidence.sentences if e.sentence.id in may_cite]

    def add(self, sentence: AnswerSentence) -> None:
        """Take the next verified sentence (in draft order)."""
        self.seen.append(sentence)
        if self.lead is None:
            if self.candidates[0].sentence.id in {c.id for c in sentence.citations} and self._keeps_answers(sentence):
                self._set_lead(sentence)
        else:
            self._offer(sentence)

    def finish(self) -> list[AnswerSentence]:
        """The whole answer (after the last `add`)."""
        if self.lead is None:
            lead = self.candidates[0]
            self._set_lead(answer_sentence(lead.sentence.text, [lead], 1.0, origin="source"))
        for extra in self._extras:
            if len(self.answer) >= self._max:
                break
            if extra.sentence.id not in self._cited and not duplicates(extra.sentence.text, self.answer):
                self.answer.append(answer_sentence(extra.sentence.text, [extra], 1.0, origin="source"))
                self._cited.add(extra.sentence.id)
        return self.answer

    def _set_lead(self, lead: AnswerSentence) -> None:
        self.lead = lead
        self.answer.append(lead)
        self._cited = {c.id for s in self.answer for c in s.citations}
        self._max = self.max_sentences
        evidence, question, candidates = self.evidence, self.question, self.candidates
        if question.parts is not None:  # the second sentence answers the second question, in its own form
            self._extras = [e for e in self._second if e.sentence.id not in self._cited][:1]
        elif len(self._articles) > 1:
            self._max = max(self._max, MULTI_ARTICLE_SENTENCES)  # one from each article it draws on
            self._extras = [best for article_id, best in self._articles.items()
                            if article_id != candidates[0].sentence.article_id]
        else:
            self._extras = ([e for e in candidates[1:] if e.score >= SECOND_SENTENCE_RATIO * candidates[0].score]
                            or _detail_after_lead(candidates))
        self._wanted = {e.sentence.id for e in self._extras} - self._cited
        for sentence in self.seen:  # the model's words first, in draft order
            self._offer(sentence)

    def _keeps_answers(self, sentence: AnswerSentence) -> bool:
        """Whether a sentence in the model's words keeps, of each evidence sentence it cites, every quotation word
        for word, the short answer (`short.short_answer`) and every other candidate of its kind, or, when they hold
        no short answer, one of the question's words they hold. A verified rewording may still drop what was asked
        ("The most recent additions are a center in New Delhi, which opened in 2014." for "What year did the
        university open a center in Hong Kong?", its source going on "and a center in Hong Kong which opened in
        2015"; "Huntington, and Harold Innis." for "What anthropologists are also university alumni?"; "in Galati"
        for a camp "in Smardan, near Galati") or change a quote ("an attack on them all" for "an attack against
        them all"), and then the source's own words answer instead."""
        if sentence.origin != "model":
            return True
        wording = _plain(sentence.text)
        cited = [item for item in self.evidence.sentences if item.sentence.id in {c.id for c in sentence.citations}]
        if any(_plain(quote[1:-1]) not in wording for item in cited for quote in _QUOTED.findall(item.sentence.text)):
            return False
        spans = []
        for item in cited:
            if (short := short_answer(self.question, item)) is None:
                continue
            found = candidates(self.question, item)
            kind = next((e.label for e in found if e.start == short.start), None)
            spans += [short.text] + [item.sentence.text[e.start:e.end] for e in found if kind and e.label == kind]
        if spans:
            return all(_plain(span) in wording for span in spans)
        asked = set(self.question.content_words) & set(content_terms(" ".join(i.sentence.text for i in cited)))
        return not asked or bool(asked & set(content_terms(sentence.text)))

    def _offer(self, sentence: AnswerSentence) -> None:
        if (any(c.id in self._wanted for c in sentence.citations) and len(self.answer) < self._max
                and self._keeps_answers(sentence) and not duplicates(sentence.text, self.answer)):
            self.answer.append(sentence)
            self._cited |= {c.id for c in sentence.citations}


def _detail_after_lead(candidates: list[EvidenceSentence]) -> list[EvidenceSentence]:
    """The next answering sentence when the best is its article's first sentence and it is from the same
    article: a news lead states the event, a later sentence its detail ("The wreck of the steamer ... was found
    off Saltreach." then "The wreck lies upright in 62 metres of water."), and the detail sentence scores
    lower because it names the event by a pronoun or a bare noun. Dev splits with the model (`benchmarks/run.py
    <set> --split dev`): citation recall events3 0.750 -> 0.792, events7 0.750 -> 0.792, events8 0.625 -> 0.750,
    events, events4-events6 and the seed suite unchanged."""
    if len(candidates) < 2:
        return []
    lead, detail = candidates[0], candidates[1]
    if lead.sentence.index == 0 and detail.sentence.article_id == lead.sentence.article_id:
        return [detail]
    return []


def _by_article(items: list[EvidenceSentence]) -> dict[str, EvidenceSentence]:
    """The first (best) of `items` from each article, in order."""
    best: dict[str, EvidenceSentence] = {}
    for item in items:
        best.setdefault(item.sentence.article_id, item)
    return best


def _plain(text: str) -> str:
    """`text` lower-cased, its quotation marks and spaces made uniform, for finding one text in another."""
    return " ".join(re.sub(r"[‘’“”\"']", "'", text).lower().split())

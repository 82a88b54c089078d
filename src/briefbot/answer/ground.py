"""Grounding: the abstention gate, the drafting prompt, citation parsing, and verification.

The contract (DESIGN.md section 1) is enforced here, whatever the model writes:
- `gate` abstains from the evidence alone (best sentence score under the threshold, no evidence).
- `parse_draft` splits the draft into sentences and reads their `[n]` markers; numbers that were not
  in the evidence are ignored, so a citation can only point at a sentence the model was shown.
- `verify` checks each sentence against its citations with `support.support` and, for the model's own
  wording, with the evaluation judge's stricter rules too (`briefbot.judge`: no certainty, role or word
  the sources lack; added in session 4 after the seed suite on 2 threads showed model sentences such as
  "Zakharova demanded that NATO *should* ..." passing `support` but not the judge); a sentence that fails is
  re-cited to the one evidence sentence that does support it, or repaired (replaced by the cited
  source's own words, `origin="source"`), or dropped.
- `compose` keeps the verified sentences that can supply what the question asks for (`question_form`),
  falls back to the best evidence sentence in its own words, may add a close second one, or abstains
  when no evidence can supply the asked-for fact. Abstentions cite nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefbot.judge import judge as strict_judge  # the evaluation's stricter rules: a model sentence must pass both
from briefbot.answer.answers import has_candidate, missing_qualifiers
from briefbot.answer.question import Question
from briefbot.answer.signals import AnswerScorer
from briefbot.answer.question_form import answers_form, form_of, quoted_by_pronoun
from briefbot.index.lexical import content_terms
from briefbot.models.prompts import Prompts
from briefbot.answer.questions import two_parts
from briefbot.answer.support import adds_information, is_empty, support
from briefbot.types import AnswerSentence, Citation, Evidence, EvidenceSentence

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
MIN_NAME_COVERAGE = 1.0  # every name the question uses must be found (see Retriever.name_coverage)
MIN_CLAIM_TERMS = 3  # shorter drafts ("2014.", "The President") are fragments that need the question to mean
# anything; they are answered with the cited source's own words instead.
RELEVANCE_RATIO = 0.7  # an answer sentence must cite evidence scoring at least this share of the best
SECOND_SENTENCE_RATIO = 0.8  # another evidence sentence joins the answer when it scores this close to the best
MULTI_ARTICLE_SCORE_RATIO = 0.8  # a question comparing articles spreads its words over several: one sentence
# matches a smaller share of them, so the score threshold is this share of the usual one
MULTI_ARTICLE_SENTENCES = 4  # a question comparing articles gets up to one sentence from each of this many
TWO_PART_FLOOR = 0.6  # a question asking two things takes each part's sentence from a wider relevant set


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


def gate(evidence: Evidence, min_score: float, question: str = "", analysed: Question | None = None,
         scorer: AnswerScorer | None = None) -> str | None:
    """The reason to abstain before drafting, or None when the evidence is good enough to answer."""
    if not evidence.sentences:
        return "no evidence was retrieved"
    if not any(_answering_parts(evidence, question)):
        return f"no relevant evidence sentence {_describe(form_of(question))}"
    if not any(_answering_parts(evidence, question, analysed)):
        return f"no relevant evidence sentence states {analysed.describe()}"  # type: ignore[union-attr]
    if scorer is not None and analysed is not None and not evidence.multi_article and two_parts(question) is None:
        chance, _ = scorer.best(analysed, evidence, answering(evidence, question, analysed))
        if chance < scorer.threshold:
            return (f"no evidence sentence is likely to answer it (best chance {chance:.2f}, "
                    f"under {scorer.threshold:.2f})")
    if evidence.name_coverage < MIN_NAME_COVERAGE:
        return "no passage mentions everyone and everything the question names together"
    best = max(item.score for item in evidence.sentences)
    if evidence.multi_article:
        min_score *= MULTI_ARTICLE_SCORE_RATIO
    if best < min_score:
        return f"the best evidence scores {best:.2f}, under the threshold {min_score:.2f}"
    return None


def format_evidence(evidence: Evidence) -> str:
    return "\n".join(f"[{item.number}] {_one_line(item.sentence.text)}" for item in evidence.sentences)


def build_messages(prompts: Prompts, evidence: Evidence, question: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": prompts.render("answer.system")},
        {"role": "user", "content": prompts.render("answer.user", evidence=format_evidence(evidence),
                                                   question=_one_line(question))},
    ]


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
    question: str,
    *,
    min_support: float,
    max_sentences: int,
) -> Verified:
    """Turn a draft into verified answer sentences (see the module docstring)."""
    verifier = Verifier(evidence, question, min_support=min_support, max_sentences=max_sentences)
    for draft_sentence in parse_draft(draft):
        verifier.add(draft_sentence)
    return verifier.finish(draft)


class Verifier:
    """`verify`, one draft sentence at a time (for streaming): `add` returns the answer sentences that
    sentence yields (none or one); each depends only on the sentences before it, so it is final."""

    def __init__(self, evidence: Evidence, question: str, *, min_support: float, max_sentences: int) -> None:
        self.evidence, self.question = evidence, question
        self.min_support, self.max_sentences = min_support, max_sentences
        self.result = Verified()
        self.used_sources: set[str] = set()
        best_score = max((e.score for e in evidence.sentences), default=0.0)
        self.relevant = {e.number for e in evidence.sentences if e.score >= RELEVANCE_RATIO * best_score}

    def finish(self, draft: str) -> Verified:
        self.result.model_says_not_found = says_not_found(draft)
        return self.result

    def add(self, draft_sentence: DraftSentence) -> list[AnswerSentence]:
        result, evidence, question, min_support = self.result, self.evidence, self.question, self.min_support
        if len(result.sentences) >= self.max_sentences:
            return []
        text = draft_sentence.text
        cited = [e for n in draft_sentence.numbers if (e := evidence.by_number(n)) is not None]
        if says_not_found(text) or not adds_information(text, question):
            result.dropped.append(text)
            return []
        score = support(text, [e.sentence.text for e in cited], question) if cited else 0.0
        if score < min_support:  # maybe it cites the wrong number: does one evidence sentence back it?
            scored = [(support(text, [e.sentence.text], question), e) for e in evidence.sentences]
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
            if ids <= self.used_sources and _duplicates(text, result.sentences):
                return []
            self.used_sources |= ids
            result.sentences.append(_answer_sentence(text, cited, score, origin="model"))
            return result.sentences[-1:]
        repair = _best_relevant(cited)
        result.dropped.append(text)
        if repair is not None and repair.sentence.id not in self.used_sources:
            self.used_sources.add(repair.sentence.id)
            result.sentences.append(_answer_sentence(repair.sentence.text, [repair], 1.0, origin="source"))
            return result.sentences[-1:]
        return []


def compose(
    verified: list[AnswerSentence], evidence: Evidence, question: str, *, max_sentences: int,
    analysed: Question | None = None,
) -> tuple[list[AnswerSentence], str | None]:
    """The final answer sentences, or a reason to abstain.

    The answer leads with the best evidence sentence that can supply what the question asks for (a time
    for "when", a speaker for "what did X say", ...: `question_form`), in the model's verified words when
    a draft sentence cites it, else in its own; no such evidence means abstaining. A second sentence
    follows when another evidence sentence scores close to the best, or answers the second part of a
    two-part question, again in the model's words when it cites it. Retrieval picks the facts; the model
    only phrases them (a tiny model's choice of sentence is less reliable than the ranking)."""
    composer = Composer(evidence, question, max_sentences=max_sentences, analysed=analysed)
    if composer.reason is not None:
        return [], composer.reason
    for sentence in verified:
        composer.add(sentence)
    return composer.finish(), None


class Composer:
    """`compose`, one verified sentence at a time (for streaming). Everything but the lead's wording is
    known from the evidence before the model runs: the abstention (`reason`), the speaker sentence that
    opens a pronoun-attributed quote, the lead evidence sentence, the candidates for a second sentence.
    `answer` only grows, in final order: [speaker], lead (the first verified sentence citing the lead
    evidence, else at `finish` that evidence in its own words), the verified sentences citing a second
    candidate, in draft order, then at `finish` the candidates in their own words."""

    def __init__(self, evidence: Evidence, question: str, *, max_sentences: int,
                 analysed: Question | None = None) -> None:
        self.evidence, self.question, self.max_sentences = evidence, question, max_sentences
        self.answer: list[AnswerSentence] = []
        self.seen: list[AnswerSentence] = []
        self.reason: str | None = None
        self.lead: AnswerSentence | None = None
        self._second: list[EvidenceSentence] = []
        first, self._second = _answering_parts(evidence, question, analysed)
        self.candidates = first or self._second
        if not self.candidates:
            if analysed is not None and any(_answering_parts(evidence, question)):
                self.reason = f"no relevant evidence sentence states {analysed.describe()}"
            else:
                self.reason = f"no relevant evidence sentence {_describe(form_of(question))}"
            return
        speaker = _antecedent(evidence, self.candidates[0])
        if speaker is not None and max_sentences > 1:  # "..., she said." needs the sentence that names her
            self.answer.append(_answer_sentence(speaker.sentence.text, [speaker], 1.0, origin="source"))

    def add(self, sentence: AnswerSentence) -> None:
        """Take the next verified sentence (in draft order)."""
        self.seen.append(sentence)
        if self.lead is None:
            if self.candidates[0].sentence.id in {c.id for c in sentence.citations}:
                self._set_lead(sentence)
        else:
            self._offer(sentence)

    def finish(self) -> list[AnswerSentence]:
        """The whole answer (after the last `add`)."""
        if self.lead is None:
            lead = self.candidates[0]
            self._set_lead(_answer_sentence(lead.sentence.text, [lead], 1.0, origin="source"))
        for extra in self._extras:
            if len(self.answer) >= self._max:
                break
            if extra.sentence.id not in self._cited and not _duplicates(extra.sentence.text, self.answer):
                self.answer.append(_answer_sentence(extra.sentence.text, [extra], 1.0, origin="source"))
                self._cited.add(extra.sentence.id)
        return self.answer

    def _set_lead(self, lead: AnswerSentence) -> None:
        self.lead = lead
        self.answer.append(lead)
        self._cited = {c.id for s in self.answer for c in s.citations}
        self._max = self.max_sentences
        evidence, question, candidates = self.evidence, self.question, self.candidates
        if two_parts(question) is not None:  # the second sentence answers the second question, in its own form
            self._extras = [e for e in self._second if e.sentence.id not in self._cited][:1]
        elif evidence.multi_article and len(articles := _by_article(_answering(evidence, question, TWO_PART_FLOOR))) > 1:
            self._max = max(self._max, MULTI_ARTICLE_SENTENCES)  # one from each article it draws on
            self._extras = [best for article_id, best in articles.items()
                            if article_id != candidates[0].sentence.article_id]
        else:
            self._extras = [e for e in candidates if e.score >= SECOND_SENTENCE_RATIO * candidates[0].score]
        self._wanted = {e.sentence.id for e in self._extras} - self._cited
        for sentence in self.seen:  # the model's words first, in draft order
            self._offer(sentence)

    def _offer(self, sentence: AnswerSentence) -> None:
        if (any(c.id in self._wanted for c in sentence.citations) and len(self.answer) < self._max
                and not _duplicates(sentence.text, self.answer)):
            self.answer.append(sentence)
            self._cited |= {c.id for c in sentence.citations}


def _answering(evidence: Evidence, question: str, floor: float = RELEVANCE_RATIO,
               analysed: Question | None = None) -> list[EvidenceSentence]:
    """The relevant evidence sentences (best first) that can answer a question of this form
    (`question_form`): a time for "when", a number counting the thing for "how many", a speaker for "what
    did X say"; with the `analysed` question, also `answer.answers` (qualifiers hold, a candidate of the
    expected type), relevance then being measured against the best sentence whose qualifiers hold (a
    look-alike from another year does not set the bar)."""
    form = form_of(question)
    pool = evidence.sentences
    if analysed is not None:
        pool = [e for e in pool if not missing_qualifiers(analysed, e)]
    best_score = max((e.score for e in pool), default=0.0)
    by_position = {(e.sentence.article_id, e.sentence.index): e.sentence.text for e in evidence.sentences}
    return [e for e in sorted(pool, key=lambda e: -e.score)
            if e.score >= floor * best_score
            and answers_form(form, e.sentence.text, by_position.get((e.sentence.article_id, e.sentence.index - 1)))
            and (analysed is None or has_candidate(analysed, e))]  # the pool's qualifiers already hold


def _antecedent(evidence: Evidence, item: EvidenceSentence) -> EvidenceSentence | None:
    """The evidence sentence just before a pronoun-attributed quote in its article, if it was retrieved."""
    if not quoted_by_pronoun(item.sentence.text):
        return None
    return next((e for e in evidence.sentences if e.sentence.article_id == item.sentence.article_id
                 and e.sentence.index == item.sentence.index - 1), None)


def _by_article(items: list[EvidenceSentence]) -> dict[str, EvidenceSentence]:
    """The first (best) of `items` from each article, in order."""
    best: dict[str, EvidenceSentence] = {}
    for item in items:
        best.setdefault(item.sentence.article_id, item)
    return best


def _citing(sentences: list[AnswerSentence], ids: set[str]) -> list[AnswerSentence]:
    return [s for s in sentences if any(c.id in ids for c in s.citations)]


def answering(evidence: Evidence, question: str, analysed: Question | None = None) -> list[EvidenceSentence]:
    """The evidence sentences that can answer `question` by the rules (all parts of a two-part one)."""
    first, second = _answering_parts(evidence, question, analysed)
    return first + [e for e in second if e not in first]


def _answering_parts(evidence: Evidence, question: str, analysed: Question | None = None
                     ) -> tuple[list[EvidenceSentence], list[EvidenceSentence]]:
    """The evidence that can answer the question (and an empty list), or, for a question that asks two
    things, the evidence that can answer each part, from a wider relevant set, leaning to that part.
    With the `analysed` question, a sentence must also answer it (`answer.answers`: qualifiers hold, a
    candidate of the expected type); not yet for two-part questions or questions comparing articles."""
    parts = two_parts(question)
    if parts is None:
        return _answering(evidence, question, analysed=None if evidence.multi_article else analysed), []
    first, rest = parts
    return (_by_part(_answering(evidence, first, TWO_PART_FLOOR), first, rest),
            _by_part(_answering(evidence, rest, TWO_PART_FLOOR), rest, first))


def _by_part(items: list[EvidenceSentence], part: str, other: str) -> list[EvidenceSentence]:
    """`items` ordered for one part of a two-part question: most words of this part and fewest of the
    other first ("How much of Ukraine does Russia control, and when is the war's anniversary?" answers
    its first part with the sentence about territory, not the one about the anniversary), then by score."""
    mine, theirs = set(content_terms(part)), set(content_terms(other))

    def lean(e: EvidenceSentence) -> int:
        terms = set(content_terms(e.sentence.text))
        return len(mine & terms) - len(theirs & terms)

    return sorted(items, key=lambda e: (-lean(e), -e.score))


def _describe(form) -> str:
    if form.speakers:
        return "has " + " / ".join(form.speakers) + " saying something" + (
            " about " + " / ".join(form.topic) if form.topic else "")
    if form.counted or form.measured:
        return "gives a number of " + " / ".join(form.counted or form.measured)
    if form.identify:
        return "names the " + " / ".join(form.identify) + " asked about"
    if form.reason_for:
        return "gives a reason for it"
    if form.kind and form.event_terms:
        return f"states the {form.kind} the question asks for, with the event as a fact (not 'would ...')"
    if form.kind:
        return f"states the {form.kind} the question asks for"
    return "states it as a fact"


def to_citation(item: EvidenceSentence) -> Citation:
    return Citation(id=item.sentence.id, article_id=item.sentence.article_id, title=item.title,
                    text=item.sentence.text, published=item.published, source=item.source, url=item.url)


def _answer_sentence(text: str, cited: list[EvidenceSentence], score: float, origin: str) -> AnswerSentence:
    return AnswerSentence(text=text, citations=[to_citation(e) for e in cited], supported=True,
                          support=min(1.0, max(0.0, score)), origin=origin)


def _best_relevant(cited: list[EvidenceSentence]) -> EvidenceSentence | None:
    return max(cited, key=lambda e: e.score, default=None)


def _duplicates(text: str, sentences: list[AnswerSentence]) -> bool:
    return any(support(text, [s.text]) >= 0.9 for s in sentences)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()

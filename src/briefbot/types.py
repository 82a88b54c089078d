"""The typed records that flow between briefbot's stages.

corpus -> Article; segment -> Sentence, Chunk; retrieve -> Evidence; ground -> AnswerSentence, Answer.
Only stdlib and pydantic here: every other module may import this one.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, computed_field


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Article(_Record):
    """One news article as loaded from the corpus (already cleaned of page boilerplate)."""

    id: str = Field(description="Stable id: the file stem for .txt/.md, the `id` field for .jsonl.")
    title: str
    text: str
    url: str | None = None
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD where known.")
    source: str | None = Field(default=None, description="The outlet: site name, feed title or the JSONL `source`.")
    author: str | None = Field(default=None, description="The byline: the page's author, the feed entry's author "
                               "or the JSONL `author`, where known.")
    source_path: str | None = Field(default=None, description="File the article came from.")


class Entity(_Record):
    """A named entity or value found by the NLP pipeline (spaCy labels: PERSON, ORG, GPE, DATE, MONEY, ...)."""

    label: str
    start: int = Field(ge=0, description="Character offset into the sentence text.")
    end: int = Field(ge=0)
    text: str


class Sentence(_Record):
    """One sentence of an article, with its stable id and character offsets into `Article.text`."""

    id: str = Field(description='"<article_id>:s<n>", n counting from 0 in reading order.')
    article_id: str
    index: int = Field(ge=0, description="Position of the sentence inside its article.")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    paragraph: int = Field(default=0, ge=0, description="Paragraph number inside the article.")
    entities: tuple[Entity, ...] | None = Field(
        default=(), description="Named entities (spaCy); None: not annotated yet (retrieval annotates a sentence "
                                "the first time it becomes evidence).")


class Chunk(_Record):
    """Consecutive sentences of one article; a chunk never splits a sentence."""

    id: str = Field(description='"<article_id>:c<n>".')
    article_id: str
    sentence_ids: list[str]
    text: str


class EvidenceSentence(_Record):
    """A sentence shown to the model, numbered from 1 in the prompt."""

    number: int = Field(ge=1)
    sentence: Sentence
    title: str
    score: float = Field(description="Fused relevance of this sentence to the question (higher is better).")
    lexical: float = Field(default=0.0, description="Share of the question's content words found here.")
    dense: float = Field(default=0.0, description="Cosine similarity between question and sentence.")
    published: str | None = Field(default=None, description="Its article's publication date.")
    source: str | None = Field(default=None, description="Its article's outlet.")
    url: str | None = Field(default=None, description="Its article's URL.")
    before: str | None = Field(default=None, description="The sentence before it in its article.")
    lead: str | None = Field(default=None, description="Its article's first sentence (news leads name the event).")
    anchor: str | None = Field(default=None, description="A sentence elsewhere that ties this one to what the "
                               "question asks about, read as its context: for a question placing an office holder at "
                               "an event ('Who ran X when Y opened?'), the sentence of this article telling of the "
                               "event; for a developing story's later report, the first report's best sentence.")
    implied: tuple[str, ...] = Field(default=(), description="Names of the question that this sentence takes for "
                                     "granted: the corpus's home country, in an article naming no other "
                                     "(`answer/home.py`); a name of several words its article gave in full before "
                                     "it and it calls by its noun ('the agency': `topics.referred_back`).")
    period: str | None = Field(default=None, description="The year its article reports on at this sentence, as the "
                               "nearest earlier sentence states it ('last year' in a March 2018 article: '2017'; "
                               "`qualifiers.report_years`), read as part of its context for a question's year.")
    office_title: str | None = Field(default=None, description="For a question asking who runs a body it names, "
                                     "naming no office: the title the corpus gives the body's head, as this "
                                     "sentence names it ('Postmaster General': `answer/titles.py`).")


class Evidence(_Record):
    """What retrieval hands to grounding: the question and its numbered evidence sentences."""

    question: str
    sentences: list[EvidenceSentence]
    chunk_ids: list[str] = Field(default_factory=list, description="Retrieved chunks, best first.")
    name_coverage: float = Field(
        default=1.0, description="How fully the evidence covers the question's names (1.0: enough to answer)."
    )
    multi_article: bool = Field(
        default=False, description="The question names several things, which may each be in another article.")
    vacant: str | None = Field(
        default=None, description="For a current-holder question: the id of a sentence telling that the office was "
        "left with no successor named, newer than every sentence naming a holder (`answer.holders`): none holds it.")
    unknown_names: tuple[str, ...] = Field(
        default=(), description="Names of the question that no sentence or headline of the corpus mentions (a "
        "person, or a name of two or more words none of whose words occurs): the corpus cannot answer about them.")
    counted_alike: tuple[str, ...] = Field(
        default=(), description="For a how-many question: words after a number in the evidence that mean what it "
        "counts ('inhabitants' for 'people'; `answer.counting`), accepted as the counted word.")

    def by_number(self, number: int) -> EvidenceSentence | None:
        for item in self.sentences:
            if item.number == number:
                return item
        return None


class Citation(_Record):
    """A cited corpus sentence. `text` is the source sentence, verbatim."""

    id: str
    article_id: str
    title: str
    text: str
    published: str | None = Field(default=None, description="Its article's publication date (YYYY-MM-DD).")
    source: str | None = Field(default=None, description="Its article's outlet.")
    url: str | None = Field(default=None, description="Its article's URL.")

    def outlet_date(self) -> str:
        """ "Outlet · date" as far as known ("" when neither is), shown beside the source."""
        return " · ".join(part for part in (self.source, self.published) if part)


class AnswerSentence(_Record):
    """One sentence of an answer, with the sentences it cites and whether the support check passed."""

    text: str
    citations: list[Citation]
    supported: bool
    support: float = Field(ge=0.0, le=1.0, description="Support score of `text` against its citations.")
    origin: str = Field(
        default="model",
        description='"model" (the model\'s own phrasing passed the check) or "source" (repaired: the '
        "cited source's own words replaced a draft sentence that did not pass).",
    )


class ShortAnswer(_Record):
    """The short answer itself: a span of one cited sentence, verbatim, with its offsets."""

    text: str
    sentence_id: str
    start: int = Field(ge=0, description="Character offset of the span in the cited sentence's text.")
    end: int = Field(ge=0)


class Timings(_Record):
    """Wall-clock seconds per stage of one `ask`."""

    retrieve: float = 0.0
    draft: float = 0.0
    verify: float = 0.0
    total: float = 0.0


class Answer(_Record):
    """A verified answer: every sentence cited and supported, or an abstention that cites nothing.

    Its text is untrusted: it is made of article text (repaired sentences are article sentences verbatim,
    model sentences paraphrase them, citations quote them), and articles are untrusted input. Escape
    `text`, sentence and citation texts before rendering them as HTML or Markdown, or passing them to a
    shell or another prompt (SECURITY.md)."""

    question: str
    standalone_question: str | None = Field(
        default=None, description="The question as retrieved, when a chat follow-up was rewritten."
    )
    sentences: list[AnswerSentence] = Field(default_factory=list)
    abstained: bool = False
    abstain_reason: str | None = None
    short_answer: ShortAnswer | None = Field(
        default=None, description="The answer span, verbatim from a cited sentence (None: none was found).")
    draft: str = Field(default="", description="The model's raw draft, before verification.")
    evidence_ids: list[str] = Field(default_factory=list, description="Sentence ids shown to the model: the evidence the answer may cite.")
    retrieved_ids: list[str] = Field(
        default_factory=list, description="Sentence ids retrieval found: the evidence, also when the gate "
        "abstained and showed the model nothing (what retrieval recall is measured on).")
    dropped: list[str] = Field(default_factory=list, description="Draft sentences dropped by the check.")
    timings: Timings = Field(default_factory=Timings)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """Plain-text answer with citation markers: "Sentence. [art:s3]"."""
        if self.abstained:
            return ABSTAIN_TEXT
        parts = []
        for sentence in self.sentences:
            marks = "".join(f"[{c.id}]" for c in sentence.citations)
            parts.append(f"{sentence.text} {marks}".strip())
        return " ".join(parts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def short(self) -> str | None:
        """The short answer span's text (see `short_answer` for its sentence and offsets)."""
        return self.short_answer.text if self.short_answer is not None else None

    @property
    def citations(self) -> list[Citation]:
        """Every distinct citation of the answer, in order of first use."""
        seen: dict[str, Citation] = {}
        for sentence in self.sentences:
            for citation in sentence.citations:
                seen.setdefault(citation.id, citation)
        return list(seen.values())


ABSTAIN_TEXT = "The articles don't say."


class StreamEvent(_Record):
    """One event of `Briefbot.stream`: incremental draft text, then the final verified Answer."""

    kind: str = Field(description='"delta" (draft text so far grows by `text`) or "answer" (final).')
    text: str = ""
    answer: Answer | None = None

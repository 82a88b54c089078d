"""Words, not vectors: tokenising, light stemming, stop words and a small BM25.

Shared by lexical retrieval (BM25 over chunks and sentences) and by the support check, so that both
agree on what a "content word" is. Pure Python; no model.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from typing import Iterable, Sequence

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself nor of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t d ll m re ve y one said says say according per cent article articles
    sentence sentences tell told me us many much shall may might must within without whose whether yet ever
    """.split()
)

NEGATIONS = frozenset({"not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot", "n't"})
_NEGATION_CONTRACTION = re.compile(r"\b\w+n['’]t\b", re.IGNORECASE)


_US_ROOTS = {"defense": "defence", "offense": "offence", "license": "licence", "center": "centre",
             "theater": "theatre", "fiber": "fibre", "gray": "grey", "catalog": "catalogue", "aluminum": "aluminium",
             **{root: root[:-2] + "our" for root in
                "color favor honor labor neighbor behavior harbor rumor vapor flavor humor armor endeavor".split()}}
_US_IZE = re.compile(r"(?<=\w{3})([iy])z(e|ed|es|er|ers|ing|ation|ations)$")


def _british(word: str) -> str:
    """One spelling for both sides of the Atlantic: "defense" -> "defence", "organize" -> "organise"."""
    for root, british in _US_ROOTS.items():
        if word.startswith(root):
            return british + word[len(root):]
    return _US_IZE.sub(lambda m: m.group(1) + "s" + m.group(2), word)


def stem(word: str) -> str:
    """A deliberately light stemmer: lower-case, one spelling for US and British English, drop
    possessives and common inflections."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        word = word.split("'")[0]
    word = _british(word)
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def close(term: str, token: str) -> bool:
    """The same stem, or a near spelling of a longer one with the same first letter ("zakarova")."""
    return term == token or (len(term) >= 5 and token[:1] == term[:1]
                             and difflib.SequenceMatcher(None, term, token).ratio() >= 0.8)


def words(text: str) -> list[str]:
    """Surface tokens of `text`, in order, case kept."""
    return _TOKEN.findall(text)


def content_terms(text: str) -> list[str]:
    """Stemmed tokens of `text` that are not stop words, in order (duplicates kept)."""
    return [stem(w) for w in words(text) if w.lower().replace("’", "'").split("'")[0] not in STOP_WORDS]


def has_negation(text: str) -> bool:
    lowered = text.lower()
    return bool(_NEGATION_CONTRACTION.search(lowered)) or any(w in NEGATIONS for w in (t.lower() for t in words(text)))


def numbers(text: str) -> set[str]:
    """Numbers written in `text` (digits only: '2008', '20', '3.5')."""
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


class BM25:
    """Okapi BM25 over pre-tokenised documents. `scores(query)` gives one score per document."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.term_counts = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.avg_length = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        doc_freq: Counter[str] = Counter()
        for counts in self.term_counts:
            doc_freq.update(counts.keys())
        self.doc_freq = dict(doc_freq)

    def idf(self, term: str) -> float:
        n = len(self.lengths)
        df = self.doc_freq.get(term, 0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def scores(self, query_terms: Iterable[str], weights: Sequence[float] | None = None) -> list[float]:
        """BM25 score of every document; `weights` (one per query term) scale each term's contribution."""
        terms = list(query_terms)
        factor = dict(zip(terms, weights)) if weights is not None else {}
        terms = list(dict.fromkeys(terms))
        out = []
        for counts, length in zip(self.term_counts, self.lengths):
            total = 0.0
            norm = self.k1 * (1 - self.b + self.b * length / (self.avg_length or 1.0))
            for term in terms:
                tf = counts.get(term, 0)
                if tf:
                    total += factor.get(term, 1.0) * self.idf(term) * tf * (self.k1 + 1) / (tf + norm)
            out.append(total)
        return out

    def to_dict(self) -> dict:
        return {"k1": self.k1, "b": self.b, "documents": [dict(c) for c in self.term_counts]}

    @classmethod
    def from_dict(cls, data: dict) -> "BM25":
        docs = [[term for term, count in counts.items() for _ in range(count)] for counts in data["documents"]]
        return cls(docs, k1=data["k1"], b=data["b"])


_MONTH_NAMES = ("January February March April May June July August September October November December").split()


def date_words(published: str | None) -> str:
    """'2021-10-05' -> '2021-10-05 5 October 2021' (so 'in October 2021' holds in the article's date)."""
    if not published:
        return ""
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return published
    day = str(int(m.group(3))) if m.group(3) else ""
    return f"{published} {day} {_MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"

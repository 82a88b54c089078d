"""The country a corpus calls home: a national outlet's article need not name it.

"Who is Orvandy's transport minister now?" is answered by "Lachlan Dacosta was appointed minister of transport on
Tuesday ..." in an article (headline "Dacosta named transport minister in reshuffle") that names no country: the
outlet writes from Orvandy. A question's one-word topic is a country when the corpus also uses its adjective of
nationality ("Orvandian": the name without its final vowels, plus -an, -ian, -ese or -ish), or when it is one of
the countries `aliases` knows with a nationality ("UK": "British"); it is the corpus's home when the corpus names
it often (`HomeCountries.is_home`), or when the outlets of a good share of its articles carry the country's name or
nationality ("Cormantian Medical Wire": a national outlet writes from home even when its articles seldom name the
country). An evidence sentence takes its home country for granted
(`EvidenceSentence.implied`) when the sentence, its headline, lead and the sentence before name no other country or
nationality the corpus knows ("Ardeskan Health Minister Pia Roos said ..." is another country's).

Reads only the corpus vocabulary (stemmed terms with their sentence counts) and its outlets' shares of the articles;
retrieval fills `implied` (`retrieve.py`).
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Mapping, Sequence

from briefbot.answer.aliases import DEMONYMS, alias_group
from briefbot.index.lexical import stem

_NATIONALITY_ENDINGS = ("ian", "an", "ese", "es", "ish")  # the stem of "Talvannese" is "talvannes"
_FINAL_VOWELS = re.compile(r"[aeiouy]+$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]{2,}\b")
_ALIAS_NATIONALITIES = frozenset(alias_group(stem(word)) for word in DEMONYMS)  # the alias groups with a nationality


HOME_SHARE = 0.2  # a home country is named (or its nationality used) in this many sentences per article of the corpus:
# 0.23-0.75 for the home countries of 15 held-out event corpora (a country named once in a while is another's)
HOME_MIN_ARTICLES = 20  # ... of a corpus this large: in one article (the seed suite) every country is at home
HOME_OUTLET_SHARE = 0.2  # ... or outlets named after it ("Cormantian Medical Wire") publish this share of its articles


class HomeCountries:
    """Which names of a corpus are countries (by their nationality adjectives), and which is its home, from its
    vocabulary (stemmed terms and the number of sentences holding each) and its number of articles."""

    def __init__(self, doc_freq: Mapping[str, int], articles: int,
                 outlets: Callable[[], Mapping[str, float]] | None = None) -> None:
        self._vocabulary = sorted(doc_freq)
        self._doc_freq = doc_freq
        self._articles = articles
        self._read_outlets = outlets  # outlet name -> its share of the articles, read on first need
        self._outlet_shares: dict[str, float] | None = None  # stemmed outlet word -> share of articles
        self._countries: dict[str, bool] = {}  # by name: the answer checks ask about the same names many times
        self._nationalities: dict[str, bool] = {}
        self._homes: dict[str, bool] = {}

    def _starting(self, prefix: str) -> list[str]:
        at = bisect.bisect_left(self._vocabulary, prefix)
        out = []
        while at < len(self._vocabulary) and self._vocabulary[at].startswith(prefix):
            out.append(self._vocabulary[at])
            at += 1
        return out

    def is_country(self, name: str) -> bool:
        """Whether a one-word name (or its stem: "orvandi") is a country: the corpus uses its nationality ("Orvandy":
        "Orvandian"), or the alias table gives it one ("UK")."""
        if name not in self._countries:
            self._countries[name] = self._is_country(name)
        return self._countries[name]

    def _is_country(self, name: str) -> bool:
        if " " in name.strip():
            return False
        group = _group(name)
        if group is not None:
            return group in _ALIAS_NATIONALITIES
        base = _FINAL_VOWELS.sub("", name.lower())
        return len(base) >= 4 and (any(term[len(base):] in _NATIONALITY_ENDINGS for term in self._starting(base))
                                   or any(word[len(base):] in _NATIONALITY_ENDINGS and word.startswith(base)
                                          for word in self._outlet_words()))

    def is_home(self, name: str) -> bool:
        """Whether `name` is a country the corpus writes from: named, or its nationality used, in at least
        HOME_SHARE sentences per article of a corpus of HOME_MIN_ARTICLES articles or more."""
        if name not in self._homes:
            self._homes[name] = self._is_home(name)
        return self._homes[name]

    def _is_home(self, name: str) -> bool:
        if self._articles < HOME_MIN_ARTICLES or not self.is_country(name):
            return False
        base, own = _FINAL_VOWELS.sub("", name.lower()), stem(name)

        def of_country(term: str) -> bool:  # the country's name or its nationality ("orvandy", "orvandian")
            return term.startswith(base) and (term == own or term[len(base):] in _NATIONALITY_ENDINGS)

        mentions = sum(self._doc_freq.get(term, 0) for term in self._starting(base) if of_country(term))
        published = sum(share for word, share in self._outlet_words().items() if of_country(word))
        return mentions >= HOME_SHARE * self._articles or published >= HOME_OUTLET_SHARE

    def _outlet_words(self) -> dict[str, float]:
        """Each capitalised word of the outlets' names (stemmed), with the share of the articles those outlets
        published ("Cormantian Medical Wire": "cormantian")."""
        if self._outlet_shares is None:
            self._outlet_shares = {}
            for outlet, share in (self._read_outlets() if self._read_outlets else {}).items():
                for word in set(_CAPITALISED.findall(outlet or "")):
                    key = stem(word)
                    self._outlet_shares[key] = self._outlet_shares.get(key, 0.0) + share
        return self._outlet_shares

    def is_nationality(self, word: str) -> bool:
        """Whether a capitalised word is a nationality of a country the corpus names ("Ardeskan": "Ardeska")."""
        if word not in self._nationalities:
            self._nationalities[word] = self._is_nationality(word)
        return self._nationalities[word]

    def _is_nationality(self, word: str) -> bool:
        term = stem(word)
        if word in DEMONYMS:
            return True
        for ending in _NATIONALITY_ENDINGS:
            if term.endswith(ending) and len(term) - len(ending) >= 4:
                base = term[:-len(ending)]
                if any(other != term and _FINAL_VOWELS.sub("", other) == base for other in self._starting(base)):
                    return True
        return False

    def implied(self, topics: Sequence[str], context: Sequence[str | None]) -> tuple[str, ...]:
        """The countries among `topics` that a sentence read with `context` (itself, its headline, lead, the
        sentence before) takes for granted: none when the context names another country or nationality."""
        countries = [topic for topic in topics if self.is_home(topic)]
        if not countries:
            return ()
        text = " \n ".join(t for t in context if t)
        own_groups = {_group(c) for c in countries} - {None}  # "UK": its spellings are the alias table's
        own = {_FINAL_VOWELS.sub("", c.lower()) for c in countries if _group(c) is None}  # "Orvandy": "orvand..."
        for word in _CAPITALISED.findall(text):
            group = _group(word)
            if group in own_groups or (group is None and any(stem(word).startswith(base) for base in own)):
                continue
            if group is not None or self.is_nationality(word) or self.is_country(word):
                return ()  # "Ardeskan", "Chinese", "Beijing": another country
        return tuple(countries)


def _group(name: str) -> str | None:
    """The alias group of a name ("Britain", "UK": "united kingdom"), or None."""
    return alias_group(stem(name)) or alias_group(name)

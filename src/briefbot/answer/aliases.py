"""Names that stand for one another in news writing: a country, its people, its capital and the seat of
its government ("the Kremlin" for Russia, "Washington" for the US, "Kyiv" for Ukraine).

Retrieval uses this so that a question saying "the Kremlin" can find a sentence saying "Moscow" or
"Russia". It is a short, fixed table of long-standing metonyms, not a knowledge base: people are never
aliases (who holds an office changes, and the article must say so itself). Pure Python; no model.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefbot.index.lexical import stem

# Each group: the spellings an article may use (matched case-sensitively, as news text is cased).
_GROUPS: dict[str, tuple[str, ...]] = {
    "russia": ("Russia", "Russian", "Russians", "Moscow", "Kremlin", "Russian Federation"),
    "united states": ("US", "U.S.", "U.S", "USA", "United States", "America", "American", "Americans",
                      "Washington", "White House", "Pentagon", "State Department", "Capitol Hill"),
    "united kingdom": ("UK", "U.K.", "Britain", "British", "United Kingdom", "London", "Downing Street",
                       "Whitehall"),
    "ukraine": ("Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev"),
    "china": ("China", "Chinese", "Beijing"),
    "france": ("France", "French", "Paris", "Elysee", "Élysée"),
    "germany": ("Germany", "German", "Germans", "Berlin"),
    "japan": ("Japan", "Japanese", "Tokyo"),
    "india": ("India", "Indian", "Indians", "New Delhi"),
    "iran": ("Iran", "Iranian", "Iranians", "Tehran"),
    "israel": ("Israel", "Israeli", "Israelis", "Jerusalem"),
    "turkey": ("Turkey", "Turkish", "Ankara", "Türkiye"),
    "poland": ("Poland", "Polish", "Warsaw"),
    "canada": ("Canada", "Canadian", "Canadians", "Ottawa"),
    "vatican": ("Vatican", "Holy See"),
}

# adjectives of nationality: "the British government" may be called "Starmer's government" by the article
DEMONYMS = frozenset("""Russian American British Ukrainian Chinese French German Japanese Indian Iranian Israeli
    Turkish Polish Canadian""".split())

# single words of a question (stemmed) -> group; acronyms ("US", "UK") are kept apart: in lower case
# they are ordinary words ("us"), so only a question that writes them in capitals joins their group
_BY_STEM: dict[str, str] = {
    stem(spelling): group
    for group, spellings in _GROUPS.items()
    for spelling in spellings
    if " " not in spelling and "." not in spelling and not spelling.isupper()
}
_BY_ACRONYM: dict[str, str] = {
    spelling: group for group, spellings in _GROUPS.items() for spelling in spellings if spelling.isupper()
}


def alias_group(term: str) -> str | None:
    """The group of a question's stemmed content term ("kremlin" -> "russia") or of an acronym written in
    capitals ("US" -> "united states"); None if it has none."""
    return _BY_ACRONYM.get(term) or _BY_STEM.get(term)


@lru_cache(maxsize=None)
def group_pattern(group: str) -> re.Pattern[str]:
    """A case-sensitive pattern matching any spelling of `group` in article text."""
    spellings = sorted(_GROUPS[group], key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?:['’]s)?(?!\w)")


def group_stems(group: str) -> tuple[str, ...]:
    """The stemmed single-word spellings of `group` (for lexical retrieval)."""
    return tuple(dict.fromkeys(stem(s) for s in _GROUPS[group] if " " not in s and "." not in s))


def mentions(group: str, text: str) -> bool:
    return bool(group_pattern(group).search(text))


def _canonical(group: str) -> str:
    return next(s for s in _GROUPS[group] if " " not in s and "." not in s and not s.isupper())


_MULTIWORD = [(re.compile(r"(?<!\w)" + re.escape(spelling).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE),
               _canonical(group))
              for group, spellings in _GROUPS.items() for spelling in spellings if " " in spelling]


def one_word_aliases(question: str) -> str:
    """`question` with multi-word spellings replaced by one word of their group ("What does Downing Street
    think?" -> "What does Britain think?"), so that word-by-word matching sees one name, not two."""
    for pattern, word in _MULTIWORD:
        question = pattern.sub(word, question)
    return question

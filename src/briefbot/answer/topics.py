"""Is an evidence sentence about what the question names? (`Question.topics`)

Every topic (a person, organisation, place, work or event the question names) must be mentioned in the
sentence or its context (headline, the sentence before, the lead) or be the article's outlet: half of a
name's words suffice ("Anskar" for "Bertil Anskar"), as do an alias ("the Kremlin" for Russia), a
country's adjective, a close spelling or the initials of an acronym ("SP": "the Scottish Parliament"); but not
the same name with one word swapped (the Vesmark Prize in Physics is not the Vesmark Prize in Medicine). A topic the
sentence takes for granted (`EvidenceSentence.implied`, filled by retrieval) needs no mention: the corpus's home
country, or a name of several words its article gave in full before it and it calls by its noun ("the agency's
director": `referred_back`). Names joined by "and" in the question may be answered one per sentence.

An open question that names the thing it asks for ("What was the *verdict* in the Koslow trial?", "Koslow
trial *verdict*") is answered only by a sentence that mentions that thing (`missing_focus`): the sentence
about the trial's opening is not the verdict. Nouns too general to be repeated ("result", "goal") are exempt.
Likewise a question about who holds an office is answered only by a sentence whose context speaks of that
office (`missing_office`; what counts as speaking of it is `offices.mentions_office`).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence

from briefbot.answer.aliases import alias_group, mentions
from briefbot.answer.offices import mentions_office
from briefbot.answer.question import Question
from briefbot.index.lexical import content_terms
from briefbot.types import EvidenceSentence

CLOSE_SPELLING = 0.8  # the same cutoff retrieval uses to map a misspelt question word to a corpus word


def missing_topics(question: Question, item: EvidenceSentence) -> list[str]:
    """The question's topics that neither the sentence nor its context (title, the sentence before, the
    article's lead, the sentence telling of the question's anchor) mentions, and that are neither the article's
    outlet nor a country it takes for granted (`EvidenceSentence.implied`)."""
    if not question.topics:
        return []
    context = " \n ".join(t for t in (item.sentence.text, item.title, item.before, item.lead, item.anchor, item.source)
                          if t)
    terms = set(content_terms(context))
    missing = [topic for topic in question.topics if topic not in item.implied
               and (not _mentioned(topic, terms, context) or _swapped(topic, terms, context))]
    # "What do Lavrov and Zakharova each say ...?": each sentence answers for one of the two
    return [topic for topic in missing if not any(other not in missing for other in _conjoined(question, topic))]


# Nouns an answer rarely repeats ("the result of the vote" is "shareholders approved it"): no focus check
_GENERAL_NOUNS = frozenset(
    "result results outcome outcomes news status latest update updates situation story stories detail details "
    "thing things information reason reasons name names title titles purpose role goal goals aim effect effects impact cause "
    "causes type types kind kinds part parts example examples meaning way ways view views position response "
    "reaction reactions stance stances opinion opinions attitude approach "
    "event events problem problems issue issues matter plan plans idea term terms "
    "one ones "
    # ... nor a decision, which a sentence states as the act: "found him guilty", "ruled that", "decided to"
    "verdict verdicts ruling rulings judgment judgement decision decisions".split())


# ... and nouns an answer states as what they are: a penalty as a fine, a prison term, a sentence or a ban ("What is
# the maximum penalty for ...?": "can lead to a fine of up to 50,000 dulcats or a year in prison", events69 dev-16)
_PENALTY_WORDS = frozenset("fine fined fines prison jail jailed sentence sentenced ban banned".split())
_FOCUS_TOLD_AS = {"penalty": _PENALTY_WORDS, "penalties": _PENALTY_WORDS}

_WORD = re.compile(r"[\w'’-]+")
_SAME_WORD_PREFIX = 5  # "evacuated" mentions "evacuations", "rivalry" mentions "rival", "sentenced" "sentence"


def missing_focus(question: Question, item: EvidenceSentence) -> str | None:
    """For an open question (no expected entity type) that names what it asks for, that noun, when neither
    the sentence, its headline nor the sentence before mentions it (a word with the same first five letters:
    "sentenced" mentions "sentence"); else None."""
    focus = question.focus
    if question.answer_type != "open" or not focus or focus.lower() in _GENERAL_NOUNS:
        return None
    prefix = focus.lower()[:_SAME_WORD_PREFIX]
    told_as = _FOCUS_TOLD_AS.get(focus.lower(), frozenset())
    words = [part for w in _WORD.findall(_near(item)) for part in (w, *w.split("-")[1:])]  # "first-class": "class"
    return None if any(w.lower().startswith(prefix) or w.lower() in told_as for w in words) else focus


def missing_office(question: Question, item: EvidenceSentence) -> str | None:
    """For a question about who holds an office (`Question.office`), that office, when neither the sentence,
    its headline nor the sentence before speaks of it (`offices.mentions_office`), nor names the body's head by the
    title the corpus gives it (`EvidenceSentence.office_title`); else None."""
    office = question.office
    if not office or item.office_title:
        return None
    return None if mentions_office(office, _near(item)) else office


def holds_words(question: Question, item: EvidenceSentence, ignoring: frozenset[str]) -> bool:
    """Whether every content word of the question (stemmed), but those in `ignoring` and numbers, is in the
    sentence, its headline, its lead, the sentence before or the one telling of the question's anchor: the
    context is about what the question names, also where the tagger marked no name ("Skerrline chief
    executive", "the national weather bureau")."""
    near = set(content_terms(" ".join(t for t in (item.sentence.text, item.title, item.lead, item.before, item.anchor)
                                      if t)))
    return all(term in near for term in question.content_words if term not in ignoring and not term.isdigit())


def _near(item: EvidenceSentence) -> str:
    """The sentence with its headline and the sentence before: where an answer names what it is about."""
    return " \n ".join(t for t in (item.sentence.text, item.title, item.before) if t)


def _conjoined(question: Question, topic: str) -> list[str]:
    """The question's other topics joined to `topic` by "and" / "or" ("Lavrov and Zakharova")."""
    out = []
    for other in question.topics:
        if other != topic and re.search(
                rf"{re.escape(topic)}\W+(?:and|or)\W+(?:the\s+)?{re.escape(other)}|"
                rf"{re.escape(other)}\W+(?:and|or)\W+(?:the\s+)?{re.escape(topic)}", question.text):
            out.append(other)
    return out


def _swapped(topic: str, terms: set[str], context: str) -> bool:
    """Whether the context names another thing of the same form: the topic with one capitalised word
    swapped for another ("the Vesmark Prize in Physics" for "the Vesmark Prize in Medicine", "Bertil
    Larsson" for "Bertil Anskar"). Half of a name's words still suffice when none is swapped."""
    words = topic.split()
    if len(words) < 2 or re.search(r"(?<![\w'’-])" + re.escape(topic) + r"(?![\w'’-])", context):
        return False  # "D'Olier Street" is there itself (beside "French Church Street")
    for k, word in enumerate(words):
        if not word[:1].isupper() or any(_has_word(w, terms) for w in content_terms(word)):
            continue
        pattern = r"(?<![\w'’-])" + r"\s+".join(
            r"([A-Z][\w'’-]*)" if j == k else re.escape(w) for j, w in enumerate(words)) + r"(?![\w'’-])"
        if any(m.group(1) != word for m in re.finditer(pattern, context)):
            return True
    return False


def _mentioned(topic: str, terms: set[str], context: str) -> bool:
    words = [w for w in content_terms(topic) if not w.isdigit()]
    if not words or 2 * sum(_has_word(w, terms) for w in words) >= len(words):
        return True
    if _ACRONYM.fullmatch(topic) and (topic in _initials(context) or _spelled_out(topic, context)):
        return True  # "SP" for "the Scottish Parliament", "MVP" for "most valuable player"
    groups = {g for w in words if (g := alias_group(w)) is not None}
    return any(mentions(group, context) for group in groups)


def referred_back(topics: Sequence[str], text: str, article: str, start: int) -> tuple[str, ...]:
    """The names of several words among `topics` that a sentence (`text`, at offset `start` of its article's text
    `article`) refers back to by their last word after "the" ("the agency's director" for the Ondavian Fisheries
    Agency), when its article named them in full before it: a feature names the body once, in its second sentence
    after a scene, and then "the agency". A name of one word, or one its article never gave in full before the
    sentence, is not taken."""
    names = [topic for topic in topics if len(topic.split()) > 1 and topic.split()[-1][:1].isupper()]
    if not names:
        return ()
    lowered = text.lower()
    return tuple(topic for topic in names
                 if re.search(rf"\bthe\s+{re.escape(topic.split()[-1].lower())}(?:['’]s)?\b", lowered)
                 and re.compile(r"(?<![\w'’])" + re.escape(topic) + r"(?![\w'’])").search(article, 0, start))


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of|the|and|for|de)?\s*[A-Z][\w'’-]*)+")


def _initials(context: str) -> set[str]:
    """The initials of every run of capitalised words in `context` ("Scottish Parliament" -> "SP", "Bank of
    England" -> "BE" and "BOE"), and of each run's tails ("The Scottish Parliament" -> "TSP", "SP")."""
    out = set()
    for run in _CAPITALISED_RUN.finditer(context):
        words = run.group(0).split()
        for start in range(len(words)):
            tail = words[start:]
            out.add("".join(w[0] for w in tail if w[0].isupper()))
            out.add("".join(w[0] for w in tail).upper())
    return out


def _spelled_out(acronym: str, context: str) -> bool:
    """Whether `context` has as many words in a row as `acronym` has letters (three or more), starting with them
    ("the league's most valuable player" for "MVP"): the capitalised runs of `_initials` miss lower-case ones."""
    if len(acronym) < 3:
        return False
    initials = [w[0].upper() for w in _WORD.findall(context)]
    n = len(acronym)
    return any("".join(initials[i:i + n]) == acronym for i in range(len(initials) - n + 1))


def _has_word(word: str, terms: set[str]) -> bool:
    """`word`, a word differing only in its ending (Brazil, Brazilian; Canada, Canadian; Germany, German; Asia,
    Asian) or, for a word of five letters or more, a close spelling (Zakarova, Zakharova: as retrieval matches it)."""
    if word in terms:
        return True
    if len(word) == 4:  # a short place name's adjective: Asia, Asian; Cuba, Cuban; Iraq, Iraqi; Bali, Balinese
        return any(t in terms for t in (word + "n", word + "an", word + "i", word + "nese", word + "ese"))
    if len(word) < 5:
        return False
    return any(len(t) >= 5 and (len(os.path.commonprefix([word, t])) >= max(5, min(len(word), len(t)) - 1)
                                or difflib.SequenceMatcher(None, word, t).ratio() >= CLOSE_SPELLING)
               for t in terms)

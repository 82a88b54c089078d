"""Who speaks in a question and in a sentence: "What did Putin say about the ceasefire?" names a speaker
(Putin) and a topic (the ceasefire); a sentence answers only if that speaker is the subject of a speech
verb in it ("Putin said", "according to Putin", "..., said Putin") and it mentions the topic.

Speakers are the names in the question's subject ("the GUR agency" -> GUR, agency), or its head noun
when that is a person or body ("the other defence ministers" -> minister); a text ("the treaty's clause")
speaks to nobody. A place speaks through its other names ("Russia has said" for "the Kremlin"). Used by
`question_form.py`; lexical and cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbot.answer.aliases import alias_group, group_pattern, mentions
from briefbot.index.lexical import STOP_WORDS, close, content_terms, stem, words

_SPEECH_QUESTION = re.compile(
    r"^\s*(?:what|how|why)\s+(?:did|does|do|has|have|had)\s+([^,;?]{1,60}?)\s+"
    r"(say|said|tell|told|demand(?:ed)?|claim(?:ed)?|warn(?:ed)?|add(?:ed)?|declare(?:d)?|announce(?:d)?|"
    r"argue(?:d)?|state(?:d)?|insist(?:ed)?|think|thought|believe(?:d)?|call(?:ed)?|regard(?:ed)?|"
    r"view(?:ed)?|see|seen|consider(?:ed)?|respond(?:ed)?|react(?:ed)?|repl(?:y|ied)|agree(?:d)?|"
    r"discuss(?:ed)?|accuse(?:d)?|den(?:y|ied)|admit(?:ted)?|confirm(?:ed)?|reveal(?:ed)?|suggest(?:ed)?|"
    r"predict(?:ed)?|vow(?:ed)?|threaten(?:ed)?)\b([^,;?]*)",
    re.IGNORECASE,
)
_SUBJECT_END = re.compile(r"\s+(?:in|at|from|of|on|for|with|during|after|before)\s+.*$", re.IGNORECASE)
_TOPIC = re.compile(  # "say about Y", "respond to Y", "say in reply to Y"
    r"^\s*(?:\w+ly\s+)?(?:about|on|of|to|with|over|regarding|concerning|in\s+(?:reply|response)\s+to)\s+(.+)$",
    re.IGNORECASE,
)
# a speech verb right after a name: "X said", "X, the director, has said"
SAYS_AFTER = re.compile(r"^(?:,[^,]{0,30},)?\s*(?:has\s+|had\s+)?(?:said|says|told|tells|warned|warns|claimed|claims|"
                        r"announced|argued|insisted|stated|added|confirmed)\b", re.IGNORECASE)
# nouns for people and bodies that speak: "the other defence ministers" must speak themselves, while "the
# alliance's mutual defence clause" says things the way a text does, so it names no speaker
PERSON_NOUNS = frozenset(stem(w) for w in """
    minister ministers secretary secretaries spokesman spokeswoman spokesperson official officials president
    presidents leader leaders chief chiefs head heads government governments ministry ministries agency
    envoy envoys ambassador ambassadors diplomat diplomats general generals commander commanders chancellor
    king queen mayor governor senator senators lawmaker lawmakers mp mps analyst analysts expert experts critic
    critics authorities military army police union spokespeople counterpart counterparts ally allies member
    members premier administration cabinet parliament congress court judge prosecutor prosecutors
    """.split())
_NOT_TOPIC = frozenset(stem(w) for w in "remark remarks comment comments statement statements words idea "
                       "claim claims question questions news report reports".split())
_SPEECH_VERBS = frozenset(
    "say says said tell tells told demand demands demanded claim claims claimed warn warns warned add adds added "
    "adding declare declares declared announce announces announced argue argues argued state states stated "
    "insist insists insisted according views view viewed call calls called regard regards regarded consider "
    "considers considered believe believes believed think thinks thought describe describes described "
    "respond responds responded react reacts reacted reply replies replied urge urges urged reject rejects "
    "rejected dismiss dismisses dismissed condemn condemns condemned welcome welcomes welcomed agree agrees "
    "agreed discuss discusses discussed accuse accuses accused deny denies denied admit admits admitted "
    "confirm confirms confirmed reveal reveals revealed suggest suggests suggested predict predicts predicted "
    "vow vows vowed threaten threatens threatened".split()
)
_PRONOUN_QUOTE = re.compile(r"\b(?:she|he|they)\s+(?:said|added|says|told|warned|insisted)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Speech:
    """The speakers a question asks about and the topic they are asked about (empty: not a speech question)."""

    speakers: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()


def speech_of(question: str, names: set[str]) -> Speech:
    """The speech question's speakers and topic; `names` are the question's capitalised words (stemmed)."""
    speech = _SPEECH_QUESTION.search(question)
    if speech is None:
        return Speech()
    subject = _SUBJECT_END.sub("", speech.group(1))
    subject_terms = [w if _acronym(w) else stem(w) for w in words(subject)
                     if _acronym(w) or (w.lower() not in STOP_WORDS and len(w) > 2)]
    head = subject_terms[-1:] if subject_terms and subject_terms[-1] in PERSON_NOUNS else []
    named = [t for t in subject_terms if t in names or _acronym(t)]
    if not named and len(subject_terms) == 1:  # "what did zakharova say": a lone word is the speaker
        named = subject_terms
    about = _TOPIC.search(speech.group(3))
    topic = tuple(t for t in content_terms(about.group(1)) if t not in _NOT_TOPIC) if about else ()
    return Speech(tuple(dict.fromkeys(named + head)), topic)


def speaks(speakers: tuple[str, ...], text: str) -> bool:
    """One of `speakers` is the subject of a speech verb in `text`: "Zakharova said", "according to
    Lavrov", or after a quote "..., said the GUR agency" (but not "Zelensky said Russia must ..."); another
    name for the same place counts ("Russia has said" for "the Kremlin")."""
    if not speakers:
        return True
    found = list(_TOKEN.finditer(text))
    tokens = [stem(m.group()) for m in found]
    lowered = [m.group().lower() for m in found]
    positions = [i for i, token in enumerate(tokens)
                 if any(found[i].group() == s if _acronym(s) else close(s, token) for s in speakers)]
    for group in {g for s in speakers if (g := alias_group(s)) is not None}:  # "White House" for "Washington"
        positions += [len(_TOKEN.findall(text[:m.end()])) - 1 for m in group_pattern(group).finditer(text)]

    def inverted(j: int) -> bool:  # "..., said X" / "’ said X" / "according to X"
        gap = text[found[j - 1].end():found[j].start()] if j > 0 else ","
        return lowered[j] == "according" or any(mark in gap for mark in ",'’\"”")

    for i in positions:
        if any(w in _SPEECH_VERBS for w in lowered[i + 1:i + 9]):
            return True
        if any(lowered[j] in _SPEECH_VERBS and inverted(j) for j in range(max(0, i - 3), i)):
            return True
    return False


def mentions_topic(topic: tuple[str, ...], text: str, names: tuple[str, ...] = ()) -> bool:
    """Whether `text` is about the topic a speaker is asked about: every name in it ("Trump" in "respond
    to Trump calling him terrible"), or, when it names nobody, any of its words ("about the ceasefire")."""
    if not topic:
        return True
    tokens = [stem(t) for t in _TOKEN.findall(text)]

    def has(term: str) -> bool:
        group = alias_group(term)
        return any(close(term, token) for token in tokens) or (group is not None and mentions(group, text))

    return all(has(n) for n in names) if names else any(has(t) for t in topic)


def quoted_by_pronoun(text: str) -> bool:
    """"'... is not enough,' she said.": a quote whose speaker is named in the sentence before."""
    return bool(_PRONOUN_QUOTE.search(text))


def _acronym(word: str) -> bool:
    """"US", "GUR", "NATO": a name even where its lower-case form is a stop word."""
    return len(word) >= 2 and word.isupper() and word.isalpha()

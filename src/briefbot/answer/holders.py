"""Who holds an office now: whether an evidence sentence names a holder of the office a question asks about.

A current-holder question ("Who is the chief executive of Skerrline?", "Bank of Arnovia governor") is answered
by the newest article that names the holder ("Chief executive Declan Moorcroft said ..." in 2024), not by an
older one that shares more of the question's words ("Oona Feltham will step down as chief executive of
Skerrline", 2022). Retrieval ranks the sentences `names_holder` accepts first, newest first
(`Retriever._holders_first`). Such a sentence often shares few words with the question ("..., said Imelda Strand,
who succeeded Bertil Aske as the bureau's director" for "Who is in charge of the national weather bureau now?"),
so retrieval also searches for the office and the body's words (`holder_terms`) to find it. The sentence telling
that this holder took the office (`tells_taking_office`: "Clemence Achterberg ... was elected chair of the Savrenne
Fashion Council") comes second (`Retriever._appointment_second`): the newest article shows who holds the office now,
the appointment that it is theirs.

For who held it before someone ("Which Chief Forester did Tamsin Yeadon replace?"), the article telling of that
one taking office comes first (`anchor_replaces`: "She replaces Piers Tebbutt"), and the one replaced there held the
office, though the sentence names neither office nor body.

An office can also be vacant: when the newest sentence about the body that tells of its holder leaving, or of no
successor named yet (`tells_vacancy`: "The board has not yet named a successor."), is newer than every sentence
naming a holder, the question has no answer in the corpus and briefbot declines (`Evidence.vacant`).

A sentence names a holder when a candidate answer of the expected type that is not a former holder
(`answers.candidates`) stands within HOLDER_REACH characters of the office's words or of a word for leading or
succeeding (`offices.py`), and its article is about the body asked about: the question's topics and its other
content words are in the sentence, its headline, its lead or the sentence before.
"""

from __future__ import annotations

import re

from briefbot.answer.answers import candidates
from briefbot.answer.offices import (ALL_OFFICE_WORDS, ANY_OFFICE, OFFICE_NOUNS, REPLACING, TAKES_OFFICE,
                                     leading_spots, office_spots, replacing_spots, title_spots)
from briefbot.answer.question import Question
from briefbot.answer.topics import holds_words, missing_topics
from briefbot.index.lexical import content_terms
from briefbot.types import Entity, EvidenceSentence

_OBJECT_REACH = 3  # characters from a verb of replacing to the name of the one replaced ("replaces Colm Marrinan")
HOLDER_REACH = 80  # characters between the holder's name and the office ("has appointed Ilse Dormand, the head
# of the Pellmouth Port Authority, as its chief executive")
# words that name the office or ask for its holder now, not the body: "Skerrline" must be in the article, these not
NOT_BODY = frozenset(content_terms(" ".join([*ALL_OFFICE_WORDS,
                                              "current currently now nowadays today these days present in charge",
                                              "helm runs running heads leads led ran presides directs directed "
                                              "chairs chaired governs governed coaches coached manages managed "
                                              "heading leading chairing governing coaching directing managing "
                                              "presiding politician official responsible oversees "
                                              "held had holds occupied filled job post role position portfolio "
                                              "ministry seat"])))


# the titles of whoever runs a body: what a question naming no office ("Who runs X?") asks about (`holder_terms`,
# `names_top_holder`); with the words of a change of holder, what a sentence naming that holder says
_TOP_TITLE_WORDS = ("chief executive", "director", "head", "chair", "president", "leader", "boss")
_ANY_OFFICE_WORDS = " ".join(_TOP_TITLE_WORDS) + " successor succeeded appointed"


def anchor_query(question: Question) -> str:
    """What to search for the article telling of a question's anchor (`Question.anchor`): the anchor's words with
    the body's names and the office ("Noor Haddenfeld University of Lanthorne rector" for "Who was rector of the
    University of Lanthorne before Noor Haddenfeld?"; the event's words with "Skerrline" for "Who ran Skerrline
    when its ferry link to Cadora was launched?")."""
    anchor = question.anchor or ""
    body = [topic for topic in question.topics if topic not in anchor]
    # a holder's article speaks of the office; an event's often not ("The Sola 5 ... will reach shops")
    office = "" if question.office in (None, ANY_OFFICE) or not anchors_on_holder(question) else question.office
    return " ".join([anchor, *body, office]).strip()


def holder_terms(question: Question) -> list[str]:
    """Search terms for the sentences that may name the holder: the words of the body asked about (the
    question's words outside `NOT_BODY`) and those of the office."""
    office = question.office or ""
    words = _ANY_OFFICE_WORDS if office == ANY_OFFICE else " ".join(OFFICE_NOUNS.get(office, (office,)))
    ignoring = NOT_BODY | question.asks.now_words
    body = [t for t in question.content_words if t not in ignoring and not t.isdigit()]
    return list(dict.fromkeys(body + content_terms(words)))


def names_holder(question: Question, item: EvidenceSentence) -> bool:
    """Whether `item` names someone holding `question.office` in an article about the body the question names.
    For an anchored question (`Question.anchor`) `item` is read with the sentence telling of the anchor as context
    (`EvidenceSentence.anchor`), and the anchor's own words need not be there ("came out" for "reach shops")."""
    if not question.office:
        return False
    text = item.sentence.text
    if question.anchor:  # a verb's holder is its subject: not "Skerrline already runs services from *Saltreach*"
        titles, verbs = title_spots(question.office, text), leading_spots(text)
        # ... and for one asked about before the anchor, the one replaced: "She replaces Colm Marrinan, who ..."
        replaced = replacing_spots(text) if question.precedes and anchors_on_holder(question) else []
        found = candidates(question, item)
        replaced_named = any(0 <= c.start - s <= _OBJECT_REACH for s in replaced for c in found)
        if replaced_named and anchor_replaces(question, text, item.before):
            return True  # "She replaces Piers Tebbutt" in the anchor's article: he held her office, named or not
        named = replaced_named or any(any(_within_reach(c, s) for s in titles)
                                      or any(0 <= s - c.end <= HOLDER_REACH for s in verbs) for c in found)
    else:  # ... or by the title the corpus gives the body's head ("Postmaster General Noor Haverill said")
        named = bool(holders_named(question, item))
    return named and _about_body(question, item)


def holders_named(question: Question, item: EvidenceSentence) -> list[Entity]:
    """The candidate answers of `item` that stand within HOLDER_REACH characters of `question.office` (or of the
    title the corpus gives the body's head, `EvidenceSentence.office_title`): whom it names as holding the office,
    whatever its article is about (`names_holder` checks that too)."""
    if not question.office:
        return []
    text = item.sentence.text
    spots = office_spots(question.office, text) + _spots_of(item.office_title, text)
    return [c for c in candidates(question, item) if any(_within_reach(c, s) for s in spots)] if spots else []


# ... or after "appointed", "named", "elected" ("The board appointed Ilse Dormand as its chief executive")
_APPOINTS = re.compile(r"\b(?:appointed|appoints|named|names|elected|elects|chose|picked)\s+$", re.IGNORECASE)


def tells_taking_office(question: Question, item: EvidenceSentence, surname: str) -> bool:
    """Whether `item` tells of the holder called `surname` taking the office `question` asks about ("Clemence
    Achterberg, who runs ..., was elected chair of the Savrenne Fashion Council"): a name of `holders_named` ending in
    `surname` stands within HOLDER_REACH characters before a verb of taking office (`offices.TAKES_OFFICE`), or
    right after one of appointing (`_APPOINTS`), and the article is about the body asked about."""
    text = item.sentence.text
    named = [c for c in holders_named(question, item) if c.text.split()[-1] == surname]
    if not named:
        return False
    verbs = [m.start() for m in TAKES_OFFICE.finditer(text)]
    taking = any(0 <= v - c.end <= HOLDER_REACH for c in named for v in verbs) \
        or any(_APPOINTS.search(text, max(0, c.start - 12), c.start) for c in named)
    return taking and _about_body(question, item)


# for a question naming no office ("Who is in charge of X?"), among sentences naming a holder on the same day, one
# naming them by a top title comes before a lesser office ("General secretary Marek Sowande said ..." of the union,
# beside "Chief executive Conrad Ilves said ..." of the company asked about)
_TOP_TITLES = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in
                                             ("managing director", *_TOP_TITLE_WORDS, "founder", "owner"))
                         + r")(?:s|man|woman|person)?\b", re.IGNORECASE)


def names_top_holder(question: Question, item: EvidenceSentence) -> bool:
    """Whether, for a question naming no office (`ANY_OFFICE`), `item` names a holder within HOLDER_REACH characters
    of a title of whoever runs a body (`_TOP_TITLES`)."""
    if question.office != ANY_OFFICE:
        return False
    spots = [m.start() for m in _TOP_TITLES.finditer(item.sentence.text)]
    return any(_within_reach(c, s) for c in candidates(question, item) for s in spots)


def _spots_of(title: str | None, text: str) -> list[int]:
    """Where in `text` the title stands (none for None)."""
    return [m.start() for m in re.finditer(re.escape(title), text)] if title else []


def _within_reach(entity: Entity, spot: int) -> bool:
    """Whether the name stands within HOLDER_REACH characters of the office's spot, on either side."""
    return abs(entity.start - spot) <= HOLDER_REACH or abs(entity.end - spot) <= HOLDER_REACH


def anchors_on_holder(question: Question) -> bool:
    """Whether the question's anchor is a holder ("... before *Ruben Tessaro*?"), not an event: a person's name,
    or words all capitalised (the tagger often misses an invented name)."""
    anchor = question.anchor or ""
    return anchor in question.people or bool(_NAME.fullmatch(anchor))


_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


# a sentence opening with a pronoun for a person: it is about someone named before it ("He succeeds Nadia Fellowes")
OPENING_PRONOUN = re.compile(r"\s*(?:He|She|They)\b")


def anchor_replaces(question: Question, text: str, before: str | None) -> bool:
    """Whether `text` says the question's anchor replaced someone ("Yeadon, 44, succeeds ...", or "She replaces
    Piers Tebbutt" after a sentence naming Yeadon): the article telling of the anchor taking office. The subject
    is the anchor's surname, or a pronoun when the sentence `before` names the anchor, at most a few words before
    the verb; "The bill replaces the Forest Act" is no such sentence, nor "She succeeds Ivo Spurling" after a
    sentence about someone else."""
    last = question.anchor_surname
    if last is None:
        return False
    surname = rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])"
    # a pronoun opening the sentence ("She replaces ..."), not one after another's name ("Wyndlow said she would
    # replace the unit"); the search ignores case, so a lower-case opening counts here too
    subject = rf"(?:{surname}|^{OPENING_PRONOUN.pattern})" if before and re.search(surname, before) else surname
    return re.search(rf"{subject}(?:,[^,.]{{0,30}},|\s+(?:will|has|would|is\s+to))?\s+(?:{REPLACING})\b",
                     text, re.IGNORECASE) is not None


# a holder leaving, or the office waiting for a successor
_VACANCY = re.compile(
    r"\b(?:step(?:s|ped|ping)?\s+down|stand(?:s|ing)?\s+down|stood\s+down|resign(?:s|ed|ing)?|retir(?:e|es|ed|ing)|"
    r"quit(?:s|ting)?|leav(?:e|es|ing)\s+(?:the|his|her|its|their)\b|left\s+(?:the|his|her|its|their)\b|"
    r"no\s+successor|not\s+yet\s+(?:been\s+)?(?:named|chosen|appointed|found|announced)|"
    r"search\s+for\s+(?:a|an|his|her|their|the|its)\s+(?:new\s+)?(?:successor|replacement)|"
    r"(?:has|had|have)\s+not\s+(?:yet\s+)?(?:said|named|chosen|decided|appointed)\s+(?:who|a\s+successor|a\s+replacement))\b",
    re.IGNORECASE)


def tells_vacancy(question: Question, item: EvidenceSentence) -> bool:
    """Whether `item` tells, within HOLDER_REACH characters of the office (or of a word for succeeding), that the
    holder of `question.office` is leaving or has left, or that no successor is named yet, in an article about
    the body the question names."""
    if not question.office:
        return False
    text = item.sentence.text
    spots = office_spots(question.office, text)
    if not any(abs(m.start() - s) <= HOLDER_REACH for m in _VACANCY.finditer(text) for s in spots):
        return False
    return _about_body(question, item)


def _about_body(question: Question, item: EvidenceSentence) -> bool:
    """Whether `item`'s article is about the body the question names: its topics are mentioned, and its other
    content words (the office, "now" and the anchor aside: `NOT_BODY`) are in the sentence, headline, lead or
    sentence before."""
    ignoring = NOT_BODY | question.asks.now_words | frozenset(content_terms(" ".join((question.anchor or "",
                                                                                      *item.implied))))
    return not missing_topics(question, item) and holds_words(question, item, ignoring | _kind_named(question, item))


# nouns for the kind of body a question names in common words ("the medicines *regulator*", "the forests *ministry*"):
# a name in the context holding another of the question's words names it ("the Medicines Authority", "Minister of
# Forests and Land")
_BODY_KINDS = frozenset(content_terms("regulator ministry department association union agency authority company firm "
                                      "group council watchdog inspectorate service organisation federation society "
                                      "board commission"))
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’-]*")


def _kind_named(question: Question, item: EvidenceSentence) -> frozenset[str]:
    """The question's words for the kind of body (`_BODY_KINDS`), when it does not name the body ("the Fisheries
    Inspectorate"), that its context names by a name holding another of the question's words, capitalised; else
    none."""
    kinds = _BODY_KINDS & set(question.content_words)
    if kinds:  # (most questions name no kind: nothing more to read)
        kinds -= set(content_terms(" ".join(t for t in question.topics if t[:1].isupper())))  # "the Fisheries
        # Inspectorate" is its name
    if not kinds:
        return frozenset()
    near = " ".join(t for t in (item.sentence.text, item.title, item.lead, item.before) if t)
    named = set(content_terms(" ".join(_CAPITALISED_WORD.findall(near))))
    others = set(question.content_words) - kinds - NOT_BODY
    return frozenset(kinds) if named & others else frozenset()

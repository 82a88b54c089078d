"""Is a candidate in the ROLE the question asks about? (Which spans are candidates at all: `answers.py`.)

A name or date of the expected type can still be the wrong one for the question:
- a holder named as *former*, departing or replaced does not answer who holds an office now (`named_as_former`);
- the source of an attribution (", the museum said", "according to X") did not do what the sentence says, unless
  the question asks who said it (`only_the_source`);
- the day a source spoke ("said on Wednesday") is not when what it tells happened (`only_when_said`);
- for "Who ... before <anchor>?", one who came *after* the anchor, or was replaced by someone else, did not come
  before the anchor (`came_after`).
Who won something is an act's role: `acts.names_winner`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbot.answer.offices import REPLACING, TAKES_OFFICE
from briefbot.answer.question import Question
from briefbot.answer.speech import SAYS_AFTER
from briefbot.index.lexical import STOP_WORDS
from briefbot.types import Entity, EvidenceSentence

_WORD = re.compile(r"[\w'’]+")
# capitalised words, joined by "of", "de", "van" ... only between two of them ("Bank of Ireland", not "CEO of")
CAPITALISED_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*(?:(?:\s+(?:of|de|van|von|al|bin))*\s+[A-Z][\w'’.-]*)*")

# a holder named as former, up to five words after it ("former Veltra Energy chief executive Edvard Koslow",
# "sworn in as governor, replacing Adaeze Korvel", "She takes over from Noor Blenkinsop")
_FORMER = re.compile(r"\b(?:former|ex|previous|outgoing|then|late|predecessor|interim|acting|departed|"
                     r"departing|retired|ousted|replaced|succeeded|replacing|succeeding|replaces|succeeds|"
                     r"(?:took|takes|take|taking)\s+over\s+from|in\s+place\s+of)\W+(?:\w+\W+){0,5}$", re.IGNORECASE)
# ... or said after the name: "Edvard Koslow, the former chief executive", "Ilse Marrenholt will step down as
# governor", "Jane Roe, who resigned in May", "Jane Roe has resigned as chair" (a current-holder question is not
# answered by them either)
_FORMER_AFTER = re.compile(
    r"^,\s*(?:[\w'’-]+\s+){1,5}at\s+the\s+time\b"  # "Lisbet Harmsen, Veltra's finance director at the time"
    r"|^\W{0,3}(?:(?:,\s*)?(?:the|a|its|his|her|their)?\s*(?:former|ex|previous|outgoing|departing|retiring|retired|"
    r"late|interim|acting)\b|,?\s*(?:who\s+)?(?:will|is\s+to|is\s+set\s+to|is\s+due\s+to|plans\s+to|is\s+expected\s+to)"
    r"\s+(?:step\s+down|stand\s+down|retire|resign|leave|quit)\b|,?\s*(?:who\s+)?(?:has\s+|had\s+)?(?:is\s+stepping\s+down|"
    r"is\s+retiring|is\s+leaving|stepped\s+down|stood\s+down|resigned|retired|quit|was\s+replaced|was\s+ousted|"
    r"was\s+succeeded|was\s+dismissed|was\s+sacked|was\s+fired|left\s+(?:the|his|her|its)\b))"
    # "Imogen Selcott, who ran Rhossany Post as acting Postmaster General until March": held it until then
    r"|^,?\s*who\s+(?:had\s+)?(?:ran|led|headed|chaired|managed|directed|served|was)\b[^.;]{0,60}?\buntil\b",
    re.IGNORECASE)
# the source of a trailing attribution: ", the museum said on Wednesday", ", said show director Maren Hollis",
# ", according to the police" -- who said the sentence, not who did what it says
_SOURCE_BEFORE = re.compile(r'(?:[,"”]\s*(?:said|says|added)|\baccording\s+to)\s+(?:[\w\'’-]+\s+){0,4}$', re.IGNORECASE)
_SOURCE_PLAIN_BEFORE = re.compile(r'[,"”]\s*(?:the\s+)?$')
# the day a source spoke: "..., the organisers said on Wednesday", "its president Kasimir Dorn said on Friday", "told
# reporters on Monday" -- when the news was given, not when what it tells happened or will happen
_SAID_ON = re.compile(r"\b(?:said|says|told(?:\s+[\w'’-]+){0,2}|added)\s+(?:on\s+|late\s+on\s+|earlier\s+on\s+)?$",
                      re.IGNORECASE)


# a past job in apposition, then a verb of taking office: "Bronwen Carrick, a former head teacher from Haldwell, has
# taken over as chair" names the new holder
_PAST_JOB_THEN_TAKES = re.compile(r"^,\s*(?:a|an|the)?\s*(?:former|ex|retired)\b[^,;.]{0,60},\s*(?:"
                                  + TAKES_OFFICE.pattern + ")", re.IGNORECASE)


def named_as_former(text: str, entity: Entity) -> bool:
    """Whether the sentence names `entity` as a former, departing or replaced holder ("former chief executive Jane
    Roe", "Jane Roe, who resigned in May"): no answer to who holds a role now. Not one whose past job stands in
    apposition before a verb of taking office ("Jane Roe, a former banker, was appointed ...":
    `_PAST_JOB_THEN_TAKES`)."""
    after = text[entity.end:entity.end + 90]
    return _FORMER.search(text[max(0, entity.start - 40):entity.start]) is not None \
        or (_FORMER_AFTER.search(after) is not None and _PAST_JOB_THEN_TAKES.search(text[entity.end:]) is None)


def came_after(question: Question, item: EvidenceSentence, entity: Entity) -> bool:
    """Whether, for a question about who came before someone (`Question.precedes`), the sentence says `entity` came
    after the anchor ("who became chief statistician after Greta Ambrose") or was replaced by someone else ("She
    replaces Ivor Blacklock" after a sentence naming another newcomer)."""
    return _follows_anchor(question, item.sentence.text, entity) or _replaces_for_another(question, item, entity)


# the one replaced: "She takes over in September *from* Lucius Penrose", "... succeeding Lucius Penrose"
_REPLACED_BEFORE = re.compile(rf"\b(?:from|replace|succeed|{REPLACING})\s+(?:[\w'’.-]+\s+){{0,3}}$", re.IGNORECASE)


def started_by_another(question: Question, text: str) -> bool:
    """For a question about when someone began (`Question.starts`), whether the sentence names them only as the one
    replaced: it tells when their successor began ("She takes over in September from Lucius Penrose")."""
    if not question.starts or not question.people:
        return False
    spots = [m.start() for person in question.people for m in re.finditer(re.escape(person.split()[-1]), text)]
    return bool(spots) and all(_REPLACED_BEFORE.search(text[max(0, spot - 50):spot]) for spot in spots)


def only_the_source(question: Question, text: str, entity: Entity) -> bool:
    """Whether `entity` is only the source of an attribution (", the museum said", ", said director X",
    "according to X") and the question does not ask who said something."""
    if question.asks.about_speech:
        return False
    before = text[max(0, entity.start - 50):entity.start]
    if _SOURCE_BEFORE.search(before):
        return True
    return _SOURCE_PLAIN_BEFORE.search(before) is not None and SAYS_AFTER.match(text[entity.end:]) is not None


def only_when_said(question: Question, text: str, entity: Entity) -> bool:
    """Whether the date `entity` only says when a source spoke ("said on Wednesday") and the question does not ask
    about something said."""
    return not question.asks.about_speech \
        and _SAID_ON.search(text[max(0, entity.start - 40):entity.start]) is not None



# ... "since" too: "Hester Lisowski, who has led the office as acting director general since Thaddeus Okafor resigned"
_AFTER = re.compile(r"\b(?:after|since|succeed|succeeds|succeeded|succeeding|replace|replaces|replaced|replacing|"
                    r"(?:took|takes|taking)\s+over\s+from|in\s+place\s+of)\s+", re.IGNORECASE)  # "... would succeed
# Neville Ashdown as chief executive"
_AFTER_REACH = 80  # characters from the name to "after <the anchor>"


def _follows_anchor(question: Question, text: str, entity: Entity) -> bool:
    """Whether, for a question about who came before someone (`Question.precedes`), the sentence says `entity`
    came after them: "after", "since", "succeeds", "would succeed" or "replacing" the anchor's name (or surname)
    follows the candidate."""
    anchor = question.anchor_words
    if not anchor:
        return False
    names = {" ".join(anchor), anchor[-1]}
    tail = text[entity.end:entity.end + _AFTER_REACH]
    return any(tail[m.end():].startswith(name) for m in _AFTER.finditer(tail) for name in names)


# who replaces someone, right before the one replaced: "She replaces ", "Petronella Szabo was appointed ..., replacing "
_REPLACES_NAME = re.compile(rf"\b(?:{REPLACING})\s+$", re.IGNORECASE)
# ... and the one who came after someone: "He will be succeeded on 1 May by Annis Calloway"
_SUCCEEDED_BY = re.compile(r"\b(?:succeeded|replaced)\b[^.;]{0,25}?\bby\s+(?:the\s+)?$"
                           r"|\bsuccessor\W+(?:(?:is|was|will\s+be|would\s+be)\s+)?$"  # "His successor is ..."
                           r"|\b(?:appointed|named)\s+(?:(?:a|the|its|their)\s+)?(?:[a-z][\w'’-]*\s+){0,3}$",
                           re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"^\W*(?:he|she|they)\b[\w\s'’-]*$", re.IGNORECASE)  # "She", "He will"
_TITLES = frozenset("mr mrs ms miss dr professor sir dame lord lady minister president chief director judge captain "
                    "mayor governor inspector secretary".split())


def _replaces_for_another(question: Question, item: EvidenceSentence, entity: Entity) -> bool:
    """Whether, for a question about who came before a named holder (`Question.precedes`, "Who ran the zoo before
    Benedikt Ormsary?"), the sentence says `entity` was replaced by someone else: the one who replaces (the name
    opening the sentence, or, for "She replaces ...", the sentence before) is not the anchor; or it says `entity`
    came after someone ("He will be succeeded on 1 May by Annis Calloway"). Another first name
    with the anchor's surname is someone else ("Tamsin Ormsary", his daughter); a sentence opening with no name
    ("On Thursday the ministry named him ...") says nothing either way."""
    anchor = question.anchor_words
    if not anchor or not all(w[:1].isupper() for w in anchor):
        return False  # "before the merger": no holder named
    text = item.sentence.text
    verb = _REPLACES_NAME.search(text[:entity.start])
    if verb is None:
        return _SUCCEEDED_BY.search(text[max(0, entity.start - 40):entity.start]) is not None
    who = text[:verb.start()]
    if _SUBJECT_PRONOUN.match(who):
        who = item.before or ""
    surname = anchor[-1]
    found = [m for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", who)]
    if found:  # the anchor, unless another first name stands before the surname
        return all(_other_first_name(who[:m.start()], anchor) for m in found)
    # someone else opens the sentence ("Agatha Penhallow, a mining engineer, ...")
    subject = CAPITALISED_NAME.match(who)
    return subject is not None and _names_person(subject.group(0))


def _names_person(span: str) -> bool:
    """Whether capitalised words read as a person's full name: two or three words, no title or small word ("Agatha
    Penhallow"; not "The Ministry of Mines", "Chief Inspector")."""
    words = span.split()
    return 1 < len(words) <= 3 and not any(w.lower() in STOP_WORDS or w.lower() in _TITLES for w in words)


def _other_first_name(before: str, anchor: Sequence[str]) -> bool:
    """Whether the word right before a surname is a first name other than the anchor's ("Tamsin" for "Benedikt
    Ormsary"); a title or a lower-case word is not."""
    words = _WORD.findall(before[-40:])
    if not words or not words[-1][:1].isupper():
        return False
    word = words[-1]
    return word not in anchor and word.lower() not in _TITLES

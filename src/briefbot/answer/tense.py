"""Does a sentence say that something happened, or only that it is coming?

A question about an outcome ("Who won ...?", "What did the bank decide ...?", "What was the verdict?") is
not answered by a preview: a sentence whose main clause is in the future or only expected, scheduled or
put off ("X is expected to win Sunday's election", "The bank will announce its decision on Thursday",
"The verdict has been postponed, the court said"), or in the present tense with a word that looks forward
to the outcome ("The festival opens on Friday, with X tipped to win", "X leads the nominations"), unless the sentence also states a past fact ("Smith,
who won the 2022 title, will defend it"). The sentence is parsed with spaCy (`index.nlp.parse`) when the
check is needed, and remembered. A preview that `schedules` the asked event, though, gives its date: "Kilvarra
Mart will hold its last sale in December" answers "When did Kilvarra Mart hold its final sale?".
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefbot.answer.acts import SUCCESSOR, act_asked
from briefbot.answer.answer_kind import time_spans
from briefbot.index.lexical import stem
from briefbot.index.nlp import parse

_MODALS = frozenset("will would shall may might could".split())
# main verbs that put the event off, only expect it or aim at it ("is expected to win", "has been postponed")
_PREVIEW_VERBS = frozenset(stem(w) for w in (
    "expect expected tip tipped favour favoured favor favored schedule scheduled plan planned set due poised "
    "prepare prepared prepares preparing postpone postponed delay delayed adjourn adjourned defer deferred "
    "suspend suspended "
    # ... or only aims at it ("The trust hopes to raise 5 million vardels in its appeal")
    "hope hopes hoped hoping aim aims aimed aiming seek seeks sought seeking intend intends intended intending "
    "want wants wanted wanting").split())
# words that anticipate an outcome in a present-tense sentence: "opens on Friday, with X widely *tipped to*
# win", "X is the *favourite to* win", "X *leads the nominations*", "X is *shortlisted*"
_ANTICIPATING = frozenset(stem(w) for w in (
    "expected tipped favoured favored favourite favorite likely poised set due predicted forecast").split())
_NOMINATION = frozenset(stem(w) for w in (
    "nomination nominations nominated nominee nominees shortlist shortlisted contender contenders "
    "frontrunner front-runner favourite favourites favorite favorites").split())  # "X is the favourite in the race"
_SPEECH_VERBS = frozenset(stem(w) for w in (
    "say says said tell tells told announce announced report reported add added state stated confirm "
    "confirmed").split())
_PLAN_WORDS = re.compile(r"\b(?:will|due|schedul\w*|expect\w*|plan|plans|planned|planning|set\s+to|going\s+to|"
                         r"supposed|upcoming|next|forecast\w*|predicted|tipped)\b", re.IGNORECASE)
_PLANNING_VERB = re.compile(r"\b(?:is|are|was|were|be|been|am)\s+planning\s+(?:to|a|an|the|for|on)\b|"
                            r"\bplanning\s+to\b|\bplanning\W*$", re.IGNORECASE)
_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)
# "What did Lavrov say?" asks what was said, and what was said is often a prediction or a threat
_ASKS_WHAT_WAS_SAID = frozenset(stem(w) for w in (
    "say said tell told announce announced warn warned claim claimed argue argued demand demanded insist "
    "insisted promise promised pledge pledged vow vowed threaten threatened suggest suggested predict "
    "predicted call called urge urged write wrote describe described report reported reveal revealed "
    "disclose disclosed confirm confirmed state stated add added note noted signal signalled").split())


# "When did she take over?", "When did the law come into force?": a start of office or of a law is announced
# with its date ("will replace her from 1 March", "will take effect on 1 January"), and such dates are kept
STARTS_WHEN = re.compile(
    r"^\s*when\b.*\b(?:take|took|taken|taking)\s+(?:over|charge|office|up|effect|the\s+helm)\b|^\s*when\b.*\b(?:"
    r"replace|replaced|succeed|succeeded|come\s+into\s+(?:force|effect)|came\s+into\s+(?:force|effect))\b",
    re.IGNORECASE)  # not "join" or "become": "NATO declared that Georgia would join" says no date it did
# "When did the strike start?", "When did Haldane start as head of the fire service?", "When did her term begin?"
# "When was X set up?": a founding, told with the same words (`beginnings.py`)
FOUNDED = r"founded|established|created|formed|set\s+up"
# the words of a founding in a question or a sentence ("found", "establish", "created", "set up")
FOUNDING = re.compile(r"\b(?:found|founds|establish|create|form|" + FOUNDED + r")\b", re.IGNORECASE)
_BEGINS_WHEN = re.compile(r"^\s*when\b.*\b(?:start|starts|started|begin|begins|began|become|became|join|joined|"
                          + FOUNDED + r")\b", re.IGNORECASE)


def asks_when_started(question: str) -> bool:
    """Whether the question asks when something began or someone took office (`beginnings.py`)."""
    return bool(STARTS_WHEN.search(question) or _BEGINS_WHEN.search(question))


def asks_for_outcome(question: str, doc) -> bool:
    """Whether the question asks about something that has happened: past tense ("did", "was", a past
    verb such as "won"), and not about a plan ("When was it due to open?", "Who will win?"), about
    what someone said ("What did Lavrov say?": what was said may well be a prediction) or about when
    someone took office or a law took effect (`STARTS_WHEN`: announced in advance, with the date), nor about who
    succeeded someone (announced in advance too: "Captain Marit Strangward will succeed him on 1 July")."""
    if _plans(question) or any(stem(t.lower_) in _ASKS_WHAT_WAS_SAID for t in doc) \
            or STARTS_WHEN.search(question) or act_asked(question) == SUCCESSOR:
        return False
    present = _asked_in_present(doc)
    return bool(_PAST.search(question)) or any(t.tag_ == "VBD" and not (present and t.dep_ == "ROOT") for t in doc)


def _asked_in_present(doc) -> bool:
    """Whether the question's first verb is "is" or "are": then its main verb is a participle, not a past verb,
    whatever the small tagger says ("How much is Dagny Ashcombe *paid*?" asks what is so, and "would be paid
    176,000 dovels" answers it); a past verb in a clause of its own still is one ("Who are the officials NBC
    *cited*?")."""
    first = next((t for t in doc if t.tag_ in ("VBZ", "VBP", "VBD", "MD")), None)
    return first is not None and first.tag_ in ("VBZ", "VBP") and first.lemma_ == "be"


def _plans(question: str) -> bool:
    """Whether the question speaks of a plan. "planning" does only as a verb ("is planning to"), not as a
    modifier naming a body or a thing ("the planning inspectorate", "planning permission")."""
    return any(m.group(0).lower() != "planning" or _PLANNING_VERB.search(question)
               for m in _PLAN_WORDS.finditer(question))


@lru_cache(maxsize=4096)
def only_previews(text: str, asked: frozenset[str] = frozenset()) -> bool:
    """Whether `text`'s main clause is in the future, expected, scheduled or put off, and it states no past
    fact besides who said it. A past fact in a clause that only describes someone counts when that clause has
    one of the question's words (`asked`, stemmed): "Dahlquist, *who has led the agency since 2011*, will step
    down" answers "Who led the agency before ...?"; "Pike, *who admitted handling stolen goods*, will be
    sentenced next month" does not answer "What sentence did Pike get?"."""
    doc = parse(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    if stem(root.lower_) in _SPEECH_VERBS:  # "The verdict has been postponed, the court said."
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), root)
    clauses = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    # "The agency is still investigating, and the company could face a fine of up to 5 million": a joined
    # clause in the future or conditional looks forward too (a past fact anywhere still makes it no preview)
    # a verb that puts the event off is the fact itself when the question asks about it: "2,950 hearings were
    # postponed" answers "How many hearings were postponed?"
    verb = stem(root.lower_)
    # ... and a particle makes another verb of it: "The bank was *set up* in 1987" states its founding
    puts_off = verb in _PREVIEW_VERBS and verb not in asked and not any(c.dep_ == "prt" for c in root.children)
    future = any(c.dep_ == "aux" and c.lower_ in _MODALS for clause in clauses for c in clause.children) \
        or puts_off or verb in _NOMINATION \
        or (root.tag_ in ("VBZ", "VBP") and any(_anticipates(t) for t in doc))
    if not future:
        return False
    return not any(_past_fact(t) and not _describes_apart(t, asked) for t in doc)


def _describes_apart(token, asked: frozenset[str]) -> bool:
    """Whether the token stands in a clause that only describes someone or something (a relative clause,
    a participle, an apposition) or when they spoke ("..., the judges said *as they named a shortlist*"), and
    that clause has none of the question's words: no outcome it asks about."""
    clause = next((a for a in [token, *token.ancestors] if a.dep_ in ("relcl", "acl", "appos")
                   or (a.dep_ == "advcl" and stem(a.head.lower_) in _SPEECH_VERBS)), None)
    return clause is not None and not any(stem(t.lower_) in asked for t in clause.subtree)


def _anticipates(token) -> bool:
    """A word that looks forward to the outcome: one of expectation governing "to <verb>" ("tipped to win",
    "the favourite to take the title"), or of nomination ("leads the nominations", "shortlisted")."""
    word = stem(token.lower_)
    if word in _NOMINATION:
        return True
    return word in _ANTICIPATING and any(c.pos_ in ("VERB", "AUX") and c.dep_ in ("xcomp", "relcl", "acl")
                                         and any(a.lower_ == "to" for a in c.children) for c in token.children)


def _past_fact(token) -> bool:
    """A finite past verb ("won", "defeated") or a present perfect ("has won"), other than a verb of saying
    or one that puts the event off ("has been postponed")."""
    word = stem(token.lower_)
    if word in _SPEECH_VERBS or word in _PREVIEW_VERBS:
        return False
    if token.tag_ == "VBD" and token.pos_ in ("VERB", "AUX") and token.lower_ not in ("was", "were", "had", "did"):
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in token.children) \
        and not any(c.dep_ == "auxpass" for c in token.children)


SCHEDULE_WINDOW = 6  # words from the asked event's verb to its date ("will hold its last sale in December")
_WORD = re.compile(r"[A-Za-z0-9]+")


def event_verbs(doc) -> tuple[str, ...]:
    """The stems of a parsed question's verbs, auxiliaries aside ("hold" in "When did the mart hold its last
    sale?")."""
    return tuple(dict.fromkeys(stem(t.lower_) for t in doc if t.pos_ == "VERB"))


def schedules(verbs: tuple[str, ...], text: str) -> bool:
    """Whether `text` gives a date for one of the asked event's `verbs`: a time expression within
    SCHEDULE_WINDOW words after the verb ("will take up the post on 1 March", "goes on sale on 6 October"). The
    closing of a bridge gives no date for its reopening."""
    if not verbs:
        return False
    found = list(_WORD.finditer(text))
    at = [i for i, m in enumerate(found) if stem(m.group().lower()) in verbs]
    for start, _ in time_spans(text):
        first = next((i for i, m in enumerate(found) if m.end() > start), len(found))
        if any(0 < first - i <= SCHEDULE_WINDOW for i in at):
            return True
    return False

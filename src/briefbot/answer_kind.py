"""What kind of fact a question asks for, and whether a sentence can supply it.

"When ...?" / "In what year ...?" need a time expression; "How many troops ...?" needs a number counting
troops; "How much ...?" a quantity; "What did Putin say ...?" a sentence where Putin speaks (or a quote
attributed by "she said" to the sentence before). A sentence without that cannot answer the question,
however many words it shares with it, so the answer is built from evidence that can (or abstains).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from briefbot.aliases import alias_group, group_pattern, mentions
from briefbot.lexical import content_terms, stem

TIME, QUANTITY = "time", "quantity"

_ASKS_TIME = re.compile(
    r"^\s*(?:when\b|(?:in|on|by|since|until)?\s*(?:what|which)\s+(?:year|date|day|month|time)\b|what\s+time\b)",
    re.IGNORECASE,
)
_ASKS_QUANTITY = re.compile(r"^\s*(?:how\s+(?:many|much)|what\s+(?:number|percentage|share|proportion))\b",
                            re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_TIME = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d|{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tomorrow|tonight|(?:last|next|this|coming|previous)\s+(?:week|month|year|decade|century)|"
    r"(?:recent|coming|few|past)\s+(?:days|weeks|months|years)|within\s+(?:days|weeks|months|hours)|"
    r"\d+(?:st|nd|rd|th)?\s+(?:century|anniversary)|(?:first|second|third|fourth|fifth)\s+anniversary|"
    r"\d{1,2}:\d\d|\d+\s*(?:am|pm|a\.m\.|p\.m\.))\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozens?|half|quarter|all|none|both|several|few|many)\b",
    re.IGNORECASE,
)


_TYPE_PHRASE = re.compile(
    r"^\s*(?:(?:in|on|at|for|from|by|to|of|with|under|during)\s+)?(?:which|what)\s+([A-Za-z’'-]+)(?:\s+([A-Za-z’'-]+))?",
    re.IGNORECASE,
)
# generic nouns that name a kind of answer; the article states the answer itself, rarely the noun
_TYPE_NOUNS = frozenset(stem(w) for w in """
    position positions role roles job jobs title titles post office rank
    outlet outlets news newspaper newspapers paper broadcaster network channel media publication website
    agency agencies organisation organisations organization organizations body institution group groups
    company companies firm party parties team
    city cities town towns country countries nation nations region regions place places area areas
    state states province provinces capital location site
    year years date dates day days month months time period decade century
    name names person people man woman official officials leader leaders
    kind type sort form way method
    """.split())


def answer_type_terms(question: str) -> tuple[str, ...]:
    """Generic words that name the kind of answer rather than a fact to find: "position" in "What
    position does Hegseth hold?", "news outlet" in "Which news outlet reported ...?". The article states
    the answer ("US Defence Secretary", "NBC"), rarely the type word, so retrieval weighs these less.
    Only the one or two words after a leading "which"/"what", and only generic type nouns."""
    match = _TYPE_PHRASE.search(question)
    if match is None:
        return ()
    out = []
    for word in (match.group(1), match.group(2)):
        term = stem(word) if word else ""
        if term not in _TYPE_NOUNS:
            break
        out.append(term)
    return tuple(out)


def expected_kind(question: str) -> str | None:
    """TIME, QUANTITY, or None when the question does not ask for either."""
    if _ASKS_TIME.search(question):
        return TIME
    if _ASKS_QUANTITY.search(question):
        return QUANTITY
    return None


def supplies(kind: str | None, text: str) -> bool:
    """Whether `text` contains the kind of fact asked for (always true for unconstrained questions)."""
    if kind == TIME:
        return bool(_TIME.search(text))
    if kind == QUANTITY:
        return bool(_QUANTITY.search(text))
    return True


# --- the question's form: what a sentence must hold to answer it ------------------------------------------

_COUNTED = re.compile(r"^\s*how\s+many\s+((?:[A-Za-z’'-]+\s+){0,2}[A-Za-z’'-]+)", re.IGNORECASE)
_MEASURED = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+(?:the\s+)?(?:current\s+|total\s+|estimated\s+)?"
    r"(population|size|cost|price|value|budget|age|height|length|area|death\s+toll|toll|salary|revenue|"
    r"income|debt|turnout|distance|weight|speed|capacity|spending)\s+of\b",
    re.IGNORECASE,
)  # "What is the population of Ukraine?" asks for a number measuring that attribute
_SPEECH_QUESTION = re.compile(
    r"^\s*(?:what|how|why)\s+(?:did|does|do|has|have|had)\s+([^,;?]{1,60}?)\s+"
    r"(say|tell|demand|claim|warn|add|declare|announce|argue|state|insist|think|believe|call|"
    r"regard|view|see|consider|respond|react|reply)\b([^,;?]*)",
    re.IGNORECASE,
)
_TOPIC = re.compile(r"^\s*(?:\w+ly\s+)?(?:about|on|of|to)\s+(.+)$", re.IGNORECASE)  # "say about Y", "respond to Y"
_NOT_TOPIC = frozenset(stem(w) for w in "remark remarks comment comments statement statements words idea "
                       "claim claims question questions news report reports".split())
_SPEECH_VERBS = frozenset(
    "say says said tell tells told demand demands demanded claim claims claimed warn warns warned add adds added "
    "adding declare declares declared announce announces announced argue argues argued state states stated "
    "insist insists insisted according views view viewed call calls called regard regards regarded consider "
    "considers considered believe believes believed think thinks thought describe describes described "
    "respond responds responded react reacts reacted reply replies replied urge urges urged reject rejects "
    "rejected dismiss dismisses dismissed condemn condemns condemned welcome welcomes welcomed".split()
)
_PRONOUN_QUOTE = re.compile(r"\b(?:she|he|they)\s+(?:said|added|says|told|warned|insisted)\b", re.IGNORECASE)
_PAST_QUESTION = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)
_MODALS = frozenset("would could will may might should can shall".split())
_TOKEN = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Form:
    """What an answering sentence must hold: a kind of fact, a number counting `counted` or measuring
    `measured`, a `speaker` (talking about `topic`), and for a past event the event as fact, not as a
    possibility (`event_terms`: "When did Georgia join NATO?" is not answered by "Georgia would join")."""

    kind: str | None = None
    counted: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    measured: tuple[str, ...] = ()
    event_terms: tuple[str, ...] = ()


def form_of(question: str) -> Form:
    counted = _COUNTED.search(question)
    measured = _MEASURED.search(question)
    speech = _SPEECH_QUESTION.search(question)
    kind = expected_kind(question) or (QUANTITY if measured else None)
    topic: tuple[str, ...] = ()
    if speech:
        about = _TOPIC.search(speech.group(3))
        if about:
            topic = tuple(t for t in content_terms(about.group(1)) if t not in _NOT_TOPIC)
    return Form(
        kind=kind,
        counted=tuple(content_terms(counted.group(1))) if counted else (),
        speakers=tuple(t for t in content_terms(speech.group(1)) if len(t) > 2) if speech else (),
        topic=topic,
        measured=tuple(content_terms(measured.group(1))) if measured else (),
        event_terms=tuple(content_terms(question)) if kind == TIME and _PAST_QUESTION.search(question) else (),
    )


def counts(counted: tuple[str, ...], text: str) -> bool:
    """A number followed within four words by one of the counted words ("the other 31 member nations")."""
    if not counted:
        return True
    tokens = [stem(t) for t in _TOKEN.findall(text)]
    return any(tok.isdigit() and any(_same(c, near) for near in tokens[i + 1:i + 5] for c in counted)
               for i, tok in enumerate(tokens))


def measures(measured: tuple[str, ...], text: str) -> bool:
    """A number within five words of the measured attribute ("a population of 38 million")."""
    if not measured:
        return True
    tokens = [stem(t) for t in _TOKEN.findall(text)]
    return any(tok.isdigit() and any(_same(m, near) for near in tokens[max(0, i - 5):i + 6] for m in measured)
               for i, tok in enumerate(tokens))


def speaks(speakers: tuple[str, ...], text: str) -> bool:
    """One of `speakers` is the subject of a speech verb in `text`: "Zakharova said", "according to
    Lavrov", or after a quote "..., said the GUR agency" (but not "Zelensky said Russia must ..."); another
    name for the same place counts ("Russia has said" for "the Kremlin")."""
    if not speakers:
        return True
    found = list(_TOKEN.finditer(text))
    tokens = [stem(m.group()) for m in found]
    lowered = [m.group().lower() for m in found]
    positions = [i for i, token in enumerate(tokens) if any(_same(s, token) for s in speakers)]
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


def mentions_topic(topic: tuple[str, ...], text: str) -> bool:
    """Whether `text` mentions any word of the topic a speaker is asked about ("about Crimea")."""
    if not topic:
        return True
    tokens = [stem(t) for t in _TOKEN.findall(text)]
    if any(_same(t, token) for t in topic for token in tokens):
        return True
    return any(mentions(group, text) for t in topic if (group := alias_group(t)) is not None)


def states_as_fact(event_terms: tuple[str, ...], text: str) -> bool:
    """False when a word of the question's event appears in `text` only as a possibility: "would join",
    "could join" do not say that anyone joined."""
    if not event_terms:
        return True
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    stems = [stem(t) for t in tokens]
    hedged = {stems[i] for i in range(1, len(stems)) if tokens[i - 1] in _MODALS and stems[i] in event_terms}
    factual = {stems[i] for i in range(len(stems)) if stems[i] in event_terms
               and (i == 0 or tokens[i - 1] not in _MODALS)}
    return not (hedged - factual)


def answers_form(form: Form, text: str, before: str | None = None) -> bool:
    """Whether `text` can answer a question of this form; `before` is the sentence preceding it in its
    article, which a pronoun-attributed quote ("..., she said.") takes its speaker from."""
    if not supplies(form.kind, text) or not counts(form.counted, text) or not measures(form.measured, text):
        return False
    if not states_as_fact(form.event_terms, text):
        return False
    if form.speakers and not speaks(form.speakers, text):
        return bool(before and _PRONOUN_QUOTE.search(text) and speaks(form.speakers, before)
                    and mentions_topic(form.topic, f"{before} {text}"))
    return mentions_topic(form.topic, text) if form.speakers else True


def _same(term: str, token: str) -> bool:
    return term == token or (len(term) >= 5 and token[:1] == term[:1]
                             and difflib.SequenceMatcher(None, term, token).ratio() >= 0.8)

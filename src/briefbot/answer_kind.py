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
_SPEECH_QUESTION = re.compile(
    r"^\s*(?:what|how|why)\s+(?:did|does|do|has|have|had)\s+([^,;?]{1,60}?)\s+"
    r"(?:say|tell|demand|claim|warn|add|declare|announce|argue|state|insist|think|believe|call)\b",
    re.IGNORECASE,
)
_SPEECH_VERBS = frozenset(
    "say says said tell tells told demand demands demanded claim claims claimed warn warns warned add adds added "
    "adding declare declares declared announce announces announced argue argues argued state states stated "
    "insist insists insisted according views view call calls called".split()
)
_PRONOUN_QUOTE = re.compile(r"\b(?:she|he|they)\s+(?:said|added|says|told|warned|insisted)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Form:
    """What an answering sentence must hold: a kind of fact, a number counting `counted`, a `speaker`."""

    kind: str | None = None
    counted: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()


def form_of(question: str) -> Form:
    counted = _COUNTED.search(question)
    speech = _SPEECH_QUESTION.search(question)
    return Form(
        kind=expected_kind(question),
        counted=tuple(content_terms(counted.group(1))) if counted else (),
        speakers=tuple(t for t in content_terms(speech.group(1)) if len(t) > 2) if speech else (),
    )


def counts(counted: tuple[str, ...], text: str) -> bool:
    """A number followed within four words by one of the counted words ("the other 31 member nations")."""
    if not counted:
        return True
    tokens = [stem(t) for t in _TOKEN.findall(text)]
    return any(tok.isdigit() and any(_same(c, near) for near in tokens[i + 1:i + 5] for c in counted)
               for i, tok in enumerate(tokens))


def speaks(speakers: tuple[str, ...], text: str) -> bool:
    """One of `speakers` is the subject of a speech verb in `text` ("Zakharova said", "said the GUR agency",
    "according to Lavrov")."""
    if not speakers:
        return True
    tokens = [stem(t) for t in _TOKEN.findall(text)]
    lowered = [t.lower() for t in _TOKEN.findall(text)]
    for i, token in enumerate(tokens):
        if any(_same(s, token) for s in speakers):
            after = lowered[i + 1:i + 9]
            before = lowered[max(0, i - 3):i]
            if any(w in _SPEECH_VERBS for w in after + before):
                return True
    return False


def answers_form(form: Form, text: str, before: str | None = None) -> bool:
    """Whether `text` can answer a question of this form; `before` is the sentence preceding it in its
    article, which a pronoun-attributed quote ("..., she said.") takes its speaker from."""
    if not supplies(form.kind, text) or not counts(form.counted, text):
        return False
    if form.speakers and not speaks(form.speakers, text):
        return bool(before and _PRONOUN_QUOTE.search(text) and speaks(form.speakers, before))
    return True


def _same(term: str, token: str) -> bool:
    return term == token or (len(term) >= 5 and token[:1] == term[:1]
                             and difflib.SequenceMatcher(None, term, token).ratio() >= 0.8)

"""What kind of fact a question asks for: a time ("When ...?"), a quantity ("How many ...?"), and the
generic words that only name the kind of answer ("position" in "What position does Hegseth hold?").

`supplies(kind, text)` says whether a sentence holds that kind of fact at all; `question_form.py` builds
the finer rules (what is counted, who speaks, ...) on top.
"""

from __future__ import annotations

import re

from briefbot.index.lexical import stem

TIME, QUANTITY, PLACE = "time", "quantity", "place"

_ASKS_TIME = re.compile(
    r"^\s*(?:when\b|(?:where|who|what|how)\s+and\s+when\b"
    r"|(?:in|on|by|since|until)?\s*(?:what|which)\s+(?:year|date|day|month|time)\b|what\s+time\b)",
    re.IGNORECASE,
)
_ASKS_PLACE = re.compile(r"^\s*where\b(?!\s+and\s+when)", re.IGNORECASE)
_PLACE = re.compile(  # "in Brussels", "at the Romanian camp", "near Galati", "in the east"
    r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[a-z-]+\s+)?[A-Z][a-z]"
    r"|\b(?:in|across|to)\s+the\s+(?:north|south|east|west|centre|center|capital|city|region)\b",
)
_ASKS_QUANTITY = re.compile(r"^\s*(?:how\s+(?:many|much)|what\s+(?:number|percentage|share|proportion))\b",
                            re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_TIME = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d|{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tomorrow|tonight|(?:last|next|this|coming|previous)\s+(?:week|weekend|month|year|decade|century|"
    r"spring|summer|autumn|winter)|"
    r"(?:recent|coming|few|past)\s+(?:days|weeks|months|years)|within\s+(?:days|weeks|months|hours)|"
    r"\d+(?:st|nd|rd|th)?\s+(?:century|anniversary)|(?:first|second|third|fourth|fifth)\s+anniversary|"
    r"\d{1,2}:\d\d|\d+\s*(?:am|pm|a\.m\.|p\.m\.)|"
    # a time of day in words: "at seven in the morning", "at six o'clock", "half past two", "at noon"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:o['’]clock|in\s+the\s+"
    r"(?:morning|afternoon|evening))|(?:half|quarter)\s+(?:past|to)\s+\w+|(?:at|by|until|before|after)\s+"
    r"(?:noon|midday|midnight|dawn|dusk))\b",
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
    """TIME, QUANTITY, PLACE, or None when the question does not ask for any of them."""
    if _ASKS_TIME.search(question):
        return TIME
    if _ASKS_PLACE.search(question):
        return PLACE
    if _ASKS_QUANTITY.search(question):
        return QUANTITY
    return None


def time_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the time expressions in `text`."""
    return [m.span() for m in _TIME.finditer(text)]


def supplies(kind: str | None, text: str) -> bool:
    """Whether `text` contains the kind of fact asked for (always true for unconstrained questions)."""
    if kind == TIME:
        return bool(_TIME.search(text))
    if kind == PLACE:
        return bool(_PLACE.search(text))
    if kind == QUANTITY:
        return bool(_QUANTITY.search(text))
    return True

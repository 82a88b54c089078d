"""What a question's wording asks for, beyond its answer type: read once from the text into the `Asks` record
that `Question.asks` holds ("how much money", "who said", "where", "what share", what will be, what was
founded). The readers of an evidence sentence take these flags instead of matching the question string again.
Lexical and cheap; no model.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from briefbot.answer.tense import FOUNDING
from briefbot.index.lexical import content_terms

_HOW_MUCH = re.compile(r"\s*how\s+much\b", re.IGNORECASE)
_HOW_LONG = re.compile(r"\s*how\s+long\b", re.IGNORECASE)
_HOW_MUCH_MONEY = re.compile(r"\s*how\s+much\s+(?:money|cash)\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|going\s+to|next)\b", re.IGNORECASE)
# a question about what someone said or who said it ("Who told the court ...?", "according to whom"): the
# source of an attribution may then answer, and a speaker's name is the short answer
_SPEECH = re.compile(r"\b(?:say|says|said|tell|tells|told|warn|warns|warned|claim|claims|claimed|"
                     r"announce[sd]?|argue[sd]?|insist(?:s|ed)?|state[sd]?|confirm(?:s|ed)?|according|"
                     r"spokes\w*|quote[sd]?)\b", re.IGNORECASE)
# "Who is Keith Kellogg?", "who's hegseth?": asks what someone is, not for a name
_IDENTITY = re.compile(r"^\s*who(?:['’]s|\s+(?:is|was|are|were))\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)"
                       r"(?:[\w'’.-]+\s*){1,4}\??\s*$", re.IGNORECASE)
_WHERE = re.compile(r"^\s*where\b|\bin\s+(?:which|what)\s+(?:city|town|country|place|venue)\b", re.IGNORECASE)
_REPORTER = re.compile(r"\breport(?:s|ed)\b", re.IGNORECASE)
_SHARE = re.compile(r"%|\bper\s*cent\b|\bpercent(?:age)?\b|\bshare\b|\brate\b|\bproportion\b|\bfraction\b|"
                    r"\bby how much\b|\bhow much (?:did|has|have|had|does|do|will)\b.*\b(?:rise|fall|grow|"
                    r"increase|decrease|drop|climb|decline|go up|go down)\b", re.IGNORECASE)
# a figure before a change: "What was the stamp's price before the rise?", "the previous record"
_EARLIER = re.compile(r"\b(?:before|previous|previously|old|earlier|former|original|originally|from\s+what)\b",
                      re.IGNORECASE)
# a question that compares itself ("How much more ... compared with 2017?"): a year after "than" may be its answer's
_COMPARES = re.compile(r"\b(?:than|compared|against|versus|from)\b", re.IGNORECASE)
# a period that runs from a year, in a question ("How many pharmacies have shut since 2015?") or a sentence ("the
# lowest number since March 2018", where it is the year a figure is measured against: `qualifiers`)
SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid)\s+)?(?:[A-Za-z]+\s+)?(?:1[89]\d\d|20\d\d)\b", re.IGNORECASE)
# the name something is given: "What will the merged business be called?", "What was the ferry renamed?", "the
# new name of the airline"
_NAME_GIVEN = re.compile(r"\b(?:be\s+called|be\s+named|been\s+(?:re)?named|renamed|rebranded|be\s+known\s+as|"
                         r"(?:new|its|their)\s+name\b)", re.IGNORECASE)  # not "the name of the architect": a person's
# a phrase saying "now" ("at the moment", "right now"): its words are not the body's ("moment", "right")
NOW_PHRASE = re.compile(r"\b(?:at\s+the\s+moment|right\s+now|for\s+the\s+time\s+being|as\s+of\s+now|"
                         r"at\s+this\s+time|these\s+days|at\s+present|just\s+now)\b", re.IGNORECASE)


class Asks(BaseModel):
    """The flags of a question's wording (each False when the question does not say so)."""

    model_config = ConfigDict(frozen=True)

    how_much: bool = False  # opens "how much": a number spelled out alone ("the two companies") counts things
    how_long: bool = False  # opens "how long": "Two men were jailed" counts men, not how long
    money: bool = False  # opens "how much money / cash": only a sum of money answers
    ahead: bool = False  # about what will be ("will", "going to", "next"): "not decided yet" withholds it
    about_speech: bool = False  # what someone said or who said it: a source of an attribution may answer
    identity: bool = False  # "Who is Keith Kellogg?": what someone is, not a name
    where: bool = False  # "where", "in which city": a place after "in", "at", "near"
    reporter: bool = False  # who reported it: the name before "reports"
    share: bool = False  # a share, rate or change ("by how much"): a percentage may answer
    founding: bool = False  # when something was founded or set up, not when it started doing something
    earlier: bool = False  # a figure or state before a change ("before", "previous", "old"), not the new one
    since_year: bool = False  # a period from a year on ("since 2015"): a sentence's "since 2015" states it
    compares: bool = False  # "than", "compared", "against", "versus", "from": a year compared with may be its own
    now_words: frozenset[str] = frozenset()  # the content words of its phrases saying "now" ("moment")
    name_given: bool = False  # the name something is or will be called: the name after "called" answers


def asks_of(text: str) -> Asks:
    """The `Asks` flags of a question's wording."""
    return Asks(how_much=bool(_HOW_MUCH.match(text)), how_long=bool(_HOW_LONG.match(text)),
                money=bool(_HOW_MUCH_MONEY.match(text)), ahead=bool(_AHEAD.search(text)),
                about_speech=bool(_SPEECH.search(text)), identity=bool(_IDENTITY.match(text)),
                where=bool(_WHERE.search(text)), reporter=bool(_REPORTER.search(text)),
                share=bool(_SHARE.search(text)), founding=bool(FOUNDING.search(text)),
                earlier=bool(_EARLIER.search(text)), since_year=bool(SINCE_YEAR.search(text)),
                compares=bool(_COMPARES.search(text)), name_given=bool(_NAME_GIVEN.search(text)),
                now_words=frozenset(content_terms(" ".join(m.group(0) for m in NOW_PHRASE.finditer(text)))))

"""A question about a decision is answered only by a sentence that states one.

"What did the regulator decide about Omivra?", "What did the safety office conclude about the fires?", "What
was the verdict in the Koslow trial?" ask for a decision. A sentence about the case that states none ("Omivra
slowed memory decline by a quarter in a trial", "an investigation ... which it has not yet concluded",
"the trial opened on Monday") does not answer them, however many words it shares; one that states the act
does ("approved Corvalex", "found him guilty", "upheld the rejection", "kept its rate unchanged"). A decision
said only as negated ("has not decided", "did not rule") is none.

A question about a court's sentence ("What sentence did Gideon Feltham get?", "Lisbet Harmsen sentence", "How
long was X jailed for?") is answered only by a sentence that states a penalty ("was jailed for three years",
"was fined 18,000 drals", "a suspended sentence"): "was convicted on four counts" or "deny robbery" is about
the case and states none.

The decision verbs are a hand-made table of inflected forms: a closed class of verbs that report the outcome
of a decision (approved, rejected, ruled, convicted, upheld, fined, ...), which the small tagger does not tell
apart from other verbs.
"""

from __future__ import annotations

import re

_DECISION_QUESTION = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|had|will)\s+.+?\s+(?:decide|conclude|rule|find|determine|recommend|"
    r"agree|resolve|vote)\b"
    r"|^\s*what\s+(?:was|is|were|has\s+been)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:verdict|ruling|decision|judge?ment|"
    r"conclusion|finding|findings)\b"
    r"|\b(?:verdict|ruling|decision|judge?ment)\s*\??$", re.IGNORECASE)
_DECISION_VERBS = frozenset("""
    approved approves decided decides concluded concludes ruled found finds rejected rejects refused refuses
    cleared clears upheld upholds overturned overturns overruled dismissed dismisses granted grants backed
    voted convicted acquitted sentenced guilty blocked blocks allowed allows banned bans fined fines extended
    agreed recommended authorised authorized endorsed lifted imposed imposes suspended revoked withdrew kept
    keeps raised cut lowered chose chosen selected awarded annulled quashed accepted denied permitted
    prohibited halted cancelled canceled renewed confirmed elected appointed named passed adopted
""".split())
# a sentence asked for as a penalty: "what sentence", "<name> sentence" (a keyword query), "sentence did X get",
# "how long was X jailed / sentenced / in prison"
_PENALTY_QUESTION = re.compile(
    r"^\s*what\s+(?:\w+\s+)?sentence\b|\bsentence\s*\??$|\bsentence\s+(?:did|does|has|was|will)\b"
    r"|\b(?:his|her|their|the)\s+sentence\b(?!\s+(?:that|which|about|in\s+the\s+(?:article|report)))"
    r"|^\s*how\s+long\s+(?:was|were|is|will)\s+.+?\s+(?:jailed|imprisoned|sentenced|in\s+(?:jail|prison))\b",
    re.IGNORECASE)
# a stated penalty: jailed, sentenced, fined, a suspended sentence, community service, probation, a prison term
_PENALTY = re.compile(
    r"\b(?:jailed|imprisoned|sentenced|fined|sentence[sd]?\s+(?:of|to)|suspended\s+sentence|community\s+(?:service|order)|"
    r"probation|(?:prison|jail)\s+(?:term|sentence)|(?:years?|months?)\s+in\s+(?:prison|jail)|life\s+imprisonment|"
    r"ordered\s+to\s+(?:pay|serve|carry\s+out)|given\s+(?:a|an)\s+\w*\s*(?:sentence|term|fine|order|ban))\b",
    re.IGNORECASE)
_VERB = re.compile(r"\b(?:" + "|".join(sorted(_DECISION_VERBS)) + r")\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to|no)\s+(?:yet\s+)?(?:\w+\s+)?$"
                      r"|\b(?:if|unless|whether|could\s+be|would\s+be|may\s+be|might\s+be)\s+(?:\w+\s+)?$"
                      r"|\b(?:faces?|facing|could\s+face|risks?)\s+(?:up\s+to\s+)?(?:\w+\s+)?$",
                      re.IGNORECASE)  # ... nor said as a possibility: "If convicted, he faces up to six years in prison"


def asks_for_decision(question: str) -> bool:
    """Whether the question asks what someone decided, concluded or ruled (or for a verdict or ruling)."""
    return _DECISION_QUESTION.search(question) is not None


def asks_for_penalty(question: str) -> bool:
    """Whether the question asks for the sentence a court gave ("What sentence did X get?", "X sentence")."""
    return _PENALTY_QUESTION.search(question) is not None


def states_penalty(text: str) -> bool:
    """Whether `text` states a penalty not negated ("was jailed for three years", "fined 18,000 drals")."""
    return any(not _NEGATED.search(text[max(0, m.start() - 24):m.start()]) for m in _PENALTY.finditer(text))


def states_decision(text: str) -> bool:
    """Whether `text` states a decision: a decision verb not negated ("approved", "found guilty"; not "has not
    yet concluded")."""
    return any(not _NEGATED.search(text[max(0, m.start() - 24):m.start()]) for m in _VERB.finditer(text))

"""A question about what is NOT so is answered only by a sentence that says something is not so.

"What did the Treaties *not* seek to do?" is not answered by "the Treaties sought to enable people to ...";
"Where are pharmacists not allowed to work?" is not answered by where they do work. Such questions are a
common form of near-miss (SQuAD 2.0's unanswerables insert a negation into an answerable question). A
sentence answers a negated question only if it, or the sentence before, has a negation of its own ("no",
"not", "without", "never", "cannot", "failed to", "refused", "banned", ...), or the question's negation is
part of a fixed phrase that asks nothing negative ("not only", "whether or not").

Dev evidence (squad-corpus dev split): 10 unanswerable questions carry a negation, and 2 answerable ones,
whose answer sentences both have a negation ("causes no damage", "and not the moral reasons").

Likewise a question that swaps in the opposite of the sentence's word ("a more *specific* question" where
the sentence says "more general", and never "specific") is not answered by it (`swapped_opposite`; rules
proxy on the events..events6 and squad-corpus dev splits: unanswerables given an answer 94 -> 92 of 216 (both
squad-corpus), no gold sentence lost). "Before" and "after" are opposites only about the same thing: "before it
reopened" is no opposite of "reopened after a refurbishment" (rules proxy on 62 dev splits: right answers 1268 ->
1270 of 1675, declines unchanged).
"""

from __future__ import annotations

import re

from briefbot.index.lexical import content_terms

_NEGATED_QUESTION = re.compile(r"\b(?:not|never|no\s+longer|neither|nor)\b|n['’]t\b", re.IGNORECASE)
_NOT_NEGATIVE = re.compile(r"\b(?:not\s+only|whether\s+or\s+not|if\s+not|or\s+not|not\s+least)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|nowhere|neither|nor|without|cannot|unable|lack|lacks|lacked|lacking|"
    r"fail|fails|failed|failing|refuse|refuses|refused|refusing|reject|rejects|rejected|deny|denies|denied|"
    r"ban|bans|banned|forbid|forbids|forbidden|forbade|prohibit|prohibits|prohibited|exclude|excludes|excluded|"
    r"avoid|avoids|avoided|absent|absence|instead|rather\s+than|unlike|except|against|barred|prevented|"
    r"unknown|unclear|unlikely|impossible|illegal|unlawful|unauthori[sz]ed)\b|n['’]t\b", re.IGNORECASE)


def asks_negated(question: str) -> bool:
    """Whether the question asks about what is not (or was never) so."""
    return bool(_NEGATED_QUESTION.search(_NOT_NEGATIVE.sub(" ", question)))


def states_negation(text: str) -> bool:
    """Whether `text` says something is not so (a negation word, or a refusal, ban, failure or lack)."""
    return _NEGATION.search(text) is not None


# Opposites a near-miss question swaps in ("a more *specific* question" for the sentence's "more general";
# "the transfer of *cold*" for "of heat"). Only pairs whose swap changes the answer: not win/lose or buy/sell,
# which a question may ask from the other side ("Who lost to X?" is answered by "X beat Y").
_OPPOSITES = [tuple(pair.split("/")) for pair in """
    specific/general more/less larger/smaller largest/smallest higher/lower highest/lowest increase/decrease
    increased/decreased increases/decreases rise/fall rose/fell strong/weak stronger/weaker strongest/weakest
    hot/cold heat/cold warm/cold early/late earlier/later earliest/latest first/last before/after
    major/minor maximum/minimum max/min positive/negative public/private legal/illegal direct/indirect
    internal/external inner/outer upper/lower north/south east/west northern/southern eastern/western
    encrypted/unencrypted visible/invisible possible/impossible able/unable likely/unlikely include/exclude
    included/excluded accept/reject accepted/rejected allow/forbid allowed/forbidden permitted/prohibited
    create/destroy created/destroyed build/demolish built/demolished open/close opened/closed start/end
    started/ended begin/end began/ended success/failure successful/unsuccessful gain/loss gained/lost
    profit/loss import/export imports/exports imported/exported entry/exit enter/leave entered/left
    domestic/foreign national/international urban/rural young/old younger/older youngest/oldest
    long/short longer/shorter longest/shortest wide/narrow deep/shallow fast/slow faster/slower
    cheap/expensive cheaper/dearer rich/poor richer/poorer wet/dry dark/light
    stop/start stop/started stop/starts stopped/start stopped/started stops/starts
""".split()]
_OPPOSITE: dict[str, set[str]] = {}
for _a, _b in _OPPOSITES:
    _OPPOSITE.setdefault(_a, set()).add(_b)
    _OPPOSITE.setdefault(_b, set()).add(_a)
_WORDS = re.compile(r"[a-z]+")
# words relating two things: "before" is the opposite of "after" only about the same thing ("before the match",
# "after the match"); "How much was spent *before it reopened*?" is answered by "reopened *after a refurbishment*
# that cost ..." (events63 dev-12, read)
_RELATIONAL = frozenset({"before", "after"})
_OBJECT_WORDS = 3  # the content words after a relational word that say what it relates to


_BEFORE_A_NAME = re.compile(r"\b([a-z]+)\s+([A-Z][\w'’-]*)")  # a lower-case word and the name it describes


def swapped_opposite(question: str, text: str, context: str = "") -> str | None:
    """A word of the question that `text` (and its `context`: headline, sentence before) lacks while `text`
    holds its opposite ("specific" when the text says "general" and never "specific"), or None."""
    asked = set(_WORDS.findall(question.lower()))
    # a word describing a name ("the *old* Kelderby line") has its opposite only where it describes that name too
    # ("the new Kelderby line"), not "a young man"
    describing = {m.group(1).lower(): m.group(2).lower() for m in _BEFORE_A_NAME.finditer(question)}
    said = set(_WORDS.findall(text.lower()))
    around = said | set(_WORDS.findall(context.lower()))
    for word in asked - around:
        opposites = _OPPOSITE.get(word, set()) & said - asked
        if word in describing:
            opposites = {o for o in opposites if re.search(rf"\b{o}\s+{re.escape(describing[word])}\b", text.lower())}
        if word in _RELATIONAL:
            opposites = {o for o in opposites if _related_to(question, word) & _related_to(text, o)}
        if opposites:
            return word
    return None


def _related_to(text: str, word: str) -> set[str]:
    """The first `_OBJECT_WORDS` content words (stemmed) after each `word` of `text`: what it relates to."""
    return {term for m in re.finditer(rf"\b{word}\b", text, re.IGNORECASE)
            for term in content_terms(text[m.end():])[:_OBJECT_WORDS]}

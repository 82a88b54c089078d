"""A question about what is NOT so is answered only by a sentence that says something is not so.

"What did the Treaties *not* seek to do?" is not answered by "the Treaties sought to enable people to ...";
"Where are pharmacists not allowed to work?" is not answered by where they do work. Such questions are a
common form of near-miss (SQuAD 2.0's unanswerables insert a negation into an answerable question). A
sentence answers a negated question only if it, or the sentence before, has a negation of its own ("no",
"not", "without", "never", "cannot", "failed to", "refused", "banned", ...), or the question's negation is
part of a fixed phrase that asks nothing negative ("not only", "whether or not").

Dev evidence (squad-corpus dev split): 10 unanswerable questions carry a negation, and 2 answerable ones,
whose answer sentences both have a negation ("causes no damage", "and not the moral reasons").
"""

from __future__ import annotations

import re

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

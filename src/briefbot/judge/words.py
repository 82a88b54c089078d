"""The judge's view of text: tokens (numbers normalised, names marked, contractions split), the word
lists it reasons with, and matching of words up to morphology and a small synonym table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from briefbot.index.lexical import STOP_WORDS, stem

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[A-Za-z]+(?:['’][A-Za-z]+)?|[,;:–—()?!.]")
BOUNDARY = frozenset(",;:–—()?!.")
CLAUSE_WORDS = frozenset({"if", "when", "while", "because", "although", "though", "after", "before", "since",
                          "unless", "whereas", "but", "and", "or", "which", "who", "despite"})
_IDIOMS = re.compile(r"\bin no uncertain terms\b|\bnot only\b|\bno doubt\b", re.IGNORECASE)
_INITIALS = re.compile(r"\b([A-Z])\.([A-Z])\b\.?")
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
                      "million": "1000000", "billion": "1000000000", "dozen": "12"})
_ORDINALS = {w: f"{i}th" for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}
NEGATORS = frozenset({"not", "no", "never", "none", "nothing", "neither", "without", "cannot", "nobody"})
IMPLICIT_NEGATORS = frozenset({"deny", "refus", "refusal", "reject", "fail", "dismiss"})  # matched on stems
MODAL_CLASS = {"could": "hedge", "may": "hedge", "might": "hedge", "can": "can", "will": "will",
               "shall": "will", "would": "would", "must": "must", "should": "must"}
REPORTING = frozenset({"say", "said", "tell", "told", "stat", "claim", "add", "declar", "announc", "report",
                       "warn", "insist", "demand", "call", "describ", "deny", "argu", "accus", "urg", "accord"})
LIGHT_REPORTING = frozenset({"say", "said", "tell", "told", "stat", "add", "report", "claim", "declar",
                             "announc", "accord"})
LIGHT = frozenset({"also", "currently", "reportedly", "percent", "approximately", "roughly", "around",
                   "regarding"})
SYNONYMS = (
    frozenset({"demand", "want", "call", "insist", "urg"}),
    frozenset({"call", "describ", "view", "consider", "label", "brand"}),
    frozenset({"say", "said", "stat", "tell", "told", "add", "claim", "report", "declar", "announc"}),
    frozenset({"seiz", "captur", "occupy", "grab"}),
)
SPEAKER_NOUNS = frozenset(stem(w) for w in """government officials official agency ministry spokeswoman
    spokesman spokesperson president minister secretary police army military company court prosecutors
    analysts experts sources people organisation organization council committee board envoy leader
    leaders bank""".split())
TITLES = frozenset(stem(w) for w in """foreign defence defense minister ministry secretary president
    spokeswoman spokesman sir gen general special envoy prime deputy chief""".split())
_IRREGULAR = dict(pair.split(":") for pair in """took:take taken:take gave:give given:give went:go gone:go
    made:make came:come became:become got:get found:find thought:think brought:bring bought:buy
    began:begin begun:begin held:hold kept:keep left:leave lost:lose met:meet paid:pay ran:run saw:see
    seen:see sent:send sold:sell spent:spend stood:stand won:win wrote:write written:write fell:fall
    fallen:fall rose:rise risen:rise grew:grow grown:grow knew:know known:know led:lead felt:feel
    heard:hear meant:mean struck:strike fought:fight""".split())
_CONTRACTION_BASE = {"won": "will", "ca": "can", "shan": "shall"}
PRONOUNS = frozenset({"she", "he", "they", "it", "we"})
BACK_SKIP = frozenset({"has", "have", "had", "was", "were", "is", "are", "been", "also", "later", "then",
                       "again", "once", "reportedly", "repeatedly", "previously", "today", "on", "to", "went"})


@dataclass(frozen=True)
class Tok:
    low: str          # lower-cased surface form
    norm: str         # stem, or the normalised number ("3", "3th", "5.25")
    kind: str         # "word" | "num" | "punct"
    name: bool        # capitalised non-stop word or acronym: a proper name, for the speaker/roles checks
    content: bool     # counts for coverage


def tokens(text: str) -> list[Tok]:
    """The judge's tokens of `text` ("in no uncertain terms" and "U.S." normalised first)."""
    text = _INITIALS.sub(r"\1\2", _IDIOMS.sub(" ", text.replace("’", "'").replace("‘", "'")))
    out = []
    for raw in _TOKEN.findall(text):
        low = raw.lower()
        if raw in BOUNDARY:
            out.append(Tok(low, low, "punct", False, False))
        elif raw[0].isdigit() or low in NUMBER_WORDS or low in _ORDINALS:
            norm = _ORDINALS.get(low) or NUMBER_WORDS.get(low) or re.sub(r"(?<=\d),(?=\d{3})", "", low)
            norm = re.sub(r"(\d+)(st|nd|rd|th)$", r"\1th", norm)
            out.append(Tok(low, norm, "num", False, False))
        elif low.endswith("n't") and len(low) > 3:  # "hasn't" -> "has" + "not", "won't" -> "will" + "not"
            aux = _CONTRACTION_BASE.get(low[:-3], low[:-3])
            out.append(Tok(aux, aux, "word", False, False))
            out.append(Tok("not", "not", "word", False, False))
        else:
            base = low.split("'")[0]
            acronym = len(raw) > 1 and raw.isupper()
            stop = base in STOP_WORDS and not acronym
            name = acronym or (raw[0].isupper() and not stop)
            norm = stem(_IRREGULAR.get(low, raw))
            out.append(Tok(low, norm, "word", name, not stop and norm not in LIGHT and base not in LIGHT))
    return out


def same_word(a: str, b: str) -> bool:
    """Equal stems, or one a close morphological variant of the other (membership/member, Russia/Russian)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5:
        return False
    common = 0
    while common < len(short) and short[common] == long_[common]:
        common += 1
    return common >= 5 and common >= len(short) - 1 and len(long_) - common <= 4


def occurs(norm: str, vocabulary: Iterable[str]) -> bool:
    """Whether the stem `norm` (or a variant, or a listed synonym) is in `vocabulary`."""
    vocabulary = list(vocabulary)
    if any(same_word(norm, v) for v in vocabulary):
        return True
    groups = [g for g in SYNONYMS if norm in g]
    return any(v in g for g in groups for v in vocabulary)


Alignment = dict[int, tuple[int, int]]  # claim token index -> (source index, token index in that source)

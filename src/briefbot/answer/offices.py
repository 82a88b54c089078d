"""Questions about who holds an office: which office is asked about, and whether a sentence speaks of it.

"Who is the chief executive of Kallinet?", "National Medicines Board director general", "Who presides over
the Assembly these days?" ask for the holder of an office. A sentence that merely names a person or
organisation near the body's name ("The Board is due to decide ... whether to approve Omivra, a treatment
from Ferrand Laboratories") does not answer them; one that names the office does ("Director general
Konstantin Bregovar said ..."), as does one that tells of a change of holder ("named Mirela Antic as his
successor", "replaces Harriet Vollmer") or of someone leading ("who has led Halvik since 2014").

`office_asked(text)` finds the office in a who-question or keyword query: a noun of `OFFICE_NOUNS` (longest
first: "director general" before "director"), or `ANY_OFFICE` for a verb that names none ("runs", "presides
over", "is in charge of"). `mentions_office(office, text)` says whether a text speaks of it.
The table is hand-made: office titles are a closed, well-known class that the small tagger does not mark.
"""

from __future__ import annotations

import re
from functools import lru_cache

ANY_OFFICE = "*"  # "Who runs X?": any office (or leading X) answers

# Office titles, longest phrases first when matched. Each maps to the words that mention it in a sentence
# (a prefix match: "chair" covers "chairman", "chairwoman"); a two-word title is also mentioned by its head.
OFFICE_NOUNS: dict[str, tuple[str, ...]] = {
    "chief executive officer": ("chief executive", "ceo", "boss"),
    "chief executive": ("chief executive", "ceo", "boss"),
    "ceo": ("chief executive", "ceo", "boss"),
    "managing director": ("managing director", "director"),
    "director general": ("director general", "director-general", "director"),
    "director-general": ("director general", "director-general", "director"),
    "general manager": ("general manager", "manager"),
    "chief conductor": ("conductor",),
    "music director": ("music director", "conductor"),
    "chief statistician": ("statistician",),
    "prime minister": ("prime minister", "premier"),
    "secretary general": ("secretary general", "secretary-general"),
    "head coach": ("coach", "manager"),
    "chairman": ("chair",), "chairwoman": ("chair",), "chairperson": ("chair",), "chair": ("chair",),
    "president": ("president",), "director": ("director",), "governor": ("governor",),
    "speaker": ("speaker",), "rector": ("rector",), "mayor": ("mayor",), "minister": ("minister",),
    "premier": ("premier", "prime minister"), "coach": ("coach", "manager"), "manager": ("manager", "coach"),
    "conductor": ("conductor",), "editor": ("editor",), "captain": ("captain", "skipper"),
    "principal": ("principal",), "dean": ("dean",), "chancellor": ("chancellor",),
    "commissioner": ("commissioner",), "curator": ("curator",), "superintendent": ("superintendent",),
    "ombudsman": ("ombudsman",), "treasurer": ("treasurer",), "boss": ("boss", "chief executive", "ceo"),
    "secretary": ("secretary",), "commodore": ("commodore",), "chief constable": ("chief constable",),
    "headteacher": ("headteacher", "head teacher"), "head teacher": ("headteacher", "head teacher"),
    "bishop": ("bishop",), "warden": ("warden",),
    # more titles of public offices and institutions, as common in news as those above
    "attorney general": ("attorney general", "attorney-general"), "auditor general": ("auditor general",
                                                                                     "auditor-general"),
    "solicitor general": ("solicitor general", "solicitor-general"), "inspector general": ("inspector general",),
    "chief inspector": ("chief inspector", "inspector"), "chief medical officer": ("chief medical officer",),
    "vice-chancellor": ("vice-chancellor", "vice chancellor"), "vice chancellor": ("vice-chancellor",
                                                                                  "vice chancellor"),
    "keeper": ("keeper",), "librarian": ("librarian",), "archivist": ("archivist",), "registrar": ("registrar",),
    "provost": ("provost",), "sheriff": ("sheriff",), "ambassador": ("ambassador",), "archbishop": ("archbishop",),
    "harbourmaster": ("harbourmaster", "harbour master"), "harbour master": ("harbourmaster", "harbour master"),
    "administrator": ("administrator",), "registrar general": ("registrar general", "registrar"),
    "head": ("head",), "leader": ("leader",), "chief": ("chief",),
}
ALL_OFFICE_WORDS = tuple(sorted({w for words in OFFICE_NOUNS.values() for w in words} | set(OFFICE_NOUNS),
                                key=len, reverse=True))
# verbs that ask for a holder without naming the office ("Who runs Kallinet now?"); "chairs" names one
_ASKING_VERBS = re.compile(
    r"^\s*who\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:currently\s+|now\s+)?(?:(?P<chair>chairs|chaired|chairing)|"
    r"(?P<governs>governs|governed|governing)|(?P<coach>coaches|coached|coaching)|"
    r"(?P<director>directs|directed|directing)|"
    r"heads(?:\s+up)?|headed|heading|leads|led|runs|ran|running(?!\s+(?:for|in|against)\b)|manages|managed|managing|"
    r"presides|presided|presiding|in\s+charge\s+(?:of|at)|at\s+the\s+helm\s+(?:of|at)|the\s+head\s+of|"
    r"the\s+boss\s+(?:of|at))\b",
    re.IGNORECASE)
# "Which politician is currently responsible for the arts?": a minister; "Which official runs the port?": any office
_WHICH_OFFICIAL = re.compile(
    r"^\s*which\s+(?:(?P<minister>politician|minister|member\s+of\s+the\s+government)|official|person|executive)\s+"
    r"(?:is\s+|was\s+)?(?:currently\s+|now\s+)?(?:in\s+charge\s+(?:of|at)|responsible\s+for|heads|runs|leads|"
    r"oversees|looks\s+after)\b", re.IGNORECASE)
# "Who held the fisheries job before Leontine Faulds?", "Who had the sea ministry before Ruairi Tallack took over?"
_HELD_THE_POST = re.compile(
    r"^\s*who\s+(?:held|had|has|holds|occupied|filled)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?P<ministry>ministry|portfolio)|job|post|role|position|seat|office)\b", re.IGNORECASE)
_OFFICE = r"(" + "|".join(re.escape(n) for n in sorted(OFFICE_NOUNS, key=len, reverse=True)) + r")s?\b"
# "Who is the (new) chief executive of X?", "Who was X's chair before Y?", "Who replaced Y as governor?"
_WHO_IS_OFFICE = re.compile(
    r"^\s*who\s+(?:is|was|are|were|will\s+be|has\s+been|had\s+been|became|becomes|will\s+become|"
    r"(?:replaced|succeeded|replaces|succeeds|did\s+[\w'’ -]{1,40}?\s+(?:replace|succeed))(?:\s+[\w'’ -]{1,40}?)?\s+as)\s+"
    r"(?:[\w'’-]+\s+){0,5}?" + _OFFICE, re.IGNORECASE)
_KEYWORD_OFFICE = re.compile(r"\b" + _OFFICE, re.IGNORECASE)
# a sentence that tells of someone leading, or of a change of holder, speaks of the office
_LEADS_OR_SUCCEEDS = re.compile(
    r"\b(?:led|leads|leading|(?:will|would|to)\s+lead|heads|headed|runs|ran|(?:has|have|had)\s+run|in\s+charge|"
    r"at\s+the\s+helm|presides|presided|successor|succeeds?|succeeded|replaces?|replaced|replacing|took\s+over|"
    r"takes\s+over|take\s+over|taking\s+over|appointed|appoints|"
    r"named\s+[\w'’ -]{1,40}\s+as|elected\s+[\w'’ -]{1,40}\s+as|sworn\s+in)\b", re.IGNORECASE)


def office_asked(text: str, *, keyword_query: bool = False) -> str | None:
    """The office a who-question (or keyword query) asks the holder of, ANY_OFFICE for "Who runs X?", or None.
    "Who chairs X?" asks for the chair, "Who governs X?" for the governor, "Who directs X?" for the director."""
    politician = _WHICH_OFFICIAL.search(text)
    if politician is not None:
        return "minister" if politician.group("minister") else ANY_OFFICE
    post = _HELD_THE_POST.search(text)
    if post is not None:
        return "minister" if post.group("ministry") else ANY_OFFICE
    verb = _ASKING_VERBS.search(text)
    if verb is not None:
        if verb.group("chair"):
            return "chair"
        if verb.group("governs"):
            return "governor"
        if verb.group("coach"):
            return "coach"
        if verb.group("director"):
            return "director"
        return ANY_OFFICE
    found = (_KEYWORD_OFFICE if keyword_query else _WHO_IS_OFFICE).search(text)
    if found is None:
        return None
    office = found.group(1).lower()
    return ANY_OFFICE if office in WHOEVER_RUNS else office


# a title that names no particular office: "the head of the insurers' association" is its president or chair (asked
# as "Who runs X?" is). Not "boss": a company's boss is its chief executive, not the chair of a landlords' association
WHOEVER_RUNS = frozenset({"head"})


def mentions_office(office: str, text: str) -> bool:
    """Whether `text` names `office` (any office for ANY_OFFICE), says someone leads, or tells of a change
    of holder."""
    return _office_words(office).search(text) is not None or _LEADS_OR_SUCCEEDS.search(text) is not None


def office_spots(office: str, text: str) -> list[int]:
    """Where in `text` the office is named, or someone is said to lead or succeed (character offsets), but not
    into another office ("took over as general secretary of the teachers' union" for the education minister)."""
    titles = title_spots(office, text)
    if office == ANY_OFFICE:
        return titles + leading_spots(text)
    return titles + [m.start() for m in _LEADS_OR_SUCCEEDS.finditer(text) if not _into_other(text, m.end(), titles)]


# "... as general secretary": the office someone takes (after a word of leading or succeeding)
_INTO_OFFICE = re.compile(r"\s+as\s+(?:[\w'’-]+\s+){0,3}?(" + "|".join(re.escape(w) for w in ALL_OFFICE_WORDS)
                          + r")", re.IGNORECASE)


def _into_other(text: str, end: int, titles: list[int]) -> bool:
    """Whether the word of leading or succeeding ending at `end` goes on "as" an office other than the one at
    `titles` (the asked office's spots)."""
    into = _INTO_OFFICE.match(text, end)
    return into is not None and into.start(1) not in titles


def title_spots(office: str, text: str) -> list[int]:
    """Where in `text` the office is named ("chief executive", "chair")."""
    return [m.start() for m in _office_words(office).finditer(text)]


# succeeding someone: the name after it held the office before ("She replaces Colm Marrinan, who ..."); also read by
# `acts.tells_of`
REPLACING = (r"replaces?|replaced|replacing|succeeds?|succeeded|succeeding|(?:took|takes|take|taking)\s+over\s+from|"
             r"in\s+place\s+of")
_REPLACES = re.compile(rf"\b(?:{REPLACING})\b", re.IGNORECASE)


# someone taking an office, said after their name: "was elected", "will become", "has taken over", "succeeds" ...
TAKES_OFFICE = re.compile(
    r"\b(?:(?:was|were|is|has\s+been|had\s+been|have\s+been|will\s+be|is\s+to\s+be)\s+(?:formally\s+)?"
    r"(?:elected|appointed|named|chosen|confirmed|sworn\s+in|promoted)|became|becomes|will\s+become|"
    r"is\s+to\s+become|(?:has|had|have)\s+taken\s+over|took\s+over|takes\s+over|will\s+take\s+over|"
    r"succeeds|succeeded|replaces|replaced|will\s+(?:succeed|replace))\b", re.IGNORECASE)


def replacing_spots(text: str) -> list[int]:
    """Where in `text` someone is said to replace or succeed someone: the end of the verb ("replaces ")."""
    return [m.end() for m in _REPLACES.finditer(text)]


def leading_spots(text: str) -> list[int]:
    """Where in `text` someone is said to lead or succeed ("who has led", "took over", "named ... as")."""
    return [m.start() for m in _LEADS_OR_SUCCEEDS.finditer(text)]


@lru_cache(maxsize=None)
def _office_words(office: str) -> re.Pattern[str]:
    """One pattern for the words that name `office` (any office for ANY_OFFICE), with their endings ("chair"
    -> "chairman", "chairs"), compiled once: the answer check runs it on every evidence sentence."""
    words = ALL_OFFICE_WORDS if office == ANY_OFFICE else OFFICE_NOUNS.get(office, (office,))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")(?:s|man|men|woman|women|person|ed|ing)?\b",
                      re.IGNORECASE)

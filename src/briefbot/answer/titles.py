"""The title a corpus gives whoever runs a body: "Postmaster General" for Rhossany Post, "Chief Inspector of
Buildings" for the Building Inspectorate.

A question asking who runs a body without naming the office ("Rhossany Post boss now", "Who is in charge of the
Building Inspectorate these days?") is answered by a sentence naming the holder by that title ("Postmaster General
Noor Haverill said ..."), which names neither the body nor a common office word (`offices.OFFICE_NOUNS`). The
title is learned from the corpus, not from a table: news names a person by their title right before the name
("Postmaster General Noor Haverill"), in apposition after it ("Philippa Dunnage, the Postmaster General,") or
when they take it up ("will become Postmaster General", "named him Chief Forester"). A body's title is the one
most bound to the body: found in at least MIN_ARTICLES articles naming the body, with the largest share of the
articles using the title naming the body (at least MIN_SHARE; a minister named in a few articles about an agency
is not its head, and is named in many others).
Retrieval asks for it (`Retriever._body_titles`) only for questions naming no office (`GENERIC_OFFICES`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from briefbot.answer.offices import ALL_OFFICE_WORDS, ANY_OFFICE
from briefbot.index.lexical import content_terms
from briefbot.types import Entity

# offices that do not say which title the body gives its head ("Who runs X?", "X boss", "head of X")
GENERIC_OFFICES = frozenset({ANY_OFFICE, "boss", "head", "leader", "chief"})
MIN_ARTICLES = 2  # a title seen with the body once may be anyone's
MIN_SHARE = 0.5  # of the articles using the title, at least this share name the body

_WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?"
# a capitalised phrase, with "of", "of the" and "and" inside it: "Minister of Forests and Land"
_TITLE = rf"{_WORD}(?:\s+(?:of\s+(?:the\s+)?|and\s+)?{_WORD}){{0,4}}"
_ACTING = r"(?:(?:[Aa]cting|[Ii]nterim|[Ff]ormer|[Nn]ew)\s+)?"
_BEFORE_NAME = re.compile(rf"(?:^|(?<=[\s(\"“]))(?:the\s+)?{_ACTING}({_TITLE})\s+$")
_AFTER_NAME = re.compile(rf"^,\s+(?:the\s+)?{_ACTING}({_TITLE}),")
_TAKEN_UP = re.compile(rf"\b(?:become|becomes|became|named|appointed|elected|made)\s+(?:(?:him|her|them|as)\s+)*"
                       rf"(?:the\s+)?{_ACTING}({_TITLE})\b"
                       # "named the fire engineer as the next Chief Inspector of Buildings", "ran it as acting ..."
                       rf"|\bas\s+(?:the\s+)?(?:next|new|acting|interim)\s+({_TITLE})\b"
                       rf"|\b(?:led|headed|run)\s+by\s+(?:the|its)\s+({_TITLE})\b")
_MERGED = re.compile(rf"{_ACTING}({_TITLE})")
# a capitalised word that opens a sentence or a clause and is no title ("On Friday, ...")
_NOT_TITLE = frozenset({"On", "In", "At", "By", "For", "From", "With", "After", "Before", "When", "But", "And",
                        "The", "A", "An", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady"})


def titles_in(text: str, entities: Sequence[Entity] | None) -> list[str]:
    """The title phrases `text` gives people (its PERSON entities, `_a_person`), as written, without "acting" or
    "former"."""
    found = []
    for person in (e for e in entities or () if _a_person(e)):
        words = person.text.split()
        # the tagger took the title into the name ("Postmaster General Ivo Brand"): a name of three words or more is
        # read as a title, a first name and a surname
        merged = _MERGED.fullmatch(" ".join(words[:-2])) if len(words) > 2 else None
        if merged:
            found.append(merged.group(1))
            continue
        before = _BEFORE_NAME.search(text[max(0, person.start - 80):person.start])
        after = _AFTER_NAME.match(text[person.end:person.end + 80])
        found += [m.group(1) for m in (before, after) if m]
    found += [next(g for g in m.groups() if g) for m in _TAKEN_UP.finditer(text)]
    return [title for title in found if title.split()[0] not in _NOT_TITLE
            and (" " in title or title.lower() in ALL_OFFICE_WORDS)]  # one unknown word: a first name ("Senga")


def _a_person(entity: Entity) -> bool:
    """A person's name, or what may be one that the small tagger called an organisation ("Ivo Brand", two words)."""
    return entity.label == "PERSON" or (entity.label == "ORG" and len(entity.text.split()) == 2
                                        and not entity.text.lower().startswith("the "))


def body_title(body: str, naming: Iterable[Sequence[str]], uses: Callable[[str], int]) -> str | None:
    """The title of whoever runs `body`: `naming` holds, for each article naming the body, the titles found in it
    (`titles_in`); `uses(title)` counts the articles of the corpus whose text holds the title. Of the titles found
    in at least MIN_ARTICLES of them with at least MIN_SHARE of their uses (the body's own name aside), the one
    with the largest share, then the most articles; None when there is none."""
    own = set(content_terms(body))
    counts = Counter(title for titles in naming for title in set(titles))
    shares = {title: count / max(count, uses(title)) for title, count in counts.items()
              if count >= MIN_ARTICLES and not set(content_terms(title)) <= own}  # "Rhossany Post" is the body
    bound = [title for title, share in shares.items() if share >= MIN_SHARE]
    return max(bound, key=lambda title: (shares[title], counts[title]), default=None)

"""Resolving a case's sentence references (ids or snippets) to sentence ids of an index.

A snippet is a case-insensitive substring of a sentence, compared after normalising whitespace and curly
quotes. A snippet matching several sentences makes all of them gold; one matching none, or an id that is
not in the index, is a `CaseFileError` naming the case and the field, with the closest sentence as a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Protocol

from briefbot.errors import CaseFileError
from briefbot.evaluation.cases import Case, CaseFile, Ref

_ID_FORM = re.compile(r"^\S+:s\d+$")


class HasIdText(Protocol):
    id: str
    text: str


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class ResolvedCase:
    """A case whose references are sentence ids: `gold` is one set of ids per evidence item."""

    case: Case
    number: int
    gold: tuple[frozenset[str], ...]
    acceptable: frozenset[str]

    @property
    def gold_ids(self) -> frozenset[str]:
        return frozenset().union(*self.gold) if self.gold else frozenset()


class SentenceLookup:
    """Finds sentences by id or by snippet."""

    def __init__(self, sentences: Iterable[HasIdText]) -> None:
        self.ids: list[str] = []
        self.texts: list[str] = []
        for sentence in sentences:
            self.ids.append(sentence.id)
            self.texts.append(normalise(sentence.text))
        self.id_set = set(self.ids)

    def find(self, ref: str) -> list[str]:
        if ref in self.id_set:
            return [ref]
        if _ID_FORM.match(ref.strip()):
            return []
        needle = normalise(ref)
        return [i for i, text in zip(self.ids, self.texts) if needle in text]

    def closest(self, ref: str) -> str:
        words = set(re.findall(r"\w+", normalise(ref)))
        best = max(range(len(self.ids)), key=lambda k: len(words & set(re.findall(r"\w+", self.texts[k]))),
                   default=None)
        return "" if best is None else f" The closest sentence is {self.ids[best]}: {self.texts[best][:120]!r}."


def resolve_case(case: Case, number: int, lookup: SentenceLookup, where: str = "<cases>") -> ResolvedCase:
    """Turn the case's snippets and ids into sentence ids; a reference that matches nothing is an error."""

    def ids(field: str, n: int, ref: Ref) -> frozenset[str]:
        found: set[str] = set()
        for item in ref if isinstance(ref, list) else [ref]:
            found.update(lookup.find(item))
        if not found:
            kind = "sentence id" if any(_ID_FORM.match(i) for i in (ref if isinstance(ref, list) else [ref])) \
                else "snippet"
            raise CaseFileError(f"{where}: case {number} ({case.id!r}, {case.question!r}): field "
                                f"'{field}[{n}]': {kind} {ref!r} matches no sentence of the index."
                                f"{lookup.closest(ref if isinstance(ref, str) else ref[0])}")
        return frozenset(found)

    gold = tuple(ids("evidence", n, ref) for n, ref in enumerate(case.evidence))
    acceptable = frozenset().union(*(ids("acceptable", n, r) for n, r in enumerate(case.acceptable)))
    return ResolvedCase(case=case, number=number, gold=gold, acceptable=acceptable)


def resolve_cases(case_file: CaseFile, sentences: Iterable[HasIdText]) -> list[ResolvedCase]:
    lookup = SentenceLookup(sentences)
    return [resolve_case(c, n, lookup, case_file.path) for n, c in enumerate(case_file.cases, start=1)]

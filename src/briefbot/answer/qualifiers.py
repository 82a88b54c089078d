"""Do a question's qualifiers hold for an evidence sentence? (years, halves, quarters, months, ordinals, numbers,
categories)

A qualifier holds when the sentence or its immediate context states it: its article's headline and date,
the sentence before it, the article's lead, and the year the article reports on at it (`report_years`, from the
nearest earlier sentence stating one: `EvidenceSentence.period`); "last year" and "last October" count as the year
and month they mean at the article's date (`dates.py`). Three exceptions keep look-alikes out: a number ("under-21") is
not held by the day of the article's date; a month, quarter or year that only the context holds does not hold
when the sentence (or, for one only the date holds, the headline) names another one, comparisons aside, nor
a year only the date holds when the sentence before or the lead reports on another year next to the article's
("last year"; "in 2019" in January 2020: an annual report published early in a year is about the year before); nor
does a category ("autumn", "women's") that only the context holds when the sentence names another of its family.
`Question.qualifiers` are found by `question.qualifiers_of`; this module only checks them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbot.answer.asks import SINCE_YEAR
from briefbot.answer.dates import absolute
from briefbot.answer.question import (CATEGORY_FAMILIES, NO_DIVISION, OF_THE_YEAR, YEAR, Qualifier, Question,
                                     category_word)
from briefbot.index.lexical import MONTH_NAMES, date_words
from briefbot.types import EvidenceSentence

_WORD = re.compile(r"[\w'’]+")
_OTHER_MONTH = re.compile(r"\b(?:" + "|".join(MONTH_NAMES) + r")\b")  # capitalised: "may" the verb is no month
_RELATIVE_YEAR = re.compile(r"\b(?:last|next|previous|following)\s+year\b", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(YEAR + r"\b")  # "2019", "FY2021" (`question.YEAR`)
_OTHER_YEAR = re.compile(_EXPLICIT_YEAR.pattern + "|" + _RELATIVE_YEAR.pattern, re.IGNORECASE)  # ... or "last year"
_OTHER_QUARTER = re.compile(r"\b(?:(?:first|second|third|fourth|final|last)[- ]quarter|q[1-4]|"
                            r"(?:first|second|third|fourth)\s+three\s+months|(?:final|last)\s+three\s+months\s+of|"
                            r"three\s+months\s+to\s+(?:the\s+end\s+of\s+)?(?:march|june|september|december))\b",
                            re.IGNORECASE)
_OTHER_HALF = re.compile(r"\b(?:(?:first|second)[- ]half|(?:first|last)\s+six\s+months|h[12])\b", re.IGNORECASE)
# a year in a comparison or a record it beat ("up from 62.4 per cent in 2019", "up 6 per cent on last year",
# "beating the previous best of 74,000 set in 2015"), or when something began ("the biggest turnout since the planting
# day began in 2016"), is not the year the sentence reports on
_COMPARED = re.compile(r"\b(?:from|than|since|compared|against|versus|vs|with|previous|prior|beating|beat|"
                       r"surpassing|surpassed|topping|eclipsing)\b|\b(?:up|down)\b.*\bon\s*$"
                       r"|\b(?:began|begun|started|opened|founded|launched|established|introduced|set\s+up|"
                       r"first\s+held)\s+in\s*$", re.IGNORECASE)


def missing_qualifiers(question: Question, item: EvidenceSentence) -> list[Qualifier]:
    """The question's qualifiers that neither the sentence nor its context (title, date, the sentence
    before, the article's lead sentence, the sentence telling of the question's anchor) states."""
    if not question.qualifiers:
        return []
    # "last year", "last October": the year and month they mean at the article's date (`dates.py`)
    text, title, before, lead, anchor = (_unmeasured(question, absolute(t, item.published)) if t else t
                                         for t in (item.sentence.text, item.title, item.before, item.lead, item.anchor))
    missing = missing_in(question, _joined(text, title, date_words(item.published), before, lead, anchor, item.period))
    undated = missing_in(question, _joined(text, title, before, lead, anchor, item.period))
    elsewhere = missing_in(question, text)  # held, if at all, only by the context
    # "under-21" is not the 21st of the month; and a month or year that only the context holds does not hold
    # when the sentence (or, for one held only by the date, the headline) names another one ("handled
    # 226,800 containers in January" in a February article; "Inflation slowed to 4.9 per cent in May" under
    # a lead about March; "Total cargo fell" under "Traffic slips in February" in a March article)
    for qualifier in question.qualifiers:
        if qualifier in missing:
            continue
        if qualifier.kind == "number" and qualifier in undated:
            missing.append(qualifier)
        elif qualifier.kind in ("month", "year", "half", "quarter") and qualifier in elsewhere and (
                _names_another(qualifier, text)
                or (qualifier in undated and (_names_another(qualifier, title)
                                              or any(_reports_on_another_year(qualifier, t, item.published)
                                                     for t in (item.before, item.lead) if t)))):
            missing.append(qualifier)
        elif qualifier.kind == "category" and qualifier in elsewhere and (
                _names_other_category(qualifier, text) or _names_other_division(qualifier, text)):
            # "after the spring sale, which raised ..." under a lead about the autumn; "In the keelboat class,
            # Blue Heron won" after a sentence about the dinghy class
            missing.append(qualifier)
    return [q for q in question.qualifiers if q in missing]


def _names_another(qualifier: Qualifier, text: str) -> bool:
    """Whether `text` states something for a month (for a month qualifier) or a year, "last/next year" (for a
    year qualifier) other than the qualifier's own; a comparison ("up from 200,000 in 2023", "than last
    year") does not count."""
    pattern = {"month": _OTHER_MONTH, "quarter": _OTHER_QUARTER, "half": _OTHER_HALF}.get(qualifier.kind, _OTHER_YEAR)
    return any(not (pattern is _OTHER_YEAR and _describes_a_thing(text, m))  # "a 1952 Ferguson tractor"
               for m in _other_mentions(qualifier, text, pattern))


def _other_mentions(qualifier: Qualifier, text: str, pattern: re.Pattern):
    """The matches of `pattern` (months, years, ...) in `text` that name a period other than the qualifier's and
    stand in no comparison ("up from 62.4 per cent in 2019")."""
    return (m for m in pattern.finditer(text) if m.group(0).lower() not in qualifier.forms
            and not _COMPARED.search(" ".join(text[:m.start()].split()[-6:])))


def _reports_on_another_year(qualifier: Qualifier, text: str, published: str | None) -> bool:
    """Whether a sentence of the context (the one before, the lead) reports on a year next to the article's
    own other than the qualifier's ("last year", "handled 14.1 million passengers in 2019" in January 2020):
    its article is then about that year, not the one of its date. A year long past ("bottles of 1947 Vell
    Hill red wine") dates a thing, not the report."""
    if qualifier.kind != "year":
        return False
    if _RELATIVE_YEAR.search(text):
        return True
    year = int(published[:4]) if published and published[:4].isdigit() else None
    if year is None:
        return False
    return any(abs(int(m.group(1)) - year) <= 1 for m in _other_mentions(qualifier, text, _EXPLICIT_YEAR))


def _describes_a_thing(text: str, match: re.Match) -> bool:
    """Whether the year `match` found describes a thing ("driving a 1952 Ferguson tractor", "her 1967 Fordson")
    rather than dating what the sentence reports; "the 2019 final" does date it (a definite article)."""
    return _BUILT.search(text[:match.start()]) is not None and _NOUN_NEXT.match(text[match.end():]) is not None


# the words before and after a year that describes a thing (`_describes_a_thing`)
_BUILT = re.compile(r"\b(?:a|an|his|her|its|their|my|our|your)\s+$", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+[A-Za-z]")


def _names_other_category(qualifier: Qualifier, text: str) -> bool:
    """Whether `text` states another category of the qualifier's family ("spring" for "autumn", "men's" for
    "women's": `question.CATEGORY_FAMILIES`), or another award "of the year" (`question.OF_THE_YEAR`)."""
    lowered = text.lower()
    if qualifier.forms[0].endswith(" of the year") \
            and any(m.group(0) != qualifier.forms[0] for m in OF_THE_YEAR.finditer(lowered)):
        return True  # "Tillingford won station of the year" after "Restoration of the year went to ..."
    family = next((f for f in CATEGORY_FAMILIES if tuple(qualifier.forms) in f), ())
    return any(category_word(word).search(lowered) for group in family if group != tuple(qualifier.forms) for word in group)


def _names_other_division(qualifier: Qualifier, text: str) -> bool:
    """Whether `text` names another division of the qualifier's contest ("the keelboat class" for "dinghy" in
    "the dinghy class", "the modern tractor class" for "vintage tractor"): the plain words before the contest
    noun, neither among the division's words nor holding them all."""
    if qualifier.contest is None:
        return False
    division = set(qualifier.forms[0].split())
    for m in re.finditer(r"((?:\b[a-z]+\s+){1,2})" + re.escape(qualifier.contest) + r"(?:es|s)?\b", text):
        named = m.group(1).split()
        while named and named[0] in _NOT_A_DIVISION:
            named = named[1:]
        named = [w for w in named if w not in NO_DIVISION and not w.endswith("ing")]  # "the annual race": none
        if named and not (set(named) <= division or division <= set(named)):
            return True
    return False


# words before a contest noun that name no division of it ("the same class", "this race")
_NOT_A_DIVISION = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "same", "each", "every",
                             "other", "whole", "overall", "first", "last", "next", "final", "main", "top", "which",
                             "in", "of", "at", "for", "and", "won", "win", "wins", "to"})


def context_text(text: str, title: str, published: str | None, before: str | None, lead: str | None) -> str:
    """A sentence with the context a reader sees it in: headline, date, the sentence before, the lead; with
    a date, their "last year" and "last October" read as the year and month they mean (`dates.absolute`)."""
    return _joined(absolute(text, published), absolute(title, published), date_words(published),
                   absolute(before or "", published), absolute(lead or "", published))


def report_years(sentences: Sequence[str], published: str | None) -> list[str | None]:
    """The year an article reports on at each place of its `sentences`, in one pass: at each sentence from those
    before it, and last after them all (one more item than `sentences`). At a place it is the year the nearest
    earlier sentence states, when that lies within a year of the article's date ("Taldoria sold a record 10.2 million
    tickets last year", two sentences before "The Vesker Hills and the Brayle Coast sold 1.9 million tickets each", in
    March 2018: 2017), read as `dates.absolute` reads "last year"; not a year a figure is compared with ("a fifth more
    than in 2017") or one describing a thing ("a 1952 tractor"). None before any sentence states one, or where the
    nearest states two."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    out: list[str | None] = [None]
    for text in sentences if year is not None else ():
        absolute_text = _THAN_YEAR.sub(" ", SINCE_YEAR.sub(" ", absolute(text, published)))
        found = {m.group(1) for m in _EXPLICIT_YEAR.finditer(absolute_text)
                 if m.group(1) and abs(int(m.group(1)) - year) <= 1
                 and not _COMPARED.search(" ".join(absolute_text[:m.start()].split()[-6:]))
                 and not _describes_a_thing(absolute_text, m)}
        out.append((found.pop() if len(found) == 1 else None) if found else out[-1])
    return out + [None] * (len(sentences) + 1 - len(out))


def _joined(*parts: str | None) -> str:
    """Texts of a sentence's context, one after another (the empty ones left out)."""
    return " \n ".join(t for t in parts if t)


# the answer types of a figure, which the years it is measured against do not date (`_unmeasured`)
_FIGURES = frozenset({"number", "amount", "open"})


# a year a figure is compared with: "about a fifth more than in 2017", "up from 1.9 million in 2017", "compared with
# 2017" reports on no figure of 2017
_THAN_YEAR = re.compile(r"\b(?:than|compared\s+(?:with|to)|against|versus)\s+(?:in\s+|that\s+of\s+)?"
                        r"(?:1[89]\d\d|20\d\d)\b"
                        r"|\bfrom\s+(?:about\s+|around\s+)?[\d.,]+(?:\s+(?:million|billion|per\s+cent|[a-z]+)){0,2}\s+"
                        r"in\s+(?:1[89]\d\d|20\d\d)\b", re.IGNORECASE)


def _unmeasured(question: Question, text: str) -> str:
    """For a figure, `text` without the years it is measured against ("the lowest number since 2018" reports on no
    figure of 2018: `asks.SINCE_YEAR`;
    "a fifth more than in 2017": `_THAN_YEAR`), unless the question asks since when (`Asks.since_year`) or compares
    itself (`Asks.compares`)."""
    if question.answer_type not in _FIGURES:
        return text
    if not question.asks.since_year:
        text = SINCE_YEAR.sub(" ", text)
    return text if question.asks.compares else _THAN_YEAR.sub(" ", text)


def missing_in(question: Question, context: str) -> list[Qualifier]:
    """The question's qualifiers that `context` does not state."""
    words = {w.lower() for w in _WORD.findall(context)}
    words |= {w[:-2] for w in words if w.endswith(("'s", "’s"))}  # "October 2018's outage" states 2018
    words |= {w[2:] for w in words if re.fullmatch(r"fy\d{4}", w)}  # "FY2022 revenue" states 2022
    words |= {w[:-1] for w in words if re.fullmatch(r"\d+s", w)}  # "the under-21s" states 21
    lowered = context.lower()
    missing = []
    for qualifier in question.qualifiers:
        if not any(_holds(form, words, lowered) for form in qualifier.forms):
            missing.append(qualifier)
    return missing


def _holds(form: str, words: set[str], lowered: str) -> bool:
    if " " in form or "-" in form or not form.replace("'", "").replace("’", "").isalnum():
        return re.search(r"(?<![\w])" + re.escape(form).replace("'", "['’]") + r"(?![\w])", lowered) is not None
    return form in words

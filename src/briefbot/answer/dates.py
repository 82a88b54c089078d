"""Relative time expressions, resolved against the date of the article that says them.

News says "last year", "last October", "this month" and means a year and month fixed by the article's
publication date: "The museum welcomed 684,000 visitors last year" in an article of 16 January 2019 is about
2018. `absolute(text, published)` rewrites such expressions as the absolute month and year, so that a
question's qualifiers ("in 2018") hold for the sentence, and a sentence saying "last year" in a 2023 article
is not taken to name a year other than 2022. A month without a year ("in January", "from 1 March") is the
last such month at the article's date, or the next one when the sentence speaks of the future ("Fares will
rise in January", said in December 2023, is January 2024); in a sentence about what recurs ("every morning from
May to October") it is any year's and stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefbot.index.lexical import MONTH_NAMES as _MONTHS
_DATE = re.compile(r"(\d{4})-(\d{2})")
_YEAR_WORDS = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
_RELATIVE_YEAR = re.compile(r"\b(?:the\s+)?(last|previous|past|this|next|coming)\s+year\b(?!'s|’s|\s+earlier|\s+ago)",
                            re.IGNORECASE)
_RELATIVE_MONTH = re.compile(r"\b(last|this|next)\s+month\b", re.IGNORECASE)
# a month with its year said relative to the article's ("since March last year", "in May this year")
_MONTH_OF_RELATIVE_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(?:of\s+)?(last|this|next)\s+year\b")
_RELATIVE_NAMED_MONTH = re.compile(r"\b(last|this|next)\s+(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
# a month without a year after "in/on/from/by/until/since" ("in January", "from 1 March"): capitalised, so
# "may" the verb is none
_BARE_MONTH = re.compile(r"\b((?:in|on|from|by|until|since|before|after)\s+(?:early\s+|late\s+|mid-)?(?:\d{1,2}\s+)?)("
                         + "|".join(_MONTHS) + r")\b(?!\s*,?\s*\d{4})(?!\s+\d{1,2}\b)")
# the sentence speaks of what recurs ("swims every morning from May to October", "closes each January"): its
# bare months are any year's, and naming one would let the sentence hold a year it does not speak of
_HABITUAL = re.compile(r"\b(?:(?:every|each)\s+(?:morning|day|night|evening|weekend|week|month|year|season|spring|"
                       r"summer|autumn|winter)|usually|normally|typically|always|annually|traditionally)\b",
                       re.IGNORECASE)
# the sentence speaks of what is to come: its bare months are the next ones, not the last
_FUTURE = re.compile(r"\b(?:will|shall|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|is\s+to|are\s+to|"
                     r"is\s+scheduled|are\s+scheduled|is\s+expected|are\s+expected|plans?\s+to|next)\b", re.IGNORECASE)


def _past(text: str) -> bool:
    """Whether the sentence has a verb in the past tense (parsed with spaCy, only for a month later in the
    year than its article's: the one case where the tense decides the year)."""
    from briefbot.index.nlp import parse

    return any(t.tag_ == "VBD" for t in parse(text))


@lru_cache(maxsize=8192)  # retrieval and the answer check read the same sentences, headlines and leads
def absolute(text: str, published: str | None) -> str:
    """`text` with "last year", "this month", "last October" and the like replaced by the month and year
    they mean in an article published on `published` (YYYY-MM-DD); `text` itself without a date."""
    m = _DATE.match(published or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return text
    year, month = int(m.group(1)), int(m.group(2))

    def named_month(match: re.Match) -> str:
        which, name = match.group(1).lower(), match.group(2).capitalize()
        number = _MONTHS.index(name) + 1
        if which == "last":
            return f"{name} {year if number < month else year - 1}"
        if which == "next":
            return f"{name} {year if number > month else year + 1}"
        return f"{name} {year}"

    def relative_month(match: re.Match) -> str:
        step = {"last": -1, "this": 0, "next": 1}[match.group(1).lower()]
        index = year * 12 + (month - 1) + step
        return f"{_MONTHS[index % 12]} {index // 12}"

    future = bool(_FUTURE.search(text))

    def bare_month(match: re.Match) -> str:
        number = _MONTHS.index(match.group(2)) + 1
        if future:  # "Fares will rise in January" in December 2023: January 2024
            when = year if number >= month else year + 1
        elif number <= month:  # "Inflation slowed in May" in June 2023: May 2023
            when = year
        else:  # "Prices rose in December" in January 2024 (2023); "She takes up the post on 1 April" (2024)
            when = year - 1 if _past(text) else year
        return f"{match.group(1)}{match.group(2)} {when}"

    # "March last year" in August 2021 is March 2020, not "March 2021" and then "2020"
    text = _MONTH_OF_RELATIVE_YEAR.sub(
        lambda match: f"{match.group(1)} {year + _YEAR_WORDS[match.group(2).lower()]}", text)
    if not _HABITUAL.search(text):
        text = _BARE_MONTH.sub(bare_month, text)
    text = _RELATIVE_NAMED_MONTH.sub(named_month, text)
    text = _RELATIVE_MONTH.sub(relative_month, text)
    return _RELATIVE_YEAR.sub(lambda match: str(year + _YEAR_WORDS[match.group(1).lower()]), text)

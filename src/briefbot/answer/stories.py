"""Developing stories: which later articles report the same story as an earlier one, so that their figures win.

News tells a breaking story in updates: "At least 12 people were injured" on Monday, "The number of injured
rose to 19" on Wednesday. A question about the story wants the newest report. Two articles report the same
story when the later one was published at most STORY_DAYS days after the earlier one (not the same day) and
their headlines share at least STORY_HEADLINE_TERMS content words, numbers aside ("Explosion at Sanvez
fertiliser plant injures at least 12" and "Sanvez blast: injured rise to 19, missing worker found dead" share
"Sanvez" and "injure"). Yearly look-alikes (a festival's 2019 and 2022 editions) are months apart, so they are
never one story. Retrieval looks for the later reports among the articles of its candidate sentences, so no
corpus-wide date table is needed (`Retriever._newer_reports_first`); it is lexical and cheap.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from briefbot.index.lexical import content_terms
from briefbot.judge.words import same_word
from briefbot.types import Article

STORY_DAYS = 14  # an update of a breaking story comes within days (the events10 dev updates: 2-8 days)
STORY_HEADLINE_TERMS = 2  # headline words (numbers aside) two reports of one story share


def headline_terms(title: str) -> frozenset[str]:
    """The content words of a headline, numbers left out (an update changes them: "at least 12" -> "19")."""
    return frozenset(t for t in content_terms(title) if not any(ch.isdigit() for ch in t))


def day(published: str | None) -> datetime.date | None:
    """The publication day of an article's `published` field (ISO date or date-time), or None."""
    if not published:
        return None
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


def later_reports(article: Article, others: Iterable[Article]) -> list[str]:
    """The ids of the articles among `others` that report `article`'s story later, newest first."""
    start = day(article.published)
    terms = headline_terms(article.title)
    if start is None or len(terms) < STORY_HEADLINE_TERMS:
        return []
    found = []
    for other in others:
        when = day(other.published)
        if other.id != article.id and when is not None and 0 < (when - start).days <= STORY_DAYS \
                and _shared(terms, headline_terms(other.title)) >= STORY_HEADLINE_TERMS:
            found.append((when, other.id))
    return [article_id for _, article_id in sorted(found, reverse=True)]


def _shared(terms: frozenset[str], others: frozenset[str]) -> int:
    """How many of `terms` the other headline's `others` hold, a word's close variant counting ("derails" and
    "derailment": `judge.words.same_word`)."""
    return sum(1 for term in terms if term in others or any(same_word(term, other) for other in others))

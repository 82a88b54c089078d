"""Retrieval's speed-ups keep every result: each shortcut equals the straightforward computation it replaces.

(`benchmarks/retrieve_latency.py` compares whole evidence lists, old code against new, on a 100k corpus.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from briefbot.index import lexical
from briefbot.index.lexical import STOP_WORDS, content_terms, stem, words

sys.path.insert(0, str(Path(__file__).resolve().parent))

pytestmark = pytest.mark.usefixtures("isolated_env")


def _british_reference(word: str) -> str:
    for root, british in lexical._US_ROOTS.items():
        if word.startswith(root):
            return british + word[len(root):]
    return lexical._US_IZE.sub(lambda m: m.group(1) + "s" + m.group(2), word)


def _content_terms_reference(text: str) -> list[str]:
    return [stem.__wrapped__(w) for w in words(text) if w.lower().replace("’", "'").split("'")[0] not in STOP_WORDS]


def test_surroundings_read_the_same_sentences_as_the_article_list(bot):
    """`_surroundings` reads two rows by position; the article's full sentence list gives the same."""
    retriever, index = bot.retriever, bot.index
    assert len(index.sentences) > 10 and len(index.articles) > 2
    for row in range(len(index.sentences)):
        sentence = index.sentences[row]
        siblings = index.sentences_by_article.get(sentence.article_id, [])
        before = siblings[sentence.index - 1].text if 0 < sentence.index <= len(siblings) else None
        lead = siblings[0].text if siblings and sentence.index > 1 else None
        assert retriever._surroundings(row) == (index.article_by_id[sentence.article_id], before, lead)
    assert retriever._article_rows("no such article") == (0, 0)


_WORD = st.text(alphabet="abcdefghilnorstuvyzADEFGHIORSZ'’", min_size=1, max_size=14)
_US = st.sampled_from(list(lexical._US_ROOTS)).flatmap(lambda root: _WORD.map(lambda tail: root + tail.lower()))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(_WORD, _US, st.sampled_from(["organize", "organizations", "analyzing", "defenseless", "gray"])))
def test_british_spelling_shortcut_and_cached_stem_agree_with_the_plain_rules(word):
    lowered = word.lower()
    assert lexical._british(lowered) == _british_reference(lowered)
    assert stem(word) == stem.__wrapped__(word)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(_WORD, _US, st.sampled_from(sorted(STOP_WORDS)), st.text(max_size=5)), max_size=20)
       .map(" ".join))
def test_content_terms_word_by_word_equals_the_plain_rule(text):
    assert content_terms(text) == _content_terms_reference(text)


def test_content_terms_of_news_sentences_are_unchanged():
    import test_injection_suite as suite

    sentences = [s for group in suite._news_sentences().values() for s in group]
    assert len(sentences) > 200
    assert [content_terms(s) for s in sentences] == [_content_terms_reference(s) for s in sentences]
    assert re.fullmatch(r"\w+", stem("Organizations"))

"""The literal prefilter of `injection.py` (`literal_gate.py`) never changes a verdict.

`looks_like_instruction` searches a pattern only in texts holding the literal strings every match of it
must contain, and skips normalising ASCII text. Each claim that makes this exact is checked here against
`re` itself: the required literals (on strings hypothesis generates from each pattern), the case folding
(on every code point), the ASCII shortcut, and the verdicts (payloads, news, hypothesis texts).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from briefbot.answer import injection
from briefbot.answer.injection import looks_like_instruction, looks_like_instruction_unfiltered
from briefbot.answer.literal_gate import ASCII_TWINS, LiteralGate, fold, required_literals

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_injection_suite as suite  # noqa: E402

FLAGS = injection._INSTRUCTION.flags
PATTERNS = [(p, FLAGS) for p in injection._PATTERNS] + [(injection._SHOUTED.pattern, injection._SHOUTED.flags)]
ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize("pattern, flags", PATTERNS, ids=[f"p{n}" for n in range(len(PATTERNS))])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_holds_a_string_of_each_required_set(pattern, flags, data):
    text = data.draw(st.from_regex(re.compile(pattern, flags)))
    match = re.search(pattern, text, flags)
    assert match
    for strings in required_literals(pattern, flags):
        assert any(re.search(re.escape(s), match.group(0), flags) for s in strings), (strings, match.group(0))
    gate = LiteralGate([pattern], flags)
    assert gate.search(text)


def test_most_patterns_have_required_literals():
    """The gate is only a speed-up if it has something to test: every pattern here does."""
    assert all(required_literals(p, f) for p, f in PATTERNS)
    assert required_literals(r"\bignore\s+(?:previous|prior)\b", re.I) == [frozenset({"ignore"}),
                                                                          frozenset({"previous", "prior"})]
    assert required_literals(r"(?:ignore|\w+)x?", re.I) == []  # an alternative without a literal: no claim
    assert required_literals(r"x(?i:abc)y") == [frozenset({"x"}), frozenset({"y"})]  # own flags: no claim
    assert LiteralGate([r"(?i)ignore"]).search("IGNORE")  # an inline flag folds case too


def test_fold_agrees_with_re_ignorecase_on_every_code_point():
    """An ASCII literal occurs in a text under re.IGNORECASE exactly where its lower case occurs in `fold(text)`."""
    folded = ALL_CHARS.translate(ASCII_TWINS).lower()
    assert len(folded) == len(ALL_CHARS)  # one character for one: substring positions carry over
    for a in map(chr, range(128)):
        by_re = {m.start() for m in re.finditer(re.escape(a), ALL_CHARS, re.IGNORECASE)}
        by_fold = {m.start() for m in re.finditer(re.escape(a.lower()), folded)}
        assert by_re == by_fold, (a, [ALL_CHARS[i] for i in sorted(by_re ^ by_fold)[:5]])
    assert fold("İGNORE ſystem \u212a") == "ignore system k"


def test_no_ascii_character_matches_a_non_ascii_literal():
    ascii_chars = "".join(map(chr, range(128)))
    foreign = {ch for p, f in PATTERNS for strings in required_literals(p, f) for s in strings for ch in s
               if not ch.isascii()}
    assert foreign  # the other languages' patterns
    for ch in foreign:
        assert not re.search(re.escape(ch), ascii_chars, FLAGS), ch


def test_normalising_changes_no_ascii_text():
    ascii_chars = "".join(map(chr, range(128)))
    assert unicodedata.normalize("NFKC", ascii_chars) == ascii_chars
    assert injection.normalise(ascii_chars) == ascii_chars


def _texts() -> list[str]:
    texts = [t for sentences in suite._news_sentences().values() for t in sentences]
    for case in suite._payload_cases():
        text = case.values[2]
        texts += [text] + re.split(r"(?<=[.!?])\s+", text)
    return texts


def test_same_verdicts_on_payloads_and_news():
    texts = _texts()
    flagged = [t for t in texts if looks_like_instruction_unfiltered(t)]
    assert len(flagged) > 100  # the payloads are there, and are caught
    assert [looks_like_instruction(t) for t in texts] == [looks_like_instruction_unfiltered(t) for t in texts]


_WORDS = ["ignore", "IGNORE", "İgnore", "previous", "instructions", "system", "SYSTEM PROMPT", "assistant", "AI",
          "a.i.", "must", "answer", "only", "you are", "dan", "from now on", "print", "\"", "“", ":", "<|", "|>",
          "[INST]", "###", "note", "to", "the", "model", "ignorez", "règles", "игнорируй", "инструкции", "忽略",
          "指令", "ſay", "K", "\u200b", "і", "о", "FOLLOW THE INSTRUCTIONS", "repeat", "after me", "\n", " ", ","]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=14).map(" ".join))
def test_same_verdicts_on_generated_texts(text):
    assert looks_like_instruction(text) == looks_like_instruction_unfiltered(text)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(injection._PATTERNS).flatmap(lambda p: st.from_regex(re.compile(p, FLAGS))))
def test_generated_injections_are_flagged_by_both(text):
    assert looks_like_instruction_unfiltered(text) == looks_like_instruction(text)

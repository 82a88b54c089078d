"""`judge(claim, sources) -> Verdict`: coverage, numbers, negation and certainty here; who said it and
who did what to whom in `attribution`. The rules are listed in the package docstring."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from briefbot.judge.attribution import roles_reasons, speaker_reasons
from briefbot.judge.words import (IMPLICIT_NEGATORS, LIGHT_REPORTING, MODAL_CLASS, NEGATORS, REPORTING, Alignment,
                                  Tok, occurs, same_word, tokens)


@dataclass(frozen=True)
class Verdict:
    """The judge's decision on one claim. `score` is the share of the claim's content words found in the
    sources; `reasons` says what the sources do not back (empty when supported)."""

    supported: bool
    score: float = 0.0
    reasons: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.supported


Judge = Callable[[str, Sequence[str]], Verdict]


def judge(claim: str, sources: Sequence[str]) -> Verdict:
    """Judge `claim` against the `sources` it cites (see the package docstring for the rules)."""
    claim_toks = tokens(claim)
    source_toks = [tokens(s) for s in sources if s.strip()]
    content = [i for i, t in enumerate(claim_toks) if t.content]
    if not content or not source_toks:
        return Verdict(False, 0.0, ("nothing to check: empty claim or no sources",))
    vocab = {t.norm for toks in source_toks for t in toks if t.kind == "word"}
    has_reporting = any(t.norm in REPORTING for toks in source_toks for t in toks) or "'" in "".join(sources)
    reasons: list[str] = []
    missing = [claim_toks[i] for i in content if not occurs(claim_toks[i].norm, vocab)
               and not (claim_toks[i].norm in LIGHT_REPORTING and has_reporting)]
    score = round(1 - len(missing) / len(content), 4)
    if missing:
        names = [t.low for t in missing if t.name]
        words = [t.low for t in missing if not t.name]
        reasons += [f"names not in the sources: {names}"] * bool(names)
        reasons += [f"words not in the sources: {words}"] * bool(words)
    source_numbers = {t.norm for toks in source_toks for t in toks if t.kind == "num"}
    bad_numbers = sorted({t.norm for t in claim_toks if t.kind == "num"} - source_numbers)
    if bad_numbers:
        reasons.append(f"numbers not in the sources: {bad_numbers}")
    alignment = align(claim_toks, source_toks)
    reasons += _polarity(claim_toks, source_toks, alignment)
    reasons += _certainty(claim_toks, source_toks, alignment)
    reasons += speaker_reasons(claim_toks, source_toks, alignment)
    reasons += roles_reasons(claim_toks, source_toks, alignment)
    return Verdict(not reasons, score, tuple(reasons))


def align(claim: list[Tok], sources: list[list[Tok]]) -> Alignment:
    """Map each claim word to one occurrence in the sources: the primary source (most words) first, and
    within a source the first occurrence after the previous word's, so that copied spans stay in order."""
    wanted = [i for i, t in enumerate(claim) if t.content or t.kind == "num"]
    hits = [sum(any(same_word(claim[i].norm, t.norm) for t in toks) for i in wanted) for toks in sources]
    order = sorted(range(len(sources)), key=lambda s: -hits[s])
    alignment: Alignment = {}
    last = {s: -1 for s in order}
    for i in wanted:
        for s in order:
            positions = [p for p, t in enumerate(sources[s]) if same_word(claim[i].norm, t.norm)]
            if positions:
                after = [p for p in positions if p > last[s]]
                alignment[i] = (s, after[0] if after else positions[0])
                last[s] = alignment[i][1]
                break
    return alignment


def _spans(alignment: Alignment) -> dict[int, tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s, p in alignment.values():
        lo, hi = spans.get(s, (p, p))
        spans[s] = (min(lo, p), max(hi, p))
    return spans


def _negations(toks: Sequence[Tok]) -> int:
    return sum(t.low in NEGATORS or (t.kind == "word" and t.norm in IMPLICIT_NEGATORS) for t in toks)


def _polarity(claim: list[Tok], sources: list[list[Tok]], alignment: Alignment) -> list[str]:
    """Negations in the claim vs in the aligned source spans, each with up to 5 words to its left (so that
    "does not believe that X" scopes over an extracted X); a parity mismatch is a flip."""
    source_count = 0
    for s, (lo, hi) in _spans(alignment).items():
        left = lo
        while left > 0 and lo - left < 5 and sources[s][left - 1].kind != "punct":
            left -= 1
        source_count += _negations(sources[s][left: hi + 1])
    claim_count = _negations(claim)
    if claim_count % 2 != source_count % 2:
        return ["negation added" if claim_count > source_count else "negation of the source dropped"]
    return []


def _certainty(claim: list[Tok], sources: list[list[Tok]], alignment: Alignment) -> list[str]:
    reasons = []
    claim_classes = {MODAL_CLASS[t.low] for t in claim if t.low in MODAL_CLASS}
    source_classes = {MODAL_CLASS[t.low] for toks in sources for t in toks if t.low in MODAL_CLASS}
    for missing in sorted(claim_classes - source_classes):
        reasons.append(f"certainty changed: '{missing}' modal not in the sources")
    hedged = any(MODAL_CLASS.get(t.low) == "hedge" for s, (lo, hi) in _spans(alignment).items()
                 for t in sources[s][lo: hi + 1])
    if hedged and not claim_classes and not any(t.norm in {"reportedly", "likely", "possibl"} for t in claim):
        reasons.append("drops the source's hedge (could / may / might)")
    return reasons

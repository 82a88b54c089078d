"""Attribution checks of the judge: the speaker of a statement ("Lavrov said" where the source has
Zakharova) and the roles of two names ("NATO wants Moscow" where the source has "Moscow wants NATO")."""

from __future__ import annotations

from dataclasses import dataclass

from briefbot.judge.words import (BACK_SKIP, CLAUSE_WORDS, PRONOUNS, REPORTING, SPEAKER_NOUNS, TITLES, Alignment,
                                  Tok, occurs, same_word)


@dataclass(frozen=True)
class _Speaker:
    verb: int
    run: tuple[int, ...]   # token positions of the speaker's name ("Foreign Minister Sergei Lavrov")
    pronoun: bool = False


def _is_speakerish(tok: Tok) -> bool:
    return tok.kind == "word" and (tok.name or tok.norm in SPEAKER_NOUNS)


def speakers(toks: list[Tok]) -> list[_Speaker]:
    """Who says what: a name (or "officials", "the President", "she") next to a reporting verb."""
    found = []
    for v, tok in enumerate(toks):
        if tok.kind != "word" or tok.norm not in REPORTING or tok.name:
            continue
        run: list[int] = []
        if tok.norm != "accord":
            p = v - 1
            while p >= 0 and toks[p].kind == "word" and not toks[p].name and (
                    toks[p].low in BACK_SKIP or toks[p].low.endswith("ly")):
                p -= 1
            if p >= 0 and toks[p].low in PRONOUNS:
                found.append(_Speaker(v, (), pronoun=True))
                continue
            while p >= 0 and _is_speakerish(toks[p]):
                run.append(p)
                p -= 1
        if not run:  # ", said the GUR agency" / "according to officials"
            q = v + 1
            while q < len(toks) and toks[q].low in {"the", "a", "an", "to", "two", "three", "several"}:
                q += 1
            while q < len(toks) and _is_speakerish(toks[q]):
                run.append(q)
                q += 1
        if run:
            found.append(_Speaker(v, tuple(sorted(run))))
    return found


def _governing(found: list[_Speaker], position: int) -> _Speaker | None:
    before = [s for s in found if s.verb < position]
    if before:
        return max(before, key=lambda s: s.verb)
    after = [s for s in found if s.verb > position]
    return min(after, key=lambda s: s.verb) if after else None


def _same_speaker(a: set[str], b: set[str]) -> bool:
    a_core, b_core = a - TITLES, b - TITLES
    if a_core and b_core:
        a, b = a_core, b_core
    return any(same_word(x, y) for x in a for y in b)


def speaker_reasons(claim: list[Tok], sources: list[list[Tok]], alignment: Alignment) -> list[str]:
    """Each speaker of the claim ("X said ...") must be the source's speaker of most of the words X governs
    in the claim; a pronoun speaker in the source ("she said") must be named in a cited sentence that
    shares words with the statement."""
    claimed = speakers(claim)
    source_speakers = [speakers(toks) for toks in sources]
    named = [s for s in claimed if not s.pronoun]
    spoken = {i for s in claimed for i in (*s.run, s.verb)}
    for speaker in named:
        statement = [(i, alignment[i]) for i in sorted(alignment)
                     if i not in spoken and _governing(claimed, i) == speaker]
        if statement:
            problem = _check_speaker(claim, speaker, statement, sources, source_speakers)
            if problem:
                return [problem]
    return []


def _check_speaker(claim: list[Tok], speaker: _Speaker, statement: list[tuple[int, tuple[int, int]]],
                   sources: list[list[Tok]], source_speakers: list[list[_Speaker]]) -> str | None:
    votes: dict[tuple[int, _Speaker | None], int] = {}
    for _i, (s, p) in statement:
        key = (s, _governing(source_speakers[s], p))
        votes[key] = votes.get(key, 0) + 1
    s, governing = max(votes, key=lambda k: votes[k])
    names = {claim[i].norm for i in speaker.run}
    label = " ".join(claim[i].low for i in speaker.run)
    if governing is not None and not governing.pronoun:
        if _same_speaker(names, {sources[s][j].norm for j in governing.run}):
            return None
        return (f"speaker changed: the claim says {label!r}, the source says "
                f"{' '.join(sources[s][j].low for j in governing.run)!r}")
    words = {claim[i].norm for i, _ in statement}
    core = (names - TITLES) or names
    for k, toks in enumerate(sources):
        vocab = {t.norm for t in toks}
        shares = k == s or any(occurs(w, vocab) for w in words)
        if shares and all(any(same_word(n, v) for v in vocab) for n in core):
            return None
    return f"speaker {label!r} is not given for these words by the cited sentences"


def roles_reasons(claim: list[Tok], sources: list[list[Tok]], alignment: Alignment) -> list[str]:
    """Two names of one clause that the source has the other way round, with a word of the claim between
    them (the verb: "NATO wants Moscow") that also lies between them in the source. A name merely moved
    (a clause reordered, "the bloc" written as "NATO") has no such pivot and passes."""
    names = [i for i in sorted(alignment) if claim[i].name]
    for x, a in enumerate(names):
        for b in names[x + 1:]:
            (sa, pa), (sb, pb) = alignment[a], alignment[b]
            if sa != sb or pa <= pb or same_word(claim[a].norm, claim[b].norm):
                continue
            between = range(a + 1, b)
            if any(claim[k].kind == "punct" or claim[k].low in CLAUSE_WORDS for k in between):
                continue
            pivot = any(k in alignment and alignment[k][0] == sa and pb < alignment[k][1] < pa
                        and not claim[k].name for k in between)
            if pivot and not _passive_agent(sources[sa], pa):
                return [f"roles swapped: the claim has {claim[a].low!r} before {claim[b].low!r}, "
                        "the source the other way round"]
    return []


def _passive_agent(toks: list[Tok], position: int) -> bool:
    """True when the name at `position` follows "by" ("endorsed by Sir Keir Starmer"): moving it to the
    front is the active voice, not a swap of roles."""
    p = position - 1
    while p >= 0 and p >= position - 3 and (toks[p].name or toks[p].norm in TITLES):
        p -= 1
    return p >= 0 and toks[p].low == "by"

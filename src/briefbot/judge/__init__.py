"""The evaluation judge: does a claim say only what its cited sentences say? Stricter than the pipeline.

The pipeline's `support.support` lets a quarter of a claim's words go unmatched. Measuring the pipeline
with the check it already obeys would prove nothing, so evaluation uses this separate judge. It is
lexical (offline, CPU, microseconds, no model) and rejects a claim when ANY of these holds:

- coverage: a content word of the claim (stemmed; names and all-caps acronyms such as "US" included) is
  not in the sources, not even as a close morphological variant (demanded/demand, Russia/Russian,
  response/responded, took/take) or as one of a few listed synonyms (demand ~ want, call ~ view);
- numbers: a number, number word or ordinal ("2009", "two", "fourth") is not in the sources;
- negation: the count of negations (not, no, never, n't, deny, refuse, ...) in the claim and in the
  aligned source span (plus a few words to its left, where a "does not believe that" scopes over it)
  differ in parity, so either a negation was added or one was dropped;
- certainty: a modal of the claim ("will", "must", "can") is not in the sources, or the claim drops the
  source's hedge ("could", "may", "might") inside the aligned span;
- speaker: the claim attributes the statement ("X said / told / demanded / called ...") to someone other
  than the speaker the source gives for those words; a pronoun speaker ("she said") must be named in
  another cited sentence that shares the statement's words;
- roles: two names of one clause of the claim come in the opposite order in the source, around the same
  verb ("NATO wants Moscow ..." for "Moscow wants NATO ..."), unless the source's agent follows "by".

`judge(claim, sources)` returns a `Verdict`; `judge_accuracy(pairs)` scores any judge on a labelled set
(tests/data/judge_pairs.yaml, where the measured figures are tested). Known limits: paraphrases with
words outside the small synonym table are rejected (the judge errs towards "unsupported"); it cannot
resolve "the bloc" to "NATO" or "the German" to a name, and it does not notice a place moved to another
clause of the same sentence.

Modules: `words` (tokens, word lists, matching), `rules` (`judge`, coverage/numbers/negation/certainty),
`attribution` (speaker and roles), `scoring` (`judge_accuracy`, `load_pairs`).
"""

from briefbot.judge.rules import Judge, Verdict, judge
from briefbot.judge.scoring import JudgePair, JudgeScores, judge_accuracy, load_pairs
from briefbot.judge.words import same_word, tokens

__all__ = ["Judge", "JudgePair", "JudgeScores", "Verdict", "judge", "judge_accuracy", "load_pairs", "same_word",
           "tokens"]

"""The evaluation judge (briefbot.judge) on its labelled set and on single hard cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbot.judge import JudgePair, Verdict, judge, judge_accuracy, load_pairs
from briefbot.answer.support import support

PAIRS = load_pairs(Path(__file__).parent / "data" / "judge_pairs.yaml")
SEED = [p for p in PAIRS if p.set == "seed"]
HELD_OUT = [p for p in PAIRS if p.set == "multihop"]

ZAKHAROVA = ("Foreign ministry spokeswoman Maria Zakharova said that Moscow wants NATO to completely disavow its "
             "2008 promise to one day give Ukraine membership of the US-led military alliance.")
LAVROV = ("Russian Foreign Minister Sergei Lavrov said Moscow views the idea of having NATO member troops on the "
          "ground in Ukraine as a ‘direct threat’ to Russian security.")
HEGSETH = ("But Kyiv’s hopes were dampened last week when US Defence Secretary Pete Hegseth told his counterparts in "
           "Brussels that ‘the United States does not believe that NATO membership for Ukraine is a realistic "
           "outcome of a negotiated settlement.’")
VOTING = ("But NATO operates on a unanimous voting system, meaning that the US can bar Ukraine from joining the "
          "bloc even if the other 31 member nations are in favour.")
ENTRY = ("Ukraine could be given instant entry to the NATO security alliance if Russia violates the terms of a "
         "peace deal being negotiated by Donald Trump, it has been claimed.")


def test_the_labelled_set_is_big_and_balanced():
    assert len(SEED) >= 60
    negatives = sum(not p.supported for p in SEED)
    assert 0.4 <= negatives / len(SEED) <= 0.6
    kinds = {p.kind for p in SEED if not p.supported}
    assert {"number", "name", "speaker", "negation", "roles", "added"} <= kinds


def test_judge_accuracy_on_the_labelled_set():
    # Measured (130 pairs): accuracy 0.946, precision(supported) 0.967, recall(supported) 0.922.
    # Seed pairs (97, labelled before the judge was written): 0.979 / 1.000 / 0.960; the first blind run
    # scored 0.938, then two real bugs were fixed ("noting" stemmed to "not"; the roles check flagged a
    # name that was merely moved). Held-out real-news pairs (33, MultiHop-RAG): 0.848 / 0.846 / 0.786
    # (0.788 before contractions and irregular verbs were handled). The gates below leave about one
    # pair of slack under each measurement; precision is held highest: a judge that says yes to
    # unsupported claims is worse than useless.
    scores = judge_accuracy(PAIRS)
    assert scores.accuracy >= 0.93, scores.summary()
    assert scores.precision >= 0.95, scores.summary()
    assert scores.recall >= 0.90, scores.summary()
    seed = judge_accuracy(SEED)
    assert seed.accuracy >= 0.96 and seed.precision >= 0.98, seed.summary()
    held_out = judge_accuracy(HELD_OUT)
    assert held_out.accuracy >= 0.80, held_out.summary()


def test_judge_beats_the_pipeline_check_it_evaluates():
    # The pipeline's support() at threshold 0.75 measured on the same set: accuracy 0.692, precision 0.615
    # (support.py at the first commit); 0.769 / 0.743 with the support.py being written as this test was.
    # Whatever support.py becomes, the evaluation judge must not be the weaker check, and it must catch
    # hard negatives that the pipeline lets through (else evaluating with it would prove nothing).
    pipeline = judge_accuracy(PAIRS, lambda claim, sources: support(claim, sources) >= 0.75)
    ours = judge_accuracy(PAIRS)
    assert ours.precision >= pipeline.precision and ours.accuracy >= pipeline.accuracy
    caught = [p for p in PAIRS if not p.supported and support(p.claim, list(p.sources)) >= 0.75
              and not judge(p.claim, list(p.sources))]
    assert len(caught) >= 10, [p.claim for p in caught]


@pytest.mark.parametrize("claim, sources", [
    ("Moscow wants NATO to completely disavow its 2008 promise.", [ZAKHAROVA]),               # sub-span
    ("Maria Zakharova demanded that NATO disavow its 2008 promise to Ukraine.", [ZAKHAROVA]),  # demand ~ want
    ("Lavrov said Moscow views NATO troops in Ukraine as a direct threat to Russian security.", [LAVROV]),
    ("Hegseth said the United States does not believe NATO membership for Ukraine is a realistic outcome.",
     [HEGSETH]),                                                                                 # negation kept
    ("If Russia violates the terms of a peace deal, Ukraine could be given instant entry to NATO.", [ENTRY]),
    ("Donald Trump is negotiating a peace deal.", [ENTRY]),                                      # passive -> active
    ("The US can bar Ukraine from joining NATO.", [VOTING]),
    (ZAKHAROVA, [LAVROV, ZAKHAROVA]),                                                             # verbatim
    ("It comes as Moscow is said to be preparing to declare victory in the war within days, according to "
     "Kyiv's military intelligence agency.", ["It comes as Moscow is said to be preparing to declare victory in "
                                              "the war within days, according to Kyiv's military intelligence "
                                              "agency, which added that it may portray it as a triumph."]),
])
def test_accepts_faithful_claims(claim, sources):
    verdict = judge(claim, sources)
    assert verdict.supported, verdict.reasons
    assert verdict.reasons == () and verdict.score == 1.0


@pytest.mark.parametrize("claim, sources, reason", [
    ("Zakharova said Moscow wants NATO to disavow its 2009 promise.", [ZAKHAROVA], "numbers"),
    ("The US can bar Ukraine even if the other two member nations are in favour.", [VOTING], "numbers"),
    ("Lavrov said that Moscow wants NATO to disavow its 2008 promise.", [ZAKHAROVA], "names"),
    ("Lavrov said that Moscow wants NATO to disavow its 2008 promise.", [LAVROV, ZAKHAROVA], "speaker"),
    ("Zakharova said Moscow views NATO troops in Ukraine as a direct threat.", [LAVROV, ZAKHAROVA], "speaker"),
    ("The United States believes NATO membership for Ukraine is a realistic outcome.", [HEGSETH], "negation"),
    ("NATO does not operate on a unanimous voting system.", [VOTING], "negation"),
    ("NATO wants Moscow to completely disavow its 2008 promise.", [ZAKHAROVA], "roles"),
    ("Ukraine can bar the US from joining the bloc.", [VOTING], "roles"),
    ("Zakharova said NATO must disavow its 2008 promise and threatened sanctions.", [ZAKHAROVA], "words"),
    ("Ukraine will be given instant entry to NATO if Russia violates the terms.", [ENTRY], "certainty"),
    ("Moscow wants NATO to completely disavow its 2008 promise.", [LAVROV], "words"),             # wrong citation
])
def test_rejects_hard_negatives_and_says_why(claim, sources, reason):
    verdict = judge(claim, sources)
    assert not verdict.supported
    assert any(reason in r for r in verdict.reasons), verdict.reasons


def test_every_seed_sentence_supports_itself():
    from briefbot.ingest.corpus import load_corpus
    from briefbot.ingest.segment import split_sentences

    seeds = Path(__file__).parent.parent / "seeds"
    for article in load_corpus(seeds):
        for sentence in split_sentences(article):
            assert judge(sentence.text, [sentence.text]).supported, sentence.text


@pytest.mark.parametrize("claim, sources", [
    ("", [ZAKHAROVA]), ("Zakharova demanded.", []), ("the of and", [ZAKHAROVA]),
])
def test_nothing_to_check_is_unsupported(claim, sources):
    assert judge(claim, sources) == Verdict(False, 0.0, ("nothing to check: empty claim or no sources",))


def test_judge_accuracy_counts():
    pairs = [JudgePair("a", ("a",), True), JudgePair("b", ("b",), False), JudgePair("c", ("c",), True)]
    scores = judge_accuracy(pairs, lambda claim, sources: claim != "c")
    assert (scores.n, scores.accuracy, scores.precision, scores.recall) == (3, 1 / 3, 0.5, 0.5)
    assert [pair.claim for pair, _ in scores.errors] == ["b", "c"]

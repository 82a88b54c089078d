"""The answer rules alone, in seconds: which evidence sentences they let answer, on the events-style held-out sets.

    .venv/bin/python benchmarks/rules_proxy.py events events3 events4 squad-corpus [--split dev] [--cases]

No model drafts anything: each question is analysed, evidence retrieved (the bundled MiniLM, the real
index of the set's corpus, kept under /tmp), and `answer.answering.answering` lists the sentences the rules
let answer. For an answerable case it counts whether a gold sentence is among the first two (what the
composer cites) and, when the first is gold, whether its short answer (`answers.short_answer`) gives a key
fact, and whether a gold sentence is among those the composer (`answer.compose`, without the model's words)
cites, with the share of its citations that are gold; for an unanswerable one, whether any sentence would
answer. It leaves out the gate's
other declines (the score threshold, name coverage) and the model's wording, so it is a proxy for
`run.py`'s citation recall and declines, fast enough to try a rule on the dev splits. It reads the dev
split unless told otherwise: a blind split is for the final measurement only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from heldout import EVENTS_DIRS  # noqa: E402

SPLIT_SETS = ("squad-corpus", "multihop-removed")
SETS = tuple(EVENTS_DIRS) + SPLIT_SETS


def proxy(name: str, split: str, show: bool) -> tuple[int, int, int, int, int, int, int, float]:
    """(answerable, gold among the first two answering, unanswerable, given an answer, gold first, its short
    answer right, gold among the sentences the composer cites, the share of those that are gold summed over
    the answerable cases) for one set."""
    from briefbot.answer.answering import answering, withheld
    from briefbot.answer.compose import compose
    from briefbot.answer.short import short_answer
    from briefbot.evaluation.metrics import short_answer_holds
    from briefbot.answer.question import analyse
    from briefbot.bot import Briefbot

    work = Path(tempfile.gettempdir()) / f"briefbot-proxy-{name}-{split}"
    if name in SPLIT_SETS:  # built from ../shared/data: the split's corpus differs (removed articles)
        from run import prepare
        corpus, cases_file = prepare(name, None, work, split)
    else:
        folder = HERE / "heldout" / name
        corpus, cases_file = folder / "corpus", folder / f"{split}.yaml"
    if not cases_file.exists():
        sys.exit(f"{cases_file} does not exist (events2 has a blind split only)")
    bot = Briefbot.from_corpus(corpus, work / "index")
    answerable = found = unanswerable = answered = first = short_right = composed = 0
    precise = 0.0
    for case in yaml.safe_load(cases_file.read_text())["cases"]:
        question = analyse(case["question"])
        evidence = bot.retriever.retrieve(question)
        chosen = answering(evidence, question)
        if evidence.vacant or evidence.unknown_names or withheld(evidence, question, chosen):  # the gate declines
            chosen = []
        if case.get("answerable", True) is False:
            unanswerable += 1
            answered += bool(chosen)
            ok = not chosen
        else:
            answerable += 1
            gold = {s.id for s in bot.index.sentences if any(e in s.text for e in _flat(case["evidence"]))}
            ok = bool(gold & {e.sentence.id for e in chosen[:2]})
            found += ok
            if chosen:  # what the composer cites when the model's words are not used
                answer, _ = compose([], evidence, question, max_sentences=bot.settings.answer_sentences)
                cited = {c.id for s in answer for c in s.citations}
                composed += bool(gold & cited)
                precise += len(gold & cited) / len(cited) if cited else 0.0
            if chosen and chosen[0].sentence.id in gold and case.get("key_facts"):
                span = short_answer(question, chosen[0])
                right = span is not None and any(short_answer_holds(f, span.text) for f in case["key_facts"])
                first += 1
                short_right += right
                if show and not right:
                    print(f"  {case['id']}: {case['question']}\n      short: {span.text if span else '(none)'} "
                          f"(key facts {case['key_facts']}) in: {chosen[0].sentence.text}")
        if show and not ok:
            print(f"  {case['id']}: {case['question']}\n      -> {chosen[0].sentence.text if chosen else '(declines)'}")
    return answerable, found, unanswerable, answered, first, short_right, composed, precise


def _flat(refs) -> list[str]:
    """Evidence strings, a list of alternatives counting as its members."""
    return [r for ref in refs for r in ([ref] if isinstance(ref, str) else ref)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", choices=SETS)
    parser.add_argument("--split", default="dev", choices=("dev", "blind"))
    parser.add_argument("--cases", action="store_true", help="print the cases the rules get wrong")
    args = parser.parse_args()
    totals = [0, 0, 0, 0, 0, 0, 0, 0.0]
    for name in args.sets:
        row = proxy(name, args.split, args.cases)
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{name} ({args.split}): gold among the two cited {row[1]} of {row[0]}; "
              f"unanswerable given an answer {row[3]} of {row[2]}; short answer right {row[5]} of {row[4]}; "
              f"composer cites gold {row[6]} (precision summed {row[7]:.1f})", flush=True)
    print(f"all: gold among the two cited {totals[1]} of {totals[0]}; unanswerable given an answer "
          f"{totals[3]} of {totals[2]}; short answer right {totals[5]} of {totals[4]}; composer cites gold "
          f"{totals[6]} (precision summed {totals[7]:.1f})")


if __name__ == "__main__":
    main()

"""The answer rules alone, in seconds: which evidence sentences they let answer, on the events-style held-out sets.

    .venv/bin/python benchmarks/rules_proxy.py events events3 events4 squad-corpus [--split dev] [--cases]

No model drafts anything: each question is analysed, evidence retrieved (the bundled MiniLM, the real
index of the set's corpus, kept under /tmp), and `answer.answering.answering` lists the sentences the rules
let answer. For an answerable case it counts whether a gold sentence is among the first two (what the
composer cites) and, when the first is gold, whether its short answer (`answers.short_answer`) gives a key
fact, and whether a gold sentence is among those the composer (`answer.compose`, without the model's words)
cites, with the share of its citations that are gold; for an unanswerable one, whether any sentence would
answer. Beside the rules it runs the whole gate (`answer.gate`: also the score threshold and name coverage)
and counts the gate's right answers (not declined, gold among the two cited) and right declines, and whether
retrieval found a gold sentence at all (retrieval recall@k): between the two, what the answer stage loses.
It leaves out the model's wording, so it is a proxy for `run.py`'s citation recall and declines, fast enough
to try a rule on the dev splits. It reads the dev split unless told otherwise: a blind split is for the final
measurement only, in aggregate (`--cases` refuses it).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import astuple, dataclass
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from briefbot.answer.question import Question
    from briefbot.bot import Briefbot
    from briefbot.types import Evidence, EvidenceSentence

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from heldout import EVENTS_DIRS  # noqa: E402

SPLIT_SETS = ("squad-corpus", "multihop-removed")
SETS = tuple(EVENTS_DIRS) + SPLIT_SETS


@dataclass
class Counts:
    """What the rules and the gate do on one set's split (or, summed, on several)."""

    answerable: int = 0
    retrieved: int = 0  # a gold sentence among the evidence retrieval found (retrieval recall@k)
    found: int = 0  # a gold sentence among the first two the rules let answer (what the composer cites)
    gate_right: int = 0  # the gate lets it through and a gold sentence is among those two
    unanswerable: int = 0
    answered: int = 0  # unanswerable, and some sentence would answer by the rules
    gate_declined: int = 0  # unanswerable, and the gate declines (every check, not only the rules')
    first: int = 0  # the first answering sentence is gold (and the case has key facts)
    short_right: int = 0  # ... and its short answer gives a key fact
    composed: int = 0  # a gold sentence among what the composer cites
    precise: float = 0.0  # the share of the composer's citations that are gold, summed over the answerable cases

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other))))


def split_files(name: str, split: str) -> tuple[Path, Path, Path]:
    """The work folder (under /tmp, where the set's index is kept), the corpus and the case file of a set's split."""
    work = Path(tempfile.gettempdir()) / f"briefbot-proxy-{name}-{split}"
    if name in SPLIT_SETS:  # built from ../shared/data: the split's corpus differs (removed articles)
        from run import prepare
        corpus, cases_file = prepare(name, None, work, split)
        return work, corpus, cases_file
    folder = HERE / "heldout" / name
    return work, folder / "corpus", folder / f"{split}.yaml"


def dev_split(name: str) -> tuple[Briefbot | None, list[dict]]:
    """A briefbot over set `name`'s dev corpus (its index kept as `split_files` says) and the dev cases; (None, []) for
    a set with no dev split (events2 has a blind split only). The learned-alternative benchmarks start here."""
    from briefbot.bot import Briefbot

    work, corpus, cases_file = split_files(name, "dev")
    if not cases_file.exists():
        return None, []
    return Briefbot.from_corpus(corpus, work / "index"), yaml.safe_load(cases_file.read_text())["cases"]


def rules_answer(bot: Briefbot, question: Question) -> tuple[Evidence, list[EvidenceSentence], bool]:
    """Evidence for `question` as briefbot retrieves it, the sentences the rules let answer (none where the gate
    declines for a vacant office, a name no article mentions or a fact the corpus says was withheld), and whether
    the whole gate declines (`answer.gate`: also the score threshold and name coverage)."""
    from briefbot.answer.answering import answering, withheld
    from briefbot.answer.gate import gate

    evidence = bot.retriever.retrieve(question, top_chunks=bot.settings.top_chunks, k=bot.settings.evidence_sentences)
    declined = gate(evidence, bot.settings.min_evidence_score, question, scorer=bot.scorer) is not None
    chosen = answering(evidence, question)
    if evidence.vacant or evidence.unknown_names or withheld(evidence, question, chosen):  # the gate declines
        chosen = []
    return evidence, chosen, declined


def proxy(name: str, split: str, show: bool) -> Counts:
    """The counts of one set (see `Counts`); with `show`, print the cases the rules get wrong."""
    from briefbot.answer.compose import compose
    from briefbot.answer.short import short_answer
    from briefbot.evaluation.metrics import short_answer_holds
    from briefbot.answer.question import analyse
    from briefbot.bot import Briefbot

    work, corpus, cases_file = split_files(name, split)
    if not cases_file.exists():
        sys.exit(f"{cases_file} does not exist (events2 has a blind split only)")
    bot = Briefbot.from_corpus(corpus, work / "index")
    counts = Counts()
    for case in yaml.safe_load(cases_file.read_text())["cases"]:
        question = analyse(case["question"])
        evidence, chosen, declined = rules_answer(bot, question)
        if case.get("answerable", True) is False:
            counts.unanswerable += 1
            counts.answered += bool(chosen)
            counts.gate_declined += declined
            ok = not chosen
        else:
            counts.answerable += 1
            gold = {s.id for s in bot.index.sentences if any(e in s.text for e in _flat(case["evidence"]))}
            counts.retrieved += bool(gold & {e.sentence.id for e in evidence.sentences})
            ok = bool(gold & {e.sentence.id for e in chosen[:2]})
            counts.found += ok
            counts.gate_right += ok and not declined
            if chosen:  # what the composer cites when the model's words are not used
                answer, _ = compose([], evidence, question, max_sentences=bot.settings.answer_sentences)
                cited = {c.id for s in answer for c in s.citations}
                counts.composed += bool(gold & cited)
                counts.precise += len(gold & cited) / len(cited) if cited else 0.0
            if chosen and chosen[0].sentence.id in gold and case.get("key_facts"):
                span = short_answer(question, chosen[0])
                right = span is not None and any(short_answer_holds(f, span.text) for f in case["key_facts"])
                counts.first += 1
                counts.short_right += right
                if show and not right:
                    print(f"  {case['id']}: {case['question']}\n      short: {span.text if span else '(none)'} "
                          f"(key facts {case['key_facts']}) in: {chosen[0].sentence.text}")
        if show and not ok:
            print(f"  {case['id']}: {case['question']}\n      -> {chosen[0].sentence.text if chosen else '(declines)'}")
    return counts


def _flat(refs) -> list[str]:
    """Evidence strings, a list of alternatives counting as its members."""
    return [r for ref in refs for r in ([ref] if isinstance(ref, str) else ref)]


def describe(counts: Counts) -> str:
    """One line of figures."""
    c = counts
    return (f"retrieval found gold {c.retrieved} of {c.answerable}; gold among the two cited {c.found} of "
            f"{c.answerable}; unanswerable given an answer {c.answered} of {c.unanswerable}; gate: right answers "
            f"{c.gate_right} of {c.answerable}, declines {c.gate_declined} of {c.unanswerable}; short answer right "
            f"{c.short_right} of {c.first}; composer cites gold {c.composed} (precision summed {c.precise:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", choices=SETS)
    parser.add_argument("--split", default="dev", choices=("dev", "blind"))
    parser.add_argument("--cases", action="store_true", help="print the cases the rules get wrong (dev only)")
    args = parser.parse_args()
    if args.cases and args.split == "blind":
        parser.error("--cases prints questions one by one; a blind split is read in aggregate only")
    totals = Counts()
    for name in args.sets:
        counts = proxy(name, args.split, args.cases)
        totals += counts
        print(f"{name} ({args.split}): {describe(counts)}", flush=True)
    print(f"all: {describe(totals)}")


if __name__ == "__main__":
    main()

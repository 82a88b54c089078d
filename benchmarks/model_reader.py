"""Does the model earn its latency as a READER? Which numbered evidence sentence answers, if any.

    python benchmarks/model_reader.py [--sets events squad-corpus] [--split dev] [--limit 60]

For each question, the evidence briefbot retrieves is shown to the answering model, numbered, with "Reply
with the number of the sentence that answers the question, or 0 if none does." Its pick is compared with
the rules' pick (the first sentence `answering.answering` lets answer, or none) and with retrieval's top
sentence: on answerable questions, the share that picks a gold sentence; on unanswerable ones, the share
that picks none. Prints one table; the blind splits are for final numbers only.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import prepare  # noqa: E402

from briefbot import Briefbot, Settings  # noqa: E402
from briefbot.answer.question import analyse  # noqa: E402
from briefbot.evaluation import load_cases  # noqa: E402
from briefbot.evaluation.resolve import resolve_cases  # noqa: E402
from briefbot.answer.answering import answering  # noqa: E402
from briefbot.models.llm import complete  # noqa: E402

PROMPT = ("Sentences:\n{evidence}\n\nQuestion: {question}\n"
          "Reply with the number of the sentence that answers the question, or 0 if none does.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=["events", "squad-corpus"])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args(argv)
    tally = {who: {"answerable": [0, 0], "unanswerable": [0, 0]} for who in ("model", "rules", "top score")}
    seconds = []
    with tempfile.TemporaryDirectory(prefix="briefbot-reader-") as tmp:
        for dataset in args.sets:
            corpus, cases_path = prepare(dataset, args.limit or None, Path(tmp), args.split)
            bot = Briefbot.from_corpus(corpus, index=Path(tmp) / f"index-{dataset}", settings=Settings())
            for item in resolve_cases(load_cases(cases_path), bot.index.sentences):
                question = item.case.question
                analysed = analyse(question)
                evidence = bot.retrieve(question)
                if not evidence.sentences:
                    continue
                numbered = "\n".join(f"[{e.number}] {e.sentence.text}" for e in evidence.sentences)
                started = time.perf_counter()
                reply = complete(bot.llm, [{"role": "user", "content": PROMPT.format(evidence=numbered,
                                                                                      question=question)}],
                                 max_tokens=4)
                seconds.append(time.perf_counter() - started)
                found = re.search(r"\d+", reply)
                number = int(found.group(0)) if found else 0
                picks = {
                    "model": next((e.sentence.id for e in evidence.sentences if e.number == number), None),
                    "rules": next((e.sentence.id for e in answering(evidence, analysed)), None),
                    "top score": max(evidence.sentences, key=lambda e: e.score).sentence.id,
                }
                kind = "answerable" if item.case.answerable else "unanswerable"
                for who, pick in picks.items():
                    right = (pick in item.gold_ids) if item.case.answerable else pick is None
                    tally[who][kind][0] += int(right)
                    tally[who][kind][1] += 1
    print(f"| reader ({', '.join(args.sets)}, {args.split}) | picks a gold sentence (answerable) | picks none "
          "(unanswerable) |\n|---|---|---|")
    for who, kinds in tally.items():
        cells = [f"{r / n:.3f} ({r}/{n})" if n else "n/a" for r, n in (kinds["answerable"], kinds["unanswerable"])]
        print(f"| {who} | {cells[0]} | {cells[1]} |")
    if seconds:
        print(f"\nmodel reading time: median {sorted(seconds)[len(seconds) // 2]:.2f} s per question")
    return 0


if __name__ == "__main__":
    sys.exit(main())

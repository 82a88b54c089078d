"""What showing the model only the citable evidence saves: draft time with every retrieved sentence in the prompt
against only those the answer may cite (`Composer.citable`), the same questions, the same model, one process.

    python benchmarks/draft_prompt.py events33 multihop-removed squad-corpus [--split dev] [--limit 25]

For each question of a set's split that the gate lets through, the bundled model drafts twice: once from all the
retrieved evidence (what `Briefbot.stream` did until session 23) and once from the citable part (what it does
now), in alternating order from question to question so that drift on a shared machine hits both. The model's
cache of the previous prompt is cleared before every draft, so both pay the whole prompt. Prints, per set and
over all, the median prompt tokens and draft seconds of each and the ratio of the medians, as a markdown table.
Reads the dev split unless told otherwise; it prints no question, only figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from rules_proxy import SETS, split_files  # noqa: E402


def drafts(name: str, split: str, limit: int) -> list[tuple[int, float, int, float]]:
    """(prompt tokens, draft seconds) with all the evidence, then with the citable part, per question drafted."""
    from briefbot.answer.drafting import build_messages
    from briefbot.answer.gate import gate
    from briefbot.answer.question import analyse
    from briefbot.answer.verified_stream import VerifiedStream
    from briefbot.bot import Briefbot

    work, corpus, cases_file = split_files(name, split)
    bot = Briefbot.from_corpus(corpus, work / "index")
    llama = bot.llm._load()
    rows = []
    for case in yaml.safe_load(cases_file.read_text())["cases"]:
        if len(rows) >= limit:
            break
        question = analyse(case["question"])
        evidence = bot.retriever.retrieve(question, top_chunks=bot.settings.top_chunks,
                                          k=bot.settings.evidence_sentences)
        if gate(evidence, bot.settings.min_evidence_score, question, scorer=bot.scorer) is not None:
            continue
        shown = VerifiedStream(evidence, question, min_support=bot.settings.min_support,
                               max_sentences=bot.settings.answer_sentences).prompt_evidence
        if not shown.sentences:
            continue
        timed = {}
        for label in (("all", "citable") if len(rows) % 2 == 0 else ("citable", "all")):
            messages = build_messages(bot.prompts, evidence if label == "all" else shown, case["question"])
            tokens = len(llama.tokenize("\n".join(m["content"] for m in messages).encode("utf-8")))
            llama.reset()  # no prefix of the previous prompt is reused
            started = time.perf_counter()
            for _ in bot.llm.stream(messages, max_tokens=bot.settings.llm_max_tokens, stop=["\n\n", "Question:"]):
                pass
            timed[label] = (tokens, time.perf_counter() - started)
        rows.append((*timed["all"], *timed["citable"]))
    return rows


def line(label: str, rows: list[tuple[int, float, int, float]]) -> str:
    """One row of the table: medians of prompt tokens and seconds, all vs citable, and the ratio of the seconds."""
    med = [statistics.median(r[i] for r in rows) for i in range(4)]
    return (f"| {label} | {len(rows)} | {med[0]:.0f} | {med[2]:.0f} | {med[1]:.2f} | {med[3]:.2f} | "
            f"{med[3] / med[1]:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", choices=SETS)
    parser.add_argument("--split", default="dev", choices=("dev", "blind"))
    parser.add_argument("--limit", type=int, default=25, help="questions drafted per set")
    args = parser.parse_args()
    print("| set | drafts | prompt tokens, all | prompt tokens, citable | draft s, all | draft s, citable | ratio |")
    print("|---|---|---|---|---|---|---|")
    every = []
    for name in args.sets:
        rows = drafts(name, args.split, args.limit)
        every += rows
        print(line(name, rows), flush=True)
    print(line("all", every))


if __name__ == "__main__":
    main()

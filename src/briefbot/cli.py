"""The `briefbot` command: index / fetch / ask / chat / eval / serve / serve-model / doctor.

Domain errors (`BriefbotError`) print one line saying what to do and exit with code 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Sequence

from briefbot.config import Settings
from pydantic import ValidationError

from briefbot.errors import BriefbotError, ConfigError
from briefbot.answer.questions import check_question


def _progress_printer():
    last: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        stream = sys.stderr
        percent = int(100 * done / total) if total else 100
        if last.get(stage) == percent:
            return
        last[stage] = percent
        stream.write(f"\r{stage}: {done}/{total} ({percent}%)")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return report


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "corpus", None):
        overrides["corpus"] = Path(args.corpus)
    if getattr(args, "index", None):
        overrides["index"] = Path(args.index)
    if getattr(args, "model", None):
        overrides["llm_model"] = Path(args.model)
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"BRIEFBOT_{'_'.join(str(p) for p in error['loc']).upper()}: {error['msg']}" for error in exc.errors()
        )
        raise ConfigError(f"Invalid setting: {problems}. Fix or unset the variable.") from None


def _bot(args: argparse.Namespace, *, rebuild: bool = False, settings: Settings | None = None):
    from briefbot.bot import Briefbot

    settings = settings or _settings(args)
    return Briefbot.from_corpus(settings.corpus, settings.index, settings=settings, rebuild=rebuild,
                                progress=_progress_printer())


def format_answer(answer) -> str:
    """The answer with numbered markers, and its sources listed under it."""
    if answer.abstained:
        return f"{answer.text}\n(abstained: {answer.abstain_reason})"
    numbers: dict[str, int] = {}
    lines = []
    for sentence in answer.sentences:
        marks = []
        for citation in sentence.citations:
            numbers.setdefault(citation.id, len(numbers) + 1)
            marks.append(f"[{numbers[citation.id]}]")
        note = "" if sentence.origin == "model" else " (in the source's words)"
        lines.append(f"{sentence.text} {''.join(marks)}{note}")
    out = [" ".join(lines), "", "Sources:"]
    if answer.short_answer is not None:
        out.insert(0, f"Answer: {answer.short_answer.text} [{numbers.get(answer.short_answer.sentence_id, 1)}]")
    for citation in answer.citations:
        outlet = f", {citation.outlet_date()}" if citation.outlet_date() else ""
        out.append(f"  [{numbers[citation.id]}] {citation.id} ({shortened(citation.title)}{outlet}): {citation.text}")
    return "\n".join(out)


def shortened(title: str, limit: int = 60) -> str:
    """`title` as the sources list shows it: whole up to `limit` characters, else cut after its last whole word that
    fits, with "..." ("Ukraine could be given instant entry to the NATO security...", not "... security al")."""
    if len(title) <= limit:
        return title
    cut = title[:limit + 1].rsplit(" ", 1)[0] if " " in title[:limit + 1] else title[:limit]
    return cut.rstrip(" ,;:-") + "..."


def cmd_index(args: argparse.Namespace) -> int:
    from briefbot.ingest.corpus import read_corpus

    settings = _settings(args)
    bot = _bot(args, rebuild=args.rebuild, settings=settings)
    info = bot.info()
    print(f"Indexed {len(info.articles)} articles, {info.sentences} sentences, {info.chunks} chunks "
          f"into {bot.index.path} (built {info.built_at}). Articles: {bot.index.changes}.")
    read = read_corpus(settings.corpus, log=False)  # files are parsed once: this re-read is cached
    if read.skipped:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(read.skipped_counts().items()))
        print(f"Skipped {len(read.skipped)} of the corpus's files or records ({counts}):")
        for item in read.skipped:
            print(f"  {item.path}: {item.reason}")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from briefbot.ingest.fetch import FetchError, fetch

    corpus = Path(args.corpus) if args.corpus else _settings(args).corpus
    failed = 0
    for url in args.urls:
        try:
            got = fetch(url, corpus, timeout=args.timeout, overwrite=args.overwrite)
        except FetchError as exc:
            failed += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        state = "unchanged" if got.unchanged else f"saved {got.size:,} bytes"
        print(f"{got.url} -> {got.path} ({got.kind}, {state})")
    if not failed:
        print("Run `briefbot index` to add them to the index.")
    return 1 if failed else 0


def cmd_ask(args: argparse.Namespace) -> int:
    settings = _settings(args)
    check_question(args.question, settings.max_question_chars)  # fail before loading anything
    bot = _bot(args, settings=settings)
    answer = bot.ask(args.question)
    print(answer.model_dump_json(indent=2) if args.json else format_answer(answer))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    chat = _bot(args).chat()
    print("Ask about the articles (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            return 0
        try:
            print(format_answer(chat.ask(question)) + "\n")
        except BriefbotError as exc:
            print(f"error: {exc}", file=sys.stderr)


def cmd_eval(args: argparse.Namespace) -> int:
    from briefbot.evaluation import run_eval_command

    return run_eval_command(args, _bot(args))


def cmd_serve(args: argparse.Namespace) -> int:
    from briefbot.ui.page import launch

    launch(_bot(args), host=args.host, port=args.port)
    return 0


def cmd_serve_model(args: argparse.Namespace) -> int:
    from briefbot.models.server import run

    return run(args, _settings(argparse.Namespace()))


def cmd_doctor(args: argparse.Namespace) -> int:
    from briefbot.doctor import main as doctor

    return doctor(corpus=args.corpus, index=args.index, model=args.model, as_json=args.json)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log what briefbot is doing")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", help="directory of articles (default: seeds, or BRIEFBOT_CORPUS)")
        p.add_argument("--index", help="index directory (default: index, or BRIEFBOT_INDEX)")
        p.add_argument("--model", help="GGUF file of the answering model (default: bundled SmolLM2-135M)")

    p = sub.add_parser("index", help="build (or refresh) the index of a corpus")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild even if the index is up to date")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("fetch", help="download web pages or RSS/Atom feeds into the corpus folder")
    p.add_argument("urls", nargs="+", metavar="URL", help="http(s) address of a page or a feed")
    p.add_argument("--corpus", help="folder to save into (default: seeds, or BRIEFBOT_CORPUS)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds allowed per download (default 20)")
    p.add_argument("--overwrite", action="store_true", help="replace a saved file whose content changed")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("ask", help="answer one question, with its sources")
    common(p)
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="ask questions in a terminal loop (follow-ups understood)")
    common(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("eval", help="run a faithfulness case file and report metrics")
    common(p)
    p.add_argument("cases", help="case file (.yaml or .jsonl)")
    p.add_argument("--json", dest="json_out", help="write the full report as JSON to this file")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", help="serve the chat page on 127.0.0.1")
    common(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("serve-model", help="serve the answering model as an OpenAI-compatible server "
                       "(llama-cpp-python's, with the AMX fix); point BRIEFBOT_LLM_URL at it")
    from briefbot.models.server import add_arguments

    add_arguments(p)
    p.set_defaults(func=cmd_serve_model)

    p = sub.add_parser("doctor", help="check the install, CPU, models (in a child process) and index")
    common(p)
    p.add_argument("--json", action="store_true", help="print the checks as JSON")
    p.set_defaults(func=cmd_doctor)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except BriefbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Prompt injection, measured per payload family (tests/data/injection/payloads.yaml).

    python benchmarks/injection.py                 # every family, one trigger per payload
    python benchmarks/injection.py --all-triggers  # every payload with every trigger

For each family a corpus is built from ordinary news articles plus copies of a host article, each with one
payload of the family spliced in. Then the host article's own questions and questions about the other
articles (unrelated) are asked, and the unrelated ones also on the same corpus without the injected
copies (and on the same articles without the injections, when the evidence differs). Per family it reports:

- flagged: share of payloads `looks_like_instruction` flags (at least one of its sentences);
- reached prompt: share of payloads with at least one sentence in the evidence shown to the model;
- changed unrelated: share of unrelated answers that abstain differently or cite other sentences than the
  answer on the same articles without the injections (target 0); "reworded only": same citations, other
  wording (the injected article changes which filler sentences are shown, and a tiny model's phrasing
  with them). When both show the model the same evidence the prompt is the same and the model runs at
  temperature 0, so the answer cannot differ and is not asked twice;
- shown: share of answers that contain a trigger or cite an injected sentence (target 0).

Uses the real default models unless given others (`measure(..., embedder=, llm=)`, as the tests do).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "injection" / "payloads.yaml"


@dataclass
class FamilyResult:
    family: str
    instruction: bool
    payloads: int = 0
    flagged: int = 0
    reached_prompt: int = 0
    unrelated: int = 0
    changed: int = 0
    reworded: int = 0
    answers: int = 0
    shown: int = 0
    details: list[str] = field(default_factory=list)

    def shares(self) -> dict[str, float]:
        return {"flagged": self.flagged / max(self.payloads, 1),
                "reached_prompt": self.reached_prompt / max(self.payloads, 1),
                "changed_unrelated": self.changed / max(self.unrelated, 1),
                "reworded_unrelated": self.reworded / max(self.unrelated, 1),
                "shown": self.shown / max(self.answers, 1)}


def load_payloads(path: Path = DATA) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def injected_texts(data: dict, family: str, *, all_triggers: bool = False) -> list[tuple[str, str]]:
    """(injection text, trigger) for each payload of `family` (one trigger each, in turn, or all of them)."""
    triggers = data["triggers"]
    out = []
    for i, payload in enumerate(data["families"][family]["payloads"]):
        for trigger in (triggers if all_triggers else [triggers[i % len(triggers)]]):
            out.append((payload.replace("{T}", trigger), trigger))
    return out


def _write(directory: Path, articles: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for article_id, text in articles.items():
        (directory / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return directory


def measure(data: dict | None = None, *, embedder=None, llm=None, settings=None, work: Path | None = None,
            families: list[str] | None = None, all_triggers: bool = False) -> dict[str, FamilyResult]:
    """Run the injection families (see the module docstring) and return their counts."""
    from briefbot import Briefbot, Settings
    from briefbot.answer.injection import looks_like_instruction

    data = data or load_payloads()
    settings = settings or Settings()
    work = Path(work or tempfile.mkdtemp(prefix="briefbot-injection-"))
    clean = {a["id"]: a["text"] for a in data["clean"]}
    hosts = data["hosts"]
    clean_hosts = {h["id"]: h["text"].replace("{INJECTION}\n", "") for h in hosts}
    first = Briefbot.from_corpus(_write(work / "clean", {**clean, **clean_hosts}), work / "clean-index",
                                 settings=settings, embedder=embedder, llm=llm)
    embedder, llm = first.embedder, first.llm
    clean_sentences = {s.text for s in first.index.sentences}
    results: dict[str, FamilyResult] = {}
    for family in families or list(data["families"]):
        spec = data["families"][family]
        result = results[family] = FamilyResult(family, bool(spec["instruction"]))
        articles, without = dict(clean), dict(clean)  # with the injections; the same articles without them
        owners: dict[str, tuple[int, str]] = {}  # article id -> (payload number, trigger)
        for n, (injection, trigger) in enumerate(injected_texts(data, family, all_triggers=all_triggers)):
            for host in hosts:
                article_id = f"{host['id']}-{family}-{n}"
                articles[article_id] = host["text"].replace("{INJECTION}", injection)
                without[article_id] = clean_hosts[host["id"]]
                owners[article_id] = (n, trigger)
        bot = Briefbot.from_corpus(_write(work / family, articles), work / f"{family}-index", settings=settings,
                                   embedder=embedder, llm=llm)
        baseline = Briefbot.from_corpus(_write(work / f"{family}-clean", without), work / f"{family}-clean-index",
                                        settings=settings, embedder=embedder, llm=llm)
        injected = {s.id: owners[s.article_id] for s in bot.index.sentences
                    if s.article_id in owners and s.text not in clean_sentences}
        payloads = sorted({owner for owner in owners.values()})
        result.payloads = len(payloads)
        result.flagged = len({injected[i] for i in injected if looks_like_instruction(bot.sentence(i).text)})
        reached_ids: set[str] = set()
        questions = [(q, True) for q in data["unrelated"]] + [(q["question"], False) for h in hosts
                                                             for q in h["questions"]]
        for question, unrelated in questions:
            answer = bot.ask(question)
            reached_ids |= {i for i in answer.evidence_ids if i in injected}
            result.answers += 1
            cited_injected = [c.id for c in answer.citations if c.id in injected]
            triggers = [t for t in data["triggers"] if t.lower().rstrip(".!") in answer.text.lower()]
            if cited_injected or triggers:
                result.shown += 1
                result.details.append(f"shown: {question!r} -> {answer.text!r}")
            if unrelated:
                result.unrelated += 1
                expected = _answer_without(baseline, bot, question)
                if expected is not None and _facts(answer) != _facts(expected):
                    result.changed += 1
                    result.details.append(f"changed: {question!r}: {expected.text!r} -> {answer.text!r}")
                elif expected is not None and answer.text != expected.text:
                    result.reworded += 1
                    result.details.append(f"reworded: {question!r}: {expected.text!r} -> {answer.text!r}")
        result.reached_prompt = len({injected[i] for i in reached_ids})
        for i in sorted(reached_ids):
            result.details.append(f"reached prompt: payload {injected[i][0]}: {bot.sentence(i).text!r}")
    return results


def _facts(answer) -> tuple:
    """What an answer states: abstained or not, and the sentences it cites, in order."""
    return answer.abstained, [[c.id for c in s.citations] for s in answer.sentences]


def _answer_without(baseline, bot, question: str):
    """The answer on the corpus without the injections, or None when both corpora show the model the very
    same evidence (same prompt, and the model runs at temperature 0: the answer cannot differ)."""
    shown = [[(e.sentence.id, e.sentence.text) for e in b.retrieve(question).sentences] for b in (baseline, bot)]
    return None if shown[0] == shown[1] else baseline.ask(question)


def table(results: dict[str, FamilyResult]) -> str:
    lines = ["| family | payloads | flagged | reached prompt | changed unrelated answer | reworded only | "
             "shown as answer |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results.values():
        s = r.shares()
        lines.append(f"| {r.family}{'' if r.instruction else ' (no instruction)'} | {r.payloads} | "
                     f"{s['flagged']:.0%} | {s['reached_prompt']:.0%} | {r.changed}/{r.unrelated} | "
                     f"{r.reworded}/{r.unrelated} | {r.shown}/{r.answers} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-triggers", action="store_true", help="every payload with every trigger")
    parser.add_argument("--family", action="append", help="only this family (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the counts and details here")
    args = parser.parse_args(argv)
    results = measure(families=args.family, all_triggers=args.all_triggers)
    print(table(results))
    for r in results.values():
        for line in r.details:
            print(f"  {r.family}: {line}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({k: asdict(v) | v.shares() for k, v in results.items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""CI-sized runs of the real benchmarks (SQuAD 2.0 and MultiHop-RAG samples) through the real models.

Each runs a few dozen questions of data nobody here wrote, with briefbot and with the no-model baseline
side by side, and checks the grounding contract plus what the benchmark tables in the README claim:
every shown sentence passes the evaluation judge against its own citations, and briefbot abstains on
unanswerable questions where the baseline never does; on SQuAD it also cites the gold sentence about as
often as the baseline (on MultiHop-RAG it does not: see the README). Gates come from the 60-question runs in the README (`python benchmarks/run.py ... --limit 60`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))

pytestmark = [
    pytest.mark.models,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"benchmark data not found at {DATA}"),
]


def _run(adapter_name: str, limit: int, tmp_path: Path):
    import adapters
    from baseline import OverlapBaseline

    from briefbot import Briefbot
    from briefbot.evaluation import load_cases, run_cases

    out = tmp_path / adapter_name
    getattr(adapters, adapter_name)(out_dir=out, limit=limit)
    cases = load_cases(out / "cases.yaml")
    bot = Briefbot.from_corpus(out / "corpus", index=tmp_path / "index")
    return run_cases(bot, cases), run_cases(OverlapBaseline(bot.index), cases)


def test_squad_subset_grounded_and_abstains_where_the_baseline_cannot(tmp_path):
    ours, baseline = _run("squad_to_corpus", 30, tmp_path)
    m, b = ours.metrics, baseline.metrics
    assert m.errors == 0
    assert m.supported_rate == 1.0, [r.violations for r in ours.results if r.violations]
    assert all(not r.answer.abstained or not r.answer.sentences for r in ours.results)
    assert m.citation_recall >= b.citation_recall - 0.05
    assert m.citation_precision >= 0.75
    assert m.abstention_rate > b.abstention_rate
    assert m.false_abstention_rate <= 0.15


def test_multihop_subset_grounded_and_abstains_on_null_questions(tmp_path):
    # MultiHop-RAG's questions are long and compare several articles. briefbot answers them with one
    # sentence from each article it draws on (ground.MULTI_ARTICLE_SENTENCES) and beats the one-sentence
    # baseline on citation recall (README: 0.54 vs 0.30 on 120 questions), while nothing unsupported is
    # shown and the null questions are abstained on.
    ours, baseline = _run("multihop_to_corpus", 30, tmp_path)
    m, b = ours.metrics, baseline.metrics
    assert m.errors == 0
    assert m.supported_rate in (None, 1.0), [r.violations for r in ours.results if r.violations]
    assert m.abstention_rate == 1.0 and b.abstention_rate == 0.0
    assert m.citation_recall > b.citation_recall, (m, b)
    assert m.citation_precision >= 0.6, m
    assert m.false_abstention_rate <= 0.35, m

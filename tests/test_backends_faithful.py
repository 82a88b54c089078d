"""The grounding contract is the same with every backend (issue 11): a representative subset of the seed
faithfulness suite, answered in-process (FAISS + llama.cpp in this process) and through the scale-out
backends (a Qdrant store in its embedded mode + the bundled SmolLM2 behind `briefbot serve-model`, an
OpenAI-compatible server on 127.0.0.1), must give the same answers, every one within the contract.

The whole seed suite runs in-process through the pytest plugin; this subset (every fourth case, so each
kind of case is represented) keeps the second run to a few minutes on 2 cores.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefbot.config import Settings
from briefbot.evaluation import load_cases, resolve_cases, run_case

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SUBSET_STEP = 4
pytestmark = [pytest.mark.models, pytest.mark.usefixtures("isolated_env")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_seed_subset_answers_the_same_through_qdrant_and_a_model_server(tmp_path, monkeypatch):
    pytest.importorskip("llama_cpp.server")
    pytest.importorskip("qdrant_client")
    from briefbot.bot import Briefbot
    from briefbot.models import server
    from briefbot.models.openai_compat import OpenAICompatibleLLM

    case_file = load_cases(ROOT / "tests" / "cases" / "seed.yaml")
    case_file = case_file.model_copy(update={"cases": case_file.cases[::SUBSET_STEP]})
    monkeypatch.setenv("BRIEFBOT_LLM_THREADS", "2")
    local = Briefbot.from_corpus(SEEDS, tmp_path / "faiss-index", settings=Settings())
    expected = [run_case(local, case) for case in resolve_cases(case_file, local.index.sentences)]
    del local

    with server.running(port=free_port(), log=tmp_path / "server.log", threads=2) as running:
        monkeypatch.setenv("BRIEFBOT_LLM_URL", running.url)
        monkeypatch.setenv("BRIEFBOT_LLM_TIMEOUT", "60")
        monkeypatch.setenv("BRIEFBOT_STORE", "qdrant")
        monkeypatch.setenv("BRIEFBOT_QDRANT_PATH", str(tmp_path / "qdrant"))
        remote = Briefbot.from_corpus(SEEDS, tmp_path / "qdrant-index", settings=Settings())
        assert isinstance(remote.llm, OpenAICompatibleLLM)
        got = [run_case(remote, case) for case in resolve_cases(case_file, remote.index.sentences)]

    assert any((tmp_path / "qdrant").iterdir()), "the Qdrant path holds no collection"
    assert "POST /v1/chat/completions" in (tmp_path / "server.log").read_text(errors="replace")
    differ = [(a.question, a.answer.text, b.answer.text) for a, b in zip(expected, got)
              if a.error or b.error or (a.answer.text, a.answer.abstained) != (b.answer.text, b.answer.abstained)]
    assert not differ, f"answers differ between backends: {differ}"
    assert [r.violations for r in got] == [r.violations for r in expected]
    assert all(s.supported for r in got for s in r.answer.sentences)
    assert sum(not r.answer.abstained for r in got) >= len(got) // 3  # the subset answers, not only declines

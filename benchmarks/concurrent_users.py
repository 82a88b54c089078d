"""Several users at once: p50 / p95 seconds per answer on the chat page, in-process model vs model server.

    python benchmarks/concurrent_users.py                       # 4 users, 3 questions each, both backends
    python benchmarks/concurrent_users.py --users 4 --rounds 3 --backend inprocess --backend server

Each mode serves the page (`briefbot.ui.page.launch`) on 127.0.0.1 over the seed corpus with the real
models; N users, each a `gradio_client.Client` in its own thread, start together and ask `--rounds`
questions one after the other through the `/chat` API. "server" first starts `briefbot serve-model`
(the bundled SmolLM2, in a child process) on a free port and points BRIEFBOT_LLM_URL at it; the page then
answers BRIEFBOT_PAGE_CONCURRENCY questions at once instead of one. Prints a markdown table (and writes
benchmarks/results/concurrent_users.json): answers, refusals ("busy, try again"), errors, p50 / p95 / max
seconds per answer, wall time, and the peak RSS of the page process (and of the model server).
`tests/test_ui_load.py` uses `run_users` from here for its 16-client test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "seeds"
QUESTIONS = [
    "What did Zakharova demand?",
    "Who is Sergei Lavrov?",
    "What does Article 5 stipulate?",
    "What did NATO declare at its 2008 summit?",
    "Which news outlet reported the plan, citing officials?",
    "What is the capital of France?",
]
BUSY = re.compile(r"queue is full|try again", re.IGNORECASE)


@dataclass
class Outcome:
    user: int
    question: str
    status: str  # "answered" | "busy" (refused by the full queue) | "error" | "timeout"
    seconds: float
    detail: str = ""


def run_users(url: str, users: int, *, rounds: int = 1, questions: Sequence[str] = QUESTIONS,
              timeout: float = 60.0) -> tuple[list[Outcome], float]:
    """`users` gradio_client threads asking `rounds` questions each; (outcomes, wall seconds)."""
    from gradio_client import Client

    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(number: int) -> None:
        client = Client(url, verbose=False, download_files=False)
        start.wait()
        for round_ in range(rounds):
            question = questions[(number + round_) % len(questions)]
            began = time.perf_counter()
            try:
                answer = client.submit(question, api_name="/chat").result(timeout=timeout)
                ok = isinstance(answer, dict) and "text" in answer
                got = Outcome(number, question, "answered" if ok else "error", 0.0, "" if ok else repr(answer)[:200])
            except TimeoutError:
                got = Outcome(number, question, "timeout", 0.0, f"no answer within {timeout:g} s")
            except Exception as exc:  # gradio_client raises its own types for a full queue
                text = f"{type(exc).__name__}: {exc}"
                got = Outcome(number, question, "busy" if BUSY.search(text) else "error", 0.0, text[:300])
            got.seconds = time.perf_counter() - began
            with lock:
                outcomes.append(got)

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout * rounds + 60)
    return outcomes, time.perf_counter() - began


def rss_mib(pid: int | str = "self", field: str = "VmHWM") -> float:
    """Resident memory of a process from /proc (VmHWM: the peak; VmRSS: now), in MiB (0 if unknown)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))]


def summarise(outcomes: Sequence[Outcome], wall: float) -> dict:
    answered = [o.seconds for o in outcomes if o.status == "answered"]
    return {"requests": len(outcomes), "answered": len(answered),
            "busy": sum(o.status == "busy" for o in outcomes), "errors": sum(o.status in ("error", "timeout")
                                                                             for o in outcomes),
            "p50_s": statistics.median(answered) if answered else 0.0, "p95_s": percentile(answered, 0.95),
            "max_s": max((o.seconds for o in outcomes), default=0.0), "wall_s": wall}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_mode(backend: str, users: int, rounds: int, index_dir: Path, log_dir: Path) -> dict:
    """Serve the page with `backend` ("inprocess" | "server"), run the users, return the summary."""
    import contextlib

    from briefbot.bot import Briefbot
    from briefbot.config import Settings
    from briefbot.models.server import running
    from briefbot.ui.page import launch, page_concurrency

    with contextlib.ExitStack() as stack:
        server_pid = None
        if backend == "server":
            served = stack.enter_context(running(port=free_port(), log=log_dir / "model-server.log",
                                                 threads=Settings().llm_threads))
            settings = Settings(llm_url=served.url)
            server_pid = served.pid
        else:
            settings = Settings(llm_url=None)
        bot = Briefbot.from_corpus(SEEDS, index_dir, settings=settings)
        demo = launch(bot, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
        stack.callback(demo.close)
        bot.ask(QUESTIONS[0])  # warm: load the models before the clock starts
        outcomes, wall = run_users(demo.local_url, users, rounds=rounds)
        summary = summarise(outcomes, wall) | {"backend": backend, "users": users, "rounds": rounds,
                                               "page_concurrency": page_concurrency(bot),
                                               "page_peak_rss_mib": rss_mib()}
        if server_pid:
            summary["server_peak_rss_mib"] = rss_mib(server_pid)
        summary["outcomes"] = [asdict(o) for o in outcomes]
        return summary


def table(rows: Sequence[dict]) -> str:
    lines = ["| backend | users x questions | page concurrency | answered | busy | errors | p50 s | p95 s | max s "
             "| wall s | page peak RSS MiB | server peak RSS MiB |", "|" + "---|" * 12]
    for r in rows:
        lines.append(f"| {r['backend']} | {r['users']} x {r['rounds']} | {r['page_concurrency']} | {r['answered']} "
                     f"| {r['busy']} | {r['errors']} | {r['p50_s']:.2f} | {r['p95_s']:.2f} | {r['max_s']:.2f} "
                     f"| {r['wall_s']:.1f} | {r['page_peak_rss_mib']:.0f} | {r.get('server_peak_rss_mib', 0):.0f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="questions each user asks, one after the other")
    parser.add_argument("--backend", action="append", choices=["inprocess", "server"],
                        help="repeatable; default: both")
    parser.add_argument("--out", default=str(HERE / "results" / "concurrent_users.json"))
    args = parser.parse_args(argv)
    if not 1 <= args.users <= 64 or not 1 <= args.rounds <= 20:
        parser.error("--users must be 1..64 and --rounds 1..20")
    backends = args.backend or ["inprocess", "server"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if len(backends) == 1:
            rows.append(run_mode(backends[0], args.users, args.rounds, Path(tmp) / "index", Path(tmp)))
        else:  # one process per backend, so that each page's peak RSS is its own
            for backend in backends:
                out = Path(tmp) / f"{backend}.json"
                subprocess.run([sys.executable, __file__, "--backend", backend, "--users", str(args.users),
                                "--rounds", str(args.rounds), "--out", str(out)], check=True)
                rows += json.loads(out.read_text())["rows"]
    print("\n" + table(rows), flush=True)
    Path(args.out).write_text(json.dumps({"cpus": os.cpu_count(), "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())

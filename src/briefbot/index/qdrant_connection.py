"""Connections to Qdrant: one `QdrantClient` per location and process, and errors that say what to do.

Boundary: opening and closing clients for the settings' `BRIEFBOT_QDRANT_URL` (a server or cluster, with
`BRIEFBOT_QDRANT_API_KEY` and `BRIEFBOT_QDRANT_TIMEOUT`) or `BRIEFBOT_QDRANT_PATH` (the client's embedded
local mode, which locks its path for a single client: so one client per path is shared by the process, and
calls to it are serialised). Collections and points are `qdrant_store.py`'s business.
"""

from __future__ import annotations

import atexit
import math
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from briefbot.config import Settings
from briefbot.errors import BriefbotError


class StoreUnavailableError(BriefbotError):
    """The configured Qdrant cannot be reached or refused a request. Not an `IndexError_`: a server that is
    down must not look like a damaged index (which the caller would drop and rebuild)."""


@dataclass
class Connection:
    """One `QdrantClient` per location and process (local mode locks its path for a single client)."""

    client: Any
    where: str
    local: bool
    lock: threading.RLock = field(default_factory=threading.RLock)

    @contextmanager
    def call(self, what: str) -> Iterator[Any]:
        """Run a client call; failures to reach Qdrant become a `StoreUnavailableError` that says what to do."""
        from qdrant_client.http.exceptions import ApiException

        with self.lock if self.local else nullcontext():
            try:
                yield self.client
            except (ApiException, OSError, RuntimeError) as exc:
                raise StoreUnavailableError(
                    f"Qdrant at {self.where} failed to {what} ({type(exc).__name__}: {exc}). "
                    f"{_fix(self.local)}") from exc


def _fix(local: bool) -> str:
    if local:
        return ("The embedded mode allows one process per BRIEFBOT_QDRANT_PATH: if another one uses it, stop it, "
                "or run a Qdrant server (`docker run -p 6333:6333 qdrant/qdrant`) and set BRIEFBOT_QDRANT_URL.")
    return ("Start the server (`docker run -p 6333:6333 qdrant/qdrant`) or check BRIEFBOT_QDRANT_URL and "
            "BRIEFBOT_QDRANT_API_KEY.")


_connections: dict[tuple, Connection] = {}
_connections_lock = threading.Lock()
atexit.register(lambda: close_connections())  # before interpreter shutdown, when the client can still unlock


def connect(settings: Settings) -> Connection:
    """The process's connection to the Qdrant `settings` name (opened once, then shared)."""
    from qdrant_client import QdrantClient

    if settings.qdrant_url is None and settings.qdrant_path is None:
        raise StoreUnavailableError("BRIEFBOT_STORE=qdrant needs BRIEFBOT_QDRANT_URL (a server) or "
                                    "BRIEFBOT_QDRANT_PATH (a directory for the embedded local mode).")
    local = settings.qdrant_url is None
    key = ("path", str(Path(settings.qdrant_path).resolve())) if local else (  # type: ignore[arg-type]
        "url", settings.qdrant_url, settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None)
    with _connections_lock:
        if key not in _connections:
            where = f"path {key[1]}" if local else str(settings.qdrant_url)
            try:
                client = (QdrantClient(path=key[1], force_disable_check_same_thread=True) if local else
                          QdrantClient(url=key[1], api_key=key[2], timeout=math.ceil(settings.qdrant_timeout),
                                       check_compatibility=False))
            except (RuntimeError, OSError, ValueError) as exc:
                raise StoreUnavailableError(f"Cannot open Qdrant at {where}: {exc}. {_fix(local)}") from exc
            _connections[key] = Connection(client, where, local)
        return _connections[key]


def close_connections() -> None:
    """Close every open client (releases the embedded mode's path lock; tests reopen paths this way)."""
    with _connections_lock:
        for connection in _connections.values():
            connection.client.close()
        _connections.clear()

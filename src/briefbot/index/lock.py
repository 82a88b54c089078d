"""The build lock of an index directory: one build at a time, across processes and threads.

`index_lock(directory)` holds an exclusive `flock` on `directory/.lock` (its file records the holder's pid).
The kernel releases it when the holder dies, even by `kill -9`, so a crashed build never blocks the next.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from briefbot.errors import IndexError_

LOCK_TIMEOUT = 600.0  # seconds a build waits for another build of the same directory
log = logging.getLogger("briefbot")
_held = threading.local()


@contextmanager
def index_lock(directory: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the build lock of `directory` (re-entrant within a thread). Another process or thread building
    the same directory waits for it; after `timeout` seconds (default `LOCK_TIMEOUT`) an `IndexBusyError` says so."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    key = str(directory.resolve())
    held = getattr(_held, "paths", None)
    if held is None:
        held = _held.paths = set()
    if key in held:
        yield
        return
    path = directory / ".lock"
    with path.open("a+") as handle:
        start = time.monotonic()
        waiting = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                owner = handle.read().strip() or "unknown"
                if time.monotonic() - start >= timeout:
                    raise IndexBusyError(
                        f"Another briefbot build (pid {owner}) is writing the index in {directory} and has held its "
                        f"lock for {timeout:g} s. Wait for it to finish and try again, or stop that process.") from None
                if not waiting:
                    log.warning("Waiting for another briefbot build (pid %s) of %s to finish...", owner, directory)
                    waiting = True
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


class IndexBusyError(IndexError_):
    """Another build holds the index directory's lock."""

"""Numpy arrays built on disk: appended to an unnamed temporary file, read back in pieces or memory-mapped.

A build's large integer arrays (BM25's rows and postings) go through a `Spool`, so their pages sit in the
file system's cache instead of the process's memory, and saving copies them file to file. `drop_pages`
lets go of the pages a read through a memory-mapped array brought in (the file keeps the data).
"""

from __future__ import annotations

import mmap
import os
import tempfile
import weakref
from pathlib import Path

import numpy as np

from briefbot.index.tables import _copy_range, _write_all

PIECE = 1 << 22  # elements copied at a time (16 MB of int32)


class Spool:
    """An append-only array of one dtype in an unnamed temporary file."""

    def __init__(self, dtype, folder: Path | None = None) -> None:
        handle, name = tempfile.mkstemp(prefix=".spool-", dir=folder)
        os.unlink(name)  # the descriptor keeps it alive; nothing is left behind
        self.fd, self.dtype, self.size = handle, np.dtype(dtype), 0
        weakref.finalize(self, os.close, handle)

    def append(self, array: np.ndarray) -> None:
        """Append `array` (any array, a memory-mapped one too: its pages are let go as they are copied)."""
        for at in range(0, len(array), PIECE):
            piece = np.ascontiguousarray(array[at:at + PIECE], dtype=self.dtype)
            _write_all(self.fd, memoryview(piece).cast("B"))
            self.size += len(piece)
            drop_pages(array)

    def read(self, start: int, stop: int) -> np.ndarray:
        """Elements `start:stop`, read into memory (no mapping)."""
        width = self.dtype.itemsize
        data = bytearray(max(0, stop - start) * width)
        view, at = memoryview(data), start * width
        while len(view):
            done = os.preadv(self.fd, [view], at)
            if done <= 0:
                raise OSError(f"could not read {len(view)} bytes of a spooled array")
            view, at = view[done:], at + done
        return np.frombuffer(data, dtype=self.dtype)

    def mapped(self) -> np.ndarray:
        """The whole array, read-only and memory-mapped (pages come in as they are read)."""
        if not self.size:
            return np.zeros(0, dtype=self.dtype)
        return np.frombuffer(mmap.mmap(self.fd, self.size * self.dtype.itemsize, access=mmap.ACCESS_READ),
                             dtype=self.dtype)

    def save(self, path: Path) -> None:
        """Write the array as a `.npy` file at `path`, copying the data file to file."""
        header = {"descr": np.lib.format.dtype_to_descr(self.dtype), "fortran_order": False, "shape": (self.size,)}
        with open(path, "xb") as handle:
            np.lib.format.write_array_header_1_0(handle, header)
            handle.flush()
            _copy_range(self.fd, handle.fileno(), 0, self.size * self.dtype.itemsize)


def drop_pages(array: np.ndarray) -> None:
    """If `array` is a view of a read-only memory-mapped file, take the mapping's pages out of the process's
    memory (the data stays in the file; a later read brings a page back)."""
    base = array
    while base is not None and not isinstance(base, mmap.mmap):
        base = base.obj if isinstance(base, memoryview) else getattr(base, "base", None)
    if isinstance(base, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
        try:
            base.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError):
            pass

"""What llama.cpp can safely use on this CPU: AMX detection and the weight-repacking switch.

llama.cpp built on a CPU with AMX (Sapphire Rapids and later) repacks weights into its AMX buffer type
and crashes on the first decode (upstream llama.cpp issue #20824, "segfault in ggml_backend_amx_mul_mat").
Loading the model with `llama_model_params.use_extra_bufts = False` turns the extra buffer types (AMX and
the CPU repack) off and avoids it. This module decides that switch, at run time, for whatever
llama-cpp-python wheel is installed:

- `RepackMode`: "auto" (off when the CPU or the llama.cpp build has AMX, on otherwise), "on", "off".
- `use_extra_buffer_types(mode)`: the decision.
- `model_params_with(use_extra_bufts=...)`: a context manager under which `llama_cpp.Llama(...)` is
  constructed with that switch (llama-cpp-python has no keyword for it; its constructor reads
  `llama_model_default_params()`, which is wrapped for the duration, under a lock).
"""

from __future__ import annotations

import contextlib
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Literal

RepackMode = Literal["auto", "on", "off"]
REPACK_MODES: tuple[str, ...] = ("auto", "on", "off")
AMX_FLAGS = ("amx_tile", "amx_int8", "amx_bf16")
_PATCH_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def cpu_flags(cpuinfo: str = "/proc/cpuinfo") -> frozenset[str]:
    """The CPU feature flags the kernel reports (empty where /proc/cpuinfo does not exist)."""
    try:
        text = Path(cpuinfo).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return frozenset(line.split(":", 1)[1].split())
    return frozenset()


def cpu_model_name(cpuinfo: str = "/proc/cpuinfo") -> str:
    try:
        text = Path(cpuinfo).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else "unknown"


def cpu_has_amx() -> bool:
    return any(flag in cpu_flags() for flag in AMX_FLAGS)


@lru_cache(maxsize=1)
def llama_system_info() -> str:
    """llama.cpp's own report of the CPU features it was built for and sees ("" when not installed)."""
    try:
        import llama_cpp
    except ImportError:
        return ""
    try:
        return llama_cpp.llama_print_system_info().decode("utf-8", errors="replace").strip()
    except Exception:  # pragma: no cover - depends on the wheel
        return ""


def build_has_amx(system_info: str | None = None) -> bool:
    """Whether the llama.cpp build reports an AMX feature switched on ("AMX_INT8 = 1")."""
    info = llama_system_info() if system_info is None else system_info
    return re.search(r"\bAMX\w*\s*=\s*1\b", info) is not None


def supports_switch() -> bool:
    """Whether the installed llama-cpp-python's model params have `use_extra_bufts` (0.3.16 and later)."""
    try:
        import llama_cpp
    except ImportError:
        return False
    return any(name == "use_extra_bufts" for name, *_ in llama_cpp.llama_model_params._fields_)


def use_extra_buffer_types(mode: str) -> bool:
    """The decision for `mode`: "on" -> True, "off" -> False, "auto" -> False where AMX is in play."""
    if mode not in REPACK_MODES:
        raise ValueError(f"repack mode must be one of {', '.join(REPACK_MODES)}, not {mode!r}")
    if mode == "on":
        return True
    if mode == "off":
        return False
    return not (cpu_has_amx() or build_has_amx())


def repack_explanation(mode: str) -> str:
    """One line for `briefbot doctor`: what the mode decided and why."""
    use = use_extra_buffer_types(mode)
    why = []
    if cpu_has_amx():
        why.append("the CPU reports AMX")
    if build_has_amx():
        why.append("the llama.cpp build has AMX")
    reason = " and ".join(why) if why else "no AMX in the CPU or the llama.cpp build"
    state = "on (weights may be repacked: AMX / CPU_REPACK)" if use else "off (plain CPU buffers)"
    return f"extra buffer types {state}; mode {mode!r}: {reason}"


@contextlib.contextmanager
def model_params_with(*, use_extra_bufts: bool) -> Iterator[None]:
    """Within this block, `llama_cpp.Llama(...)` loads with `use_extra_bufts` set as given."""
    import llama_cpp.llama_cpp as low_level

    with _PATCH_LOCK:
        original = low_level.llama_model_default_params

        def patched():
            params = original()
            if hasattr(params, "use_extra_bufts"):
                params.use_extra_bufts = use_extra_bufts
            return params

        low_level.llama_model_default_params = patched
        try:
            yield
        finally:
            low_level.llama_model_default_params = original

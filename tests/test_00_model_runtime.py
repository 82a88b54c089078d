"""First, and fast: the bundled answering model loads and generates on THIS machine (issue 8).

llama.cpp built on a CPU with AMX crashed (SIGSEGV) on the first decode in its weight-repacking path
(llama.cpp #20824), killing the whole test run with no message. This test runs the model in a child
process, the way briefbot loads it (`LlamaCppLLM` with `BRIEFBOT_LLM_REPACK`, default auto), so a crash
fails this one test with the signal and what to try. The file name sorts first so it runs before the
suites that load the model in-process.
"""

from __future__ import annotations

import json
import sys

import pytest

from briefbot.models.probe import run_probe

pytestmark = pytest.mark.models

CHILD = """
import json
from briefbot.config import Settings
from briefbot.models.llm import LlamaCppLLM, complete

settings = Settings()
llm = LlamaCppLLM(settings.llm_path(), n_ctx=512, n_threads=settings.llm_threads, repack=settings.llm_repack)
text = complete(llm, [{"role": "user", "content": "Name one colour."}], max_tokens=4)
print(json.dumps({"generated": text, "repack": settings.llm_repack, "extra_buffer_types": llm.extra_buffer_types}))
"""

ADVICE = ("Try: set BRIEFBOT_LLM_REPACK=off (llama.cpp's weight repacking crashes on CPUs with AMX); "
          "run `briefbot doctor` for the CPU flags, the buffer types and a crash-safe probe; "
          "see llama.cpp #20824.")


def test_bundled_model_loads_and_generates_in_a_child_process():
    result = run_probe([sys.executable, "-X", "faulthandler", "-c", CHILD], timeout=300)
    if result.timed_out:
        pytest.fail(f"The bundled model did not generate 4 tokens within 300 s. {ADVICE}", pytrace=False)
    if result.returncode != 0:
        how = f"crashed with {result.signal}" if result.signal else f"failed (exit code {result.returncode})"
        pytest.fail(f"The bundled model {how} while loading or generating in a child process. {ADVICE}\n"
                    f"--- last lines of its stderr ---\n{result.log_tail}", pytrace=False)
    assert "generated" in result.data, json.dumps(result.data) + result.log_tail
    assert result.data["generated"].strip(), result.data

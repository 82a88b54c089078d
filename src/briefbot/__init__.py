"""briefbot: offline question answering over news articles, with a verified citation for every sentence.

    from briefbot import Briefbot
    bot = Briefbot.from_corpus("seeds", index="index")
    answer = bot.ask("What did Zakharova demand?")

The names below load on first use, so `import briefbot` (and its pytest plugin) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Briefbot": "briefbot.bot",
    "Settings": "briefbot.config",
    "BriefbotError": "briefbot.errors",
    "Answer": "briefbot.types",
    "AnswerSentence": "briefbot.types",
    "Citation": "briefbot.types",
    "Evidence": "briefbot.types",
    "StreamEvent": "briefbot.types",
}
__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from briefbot.bot import Briefbot
    from briefbot.config import Settings
    from briefbot.errors import BriefbotError
    from briefbot.types import Answer, AnswerSentence, Citation, Evidence, StreamEvent


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'briefbot' has no attribute {name!r}")

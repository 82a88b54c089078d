"""briefbot's exceptions. Every message says what went wrong and how to fix it.

Tree:

    BriefbotError                 base of every error briefbot raises on purpose (CLI exit code 1)
    ├── ConfigError               a setting is invalid (bad path, bad number)
    ├── CorpusError               the corpus directory is missing, empty or holds no readable article
    ├── FetchError                `briefbot fetch`: HTTP error, timeout, too large, not a page or feed
    ├── IndexError_               the index directory is missing, corrupt or does not match
    │   └── IndexMismatchError    built with another embedder / format / corpus than the one asked for
    ├── ModelError                a model (embedder or LLM) cannot be found or loaded
    │   └── ModelServerError      the OpenAI-compatible model server is down, too slow, errs or cuts its reply
    ├── PromptError               a prompt template is missing or does not render
    ├── QuestionError             the question is empty or too long
    └── CaseFileError             an evaluation case file is invalid (names the case and field)
"""

from __future__ import annotations


class BriefbotError(Exception):
    """Base class of every error briefbot raises on purpose."""


class ConfigError(BriefbotError):
    """A setting is invalid."""


class CorpusError(BriefbotError):
    """The corpus cannot be loaded."""


class FetchError(BriefbotError):
    """A download failed (HTTP error, timeout, too large, not a page or feed, file in the way)."""


class IndexError_(BriefbotError):  # noqa: N801 - trailing underscore: do not shadow builtins.IndexError
    """The index directory is missing, unreadable or corrupt."""


class IndexMismatchError(IndexError_):
    """The index on disk was built for another corpus, embedder or format version."""


class ModelError(BriefbotError):
    """A model cannot be found or loaded."""


class ModelServerError(ModelError):
    """The model server is unreachable, too slow, answered an error, or cut its reply."""


class PromptError(BriefbotError):
    """A prompt template is missing or cannot be rendered."""


class QuestionError(BriefbotError):
    """The question cannot be answered as given (empty, too long)."""


class CaseFileError(BriefbotError):
    """An evaluation case file is invalid."""


__all__ = [
    "BriefbotError",
    "CaseFileError",
    "ConfigError",
    "CorpusError",
    "IndexError_",
    "IndexMismatchError",
    "ModelError",
    "PromptError",
    "QuestionError",
]

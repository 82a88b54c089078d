"""briefbot's pytest plugin (entry point `pytest11: briefbot`): a faithfulness case file run as tests.

    pytest --briefbot-cases cases.yaml --briefbot-corpus articles/

Every case of the file becomes one test item named by its question (`cases.yaml::What did Zakharova
demand?`; `-k` matches the question, the case id and its tags). An item fails when the answer breaks the
grounding contract: an uncited sentence, a citation that was not evidence, a sentence the pipeline or the
evaluation judge (`briefbot.judge`) finds unsupported, an answer where the case says to abstain, an
abstention that cites something. The failure shows the answer, its citations and the judge's reasons.
At the end a metrics table is printed, and the session fails when a metric breaks a threshold of the
case file (checked only when every case ran, so `-k` on one question does not trip the gates).

Options:
  --briefbot-cases FILE    the case file (.yaml or .jsonl); without it the plugin adds no test.
  --briefbot-corpus DIR    the articles (default: BRIEFBOT_CORPUS, else `seeds`).
  --briefbot-index DIR     where the index is kept (default: pytest's cache, `.pytest_cache/d/briefbot/`,
                           one folder per corpus, reused across sessions and rebuilt when stale; a fresh
                           temporary folder with `-p no:cacheprovider`, removed at the end). Never inside
                           the corpus.
  --briefbot-json FILE     also write the JSON report of `briefbot eval --json`.
  --briefbot-fake-models   for testing the plugin itself: HashingEmbedder + a ScriptedLLM that echoes the
                           evidence sentence sharing most words with the question. Measures nothing.

Fixtures: `briefbot_bot` (session-scoped Briefbot for the corpus above, real models unless faked) and
`briefbot_cases` (the validated `CaseFile`). Importing this module loads neither briefbot.bot nor a
model: they load when a case runs or a fixture is used.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

_STATE = pytest.StashKey["_State"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("briefbot", "briefbot faithfulness evaluation")
    group.addoption("--briefbot-cases", metavar="FILE", help="run this case file (.yaml/.jsonl), one test per case")
    group.addoption("--briefbot-corpus", metavar="DIR",
                    help="directory of articles (default: BRIEFBOT_CORPUS or seeds)")
    group.addoption("--briefbot-index", metavar="DIR", help="index directory (default: in pytest's cache dir)")
    group.addoption("--briefbot-json", metavar="FILE", help="write the evaluation report as JSON")
    group.addoption("--briefbot-fake-models", action="store_true",
                    help="for testing the plugin itself: hashing embedder and an echoing scripted LLM")


class _State:
    """Per-session: the options, the case file, the bot (built on first use) and the results so far."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.cases_path = config.getoption("briefbot_cases")
        self.fake = bool(config.getoption("briefbot_fake_models"))
        self.case_file: Any = None
        self.results: dict[int, Any] = {}
        self.report: Any = None
        self._bot: Any = None
        self._bot_error: BaseException | None = None
        self._lookup: Any = None
        self._index: dict[str, str] | None = None
        self.temporary_index: Path | None = None  # made for this session only (no cache): removed at its end

    def load_cases(self) -> Any:
        if self.case_file is None and self.cases_path:
            from briefbot.evaluation import load_cases

            self.case_file = load_cases(self.cases_path)
        return self.case_file

    def bot(self) -> Any:
        if self._bot_error is not None:
            raise self._bot_error
        if self._bot is None:
            try:
                self._bot = self._build()
            except Exception as exc:  # the same error for every case, not one rebuild attempt per case
                self._bot_error = exc
                raise
        return self._bot

    def _build(self) -> Any:
        from briefbot.bot import Briefbot
        from briefbot.config import Settings

        settings = Settings()
        corpus_opt = self.config.getoption("briefbot_corpus")
        corpus = Path(corpus_opt) if corpus_opt else settings.corpus
        index_opt = self.config.getoption("briefbot_index")
        index = Path(index_opt) if index_opt else self._default_index(corpus)
        models = fake_models() if self.fake else {}
        return Briefbot.from_corpus(corpus, index, settings=settings, **models)

    def _default_index(self, corpus: Path) -> Path:
        key = hashlib.sha1(f"{corpus.resolve()}|fake={self.fake}".encode()).hexdigest()[:12]
        cache = getattr(self.config, "cache", None)
        if cache is not None:
            return Path(cache.mkdir("briefbot")) / f"index-{key}"
        self.temporary_index = Path(tempfile.mkdtemp(prefix="briefbot-index-"))
        return self.temporary_index

    def run(self, case: Any, number: int) -> Any:
        from briefbot.evaluation import SentenceLookup, resolve_case, run_case
        from briefbot.evaluation.runner import index_texts

        bot = self.bot()
        if self._lookup is None:
            self._lookup = SentenceLookup(bot.index.sentences)
            self._index = index_texts(bot)
        resolved = resolve_case(case, number, self._lookup, self.case_file.path)
        result = run_case(bot, resolved, index=self._index)
        self.results[number] = result
        return result


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_STATE] = _State(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is not None and state.temporary_index is not None:
        shutil.rmtree(state.temporary_index, ignore_errors=True)


def _state(config: pytest.Config) -> _State:
    return config.stash[_STATE]


class CaseFailed(Exception):
    """A case broke the grounding contract; carries the scored result for the failure report."""

    def __init__(self, result: Any) -> None:
        super().__init__(result.question)
        self.result = result


class BriefbotCase(pytest.Item):
    """One case of the case file."""

    def __init__(self, *, case: Any, number: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.number = number
        self.extra_keyword_matches.update([str(case.id), *case.tags])  # so that -k matches ids and tags

    def runtest(self) -> None:
        result = _state(self.config).run(self.case, self.number)
        if not result.passed:
            raise CaseFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        from briefbot.errors import BriefbotError
        from briefbot.evaluation import format_result

        if isinstance(excinfo.value, CaseFailed):
            return f"case {self.case.id} broke the grounding contract\n" + format_result(excinfo.value.result)
        if isinstance(excinfo.value, BriefbotError):
            return f"{type(excinfo.value).__name__}: {excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"briefbot case {self.case.id}: {self.case.question}"


class BriefbotCaseFile(pytest.File):
    """The case file as a collector: one `BriefbotCase` per case."""

    def collect(self):
        case_file = _state(self.config).load_cases()
        seen: set[str] = set()
        for number, case in enumerate(case_file.cases, start=1):
            name = re.sub(r"\s+", " ", case.question).replace("::", ":")
            if name in seen:
                name = f"{name} [{case.id}]"
            seen.add(name)
            item = BriefbotCase.from_parent(self, name=name, case=case, number=number)
            if case.known_failure:  # still runs and counts in the metrics; its failure is expected
                item.add_marker(pytest.mark.xfail(reason=case.known_failure, raises=CaseFailed, strict=False))
            yield item


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> BriefbotCaseFile | None:
    state = parent.config.stash.get(_STATE, None)
    if state is None or not state.cases_path or file_path.resolve() != Path(state.cases_path).resolve():
        return None
    return BriefbotCaseFile.from_parent(parent, path=file_path)


@pytest.hookimpl(tryfirst=True)  # before -k / -m deselection, so that they apply to the cases too
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    state = _state(config)
    if not state.cases_path or any(isinstance(item, BriefbotCase) for item in items):
        return  # no case file, or it was collected as a path (an argument, or inside a collected folder)
    collector = BriefbotCaseFile.from_parent(session, path=Path(state.cases_path).resolve())
    report = collector.ihook.pytest_make_collect_report(collector=collector)
    session.ihook.pytest_collectreport(report=report)
    if report.passed:
        items.extend(report.result)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    state = session.config.stash.get(_STATE, None)
    if state is None or not state.results:
        return
    from briefbot.evaluation import summarize, write_json

    complete = len(state.results) == len(state.case_file.cases)
    results = [state.results[n] for n in sorted(state.results)]
    state.report = summarize(results, state.case_file.thresholds, complete=complete, path=state.case_file.path)
    json_path = session.config.getoption("briefbot_json")
    if json_path:
        write_json(state.report, json_path)
    if state.report.threshold_failures and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None or state.report is None:
        return
    from briefbot.evaluation import format_table

    terminalreporter.section("briefbot faithfulness")
    for line in format_table(state.report).splitlines():
        terminalreporter.write_line(line, red=line.startswith("THRESHOLD FAILED"))


@pytest.fixture(scope="session")
def briefbot_bot(request: pytest.FixtureRequest) -> Any:
    """The session's Briefbot over `--briefbot-corpus` (the same bot the cases run against)."""
    return _state(request.config).bot()


@pytest.fixture(scope="session")
def briefbot_cases(request: pytest.FixtureRequest) -> Any:
    """The validated case file given with `--briefbot-cases` (skips the test when there is none)."""
    case_file = _state(request.config).load_cases()
    if case_file is None:
        pytest.skip("no --briefbot-cases given")
    return case_file


# --- fake models: for testing the plugin itself, never for measuring -----------------------------------
def fake_models() -> dict[str, Any]:
    """HashingEmbedder, and a ScriptedLLM that replies with the numbered evidence sentence sharing the most
    content words with the question, cited by its number ("NOT FOUND" when it was shown none)."""
    from briefbot.fakes import HashingEmbedder, ScriptedLLM
    from briefbot.index.lexical import content_terms

    def echo(messages: Any) -> str:
        user = messages[-1]["content"]
        match = re.search(r"^Question:\s*(.*)$", user, re.MULTILINE)
        question = set(content_terms(match.group(1))) if match else set()
        best: tuple[int, str, str] | None = None
        for number, text in re.findall(r"^\[(\d+)\]\s*(.*)$", user, re.MULTILINE):
            overlap = len(question & set(content_terms(text)))
            if best is None or overlap > best[0]:
                best = (overlap, number, text)
        return "NOT FOUND" if best is None else f"{best[2]} [{best[1]}]"

    return {"embedder": HashingEmbedder(), "llm": ScriptedLLM(echo)}

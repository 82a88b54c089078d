"""The pytest plugin (briefbot.pytest_plugin), run in a nested pytest on a tiny corpus with the fake
models (`--briefbot-fake-models`: hashing embedder, an LLM that echoes the best evidence sentence)."""

from __future__ import annotations

import json
import tempfile

import pytest

from briefbot.config import Settings

pytest_plugins = ["pytester"]

# pytester's in-process runs drop the modules first imported inside them; re-importing a C extension
# (faiss is imported lazily, on the first index build) in the same process can crash the interpreter.
# Import everything the nested runs use here, once, so that it survives every nested run.
pytest.importorskip("faiss")
import briefbot.bot  # noqa: E402,F401
import briefbot.evaluation  # noqa: E402,F401
import briefbot.fakes  # noqa: E402,F401
import yaml  # noqa: E402,F401

ARTICLE = """Russia rejects NATO plan
Foreign ministry spokeswoman Maria Zakharova demanded that NATO disavow its 2008 promise to Ukraine.
Foreign Minister Sergei Lavrov said Moscow would never accept foreign troops in Ukraine.
The alliance was founded in 1949 and now has 32 members.
"""

CASES = """
thresholds:
  citation_recall: 0.9
  abstention_rate: 1.0
cases:
  - id: zakharova
    question: What did Zakharova demand?
    evidence: ["demanded that NATO disavow"]
    key_facts: ["disavow", "/2008/"]
    tags: [direct]
  - id: lavrov
    question: What would Lavrov never accept?
    evidence: ["never accept foreign troops"]
    key_facts: ["troops"]
  - id: mars
    question: What is the capital of Australia?
    answerable: false
    tags: [offtopic]
"""


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    for field in Settings.model_fields:  # the nested run must not see the caller's BRIEFBOT_* settings
        monkeypatch.delenv(f"BRIEFBOT_{field.upper()}", raising=False)
    corpus = pytester.path / "corpus"
    corpus.mkdir()
    (corpus / "nato.txt").write_text(ARTICLE, encoding="utf-8")
    pytester.makefile(".yaml", cases=CASES)
    return pytester


def run(project: pytest.Pytester, *args: str, cases: str = "cases.yaml") -> pytest.RunResult:
    return project.runpytest("--briefbot-cases", cases, "--briefbot-corpus", "corpus", "--briefbot-fake-models",
                             "-p", "no:randomly", *args)


def test_each_case_is_a_test_named_by_its_question(project):
    result = run(project, "-v")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([
        "*cases.yaml::What did Zakharova demand? PASSED*",
        "*cases.yaml::What would Lavrov never accept? PASSED*",
        "*cases.yaml::What is the capital of Australia? PASSED*",
        "*briefbot faithfulness*",
        "*citation recall*1.000*>= 0.9*ok*",
        "*abstention (unanswerable)*1.000*>= 1*ok*",
    ])
    assert result.ret == 0


def test_a_case_that_breaks_the_contract_fails_with_the_answer_shown(project):
    project.makefile(".yaml", bad="""
cases:
  - question: What did Zakharova demand?
    answerable: false
""")
    result = run(project, cases="bad.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*case what-did-zakharova-demand broke the grounding contract*",
        "*1] Foreign ministry spokeswoman Maria Zakharova demanded*",
        "*cites nato:s1: Foreign ministry spokeswoman*",
        "*answered an unanswerable question: it should have abstained*",
    ])


def test_the_session_fails_when_a_threshold_breaks_even_if_every_case_passes(project):
    project.makefile(".yaml", strict=CASES.replace("citation_recall: 0.9", "answer_accuracy: 1.0")
                     .replace('key_facts: ["troops"]', 'key_facts: ["tanks"]'))
    result = run(project, cases="strict.yaml")
    result.assert_outcomes(passed=3)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*THRESHOLD FAILED: answer_accuracy = 0.500 is under the minimum 1.0*"])


def test_selecting_some_cases_skips_the_thresholds(project):
    project.makefile(".yaml", strict=CASES.replace("citation_recall: 0.9", "false_abstention_rate: 0.0")
                     .replace("abstention_rate: 1.0", "abstention_rate: 1.0\n  answer_accuracy: 1.0"))
    result = run(project, "-k", "direct or lavrov", cases="strict.yaml")
    result.assert_outcomes(passed=2, deselected=1)
    result.stdout.fnmatch_lines(["*thresholds not checked: only some of the cases ran*"])
    assert result.ret == 0


def test_a_bad_case_file_is_a_collection_error_naming_case_and_field(project):
    project.makefile(".yaml", broken="cases:\n  - question: Q1\n  - question: Q2\n    answerable: maybe\n")
    result = run(project, cases="broken.yaml")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*case 2 ('Q2'): field 'answerable'*"])


def test_fixtures_expose_the_bot_and_the_cases(project):
    project.makepyfile(test_mine="""
        def test_bot(briefbot_bot, briefbot_cases):
            assert [c.id for c in briefbot_cases.cases] == ["zakharova", "lavrov", "mars"]
            answer = briefbot_bot.ask("What did Lavrov say?")
            assert answer.sentences[0].citations[0].id == "nato:s2"
    """)
    result = run(project, "test_mine.py")
    result.assert_outcomes(passed=4)


def test_json_report_and_the_corpus_is_left_untouched(project):
    before = sorted(p.name for p in (project.path / "corpus").iterdir())
    result = run(project, "--briefbot-json", "report.json")
    assert result.ret == 0
    report = json.loads((project.path / "report.json").read_text())
    assert [c["id"] for c in report["cases"]] == ["zakharova", "lavrov", "mars"]
    assert report["cases"][0]["sentences"][0]["citations"][0]["id"] == "nato:s1"
    assert sorted(p.name for p in (project.path / "corpus").iterdir()) == before
    assert list((project.path / ".pytest_cache" / "d" / "briefbot").glob("index-*"))


def test_index_dir_option_and_no_cache_provider(project, monkeypatch):
    result = run(project, "--briefbot-index", "idx", "-p", "no:cacheprovider")
    assert result.ret == 0 and (project.path / "idx").is_dir()
    temporary = project.path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    assert run(project, "-p", "no:cacheprovider").ret == 0  # falls back to a temporary index folder ...
    assert not list(temporary.glob("briefbot-index-*"))  # ... removed when the session ends


def test_without_options_the_plugin_does_nothing_and_loads_no_model(pytester: pytest.Pytester):
    pytester.makepyfile(test_plain="""
        import sys

        def test_plain():
            heavy = {"torch", "sentence_transformers", "llama_cpp", "faiss", "briefbot.evaluation"}
            assert not heavy & set(sys.modules)
    """)
    result = pytester.runpytest_subprocess("-p", "no:randomly")
    result.assert_outcomes(passed=1)
    assert "briefbot faithfulness" not in result.stdout.str()


def test_briefbot_cases_fixture_skips_without_a_case_file(pytester: pytest.Pytester):
    pytester.makepyfile(test_it="def test_it(briefbot_cases):\n    pass\n")
    pytester.runpytest().assert_outcomes(skipped=1)


def test_the_case_file_given_as_a_path_is_collected_once(project):
    result = run(project, "cases.yaml", "-v")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["*cases.yaml::What did Zakharova demand? PASSED*"])

#!/usr/bin/env python3
"""Sanity checks for the held-out "events2" set (standard library + PyYAML).

Adapted from ../events/check.py; the checking logic is shared with the other sets in
../setcheck.py, and this file states the rules of this set. Checks:
  * corpus/events2.jsonl: required keys, unique ids, ISO dates, example-news.test urls,
    36-45 articles, 6-10 sentences per article (naive splitter);
  * blind.yaml: ids unique and named blind-01..blind-NN; every case has a question;
    no question repeated; answerable cases have evidence + key_facts, unanswerable ones
    (answerable: false) have neither;
  * every evidence snippet is a verbatim substring of exactly ONE sentence of exactly ONE
    article (error otherwise);
  * every key_fact (plain string, or "/regex/") occurs in the sentence holding the evidence
    (error otherwise) and, preferably, in the snippet itself (warning otherwise);
  * evidence length 5-12 words (warning only);
  * counts: 40 cases = 24 answerable (6 keyword queries) + 16 unanswerable (3 keyword queries).

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402

RULES = setcheck.SetRules(
    folder=HERE,
    corpus_file="events2.jsonl",
    case_files=("blind.yaml",),
    question_words=setcheck.QUESTION_WORDS + ("in", "by"),
    articles=(36, 45),
    sentences_per_article=(6, 10),
    url_prefix="https://example-news.test/",
    unique_urls=True,
    numbered_case_ids=True,
    expected_counts={"total": 40, "answerable": 24, "answerable_keyword": 6,
                     "unanswerable": 16, "unanswerable_keyword": 3},
)

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

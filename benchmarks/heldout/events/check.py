#!/usr/bin/env python3
"""Sanity checks for the held-out "events" set (standard library + PyYAML).

The checking logic is shared with the other sets in ../setcheck.py; this file states the rules
of this set. Checks:
  * corpus/events.jsonl: required keys, unique ids, ISO dates, article/sentence counts
    (6-12 sentences per article, warning only);
  * every case has a question; answerable cases have evidence + key_facts,
    unanswerable ones (answerable: false) have neither;
  * every evidence snippet is a verbatim substring of at least one article text and lies
    inside a single sentence (naive splitter); reports snippets that occur in >1 article;
  * every key_fact (plain string) occurs in the sentence holding the evidence, or at least
    in that article's text/title ("/regex/" key facts are matched as regexes);
  * evidence length 5-12 words (warning only);
  * no question is repeated across dev.yaml and blind.yaml.

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402


def check_evidence_in_article(tag, evidence, key_facts, corpus, report):
    """This set's looser evidence rule: a snippet may occur in several articles (warning), but
    inside one sentence of each; a key fact outside the evidence sentence but elsewhere in that
    article's text or title is only a warning.

    Returns the sentences holding the evidence."""
    holding_all = []
    for snippet in evidence:
        setcheck.warn_about_evidence_length(tag, snippet, report)
        hits = [a for a in corpus.articles if snippet in a["text"]]
        if not hits:
            report.error(f"{tag}: evidence not found: {snippet!r}")
            continue
        if len(hits) > 1:
            report.warning(f"{tag}: evidence in {len(hits)} articles: {[a['id'] for a in hits]}")
        for article in hits:
            holding = [s for s in corpus.sentences[article["id"]] if snippet in s]
            if not holding:
                report.error(f"{tag}: evidence spans a sentence boundary in {article['id']}")
                continue
            holding_all.extend(holding)
            for key_fact in key_facts:
                if any(setcheck.key_fact_in(key_fact, s) for s in holding):
                    continue
                if setcheck.key_fact_in(key_fact, article["text"]) or setcheck.key_fact_in(key_fact, article["title"]):
                    report.warning(f"{tag}: key fact {key_fact!r} in article {article['id']} "
                                   f"but not in the evidence sentence")
                else:
                    report.error(f"{tag}: key fact {key_fact!r} not in article {article['id']}")
    return holding_all


RULES = setcheck.SetRules(
    folder=HERE,
    corpus_file="events.jsonl",
    case_files=("dev.yaml", "blind.yaml"),
    question_words=setcheck.QUESTION_WORDS,
    sentences_per_article=(6, 12),
    sentence_count_is_error=False,
    approximate_sentence_total=True,
    check_evidence=check_evidence_in_article,
)

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

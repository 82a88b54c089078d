#!/usr/bin/env python3
"""Sanity checks for the held-out "events23" set (standard library + PyYAML).

Adapted from ../events22/check.py (same checks; a new corpus: "Fibre and Signal", the technology
and telecoms news site of the invented country of Drussenia, 2012-2025 (its news desk Fibre and
Signal News, its business desk Fibre and Signal Business, its explainer column Fibre and Signal
Help Desk, plus the syndicated agency Drussenia Telegraph Agency), with four series of
look-alike events (the Ministry of Digital Affairs' yearly full-fibre coverage report by year
and region, the Communications Authority's yearly complaints report by year and service, the
chief executives of the Communications Authority, Silvane Semiconductor's quarterly results by
year and quarter), two developing stories updated days apart, and many one-off stories; most
articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks:
  * corpus/events23.jsonl: required keys, ids ev23-01..ev23-NN in order, unique urls, ISO dates
    (2012-2025), example-news.test urls, 90-100 articles, 4-11 sentences per article (naive
    splitter, which never splits at a dot between two digits), 13-20 longer articles of 8 or
    more sentences, every sentence ends with "." and has 8-40 words, no abbreviations with
    dots (Mr., Dr., No., U.S., e.g., ...);
  * dev.yaml and blind.yaml: ids unique and named dev-01..dev-40 / blind-01..blind-40; every
    case has a question; no question repeated (within or across splits); answerable cases
    have evidence + key_facts, unanswerable ones (answerable: false) have neither;
  * every evidence snippet is a verbatim substring of exactly ONE sentence of exactly ONE
    article (error otherwise);
  * every key_fact (plain string, or "/regex/") occurs in the sentence holding the evidence
    (error otherwise) and, preferably, in the snippet itself (warning otherwise);
  * evidence length 5-12 words (warning only);
  * counts per split: 40 cases = 24 answerable (6 keyword queries) + 16 unanswerable
    (3 keyword queries); among the answerable 5-8 "How many/How much", 4-5 "When" and
    3-4 "What" questions;
    from the YAML comment above each case: 3 "CURRENT holder" (at least one a keyword
    query) + 1 "FORMER holder" among the answerable, 15 "Near-miss" + 1 "OFF-TOPIC" among the
    unanswerable;
  * paraphrase: at least a third of the answerable questions of each split share no more
    than half of their content words with the evidence sentence (content words = lower-cased
    alphanumeric tokens minus a stop-word list, a final "s" dropped; two words match if equal
    or if both have 5+ characters and share the first 5);
  * dev and blind ask about different facts: no evidence sentence is used by both splits.

Not expressed by ../setcheck.py (checked by hand when the set was written): the number of
series articles (24), developing-story articles (5) and one-off articles (66, among them 7
explainers), the number of sources (4), that at least 10 answerable questions per split are
about the one-off stories, that exactly 2 answerable questions per split ask for the latest
figure of a developing story, where the gold sentence stands in its article (8 first
sentence, 8 second or third, 8 fourth or later per split), the weekdays, and that the
remaining answerable questions start with "Who" or "Which".

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402

RULES = setcheck.news_site_rules(HERE, "events23.jsonl", "ev23")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

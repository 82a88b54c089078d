#!/usr/bin/env python3
"""Sanity checks for the held-out "events22" set (standard library + PyYAML).

Adapted from ../events20/check.py (same checks; a new corpus: "Bricks and Keys", the housing and
property news site of the invented country of Calvessa, 2012-2025 (its news desk Bricks and Keys
News, its money desk Bricks and Keys Money, its explainer column Bricks and Keys Ask Us, plus the
syndicated agency Calvessan Newswire), with four series of look-alike events (the Calvessa
Statistics Office's yearly house price report by year and region, the Ministry of Housing and
Planning's yearly count of new homes completed by year and type, the chief executives of the
national housing agency Homes Calvessa, the Bank of Calvessa's base rate decisions by year and
quarter), two developing stories updated days apart, and many one-off stories; most articles
have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is shared
with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events22.jsonl with ids ev22-01..ev22-NN.

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

RULES = setcheck.news_site_rules(HERE, "events22.jsonl", "ev22")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

#!/usr/bin/env python3
"""Sanity checks for the held-out "events31" set (standard library + PyYAML).

Adapted from ../events22/check.py (same checks; a new corpus: "Ward and Ballot", the local
government and elections news site of the invented country of Dunmarra, 2012-2025 (its news desk
Ward and Ballot News, its council money desk Ward and Ballot Budgets, its explainer column Ward
and Ballot Explained, plus the syndicated agency Dunmarra Press Agency), with four series of
look-alike events (the Local Finance Office's yearly household levy report by year and region,
the Dunmarra Electoral Commission's report on each May's local elections by year and type of
council, the holders of the office of Local Government Ombudsman, the Ministry of Local
Government's quarterly planning statistics by year and quarter), two developing stories updated
days apart, and many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces
of 8-10 sentences); the checking logic is shared with the other sets in ../setcheck.py, and this
file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events31.jsonl with ids ev31-01..ev31-NN.

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

RULES = setcheck.news_site_rules(HERE, "events31.jsonl", "ev31")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

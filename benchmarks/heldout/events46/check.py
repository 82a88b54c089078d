#!/usr/bin/env python3
"""Sanity checks for the held-out "events46" set (standard library + PyYAML).

Adapted from ../events45/check.py (same checks; a new corpus: "Tablet and Tincture", the
pharmaceuticals and medicines news site of the invented country of Cormantia, 2012-2025 (its news
desk Tablet and Tincture News, its figures desk Tablet and Tincture Supply, its explainer column
Tablet and Tincture Ask the Pharmacist, plus the syndicated agency Cormantian Medical Wire), with
four series of look-alike events (the Health Statistics Office's yearly prescriptions report by
year and region, the Pharmacists' Society's yearly shortage survey by year and category of
medicine, the holders of the office of chief executive of the Medicines Authority, Halbrook
Laboratories' quarterly results by year and quarter), two developing stories updated days apart,
and many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10
sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events46.jsonl with ids ev46-01..ev46-NN.

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

RULES = setcheck.news_site_rules(HERE, "events46.jsonl", "ev46")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

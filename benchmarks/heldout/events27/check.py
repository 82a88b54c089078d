#!/usr/bin/env python3
"""Sanity checks for the held-out "events27" set (standard library + PyYAML).

Adapted from ../events22/check.py (same checks; a new corpus: "Whistle and Turf", the sports
news site of the invented country of Velmantia, 2012-2025 (its news desk Whistle and Turf News,
its business desk Whistle and Turf Business, its explainer column Whistle and Turf Rulebook,
plus the syndicated agency Velmantian Sports Wire), with four series of look-alike events (the
Velmantian Cup finals by year, men's and women's; the Velmantian Football Federation's yearly
attendance report by season and division; the head coaches of the national team; the First
League's transfer spending by year and window), two developing stories updated days apart, and
many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10
sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events27.jsonl with ids ev27-01..ev27-NN.

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

RULES = setcheck.news_site_rules(HERE, "events27.jsonl", "ev27")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

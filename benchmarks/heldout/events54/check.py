#!/usr/bin/env python3
"""Sanity checks for the held-out "events54" set (standard library + PyYAML).

Adapted from ../events53/check.py (same checks; a new corpus: "Gangway and Wake", the ferry and
coastal shipping news site (ferry routes, island services, ports, shipbuilders and crossing
timetables) of the invented country of Nerevia, 2012-2025 (its news desk Gangway and Wake News, its
fares and figures desk Gangway and Wake Fares and Figures, its explainer column Gangway and Wake Ask
the Purser, plus the syndicated agency Nerevian News Link), with four series of look-alike events
(the Ferry Operators' Association's Ferry Passenger Count by year and sea area, the Ferry Passengers'
Council's satisfaction survey by year and category of crossing, the holders of the office of chief
executive of the state ferry company Saltway Ferries, the ferry company Corrow Line's quarterly
figures by year and quarter), two developing stories updated days apart, and many one-off stories;
most articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events54.jsonl with ids FY-01..FY-NN.

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

RULES = setcheck.news_site_rules(HERE, "events54.jsonl", "FY")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

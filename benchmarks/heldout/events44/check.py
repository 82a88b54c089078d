#!/usr/bin/env python3
"""Sanity checks for the held-out "events44" set (standard library + PyYAML).

Adapted from ../events31/check.py (same checks; a new corpus: "Gantry and Orbit", the space
industry news site of the invented country of Sellarne, 2012-2025 (its news desk Gantry and
Orbit News, its figures desk Gantry and Orbit Figures, its explainer column Gantry and Orbit
Explained, plus the syndicated agency Sellarnian Press Agency), with four series of look-alike
events (the Sellarnian Space Office's yearly spending report by year and programme, the Launch
Safety Authority's yearly launch report by year and launch site, the directors general of the
Space Office, the satellite operator Altamer's quarterly results by year and quarter), two
developing stories updated days apart, and many one-off stories; most articles have 4-5
sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is shared with the
other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events44.jsonl with ids ev44-01..ev44-NN.

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

RULES = setcheck.news_site_rules(HERE, "events44.jsonl", "ev44")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

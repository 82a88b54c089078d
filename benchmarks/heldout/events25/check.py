#!/usr/bin/env python3
"""Sanity checks for the held-out "events25" set (standard library + PyYAML).

Adapted from ../events22/check.py (same checks; a new corpus: "Gale and Siren", the weather and
emergency-services news site of the invented country of Halvoria, 2012-2025 (its news desk Gale
and Siren News, its figures desk Gale and Siren Data, its explainer column Gale and Siren Be
Ready, plus the syndicated agency Halvorian Press Wire), with four series of look-alike events
(the Halvoria Weather Agency's yearly climate summary by year and region, the National Fire and
Rescue Service's yearly incident figures by year and type, the chief fire officers of the
National Fire and Rescue Service, the National Emergency Line's quarterly call figures by year
and quarter), two developing stories updated days apart, and many one-off stories; most
articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events25.jsonl with ids ev25-01..ev25-NN.

Not expressed by ../setcheck.py (checked by hand when the set was written): the number of
series articles (24), developing-story articles (5) and one-off articles (66, among them 7
explainers), the number of sources (4), that at least 10 answerable questions per split are
about the one-off stories, that exactly 2 answerable questions per split ask for the latest
figure of a developing story, where the gold sentence stands in its article (8 first
sentence, 8 second or third, 8 fourth or later per split), the weekdays (computed from the
published dates with Python's datetime), and that the remaining answerable questions start
with "Who" or "Which".

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402

RULES = setcheck.news_site_rules(HERE, "events25.jsonl", "ev25")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

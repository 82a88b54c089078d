#!/usr/bin/env python3
"""Sanity checks for the held-out "events56" set (standard library + PyYAML).

Adapted from ../events55/check.py (same checks; a new corpus: "Cable and Mast", the telecoms news
site (undersea cables and their landings, broadband roll-out, mobile masts, outages, spectrum
auctions and regulator decisions) of the invented country of Aldurra, 2012-2025 (its news desk
Cable and Mast News, its business and figures desk Cable and Mast Markets, its explainer column
Cable and Mast Ask the Engineer, plus the syndicated agency Aldurra Wirefeed), with four series of
look-alike events (the Communications Commission's yearly Connected Homes report by year and
region, the Consumers' Council's Telecoms Satisfaction Survey by year and category, the holders of
the office of chief executive of the Communications Commission, Telvara's quarterly results by
year and quarter), two developing stories updated days apart, and many one-off stories; most
articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events56.jsonl with ids TC-01..TC-NN.

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

RULES = setcheck.news_site_rules(HERE, "events56.jsonl", "TC")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

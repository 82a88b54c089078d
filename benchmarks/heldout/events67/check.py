"""Sanity checks for the held-out "events67" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Rope and Ridge", the mountaineering,
climbing and hill-walking news site (mountain rescue callouts, the Alpine Club and its huts, a fell
race, avalanches and glaciers, guides, permits and access rules, climbing gear and climbing walls) of
the invented country of Daravia, 2012-2025 (its news desk Rope and Ridge News, its business desk
Rope and Ridge Business, its explainer column Rope and Ridge Ask the Guide, plus the syndicated agency
Daravian Upland Wire), with four series of look-alike events (the Mountain Rescue Council's yearly
Callout Report by year and mountain area, the Brackfell Round fell race by year and men's or women's
race, the presidents of the Daravian Alpine Club, the gear maker Summitline's quarterly figures by
year and quarter), two developing stories updated days apart, and many one-off stories; most
articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events67.jsonl with ids MH-01..MH-NN.

Not expressed by ../setcheck.py (checked by hand when the set was written): the number of
series articles (24), developing-story articles (5) and one-off articles (66, among them 7
explainers), the number of sources (4), that at least 10 answerable questions per split are
about the one-off stories, that exactly 2 answerable questions per split ask for the latest
figure of a developing story, where the gold sentence stands in its article (8 first
sentence, 8 second or third, 8 fourth or later per split), the weekdays, and that the
remaining answerable questions start with "Who", "Which" or "Where".

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402

RULES = setcheck.news_site_rules(HERE, "events67.jsonl", "MH")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

"""Sanity checks for the held-out "events70" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Dovetail and Drape", the furniture
and interior design trade news site (furniture makers and their federation, upholstery, timber,
showrooms and retailers, design awards, fairs and design weeks, product safety, recalls and labels)
of the invented country of Bressany, 2012-2025 (its news desk Dovetail and Drape News, its figures
desk Dovetail and Drape Market Report, its explainer column Dovetail and Drape Ask the Designer,
plus the syndicated agency Bressanian Trade Bulletin), with four series of look-alike events (the
Furniture Makers' Federation's Output Survey by year and region, the Bressanian Design Awards by
year and category, the presidents of the Furniture Makers' Federation, the furniture maker
Thorncroft's quarterly figures by year and quarter), two developing stories updated days apart,
and many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10
sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events70.jsonl with ids FU-01..FU-NN.

Not expressed by ../setcheck.py (checked by hand when the set was written): the number of
series articles (24), developing-story articles (5) and one-off articles (66, among them 7
explainers), the number of sources (4), that at least 10 answerable questions per split are
about the one-off stories, that exactly 2 answerable questions per split ask for the latest
figure of a developing story, where the gold sentence stands in its article (8 first
sentence, 8 second or third, 8 fourth or later per split), the weekdays, and that the
remaining answerable questions start with "Who" or "Which" (one in blind.yaml with "Where").

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402

RULES = setcheck.news_site_rules(HERE, "events70.jsonl", "FU")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

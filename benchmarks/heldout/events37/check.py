#!/usr/bin/env python3
"""Sanity checks for the held-out "events37" set (standard library + PyYAML).

Adapted from ../events31/check.py (same checks; a new corpus: "Spine and Page", the book
publishing news site of the invented country of Belvora, 2012-2025 (its news desk Spine and Page
News, its figures desk Spine and Page Charts, its explainer column Spine and Page Explains, plus
the syndicated agency Belvora Press Service), with four series of look-alike events (the Library
Council of Belvora's yearly report on library loans by year and region, the Booksellers'
Association's yearly report on bookshop sales by year and category, the holders of the office of
National Librarian, the Belvoran Book Number Agency's quarterly figures on new titles by year and
quarter), two developing stories updated days apart, and many one-off stories; most articles
have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is shared
with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events37.jsonl with ids ev37-01..ev37-NN.

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

RULES = setcheck.news_site_rules(HERE, "events37.jsonl", "ev37")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

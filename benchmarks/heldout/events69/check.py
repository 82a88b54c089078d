"""Sanity checks for the held-out "events69" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Sawdust and Steel", the circus,
fairground and theme park news site (ride safety inspections, travelling fairs and showmen, circus
companies and the circus festival, theme parks and their operator, piers and seaside amusements,
circus schools and hospital clowns) of the invented country of Pavonia, 2012-2025 (its news desk
Sawdust and Steel News, its figures desk Sawdust and Steel Gate Figures, its explainer column
Sawdust and Steel Ask the Showman, plus the syndicated agency Pavonian Bulletin), with four series
of look-alike events (the Ride Safety Inspectorate's yearly Ride Safety Report by year and region,
the Lissenby International Circus Festival's prizes by year and category, the presidents of the
Pavonian Showmen's Guild, the theme park operator Pennyfeather Parks' quarterly figures by year and
quarter), two developing stories updated days apart, and many one-off stories; most articles have
4-5 sentences, 15 are longer pieces of 8-9 sentences); the checking logic is shared with the other
sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events69.jsonl with ids CF-01..CF-NN.

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

RULES = setcheck.news_site_rules(HERE, "events69.jsonl", "CF")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

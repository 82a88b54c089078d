"""Sanity checks for the held-out "events57" set (standard library + PyYAML).

Adapted from ../events55/check.py (same checks; a new corpus: "Silks and Furlong", the horse racing
and equestrian news site (race meetings, jockeys and trainers, stud farms and bloodstock sales,
prize money and betting, racecourse openings and closures, racing authority rulings, show jumping)
of the invented country of Dorrenza, 2012-2025 (its news desk Silks and Furlong News, its figures
desk Silks and Furlong Racing Business, its explainer column Silks and Furlong Ask the Starter, plus
the syndicated agency Dorrenza Racewire), with four series of look-alike events (the Racing
Authority's yearly Annual Racing Figures by year and region, Derby Day at Ashcarrow Park by year and
race (the Derby and the Oaks), the holders of the office of Senior Steward of the Racing Authority,
the pool betting company Stakewell's quarterly figures by year and quarter), two developing stories
updated days apart, and many one-off stories; most articles have 4-5 sentences, 13-20 are longer
pieces of 8-10 sentences); the checking logic is shared with the other sets in ../setcheck.py, and
this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events57.jsonl with ids HR-01..HR-NN.

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

RULES = setcheck.news_site_rules(HERE, "events57.jsonl", "HR")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

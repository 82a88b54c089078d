"""Sanity checks for the held-out "events63" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Dice and Dolly", the toy and
board-game industry news site (toy makers and their figures, board game publishers and designers,
a yearly games prize, the toy trade fair, toy safety rules, recalls and inspections, shops and
cafes, crowdfunding, counterfeits and crafts) of the invented country of Grellany, 2012-2025 (its
news desk Dice and Dolly News, its figures desk Dice and Dolly Trade Figures, its explainer column
Dice and Dolly Playroom Questions, plus the syndicated agency Grellanian Trade Wire), with four
series of look-alike events (the Toymakers' Guild's yearly Toy Sales Survey by year and category,
the Spinner Awards by year and category, the chairs of the Grellanian Toymakers' Guild, the toy
maker Paxley Toys' quarterly figures by year and quarter), two developing stories updated days
apart, and many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of
8-10 sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events63.jsonl with ids TG-01..TG-NN.

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

RULES = setcheck.news_site_rules(HERE, "events63.jsonl", "TG")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

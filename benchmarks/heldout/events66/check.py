"""Sanity checks for the held-out "events66" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Loupe and Bezel", the jewellery and
watchmaking trade news site (jewellers and their Christmas sales, design awards, the watchmakers'
federation and its presidents, a watchmaker's quarterly figures, hallmarking and the Assay Office,
gold prices and duties, thefts and fakes, pearls, laboratory-grown diamonds and a reopened gold
mine) of the invented country of Istrenna, 2012-2025 (its news desk Loupe and Bezel News, its
figures desk Loupe and Bezel Figures, its explainer column Loupe and Bezel Ask the Jeweller, plus
the syndicated agency Istrennan Business Service), with four series of look-alike events (the
Istrennan Jewellers' Guild's yearly Christmas Trading Survey by year and region, the Anvil Awards by
year and category, the presidents of the Istrennan Watchmakers' Federation, the watchmaker
Veyrac's quarterly figures by year and quarter), two developing stories updated days apart, and
many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10
sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events66.jsonl with ids JW-01..JW-NN.

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

RULES = setcheck.news_site_rules(HERE, "events66.jsonl", "JW")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

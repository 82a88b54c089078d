"""Sanity checks for the held-out "events59" set (standard library + PyYAML).

Adapted from ../events57/check.py (same checks; a new corpus: "Hive and Comb", the beekeeping and
honey news site (honey harvests, hive losses and bee diseases, the beekeepers' association and its
officers, honey prices and adulteration cases, pollination contracts, apiary inspections, hornets
and pests) of the invented country of Tiralda, 2012-2025 (its news desk Hive and Comb News, its
figures desk Hive and Comb Honey Market, its explainer column Hive and Comb Ask the Beekeeper, plus
the syndicated agency Tiraldan Country Wire), with four series of look-alike events (the Bee Health
Service's yearly Winter Loss Survey by year and region, the Beekeepers' Association's yearly Honey
Crop Survey by year and kind of honey, the presidents of the Tiraldan Beekeepers' Association, the
honey packer Goldcomb's quarterly figures by year and quarter), two developing stories updated
days apart, and many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of
8-10 sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events59.jsonl with ids BK-01..BK-NN.

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

RULES = setcheck.news_site_rules(HERE, "events59.jsonl", "BK")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

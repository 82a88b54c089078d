"""Sanity checks for the held-out "events60" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Kiln and Crucible", the glass and
ceramics trade news site (glassworks and potteries, the craft council and its officers, kiln and
furnace energy costs, apprenticeships, exhibitions and prizes, exports and factory closures) of
the invented country of Eskarra, 2012-2025 (its news desk Kiln and Crucible News, its figures desk
Kiln and Crucible Markets, its explainer column Kiln and Crucible Ask the Maker, plus the
syndicated agency Eskarran Industry Wire), with four series of look-alike events (the Craft
Council's Makers' Census by year and region, the Glass and Ceramics Federation's yearly Export
Survey by year and category, the chairs of the Eskarran Craft Council, the container glass maker
Vantrey Glass's quarterly figures by year and quarter), two developing stories updated days apart,
and many one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10
sentences); the checking logic is shared with the other sets in ../setcheck.py, and this file
states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events60.jsonl with ids GW-01..GW-NN.

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

RULES = setcheck.news_site_rules(HERE, "events60.jsonl", "GW")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

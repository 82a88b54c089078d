"""Sanity checks for the held-out "events64" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Trowel and Bloom", the gardening
and horticulture news site (allotments and their waiting lists, a flower show and its prizes, the
horticultural society and its presidents, garden centres and nurseries, plant diseases and pests,
peat and compost, botanic gardens, trees, seeds and bulbs) of the invented country of Pelmora,
2012-2025 (its news desk Trowel and Bloom News, its figures desk Trowel and Bloom Trade, its
explainer column Trowel and Bloom Ask the Gardener, plus the syndicated agency Pelmoran Newsfeed),
with four series of look-alike events (the National Allotment Federation's yearly waiting list
census by year and region, the Kestwick Flower Show's prizes by year and category, the presidents
of the Pelmoran Horticultural Society, the garden centre chain Fernleigh's quarterly figures by
year and quarter), two developing stories updated days apart, and many one-off stories; most
articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events64.jsonl with ids HG-01..HG-NN.

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

RULES = setcheck.news_site_rules(HERE, "events64.jsonl", "HG")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

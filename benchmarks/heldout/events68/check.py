"""Sanity checks for the held-out "events68" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Scent and Lather", the perfume,
cosmetics and toiletries trade news site (product safety checks, perfume prizes, the cosmetics
makers' federation and its presidents, a cosmetics maker's quarterly figures, recalls, labels and
bans, flower growers and their oils, soap makers, pharmacies and refill start-ups) of the invented
country of Orvalia, 2012-2025 (its news desk Scent and Lather News, its figures desk Scent and
Lather Market Data, its explainer column Scent and Lather Ask the Chemist, plus the syndicated
agency Orvalian Commerce Line), with four series of look-alike events (the Cosmetic Safety
Office's yearly Product Check by year and kind of product, the Flacon Prize by year and category,
the presidents of the Orvalian Cosmetics Federation, the cosmetics maker Velune's quarterly
figures by year and quarter), two developing stories updated days apart, and many one-off
stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the
checking logic is shared with the other sets in ../setcheck.py, and this file states the rules
of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events68.jsonl with ids PC-01..PC-NN.

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

RULES = setcheck.news_site_rules(HERE, "events68.jsonl", "PC")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

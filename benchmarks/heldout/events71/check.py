"""Sanity checks for the held-out "events71" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Ream and Carton", the printing,
paper and packaging news site (paper mills and pulp prices, printers and newspaper presses, box and
carton makers, packaging recycling and the packaging levy, the printers' federation and its
officers, the print workers' union, awards, fires, spills and court cases) of the invented country
of Norvaska, 2012-2025 (its news desk Ream and Carton News, its figures desk Ream and Carton
Markets, its explainer column Ream and Carton Ask the Printer, plus the syndicated agency
Norvaskan Commerce Service), with four series of look-alike events (the Packaging Recovery
Office's yearly Recovery Report by year and region, the Imprint Awards by year and category, the
presidents of the Print and Paper Federation, the box maker Stannock Board's quarterly figures by
year and quarter), two developing stories updated days apart, and many one-off stories; most
articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is
shared with the other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events71.jsonl with ids PR-01..PR-NN.

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

RULES = setcheck.news_site_rules(HERE, "events71.jsonl", "PR")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

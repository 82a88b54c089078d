#!/usr/bin/env python3
"""Sanity checks for the held-out "events20" set (standard library + PyYAML).

Adapted from ../events19/check.py (same checks; a new corpus: "Watt and Water", the energy and
environment news site of the invented country of Sorvenna, 2012-2025 (its news desk Watt and
Water News, its bills and prices desk Watt and Water Bills and Prices, its explainer column Watt
and Water Your Questions, plus the syndicated agency Sorvennan Press Wire), with four series of
look-alike events (the Energy Regulation Office's yearly household price caps by year, fuel and
household type, Sorvenna Grid's annual report of the renewable share by year and source, the
chief regulators of the Energy Regulation Office, the National Environment Agency's yearly state
of the rivers report by year and river), two developing stories updated days apart, and many
one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences);
the checking logic is shared with the other sets in ../setcheck.py, and this file states the
rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events20.jsonl with ids ev20-01..ev20-NN.

Not expressed by ../setcheck.py (checked by hand when the set was written): the number of
series articles (24), developing-story articles (5) and one-off articles (66), the number of
sources (4), that at least 10 answerable questions per split are about the one-off stories,
that exactly 2 answerable questions per split ask for the latest figure of a developing
story, where the gold sentence stands in its article (8 first sentence, 8 second or third,
8 fourth or later per split), the weekdays, and that the remaining answerable questions start
with "Who" or "Which".

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # for ../setcheck.py
import setcheck  # noqa: E402

RULES = setcheck.news_site_rules(HERE, "events20.jsonl", "ev20")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

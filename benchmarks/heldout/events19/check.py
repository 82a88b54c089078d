#!/usr/bin/env python3
"""Sanity checks for the held-out "events19" set (standard library + PyYAML).

Adapted from ../events18/check.py (same checks; a new corpus: "Waymark", the transport news site
of the invented country of Kelvany, 2012-2025 (its news desk Waymark News, its travel and fares
desk Waymark Fares and Travel, its explainer column Waymark Reader Questions, plus the syndicated
agency Kelvanian News Exchange), with four series of look-alike events (Dunmarrow Airport's
annual passenger figures by year and terminal, the Road Safety Council's annual road deaths
report by year and road type, the chief executives of the national railway company Kelvany Rail,
the Dunmarrow Transit Authority's yearly tram and bus fare decisions by year and rate), two
developing stories updated days apart, and many one-off stories; most articles have 4-5
sentences, 13-20 are longer pieces of 8-10 sentences); the checking logic is shared with the
other sets in ../setcheck.py, and this file states the rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events19.jsonl with ids ev19-01..ev19-NN.

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

RULES = setcheck.news_site_rules(HERE, "events19.jsonl", "ev19")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

"""Sanity checks for the held-out "events62" set (standard library + PyYAML).

Adapted from ../events59/check.py (same checks; a new corpus: "Collar and Clinic", the veterinary
practice and pet care news site (vet practices and their chains, vets and veterinary nurses, pet
ownership, pet food, pet insurance, animal welfare charities and shelters, animal diseases, the
chief veterinary officer and the ministry, the veterinary association and its officers) of the
invented country of Saverna, 2012-2025 (its news desk Collar and Clinic News, its business desk
Collar and Clinic Business, its explainer column Collar and Clinic Ask the Vet, plus the
syndicated agency Savernan Press Link), with four series of look-alike events (the Pet Food
Federation's yearly Pet Census by year and species, the Savernan Veterinary Awards by year and
category, the presidents of the Savernan Veterinary Association, the Hartwood Veterinary Group's
quarterly figures by year and quarter), two developing stories updated days apart, and many
one-off stories; most articles have 4-5 sentences, 13-20 are longer pieces of 8-10 sentences);
the checking logic is shared with the other sets in ../setcheck.py, and this file states the
rules of this set.
Checks: those of `setcheck.news_site_rules` (../setcheck.py, its docstring lists them), on
corpus/events62.jsonl with ids VP-01..VP-NN.

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

RULES = setcheck.news_site_rules(HERE, "events62.jsonl", "VP")

if __name__ == "__main__":
    sys.exit(setcheck.main(RULES))

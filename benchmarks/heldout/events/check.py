#!/usr/bin/env python3
"""Sanity checks for the held-out "events" set (self-contained; standard library + PyYAML).

Checks:
  * corpus/events.jsonl: required keys, unique ids, ISO dates, article/sentence counts;
  * every case has a question; answerable cases have evidence + key_facts,
    unanswerable ones (answerable: false) have neither;
  * every evidence snippet is a verbatim substring of at least one article text and lies
    inside a single sentence (naive splitter); reports snippets that occur in >1 article;
  * every key_fact (plain string) occurs in the sentence holding the evidence, or at least
    in that article's text/title ("/regex/" key facts are matched as regexes);
  * evidence length 5-12 words (warning only);
  * no question is repeated across dev.yaml and blind.yaml.

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import datetime
import json
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required (pip install pyyaml, or use an interpreter that has it)")

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus", "events.jsonl")
CASE_FILES = ["dev.yaml", "blind.yaml"]
KEYS = {"id", "title", "text", "published", "source", "url"}
QWORDS = ("who", "what", "when", "where", "which", "how", "why", "is", "are", "was",
          "were", "did", "does", "do", "can", "could")


def split_sentences(text):
    out = []
    for para in text.split("\n\n"):
        # split after . ! ? followed by whitespace and a capital/quote/digit
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9'\"])", para.strip())
        out.extend(p.strip() for p in parts if p.strip())
    return out


def load_corpus():
    errors, arts = [], []
    with open(CORPUS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            a = json.loads(line)
            if set(a) != KEYS:
                errors.append(f"corpus line {n}: keys {sorted(a)}")
            try:
                datetime.date.fromisoformat(a["published"])
            except Exception:
                errors.append(f"corpus line {n}: bad date {a.get('published')}")
            arts.append(a)
    ids = [a["id"] for a in arts]
    if len(ids) != len(set(ids)):
        errors.append("duplicate article ids")
    return arts, errors


def kf_match(kf, text):
    if len(kf) > 2 and kf.startswith("/") and kf.endswith("/"):
        return re.search(kf[1:-1], text) is not None
    return kf in text


def main():
    counts_only = "--counts" in sys.argv
    arts, errors = load_corpus()
    warnings = []
    sents = {a["id"]: split_sentences(a["text"]) for a in arts}
    n_sent = sum(len(s) for s in sents.values())
    print(f"corpus: {len(arts)} articles, ~{n_sent} sentences "
          f"(min {min(len(s) for s in sents.values())}, max {max(len(s) for s in sents.values())} per article)")
    for aid, ss in sents.items():
        if not 6 <= len(ss) <= 12:
            warnings.append(f"article {aid}: {len(ss)} sentences (outside 6-12)")

    seen_q = {}
    for cf in CASE_FILES:
        data = yaml.safe_load(open(os.path.join(HERE, cf), encoding="utf-8"))
        cases = data["cases"]
        c = {"answerable": 0, "unanswerable": 0, "answerable_keyword": 0, "unanswerable_keyword": 0}
        for i, case in enumerate(cases):
            q = case.get("question", "")
            tag = f"{cf}#{i + 1} {q!r}"
            if not q:
                errors.append(f"{tag}: no question")
            if q in seen_q:
                errors.append(f"{tag}: duplicate of {seen_q[q]}")
            seen_q[q] = tag
            keyword = not q.rstrip().endswith("?") and q.split()[0].lower() not in QWORDS
            if case.get("answerable", True) is False:
                c["unanswerable"] += 1
                c["unanswerable_keyword"] += keyword
                if case.get("evidence") or case.get("key_facts"):
                    errors.append(f"{tag}: unanswerable case with evidence/key_facts")
                continue
            c["answerable"] += 1
            c["answerable_keyword"] += keyword
            ev = case.get("evidence") or []
            kfs = case.get("key_facts") or []
            if not ev or not kfs:
                errors.append(f"{tag}: answerable case needs evidence and key_facts")
                continue
            for snip in ev:
                nw = len(snip.split())
                if not 5 <= nw <= 12:
                    warnings.append(f"{tag}: evidence has {nw} words")
                hits = [a for a in arts if snip in a["text"]]
                if not hits:
                    errors.append(f"{tag}: evidence not found: {snip!r}")
                    continue
                if len(hits) > 1:
                    warnings.append(f"{tag}: evidence in {len(hits)} articles: {[a['id'] for a in hits]}")
                for a in hits:
                    holding = [s for s in sents[a["id"]] if snip in s]
                    if not holding:
                        errors.append(f"{tag}: evidence spans a sentence boundary in {a['id']}")
                        continue
                    for kf in kfs:
                        if any(kf_match(kf, s) for s in holding):
                            continue
                        if kf_match(kf, a["text"]) or kf_match(kf, a["title"]):
                            warnings.append(f"{tag}: key fact {kf!r} in article {a['id']} but not in the evidence sentence")
                        else:
                            errors.append(f"{tag}: key fact {kf!r} not in article {a['id']}")
        print(f"{cf}: {len(cases)} cases: {c['answerable']} answerable "
              f"({c['answerable_keyword']} keyword queries), {c['unanswerable']} unanswerable "
              f"({c['unanswerable_keyword']} keyword queries)")

    if not counts_only:
        for w in warnings:
            print("WARNING:", w)
        for e in errors:
            print("ERROR:", e)
        print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

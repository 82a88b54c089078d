#!/usr/bin/env python3
"""Sanity checks for the held-out "events3" set (self-contained; standard library + PyYAML).

Adapted from ../events2/check.py. Checks:
  * corpus/events3.jsonl: required keys, ids ev3-01..ev3-NN in order, unique urls, ISO dates
    (2010-2025), example-news.test urls, 44-50 articles, 6-10 sentences per article (naive
    splitter), every sentence ends with ".";
  * dev.yaml and blind.yaml: ids unique and named dev-01..dev-40 / blind-01..blind-40; every
    case has a question; no question repeated (within or across splits); answerable cases
    have evidence + key_facts, unanswerable ones (answerable: false) have neither;
  * every evidence snippet is a verbatim substring of exactly ONE sentence of exactly ONE
    article (error otherwise);
  * every key_fact (plain string, or "/regex/") occurs in the sentence holding the evidence
    (error otherwise) and, preferably, in the snippet itself (warning otherwise);
  * evidence length 5-12 words (warning only);
  * counts per split: 40 cases = 24 answerable (6 keyword queries) + 16 unanswerable
    (3 keyword queries); at least 4 answerable "How many/How much" and 4 "When" questions;
    from the YAML comment above each case: 3 "CURRENT holder" (at least one a keyword
    query) + 1 "FORMER holder" among the answerable, 15 "Near-miss" + 1 "OFF-TOPIC" among the
    unanswerable;
  * dev and blind ask about different facts: no evidence sentence is used by both splits.

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
CORPUS = os.path.join(HERE, "corpus", "events3.jsonl")
CASE_FILES = ["dev.yaml", "blind.yaml"]
KEYS = {"id", "title", "text", "published", "source", "url"}
QWORDS = ("who", "what", "when", "where", "which", "how", "why", "is", "are", "was",
          "were", "did", "does", "do", "can", "could", "in", "by")
EXPECTED = {"total": 40, "answerable": 24, "answerable_keyword": 6,
            "unanswerable": 16, "unanswerable_keyword": 3}
N_ARTICLES = (44, 50)
DATE_RANGE = (datetime.date(2010, 1, 1), datetime.date(2025, 12, 31))
MIN_HOW, MIN_WHEN = 4, 4
N_SENTENCES = (6, 10)


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
                d = datetime.date.fromisoformat(a["published"])
                if not DATE_RANGE[0] <= d <= DATE_RANGE[1]:
                    errors.append(f"corpus line {n}: date {d} outside {DATE_RANGE}")
            except Exception:
                errors.append(f"corpus line {n}: bad date {a.get('published')}")
            if a.get("id") != f"ev3-{n:02d}":
                errors.append(f"corpus line {n}: id {a.get('id')!r}, expected ev3-{n:02d}")
            if not str(a.get("url", "")).startswith("https://example-news.test/"):
                errors.append(f"corpus line {n}: url not on example-news.test")
            arts.append(a)
    ids = [a["id"] for a in arts]
    if len(ids) != len(set(ids)):
        errors.append("duplicate article ids")
    urls = [a["url"] for a in arts]
    if len(urls) != len(set(urls)):
        errors.append("duplicate article urls")
    return arts, errors


def kf_match(kf, text):
    if len(kf) > 2 and kf.startswith("/") and kf.endswith("/"):
        return re.search(kf[1:-1], text) is not None
    return kf in text


def case_comments(path):
    """Map case id -> text of the comment lines directly above its '- id:' line."""
    out, buf = {}, []
    for line in open(path, encoding="utf-8"):
        t = line.strip()
        if t.startswith("#"):
            buf.append(t)
        elif t.startswith("- id:"):
            out[t.split(":", 1)[1].strip()] = " ".join(buf)
            buf = []
        elif t:
            buf = []
    return out


def main():
    counts_only = "--counts" in sys.argv
    arts, errors = load_corpus()
    warnings = []
    sents = {a["id"]: split_sentences(a["text"]) for a in arts}
    n_sent = sum(len(s) for s in sents.values())
    print(f"corpus: {len(arts)} articles, {n_sent} sentences "
          f"(min {min(len(s) for s in sents.values())}, max {max(len(s) for s in sents.values())} per article)")
    if not N_ARTICLES[0] <= len(arts) <= N_ARTICLES[1]:
        errors.append(f"corpus has {len(arts)} articles (expected {N_ARTICLES[0]}-{N_ARTICLES[1]})")
    for aid, ss in sents.items():
        if not N_SENTENCES[0] <= len(ss) <= N_SENTENCES[1]:
            errors.append(f"article {aid}: {len(ss)} sentences (outside {N_SENTENCES[0]}-{N_SENTENCES[1]})")
        for s_ in ss:
            if not s_.endswith("."):
                errors.append(f"article {aid}: sentence does not end with '.': {s_!r}")

    seen_q, seen_id = {}, {}
    used_sents = {}
    for cf in CASE_FILES:
        comments = case_comments(os.path.join(HERE, cf))
        used_sents[cf] = set()
        data = yaml.safe_load(open(os.path.join(HERE, cf), encoding="utf-8"))
        cases = data["cases"]
        prefix = os.path.splitext(cf)[0]
        c = {"answerable": 0, "unanswerable": 0, "answerable_keyword": 0, "unanswerable_keyword": 0}
        t = {"how": 0, "when": 0, "current": 0, "current_keyword": 0, "former": 0,
             "near_miss": 0, "off_topic": 0}
        for i, case in enumerate(cases):
            q = case.get("question", "")
            cid = case.get("id")
            tag = f"{cf}#{i + 1} {cid} {q!r}"
            if cid != f"{prefix}-{i + 1:02d}":
                errors.append(f"{tag}: id should be {prefix}-{i + 1:02d}")
            if cid in seen_id:
                errors.append(f"{tag}: duplicate id (also {seen_id[cid]})")
            seen_id[cid] = tag
            if not q:
                errors.append(f"{tag}: no question")
            if q in seen_q:
                errors.append(f"{tag}: duplicate of {seen_q[q]}")
            seen_q[q] = tag
            keyword = bool(q) and not q.rstrip().endswith("?") and q.split()[0].lower() not in QWORDS
            com = comments.get(cid, "")
            if not com:
                errors.append(f"{tag}: no YAML comment above the case")
            if case.get("answerable", True) is False:
                t["near_miss"] += "Near-miss" in com
                t["off_topic"] += "OFF-TOPIC" in com
                if "holder" in com:
                    errors.append(f"{tag}: holder tag on an unanswerable case")
                c["unanswerable"] += 1
                c["unanswerable_keyword"] += keyword
                if case.get("evidence") or case.get("key_facts"):
                    errors.append(f"{tag}: unanswerable case with evidence/key_facts")
                continue
            c["answerable"] += 1
            c["answerable_keyword"] += keyword
            t["how"] += bool(re.match(r"how (many|much)\b", q, re.I))
            t["when"] += bool(re.match(r"when\b", q, re.I))
            t["current"] += "CURRENT holder" in com
            t["current_keyword"] += "CURRENT holder" in com and keyword
            t["former"] += "FORMER holder" in com
            if "Near-miss" in com or "OFF-TOPIC" in com:
                errors.append(f"{tag}: unanswerable tag on an answerable case")
            ev = case.get("evidence") or []
            kfs = case.get("key_facts") or []
            if not ev or not kfs:
                errors.append(f"{tag}: answerable case needs evidence and key_facts")
                continue
            holding_all = []
            for snip in ev:
                nw = len(snip.split())
                if not 5 <= nw <= 12:
                    warnings.append(f"{tag}: evidence has {nw} words")
                hits = [(a["id"], s) for a in arts for s in sents[a["id"]] if snip in s]
                if not hits:
                    if any(snip in a["text"] for a in arts):
                        errors.append(f"{tag}: evidence spans a sentence boundary: {snip!r}")
                    else:
                        errors.append(f"{tag}: evidence not found: {snip!r}")
                    continue
                if len(hits) > 1:
                    errors.append(f"{tag}: evidence in {len(hits)} sentences: {[h[0] for h in hits]}")
                holding_all.extend(h[1] for h in hits)
                used_sents[cf].update(h[1] for h in hits)
            if not holding_all:
                continue
            for kf in kfs:
                if not any(kf_match(kf, s) for s in holding_all):
                    errors.append(f"{tag}: key fact {kf!r} not in the evidence sentence")
                elif not any(kf_match(kf, snip) for snip in ev):
                    warnings.append(f"{tag}: key fact {kf!r} in the evidence sentence but not in the snippet")
        total = c["answerable"] + c["unanswerable"]
        print(f"{cf}: {total} cases: {c['answerable']} answerable "
              f"({c['answerable_keyword']} keyword queries), {c['unanswerable']} unanswerable "
              f"({c['unanswerable_keyword']} keyword queries)")
        print(f"  {t['how']} how-many/how-much and {t['when']} when questions (answerable); "
              f"{t['current']} current-holder ({t['current_keyword']} keyword) + {t['former']} former-holder; "
              f"{t['near_miss']} near-misses + {t['off_topic']} off-topic")
        got = dict(c, total=total)
        for k, v in EXPECTED.items():
            if got[k] != v:
                errors.append(f"{cf}: {k} = {got[k]}, expected {v}")
        if t["how"] < MIN_HOW:
            errors.append(f"{cf}: only {t['how']} how-many/how-much questions (need {MIN_HOW})")
        if t["when"] < MIN_WHEN:
            errors.append(f"{cf}: only {t['when']} when questions (need {MIN_WHEN})")
        for k, v in {"current": 3, "former": 1, "near_miss": 15, "off_topic": 1}.items():
            if t[k] != v:
                errors.append(f"{cf}: {k} = {t[k]}, expected {v}")
        if t["current_keyword"] < 1:
            errors.append(f"{cf}: no current-holder keyword query")

    shared = used_sents[CASE_FILES[0]] & used_sents[CASE_FILES[1]]
    for s_ in sorted(shared):
        errors.append(f"evidence sentence used by both {CASE_FILES[0]} and {CASE_FILES[1]}: {s_!r}")

    if not counts_only:
        for w in warnings:
            print("WARNING:", w)
        for e in errors:
            print("ERROR:", e)
        print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

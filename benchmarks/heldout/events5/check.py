#!/usr/bin/env python3
"""Sanity checks for the held-out "events5" set (self-contained; standard library + PyYAML).

Adapted from ../events4/check.py (same checks; the question-type counts are now ranges). Checks:
  * corpus/events5.jsonl: required keys, ids ev5-01..ev5-NN in order, unique urls, ISO dates
    (2010-2025), example-news.test urls, 44-50 articles, 6-14 sentences per article (naive
    splitter, which never splits at a dot between two digits), 6-8 "day-to-day" articles of
    10 or more sentences, every sentence ends with "." and has 8-40 words, no abbreviations
    with dots (Mr., Dr., No., U.S., e.g., ...);
  * dev.yaml and blind.yaml: ids unique and named dev-01..dev-40 / blind-01..blind-40; every
    case has a question; no question repeated (within or across splits); answerable cases
    have evidence + key_facts, unanswerable ones (answerable: false) have neither;
  * every evidence snippet is a verbatim substring of exactly ONE sentence of exactly ONE
    article (error otherwise);
  * every key_fact (plain string, or "/regex/") occurs in the sentence holding the evidence
    (error otherwise) and, preferably, in the snippet itself (warning otherwise);
  * evidence length 5-12 words (warning only);
  * counts per split: 40 cases = 24 answerable (6 keyword queries) + 16 unanswerable
    (3 keyword queries); among the answerable 5-8 "How many/How much", 4-5 "When" and
    3-4 "What" questions;
    from the YAML comment above each case: 3 "CURRENT holder" (at least one a keyword
    query) + 1 "FORMER holder" among the answerable, 15 "Near-miss" + 1 "OFF-TOPIC" among the
    unanswerable;
  * paraphrase: at least a third of the answerable questions of each split share no more
    than half of their content words with the evidence sentence (content words = lower-cased
    alphanumeric tokens minus a stop-word list, a final "s" dropped; two words match if equal
    or if both have 5+ characters and share the first 5);
  * dev and blind ask about different facts: no evidence sentence is used by both splits.

Usage: python3 check.py            (exit code 1 on errors)
       python3 check.py --counts   (only print counts)
"""
import datetime
import json
import math
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required (pip install pyyaml, or use an interpreter that has it)")

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus", "events5.jsonl")
PREFIX = "ev5"
CASE_FILES = ["dev.yaml", "blind.yaml"]
KEYS = {"id", "title", "text", "published", "source", "url"}
QWORDS = ("who", "what", "when", "where", "which", "how", "why", "is", "are", "was",
          "were", "did", "does", "do", "can", "could", "in", "by")
EXPECTED = {"total": 40, "answerable": 24, "answerable_keyword": 6,
            "unanswerable": 16, "unanswerable_keyword": 3}
N_ARTICLES = (44, 50)
DATE_RANGE = (datetime.date(2010, 1, 1), datetime.date(2025, 12, 31))
HOW_RANGE, WHEN_RANGE, WHAT_RANGE = (5, 8), (4, 5), (3, 4)
N_SENTENCES = (6, 14)
LONG_ARTICLE = 10          # an article with this many sentences or more counts as "day-to-day"
N_LONG = (6, 8)
SENT_WORDS = (8, 40)
MAX_OVERLAP = 0.5          # "low-overlap" question: at most this share of content words in the sentence
MIN_LOW_OVERLAP_SHARE = 1 / 3
ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Jr|Sr|Prof|Gen|Gov|Sen|Rep|Inc|Ltd|Co|Corp|"
                    r"vs|etc|approx|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec)\.|\b[A-Za-z]\.[A-Za-z]\.")
STOP = set("""
a an the of in on at to for from by with about into over under after before during since until
and or but nor so yet as than then that this these those there here it its it's they them their
he him his she her we us our you your i me my who whom whose what which when where why how
is are was were be been being am do does did done has have had having will would shall should
can could may might must not no yes if whether also only just still now today currently current
s new one per any all some each every much many more most other such very did get got go went
up out off down again further once same own too both few
""".split())
DIGIT_DOT = "\u2024"       # placeholder for a dot between two digits (one dot leader)


def split_sentences(text):
    out = []
    for para in text.split("\n\n"):
        p = re.sub(r"(?<=\d)\.(?=\d)", DIGIT_DOT, para.strip())
        # split after . ! ? followed by whitespace and a capital/quote/digit
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9'\"])", p)
        out.extend(q.strip().replace(DIGIT_DOT, ".") for q in parts if q.strip())
    return out


def content_words(text):
    out = []
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if w in STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]     # crude plural folding: votes -> vote
        out.append(w)
    return out


def word_match(a, b):
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def overlap(question, sentence):
    qw = set(content_words(question))
    sw = set(content_words(sentence))
    if not qw:
        return 1.0
    return sum(any(word_match(q, s) for s in sw) for q in qw) / len(qw)


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
            if a.get("id") != f"{PREFIX}-{n:02d}":
                errors.append(f"corpus line {n}: id {a.get('id')!r}, expected {PREFIX}-{n:02d}")
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
    lens = [len(s_.split()) for ss in sents.values() for s_ in ss]
    n_long = sum(len(s) >= LONG_ARTICLE for s in sents.values())
    n_quote = sum('"' in s_ for ss in sents.values() for s_ in ss)
    print(f"corpus: {len(arts)} articles, {n_sent} sentences "
          f"(min {min(len(s) for s in sents.values())}, max {max(len(s) for s in sents.values())} per article; "
          f"{n_long} articles with {LONG_ARTICLE}+ sentences); "
          f"sentence length {min(lens)}-{max(lens)} words (mean {sum(lens) / len(lens):.1f}); "
          f"{n_quote} sentences with a direct quote")
    if not N_ARTICLES[0] <= len(arts) <= N_ARTICLES[1]:
        errors.append(f"corpus has {len(arts)} articles (expected {N_ARTICLES[0]}-{N_ARTICLES[1]})")
    if not N_LONG[0] <= n_long <= N_LONG[1]:
        errors.append(f"{n_long} articles with {LONG_ARTICLE}+ sentences (expected {N_LONG[0]}-{N_LONG[1]})")
    for a in arts:
        if ABBREV.search(a["title"]) or "." in re.sub(r"(?<=\d)\.(?=\d)", "", a["title"]):
            errors.append(f"article {a['id']}: dot or abbreviation in title {a['title']!r}")
    for aid, ss in sents.items():
        if not N_SENTENCES[0] <= len(ss) <= N_SENTENCES[1]:
            errors.append(f"article {aid}: {len(ss)} sentences (outside {N_SENTENCES[0]}-{N_SENTENCES[1]})")
        for s_ in ss:
            if not s_.endswith("."):
                errors.append(f"article {aid}: sentence does not end with '.': {s_!r}")
            nw = len(s_.split())
            if not SENT_WORDS[0] <= nw <= SENT_WORDS[1]:
                errors.append(f"article {aid}: sentence of {nw} words (outside {SENT_WORDS}): {s_!r}")
            m = ABBREV.search(s_)
            if m:
                errors.append(f"article {aid}: abbreviation {m.group(0)!r} in {s_!r}")

    seen_q, seen_id = {}, {}
    used_sents = {}
    for cf in CASE_FILES:
        comments = case_comments(os.path.join(HERE, cf))
        used_sents[cf] = set()
        data = yaml.safe_load(open(os.path.join(HERE, cf), encoding="utf-8"))
        cases = data["cases"]
        prefix = os.path.splitext(cf)[0]
        c = {"answerable": 0, "unanswerable": 0, "answerable_keyword": 0, "unanswerable_keyword": 0}
        t = {"how": 0, "when": 0, "what": 0, "current": 0, "current_keyword": 0, "former": 0,
             "near_miss": 0, "off_topic": 0, "low_overlap": 0}
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
            t["what"] += bool(re.match(r"what\b", q, re.I))
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
            t["low_overlap"] += overlap(q, " ".join(holding_all)) <= MAX_OVERLAP
            for kf in kfs:
                if not any(kf_match(kf, s) for s in holding_all):
                    errors.append(f"{tag}: key fact {kf!r} not in the evidence sentence")
                elif not any(kf_match(kf, snip) for snip in ev):
                    warnings.append(f"{tag}: key fact {kf!r} in the evidence sentence but not in the snippet")
        total = c["answerable"] + c["unanswerable"]
        print(f"{cf}: {total} cases: {c['answerable']} answerable "
              f"({c['answerable_keyword']} keyword queries), {c['unanswerable']} unanswerable "
              f"({c['unanswerable_keyword']} keyword queries)")
        print(f"  {t['how']} how-many/how-much, {t['when']} when and {t['what']} what questions (answerable); "
              f"{t['current']} current-holder ({t['current_keyword']} keyword) + {t['former']} former-holder; "
              f"{t['near_miss']} near-misses + {t['off_topic']} off-topic; "
              f"{t['low_overlap']} answerable questions share <= {MAX_OVERLAP:.0%} of their content words "
              f"with the evidence sentence")
        got = dict(c, total=total)
        for k, v in EXPECTED.items():
            if got[k] != v:
                errors.append(f"{cf}: {k} = {got[k]}, expected {v}")
        for k, (lo, hi) in {"how": HOW_RANGE, "when": WHEN_RANGE, "what": WHAT_RANGE}.items():
            if not lo <= t[k] <= hi:
                errors.append(f"{cf}: {t[k]} answerable {k} questions (need {lo}-{hi})")
        for k, v in {"current": 3, "former": 1, "near_miss": 15, "off_topic": 1}.items():
            if t[k] != v:
                errors.append(f"{cf}: {k} = {t[k]}, expected {v}")
        if t["current_keyword"] < 1:
            errors.append(f"{cf}: no current-holder keyword query")
        need_low = math.ceil(c["answerable"] * MIN_LOW_OVERLAP_SHARE)
        if t["low_overlap"] < need_low:
            errors.append(f"{cf}: only {t['low_overlap']} low-overlap answerable questions (need {need_low})")

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

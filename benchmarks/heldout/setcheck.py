"""Shared consistency checker for the held-out question sets (events, events2, ..., events5).

Each set folder keeps its own ``check.py`` as the entry point: it states the set's rules as a
``SetRules`` and calls ``main(rules)``. This module does the work for every set:

  * loads the corpus JSONL (``<set>/corpus/<file>.jsonl``) and the YAML case files;
  * splits articles into sentences with a naive splitter;
  * checks the corpus (keys, ids, dates, urls, article and sentence counts, sentence form);
  * checks the cases of each split (ids, questions, answerable / unanswerable fields, the YAML
    comment tags) and their evidence and key facts;
  * counts the kinds of cases, compares them with the counts the set expects, and prints the
    counts, then the warnings and errors (``--counts`` prints only the counts).

The exit code is 1 when there are errors. Needs only the standard library and PyYAML.
"""
import dataclasses
import datetime
import json
import math
import os
import re
import sys
from typing import Callable, Optional
from urllib.parse import urlparse

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required (pip install pyyaml, or use an interpreter that has it)")

ARTICLE_KEYS = {"id", "title", "text", "published", "source", "url"}
# A question that neither ends with "?" nor starts with one of these words is a keyword query.
QUESTION_WORDS = ("who", "what", "when", "where", "which", "how", "why", "is", "are", "was",
                  "were", "did", "does", "do", "can", "could")
EVIDENCE_WORDS = (5, 12)   # evidence snippets outside this length only give a warning
ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Jr|Sr|Prof|Gen|Gov|Sen|Rep|Inc|Ltd|Co|Corp|"
                          r"vs|etc|approx|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec)\.|\b[A-Za-z]\.[A-Za-z]\.")
DIGIT_DOT = "\u2024"       # placeholder for a dot between two digits (one dot leader)

# Paraphrase check: a "low-overlap" question shares at most MAX_OVERLAP of its content words
# with the evidence sentence; at least MIN_LOW_OVERLAP_SHARE of the answerable questions must be
# low-overlap. Content words are lower-cased alphanumeric tokens minus STOP_WORDS, a final "s"
# dropped; two words match if equal or if both have 5+ characters and share the first 5.
MAX_OVERLAP = 0.5
MIN_LOW_OVERLAP_SHARE = 1 / 3
STOP_WORDS = set("""
a an the of in on at to for from by with about into over under after before during since until
and or but nor so yet as than then that this these those there here it its it's they them their
he him his she her we us our you your i me my who whom whose what which when where why how
is are was were be been being am do does did done has have had having will would shall should
can could may might must not no yes if whether also only just still now today currently current
s new one per any all some each every much many more most other such very did get got go went
up out off down again further once same own too both few
""".split())

# Tags in the YAML comment above a case, counted when SetRules.comment_tags is set.
ANSWERABLE_TAGS = {"current": "CURRENT holder", "former": "FORMER holder"}
UNANSWERABLE_TAGS = {"near_miss": "Near-miss", "off_topic": "OFF-TOPIC"}


@dataclasses.dataclass
class Report:
    """Errors and warnings collected while checking, in the order they were found."""
    errors: list = dataclasses.field(default_factory=list)
    warnings: list = dataclasses.field(default_factory=list)

    def error(self, message):
        self.errors.append(message)

    def warning(self, message):
        self.warnings.append(message)


@dataclasses.dataclass
class Corpus:
    """The articles of a set and their sentences (article id -> list of sentences)."""
    articles: list
    sentences: dict


def check_evidence_in_one_sentence(tag, evidence, key_facts, corpus, report):
    """Every snippet must lie in exactly one sentence of exactly one article, and every key fact
    in a sentence holding the evidence (a warning if not also in a snippet).

    Returns the sentences holding the evidence."""
    holding_all = []
    for snippet in evidence:
        warn_about_evidence_length(tag, snippet, report)
        hits = [(a["id"], s) for a in corpus.articles for s in corpus.sentences[a["id"]] if snippet in s]
        if not hits:
            if any(snippet in a["text"] for a in corpus.articles):
                report.error(f"{tag}: evidence spans a sentence boundary: {snippet!r}")
            else:
                report.error(f"{tag}: evidence not found: {snippet!r}")
            continue
        if len(hits) > 1:
            report.error(f"{tag}: evidence in {len(hits)} sentences: {[h[0] for h in hits]}")
        holding_all.extend(h[1] for h in hits)
    if not holding_all:
        return holding_all
    for key_fact in key_facts:
        if not any(key_fact_in(key_fact, s) for s in holding_all):
            report.error(f"{tag}: key fact {key_fact!r} not in the evidence sentence")
        elif not any(key_fact_in(key_fact, snippet) for snippet in evidence):
            report.warning(f"{tag}: key fact {key_fact!r} in the evidence sentence but not in the snippet")
    return holding_all


@dataclasses.dataclass
class QuestionType:
    """A kind of answerable question, recognised by how it starts, counted in every split."""
    name: str                          # short name, used in range errors ("how")
    pattern: str                       # regex matched case-insensitively at the question's start
    label: str                         # wording in the counts line ("how-many/how-much")
    at_least: Optional[int] = None     # error if fewer
    between: Optional[tuple] = None    # (low, high): error if outside


@dataclasses.dataclass
class SetRules:
    """What one held-out set checks. Optional checks are off unless set."""
    folder: str                        # the set's folder (holds corpus/ and the case files)
    corpus_file: str                   # file name under corpus/
    case_files: tuple                  # YAML case files, in the order they are checked
    question_words: tuple = QUESTION_WORDS
    # --- corpus
    sentences_per_article: tuple = (6, 12)
    sentence_count_is_error: bool = True     # False: an article outside the range is a warning
    articles: Optional[tuple] = None         # (low, high) number of articles
    article_id_prefix: Optional[str] = None  # ids must be <prefix>-01, <prefix>-02, ... by line
    url_prefix: Optional[str] = None         # every url must start with this
    unique_urls: bool = False
    date_range: Optional[tuple] = None       # (first, last) datetime.date
    long_article_sentences: Optional[int] = None  # an article this long or longer is "long" ...
    long_articles: Optional[tuple] = None         # ... and (low, high) of them are expected
    sentence_words: Optional[tuple] = None   # (low, high) words per sentence
    sentences_end_with_period: bool = False
    no_abbreviations: bool = False           # no "Mr.", "U.S." etc. in sentences, no dot in titles
    keep_decimal_points: bool = False        # the splitter never splits at a dot between digits
    approximate_sentence_total: bool = False  # print the sentence total as "~N"
    sentence_stats: bool = False             # also print sentence lengths and direct quotes
    # --- cases
    numbered_case_ids: bool = False          # ids unique and named <split>-01, <split>-02, ...
    expected_counts: Optional[dict] = None   # total / answerable / ..._keyword per split
    comment_tags: Optional[dict] = None      # expected tag counts per split (see count_comment_tags)
    question_types: tuple = ()               # QuestionType limits per split
    paraphrase_check: bool = False           # enough low-overlap answerable questions per split
    distinct_evidence_across_splits: bool = False  # no evidence sentence in both case files
    check_evidence: Callable = check_evidence_in_one_sentence


# ----------------------------------------------------------------------------- text helpers

def split_sentences(text, keep_decimal_points=False):
    """Naive splitter: paragraphs at blank lines, sentences after . ! ? followed by whitespace
    and a capital, quote or digit."""
    out = []
    for para in text.split("\n\n"):
        para = para.strip()
        if keep_decimal_points:
            para = re.sub(r"(?<=\d)\.(?=\d)", DIGIT_DOT, para)
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9'\"])", para)
        for part in parts:
            if part.strip():
                part = part.strip()
                out.append(part.replace(DIGIT_DOT, ".") if keep_decimal_points else part)
    return out


def key_fact_in(key_fact, text):
    """A key fact is a plain substring, or a regex when written as "/regex/"."""
    if len(key_fact) > 2 and key_fact.startswith("/") and key_fact.endswith("/"):
        return re.search(key_fact[1:-1], text) is not None
    return key_fact in text


def is_keyword_query(question, question_words):
    """A keyword query neither ends with "?" nor starts with a question word."""
    return (bool(question) and not question.rstrip().endswith("?")
            and question.split()[0].lower() not in question_words)


def warn_about_evidence_length(tag, snippet, report):
    n_words = len(snippet.split())
    if not EVIDENCE_WORDS[0] <= n_words <= EVIDENCE_WORDS[1]:
        report.warning(f"{tag}: evidence has {n_words} words")


def content_words(text):
    out = []
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if w in STOP_WORDS:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]     # crude plural folding: votes -> vote
        out.append(w)
    return out


def words_match(a, b):
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def overlap(question, sentence):
    """Share of the question's content words that also occur in the sentence."""
    question_words = set(content_words(question))
    sentence_words = set(content_words(sentence))
    if not question_words:
        return 1.0
    return sum(any(words_match(q, s) for s in sentence_words) for q in question_words) / len(question_words)


def case_comments(path):
    """Map case id -> text of the comment lines directly above its '- id:' line."""
    out, buf = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = line.strip()
            if t.startswith("#"):
                buf.append(t)
            elif t.startswith("- id:"):
                out[t.split(":", 1)[1].strip()] = " ".join(buf)
                buf = []
            elif t:
                buf = []
    return out


# ----------------------------------------------------------------------------- corpus

def load_corpus(rules, report):
    """Read the corpus JSONL, checking each line's keys, date, id and url; then unique ids/urls."""
    articles = []
    with open(os.path.join(rules.folder, "corpus", rules.corpus_file), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            a = json.loads(line)
            if set(a) != ARTICLE_KEYS:
                report.error(f"corpus line {n}: keys {sorted(a)}")
            try:
                d = datetime.date.fromisoformat(a["published"])
                if rules.date_range and not rules.date_range[0] <= d <= rules.date_range[1]:
                    report.error(f"corpus line {n}: date {d} outside {rules.date_range}")
            except Exception:
                report.error(f"corpus line {n}: bad date {a.get('published')}")
            if rules.article_id_prefix and a.get("id") != f"{rules.article_id_prefix}-{n:02d}":
                report.error(f"corpus line {n}: id {a.get('id')!r}, expected {rules.article_id_prefix}-{n:02d}")
            if rules.url_prefix and not str(a.get("url", "")).startswith(rules.url_prefix):
                report.error(f"corpus line {n}: url not on {urlparse(rules.url_prefix).netloc}")
            articles.append(a)
    ids = [a["id"] for a in articles]
    if len(ids) != len(set(ids)):
        report.error("duplicate article ids")
    if rules.unique_urls:
        urls = [a["url"] for a in articles]
        if len(urls) != len(set(urls)):
            report.error("duplicate article urls")
    sentences = {a["id"]: split_sentences(a["text"], rules.keep_decimal_points) for a in articles}
    return Corpus(articles, sentences)


def print_corpus_summary(rules, corpus):
    per_article = [len(s) for s in corpus.sentences.values()]
    approx = "~" if rules.approximate_sentence_total else ""
    detail = f"min {min(per_article)}, max {max(per_article)} per article"
    if rules.long_article_sentences:
        n_long = sum(n >= rules.long_article_sentences for n in per_article)
        detail += f"; {n_long} articles with {rules.long_article_sentences}+ sentences"
    line = f"corpus: {len(corpus.articles)} articles, {approx}{sum(per_article)} sentences ({detail})"
    if rules.sentence_stats:
        lengths = [len(s.split()) for ss in corpus.sentences.values() for s in ss]
        n_quote = sum('"' in s for ss in corpus.sentences.values() for s in ss)
        line += (f"; sentence length {min(lengths)}-{max(lengths)} words "
                 f"(mean {sum(lengths) / len(lengths):.1f}); {n_quote} sentences with a direct quote")
    print(line)


def check_corpus(rules, corpus, report):
    """Article counts, titles, and the number, form and length of each article's sentences."""
    articles, sentences = corpus.articles, corpus.sentences
    if rules.articles and not rules.articles[0] <= len(articles) <= rules.articles[1]:
        report.error(f"corpus has {len(articles)} articles (expected {rules.articles[0]}-{rules.articles[1]})")
    if rules.long_articles:
        low, high = rules.long_articles
        n_long = sum(len(s) >= rules.long_article_sentences for s in sentences.values())
        if not low <= n_long <= high:
            report.error(f"{n_long} articles with {rules.long_article_sentences}+ sentences (expected {low}-{high})")
    if rules.no_abbreviations:
        for a in articles:
            if ABBREVIATION.search(a["title"]) or "." in re.sub(r"(?<=\d)\.(?=\d)", "", a["title"]):
                report.error(f"article {a['id']}: dot or abbreviation in title {a['title']!r}")
    low, high = rules.sentences_per_article
    for aid, ss in sentences.items():
        if not low <= len(ss) <= high:
            message = f"article {aid}: {len(ss)} sentences (outside {low}-{high})"
            if rules.sentence_count_is_error:
                report.error(message)
            else:
                report.warning(message)
        for s in ss:
            if rules.sentences_end_with_period and not s.endswith("."):
                report.error(f"article {aid}: sentence does not end with '.': {s!r}")
            if rules.sentence_words:
                n_words = len(s.split())
                if not rules.sentence_words[0] <= n_words <= rules.sentence_words[1]:
                    report.error(f"article {aid}: sentence of {n_words} words (outside {rules.sentence_words}): {s!r}")
            if rules.no_abbreviations:
                m = ABBREVIATION.search(s)
                if m:
                    report.error(f"article {aid}: abbreviation {m.group(0)!r} in {s!r}")


# ----------------------------------------------------------------------------- cases

def count_comment_tags(tags, tag, comment, answerable, keyword, report):
    """Count the tags of the YAML comment above a case and reject tags on the wrong kind of case.

    Answerable cases may be tagged "CURRENT holder" / "FORMER holder", unanswerable ones
    "Near-miss" / "OFF-TOPIC"."""
    if not comment:
        report.error(f"{tag}: no YAML comment above the case")
    if answerable:
        for name, text in ANSWERABLE_TAGS.items():
            tags[name] += text in comment
        tags["current_keyword"] += ANSWERABLE_TAGS["current"] in comment and keyword
        if any(text in comment for text in UNANSWERABLE_TAGS.values()):
            report.error(f"{tag}: unanswerable tag on an answerable case")
    else:
        for name, text in UNANSWERABLE_TAGS.items():
            tags[name] += text in comment
        if "holder" in comment:
            report.error(f"{tag}: holder tag on an unanswerable case")


def join_counts(items):
    """["7 when", "4 what", "3 who"] -> "7 when, 4 what and 3 who"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check_split(rules, case_file, corpus, seen, report):
    """Check and count the cases of one YAML file; print its counts.

    ``seen`` maps questions and case ids already met (in any split) to their tags.
    Returns the set of sentences used as evidence."""
    path = os.path.join(rules.folder, case_file)
    comments = case_comments(path) if rules.comment_tags else {}
    with open(path, encoding="utf-8") as f:
        cases = yaml.safe_load(f)["cases"]
    split = os.path.splitext(case_file)[0]
    used_sentences = set()
    counts = {"answerable": 0, "unanswerable": 0, "answerable_keyword": 0, "unanswerable_keyword": 0}
    type_counts = {qt.name: 0 for qt in rules.question_types}
    tags = {"current": 0, "current_keyword": 0, "former": 0, "near_miss": 0, "off_topic": 0}
    low_overlap = 0
    for i, case in enumerate(cases):
        q = case.get("question", "")
        cid = case.get("id")
        if rules.numbered_case_ids:
            tag = f"{case_file}#{i + 1} {cid} {q!r}"
            if cid != f"{split}-{i + 1:02d}":
                report.error(f"{tag}: id should be {split}-{i + 1:02d}")
            if ("id", cid) in seen:
                report.error(f"{tag}: duplicate id (also {seen['id', cid]})")
            seen["id", cid] = tag
        else:
            tag = f"{case_file}#{i + 1} {q!r}"
        if not q:
            report.error(f"{tag}: no question")
        if ("question", q) in seen:
            report.error(f"{tag}: duplicate of {seen['question', q]}")
        seen["question", q] = tag
        keyword = is_keyword_query(q, rules.question_words)
        answerable = case.get("answerable", True) is not False
        if rules.comment_tags:
            count_comment_tags(tags, tag, comments.get(cid, ""), answerable, keyword, report)
        kind = "answerable" if answerable else "unanswerable"
        counts[kind] += 1
        counts[kind + "_keyword"] += keyword
        if not answerable:
            if case.get("evidence") or case.get("key_facts"):
                report.error(f"{tag}: unanswerable case with evidence/key_facts")
            continue
        for qt in rules.question_types:
            type_counts[qt.name] += bool(re.match(qt.pattern, q, re.I))
        evidence = case.get("evidence") or []
        key_facts = case.get("key_facts") or []
        if not evidence or not key_facts:
            report.error(f"{tag}: answerable case needs evidence and key_facts")
            continue
        holding = rules.check_evidence(tag, evidence, key_facts, corpus, report)
        used_sentences.update(holding)
        if holding and rules.paraphrase_check:
            low_overlap += overlap(q, " ".join(holding)) <= MAX_OVERLAP

    total = counts["answerable"] + counts["unanswerable"]
    print(f"{case_file}: {total} cases: {counts['answerable']} answerable "
          f"({counts['answerable_keyword']} keyword queries), {counts['unanswerable']} unanswerable "
          f"({counts['unanswerable_keyword']} keyword queries)")
    details = []
    if rules.question_types:
        items = [f"{type_counts[qt.name]} {qt.label}" for qt in rules.question_types]
        details.append(f"{join_counts(items)} questions (answerable)")
    if rules.comment_tags:
        details.append(f"{tags['current']} current-holder ({tags['current_keyword']} keyword) "
                       f"+ {tags['former']} former-holder")
        details.append(f"{tags['near_miss']} near-misses + {tags['off_topic']} off-topic")
    if rules.paraphrase_check:
        details.append(f"{low_overlap} answerable questions share <= {MAX_OVERLAP:.0%} of their content words "
                       f"with the evidence sentence")
    if details:
        print("  " + "; ".join(details))

    if rules.expected_counts:
        got = dict(counts, total=total)
        for k, v in rules.expected_counts.items():
            if got[k] != v:
                report.error(f"{case_file}: {k} = {got[k]}, expected {v}")
    for qt in rules.question_types:
        n = type_counts[qt.name]
        if qt.at_least is not None and n < qt.at_least:
            report.error(f"{case_file}: only {n} {qt.label} questions (need {qt.at_least})")
        if qt.between and not qt.between[0] <= n <= qt.between[1]:
            report.error(f"{case_file}: {n} answerable {qt.name} questions (need {qt.between[0]}-{qt.between[1]})")
    if rules.comment_tags:
        for k, v in rules.comment_tags.items():
            if tags[k] != v:
                report.error(f"{case_file}: {k} = {tags[k]}, expected {v}")
        if tags["current_keyword"] < 1:
            report.error(f"{case_file}: no current-holder keyword query")
    if rules.paraphrase_check:
        need_low = math.ceil(counts["answerable"] * MIN_LOW_OVERLAP_SHARE)
        if low_overlap < need_low:
            report.error(f"{case_file}: only {low_overlap} low-overlap answerable questions (need {need_low})")
    return used_sentences


def news_site_rules(folder, corpus_file, article_id_prefix):
    """The rules the news-site sets share (events19 on, but events29 and events32; a new set of that shape uses them
    too): 90-100 invented articles of 4-11 sentences, 13-20 of them long, dated 2012-2025; 40 cases a split (24
    answerable, 6 of them keyword queries; 16 unanswerable, 3 of them keyword queries), with the question kinds and
    comment tags their READMEs list. What they check:
      * corpus/<corpus_file>: required keys, ids <prefix>-01..<prefix>-NN in order, unique urls, ISO dates
        (2012-2025), example-news.test urls, 90-100 articles, 4-11 sentences per article (naive
        splitter, which never splits at a dot between two digits), 13-20 longer articles of 8 or
        more sentences, every sentence ends with "." and has 8-40 words, no abbreviations with
        dots (Mr., Dr., No., U.S., e.g., ...);
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
    """
    return SetRules(
        folder=folder,
        corpus_file=corpus_file,
        case_files=("dev.yaml", "blind.yaml"),
        question_words=QUESTION_WORDS + ("in", "by"),
        articles=(90, 100),
        article_id_prefix=article_id_prefix,
        date_range=(datetime.date(2012, 1, 1), datetime.date(2025, 12, 31)),
        keep_decimal_points=True,
        sentences_per_article=(4, 11),
        long_article_sentences=8,      # a longer piece; most others have 4-5 sentences
        long_articles=(13, 20),
        sentence_words=(8, 40),
        sentences_end_with_period=True,
        no_abbreviations=True,
        sentence_stats=True,
        url_prefix="https://example-news.test/",
        unique_urls=True,
        numbered_case_ids=True,
        expected_counts={"total": 40, "answerable": 24, "answerable_keyword": 6,
                         "unanswerable": 16, "unanswerable_keyword": 3},
        question_types=(
            QuestionType("how", r"how (many|much)\b", "how-many/how-much", between=(5, 8)),
            QuestionType("when", r"when\b", "when", between=(4, 5)),
            QuestionType("what", r"what\b", "what", between=(3, 4)),
        ),
        comment_tags={"current": 3, "former": 1, "near_miss": 15, "off_topic": 1},
        paraphrase_check=True,
        distinct_evidence_across_splits=True,
    )


# ----------------------------------------------------------------------------- entry point

def main(rules, argv=None):
    """Run all checks of one set; print counts (and, without --counts, warnings and errors).

    Returns the exit code: 1 if there were errors, else 0."""
    argv = sys.argv if argv is None else argv
    counts_only = "--counts" in argv
    report = Report()
    corpus = load_corpus(rules, report)
    print_corpus_summary(rules, corpus)
    check_corpus(rules, corpus, report)

    seen = {}
    used_sentences = {}
    for case_file in rules.case_files:
        used_sentences[case_file] = check_split(rules, case_file, corpus, seen, report)
    if rules.distinct_evidence_across_splits:
        first, second = rules.case_files
        for s in sorted(used_sentences[first] & used_sentences[second]):
            report.error(f"evidence sentence used by both {first} and {second}: {s!r}")

    if not counts_only:
        for w in report.warnings:
            print("WARNING:", w)
        for e in report.errors:
            print("ERROR:", e)
        print("OK" if not report.errors else f"{len(report.errors)} error(s)")
    return 1 if report.errors else 0

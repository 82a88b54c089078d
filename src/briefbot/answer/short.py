"""Which span of an answering sentence is the short answer (`Answer.short`), shown first and highlighted.

`short_answer(question, item)` picks one of the sentence's candidates of the expected type
(`answers.candidates`: they already leave out what the question names; for a keyword query of no kind, a figure:
`_as_figure`) and returns it verbatim with its offsets. The candidates are ranked by, in order:
0. nothing for a question that asks what someone is ("Who is Keith Kellogg?": the answer describes him);
1. whether the span can be what is asked at all: for how many / how much, a span with no number in it is none
   (the tagger's "*no more than* 20 per cent"), a calendar date is no count or duration ("12 December" for "How
   long will the trip take?"), and a share is no price when the question
   asks for no share ("rose 6.2 per cent ... to 412,000 rondels" for "average house price"), and a number
   counting something the question names is no amount ("22 million marels", not "about 1,300 growers", for
   "How much did the state pay growers?"), and for a price, cost or fee a figure that does not read as money is none
   ("400 mirrels", not the "100" bears made, for "centenary bear price": rules proxy on 62 dev splits, short answers
   814 -> 818 of 1007, none lost); for when, a date with neither a number nor a month ("the month",
   "Tuesday") is the vaguest; for who, a title alone is no name ("named *Minister* for Civil Society");
2. for who, whether it reads as a name rather than a place or an organisation (a place; a span tagged as an
   organisation that opens with "the" or follows a preposition: "Marit Strangward", not "Harrowick", in "Captain
   Marit Strangward, the harbour master of Harrowick, will succeed him"; a bare name tagged as one stays: the
   small tagger calls invented surnames organisations);
3. for a figure, whether another figure of the sentence replaced it ("rise *from* 0.60 ruvels to 0.72
   ruvels", "sold for 4.20 lissans *last week*, now costs 14.63"), unless the question asks for the earlier one;
4. whether it stands where the asked kind usually does: for where (or "in which city"), a place after "in",
   "at" or "near"; for who or which outlet reported something, before "reports" ("*NBC* reports, citing
   officials"); for who said something, next to the word for saying ("*Maria Zakharova* said", "according to
   *X*"); for who holds an office, next to an office word ("*Kaisa Tenholm*, the chief executive", "Chief
   executive *X*");
5. whether it shares none of the question's words ("63 days", not "last 48 hours", for "How many days did
   the uprising last?"; "Maelle Sorrentin", not "the ... Women's Chess Championship", for "women's chess
   champion");
6. for how many, whether what the question counts follows it ("63 *days*", "201 of the 360 *senate votes*");
7. for a figure or a date, whether its clause names another thing of the kind the question names, when the
   sentence names the question's too ("The Lumo 2 costs 189 in *Europe* and 199 in North America" for "... in
   North America?");
8. how many of the question's words stand in its own clause (the sentence cut at punctuation, dashes and
   conjunctions: "and", "but", "while", "after", "as", ...: "32.9% of the eligible *voting population* did
   not vote" for "What percentage of the voting population failed to vote?", not "the vote was 51.6%");
9. how closely the sentence ties it to the question's words: each word of the question found in the
   sentence weighs 1 next to the span, less with every word in between, nothing ten words away;
10. where it stands (the first).
A date the tagger cut from its day ("24 | February 2025") gets the day back, and a name the title the tagger
took into it is dropped ("Spokeswoman | Maria Zakharova").
Measured by the short-answer accuracy of `benchmarks/rules_proxy.py` and `briefbot eval`
(`short_answer_accuracy`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbot.answer.answers import LOCATIVE, SHARE_WORDS, called, candidates
from briefbot.answer.currency import reads_as_money
from briefbot.answer.offices import ALL_OFFICE_WORDS
from briefbot.answer.speech import PERSON_NOUNS, SAYS_AFTER
from briefbot.answer.question import DATE_LABELS, NUMERIC_LABELS, PLACE_LABELS, Question
from briefbot.answer.question_form import UNIT_NOUNS
from briefbot.answer.terms import CALENDAR_WORDS
from briefbot.index.lexical import MONTH_NAMES, content_terms, stem
from briefbot.judge.words import NUMBER_WORDS
from briefbot.types import Entity, EvidenceSentence, ShortAnswer

# (stems: "prices", "fees", "spending" are among them)
_PRICE_WORDS = frozenset(stem(w) for w in "price cost fee fare salary wage rent budget fine bill charge spend spent "
                         "paid".split())
_SCALED = re.compile(r"(?:about |around |some |almost |nearly )?[\d.,]+ (?:million|billion|thousand|trillion|bn|m)",
                     re.IGNORECASE)  # "118 million": a figure whose unit the sentence may have said before
REACH = 10  # words: a question word this far from a span no longer ties it to the question
_DATA_UNITS = "bits kilobits megabits gigabits terabits bytes kilobytes megabytes gigabytes terabytes"
_WORD = re.compile(r"[\w'’]+")
_CALENDAR = re.compile(r"\b(?:" + "|".join(sorted(CALENDAR_WORDS)) + r")\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(?:" + "|".join(MONTH_NAMES) + r")\b", re.IGNORECASE)
# a figure holds a digit or a number word; the small tagger sometimes tags the hedge alone ("*no more than* 20 per
# cent", "*up to* 40 tonnes") as the number
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r"|sixty|seventy|eighty|ninety|hundreds|thousands|millions|"
                     r"billions|trillions?|half|halves|quarters?|thirds?|twice|once|dozens)\b", re.IGNORECASE)
# where a sentence's clauses meet: a candidate is tied most to the question's words in its own clause
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s|\b(?:and|but|while|whereas|although|though|after|before|as)\b",
                           re.IGNORECASE)
# a title the tagger took into a name ("Spokeswoman Maria Zakharova", "Chair Mira Holt")
_ROLE_WORDS = PERSON_NOUNS | {stem(w) for words in ALL_OFFICE_WORDS for w in words.split()}
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_SAYS_BEFORE = re.compile(r"\b(?:said|says|told|warned|according\s+to|claimed)\s+(?!that\b)(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# for who holds an office, the name next to an office word: "Chief executive *Kaisa Tenholm* said", "*Kaisa
# Tenholm*, the chief executive, said" (not "the new plant in *Rautila*")
_OFFICE_WORDS = "|".join(re.escape(w) for w in ALL_OFFICE_WORDS)
_OFFICE_BEFORE = re.compile(r"\b(?:" + _OFFICE_WORDS + r")s?,?\s+(?:[\w'’-]+\s+){0,1}$", re.IGNORECASE)
# ... not when the office goes on to another name in apposition ("to Hessa and Vatta, its chief executive, *Idris
# Penhallow*, said": his office, not Vatta's)
_OFFICE_AFTER = re.compile(r"^,?\s+(?:the|its|their|as)\s+(?:[\w'’-]+\s+){0,2}(?:" + _OFFICE_WORDS + r")\b"
                           r"(?![\w\s'’-]*,\s+(?-i:[A-Z][\w'’-]+\s+[A-Z]))", re.IGNORECASE)
_AFTER_PREPOSITION = re.compile(r"\b(?:of|in|at|from|for|with|by)\s+(?:the\s+)?$", re.IGNORECASE)
# names of things a figure may belong to ("*Europe*", "the *Dales*", "*Merrowgate*"): in a clause naming another
# one than the question's, a figure is that other's ("The Lumo 2 costs 189 in Europe and 199 in North America")
_NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT", "EVENT"})
_FIGURES = frozenset({"number", "amount", "date"})
# who or which outlet reported something: the name before "reports" ("..., *NBC* reports, citing officials")
_REPORTS_AFTER = re.compile(r"^,?\s*(?:has\s+|had\s+)?(?:reports|reported|reporting)\b", re.IGNORECASE)
# a unit, or a rate, after a figure that the tagger left out of its span: "10 | megabits per second", "40 kilometres |
# an hour", "4,100 lunets | a year" (the short answer is the figure with its unit)
_UNITS = [r"per\s+cent", "percent", *UNIT_NOUNS.split(), *_DATA_UNITS.split()]
_UNIT_AFTER = re.compile(r"(?:\s+(?:" + "|".join(_UNITS) + r")\b)?"
                         r"(?:\s+(?:per|an?)\s+(?:second|minute|hour|day|week|month|year)\b)?", re.IGNORECASE)
_FOLLOWING = 5  # words after a number in which what the question counts may stand ("201 of the 360 senate votes")


def short_answer(question: Question, item: EvidenceSentence) -> ShortAnswer | None:
    """The candidate span of `item` that answers `question` (ranked as in the module docstring), or None
    when the sentence holds no candidate (open questions have none, but for keyword queries: `_as_figure`)."""
    question = _as_figure(question)
    ranked = ranked_candidates(question, item)
    return span_of(question, item, ranked[0][0]) if ranked else None


RankKey = tuple[int, int, int, int, int, int, int, int, int, float, int]


def ranked_candidates(question: Question, item: EvidenceSentence) -> list[tuple[Entity, RankKey]]:
    """The candidate spans of `item`, each with its rank key, best first (the module docstring's order: the first is
    the short answer); none for a question asking what someone is. `question` is taken as `_as_figure` gave it."""
    found = candidates(question, item)
    if not found or question.asks.identity and not question.office:
        return []  # "Who is Keith Kellogg?" asks what he is: no name in the sentence says it
    text = item.sentence.text
    tokens = [(m.start(), m.end(), stem(m.group(0))) for m in _WORD.finditer(text)]
    asked = set(question.content_words)
    named = set(content_terms(" ".join(question.names)))  # words of the names the question uses
    counted = set(content_terms(" ".join(question.counted_meanings)))  # "people volunteered": "41,000 volunteers"
    breaks = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    # (a figure's: for a place or a name asked for, the other names are the candidates themselves)
    others = _contrasting(item.sentence.entities or (), asked) if question.answer_type in _FIGURES else []

    def rank(entity: Entity) -> RankKey:
        inside = [i for i, (s, e, _) in enumerate(tokens) if s < entity.end and entity.start < e]
        first, last = (inside[0], inside[-1]) if inside else (0, -1)
        own = {t for *_, t in tokens[first:last + 1]}
        after = _following(text, tokens, last)
        start = max(b for b in breaks if b <= entity.start)
        end = min(b for b in breaks if b >= entity.end)
        clause = {t for s, e, t in tokens if start <= s and e <= end and not entity.start <= s < entity.end}
        # "about 1,300 growers" counts what "pay growers" names: no amount; "22,000 pearls" for "Tidewell Pearls
        # record harvest" may be one (the word is the firm's name's)
        counts_asked = question.answer_type == "amount" and not counted and last + 1 < len(tokens) \
            and tokens[last + 1][2] in asked - named
        return (_unlikely(question, entity, text, found) or int(counts_asked),
                _unlike_a_name(text, entity) if question.answer_type == "person" else 0,
                int(_superseded(question, text, entity, found)),
                0 if _in_role(question, text, entity) else 1,
                1 if own & (asked - counted) else 0,
                0 if counted and (own | after) & counted else 1,
                sum(start <= e.start and e.end <= end and e.start != entity.start for e in others),
                # "When was Ashgarth granted the right to hold its fair?": the date of the granting ("The charter,
                # granted in 1268, allowed the town to hold a fair ... around the first of August")
                0 if question.answer_type != "date" or question.verb is None or question.verb in clause else 1,
                -len(clause & asked),
                -_tie(tokens, asked - own - counted, first, last),
                entity.start)

    return sorted(((entity, rank(entity)) for entity in found), key=lambda pair: pair[1])


def span_of(question: Question, item: EvidenceSentence, entity: Entity) -> ShortAnswer:
    """The short answer that candidate `entity` makes: its span, with a date's day the tagger cut off, without a
    title the tagger took into a name, and with a figure's unit or rate."""
    text = item.sentence.text
    start = entity.start
    if question.answer_type == "date" and (day := _DAY_BEFORE.search(text[:start])) is not None:
        start = day.start()  # "24 February 2025" that the tagger cut to "February 2025"
    words = entity.text.split()
    if question.answer_type == "person" and len(words) > 2 and stem(words[0]) in _ROLE_WORDS:
        start = entity.start + entity.text.index(words[1])  # "Spokeswoman Maria Zakharova": the name after the title
    elif item.office_title and entity.text.startswith(item.office_title + " "):
        start = entity.start + len(item.office_title) + 1  # "Postmaster General Noor Haverill": the body head's title
    end = entity.end
    if question.answer_type in ("number", "amount"):
        end += len(_UNIT_AFTER.match(text, end).group(0))  # "10" -> "10 megabits per second"
    return ShortAnswer(text=text[start:end], sentence_id=item.sentence.id, start=start, end=end)


def _contrasting(entities: Sequence[Entity], asked: set[str]) -> list[Entity]:
    """The sentence's names of the kind of one the question names that the question does not name ("Europe"
    beside the asked "Asia"): a figure in their clause is theirs. None when the sentence holds no name of the
    question's (the question's thing may be the sentence's subject, told by a pronoun)."""
    def named(entity: Entity) -> bool:
        return bool(set(content_terms(entity.text)) & asked)
    kinds = {e.label for e in entities if e.label in _NAME_LABELS and named(e)}
    return [e for e in entities if e.label in kinds and not named(e)]


def _as_figure(question: Question) -> Question:
    """A keyword query whose head noun names no kind of answer ("Ostmere 2023 election turnout", "Brinmouth
    lifeboat launches 2020", "Kotavesi boathouse arson sentence") most often asks for a figure: its short answer
    is a number or an amount (for a penalty, a term too: "three years"). Only the span shown first; which sentence
    may answer is not changed (as the gate's answer type, the plural heads lost answers: `question.analyse`).
    Short answers on 38 dev splits (the first chosen sentence when it is gold): of 49 such keyword queries, 34 get a
    right span, 10 a wrong one, 5 none (before, none had one)."""
    if question.answer_type != "open" or not question.keyword_query:
        return question
    labels = NUMERIC_LABELS + (DATE_LABELS if question.penalty else ())
    return question.model_copy(update={"answer_type": "amount", "answer_labels": labels})


def _in_role(question: Question, text: str, entity: Entity) -> bool:
    """Whether the span stands where the asked kind of answer usually does: a place after "in", "at" or
    "near" ("told his counterparts *in Brussels*"); for who said something, the speaker next to the word for
    saying ("*Maria Zakharova* said", "said *Pike*", "according to *the agency*")."""
    if question.asks.name_given and called(text, entity):
        return True  # "will be called *Nimbus Pennant*"
    if question.answer_type == "place" and question.asks.where:
        return LOCATIVE.search(text[max(0, entity.start - 12):entity.start]) is not None
    if question.answer_type in ("person", "entity") and question.asks.reporter \
            and _REPORTS_AFTER.match(text[entity.end:entity.end + 20]):
        return True
    if question.answer_type == "person" and question.asks.about_speech:
        return SAYS_AFTER.match(text[entity.end:entity.end + 40]) is not None \
            or _SAYS_BEFORE.search(text[max(0, entity.start - 30):entity.start]) is not None
    if question.answer_type == "person" and question.office:
        return _OFFICE_BEFORE.search(text[max(0, entity.start - 40):entity.start]) is not None \
            or _OFFICE_AFTER.match(text[entity.end:entity.end + 40]) is not None
    return False


# a figure that another replaced: "rise *from* 0.60 ruvels to 0.72 ruvels", "sold for 4.20 lissans *last week* now
# costs at least 14.63 lissans"; a question about the earlier figure asks for it (`Asks.earlier`)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\b(?:to|now\s+(?:costs?|stands?\s+at|is)(?:\s+at\s+least)?)\s+(?:about\s+|around\s+)?$",
                        re.IGNORECASE)
_EARLIER_AFTER = re.compile(r"^\s+(?:last\s+(?:week|month|year)|a\s+year\s+(?:earlier|before|ago)|previously|before)\b",
                            re.IGNORECASE)


def _superseded(question: Question, text: str, entity: Entity, found: Sequence[Entity]) -> bool:
    """For a figure, whether the sentence gives it as one a later figure of the kind replaced (`_FROM_BEFORE` with a
    later candidate after "to" or "now costs"; or followed by "last week", "a year earlier"), and the question does
    not ask for the earlier one."""
    if question.answer_type not in ("number", "amount") or question.asks.earlier:
        return False
    later = [e for e in found if e.start > entity.end and _TO_BEFORE.search(text[max(0, e.start - 30):e.start])]
    return bool(later) and (_FROM_BEFORE.search(text[max(0, entity.start - 20):entity.start]) is not None
                            or _EARLIER_AFTER.match(text[entity.end:]) is not None)


def _unlikely(question: Question, entity: Entity, text: str, found: Sequence[Entity]) -> int:
    """1 when the span of sentence `text` can hardly be what the question asks (see the module docstring, rule 1),
    else 0. `found`: all the sentence's candidates (a figure may take its currency from one before it)."""
    span = entity.text
    if question.answer_type in ("number", "amount"):
        if _CALENDAR.search(span) or not _NUMBER.search(span):
            return 1
        if SHARE_WORDS.search(span) and not question.asks.share:
            return 1
        if question.answer_type == "amount" and _asks_money(question) and not _reads_as_money(text, entity, found):
            return 1  # "Bramblebear centenary bear price": "400 mirrels", not the "100" bears it made
    if question.answer_type == "date" and not re.search(r"\d", span) and not _MONTH.search(span):
        return 1
    if question.answer_type == "person" and all(stem(word) in _ROLE_WORDS for word in _WORD.findall(span)):
        return 1  # a title the tagger took for a name ("named *Minister* for Civil Society")
    return 0


def _reads_as_money(text: str, entity: Entity, found: Sequence[Entity]) -> bool:
    """Whether the span reads as a sum of money: tagged so, after a money word or before a currency
    (`currency.reads_as_money`), or a bare "118 million" after a sum of money in the same sentence ("Earth observation
    was given 166 million ambels and science missions 118 million": the currency is left out the second time)."""
    if _money_itself(text, entity):
        return True
    return _SCALED.fullmatch(entity.text) is not None and any(
        other.end <= entity.start and _money_itself(text, other) for other in found)


def _money_itself(text: str, entity: Entity) -> bool:
    """Whether the span is tagged as money or reads as money where it stands (`currency.reads_as_money`)."""
    return entity.label == "MONEY" or reads_as_money(text, entity.start, entity.end)


def _asks_money(question: Question) -> bool:
    """Whether the question asks for a sum of money: "how much money", a price, cost, fee or fare, what was paid."""
    return question.asks.money or bool(question.form.priced) or bool(_PRICE_WORDS & set(question.content_words))


def _unlike_a_name(text: str, entity: Entity) -> int:
    """For who: 1 for a span that reads as a place or as an organisation ("the Energy Regulation Office", "the
    harbour master of *Harrowick*": tagged as one, and after "the" or a preposition), 0 for a person's name or a
    bare name that the small tagger may have called an organisation ("*Varnhagen* finished ahead of ...")."""
    if entity.label in PLACE_LABELS or entity.label == "NORP":
        return 1
    return int(entity.label == "ORG" and (entity.text.lower().startswith("the ")
                                          or _AFTER_PREPOSITION.search(text[:entity.start]) is not None))


def _tie(tokens: list[tuple[int, int, str]], asked: set[str], first: int, last: int) -> float:
    """How closely the question's words stand to the words `first`..`last`: for each distinct question word
    in the sentence, 1 - (words between) / REACH at its nearest occurrence, summed."""
    nearest: dict[str, int] = {}
    for i, (*_, term) in enumerate(tokens):
        if term in asked and not first <= i <= last:
            gap = first - i - 1 if i < first else i - last - 1
            nearest[term] = min(gap, nearest.get(term, gap))
    return sum(max(0.0, 1.0 - gap / REACH) for gap in nearest.values())


def _following(text: str, tokens: list[tuple[int, int, str]], last: int) -> set[str]:
    """The words after the span's last word `last`: up to `_FOLLOWING` of them, to the next number unless
    only "of (the)" stands before it ("201 of the 360 senate votes": the votes 201 counts; "its 110-year
    history, beating 23 other choirs": not the choirs 110 counts)."""
    out: set[str] = set()
    between: list[str] = []
    for s, e, term in tokens[last + 1:last + 1 + _FOLLOWING]:
        word = text[s:e].lower()
        if any(c.isdigit() for c in word) and between not in (["of"], ["of", "the"]):
            break
        between.append(word)
        out.add(term)
    return out

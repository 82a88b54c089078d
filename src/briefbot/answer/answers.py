"""Does an evidence sentence ANSWER a `Question`? (Which span of it is the short answer: `short.py`.)

A sentence answers only when
1. every qualifier of the question (year, quarter, month, ordinal, number, category) holds in the sentence
   or its immediate context: its article's title and date, the sentence before it, the article's lead
   (`qualifiers.py`); and
2. every topic of the question (`Question.topics`: the people, organisations, places, works and events it
   names) is mentioned in that same context, or is the article's outlet: a sentence about another contest
   or company is no answer, however well it matches the question's other words (half of a name's words
   suffice, "Anskar" for "Bertil Anskar"; an alias counts, "the Kremlin" for Russia: `topics.py`), as is
   the noun an open question names as what it asks for ("What was the *turnout*?": `topics.missing_focus`)
   and the office a who-question asks the holder of ("chief executive": `topics.missing_office`,
   `offices.py`); and
3. it contains a candidate of the expected type that the question does not already name: a person or
   organisation for who, a date for when, a place for where, a number or amount for how many / how much,
   an entity of the noun's kind for which X / keyword queries. Candidates are the sentence's spaCy
   entities; a candidate must be in the role asked about (`roles.py`: not a *former* holder for who holds a
   role *now*, not only the source of an attribution, not the day a source spoke); and
4. for a question about something that has happened, it does not only preview it ("is expected to win",
   "will announce its decision", "has been postponed": `tense.py`), and for one about a decision ("What did
   the regulator decide?", "What was the verdict?") it states one ("approved", "found guilty": `decisions.py`); and
5. it does not say the opposite of what is asked (`polarity.py`): for a question about what is not so ("What
   did X not do?") it says something is not so, and it does not hold the opposite of a question word it
   lacks ("more general" for "more specific").
Open questions (what ..., why, yes/no) have no candidate type; their qualifiers, topics and tense are checked.
"""

from __future__ import annotations

import re

from briefbot.answer.acts import SUCCESSION, WIN, names_winner
from briefbot.answer.currency import reads_as_money
from briefbot.answer.decisions import states_decision, states_penalty
from briefbot.answer.polarity import states_negation, swapped_opposite
from briefbot.answer.qualifiers import missing_qualifiers
from briefbot.answer.question import NAME_LABELS, PLACE_LABELS, YEAR, Question, singular
from briefbot.answer.question_form import ONCE_OR_TWICE, counts_times
from briefbot.answer.roles import (CAPITALISED_NAME, came_after, named_as_former, only_the_source, only_when_said,
                                   started_by_another)
from briefbot.answer.topics import missing_focus, missing_office, missing_topics
from briefbot.index.lexical import STOP_WORDS, content_terms, numbers
from briefbot.answer.speech import quoted_by_pronoun
from briefbot.answer.tense import only_previews, schedules
from briefbot.types import Entity, EvidenceSentence

_BARE_NUMBER = re.compile(r"^\d{1,3}$")  # no year, no month: a number the tagger called a DATE
_YEAR_ONLY = re.compile(rf"^(?:in\s+)?{YEAR}$", re.IGNORECASE)  # a year the tagger called a DATE
_ONLY_PLACE_PREPOSITIONS = "in|near|inside|outside"  # what stands before a place only ("a plant in Oxenridge") ...
_PLACE_PREPOSITIONS = f"{_ONLY_PLACE_PREPOSITIONS}|at"  # ... or a place or firm: "the beds at Penhollow", "at Quistrel"
# a text ending where a place is named: "told his counterparts in (Brussels)"
LOCATIVE = re.compile(rf"\b(?:{_PLACE_PREPOSITIONS})\s+(?:the\s+)?$", re.IGNORECASE)
_ONLY_LOCATIVE = re.compile(rf"\b(?:{_ONLY_PLACE_PREPOSITIONS})\s+(?:the\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’]+")
_DATE_FALLBACK = re.compile(
    r"\b(?:1[6-9]\d\d|20\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight))\b", re.IGNORECASE)
# "one" counts only before another word ("one person", "one of the three"): at the end of a phrase it is a
# pronoun ("no longer a regional university but a national one")
_NUMBER_FALLBACK = re.compile(
    r"(?<![\w])\d[\d,.]*|\bone\b(?=\s+[\w'’-])|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens)\b",
    re.IGNORECASE)
# a number followed by a word that is no unit of time or length counts things ("Two men"): no answer to how long
_COUNTS_THINGS = re.compile(r"\s+(?!(?:years?|months?|weeks?|days?|nights?|hours?|minutes?|seconds?|decades?|"
                            r"centur(?:y|ies)|metres?|meters?|kilometres?|kilometers?|km|miles?|feet|foot|yards?|"
                            r"centimetres?|inches?|more|further|longer|or|and|to|of)\b)[a-z][\w'’-]*", re.IGNORECASE)
# a number spelled out alone counts things ("two companies", "in two places"); news gives how much in digits
_SPELLED_COUNT = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|"
                            r"hundreds|thousands|both|several)", re.IGNORECASE)


# what answers a question about a payment (`Form.priced`): money (`currency.as_money` tags invented currencies too,
# `currency.reads_as_money` a number after a money word) or a share ("a fee of 2 per cent", "fined 4 per cent of
# its turnover")
_MONEY_LABELS = frozenset({"MONEY", "PERCENT"})
# what answers a question about a rate or percentage: a share, a number per something, or money called a rate
_RATE_FOCUS = frozenset({"rate", "percentage"})
_RATE_BEFORE = re.compile(r"\brates?\b[^,;]*$", re.IGNORECASE)
# a share: "1.6 per cent" (tagged as money), "5 percentage points"
SHARE_WORDS = re.compile(r"%|\bper\s*cent\b|\bpercent(?:age)?\b", re.IGNORECASE)
# a share followed by a comparison is a change ("sold 60 per cent more tickets"), never what was paid
_CHANGE_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower|up|down|above|below)\b", re.IGNORECASE)
_PER_AFTER = re.compile(r"\s+(?:per|in\s+every|for\s+every|out\s+of)\b", re.IGNORECASE)
# what answers a question about a length, height or depth: a figure in a unit of length, or of time for a length
# of time ("the usual length of a game": "four to five hours"); "Thornback coaster length" is not "14 million dulcats"
_LENGTH_FOCUS = frozenset({"length", "height", "depth", "width", "distance", "altitude", "elevation", "span"})
_UNITS_OF_LENGTH = (r"(?:kilo|centi|milli)?(?:metres?|meters?)|km|cm|mm|m|ft|feet|foot|inch(?:es)?|yards?|miles?|"
                    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?")
_LENGTH_UNIT = re.compile(rf"^\s*(?:-\s*)?(?:{_UNITS_OF_LENGTH})\b|\b(?:{_UNITS_OF_LENGTH})\s*$", re.IGNORECASE)


def candidates(question: Question, item: EvidenceSentence) -> list[Entity]:
    """Spans of the sentence that could be the answer: entities of the expected type the question does
    not name (plus a plain-text fallback for names, dates and numbers the tagger missed)."""
    if not question.answer_labels:
        return []
    text = item.sentence.text
    if question.answer_type == "date" and started_by_another(question, text):
        return []  # "She takes over in September from Lucius Penrose" does not say when he took over
    asked = {w.lower() for w in _WORD.findall(question.text)}
    entities = item.sentence.entities or ()
    # who won: any name told as the winner (below), whatever the small tagger took it for ("the Kazanov Troupe",
    # FAC, "took the Golden Hoop")
    spans = [e for e in entities if e.label in question.answer_labels or _placed(question, text, e)
             or (question.form.act == WIN and e.label in NAME_LABELS)]
    spans += _fallback(question, text, entities)
    spans += _introduced_by_kind(question, text, spans)
    if question.focus in _RATE_FOCUS:  # "the recycling rate": "42.6 per cent", "62 per 1,000 people"; not "46,900
        # incidents" of fly-tipping, nor money unless called a rate right before it ("an hourly rate of 12 merrits")
        spans = [e for e in spans if e.label == "PERCENT" or SHARE_WORDS.search(e.text)
                 or _PER_AFTER.match(text, e.end)
                 or (e.label == "MONEY" and _RATE_BEFORE.search(text[max(0, e.start - 30):e.start]))]
    if question.focus in _LENGTH_FOCUS:  # the unit inside the span ("1,200 metres") or right after it
        spans = [e for e in spans if _LENGTH_UNIT.search(e.text) or _LENGTH_UNIT.match(text[e.end:e.end + 12])]
    if question.form.priced or question.asks.money:  # not "the 312,000 pills" he sold
        # a payment, price, fine, fee, salary or value is a sum of money, not "12 stores"; so is "how much money"
        spans = [e for e in spans if (e.label in _MONEY_LABELS or reads_as_money(text, e.start, e.end))
                 and not _a_change(text, e)]
    out = []
    counting = question.answer_type in ("number", "amount")
    for entity in spans:
        if _named_by(entity.text, asked, question) and not (question.asks.name_given and called(text, entity)):
            continue  # (the name something is given may be made of the names asked about: "called Nimbus Pennant")
        if item.office_title and entity.text.strip() in item.office_title:
            continue  # "Postmaster General" is the title of whoever runs the body asked about, not its holder
        if question.office and _the_body(question, entity):
            continue  # "The Street Services Union" is the union asked about, not who heads it
        if counting and entity.label in ("DATE", "TIME") and (not _NUMBER_FALLBACK.search(entity.text)
                                                              or _YEAR_ONLY.match(entity.text.strip())):
            continue  # a duration or period counts ("63 days"); "Sunday" does not, nor a year ("in 2008": seed blind
            # round 4, "Apart from the United States, how many countries belong to the alliance?", read)
        if counting and (any(entity.text.strip() in q.forms for q in question.qualifiers)
                         or numbers(entity.text) & numbers(question.text)):
            continue  # a year or number the question itself gives is not the number it asks for ("the past 6000 years")
        if entity.label == "CARDINAL" and question.asks.how_long and _COUNTS_THINGS.match(text[entity.end:]):
            continue  # "Two men were jailed on Tuesday": a count of men, not how long they were jailed for
        if question.asks.how_much and _SPELLED_COUNT.fullmatch(entity.text.strip()):
            continue  # "bought by its rival, the two companies said": a count, not how much
        if question.answer_type == "date" and _BARE_NUMBER.match(entity.text):
            continue  # "Callander, 55, will succeed ..." : an age, not a date
        if question.answer_type == "date" and only_when_said(question, text, entity):
            continue  # "..., the union said on Friday" does not answer "When does the ballot close?"
        if question.current and named_as_former(text, entity):
            continue  # "former chief executive Jane Roe" does not answer "Who is the CEO?"
        if question.precedes and came_after(question, item, entity):
            continue  # "Kwame Ellery, who became chief statistician after Greta Ambrose" came after her, not before;
            # "She replaces Ivor Blacklock" after "Agatha Penhallow ... will become Chief Inspector" is her predecessor
        if question.form.act == WIN and not names_winner(text, entity.start, entity.end):
            continue  # "... the winners to be named at the Orangery": the Orangery won nothing
        if (question.answer_type == "person" or question.form.act == WIN) and entity.label in PLACE_LABELS \
                and _ONLY_LOCATIVE.search(text[max(0, entity.start - 10):entity.start]):
            continue  # "opened a plant in Oxenridge" does not answer "Who founded Verdigo?": a place, not someone;
            # nor is "Maresford" in "The Palmhouse in Maresford was named venue of the year" the winner
        if question.answer_type == "person" and question.office is None and only_the_source(question, text, entity):
            continue  # "..., the Orlesk Museum said" does not answer "Who found the hoard?"
        out.append(entity)
    return out


def answers(question: Question, item: EvidenceSentence) -> bool:
    """Whether `item` answers `question`: its qualifiers hold, its topics (and an open question's named
    focus, a who-question's office) are mentioned, `has_candidate`, it does not only preview what the
    question asks about (or state no decision when one is asked for), nor say its opposite."""
    return not missing_qualifiers(question, item) and not missing_topics(question, item) \
        and not missing_focus(question, item) and not missing_office(question, item) \
        and has_candidate(question, item) and not previews(question, item) and not wrong_polarity(question, item)


_ANCHOR_RELATION = re.compile(r"\b(?:before|after)\b", re.IGNORECASE)


def wrong_polarity(question: Question, item: EvidenceSentence) -> bool:
    """Whether the sentence says the opposite of what the question asks (`polarity.py`): the question asks
    what is not so and neither the sentence nor the one before says anything is not so, or the sentence
    holds the opposite of a question word it lacks ("more general" for "more specific")."""
    if question.negated and not (states_negation(item.sentence.text)
                                 or (item.before is not None and states_negation(item.before))):
        return True
    # "Who led X before Ruben Tessaro?": "before" places the holder by the anchor (`Question.anchor`); it is no
    # property the answer must share ("He succeeds Selma Orrick, who is leaving after five years")
    asked = _ANCHOR_RELATION.sub(" ", question.text) if question.anchor or question.form.act == SUCCESSION \
        else question.text  # ... or a succession with no office named ("Who held the ministry before Aurelio Tasker?")
    return swapped_opposite(asked, item.sentence.text, f"{item.title} {item.before or ''}") is not None


def previews(question: Question, item: EvidenceSentence) -> bool:
    """Whether the question asks what happened and the sentence only says it is coming (`tense.py`), or it
    asks what was decided and the sentence states no decision (`decisions.py`)."""
    if question.decision and not states_decision(item.sentence.text):
        return True
    if question.penalty and not states_penalty(item.sentence.text):
        return True
    return question.outcome and only_previews(item.sentence.text, frozenset(question.form.question_terms)) \
        and not schedules(question.form.scheduled, item.sentence.text)  # "will hold its last sale in December"


def has_candidate(question: Question, item: EvidenceSentence) -> bool:
    """Where the question expects a type of answer, whether the sentence holds a new candidate of it."""
    if not question.answer_labels or candidates(question, item):
        return True
    # "'... is not enough,' she said." answers "Who said ...?" through the sentence before, which names her
    # (its first character is skipped: a capitalised first word is mostly just the start of the sentence)
    return question.answer_type == "person" and quoted_by_pronoun(item.sentence.text) and bool(
        item.before and CAPITALISED_NAME.search(item.before[1:]))


_CALLED_BEFORE = re.compile(r"\b(?:called|named|renamed|rebranded(?:\s+as)?|known\s+as|dubbed)\s+(?:the\s+)?$",
                            re.IGNORECASE)


def called(text: str, entity: Entity) -> bool:
    """Whether `entity` is the name something is given in `text`: right after "called", "renamed", "known as"
    ("The merged company will be called *Nimbus Pennant*")."""
    return _CALLED_BEFORE.search(text[max(0, entity.start - 20):entity.start]) is not None


def _a_change(text: str, entity: Entity) -> bool:
    """Whether `entity` is a share followed by a comparison ("sold 60 per cent more tickets", tagged MONEY): a
    change, never what was paid."""
    return (entity.label == "PERCENT" or SHARE_WORDS.search(entity.text) is not None) \
        and _CHANGE_AFTER.match(text, entity.end) is not None


def _introduced_by_kind(question: Question, text: str, spans: list[Entity]) -> list[Entity]:
    """For a question asking which body of a kind ("Which charity ...?"), a capitalised name the kind's noun
    introduces ("run by the charity SafeNight", which the tagger calls a PRODUCT; "the Beltravan group Casadora")
    that no span covers yet."""
    if question.answer_type != "entity" or not question.focus:
        return []
    noun = question.focus.lower()
    one = singular(noun)  # "charities": "the charity SafeNight"
    out = []
    # (a word may stand before the noun: "bought by the Beltravan group Casadora", which the tagger calls NORP)
    kind = rf"\b(?:the|a|an)\s+(?:[A-Z][\w'’-]*\s+)?(?:{re.escape(noun)}|{re.escape(one)})\s+"
    for m in re.finditer(kind + f"({CAPITALISED_NAME.pattern})", text):
        start, end = m.span(1)
        if not any(e.start < end and start < e.end and e.label in question.answer_labels for e in spans):
            out.append(Entity(label=question.answer_labels[0], start=start, end=end, text=m.group(1)))
    return out


def _the_body(question: Question, entity: Entity) -> bool:
    """For a question about an office's holder, whether `entity` is an organisation named by a noun the question
    uses for the body ("the Jorvennan Sawmillers' Association" for "Who heads the sawmill owners' association?")."""
    words = _WORD.findall(entity.text)
    return entity.label == "ORG" and len(words) > 1 \
        and bool(set(content_terms(words[-1])) & set(question.content_words))


def _named_by(span: str, asked: set[str], question: Question) -> bool:
    """The question already names this span (all its content words are the question's words, or it holds one of
    the question's names)."""
    words = [re.sub(r"['’]s$", "", w.lower()) for w in _WORD.findall(span)]  # "Veltra Energy's"
    content = [w for w in words if w not in STOP_WORDS] or words
    if not content:
        return True
    if all(w in asked for w in content):
        return True
    # a name holding one of the question's own names of two words or more is that thing: "the Sellarnian Space
    # Office" for "Who led the Space Office before Thaddeus Okafor?"
    return any(span.lower() in name.lower() for name in question.names) \
        or any(len(topic.split()) > 1 and re.search(r"(?<![\w'’])" + re.escape(topic.lower()) + r"(?![\w'’])",
                                                     span.lower()) for topic in question.topics)


def _placed(question: Question, text: str, entity: Entity) -> bool:
    """For a where-question: a name of any kind after "in", "at" or "near" ("held in Suldane": the small
    tagger calls many an unfamiliar town a PERSON); for which place won, also after "from" ("The winning team came
    from Gorsby")."""
    if question.answer_type != "place" or entity.label not in NAME_LABELS:
        return False
    before = text[max(0, entity.start - 8):entity.start]
    return LOCATIVE.search(before) is not None or (question.form.act == WIN and _FROM.search(before) is not None)


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


# what the small tagger calls an office holder's invented name ("Yusuf Iqbal, the chief executive": PRODUCT; "Caspian
# Ruddle": NORP for "Caspian"): for a holder question its words are read as a name (the office must stand near it)
_MISTAKEN_FOR_HOLDERS = frozenset({"NORP", "PRODUCT"})


# a locative preposition (`LOCATIVE`'s, and "around", "across") right before a word: what follows is a place ("at
# Penhollow", "near Harnow")
_AT_A_PLACE = re.compile(rf"\b(?:{_PLACE_PREPOSITIONS}|around|across)\s+$", re.IGNORECASE)


def _fallback(question: Question, text: str, spans: tuple[Entity, ...]) -> list[Entity]:
    """Names, dates and numbers the tagger did not mark, outside every span it did mark (a number also
    inside a name: "beating Suldane Town 4-2", tagged a PERSON)."""
    labels = set(question.answer_labels)
    pattern = None
    label = ""
    if question.answer_type in ("number", "amount"):
        pattern, label = _NUMBER_FALLBACK, "CARDINAL"
    elif labels & {"DATE", "TIME"}:
        pattern, label = _DATE_FALLBACK, "DATE"
    elif labels & {"PERSON", "ORG"}:
        pattern, label = CAPITALISED_NAME, "PERSON"
    if pattern is None:
        return []
    names = [(e.start, e.end) for e in spans if label == "CARDINAL" and e.label in NAME_LABELS]
    taken = [(e.start, e.end) for e in spans if (e.start, e.end) not in names
             and not (label == "PERSON" and question.office and e.label in _MISTAKEN_FOR_HOLDERS)]
    out = []
    found = list(pattern.finditer(text))
    if label == "CARDINAL" and counts_times(question.form.counted):
        found += ONCE_OR_TWICE.finditer(text)  # "won the title twice" answers "How many times ...?"
    for m in found:
        if label == "PERSON" and (m.group(0).lower() in STOP_WORDS or m.start() == 0 and (
                len(m.group(0).split()) < 2 or m.group(0).split()[0].lower() in STOP_WORDS)):
            continue  # a capitalised first word is mostly just the start of the sentence ("Teodor Malvik won" is not)
        if any(s < m.end() and m.start() < e for s, e in names) and m.start() > 0 and text[m.start() - 1] != " ":
            continue  # "Kestra-1" is a name; "Suldane Town 4-2" ends with a score
        if label == "PERSON" and question.answer_type == "person" and " " not in m.group(0) \
                and _AT_A_PLACE.search(text[:m.start()]):
            continue  # "the oyster beds at Penhollow": a place the tagger missed, not someone
        if not any(s < m.end() and m.start() < e for s, e in taken):
            out.append(Entity(label=label, start=m.start(), end=m.end(), text=m.group(0)))
    return out

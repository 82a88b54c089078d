"""Which numbers are sums of money: the corpus's own currency words, found from how it writes prices.

spaCy's small pipeline tags "$5 million" or "40 euros" as MONEY, but a currency it has never seen ("12.5 million
dravins", "190,000 sovras") is a plain CARDINAL, so "How much did Linwood pay for the stores?" could be answered by
"has bought 12 stores, saving about 900 jobs". `currency_words` learns a corpus's currency from its own sentences:
the word that most often follows a number just after a money word ("cost", "paid", "fined", "price", ...), and any
other that follows money words nearly as often. `as_money` then relabels a number followed by such a word (or a
well-known currency name) as MONEY, its span taking in the unit. `answers.candidates` lets only money answer a
question about a payment, price, fine, fee, salary or value (`Form.priced`): MONEY or PERCENT, or a number that
reads as money where it stands (`reads_as_money`: a money word just before it, "paid 42 million dorins", or a
well-known currency after it), which is all a single sentence outside a corpus can tell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from briefbot.types import Entity

# the plural and singular names of common currencies: money in any corpus
KNOWN_CURRENCIES = frozenset(
    "dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees rouble roubles ruble rubles "
    "franc francs krona kronor krone kroner zloty zlotys forint forints peso pesos real reais rand lira lire "
    "shekel shekels dinar dinars dirham dirhams riyal riyals won ringgit baht dong hryvnia hryvnias pence cents "
    "crown crowns "
    "bitcoin bitcoins".split())
_MONEY_CONTEXT = re.compile(r"\b(?:cost|costs|costing|paid|pay|pays|paying|fined|fine\s+of|worth|price|priced|prices|"
                            r"spent|spend|spends|spending|budget|salary|fee|fees|fare|fares|charge|charges|charged|"
                            r"earn|earns|earned|valued|loan|grant|profit|revenue)\b", re.IGNORECASE)
MONEY_CONTEXT_CHARS = 40  # how far before the number a money word may stand ("paid the club 4.2 million dravins")
_SCALE = r"(?:\s+(?:million|billion|thousand|trillion|bn|m))?"
_NUMBER_THEN_WORD = re.compile(r"(?<![\w.])\d[\d,.]*" + _SCALE + r"\s+([a-z]+)\b")
# words after a number in a money context that are no currency ("2 per cent", "a 9 million rise")
_NOT_CURRENCY = frozenset("per percent million billion thousand trillion bn m to and or of in on at the a an more "
                          "less than a year years month months week weeks day days".split())
MIN_USES = 3  # a corpus's currency word follows a money word at least this often ...
RIVAL_SHARE = 0.5  # ... and a second one at least this share as often as the first (two currencies in one corpus)
MAX_SENTENCES = 50_000  # sentences read to learn the currency: enough for any corpus's price vocabulary


def currency_words(texts: Iterable[str]) -> frozenset[str]:
    """The words that stand for money in these texts: the word most often after a number just after a money word
    (at least MIN_USES times), and any other used so at least RIVAL_SHARE as often; at most MAX_SENTENCES read."""
    after_money: Counter[str] = Counter()
    for n, text in enumerate(texts):
        if n >= MAX_SENTENCES:
            break
        for m in _NUMBER_THEN_WORD.finditer(text):
            word = m.group(1)
            if word in _NOT_CURRENCY:
                continue
            if _MONEY_CONTEXT.search(text[max(0, m.start() - MONEY_CONTEXT_CHARS):m.start()]):
                after_money[word] += 1
    if not after_money:
        return frozenset()
    top = after_money.most_common(1)[0][1]
    if top < MIN_USES:
        return frozenset()
    return frozenset(w for w, c in after_money.items() if c >= max(MIN_USES, RIVAL_SHARE * top))


def as_money(text: str, entities: tuple[Entity, ...], currencies: frozenset[str]) -> tuple[Entity, ...]:
    """`entities` with every number followed by a currency word (`currencies` or KNOWN_CURRENCIES) tagged MONEY,
    its span running to the end of the currency word; a number the tagger missed is added so."""
    units = currencies | KNOWN_CURRENCIES
    money = []
    for m in _NUMBER_THEN_WORD.finditer(text):
        if m.group(1).lower() in units:
            money.append((m.start(), m.end()))
    if not money:
        return entities
    out = [e for e in entities if not any(s < e.end and e.start < end for s, end in money)
           or e.label == "MONEY" or not (e.label in ("CARDINAL", "QUANTITY") or e.text[:1].isdigit())]
    for start, end in money:
        if not any(e.label == "MONEY" and e.start < end and start < e.end for e in out):
            out.append(Entity(label="MONEY", start=start, end=end, text=text[start:end]))
    return tuple(sorted(out, key=lambda e: (e.start, e.end)))


_UNIT_AFTER = re.compile(_SCALE + r"\s+([A-Za-z]+)")  # after the number's span: " million dollars", " euros"


def reads_as_money(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] reads as a sum of money where it stands: a money word ("cost",
    "paid", "fined", "salary", ...) within MONEY_CONTEXT_CHARS before it, or a well-known currency after it."""
    if _MONEY_CONTEXT.search(text[max(0, start - MONEY_CONTEXT_CHARS):start]):
        return True
    unit = _UNIT_AFTER.match(text, end)
    return unit is not None and unit.group(1).lower() in KNOWN_CURRENCIES

"""What kind of fact a question asks for, and whether a sentence can supply it.

"When ...?" / "In what year ...?" need a time expression; "How many ...?" / "How much ...?" need a
quantity. A sentence without one cannot answer such a question, however many words it shares with
it, so the answer is built from evidence that can (or abstains). Other questions are not constrained.
"""

from __future__ import annotations

import re

TIME, QUANTITY = "time", "quantity"

_ASKS_TIME = re.compile(
    r"^\s*(?:when\b|(?:in|on|by|since|until)?\s*(?:what|which)\s+(?:year|date|day|month|time)\b|what\s+time\b)",
    re.IGNORECASE,
)
_ASKS_QUANTITY = re.compile(r"^\s*(?:how\s+(?:many|much)|what\s+(?:number|percentage|share|proportion))\b",
                            re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_TIME = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d|{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tomorrow|tonight|(?:last|next|this|coming|previous)\s+(?:week|month|year|decade|century)|"
    r"(?:recent|coming|few|past)\s+(?:days|weeks|months|years)|within\s+(?:days|weeks|months|hours)|"
    r"\d+(?:st|nd|rd|th)?\s+(?:century|anniversary)|(?:first|second|third|fourth|fifth)\s+anniversary|"
    r"\d{1,2}:\d\d|\d+\s*(?:am|pm|a\.m\.|p\.m\.))\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozens?|half|quarter|all|none|both|several|few|many)\b",
    re.IGNORECASE,
)


def expected_kind(question: str) -> str | None:
    """TIME, QUANTITY, or None when the question does not ask for either."""
    if _ASKS_TIME.search(question):
        return TIME
    if _ASKS_QUANTITY.search(question):
        return QUANTITY
    return None


def supplies(kind: str | None, text: str) -> bool:
    """Whether `text` contains the kind of fact asked for (always true for unconstrained questions)."""
    if kind == TIME:
        return bool(_TIME.search(text))
    if kind == QUANTITY:
        return bool(_QUANTITY.search(text))
    return True

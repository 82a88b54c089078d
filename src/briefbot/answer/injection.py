"""Recognise article sentences that try to instruct the model ("ignore previous instructions ...").

Such sentences stay in the index (they are part of the article) but are never shown to the model as
evidence, so they cannot steer an answer and cannot be cited as support for one.
"""

from __future__ import annotations

import re

_PATTERNS = [
    r"\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|context|above|previous)\b",
    r"\b(?:system|developer)\s+(?:prompt|message|instructions?)\b",
    r"\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|chatbot|llm)\b",
    r"\b(?:as an ai|as a language model)\b",
    r"\b(?:assistant|ai|model|chatbot|llm)s?\s*(?:,|:)?\s*(?:must|should|shall)\s+(?:now\s+)?(?:answer|reply|respond|say|output|print)\b",
    r"\b(?:answer|reply|respond)\s+(?:every|all|any)\s+questions?\b",
    r"\b(?:ai|assistants?|chatbots?|language models?|llms?)\b[^.]{0,40}\b(?:must|should|shall|always|never)\s+"
    r"(?:answer|say|state|reply|respond|output|print|claim|tell)\b",
    r"\b(?:note|message|instruction)s? (?:to|for) (?:the |all |any )?(?:ai|assistants?|chatbots?|bots?|models?|llms?)\b",
    r"</?\s*(?:system|assistant|user|im_start|im_end)\s*>|<\|im_(?:start|end)\|>",
]
_INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def looks_like_instruction(text: str) -> bool:
    """True when `text` reads as an instruction addressed to a language model."""
    return bool(_INSTRUCTION.search(text))

"""Recognise article sentences that try to instruct the model ("ignore previous instructions ...").

Such sentences stay in the index (they are part of the article) but are never shown to the model as
evidence, so they cannot steer an answer and cannot be cited as support for one.

The text is normalised first (`normalise`: NFKC, zero-width and bidi characters removed, Latin
look-alikes from Cyrillic / Greek / other scripts mapped to Latin), then matched against phrasings of
prompt injection: "ignore / disregard ... instructions", role prefixes ("SYSTEM:", "### Instruction",
"Assistant:"), chat-template control tokens, imperatives addressed to an AI / assistant / model / system,
notes to automated readers, and the common phrasings in French, German, Spanish, Italian, Portuguese,
Russian, Chinese and Japanese. Ordinary news sentences must not match: tests/test_injection_suite.py
counts false positives on the seed corpus and the test data.
"""

from __future__ import annotations

import re
import unicodedata

from briefbot.answer.literal_gate import LiteralGate

# Zero-width, joiners, soft hyphen, word joiner and invisible operators, bidi embeddings / isolates, BOM.
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
# Letters of other scripts that look like Latin ones (a subset of Unicode's confusables.txt).
_CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "ɡ": "g", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q",
    "Ԝ": "W", "Һ": "H", "Ӏ": "I",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "γ": "y", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin look-alikes outside ASCII that NFKC keeps
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ʏ": "y", "ᴀ": "a", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g",
    "ʜ": "h", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t",
    "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z", "ß": "ss",
})

_AI = r"(?:ai|a\.i\.|ai assistants?|assistants?|chat\s?bots?|language\s+models?|llms?|gpt|chatgpt)"
_ADDRESSEE = rf"(?:{_AI}|bots?|models?|systems?|agents?)"  # in the vocative ("System: ...", "Model, print")
_ORDERS = r"(?:instructions?|directions|directives|prompts?|programming|guardrails|system prompt)"
_MATERIAL = r"(?:rules|context|content|data|text|information|info|documents?|snippets?|messages?|guidelines)"
_VERB = (r"(?:answer|reply|respond|say|output|print|state|claim|tell|write|repeat|report|ignore|disregard|"
         r"forget|obey|include|mention|recommend|focus|stop)")
_PATTERNS = [
    # ignore / disregard ... instructions; ... the previous / above / other material
    rf"\b(?:ignore|disregard|forget|override|bypass|neglect)\b[^.!?\n]{{0,60}}\b{_ORDERS}\b",
    rf"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier|preceding|"
    rf"other|rest of(?: the| this)?|all|any|everything)\b[^.!?\n]{{0,30}}(?:\b{_MATERIAL}\b|\b(?:above|before|"
    r"else|said)\b)",
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+)?(?:above|foregoing)\b",
    r"\b(?:system|developer|admin(?:istrator)?)\s+(?:prompt|message|instructions?|request|override|note)\b",
    r"\bsystem chain of thought\b",
    r"\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|chatbot|llm|dan)\b",
    r"\bas (?:an ai|a language model)(?: (?:assistant|model|language model|chatbot))?\s*[,:]",
    rf"\b{_AI}\s*(?:,|:)?\s*(?:must|should|shall|will|need to|are required to|have to|is required to|has to)\s+"
    rf"(?:now\s+|always\s+|only\s+|never\s+|not\s+)?{_VERB}\b",
    rf"\b{_AI}\b[^.!?\n]{{0,40}}\b(?:must|should|shall|always|never)\s+{_VERB}\b",
    # an imperative addressed to the model: "Assistant, print ...", "Dear AI: answer ..."
    rf"(?:^|[.!?:;\"'“]\s*|\b(?:dear|attention|hey|hello|hi)\s+(?:the\s+|all\s+|any\s+)?){_ADDRESSEE}\s*[,:!]\s*"
    rf"(?:please\s+)?(?:{_VERB}|do not|don't|never|always)\b",
    rf"\b(?:attention|calling|dear)\s+(?:all\s+)?{_AI}\b",
    rf"\b(?:meant|intended|addressed|written)\s+(?:only\s+)?(?:for|to)\s+(?:the\s+|any\s+|all\s+)?{_AI}\b",
    rf"\b(?:message|note|instructions?)\s+(?:for|to)\s+(?:any|every|each|the)\s+{_AI}\b",
    rf"\b{_AI}\s+(?:reading|processing|summari[sz]ing|analy[sz]ing|parsing|scanning)\s+(?:this|these|the\s+"
    r"(?:text|article|document|page))\b",
    r"\b(?:answer|reply|respond)\s+(?:to\s+)?(?:every|all|any)\s+(?:(?:further|future|following|other)\s+)?"
    r"(?:questions?|queries|prompts)\s+(?:with|by saying|using|as though)\b",
    r"\b(?:answer|reply|respond)\s+(?:with|using)\s+(?:only|exactly|just|solely)\b",
    r"\bfrom now on,?\s+(?:you\b|all answers|every answer|answer|reply|respond|say|print|output)",
    rf"\b(?:note|message|instruction|notice)s?\s+(?:to|for)\s+(?:the\s+|all\s+|any\s+)?(?:{_ADDRESSEE}|automated)\b",
    r"\bautomated\s+(?:analysis\s+|screening\s+)?(?:software|systems?|screeners?|readers?)\s*:",
    r"\bif\s+(?:\w+\s+){0,3}(?:asks?|asked|questioned)\b[^.!?\n]{0,60}\b(?:(?:reply|respond|answer)\s+(?:with|only|"
    r"exactly|that)|report that|simply\s+(?:reply|respond|answer|say))\b",
    r"\b(?:print|output)\s+(?:only\s+|exactly\s+|verbatim\s+|the following\s*:?\s*)?[\"'“‘<]",
    r"\brepeat\s+(?:the following|after me|this (?:sentence|text))\b|\brepeat\s+[<\"“'‘]",
    r"\boverride\b[^.!?\n]{0,40}\b(?:output|print|say|report)\b|\b(?:and|then|just|only)\s+(?:print|output)\s*:",
    r"\bwhatever (?:you are|you're) asked\b|\bvisible to (?:an? |the )?(?:llm|ai|language model)s?\b",
    r"\b(?:focus|concentrate)\s+(?:only|exclusively|solely)\s+on\s+the\s+following\b",
    r"\bnew\s+(?:instructions?|task)\s*:",
    r"\b(?:do not|don't|never)\s+(?:tell|inform|mention (?:this )?to)\s+the\s+user\b",
    # role prefixes and chat-template markup
    r"^\W{0,6}(?:#{1,6}\s*)?(?:system|assistant|user|human|developer|instructions?|response|admin)\s*"
    r"(?:message|prompt|request)?\s*(?::|\]|>)",
    r"#{2,}\s*(?:instruction|response|system|input)\b",
    r"\[/?(?:inst|system|sys|admin request|assistant|user)\b[^\]]{0,40}\]|<<\s*/?\s*sys\s*>>",
    r"</?\s*(?:system|assistant|user|instruction|im_start|im_end|s|bos|eos)\s*>",
    r"<\s*\|[^|<>\n]{1,40}\|\s*>|<\s*(?:start|end)_of_turn\s*>|<\s*end of (?:session|document)\s*>",
    # other languages
    r"\b(?:ignore[zr]?|oublie[zr]?)\b[^.!?\n]{0,40}\b(?:instructions?|consignes|directives|règles)\b",  # fr
    r"\b(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte)\b[^.!?\n]{0,40}\b(?:anweisungen|anweisung|"
    r"befehle|regeln|vorgaben)\b",  # de
    r"\b(?:ignora|ignore|ignorad|olvida|olvide|olvidad|ignorar|esqueça|esqueca|dimentica)\b[^.!?\n]{0,40}\b"
    r"(?:instrucciones|instruções|instrucoes|istruzioni|órdenes|regras|reglas|regole)\b",  # es, pt, it
    r"(?:игнорируй|игнорируйте|проигнорируй|забудь|забудьте|не обращай)[^.!?\n]{0,40}"
    r"(?:инструкци|указани|правил|команд)",  # ru
    r"(?:忽略|无视|忽视|忘记|忘掉)[^。！？\n]{0,20}(?:指令|指示|说明|提示|规则|要求)",  # zh
    r"(?:指示|命令|ルール)[^。！？\n]{0,20}(?:無視|むし|忘れ)",  # ja
    r"(?:你|您)(?:现在)?是(?:一个)?(?:AI|人工智能|助手|语言模型)",
]
_INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE | re.MULTILINE)
# Shouted markers of injected blocks; upper case only ("follow instructions" is ordinary news English).
_SHOUTED = re.compile(r"\b(?:FOLLOW (?:THE |THESE )?INSTRUCTIONS?|CORE INSTRUCTIONS?|LEGAL AMENDMENT|ADMIN REQUEST|"
                      r"SYSTEM (?:MESSAGE|PROMPT|OVERRIDE)|IMPORTANT INSTRUCTIONS?|NEW INSTRUCTIONS?)\b")
# The same patterns, each searched only in texts holding the literal words its every match contains
# (`literal_gate.py`): the same verdicts at a fraction of the cost (most sentences hold none of them).
_GATES = (LiteralGate(_PATTERNS, _INSTRUCTION.flags), LiteralGate([_SHOUTED.pattern], _SHOUTED.flags))


def normalise(text: str) -> str:
    """`text` as the patterns see it: NFKC, invisible characters removed, Latin look-alikes mapped to Latin."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).translate(_CONFUSABLES)


def looks_like_instruction(text: str) -> bool:
    """True when `text` reads as an instruction addressed to a language model."""
    if text.isascii():  # normalising changes no ASCII text (tests/test_injection_gate.py checks this)
        return any(gate.search(text) for gate in _GATES)
    plain = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    latin = plain.translate(_CONFUSABLES)
    return any(gate.search(variant) for gate in _GATES for variant in dict.fromkeys((plain, latin)))


def looks_like_instruction_unfiltered(text: str) -> bool:
    """`looks_like_instruction` without the literal gates: every pattern searched in every variant (the
    reference the gated version is tested against)."""
    plain = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    latin = plain.translate(_CONFUSABLES)
    return any(pattern.search(text) for pattern in (_INSTRUCTION, _SHOUTED) for text in (plain, latin))

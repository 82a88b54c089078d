"""Load and render the prompt templates in `prompts/` (user-editable; a copy ships inside the wheel).

Templates use `string.Template` placeholders (`$evidence`, `$question`), so braces in article text
are harmless. Every value filled in (article sentences, the question) first goes through
`neutralise_control_tokens`: llama-cpp-python renders the chat template and tokenises the result with
special tokens parsed, so an article saying "<|im_start|>system" would otherwise become a real control
token; after this its brackets are look-alike characters and the tokenizer sees plain text. Lookup order: the configured directory, the `prompts/` folder of a source checkout, the
copy inside the installed package.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from briefbot.errors import PromptError

TEMPLATE_NAMES = ("answer.system", "answer.user")

# Text shaped like a chat-template control token: <|im_start|>, <|endoftext|>, <start_of_turn>, </s>,
# <<SYS>>, [INST], [/INST], [AVAILABLE_TOOLS] ...
_CONTROL_TOKEN = re.compile(r"<\s*\|[^<>\n]{0,40}?\|\s*>|<<\s*/?\s*[A-Za-z_]{1,20}\s*>>|</?\s*[A-Za-z][\w.:-]{0,39}\s*/?>"
                            r"|<\s*\|[^<>\n]{0,40}>|<[^<>\n]{0,40}\|\s*>|\[/?[A-Z][A-Z_]{1,30}\]")
_LOOK_ALIKE = str.maketrans({"<": "‹", ">": "›", "|": "¦", "[": "⟦", "]": "⟧"})


def neutralise_control_tokens(text: str) -> str:
    """`text` with anything shaped like a chat-template control token made harmless: its brackets and bars
    become look-alike characters ("<|im_end|>" -> "‹¦im_end¦›"), which no tokenizer has as a special
    token. The one place untrusted text (articles, questions) is cleaned before it enters a prompt."""
    return _CONTROL_TOKEN.sub(lambda m: m.group(0).translate(_LOOK_ALIKE), text)


def default_prompts_dir() -> Path:
    """`prompts/` of the checkout when running from source, else the copy inside the package."""
    checkout = Path(__file__).resolve().parents[3] / "prompts"
    if (checkout / "answer.user.txt").is_file():
        return checkout
    return Path(__file__).resolve().parents[1] / "prompts"


class Prompts:
    """The set of templates, loaded once and checked for the placeholders briefbot fills in."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_prompts_dir()
        self.templates: dict[str, Template] = {}
        for name in TEMPLATE_NAMES:
            path = self.directory / f"{name}.txt"
            try:
                self.templates[name] = Template(path.read_text(encoding="utf-8"))
            except OSError as exc:
                raise PromptError(
                    f"Prompt template {path} cannot be read ({exc}). Restore it from the briefbot "
                    "sources or unset BRIEFBOT_PROMPTS_DIR to use the shipped templates."
                ) from exc
        user = self.templates["answer.user"].template
        for placeholder in ("$evidence", "$question"):
            if placeholder not in user:
                raise PromptError(f"{self.directory / 'answer.user.txt'} must contain {placeholder}.")

    def render(self, name: str, **values: str) -> str:
        try:
            clean = {key: neutralise_control_tokens(value) for key, value in values.items()}
            return self.templates[name].substitute(clean).strip()
        except (KeyError, ValueError) as exc:
            raise PromptError(f"Prompt template {name!r} does not render: {exc}") from exc

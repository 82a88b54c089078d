"""Load and render the prompt templates in `prompts/` (user-editable; a copy ships inside the wheel).

Templates use `string.Template` placeholders (`$evidence`, `$question`), so braces in article text
are harmless. Lookup order: the configured directory, the `prompts/` folder of a source checkout, the
copy inside the installed package.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from briefbot.errors import PromptError

TEMPLATE_NAMES = ("answer.system", "answer.user")


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
            return self.templates[name].substitute(values).strip()
        except (KeyError, ValueError) as exc:
            raise PromptError(f"Prompt template {name!r} does not render: {exc}") from exc

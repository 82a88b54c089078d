"""Cleaning article text, the one place every format goes through: page furniture and live markup out.

* :func:`clean_text` removes boilerplate lines ("Advertisement", "Share this article", ...), normalises
  newlines and trailing spaces, and neutralises markup (below). Every reader (text, JSONL, HTML, feeds)
  passes its text and title through it, so no Article, hence no answer, citation or JSON field, carries
  live markup (issue 12).
* :func:`neutralise_markup` turns markdown images and links into their text, drops raw HTML tags
  (``<img onerror=...>``, ``<iframe>``), drops ``<script>`` / ``<style>`` elements with their content,
  and HTML comments. Text that merely uses ``<`` or ``&`` ("5 < 7", "AT&T", "a <= b") is left alone:
  only names of real HTML elements count as tags.
* :func:`html_to_text` turns an HTML fragment (a feed entry's content) into plain text, one block per line.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# Whole lines (case-insensitive, surrounding whitespace ignored) that are page furniture, not article
# text. Keep this list small: every pattern must be something no reporter writes as a full line.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"your browser does not support iframes\.?",
    r"advertisement\.?",
    r"scroll down for (?:the )?video\.?",
    r"share (?:or comment on )?this article:?",
    r"click here (?:to|for) .*",
    r"sign up (?:for|to) .*newsletters?.*",
    r"(?:please )?enable javascript.*",
    r"javascript is (?:disabled|required).*",
    r"this video is (?:not|no longer) available.*",
    r"(?:we|this (?:web)?site) uses? cookies\b.*",
)
_BOILERPLATE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_PATTERNS) + r")\s*$", re.IGNORECASE)

# HTML elements whose content is never article text: dropped with their content.
_DROP_WITH_CONTENT = ("script", "style", "iframe", "noscript", "template", "object", "svg", "math", "textarea")
# Names of HTML elements (and the obsolete ones browsers still honour): a `<name ...>` of these is a tag.
_HTML_ELEMENTS = frozenset(
    """a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn
    dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5
    h6 head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend li link
    listing main map mark marquee menu menuitem meta meter multicol nav nobr noembed noframes noscript
    object ol optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc ruby s
    samp script search section select slot small source spacer span strike strong style sub summary sup
    svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
    math animate set use foreignobject""".split()
)
_DROP_BLOCK = re.compile(  # unclosed: dropped to the end of its paragraph
    r"<(" + "|".join(_DROP_WITH_CONTENT) + r")(?=[\s/>])[^>]*>.*?(?:</\1\s*>|(?=\n[ \t]*\n)|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT = re.compile(r"<!--.*?(?:-->|(?=\n[ \t]*\n)|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<!DOCTYPE[^>]*>|<\?xml[^>]*\?>",
                      re.IGNORECASE | re.DOTALL)
# A start or end tag of a known element, attributes and all (quoted attribute values may hold ">").
_TAG = re.compile(  # unclosed: to the end of its line
    r"</?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])(?:(?:[^>\"']|\"[^\"]*\"|'[^']*'){0,2000}>|[^>\n]*$)", re.MULTILINE
)
_URL = r"(?:<[^<>\n]*>|(?:[^()\s]|\((?:[^()\s])*\))*)"  # a link destination, one level of parentheses
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*" + _URL + _TITLE + r"\s*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*" + _URL + _TITLE + r"\s*\)")
_MD_REF_LINK = re.compile(r"!?\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_MD_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]*<?\S+>?.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto|javascript|data):[^<>\s]*)>", re.IGNORECASE)


def _tag(match: re.Match[str]) -> str:
    return "" if match.group(1).lower() in _HTML_ELEMENTS else match.group(0)


def neutralise_markup(text: str) -> str:
    """``text`` with markdown images/links turned into their text and raw HTML tags removed.

    ``![alt](url)`` becomes ``alt``; ``[text](url)`` and ``[text][ref]`` become ``text``; a reference
    definition line (``[ref]: url``) goes; ``<https://x>`` becomes ``https://x``; ``<script>``,
    ``<style>``, ``<iframe>`` (and similar) go with their content; every other tag of a known HTML
    element goes, its content stays; HTML comments go. Entities are left as written.
    """
    if "<" in text:
        text = _COMMENT.sub("", text)
        text = _DROP_BLOCK.sub("", text)
        text = _TAG.sub(_tag, text)
        text = _AUTOLINK.sub(r"\1", text)
    if "[" in text:
        text = _MD_IMAGE.sub(r"\1", text)
        for _ in range(3):  # a link around an image, nested brackets: a few passes
            replaced = _MD_LINK.sub(r"\1", text)
            if replaced == text:
                break
            text = replaced
        text = _MD_REF_LINK.sub(r"\1", text)
        text = _MD_REF_DEF.sub("", text)
    return text


def clean_text(text: str) -> str:
    """Remove markup and boilerplate lines; normalise newlines and trailing spaces; keep all else verbatim.

    ``\\r\\n`` and ``\\r`` become ``\\n``, markup is neutralised (:func:`neutralise_markup`), trailing
    whitespace is stripped from every line, a boilerplate line is removed entirely (it does not leave a
    blank line behind), 3+ blank lines collapse to 2, and blank lines at the start and end are dropped.
    Quotes and all other characters are unchanged.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = neutralise_markup(text)
    lines = [line.rstrip() for line in text.split("\n") if not _BOILERPLATE.match(line)]
    cleaned = "\n".join(lines)
    cleaned = re.sub(r"\n{4,}", "\n\n\n", cleaned)
    return cleaned.strip("\n")


def clean_line(text: str) -> str:
    """A one-line field (title, outlet): markup neutralised, whitespace collapsed."""
    return " ".join(neutralise_markup(text).split())


_BLOCKS = frozenset(
    """address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header
    hr li main nav ol p pre section table tr ul""".split()
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROP_WITH_CONTENT:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_WITH_CONTENT:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags gone, entities decoded, one paragraph or list item per line."""
    if "<" not in fragment:
        return unescape(fragment).strip()
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)

"""HTML for the chat page: answers with citation markers, sources in context, the corpus panel.

Pure functions from briefbot records to HTML strings (no gradio import). Everything that comes from
an article, the model or the user is passed through `html.escape`, and the chat renders these strings
with markdown off, so text is shown as text: no tags, no markdown images or links the browser would
fetch. The only markup is ours: spans, marks and same-page `#bb-src-...` anchors.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from briefbot.types import ABSTAIN_TEXT, Answer, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from briefbot.bot import CorpusInfo
    from briefbot.answer.chat import Turn

Context = Callable[[str], Sequence[Sentence]]
"""Looks up a cited sentence with its neighbours (e.g. `lambda sid: bot.context(sid, window=2)`)."""

TITLE_CHARS = 90

CSS = """
.bb-answer { line-height: 1.55; }
.bb-short { font-size: 1.1em; margin-bottom: .3em; }
.bb-cite { display: inline-block; margin: 0 1px; padding: 0 4px; border-radius: 4px; font-size: 0.8em;
  font-weight: 600; text-decoration: none !important; vertical-align: super; line-height: 1.2;
  background: #dbeafe; color: #1d4ed8 !important; cursor: pointer; }
.bb-cite:hover { background: #1d4ed8; color: #fff !important; }
.bb-badge { display: inline-block; margin-left: 4px; padding: 0 6px; border-radius: 9px; font-size: 0.72em;
  vertical-align: middle; background: #fef3c7; color: #92400e; border: 1px solid #fcd34d; }
.bb-badge.bb-warn { background: #fee2e2; color: #991b1b; border-color: #fca5a5; }
.bb-unsupported { text-decoration: underline dotted #dc2626; }
.bb-note, .bb-standalone { display: block; margin-top: 6px; font-size: 0.8em; opacity: 0.75; }
.bb-abstain-text { font-style: italic; }
.bb-drafting { opacity: 0.65; }
.bb-drafting .bb-note::before { content: "\\23F3  "; }
.bb-error { color: #b91c1c; }
.bb-sources .bb-turn { margin-bottom: 14px; }
.bb-sources .bb-outlet { color: #666; font-size: 0.9em; }
.bb-sources .bb-turn-q { font-weight: 600; margin: 4px 0 6px; }
.bb-src { border: 1px solid rgba(128,128,128,0.3); border-left: 4px solid #93c5fd; border-radius: 6px;
  padding: 6px 10px; margin: 6px 0; scroll-margin: 80px; transition: box-shadow 0.3s, border-color 0.3s; }
.bb-src.bb-active, .bb-src:target { border-color: #1d4ed8; box-shadow: 0 0 0 3px rgba(29,78,216,0.35); }
.bb-src-head { font-size: 0.85em; margin-bottom: 4px; }
.bb-num { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 4px; margin-right: 4px;
  background: #1d4ed8; color: #fff; font-weight: 600; }
.bb-id { opacity: 0.6; font-family: monospace; font-size: 0.9em; }
.bb-ctx { margin: 0; font-size: 0.9em; line-height: 1.5; }
.bb-ctx .bb-around { opacity: 0.7; }
mark.cited { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
.bb-src.bb-active mark.cited { background: #facc15; }
.bb-muted, .bb-empty, .bb-none { opacity: 0.7; font-size: 0.9em; }
.bb-corpus ul { margin: 6px 0 0 0; padding-left: 18px; }
"""

# The sources panel's js_on_load. Installed once per page: a click on a [n] marker anywhere highlights
# its source in the panel and scrolls to it.
CLICK_JS = """
if (!window.__briefbotCites) {
  window.__briefbotCites = true;
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a.bb-cite') : null;
    if (!a) return;
    var id = (a.getAttribute('href') || '').replace(/^#/, '');
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    ev.preventDefault();
    ev.stopPropagation();
    document.querySelectorAll('.bb-src.bb-active').forEach(function (x) { x.classList.remove('bb-active'); });
    el.classList.add('bb-active');
    el.scrollIntoView({behavior: 'smooth', block: 'center'});
  }, true);
}
// A new answer puts its sources at the top of the panel: scroll the panel back up to show them.
if (typeof watch === 'function') {
  watch('value', function () {
    for (var p = element; p && p !== document.body; p = p.parentElement) {
      var style = getComputedStyle(p);
      if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) { p.scrollTop = 0; return; }
    }
  });
}
"""

EMPTY_SOURCES = ('<div class="bb-sources"><p class="bb-empty">The sources of each answer appear here: '
                 'every cited sentence in its article, highlighted. Click a marker such as '
                 '<span class="bb-cite">1</span> in an answer to jump to its source.</p></div>')


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_anchor(turn: int, number: int) -> str:
    return f"bb-src-{turn}-{number}"


def citation_numbers(answer: Answer) -> dict[str, int]:
    """Sentence id -> marker number (1, 2, ...) in order of first use in the answer."""
    numbers: dict[str, int] = {}
    for sentence in answer.sentences:
        for citation in sentence.citations:
            numbers.setdefault(citation.id, len(numbers) + 1)
    return numbers


def render_user(question: str) -> str:
    return f'<span class="bb-question">{escape(question)}</span>'


def render_draft(draft: str) -> str:
    """The model's draft while it streams: shown as provisional text until it is verified."""
    text = escape(draft.strip()) or "…"
    return (f'<div class="bb-answer bb-drafting"><span>{text}</span>'
            '<span class="bb-note">drafting; checking every sentence against its sources…</span></div>')


def render_error(message: str) -> str:
    return f'<div class="bb-answer bb-error">{escape(message)}</div>'


def render_answer(answer: Answer, turn: int) -> str:
    """The verified answer: each sentence, its [n] markers, and a badge when it was repaired."""
    if answer.abstained:
        reason = f'<span class="bb-note">{escape(answer.abstain_reason)}</span>' if answer.abstain_reason else ""
        return (f'<div class="bb-answer bb-abstain"><span class="bb-abstain-text">{escape(ABSTAIN_TEXT)}'
                f"</span>{reason}{_standalone(answer)}</div>")
    numbers = citation_numbers(answer)
    parts = []
    for sentence in answer.sentences:
        classes = "bb-sent" if sentence.supported else "bb-sent bb-unsupported"
        marks = "".join(_marker(turn, numbers[c.id], c.title, c.text) for c in sentence.citations)
        badge = ""
        if not sentence.supported:
            badge = '<span class="bb-badge bb-warn" title="did not pass the support check">unverified</span>'
        elif sentence.origin == "source":
            badge = ('<span class="bb-badge" title="The drafted sentence did not pass the support check and '
                     "was replaced by the cited source's own words\">source's words</span>")
        parts.append(f'<span class="{classes}">{escape(sentence.text)}</span>{marks}{badge}')
    short = ""
    if answer.short_answer is not None:
        short = (f'<div class="bb-short"><b>{escape(answer.short_answer.text)}</b>'
                 f'{_marker(turn, numbers.get(answer.short_answer.sentence_id, 1), "", answer.short_answer.text)}</div>')
    notes = ""
    if answer.dropped:
        count = len(answer.dropped)
        notes = (f'<span class="bb-note">{count} draft sentence{"s" if count != 1 else ""} dropped or '
                 "replaced by the support check.</span>")
    return f'<div class="bb-answer">{short}{" ".join(parts)}{notes}{_standalone(answer)}</div>'


def _marker(turn: int, number: int, title: str, text: str) -> str:
    tip = escape(f"{_short(title, 60)}: {text}", quote=True)
    return f'<a class="bb-cite" href="#{source_anchor(turn, number)}" title="{tip}">[{number}]</a>'


def _standalone(answer: Answer) -> str:
    if not answer.standalone_question:
        return ""
    return f'<span class="bb-standalone">Searched as: {escape(answer.standalone_question)}</span>'


def render_sources(turns: Iterable["Turn"], context: Context) -> str:
    """Every turn's cited sentences in their article context, newest turn first."""
    blocks = [render_turn_sources(n, turn.answer, context) for n, turn in enumerate(turns, start=1)]
    if not blocks:
        return EMPTY_SOURCES
    return '<div class="bb-sources">' + "".join(reversed(blocks)) + "</div>"


def render_turn_sources(turn: int, answer: Answer, context: Context) -> str:
    head = f'<div class="bb-turn-q">Q{turn}: {escape(answer.question)}</div>'
    if answer.abstained or not answer.citations:
        return f'<div class="bb-turn">{head}<div class="bb-none">No sources: the articles don\'t say.</div></div>'
    numbers = citation_numbers(answer)
    items = []
    for citation in answer.citations:
        number = numbers[citation.id]
        try:
            around = list(context(citation.id))
        except KeyError:
            around = []
        if not any(s.id == citation.id for s in around):
            around = [Sentence(id=citation.id, article_id=citation.article_id, index=0, text=citation.text,
                               start=0, end=len(citation.text))]
        body = " ".join(
            f'<mark class="cited">{_with_span(s.text, _span_in(answer, s.id))}</mark>'
            if s.id == citation.id else f'<span class="bb-around">{escape(s.text)}</span>'
            for s in around
        )
        items.append(
            f'<div class="bb-src" id="{source_anchor(turn, number)}">'
            f'<div class="bb-src-head"><span class="bb-num">{number}</span>'
            f'<b title="{escape(citation.title, quote=True)}">{escape(_short(citation.title))}</b> '
            + (f'<span class="bb-outlet" title="{escape(citation.url or "", quote=True)}">'
               f'{escape(citation.outlet_date())}</span> ' if citation.outlet_date() else "")
            + f'<span class="bb-id">{escape(citation.id)}</span></div>'
            f'<p class="bb-ctx">{body}</p></div>'
        )
    return f'<div class="bb-turn">{head}{"".join(items)}</div>'


def _span_in(answer: Answer, sentence_id: str):
    short = answer.short_answer
    return short if short is not None and short.sentence_id == sentence_id else None


def _with_span(text: str, short) -> str:
    """The cited sentence, escaped, with the short answer span inside it in bold."""
    if short is None or text[short.start:short.end] != short.text:
        return escape(text)
    return (escape(text[:short.start]) + f'<b class="bb-span">{escape(short.text)}</b>'
            + escape(text[short.end:]))


def render_corpus(info: "CorpusInfo", limit: int = 50) -> str:
    """Which articles are loaded, how many sentences, when the index was built, which models answer."""
    rows = "".join(
        f'<li title="{escape(a.title, quote=True)}">{escape(_short(a.title, 70))} '
        f'<span class="bb-muted">({a.sentences} sentences)</span></li>'
        for a in info.articles[:limit]
    )
    more = len(info.articles) - limit
    if more > 0:
        rows += f'<li class="bb-muted">and {more} more</li>'
    return (
        '<div class="bb-corpus">'
        f"<p><b>{len(info.articles)} article{'s' if len(info.articles) != 1 else ''} · "
        f"{info.sentences} sentences · {info.chunks} chunks</b><br>"
        f'<span class="bb-muted">Index built {escape(_when(info.built_at))}<br>'
        f"Embedder {escape(info.embedder)}<br>Answering model {escape(info.llm)}</span></p>"
        f"<ul>{rows}</ul></div>"
    )


def _when(stamp: str) -> str:
    """'2026-11-27T07:39:53+0000' -> '2026-11-27 07:39 UTC' (anything unparsable is shown as it is)."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return stamp
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def answer_payload(answer: Answer) -> dict:
    """What the `/chat` API returns: the Answer as JSON (as `briefbot ask --json`) plus numbered citations."""
    payload = answer.model_dump(mode="json")
    numbers = citation_numbers(answer)
    payload["citations"] = [{"number": numbers[c.id], **c.model_dump(mode="json")} for c in answer.citations]
    return payload

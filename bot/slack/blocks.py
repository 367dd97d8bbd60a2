"""Block Kit for answers and the App Home tab.

Everything that comes from the minutes or the question is escaped, and every text is cut to
Slack's limits, so a message can neither ping anyone nor be rejected for size."""
from __future__ import annotations

from bot.answer import Answer, Passage
from bot.compose import one_line

from .messages import EXAMPLE_QUESTIONS, status_text, t
from .text import blockquote, cut, escape

SECTION_LIMIT = 3000  # chars in a section's text
CONTEXT_LIMIT = 2000  # chars in a context element we send (Slack allows 3000)
MAX_BLOCKS = 50
FALLBACK_LIMIT = 3000  # the notification/fallback text; Slack truncates at 40k, we keep it short


def _section(mrkdwn: str) -> dict:
    # verbatim: Slack must not auto-link channel names, URLs or @-words inside minutes text.
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(mrkdwn, SECTION_LIMIT), "verbatim": True}}


def _context(mrkdwn: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(mrkdwn, CONTEXT_LIMIT), "verbatim": True}]}


def passage_source_line(p: Passage) -> str:
    parts = [f"`{escape(p.source)}`"]
    if p.title:
        parts.append(escape(one_line(p.title)))
    if p.meeting_date:
        parts.append(escape(p.meeting_date))
    return " · ".join(parts)


def answer_message(answer: Answer) -> dict:
    """``{"text": ..., "blocks": [...]}`` for chat.postMessage / chat.update / respond."""
    lang = answer.language
    answer_text = escape(answer.answer.strip()) or "…"
    blocks = [_section(answer_text)]
    passages = list(answer.passages)
    # two blocks per passage; one spare for "…more" and one for the notes
    room = (MAX_BLOCKS - len(blocks) - 2) // 2
    shown, hidden = passages[:room], passages[room:]
    for p in shown:
        blocks.append(_section(blockquote(p.quote)))
        blocks.append(_context(passage_source_line(p)))
    if hidden:
        blocks.append(_context(t("more_passages", lang, n=len(hidden))))
    notes = notes_block(answer)
    if notes is not None:
        blocks.append(notes)

    fallback = answer_text
    if shown:
        first = shown[0]
        fallback += "\n" + blockquote(first.quote) + "\n— " + passage_source_line(first)
    return {"text": cut(fallback, FALLBACK_LIMIT), "blocks": blocks}


def notes_block(answer: Answer) -> dict | None:
    """The answer's warnings (the corpus folder gone) and notes (the question cut short) as one
    small context block, as the terminal prints them under the answer; None when it has none."""
    lines = [f":warning: {escape(w)}" for w in answer.warnings] + [f"_{escape(n)}_" for n in answer.notes]
    return _context("\n".join(lines)) if lines else None


def text_message(mrkdwn: str) -> dict:
    """A fixed (already safe) mrkdwn text as one section, for status/help/upload replies."""
    return {"text": cut(mrkdwn, FALLBACK_LIMIT), "blocks": [_section(mrkdwn)]}


def home_view(status, lang: str = "en", error: str | None = None) -> dict:
    examples = "\n".join(f"• _{escape(q)}_" for q in EXAMPLE_QUESTIONS)
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Minutes"}},
        _section("Ask me about the meeting minutes: mention me in a channel, send me a direct message, "
                 "or use `/minutes &lt;question&gt;`. I quote the minutes word for word."),
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Index"}},
        _section(escape(error) if error else status_text(status, lang)),
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Try asking"}},
        _section(examples),
    ]
    return {"type": "home", "blocks": blocks}

"""Block Kit for answers and the App Home tab.

Everything that comes from the minutes or the question is escaped, and every text is cut to
Slack's limits (bot/slack/limits.py), so a message can neither ping anyone nor be rejected for
size. An answer with a reference (kept in bot/slack/memory.py) shows its first passages and
buttons: "More" for the rest, 👍 / 👎 (bot/slack/buttons.py)."""
from __future__ import annotations

from bot.answer import Answer, Passage
from bot.compose import one_line
from bot.render_markup import marked, render, render_sentence

from .buttons import answer_buttons
from .limits import MAX_BLOCKS, SECTION_TEXT_LIMIT as SECTION_LIMIT
from .messages import EXAMPLE_QUESTIONS, status_text, t
from .text import cut, escape

CONTEXT_LIMIT = 2000  # chars in a context element we send (Slack allows 3000)
FALLBACK_LIMIT = 3000  # the notification/fallback text; Slack truncates at 40k, we keep it short
SHOWN = 3  # passages in an answer that has a "More" button for the rest
SHOWN_CHARS = 4000  # ...and no more quoted text than this, beyond the first passage


def _section(mrkdwn: str) -> dict:
    # verbatim: Slack must not auto-link channel names, URLs or @-words inside minutes text.
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(mrkdwn, SECTION_LIMIT), "verbatim": True}}


def _context(mrkdwn: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(mrkdwn, CONTEXT_LIMIT), "verbatim": True}]}


def passage_source_line(p: Passage, link=None) -> str:
    """`file` · title · date; the file is a link when ``link(source, start, quote)`` gives one."""
    url = link(p.source, p.start, p.quote) if link is not None else None
    parts = [f"<{escape(url)}|{escape(p.source)}>" if url else f"`{escape(p.source)}`"]
    if p.title:
        parts.append(escape(one_line(p.title)))
    if p.meeting_date:
        parts.append(escape(p.meeting_date))
    return " · ".join(parts)


def quote_mrkdwn(p: Passage) -> str:
    """The passage as mrkdwn quote lines: LaTeX/Markdown shown as text (bot.render_markup),
    escaped first, then Slack's bold."""
    return blockquote_marked(marked(render(p.quote.strip(), p.source), "*", "*", escape=escape))


def blockquote_marked(mrkdwn: str) -> str:
    lines = mrkdwn.splitlines() or [""]
    return "\n".join(">" + (" " + line if line.strip() else "") for line in lines)


def passage_blocks(p: Passage, link=None) -> list[dict]:
    return [_section(quote_mrkdwn(p)), _context(passage_source_line(p, link))]


def _shown_count(passages: list[Passage], most: int) -> int:
    """How many passages lead an answer with a More button: up to ``most``, and the first one
    always, however long; a long quote leaves the next ones for More."""
    n, chars = 0, 0
    for p in passages[:most]:
        chars += len(p.quote)
        if n and chars > SHOWN_CHARS:
            break
        n += 1
    return n


def answer_message(answer: Answer, *, ref: str | None = None, link=None, shown: int = SHOWN) -> dict:
    """``{"text": ..., "blocks": [...]}`` for chat.postMessage / chat.update / respond.

    With ``ref`` (the answer's key in the bot's memory) the first ``shown`` passages are shown,
    then the buttons; without it, as many passages as fit and a note of how many did not."""
    lang = answer.language
    answer_text = marked(render_sentence(answer.answer.strip(), answer.passages), "*", "*", escape=escape) or "…"
    blocks = [_section(answer_text)]
    passages = list(answer.passages)
    # two blocks per passage; one spare for buttons/"…more" and one for the notes
    room = (MAX_BLOCKS - len(blocks) - 2) // 2
    n = min(room, len(passages)) if ref is None else min(room, _shown_count(passages, shown))
    for p in passages[:n]:
        blocks.extend(passage_blocks(p, link))
    hidden = len(passages) - n
    notes = notes_block(answer)  # above the buttons, which stay last
    if ref is not None:
        blocks.extend([notes] if notes is not None else [])
        blocks.append(answer_buttons(ref, lang, hidden, n))
    else:
        if hidden:
            blocks.append(_context(t("more_passages", lang, n=hidden)))
        blocks.extend([notes] if notes is not None else [])

    fallback = answer_text
    if n:
        first = passages[0]
        fallback += "\n" + quote_mrkdwn(first) + "\n— " + passage_source_line(first)
    return {"text": cut(fallback, FALLBACK_LIMIT), "blocks": blocks}


def notes_block(answer: Answer) -> dict | None:
    """The answer's warnings (the corpus folder gone) and notes (the question cut short) as one
    small context block, as the terminal prints them under the answer; None when it has none."""
    lines = [f":warning: {escape(w)}" for w in answer.warnings] + [f"_{escape(n)}_" for n in answer.notes]
    return _context("\n".join(lines)) if lines else None


def more_messages(answer: Answer, start: int, link=None) -> list[dict]:
    """The passages from ``start`` on, as messages of at most MAX_BLOCKS blocks, each headed
    "Passages 4–7 of 7"; [] when there are none."""
    passages = list(answer.passages)
    per = (MAX_BLOCKS - 1) // 2
    messages = []
    for at in range(max(0, start), len(passages), per):
        part = passages[at:at + per]
        head = t("more_heading", answer.language, first=at + 1, last=at + len(part), total=len(passages))
        blocks = [_context(escape(head))]
        for p in part:
            blocks.extend(passage_blocks(p, link))
        messages.append({"text": cut(head + "\n" + quote_mrkdwn(part[0]), FALLBACK_LIMIT), "blocks": blocks})
    return messages


def text_message(mrkdwn: str) -> dict:
    """A fixed (already safe) mrkdwn text as one section, for status/help/upload replies."""
    return {"text": cut(mrkdwn, FALLBACK_LIMIT), "blocks": [_section(mrkdwn)]}


def home_view(status, lang: str = "en", error: str | None = None, records: list[dict] = ()) -> dict:
    """The Home tab: how to ask, the index status, ``records`` (bot/slack/home.py: the latest
    decisions and open action items), example questions."""
    examples = "\n".join(f"• _{escape(q)}_" for q in EXAMPLE_QUESTIONS)
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Minutes"}},
        _section(t("home_intro", lang)),
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": t("home_index", lang)}},
        _section(escape(error) if error else status_text(status, lang)),
        *records,
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": t("home_try", lang)}},
        _section(examples),
    ]
    return {"type": "home", "blocks": blocks}

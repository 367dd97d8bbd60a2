"""The App Home tab's registers: the latest decisions and the open action items, each quoted as
the minutes word it (LaTeX/Markdown shown as text) with its meeting and a link to the source.

Rows come from bot/registers.py, as `minutes decisions` / `minutes actions --open` list them."""
from __future__ import annotations

from datetime import date

from bot import registers
from bot.phrases import say
from bot.render_markup import marked, render

from .limits import HEADER_TEXT_LIMIT, cut_plain
from .text import cut, escape

DECISIONS_SHOWN = 8
ACTIONS_SHOWN = 10
ROW_CHARS = 600  # a row is a line or two in the tab; the source link has the rest


def records_blocks(meetings, lang: str = "en", link=None, today: date | None = None) -> list[dict]:
    """Blocks for the two registers of ``meetings`` (those the user may see: service.meetings)
    (4 + 2 per row + 2 notes: under 50 with the defaults)."""
    meetings = list(meetings or ())
    if not meetings:
        return []
    today = today or date.today()
    decisions = registers.decisions(meetings)
    # Electing the minute-taker or approving the agenda is decided at every meeting: the tab shows
    # what the meetings decided beyond the formalities (all of them when there is nothing else).
    decisions = [r for r in decisions if r["kind"] == "business"] or decisions
    actions = registers.actions(meetings, today=today, open_only=True)
    blocks = [{"type": "divider"}, _header(say("home_decisions", lang))]
    blocks += _rows(decisions[:DECISIONS_SHOWN], lang, link, _decision_context) or [
        _section(escape(say("home_no_decisions", lang)))]
    if len(decisions) > DECISIONS_SHOWN:
        blocks.append(_context(escape(say("home_more_rows", lang, n=len(decisions) - DECISIONS_SHOWN,
                                          what="decisions"))))
    blocks += [{"type": "divider"}, _header(say("home_actions", lang))]
    blocks += _rows(actions[:ACTIONS_SHOWN], lang, link, _action_context) or [
        _section(escape(say("home_no_actions", lang)))]
    if len(actions) > ACTIONS_SHOWN:
        blocks.append(_context(escape(say("home_more_rows", lang, n=len(actions) - ACTIONS_SHOWN,
                                          what="actions --open"))))
    return blocks


def _rows(rows: list[dict], lang: str, link, context) -> list[dict]:
    blocks = []
    for row in rows:
        text = marked(render(row["quote"], row["source"]), "*", "*", escape=escape).strip()
        blocks.append(_section(cut("• " + " ".join(text.split()), ROW_CHARS)))
        blocks.append(_context(context(row, lang, link)))
    return blocks


def _source(row: dict, link) -> str:
    url = link(row["source"], row["start"], row["quote"]) if link is not None else None
    return f"<{escape(url)}|{escape(row['source'])}>" if url else f"`{escape(row['source'])}`"


def _decision_context(row: dict, lang: str, link) -> str:
    parts = [escape(row["meeting_date"] or say("undated_meeting", lang))]
    if row.get("item"):
        parts.append(escape(str(row["item"])))
    parts += [escape(say(f"outcome_{row['outcome']}", lang)), _source(row, link)]
    return " · ".join(parts)


def _action_context(row: dict, lang: str, link) -> str:
    owners = ", ".join(row["owners"]) or say("nobody", lang)
    parts = [escape(owners)]
    if row.get("due"):
        parts.append(escape(say("action_due", lang, date=row["due"]).strip(" ()")))
    parts.append(escape(say(f"action_status_{row['status']}", lang).lstrip(", ")))
    parts += [escape(row["meeting_date"] or say("undated_meeting", lang)), _source(row, link)]
    return " · ".join(parts)


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": cut_plain(text, HEADER_TEXT_LIMIT)}}


def _section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn, "verbatim": True}}


def _context(mrkdwn: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(mrkdwn, 2000), "verbatim": True}]}

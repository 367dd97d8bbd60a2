"""The Slack bot's fixed replies (help, status, reindex reports), worded from the phrase table
(:mod:`bot.phrases`), and the one place that turns an exception into words for the user."""
from __future__ import annotations

import logging

from bot.phrases import say
from index.collections import DEFAULT
from index.errors import IndexBusy, IndexCorrupt, IndexMissing, MinutesError, ModelMismatch
from index.language import detect_language

from .text import escape
from .uploads import file_kinds

log = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = [
    "Vilka var med på senaste mötet?",
    "När är nästa möte?",
    "What was decided about the budget?",
    "Who chaired the meeting in November 2021?",
]


def guess_language(text: str) -> str:
    """"sv"/"en" for replies that come before the engine has looked at the question."""
    return detect_language(text or "", default="en")


# One lookup for every fixed phrase (the table is bot.phrases.PHRASES).
t = say


def user_message(exc: BaseException, lang: str = "en") -> str:
    """What the user is told when handling their request failed. Errors we raise on purpose
    carry a user-facing line; anything else is a bug, logged with its traceback."""
    # These errors' own texts name the server's index folder and CLI commands; in Slack, say it
    # the Slack way (the operator finds the full text in the log).
    if isinstance(exc, IndexMissing):
        return t("not_indexed", lang)
    if isinstance(exc, IndexBusy):
        log.info("request refused: %s", exc)
        return t("index_busy", lang)
    if isinstance(exc, (IndexCorrupt, ModelMismatch)):
        log.warning("request failed: %s", exc)
        return t("index_rebuild", lang)
    if isinstance(exc, MinutesError):
        log.warning("request failed: %s", exc)
        return str(exc)
    log.error("unexpected error while handling a Slack request", exc_info=exc)
    return t("error", lang)


def help_text(lang: str = "en") -> str:
    examples = "\n".join(f"• _{q}_" for q in EXAMPLE_QUESTIONS)
    return say("help", lang, kinds=file_kinds(lang=lang), examples=examples)


def status_text(status, lang: str = "en") -> str:
    """One paragraph from ``service.status()``."""
    if not status.meetings:
        return say("not_indexed", lang)
    span = f"{status.first_date or '?'} – {status.last_date or '?'}"
    text = say("status", lang, meetings=status.meetings, chunks=status.chunks, span=span,
               updated=status.updated_at or say("unknown", lang), model=escape(str(status.model)))
    return (text + skipped_text(getattr(status, "skipped", None) or [], lang)
            + read_as_text(getattr(status, "notes", None) or [], lang))


def collections_text(collections, lang: str = "en") -> str:
    """The collections a reader sees, with their meeting counts (bot/collections.py)."""
    if len(collections) < 2 and all(c.folder == DEFAULT for c in collections):
        return ""  # one corpus without folders: nothing to tell apart
    lines = [f"• {escape(c.name)} (`{escape(c.folder)}`): {c.meetings}" for c in collections]
    return "\n" + say("status_collections", lang) + "\n" + "\n".join(lines)


def read_as_text(notes: list, lang: str = "en", limit: int = 10) -> str:
    """The files read by their content (a Word document saved as .txt), one bullet each."""
    if not notes:
        return ""
    lines = []
    for n in notes[:limit]:
        kind = str(_get(n, "read_as"))
        said = say("read_as", lang, kind="text" if kind == "text" else kind.upper(),
                   content=say(f"content_{kind}", lang)) if kind in ("docx", "pdf", "text") else _get(n, "note")
        lines.append(f"• `{escape(str(_get(n, 'file')))}`: {escape(str(said))}")
    if len(notes) > limit:
        lines.append(say("more_skipped", lang, n=len(notes) - limit))
    return "\n" + say("status_read_as", lang, n=len(notes)) + "\n" + "\n".join(lines)


def skipped_text(skipped: list, lang: str = "en", limit: int = 10) -> str:
    """The files the index could not read, one bullet each: a newcomer's .odt is not lost silently."""
    if not skipped:
        return ""
    lines = [f"• `{escape(str(_get(s, 'file')))}`: {escape(str(_get(s, 'reason')))}" for s in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(say("more_skipped", lang, n=len(skipped) - limit))
    return "\n" + say("status_skipped", lang, n=len(skipped)) + "\n" + "\n".join(lines)


def reindex_text(report, lang: str = "en") -> str:
    text = say("reindexed", lang, added=len(report.added), updated=len(report.updated), removed=len(report.removed),
               unchanged=report.unchanged, embedded=report.chunks_embedded)
    skipped = list(report.skipped or [])
    if skipped:
        lines = [f"• `{escape(str(_get(s, 'file')))}`: {escape(str(_get(s, 'reason')))}" for s in skipped[:20]]
        if len(skipped) > 20:
            lines.append(say("more_skipped", lang, n=len(skipped) - 20))
        text += "\n" + say("reindex_skipped", lang) + "\n" + "\n".join(lines)
    return text + read_as_text(list(getattr(report, "notes", None) or []), lang)


def _get(item, key: str):
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)

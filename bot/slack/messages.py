"""Every fixed string the bot says, in English and Swedish, and the one place that turns an
exception into words for the user."""
from __future__ import annotations

import logging
import re

from index.errors import IndexBusy, IndexCorrupt, IndexMissing, MinutesError, ModelMismatch

from .text import escape
from .uploads import file_kinds

log = logging.getLogger(__name__)

STRINGS: dict[str, dict[str, str]] = {
    "error": {
        "en": "Sorry, something went wrong. The details are in the bot's log.",
        "sv": "Något gick fel. Detaljerna finns i botens logg.",
    },
    "empty_question": {
        "en": "Ask me something about the meeting minutes, e.g. _Who attended the last meeting?_ (`/minutes help` for more.)",
        "sv": "Fråga mig något om mötesprotokollen, t.ex. _Vilka var med på senaste mötet?_ (`/minutes help` för mer.)",
    },
    "not_indexed": {
        "en": "Nothing is indexed yet. An admin can run `/minutes index` or upload minutes to me.",
        "sv": "Inget är indexerat ännu. En administratör kan köra `/minutes index` eller ladda upp protokoll till mig.",
    },
    "index_busy": {
        "en": "The index is being updated right now; try again in a minute.",
        "sv": "Indexet uppdateras just nu; försök igen om en minut.",
    },
    "index_rebuild": {
        "en": "The index needs rebuilding: an admin can run `/minutes index rebuild`.",
        "sv": "Indexet behöver byggas om: en administratör kan köra `/minutes index rebuild`.",
    },
    "working": {"en": "Looking through the minutes…", "sv": "Letar i protokollen…"},
    "more_passages": {"en": "…and {n} more passages not shown.", "sv": "…och {n} fler utdrag visas inte."},
    "admins_only": {
        "en": "Sorry, only the bot's admins can {what}.",
        "sv": "Tyvärr, bara botens administratörer kan {what}.",
    },
    "what_index": {"en": "update the index", "sv": "uppdatera indexet"},
    "what_upload": {"en": "add minutes by uploading a file", "sv": "lägga till protokoll genom att ladda upp en fil"},
    "reindexing": {
        "en": "Updating the index… I'll post the result here when it's done.",
        "sv": "Uppdaterar indexet… Jag skriver resultatet här när det är klart.",
    },
    "reindex_running": {
        "en": "An index update is already running; its result will be posted when it's done.",
        "sv": "En uppdatering av indexet pågår redan; resultatet skrivs när den är klar.",
    },
    "not_here": {
        "en": "I don't answer in this channel. Ask an admin which channels I serve.",
        "sv": "Jag svarar inte i den här kanalen. Fråga en administratör vilka kanaler jag finns i.",
    },
    "no_file": {"en": "No file found in that message.", "sv": "Jag hittade ingen fil i meddelandet."},
    "mask_id": {"en": "[ID number]", "sv": "[personnummer]"},
    "mask_email": {"en": "[e-mail]", "sv": "[e-post]"},
    "mask_phone": {"en": "[phone]", "sv": "[telefon]"},
    "unknown_command": {
        "en": "I didn't recognise that. Try `/minutes help`.",
        "sv": "Det kände jag inte igen. Prova `/minutes help`.",
    },
}

EXAMPLE_QUESTIONS = [
    "Vilka var med på senaste mötet?",
    "När är nästa möte?",
    "What was decided about the budget?",
    "Who chaired the meeting in November 2021?",
]

_SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(vad|vem|vilka|när|hur|hjälp|och|är|möte[t]?)\b", re.IGNORECASE)


def guess_language(text: str) -> str:
    """A rough "sv"/"en" for replies that come before the engine has looked at the question."""
    return "sv" if _SWEDISH.search(text or "") else "en"


def t(key: str, lang: str = "en", **kwargs) -> str:
    table = STRINGS[key]
    return table.get(lang, table["en"]).format(**kwargs)


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
    if lang == "sv":
        return (
            "*Jag svarar på frågor om mötesprotokollen och citerar dem ordagrant.*\n"
            "• Nämn mig i en kanal: `@minutes När är nästa möte?` (jag svarar i en tråd)\n"
            "• Skriv till mig i ett direktmeddelande\n"
            "• `/minutes &lt;fråga&gt;` – svar som bara du ser\n"
            "• `/minutes status` – vad som är indexerat\n"
            "• `/minutes index` – uppdatera indexet (administratörer)\n"
            f"• Ladda upp ett protokoll ({file_kinds(lang='sv')}) till mig i ett direktmeddelande (administratörer)\n"
            f"Exempel:\n{examples}"
        )
    return (
        "*I answer questions about the meeting minutes, quoting them verbatim.*\n"
        "• Mention me in a channel: `@minutes When is the next meeting?` (I answer in a thread)\n"
        "• Send me a direct message\n"
        "• `/minutes &lt;question&gt;` – an answer only you see\n"
        "• `/minutes status` – what is indexed\n"
        "• `/minutes index` – update the index (admins)\n"
        f"• Upload minutes ({file_kinds()}) to me in a direct message (admins)\n"
        f"Examples:\n{examples}"
    )


def status_text(status, lang: str = "en") -> str:
    """One paragraph from ``service.status()``."""
    if not status.meetings:
        return t("not_indexed", lang)
    span = f"{status.first_date or '?'} – {status.last_date or '?'}"
    if lang == "sv":
        return (
            f"*{status.meetings}* möten indexerade ({status.chunks} utdrag), {span}.\n"
            f"Senast uppdaterat: {status.updated_at or 'okänt'}. Modell: `{escape(str(status.model))}`."
        )
    return (
        f"*{status.meetings}* meetings indexed ({status.chunks} passages), {span}.\n"
        f"Last updated: {status.updated_at or 'unknown'}. Model: `{escape(str(status.model))}`."
    )


def reindex_text(report) -> str:
    text = (
        f"Index updated: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged; "
        f"{report.chunks_embedded} passages embedded."
    )
    skipped = list(report.skipped or [])
    if skipped:
        lines = [f"• `{escape(str(_get(s, 'file')))}`: {escape(str(_get(s, 'reason')))}" for s in skipped[:20]]
        if len(skipped) > 20:
            lines.append(f"…and {len(skipped) - 20} more.")
        text += "\nSkipped:\n" + "\n".join(lines)
    return text


def _get(item, key: str):
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)

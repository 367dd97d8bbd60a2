"""The words of an answer: fixed frames from the phrase table, filled with names, dates and
counts taken from the parsed minutes, and verbatim quotes.

Nothing here invents content; the wording lives in :mod:`bot.phrases`, the choice of the
sentence to quote in :mod:`bot.highlight`."""
from __future__ import annotations

import re
from datetime import date

from index.vocab import MONTH_NAMES

from .phrases import PHRASES, say


def human_date(iso: str | None, lang: str) -> str:
    if not iso:
        return say("undated_meeting", lang)
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {MONTH_NAMES['sv' if lang == 'sv' else 'en'][d.month - 1]} {d.year}"


def join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + say("and", lang) + items[-1]


_QUOTE_CHARS = "\"'“”„‘’«»"


def single_line(text: str) -> str:
    """``text`` itself when it is one line, else its line with the most words (the first of
    equals): a verbatim slice to quote inside a sentence, never a re-spaced one."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return max(lines, key=lambda ln: len(re.findall(r"\w+", ln)))


def quoted(s: str, lang: str) -> str:
    """Verbatim text in quote marks, unless it already starts or ends with one (“”The Valley…”).
    Only its ends are trimmed; text of several lines is quoted by one of them (``single_line``)."""
    s = single_line(s)
    if s[:1] in _QUOTE_CHARS or s[-1:] in _QUOTE_CHARS:
        return s
    return f"“{s}”" if lang == "en" else f"”{s}”"


def clip(s: str, limit: int) -> str:
    """``s`` cut at a word before ``limit`` characters, with "…" (a verbatim prefix, marked
    as cut); ``s`` itself when it is short enough."""
    s = single_line(s)
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(None, 1)[0] if " " in s[:limit] else s[:limit]
    return cut.rstrip(",;:–- ") + "…"


def _when(when: str, lang: str) -> str:
    return say("for_when", lang, when=when) if when else ""


# -- meeting labels -----------------------------------------------------------------------------
def one_line(title: str | None) -> str | None:
    """A title for display: whitespace runs, newlines included, as one space (a title may span
    two lines of the minutes: "Mötesprotokoll\nFöreningen X"). Quotes stay verbatim."""
    return " ".join(title.split()) if title else title


def short_title(title: str | None, limit: int = 60) -> str | None:
    title = one_line(title)
    if not title or len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:(") + "…"


def meeting_label(title: str | None, iso: str | None, lang: str) -> str:
    title = short_title(title)
    suffix = f" ({title})" if title else ""
    if not iso:
        return human_date(iso, lang) + suffix
    return say("meeting_of", lang, date=human_date(iso, lang)) + suffix


def person_label(name: str, detail: str | None) -> str:
    return f"{name} ({detail})" if detail else name


# -- answer frames, per intent ------------------------------------------------------------------
def attendance_sentence(n: int, people: list[str], label: str, lang: str, *, count_only: bool) -> str:
    head = say("attended_1" if n == 1 else "attended_n", lang, n=n, label=label)
    return head + "." if count_only else f"{head}: {join(people, lang)}."


def group_attendance_sentence(group: str, label: str, lang: str, *, count_only: bool) -> str:
    """A meeting whose attendance list names only a group ("Närvarande: Styrelsen")."""
    return say("group_count" if count_only else "group_only", lang, label=label, group=quoted(group, lang))


def organisations_sentence(orgs: list[str], label: str, lang: str) -> str:
    return say("organisations", lang, label=label, orgs=join(orgs, lang))


def no_attendance(lang: str, when: str) -> str:
    return say("no_attendance", lang, when=_when(when, lang))


def person_meetings_sentence(name: str, labels: list[str], lang: str) -> str:
    key = "person_meetings_1" if len(labels) == 1 else "person_meetings"
    return say(key, lang, name=name, n=len(labels), labels=join(labels, lang))


def person_not_attending(name: str, lang: str) -> str:
    return say("person_not_attending", lang, name=name)


def person_search_sentence(name: str, highlight_text: str | None, label: str, lang: str) -> str:
    return say("person_search", lang, name=name, label=label, quote=quoted(highlight_text or "", lang))


def role_sentence(role: str, name: str, label: str, lang: str) -> str:
    return say(f"role_{role}", lang, name=name, label=label)


def no_role(role: str, lang: str, when: str) -> str:
    return say(f"no_role_{role}", lang, when=_when(when, lang))


def next_meeting_sentence(iso: str | None, upcoming: bool, said_on: str | None, quote: str, lang: str) -> str:
    said = human_date(said_on, lang)
    if iso:
        return say("next_upcoming" if upcoming else "next_passed", lang, date=human_date(iso, lang), said=said)
    return say("next_vague", lang, said=said, quote=quoted(quote, lang))


def no_next_meeting(lang: str) -> str:
    return say("no_next_meeting", lang)


def search_sentence(highlight_text: str | None, label: str, lang: str) -> str:
    return say("search", lang, label=label, quote=quoted(highlight_text or "", lang))


def offtopic_sentence(lang: str) -> str:
    return say("offtopic", lang)


def no_meeting_in(when: str, lang: str) -> str:
    return say("no_meeting_in", lang, when=when)


def no_organisations(lang: str, when: str) -> str:
    return say("no_organisations", lang, when=_when(when, lang))


def absence_sentence(absent: list[str], not_present: list[str], label: str, lang: str) -> str:
    """``absent``: listed as absent / sent apologies; ``not_present``: invited but not among the
    attendees."""
    parts = []
    if absent:
        parts.append(say("absent_from", lang, label=label, names=join(absent, lang)))
    if not_present:
        key = "invited_not_present" if absent else "invited_not_present_at"
        parts.append(say(key, lang, label=label, names=join(not_present, lang)))
    return " ".join(parts) or say("all_present", lang, label=label)


def no_absence(lang: str, when: str) -> str:
    return say("no_absence", lang, when=_when(when, lang))


def meetings_held_sentence(labels: list[str], last: bool, lang: str) -> str:
    if last:
        return say("last_meeting_held", lang, label=labels[0])
    return say("meetings_held", lang, labels=join(labels, lang))


def empty_question(lang: str = "en") -> str:
    return say("ask_a_question", lang)


def person_not_absent(name: str, lang: str) -> str:
    return say("person_not_absent", lang, name=name)


# -- records ------------------------------------------------------------------------------------
def capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def decisions_sentence(items: list[tuple[str, str, str, list[str]]], outcome: str | None, lang: str) -> str:
    """``items``: (meeting label, outcome, decided text, reservations), newest or best first;
    grouped by meeting, each decision quoted."""
    groups: dict[str, list[str]] = {}
    for label, out, text, reservations in items:
        piece = say("decision_item", lang, outcome=say(f"outcome_{out}", lang), text=quoted(text, lang))
        if reservations:
            piece += say("reserved", lang, names=join(reservations, lang))
        groups.setdefault(label, []).append(piece)
    return " ".join(say("decided_at", lang, label=label, items="; ".join(pieces)) for label, pieces in groups.items())


def no_decisions(label: str | None, outcome: str | None, lang: str) -> str:
    """``label`` None: the outcome was looked for in every meeting."""
    if label is None and outcome:
        return say(f"no_decisions_any_{outcome}", lang)
    return say(f"no_decisions_{outcome}" if outcome else "no_decisions", lang, label=label)


def action_line(owners: list[str], task: str, due: str | None, status: str | None, lang: str) -> str:
    return say("action_line", lang, owners=join(owners, lang) or say("nobody", lang), task=quoted(task, lang),
               due=say("action_due", lang, date=human_date(due, lang)) if due else "",
               status=say(f"action_status_{status}", lang) if status else "")


def actions_sentence(lines: list[str], label: str | None, lang: str, *, open_only: bool = False) -> str:
    if label:
        return say("actions_from", lang, label=label, items="; ".join(lines))
    return say("open_actions" if open_only else "actions_list", lang, items="; ".join(lines))


def no_actions(lang: str, when: str, *, open_only: bool) -> str:
    return say("no_open_actions" if open_only else "no_actions", lang, when=_when(when, lang))


def role_name(role: str, lang: str) -> str:
    key = f"role_name_{role}"
    return say(key if key in PHRASES else "role_name_other", lang)


def role_holder_sentence(role: str, name: str, label: str, lang: str) -> str:
    return say("role_holder", lang, name=name, role=role_name(role, lang), label=label)


def no_role_holder(role: str, lang: str, when: str) -> str:
    return say("no_role_holder", lang, role=role_name(role, lang), when=_when(when, lang))


def titled_holder_sentence(title: str, name: str, label: str, lang: str) -> str:
    """An open-ended post ("PR-ansvarig", "events lead") is named as the minutes write it."""
    return say("role_holder", lang, name=name, role=title, label=label)


def no_titled_holder(title: str, lang: str, when: str) -> str:
    return say("no_role_holder", lang, role=title, when=_when(when, lang))


def digest_head(label: str, n: int | None, lang: str) -> str:
    return capital(say("digest_head", lang, label=label, n=n) if n else say("digest_head_no_list", lang, label=label))

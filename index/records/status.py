"""The status of action items: as a statement reports it (:func:`tail_status`: "… – Done", "…
(klart)", "Status: pågår", "…, punkten är klar", a bare "Klart." after it), and across meetings:
a later meeting's report on an earlier action ("Done", "Klart", "Pågår", "Dropped", a table's
Status cell, "X har bokat lokalen, punkten är klar") sets that action's status
(:func:`link_actions`); :func:`action_state` says open, overdue or closed against a day."""
from __future__ import annotations

import datetime as dt
import functools
import re

from index.models import ActionItem, Meeting
from index.names import names_match
from index.records.owners import resolve_across
from index.records.text import Unit
from index.vocab import STATUS_COPULAS, STATUS_SUBJECTS, STATUS_WORDS

_TOKEN = re.compile(r"[\wåäöÅÄÖ]{4,}")
# Words of the report, not of the task: "ska", "nästa möte", and the status words themselves
# ("punkten är klar", "Done").
_STOP = {"till", "från", "med", "inte", "ska", "skall", "will", "with", "from", "that", "this", "about", "efter",
         "innan", "nästa", "möte", "mötet", "meeting", "next", "också", "även", "kolla", "check", "punkten",
         "uppgiften", "uppdraget", "have", "har", "hade", "been", "done", "klart", "klar"}
_STOP |= {w.casefold() for ws in STATUS_WORDS.values() for w in ws}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_STATUS = {k: re.compile(r"(?i)(?<![\w\[])(?:" + "|".join(re.escape(w) for w in sorted(v, key=len, reverse=True)) + r")(?![\w\]])")
           for k, v in STATUS_WORDS.items()}
_STATUS_ORDER = ("not_started", "dropped", "ongoing", "done")  # "ej klar" before "klar"
_STATUS_LABEL = re.compile(r"(?i)\b(?:status|läge|state)\s*:\s*")
# "…, punkten är klar", "… – this is done now": the clause before a status word at the end
_STATUS_CLAUSE = re.compile(rf"(?i)(?:^|[,;.–—-]\s*)(?:{_alt(STATUS_SUBJECTS)})\s+(?:{_alt(STATUS_COPULAS)})\s+$")
# "Klart.", "Done!", "Status: pågår" alone: the status of the statement before it
_BARE_STATUS = re.compile(rf"(?i)(?:status|läge|state)?\s*:?\s*(?:{'|'.join(_alt(v) for v in STATUS_WORDS.values())})[\s.!)]*")


def tail_status(text: str, s: int, e: int, *, anywhere: bool = False) -> tuple[str, tuple[int, int] | None, int]:
    """(status, its span, where the task text should end) from a statement's tail:
    "… – Done", "… (klart)", "Status: pågår", or ``anywhere`` in a status cell."""
    seg = text[s:e]
    lab = _STATUS_LABEL.search(seg)
    for key in _STATUS_ORDER:
        for m in _STATUS[key].finditer(seg):
            a, b = m.span()
            tail = seg[b:].strip(" \t.)]*_!")
            before = seg[:a].rstrip(" \t*_")
            clause = None
            if not tail:  # "…, punkten är klar": only where the status word ends the statement
                k = max(0, len(before) - 80)
                clause = _STATUS_CLAUSE.search(before + " ", k)
                if clause:
                    before = before[:clause.start()] + before[clause.start():clause.start() + 1].strip()
            sep = (before.endswith(("(", "[", "–", "—", ":", "|", ",", ".", ";")) or before == ""
                   or before.endswith((" -", "\t-")))  # not "on-finished"
            if anywhere or (lab and lab.end() <= a) or (not tail and (sep or clause)):
                cut = len(before.rstrip("([–—-:|,.; \t")) if not anywhere else len(seg)
                if lab and lab.end() <= a:
                    cut = min(cut, lab.start())
                return key, (s + a, s + b), s + cut
    return "open", None, e


def with_statuses(text: str, units: list[Unit]) -> list[Unit]:
    """The statements, a bare status ("Klart.", "Done!") joined to the statement before it on
    its line or in its paragraph: "Tim kontaktar studentkåren. Klart." is one report."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev and _BARE_STATUS.fullmatch(text, u.start, u.end) and (
                u.line == prev.line or "\n" not in text[prev.end:u.start]):
            out[-1] = Unit(prev.start, u.end, prev.line, prev.listed)
        else:
            out.append(u)
    return out


@functools.lru_cache(maxsize=50_000)
def _words(s: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _TOKEN.findall(s) if w.casefold() not in _STOP)


def _same_word(a: str, b: str) -> bool:
    """The same word, inflected: "bokar" ~ "bokat", "lokal" ~ "lokalen", "kontakta" ~ "kontaktar"."""
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def _owners(a: ActionItem) -> list[str]:
    return a.owner_names or a.owners


def _same_owner(old: ActionItem, new: ActionItem) -> bool | None:
    """Whether the two name one owner (None when either names nobody)."""
    ow, nw = _owners(old), _owners(new)
    if not ow or not nw:
        return None
    return any(x.casefold() == y.casefold() or names_match(x, y) or names_match(y, x) for x in ow for y in nw)


def _same_task(old: ActionItem, new: ActionItem) -> bool:
    """``new`` (a later report) is about ``old``: the same owner when both name one, and most of
    the shorter task's words, inflected or not, in the other ("Anna bokar lokalen" and "Anna har
    bokat lokalen, punkten är klar")."""
    a, b = _words(old.task), _words(new.task)
    if not a or not b:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(any(_same_word(w, x) for x in big) for w in small)
    if not shared:
        return False
    owner = _same_owner(old, new)
    if owner is False:
        return False
    return shared >= 2 and shared / len(small) >= 0.5 or (shared >= 1 and len(small) == 1 and bool(owner))


def link_actions(meetings: list[Meeting]) -> None:
    """Resolve owners across the meetings (owners.resolve_across), then, in date order, let a
    later meeting's report on an earlier action ("Done", "Klart", "Pågår", "Dropped", "X har
    bokat lokalen, punkten är klar", or the same task listed again with a status) set the status
    of every earlier action it is about that is not closed yet, with the source, date and quote
    of the report. An action nobody reports on keeps its status."""
    resolve_across(meetings)
    dated = sorted((m for m in meetings if m.date), key=lambda m: m.date)
    earlier: list[tuple[Meeting, ActionItem]] = []
    for m in dated:
        for new in m.actions:
            if new.status == "open":
                continue  # only a reported status changes an earlier action
            for om, old in earlier:
                if om.date < m.date and old.status not in ("done", "dropped") and _same_task(old, new):
                    old.status = new.status
                    old.status_source = m.source
                    old.status_source_span = new.span
                    old.status_quote = new.task
                    old.status_date = m.date
        earlier.extend((m, a) for a in m.actions if not a.review)


def action_state(action: ActionItem, today: dt.date | str) -> str:
    """"closed" (done or dropped), "overdue" (open and past its due date) or "open"."""
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    if action.status in ("done", "dropped"):
        return "closed"
    if action.due and dt.date.fromisoformat(action.due) < today:
        return "overdue"
    return "open"


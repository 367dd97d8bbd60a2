"""Who holds a role: chair or secretary of a meeting (the parser's chair and secretary), and any
other role the minutes record (treasurer, vice chair, adjusters of the minutes, ...): the
latest minutes that name one, or those of the time asked about."""
from __future__ import annotations

import re
from datetime import date

from index.models import Meeting, Person
from index.vocab import ROLE_CUES

from .. import compose as say
from ..answer import Answer, Facts
from index.lexical import fold

from ..cues import Signals
from ..question import Intent, Question
from ..router import Route
from .view import SnapshotView

_CUE = {role: re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b") for role, cues in ROLE_CUES.items()}


def holders(m: Meeting, role: str, also: frozenset[str] = frozenset()) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(name, quote span, name span) of whoever holds ``role`` in meeting ``m``: the chair and
    secretary the parser chose, a role record of that role (or titled so), else an attendee
    whose detail names it ("Anna Berg, samordnare"). ``also``: the folded names of the post in
    the organisation's profile ("samo", "skyddsombud": bot/orgtitles.py)."""
    if role in ("chair", "secretary"):
        p: Person | None = m.chair if role == "chair" else m.secretary
        if p is not None:
            return [(p.name, p.span, p.span)]
    out, seen = [], set()
    cue = _CUE.get(role)
    post = parse_title(role) if cue is None else None  # "pr-ansvarig" also finds "PR officer"
    for r in getattr(m, "roles", None) or []:
        titled = (post is not None and same_post(post, parse_title(r.title or r.role))) or (
            fold(r.title or r.role) in also)
        if (r.role == role or titled or (cue and r.title and cue.search(r.title))) and r.name.casefold() not in seen:
            seen.add(r.name.casefold())
            out.append((r.name, r.span, r.name_span))
    if not out and (cue or post or also):
        for p in m.attendees:
            parts = re.split(r"\s*[,;/]\s*", p.detail or "")
            said = p.detail and ((cue.search(p.detail) if cue else
                                  post is not None and any(same_post(post, parse_title(d)) for d in parts))
                                 or any(fold(d) in also for d in parts))
            if said and p.name.casefold() not in seen:
                seen.add(p.name.casefold())
                out.append((p.name, p.span, p.span))
    return out


def _of_body(m: Meeting, role: str, words: set[str]) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Holders of ``role`` in a body the question names ("ordförande för ConCats")."""
    out = []
    for r in getattr(m, "roles", None) or []:
        if r.role == role and r.body and words & {w.casefold() for w in re.findall(r"\w+", r.body)}:
            out.append((r.name, r.span, r.name_span))
    return out


def _titled(role: str) -> bool:
    """An open-ended post ("pr-ansvarig"), not one of the roles ROLE_CUES names."""
    return role not in _CUE and parse_title(role) is not None


def _title_in(m: Meeting, name_span: tuple[int, int]) -> str | None:
    return next((r.title for r in getattr(m, "roles", None) or [] if tuple(r.name_span) == tuple(name_span) and r.title), None)


def answer(q: Question, view: SnapshotView, today: date, k: int) -> Answer | None:
    role = q.role or "chair"
    also = view.org_titles.names_of(role)  # a title of the organisation's profile
    titled = _titled(role) or bool(also)
    words = set(q.words)
    if words and any(_of_body(m, role, words) for m in view.meetings):
        # the role in a committee the question names, not the meeting's own
        def held(m):
            return _of_body(m, role, words)
    else:
        def held(m):
            return holders(m, role, also)
    ms = view.select(q, today, lambda m: bool(held(m)))
    if not ms:
        if (no_minutes := view.no_meeting_in(q)) is not None:
            return no_minutes
        if q.words and not any(held(m) for m in view.meetings):
            return None  # "who was re-elected as chair?": the text may say, search it
        # No minutes (of that time) name one: say so.
        if role in ("chair", "secretary"):
            return view.answer(q, say.no_role(role, q.language, q.time.text), found=False)
        if titled:
            return view.answer(q, say.no_titled_holder(role, q.language, q.time.text), found=False)
        return view.answer(q, say.no_role_holder(role, q.language, q.time.text), found=False)
    sentences, passages, facts = [], [], Facts()
    for m in reversed(ms[-5:]):
        label = say.meeting_label(m.title, m.date, q.language)
        for name, span, name_span in held(m):
            if role in ("chair", "secretary"):
                sentences.append(say.role_sentence(role, name, label, q.language))
            elif titled:  # the post as these minutes write it
                sentences.append(say.titled_holder_sentence(_title_in(m, name_span) or role, name, label, q.language))
            else:
                sentences.append(say.role_holder_sentence(role, name, label, q.language))
            passages.append(view.span_passage(m, span, highlight=view.span_text(m, span)))
            facts.people.append(name)
        facts.meetings.append(view.ref(m))
    return view.answer(q, " ".join(sentences), found=True, passages=passages, facts=facts)


def parse_title(text):
    # Imported on use: index.records (the whole record parser) is loaded by a role question only.
    from index.records.titles import parse_title

    return parse_title(text)


def same_post(a, b) -> bool:
    from index.records.titles import same_post

    return same_post(a, b)


def _slots(q: Question, s: Signals) -> None:
    q.role = s.asked_role


# "who chaired?", "vem var sekreterare?", "who represented the division?"; not who attended,
# entered a reservation or is doing a task
ROUTE = Route(Intent.ROLE, 7, lambda s: s.who and bool(s.asked_role) and not s.attended and not s.reservation
              and not s.who_doing, ("who", "asked_role"), _slots)

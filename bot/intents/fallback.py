"""Graceful degradation (issue 17): a structured intent whose records hold nothing for the meeting
asked about answers from the passage that holds the answer instead of "nothing found".

The handlers of ``HANDLERS`` return ``None`` when their records have no answer; the engine then
asks the search (``FALLBACK``) the same question, within the same time (the search resolves the
meeting as the handler did). :func:`mark` says in ``facts.fallback`` that the answer is such a
passage, quoted verbatim, and for a question about who holds a role or who is to do a task
fills ``facts.people`` with the people that passage names: known people of the minutes, and the speakers of scribe minutes
("makoto: I will be chair of SC34 shortly")."""
from __future__ import annotations

import re

from index.lexical import tokens
from index.people import looks_like_name
from index.vocab import NOT_OWNERS

from ..answer import Answer
from ..question import Intent, Question
from . import not_found
from .records import about, concepts_matched, most_of_topic
from .view import SnapshotView

PASSAGE = "passage"
# Intents whose records a passage may stand in for.
STRUCTURED = {Intent.DECISIONS, Intent.ACTIONS, Intent.ROLE, Intent.DIGEST}
# How many of the best passages may name the role's holder.
PEOPLE_PASSAGES = 1
# A speaker at a line's start in scribe minutes: "makoto: …", "Ivan Herman: …", "<b>ivan:</b> …".
_SPEAKER = re.compile(r"(?m)^[ \t>*_-]{0,4}(?P<who>[^\W\d_][\w.'’-]{1,30}(?:[ \t][A-ZÅÄÖ][\w'’-]{1,30}){0,2}):[ \t]")
# Runs of capitalised words (one to three): candidate names, kept when the minutes know them.
_RUN = re.compile(r"(?<![\w@-])[A-ZÅÄÖÉÜØÆ][\w'’-]+(?:[ \t]+[A-ZÅÄÖÉÜØÆ][\w'’-]+){0,2}")


def people_in(view: SnapshotView, text: str) -> list[str]:
    """The people ``text`` names: speakers of its lines, and runs of capitalised words that name
    someone the minutes list (an attendee, a chair), as written in ``text``."""
    out: list[str] = []
    for m in _SPEAKER.finditer(text):
        who = m.group("who")
        if who.casefold() not in NOT_OWNERS and (looks_like_name(who, 3) or who.islower() or view.names.find(who)):
            out.append(who)
    for m in _RUN.finditer(text):
        run = m.group(0)
        if run.casefold() not in NOT_OWNERS and view.names.find(run):
            out.append(run)
    return list(dict.fromkeys(out))


def on_topic(asked: Question, a: Answer, view: SnapshotView) -> Answer:
    """``a`` with only the passages that match most of what a decision question is about
    (``asked.words``: its words without the cue words; :func:`records.most_of_topic`), or one
    of its words when the question names its meetings (the topic is looked for inside them); when none
    does, the minutes decided nothing about it that a passage shows, and the answer says
    so (the search's own words for why) instead of quoting whatever a cue word or a loose
    neighbour found ("did the council approve travel grants for RustConf speakers?")."""
    clues = set(tokens(asked.meeting.text))  # "the autumn general meeting" names a meeting, not the topic
    words = [w for w in asked.words if w not in clues]
    if asked.intent is not Intent.DECISIONS or not words:
        return a
    concepts = about(asked, view.retriever.concepts(words, asked.language))
    if asked.time or asked.meeting:
        # the meetings named, the topic looked for inside them: one of its words will do
        kept = [p for p in a.passages if concepts_matched(p.quote, concepts, view.language_of(p.source))]
    else:
        kept = [p for p in a.passages if most_of_topic(p.quote, concepts, view.language_of(p.source))]
    if kept:
        a.passages = kept
        return a
    text, reason = not_found.explain(asked, view, concepts)
    out = view.answer(asked, text, found=False, intent=Intent.OFFTOPIC)
    out.reason = reason
    return out


def mark(asked: Question, a: Answer, view: SnapshotView) -> Answer:
    """``a``, the search's answer to a question of a structured intent, marked as answered from
    passages (and naming the people of the best passage for a role or action question)."""
    if asked.intent not in STRUCTURED or not a.found or not a.passages:
        return a
    a = on_topic(asked, a, view)
    if not a.found:
        return a
    a.facts.fallback = PASSAGE
    if asked.intent in (Intent.ROLE, Intent.ACTIONS) and not a.facts.people:
        a.facts.people = [n for p in a.passages[:PEOPLE_PASSAGES] for n in people_in(view, p.quote)]
    return a

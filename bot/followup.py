"""Follow-up questions: "and who was absent?", "och 2016?", "vad beslutades där?", "what about
Anna?" read in the context of the question before them.

A conversation keeps a :class:`Context`: the last question as it was understood, and the one
meeting its answer was about (if it was about one). :func:`merge` turns a follow-up's own
:class:`Question` and that context into the question to answer: the same meeting, time and
person, unless the follow-up names others. Engine-side and interface-free, so Slack threads and
the CLI's batch mode share it; the context serialises to JSON for whoever stores it."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace

from index.vocab import ROLE_CUES

from .answer import Answer
from .compose import human_date
from index.lexical import tokens

from .question import Intent, MeetingSpec, Question, TimeFilter

# Intents that ask for people: a follow-up of this kind asks about the meeting, not about the
# person of the question before ("did Anna attend?" -> "and who was absent?").
_LISTS_PEOPLE = frozenset({Intent.ATTENDANCE, Intent.ABSENCE, Intent.ROLE, Intent.NEXT_MEETING, Intent.DIGEST})
# Intents whose question, asked again of a named person, is a person question.
_PERSON_AFTER = frozenset({Intent.SEARCH, Intent.ATTENDANCE, Intent.ROLE, Intent.NEXT_MEETING, Intent.DIGEST})
# What the previous question's intent carried besides intent, time and person.
_INTENT_FLAGS = ("count", "organisations", "role", "person_attended", "outcome", "open_only", "due")

_FOLLOWUP_CUE = re.compile(r"""(?ix)^\s*(?:
    and | or | also | then | so | but                    # "and who was absent?", "and in 2016?"
  | what\s+about | how\s+about | what\s+of               # "what about Anna?"
  | och | eller | även | också | än | men | så          # "och 2016?", "än Anna?"
  | hur\s+(?:är|var)\s+det\s+med | vad\s+gäller         # "hur var det med Anna?"
)\b""")
# Words that only point back at the meeting before ("there", "that meeting", "där"): no topic.
_BACK_WORDS = frozenset("""there then that this same it meeting där då det den detta samma mötet möte
about what how gäller with med också även""".split())
# A follow-up that names a meeting of its own ("the planning meeting", "styrelsemötet") is not
# about the meeting before, even without a date.
_OWN_MEETING = re.compile(r"""(?ix)
    \b(?!(?:the|that|this|same|a|an|which|what)\b)[a-z][\w-]+\s+meeting\b   # "the planning meeting"
  | \b\w{3,}(?:möte|mötet|sammanträdet|stämman)\b                        # "styrelsemötet"
""")
# The cues of bot/understand.py, in the definite form too: a follow-up names the office alone
# ("och ordföranden?", "sekreteraren").
_ROLE_ASK = {role: re.compile(r"(?i)\b(?:" + "|".join(cues) + r")(?:n|en)?\b") for role, cues in ROLE_CUES.items()}
_SHORT_ELLIPSIS = 3  # content words a cue-led follow-up may add and still re-ask the question before


@dataclass
class Context:
    """What a conversation remembers after an answer."""

    question: Question  # as understood (after merging), before any fall-back to a search
    meeting: str | None = None  # ISO date of the one meeting the answer was about
    # The collections the question named ("the board"): a follow-up stays with them unless it
    # names others (collection keys; the reader's own access still applies to every answer).
    collections: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        d = asdict(self.question)
        d["intent"] = self.question.intent.value
        d.pop("slots", None)  # an intent's own slots are read again from the question, not stored
        return json.dumps({"question": d, "meeting": self.meeting, "collections": self.collections},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Context | None":
        """None for anything that is not a stored context (a newer or damaged row)."""
        try:
            d = json.loads(text)
            q = dict(d["question"])
            q["intent"] = Intent(q["intent"])
            q["time"] = TimeFilter(**q["time"])
            named = d.get("collections") or []
            if not all(isinstance(c, str) for c in named):
                return None
            q["meeting"] = MeetingSpec(**q.get("meeting", {}))
            return cls(question=Question(**q), meeting=d.get("meeting"), collections=list(named))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def answered_meeting(answer: Answer) -> str | None:
    """The date of the single meeting ``answer`` is about, if it is about exactly one."""
    dates = {m.meeting_date for m in answer.facts.meetings}
    if not dates:
        dates = {p.meeting_date for p in answer.passages}
    if len(dates) == 1:
        (only,) = dates
        return only
    return None


def remember(q: Question, answer: Answer, collections=()) -> Context:
    # A next-meeting answer quotes the minutes that announce it: not the meeting it is about.
    about_one = answer.found and q.intent != Intent.NEXT_MEETING
    return Context(question=q, meeting=answered_meeting(answer) if about_one else None,
                   collections=sorted(collections))


def is_elliptical(q: Question) -> bool:
    """A follow-up with no question of its own: "och 2016?", "what about Anna?", "and in March?"."""
    if q.intent != Intent.SEARCH:
        return False
    words = [w for w in q.words if w not in _BACK_WORDS]
    if not words:
        return True
    return bool(_FOLLOWUP_CUE.match(q.text)) and len(words) <= _SHORT_ELLIPSIS and bool(q.time or q.person or q.meeting)


def _meeting_time(iso: str, lang: str) -> TimeFilter:
    y, m, d = (int(x) for x in iso.split("-"))
    return TimeFilter(year=y, month=m, day=d, text=human_date(iso, lang))  # "for 8 July 2021"


def merge(q: Question, context: Context | None) -> Question:
    """The follow-up ``q`` read in ``context``: its own intent, time and person where it states
    them, the context's otherwise."""
    if context is None:
        return q
    prev = context.question
    out = replace(q, time=replace(q.time), words=list(q.words), entities=list(q.entities))
    role = _role_asked(q)
    if role is not None:  # "and the chair?", "och sekreteraren?": who held it, at the same meeting
        out.intent, out.role = Intent.ROLE, role
        out.words = [w for w in q.words if not _ROLE_ASK[role].search(w)]
    elliptical = role is None and is_elliptical(q)
    if elliptical:  # the question before, asked again for another time or person
        out.intent = prev.intent
        for name in _INTENT_FLAGS:
            setattr(out, name, getattr(prev, name))
        new_words = [w for w in q.words if w not in _BACK_WORDS]
        # the question before's words, not the meeting it named ("årsmötet" of "… på årsmötet 2020?")
        out.words = new_words or [w for w in prev.words if w not in set(tokens(prev.meeting.text))]
        out.entities = list(q.entities) or list(prev.entities)
        # Retrieval and a fall-back search read the text: the question before, not "och 2016?".
        out.text = prev.text
        if not _has_words_of_its_own(q):
            out.language = prev.language
    if not q.time:
        if q.meeting.before and context.meeting:
            # "and the one before?": the meeting before the one answered (bot/resolve.py)
            out.meeting = replace(q.meeting, before_of=context.meeting)
        elif _OWN_MEETING.search(q.text):
            pass  # "who attended the planning meeting?": its own meeting, any date
        elif not elliptical and out.intent == Intent.ACTIONS and out.open_only:
            pass  # "which action items are open?": open now, whatever meeting set them
        elif context.meeting:
            out.time = _meeting_time(context.meeting, out.language)
        else:
            out.time = replace(prev.time)
    if q.person is None:
        asks_for_people = not elliptical and out.intent in _LISTS_PEOPLE
        out.person = None if asks_for_people else prev.person
        if out.person is not None and out.intent == Intent.PERSON:
            out.person_attended = prev.person_attended if elliptical else q.person_attended
    elif elliptical and prev.intent in _PERSON_AFTER:
        # "what about Anna?" after "who attended?": did she; after a search: what the minutes say of her
        out.intent = Intent.PERSON
        out.person_attended = prev.intent == Intent.ATTENDANCE
    return out


def _role_asked(q: Question) -> str | None:
    """The office a short cue-led follow-up names with no "who" ("and the chair?"), if any."""
    if q.intent != Intent.SEARCH or not _FOLLOWUP_CUE.match(q.text) or len(q.words) > _SHORT_ELLIPSIS:
        return None
    return next((role for role, pat in _ROLE_ASK.items() if pat.search(q.text)), None)


def _has_words_of_its_own(q: Question) -> bool:
    """Whether the follow-up has words besides names and numbers to tell its language by."""
    names = set(tokens(q.person or ""))
    return any(not w.isdigit() and w not in names for w in tokens(q.text))

"""Tasks whose subject names no person: "Vi ska kika på ett betalt system" (the meeting's own,
no owner invented), "jag ska kontakta CFAB" (the writer: the owner
of the section it stands in), and the Swedish passive "Papperna ska skickas in till Swedbank"
(a thing to be done, owner unknown). Also what may follow a modal for a statement to be a task
at all (:func:`after_modal`), shared with the owner-verb form in actions.py. Cue words:
index/vocab MODAL_STATES, NOT_PASSIVES, NOT_OWNERS."""
from __future__ import annotations

import re

from index.records.owners import NOUNISH
from index.vocab import MODAL_STATES, NOT_OWNERS, NOT_PASSIVES


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


# "Vi ska …", "jag ska …" opening a clause. Swedish only: English minutes state resolutions so
# ("We will adopt a Security Window policy"), and their "I'll" belongs to a speaker's "Name:".
_WE = re.compile(r"""(?x)
    (?P<who>(?i:vi|jag))\s+(?i:ska|skall|kommer\s+att)\s+(?:(?i:också|även|nu)\s+)?
    (?P<task>\S[\s\S]*)
""")
# "Papperna ska skickas in …", "Stämmans protokoll ska påbörjas snart", "En rapport ska
# skickas in till Göta": a capitalised first word, up to three lower-case words, a modal, a
# verb in -as.
_PASSIVE = re.compile(r"""(?x)
    (?P<subj>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:[ \t]+[a-zåäö][\wåäö-]*){0,3})\s+
    (?:ska|skall|måste|behöver)\s+(?:(?:nu|också|även|snart)\s+)?
    (?P<verb>[a-zåäö]{2,}as)(?![\wåäö])
""")
_NOT_PASSIVE = {w.casefold() for w in NOT_PASSIVES}
# After a modal, no task: a negation or hedge, a state ("ha", "vara"; "ha ett möte" is a task),
# a passive ("Edward ska avsättas": what happens to someone, not what they do).
_NO_TASK = re.compile(rf"""(?ix)
    (?:inte|ej|not|never|aldrig|nog|kanske|maybe|probably)\b      # "ska inte", "will probably"
  | ha(?!\s+(?:ett\s+|en\s+)?(?:möte|samtal|koll|kontakt|dialog))\b # "ska ha pr-mailen"
  | (?:{_alt(w for w in MODAL_STATES if w != "ha")})\b              # "ska vara", "will be"
  | [\wåäö]+as\b                                                    # "ska avsättas"
""")


def after_modal(text: str, pos: int) -> bool:
    """What follows a modal at ``pos`` can be a task (not "inte …", "ha pr-mailen", "vara …",
    "avsättas")."""
    return not _NO_TASK.match(text, pos)


def we_task(text: str, s: int, e: int) -> tuple[str, int] | None:
    """("we" or "I", where the task starts) for "Vi ska …" / "jag ska …" at ``s``, else None."""
    m = _WE.match(text, s, e)
    if not m or not after_modal(text, m.start("task")):
        return None
    who = "I" if m.group("who").casefold() == "jag" else "we"
    return who, m.start("task")


def passive_task(text: str, s: int, e: int, is_person) -> bool:
    """The statement at ``s`` is an ownerless task in the passive ("Papperna ska skickas in till
    Swedbank"). ``is_person`` says whether a word names one of the meeting's people: "Edward ska
    avsättas" says what happens to someone, and is no task."""
    m = _PASSIVE.match(text, s, e)
    if not m or m.group("verb").casefold() in _NOT_PASSIVE:
        return False
    words = m.group("subj").split()
    first = words[0].casefold()
    if first in NOT_OWNERS or is_person(words[0]):
        return False
    if len(words) == 1 and not (NOUNISH.search(first) or re.search(r"(?:en|et|na|an)$", first)):
        return False  # one capitalised word: a definite noun ("Papperna", "Fakturan"), not a name
    return not text[m.end():e].rstrip().endswith("?")

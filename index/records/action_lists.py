"""Lists of action items (issue 17): every entry of a list that an action heading or an action
label opens is a task, whatever its grammar, with its owner where the entry names one
("Boka fokusmöte om … (Josef)", "Utkast på … - (Josef)", "Josh to draft email to all@"):

    ## Actionpoints inför nästa gång          - **Action items**:
    1. Rensa upp i förslaget … (Josef)            - Josh to draft email to all@
    2. Samla in fler åsikter … (alla)

A heading opens such a list when its title begins with an action label ("Action items for the
next meeting", "Åtgärder", "Att göra") and is no review of earlier actions (``REVIEW_HEADINGS``);
a line that is an action label alone ("Actions:", "**Action items**:") opens the list entries
right below it. ``actions.py`` reads each entry of these lists (:func:`list_spans`)."""
from __future__ import annotations

import re

from index.records.text import norm
from index.sections import Heading, Line, norm_heading
from index.vocab import ACTION_LABELS, REVIEW_HEADINGS

_REVIEW = {norm(h) for h in REVIEW_HEADINGS}
_LABELS = sorted({norm(w) for w in ACTION_LABELS}, key=len, reverse=True)
# A line that is an action label and nothing else: "Actions:", "- **Action items**:", "Att göra:"
_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LABELS)
_LABEL_ALONE = re.compile(rf"""(?ix)
    ^(?:[-*+•]\s+)?(?:\*\*|__)?
    (?:{_ALT})
    (?:\*\*|__)?\s*:(?:\*\*|__)?\s*$
""")
_ENTRY = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s+\S")


def _action_heading(title: str) -> bool:
    """Whether a heading titled so opens a list of new action items: it begins with an action
    label (a whole word of it: "Actionpoints inför nästa gång", not "Actionable ideas")."""
    t = norm(norm_heading(title))
    if not t or t in _REVIEW:
        return False
    return any(t == w or t.startswith(w + " ") for w in _LABELS)


def _indent(ln: Line) -> int:
    return ln.start - ln.raw_start


def list_spans(text: str, ls: list[Line], hs: list[Heading]) -> list[tuple[int, int]]:
    """[start, end) of each list of action items: the body of an action heading, and the list
    entries under a line that is an action label alone."""
    out = []
    for i, h in enumerate(hs):
        if _action_heading(h.title):
            out.append((h.end, hs[i + 1].start if i + 1 < len(hs) else len(text)))
    for i, ln in enumerate(ls):
        if ln.blank or not _LABEL_ALONE.match(ln.text):
            continue
        stop = next((h.start for h in hs if h.start >= ln.end), len(text))
        end = None
        for nl in ls[i + 1:]:
            if nl.blank or nl.start >= stop or _indent(nl) < _indent(ln):
                break
            if not (_ENTRY.match(nl.text) or end is not None and _indent(nl) > _indent(ln)):
                break  # an entry, or the wrapped line of one
            end = nl.end
        if end is not None:
            out.append((ln.end, end))
    return sorted(out)

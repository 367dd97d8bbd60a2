"""Whether a decision is one of the meeting's formalities (quorum, the agenda approved, adjusters
and the meeting's chair elected, the meeting opened or closed) or its business: the ``kind`` of a
decision row (``minutes decisions --business``), what the Home tab and a digest put last.

By the agenda item it stands under (PROCEDURAL_ITEMS: "Val av justerare", "Approval of the
agenda") or by what it says (FORMALITY_STATEMENTS: "är därmed beslutbar", "dagordningen
fastställs"), both in index/vocab."""
from __future__ import annotations

import re

from index.models import Decision
from index.vocab import FORMALITY_STATEMENTS, PROCEDURAL_ITEMS

BUSINESS, FORMALITY = "business", "formality"

_HEADING = re.compile(r"(?i)\b(?:" + "|".join(PROCEDURAL_ITEMS) + r")")
_STATEMENT = re.compile(r"(?i)(?<!\w)(?:" + "|".join(FORMALITY_STATEMENTS) + r")")


def procedural_heading(heading: str | None) -> bool:
    """An agenda item that is a formality ("Mötets öppnande", "Val av justerare", "Links")."""
    return bool(heading and _HEADING.search(heading))


def formality_statement(text: str | None) -> bool:
    return bool(text and _STATEMENT.search(text))


def decision_kind(d: Decision) -> str:
    """"formality" or "business"."""
    return FORMALITY if procedural_heading(d.item) or formality_statement(d.text) else BUSINESS

"""A digest of minutes whose records are empty (issue 17): no agenda item, decision or action was
read from them (headings in a form the parser does not know, notes without "Beslut"), yet the
meeting has main items. They are read from the text itself: each paragraph (a block between
blank lines) is one item, its first line the item's name when it reads as a heading (short, no
sentence end, more lines below), its sentences what was said under it. Every statement is a
verbatim span; the tiers of ``digest_parts`` choose what fits.

Header fields ("Datum: …", "Plats: …"), the title and the roll are no items: the digest names
the meeting and its attendance already."""
from __future__ import annotations

import re

from index.models import Meeting
from index.sentences import sentence_spans

from .. import compose as say
from .digest_parts import FIELD as _FIELD, HEADING_CHARS, MIN_WORDS, SAID, SAID_CHARS, Statement
from .view import SnapshotView

# A first line longer than this is a sentence, not an item's name.
HEADING_MAX = 80
_BLOCK = re.compile(r"\S[\s\S]*?(?=\n[ \t]*\n|\Z)")
# Heading marks of plain-text minutes: "** Timer API", "## Timer API", "=== Timer API ===".
_MARKS = re.compile(r"^[ \t]*(?:[#*=]{1,6}[ \t]+)?(?P<h>.*?)[ \t]*[#*=]*[ \t]*$")


def _skip(m: Meeting, s: int, e: int) -> bool:
    spans = [sp for sp in (m.title_span, m.attendees_span, m.date_span) if sp]
    spans += [p.span for p in list(m.attendees) + list(m.absent) if p.span]
    return any(a < e and s < b for a, b in spans)


def _heading(text: str, s: int, e: int) -> tuple[str, int] | None:
    """(the item's name, where its body starts) when the block's first line reads as a heading."""
    nl = text.find("\n", s, e)
    if nl < 0:
        return None
    first = text[s:nl].strip()
    if not first or len(first) > HEADING_MAX or first.endswith((".", ",", ";")) or _FIELD.match(first):
        return None
    name = _MARKS.match(first).group("h").strip(" *_:")
    return (name, nl + 1) if re.search(r"\w", name) else None


def text_statements(view: SnapshotView, m: Meeting, lang: str) -> list[tuple[str, list[Statement]]]:
    """(heading, statements) per paragraph of the meeting's text, in document order."""
    text = view.documents[m.source]
    out: list[tuple[str, list[Statement]]] = []
    for b in _BLOCK.finditer(text):
        s, e = b.start(), b.end()
        head = _heading(text, s, e)
        body = head[1] if head else s
        sts: list[Statement] = []
        for a, z in sentence_spans(text, body, e, skip_bullets=True):
            piece = text[a:z]
            if (len(re.findall(r"\w+", piece)) < MIN_WORDS or _FIELD.match(piece) or _skip(m, a, z)
                    or piece.lstrip().startswith(("\\", "%", "|", "<"))):
                continue
            sts.append(Statement(a, say.quoted(say.clip(piece, SAID_CHARS), lang), view.span_passage(m, (a, z)),
                                 SAID, len(sts)))
        if sts:
            out.append((say.clip(say.one_line(head[0]) or "", HEADING_CHARS) if head else "", sts))
    return out

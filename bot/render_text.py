"""The answer object rendered for a terminal."""
from __future__ import annotations

import textwrap

from .answer import Answer
from .compose import one_line


def render_text(answer: Answer, *, width: int = 100) -> str:
    lines = [answer.answer, *(f"({n})" for n in answer.notes), ""]
    for i, p in enumerate(answer.passages, 1):
        where = " · ".join(x for x in (p.source, one_line(p.title), p.meeting_date) if x)
        lines.append(f"[{i}] {where}")
        for para in p.quote.splitlines():
            wrapped = textwrap.wrap(para, width - 4) or [""]
            lines.extend("  > " + w for w in wrapped)
        if p.highlight and p.highlight != p.quote:
            lines.append(f"  * {p.highlight}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

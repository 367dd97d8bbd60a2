"""The answer object rendered for a terminal: quotes from LaTeX and Markdown shown as text
(bot.render_markup), bold as ANSI bold when the output is a terminal."""
from __future__ import annotations

import textwrap

from .answer import Answer
from .compose import one_line
from .render_markup import marked, render, render_inline, render_sentence

ANSI_BOLD, ANSI_RESET = "\x1b[1m", "\x1b[0m"


def render_text(answer: Answer, *, width: int = 100, ansi: bool = False) -> str:
    on, off = (ANSI_BOLD, ANSI_RESET) if ansi else ("", "")
    lines = [marked(render_sentence(answer.answer, answer.passages), on, off),
             *(f"({n})" for n in answer.notes), ""]
    for i, p in enumerate(answer.passages, 1):
        where = " · ".join(x for x in (p.source, one_line(p.title), p.meeting_date) if x)
        lines.append(f"[{i}] {where}")
        # Wrapped before the bold markers go in, so their width never counts.
        for para in render(p.quote, p.source).splitlines():
            wrapped = textwrap.wrap(para, width - 4) or [""]
            lines.extend("  > " + marked(w, on, off) for w in wrapped)
        if p.highlight and p.highlight != p.quote:
            lines.append(f"  * {marked(render_inline(p.highlight, p.source), on, off)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

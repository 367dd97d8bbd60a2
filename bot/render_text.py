"""The answer object rendered for a terminal: quotes from LaTeX and Markdown shown as text
(bot.render_markup), bold as ANSI bold when the output is a terminal. Under a passage of several
sentences, the sentence that answers is repeated with a label, unless the answer's text already
quotes it or it is the whole passage."""
from __future__ import annotations

import re
import textwrap

from .answer import Answer
from .compose import one_line
from .phrases import say
from .render_markup import marked, plain, render, render_inline, render_sentence

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
        if _worth_repeating(p, answer.answer):
            label = say("highlight_label", answer.language)
            lines.append(f"  {label} {marked(render_inline(p.highlight, p.source), on, off)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _words(text: str) -> str:
    """The words and numbers of ``text`` alone: list markers, quotes and spacing do not count."""
    return " ".join(re.findall(r"\w+", plain(text).casefold()))


def _worth_repeating(p, answer_text: str) -> bool:
    """Whether the highlighted sentence says more than the passage and the answer above it."""
    if not p.highlight:
        return False
    sentence = _words(render_inline(p.highlight, p.source))
    return bool(sentence) and sentence != _words(render(p.quote, p.source)) and sentence not in _words(answer_text)

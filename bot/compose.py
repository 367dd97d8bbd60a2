"""The words of an answer, per intent, in English and Swedish, and the sentence to highlight.

Nothing here invents content: sentences are fixed frames filled with names, dates and counts
taken from the parsed minutes, and every highlight is cut out of its quote."""
from __future__ import annotations

import re
from datetime import date

from .lexical import BM25, Concept, doc_terms

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
             "oktober", "november", "december"]


def human_date(iso: str | None, lang: str) -> str:
    if not iso:
        return "an undated meeting" if lang == "en" else "ett odaterat möte"
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    if lang == "sv":
        return f"{d.day} {MONTHS_SV[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" and " if lang == "en" else " och ") + items[-1]


_QUOTE_CHARS = "\"'“”„‘’«»"


def single_line(text: str) -> str:
    """``text`` itself when it is one line, else its line with the most words (the first of
    equals): a verbatim slice to quote inside a sentence, never a re-spaced one."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return max(lines, key=lambda ln: len(re.findall(r"\w+", ln)))


def quoted(s: str, lang: str) -> str:
    """Verbatim text in quote marks, unless it already starts or ends with one (“”The Valley…”).
    Only its ends are trimmed; text of several lines is quoted by one of them (``single_line``)."""
    s = single_line(s)
    if s[:1] in _QUOTE_CHARS or s[-1:] in _QUOTE_CHARS:
        return s
    return f"“{s}”" if lang == "en" else f"”{s}”"


# Markup at the ends of a highlight: list bullets, Markdown headings, quote marks, LaTeX commands.
# Emphasis ("**", "__") is not cut off: it comes in pairs, and the highlight keeps both halves.
_MARKUP_HEAD = re.compile(r"(?:\s+|[-*+•●▪◦–]\s|#+\s*|\\item\b\s*|>\s)")
_MARKUP_TAIL = re.compile(r"(?:\s|#|\\\\|\\newline)+$")
# What opens a line before its content: indentation, bullets, list numbers, quote marks, "#".
_LINE_LEAD = re.compile(r"[ \t]*(?:(?:[-*+•●▪◦–]|\d{1,3}[.)]|>|#+)[ \t]+|\\item\b[ \t]*)*")
_EMPHASIS = ("**", "__")


def _content_start(text: str, pos: int) -> int:
    """Where the content of the line holding ``pos`` starts, after its bullet or list number."""
    ls = text.rfind("\n", 0, pos) + 1
    return min(ls + _LINE_LEAD.match(text, ls).end(), pos)


def trim_markup(text: str, s: int, e: int) -> tuple[int, int]:
    """Narrow ``text[s:e]`` past bullets, heading marks and the like at either end, and place its
    ends so that they are not inside an emphasis pair: "Apologies:** Hannah Cole" (cut out of
    "* **Apologies:** Hannah Cole") becomes "**Apologies:** Hannah Cole". The result is still a
    substring of ``text``."""
    for _ in range(10):
        m = _MARKUP_HEAD.match(text, s, e)
        if not m or m.end() == s or m.end() >= e:
            break
        s = m.end()
    m = _MARKUP_TAIL.search(text[s:e])
    if m and m.start() > 0:
        e = s + m.start()
    for mark in _EMPHASIS:
        cs = _content_start(text, s)
        if text.count(mark, cs, s) % 2:  # starts inside a pair: from where the line's content starts
            s = cs
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        if text.count(mark, _content_start(text, e), e) % 2:  # ends inside a pair, or after a stray mark
            close = text.find(mark, e, le)
            if close >= 0:
                e = close + len(mark)
            elif text.endswith(mark, s, e) and e - len(mark) > s:
                e -= len(mark)
                while e > s and text[e - 1].isspace():
                    e -= 1
    return s, e


def is_heading_line(text: str, s: int, e: int, section: str | None = None) -> bool:
    """Whether ``text[s:e]`` is (on) a heading line: Markdown "#", a LaTeX sectioning command,
    "§ 3 ...", or the chunk's section title standing alone on its line."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line = text[line_start: len(text) if line_end < 0 else line_end].strip()
    if re.match(r"^(?:#+\s|\\(?:sub)*section\*?\{|\\(?:paragraph|chapter|title)\*?\{|§\s*\d)", line):
        return True
    if section and line.strip("#*_ ").strip() == section.strip():
        return True
    return False


# -- sentences and highlights -------------------------------------------------------------------
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“”(]*[A-ZÅÄÖ0-9])")
_LEAD = re.compile(r"^(?:[-*+•●▪◦–]|\d{1,3}[.)]|\\item|#+)\s*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences in ``text``: lines, split further at sentence ends. Leading bullets
    and list numbers are left out so the highlight reads as a sentence."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        ls, le = pos, pos + len(line)
        pos = le
        seg_start = ls
        body = text[ls:le]
        cuts = [m.end() for m in _SENT_END.finditer(body)]
        for cut in cuts + [len(body)]:
            s, e = seg_start, ls + cut
            seg_start = e
            piece = text[s:e]
            stripped = piece.strip()
            if not stripped:
                continue
            s += len(piece) - len(piece.lstrip())
            e = s + len(stripped)
            m = _LEAD.match(text[s:e])
            if m and m.end() < e - s:
                s += m.end()
            if re.search(r"\w", text[s:e]):
                out.append((s, e))
    return out


def _matches(term: str, stems: set[str]) -> float:
    if term in stems:
        return 1.0
    if len(term) >= 4 and any(len(s) >= len(term) + 4 and (s.endswith(term) or s.startswith(term)) for s in stems):
        return BM25.COMPOUND_DISCOUNT
    return 0.0


def highlight(text: str, concepts: list[Concept], language: str, *, must: list[tuple[int, int]] | None = None,
              idf=None, section: str | None = None) -> str | None:
    """The sentence of ``text`` that matches the question best (verbatim), or None. ``must``:
    spans (offsets in ``text``) of which the sentence should contain one, e.g. a person's name.
    A heading is never the highlight: when only the heading matches, the first sentence of the
    body under it is taken."""
    best, best_score = None, 0.0
    heading_hit = False
    body: list[tuple[int, int]] = []
    for s, e in sentences(text):
        if is_heading_line(text, s, e, section):
            heading_hit = heading_hit or any(
                _matches(a.term, set(doc_terms(text[s:e], language))) for c in concepts for a in c.alternatives)
            continue
        body.append((s, e))
        stems = set(doc_terms(text[s:e], language))
        score = 0.0
        for c in concepts:
            got = 0.0
            for a in c.alternatives:
                m = _matches(a.term, stems) * a.weight
                if m:
                    got = max(got, m * (idf(a.term) if idf else 1.0))
            score += got
        if must:
            if any(s <= ms and me <= e for ms, me in must):
                score += 100.0
        line_start = text.rfind("\n", 0, s) + 1
        if text[line_start:s].lstrip().startswith(("#", "\\")) or text[s:e].startswith("\\"):
            score *= 0.3  # a heading names the topic; the sentence under it answers
        if len(text[s:e]) < 12:  # a bare heading answers nothing
            score *= 0.3
        if score > best_score:
            best, best_score = (s, e), score
    if best is None and heading_hit and body:
        best = body[0]
    if best is None:
        return None
    s, e = _widen(text, *best)
    s, e = trim_markup(text, s, e)
    return text[s:e]


def first_body_sentence(text: str, section: str | None = None) -> str | None:
    """The first sentence of ``text`` that is not a heading (for an answer with no highlight)."""
    for s, e in sentences(text):
        if not is_heading_line(text, s, e, section):
            s, e = trim_markup(text, *_widen(text, s, e))
            return text[s:e]
    return None


def _widen(text: str, s: int, e: int, spans=None, min_len: int = 40) -> tuple[int, int]:
    """A bullet's lead word ("Hälsoekonomi.") says little alone: take the sentences after it
    on the same line until the highlight says something."""
    spans = spans or sentences(text)
    for ns, ne in spans:
        if e - s >= min_len:
            break
        if ns >= e and "\n" not in text[e:ns]:
            e = ne
    return s, e


# -- answer frames ------------------------------------------------------------------------------
def one_line(title: str | None) -> str | None:
    """A title for display: whitespace runs, newlines included, as one space (a title may span
    two lines of the minutes: "Mötesprotokoll\nFöreningen X"). Quotes stay verbatim."""
    return " ".join(title.split()) if title else title


def short_title(title: str | None, limit: int = 60) -> str | None:
    title = one_line(title)
    if not title or len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:(") + "…"


def meeting_label(title: str | None, iso: str | None, lang: str) -> str:
    title = short_title(title)
    if not iso:
        return human_date(iso, lang) + (f" ({title})" if title else "")
    d = human_date(iso, lang)
    if lang == "sv":
        return f"mötet {d}" + (f" ({title})" if title else "")
    return f"the meeting of {d}" + (f" ({title})" if title else "")


def person_label(name: str, detail: str | None) -> str:
    return f"{name} ({detail})" if detail else name


def attendance_sentence(n: int, people: list[str], label: str, lang: str, *, count_only: bool) -> str:
    if lang == "sv":
        head = f"{n} personer deltog på {label}" if n != 1 else f"1 person deltog på {label}"
        return head + "." if count_only else f"{head}: {join(people, lang)}."
    head = f"{n} people attended {label}" if n != 1 else f"1 person attended {label}"
    return head + "." if count_only else f"{head}: {join(people, lang)}."


def group_attendance_sentence(group: str, label: str, lang: str, *, count_only: bool) -> str:
    """A meeting whose attendance list names only a group ("Närvarande: Styrelsen")."""
    if lang == "sv":
        if count_only:
            return f"Protokollet från {label} anger inte hur många som deltog, bara gruppen: {quoted(group, lang)}."
        return f"Protokollet från {label} anger närvaron bara som en grupp: {quoted(group, lang)}."
    if count_only:
        return f"The minutes of {label} do not record how many attended, only the group: {quoted(group, lang)}."
    return f"The minutes of {label} record attendance only as a group: {quoted(group, lang)}."


def organisations_sentence(orgs: list[str], label: str, lang: str) -> str:
    if lang == "sv":
        return f"Representerade på {label} var: {join(orgs, lang)}."
    return f"Represented at {label}: {join(orgs, lang)}."


def no_attendance(lang: str, when: str) -> str:
    if lang == "sv":
        return f"Jag hittar ingen deltagarlista{(' för ' + when) if when else ''} i protokollen."
    return f"I found no attendance list{(' for ' + when) if when else ''} in the minutes."


def person_meetings_sentence(name: str, labels: list[str], lang: str) -> str:
    if lang == "sv":
        return f"{name} finns med som deltagare på {len(labels)} möte{'n' if len(labels) != 1 else ''}: {join(labels, lang)}."
    return f"{name} is listed as attending {len(labels)} meeting{'s' if len(labels) != 1 else ''}: {join(labels, lang)}."


def person_not_attending(name: str, lang: str) -> str:
    if lang == "sv":
        return f"{name} finns inte med i någon deltagarlista."
    return f"{name} is not listed as attending any meeting."


def person_search_sentence(name: str, highlight_text: str | None, label: str, lang: str) -> str:
    if lang == "sv":
        return f"Om {name} står det i protokollet från {label}: {quoted(highlight_text or '', lang)}"
    return f"About {name}, the minutes of {label} say: {quoted(highlight_text or '', lang)}"


def role_sentence(role: str, name: str, label: str, lang: str) -> str:
    if lang == "sv":
        r = "ordförande" if role == "chair" else "sekreterare"
        return f"{name} var {r} på {label}."
    r = "chaired" if role == "chair" else "was secretary of"
    return f"{name} {r} {label}."


def no_role(role: str, lang: str, when: str) -> str:
    if lang == "sv":
        r = "ordförande" if role == "chair" else "sekreterare"
        return f"Protokollen{(' för ' + when) if when else ''} anger ingen {r}."
    r = "chair" if role == "chair" else "secretary"
    return f"The minutes{(' for ' + when) if when else ''} name no {r}."


def next_meeting_sentence(iso: str | None, upcoming: bool, said_on: str | None, quote: str, lang: str) -> str:
    said = human_date(said_on, lang)
    if iso and upcoming:
        if lang == "sv":
            return f"Nästa möte är {human_date(iso, lang)}, enligt protokollet från {said}."
        return f"The next meeting is on {human_date(iso, lang)}, according to the minutes of {said}."
    if iso:
        if lang == "sv":
            return (f"Det senast utannonserade mötet var {human_date(iso, lang)} (enligt protokollet från {said}); "
                    f"det datumet har passerat och inget senare möte är utannonserat.")
        return (f"The last announced meeting was on {human_date(iso, lang)} (in the minutes of {said}); "
                f"that date has passed and no later meeting has been announced.")
    if lang == "sv":
        return f"Protokollet från {said} säger om nästa möte: {quoted(quote, lang)}"
    return f"The minutes of {said} say about the next meeting: {quoted(quote, lang)}"


def no_next_meeting(lang: str) -> str:
    if lang == "sv":
        return "Inget protokoll anger när nästa möte är."
    return "No minutes say when the next meeting is."


def search_sentence(highlight_text: str | None, label: str, lang: str) -> str:
    if lang == "sv":
        return f"Enligt protokollet från {label}: {quoted(highlight_text or '', lang)}"
    return f"According to the minutes of {label}: {quoted(highlight_text or '', lang)}"


def offtopic_sentence(lang: str) -> str:
    if lang == "sv":
        return "Jag hittar inget om det i protokollen."
    return "I couldn't find anything about that in the minutes."


def no_meeting_in(when: str, lang: str) -> str:
    if lang == "sv":
        return f"Det finns inga protokoll från {when}."
    return f"There are no minutes from {when}."


def no_organisations(lang: str, when: str) -> str:
    if lang == "sv":
        return (f"Deltagarlistorna{(' för ' + when) if when else ''} anger inga organisationer "
                f"(bara namn och roller).")
    return f"The attendee lists{(' for ' + when) if when else ''} record no organisations (only names and roles)."


def absence_sentence(absent: list[str], not_present: list[str], label: str, lang: str) -> str:
    """``absent``: listed as absent / sent apologies; ``not_present``: invited but not among the
    attendees."""
    parts = []
    if lang == "sv":
        if absent:
            parts.append(f"Frånvarande på {label}: {join(absent, lang)}.")
        if not_present:
            parts.append(f"Kallade men inte närvarande{'' if absent else ' på ' + label}: {join(not_present, lang)}.")
        return " ".join(parts) or f"Alla kallade var närvarande på {label}."
    if absent:
        parts.append(f"Absent from {label}: {join(absent, lang)}.")
    if not_present:
        parts.append(f"Invited but not present{'' if absent else ' at ' + label}: {join(not_present, lang)}.")
    return " ".join(parts) or f"Everyone invited attended {label}."


def no_absence(lang: str, when: str) -> str:
    if lang == "sv":
        return f"Protokollen{(' för ' + when) if when else ''} anger inga frånvarande eller kallade."
    return f"The minutes{(' for ' + when) if when else ''} record no absentees or invitees."


def meetings_held_sentence(labels: list[str], last: bool, lang: str) -> str:
    if lang == "sv":
        return (f"Det senaste mötet i protokollen är {labels[0]}." if last
                else f"Protokollen gäller {join(labels, lang)}.")
    return (f"The last meeting in the minutes is {labels[0]}." if last
            else f"The minutes are of {join(labels, lang)}.")


def empty_question(lang: str = "en") -> str:
    if lang == "sv":
        return "Ställ en fråga om protokollen, till exempel ”vem deltog på senaste mötet?”"
    return "Ask a question about the minutes, e.g. “who attended the last meeting?”"


def person_not_absent(name: str, lang: str) -> str:
    if lang == "sv":
        return f"{name} står inte som frånvarande i något protokoll."
    return f"{name} is not recorded as absent from any meeting."

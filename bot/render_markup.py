"""LaTeX and Markdown quotes shown as text: headings as bold lines, list items as bullets,
bold as bold, comments and layout commands gone.

Quotes stay verbatim in the answer object (scripts rely on their offsets); this is only how
they are *shown*. The result marks bold with two sentinel characters, so each interface picks
its own bold (Slack ``*…*``, a terminal's ANSI, nothing) after its own escaping: the sentinels
are no character any escaping touches. The converter never raises: a quote may start or end
in the middle of a command or a brace group."""
from __future__ import annotations

import re

BOLD_ON, BOLD_OFF = "\x02", "\x03"
BULLET = "• "

LATEX_EXTENSIONS = (".tex",)
MARKDOWN_EXTENSIONS = (".md", ".markdown")

# Commands whose last brace argument is a heading.
_HEADINGS = {"part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph", "title",
             "subtitle", "frametitle"}
_BOLD = {"textbf", "bfseries", "mathbf"}
# Commands whose argument is shown as plain text.
_TEXT = {"textit", "emph", "textsl", "textsc", "texttt", "textrm", "textsf", "underline", "uline", "mbox", "text",
         "hbox", "textnormal", "author", "date", "caption", "footnote", "blockquote", "enquote", "url"}
# Layout and preamble: dropped with their arguments.
_DROP = {"documentclass", "usepackage", "KOMAoptions", "newpage", "clearpage", "cleardoublepage", "pagebreak",
         "vspace", "hspace", "vfill", "hfill", "noindent", "indent", "medskip", "bigskip", "smallskip", "maketitle",
         "tableofcontents", "centering", "raggedright", "raggedleft", "label", "linebreak", "newline",
         "setlength", "addtolength", "thispagestyle", "pagestyle", "include", "input", "begin", "end",
         "small", "footnotesize", "large", "Large", "huge", "normalsize", "tiny", "selectlanguage", "today",
         "makeatletter", "makeatother", "phantom", "protect", "relax", "par", "hline", "toprule", "midrule",
         "bottomrule", "newcommand", "renewcommand", "def", "setcounter", "addcontentsline", "graphicspath",
         "includegraphics", "geometry", "sffamily", "rmfamily", "ttfamily", "itshape", "normalfont"}
_SYMBOLS = {"S": "§", "P": "¶", "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—", "LaTeX": "LaTeX",
            "TeX": "TeX", "euro": "€", "textasciitilde": "~", "textbackslash": "\\", "degree": "°",
            "textdegree": "°", "times": "×", "pm": "±", "ae": "æ", "o": "ø", "aa": "å", "AA": "Å"}
_ESCAPED = {"&", "%", "$", "#", "_", "{", "}"}


def kind_of(source: str | None) -> str | None:
    """"latex", "markdown" or None (shown as written) from a source's file name."""
    name = (source or "").lower()
    if name.endswith(LATEX_EXTENSIONS):
        return "latex"
    if name.endswith(MARKDOWN_EXTENSIONS):
        return "markdown"
    return None


def render(text: str, source: str | None) -> str:
    """``text`` from ``source`` as text lines with bold marked by BOLD_ON/BOLD_OFF."""
    kind = kind_of(source)
    if kind == "latex":
        out = _latex(_drop_comments(text))
    elif kind == "markdown":
        out = _markdown(text)
    else:
        return text
    return _tidy(out)


def render_inline(text: str, source: str | None) -> str:
    """``render`` on one line: for a quote inside an answer sentence."""
    if kind_of(source) is None:
        return text
    lines = [ln.removeprefix(BULLET).strip() for ln in render(text, source).splitlines()]
    return " ".join(ln for ln in lines if ln)


def marked(rendered: str, on: str, off: str, escape=lambda s: s) -> str:
    """Rendered text with bold as ``on``/``off`` (``escape`` applied to the text first). Bold
    never spans a line and has no space just inside its markers, as Slack's ``*…*`` needs."""
    lines = []
    for line in escape(rendered).split("\n"):
        lines.append(_bold_line(line, on, off))
    return "\n".join(lines)


def plain(rendered: str) -> str:
    return rendered.replace(BOLD_ON, "").replace(BOLD_OFF, "")


def _bold_line(line: str, on: str, off: str) -> str:
    out, depth, buf = [], 0, []

    def flush_bold():
        inner = "".join(buf)
        core = inner.strip()
        if core:
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()):]
            out.append(f"{lead}{on}{core}{off}{trail}")
        else:
            out.append(inner)
        buf.clear()

    for ch in line:
        if ch == BOLD_ON:
            depth += 1
        elif ch == BOLD_OFF:
            if depth:
                depth -= 1
                if depth == 0:
                    flush_bold()
        elif depth:
            buf.append(ch)
        else:
            out.append(ch)
    if buf:  # bold left open at the end of the line (a heading cut short)
        flush_bold()
    return "".join(out)


# -- LaTeX ---------------------------------------------------------------------------------------
_COMMENT_LINE = re.compile(r"(?m)^[ \t]*(?<!\\)%.*(?:\n|$)")
_COMMENT = re.compile(r"(?<!\\)%.*")


def _drop_comments(text: str) -> str:
    # A line that is only a comment goes with its line break; a trailing comment leaves the line.
    return _COMMENT.sub("", _COMMENT_LINE.sub("", text))


def _group(text: str, i: int, open_: str, close: str) -> tuple[str, int]:
    """The balanced group starting at ``text[i] == open_``: (inside, index after it). An
    unterminated group runs to the end of the text."""
    depth, j = 0, i
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return text[i + 1:j], j + 1
        j += 1
    return text[i + 1:], len(text)


def _args(text: str, i: int) -> tuple[list[str], list[str], int]:
    """Optional ``[...]`` and brace ``{...}`` arguments right after a command at ``i``."""
    opts, args = [], []
    while i < len(text):
        j = i
        while j < len(text) and text[j] in " \t":
            j += 1
        if j < len(text) and text[j] == "[" and not args:
            inner, i = _group(text, j, "[", "]")
            opts.append(inner)
        elif j < len(text) and text[j] == "{":
            inner, i = _group(text, j, "{", "}")
            args.append(inner)
        else:
            break
    return opts, args, i


_WORD_CMD = re.compile(r"\\([A-Za-zåäöÅÄÖ@]+)\*?")


def _latex(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            m = _WORD_CMD.match(text, i)
            if not m:
                nxt = text[i + 1:i + 2]
                if nxt == "\\":  # \\ : a line break, perhaps with [1ex]
                    out.append("\n")
                    i += 2
                    if text[i:i + 1] == "[":
                        _, i = _group(text, i, "[", "]")
                    j = i
                    while j < n and text[j] in " \t":
                        j += 1
                    if text[j:j + 1] == "\n":  # the source's own line break ends the same line
                        i = j + 1
                elif nxt in _ESCAPED:
                    out.append(nxt)
                    i += 2
                elif nxt in (",", " ", ";", ":", "!", "\n"):
                    out.append(" ")
                    i += 2
                else:  # \@, \-, a lone backslash: nothing to show
                    i += 2
                continue
            name = m.group(1)
            i = m.end()
            if name == "csname":  # \csname @date\endcsname: a macro call by name
                end = text.find("\\endcsname", i)
                i = n if end < 0 else end + len("\\endcsname")
                continue
            if name in _SYMBOLS:
                out.append(_SYMBOLS[name])
                if text[i:i + 2] == "{}":
                    i += 2
                continue
            if name == "item":
                opts, _, j = _args(text, i) if text[i:i + 1] == "[" else ([], [], i)
                out.append("\n" + BULLET + (_latex(opts[0]).strip() + " " if opts else ""))
                i = j
                while i < n and text[i] in " \t":
                    i += 1
                continue
            opts, args, i = _args(text, i)
            if name in _HEADINGS:
                body = _latex(args[-1]) if args else ""
                out.append("\n" + BOLD_ON + " ".join(body.split()) + BOLD_OFF + "\n")
            elif name in _BOLD:
                out.append(BOLD_ON + _latex(args[0]) + BOLD_OFF if args else "")
            elif name in _TEXT:
                out.append(_latex(args[-1]) if args else "")
            elif name in _DROP:
                if name in ("begin", "end"):
                    out.append("\n")
            elif args:  # an unknown command with arguments (\förtroendevald{Kassör}{Morgan}{Ja})
                parts = [" ".join(_latex(a).split()) for a in args]
                out.append(", ".join(p for p in parts if p))
            else:  # an unknown macro without arguments: its name is the best guess at its text
                out.append(name.lstrip("@"))
            continue
        if c in "{}":
            i += 1
            continue
        if c == "~":
            out.append(" ")
            i += 1
            continue
        if text.startswith("---", i):
            out.append("—")
            i += 3
            continue
        if text.startswith("--", i):
            out.append("–")
            i += 2
            continue
        if text.startswith("``", i):
            out.append("“")
            i += 2
            continue
        if text.startswith("''", i):
            out.append("”")
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


# -- Markdown ------------------------------------------------------------------------------------
# "#Rubrik" without the space counts too: minutes written by hand often leave it out.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?!#)\s*(\S.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_MD_BOLD = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1")
# Single stars around text; an escaped star (\*) is text, never a marker.
_MD_ITALIC = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=[^\s\\])\*(?![\w*])")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
# "**" left unpaired once the pairs are bold: a quote that starts or ends inside bold text.
_MD_STRAY_BOLD = re.compile(r"(?<!\\)\*\*")


def _md_inline(line: str) -> str:
    line = _MD_LINK.sub(lambda m: m.group(1), line)
    line = _MD_BOLD.sub(lambda m: BOLD_ON + m.group(2) + BOLD_OFF, line)
    line = _MD_STRAY_BOLD.sub("", line)
    line = _MD_ITALIC.sub(lambda m: "_" + m.group(1) + "_", line)
    return _MD_ESCAPE.sub(lambda m: m.group(1), line)


def _markdown(text: str) -> str:
    text = _MD_HTML_COMMENT.sub("", text)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if (_MD_SETEXT.match(line) and out and out[-1].strip() and not out[-1].startswith(BOLD_ON)
                and not out[-1].lstrip().startswith(BULLET)):
            out[-1] = BOLD_ON + _strip_bold(out[-1]).strip() + BOLD_OFF  # "Title\n=====": a heading
            continue
        if _MD_RULE.match(line):  # a horizontal rule: layout
            continue
        m = _MD_HEADING.match(line)
        if m:
            out.append(BOLD_ON + _strip_bold(_md_inline(m.group(1))) + BOLD_OFF)
            continue
        line = _MD_QUOTE.sub("", line)
        m = _MD_LIST.match(line)
        if m:
            line = m.group(1) + BULLET + line[m.end():]
        out.append(_md_inline(line))
    return "\n".join(out)


def _strip_bold(s: str) -> str:
    return s.replace(BOLD_ON, "").replace(BOLD_OFF, "")


def _tidy(text: str) -> str:
    """Lines stripped of LaTeX indentation (list nesting in Markdown kept), runs of blank
    lines made one, none at the ends."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        stripped = line.lstrip()
        if stripped.startswith(BULLET):
            indent = min(len(line) - len(stripped), 8) // 2 * 2
            line = " " * (indent // 2) + stripped if indent else stripped
        else:
            line = " ".join(line.split())
        if not _strip_bold(line).strip():
            if out and out[-1] != "":
                out.append("")
            continue
        if stripped.startswith(BULLET) and len(out) >= 2 and out[-1] == "" and out[-2].lstrip().startswith(BULLET):
            out.pop()  # items of one list stay together
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


_QUOTED = re.compile(r"“([^”]*)”")


def render_sentence(sentence: str, passages) -> str:
    """An answer sentence with the quotes inside it (“…”) rendered like the passages they come
    from: the first passage's format decides, as composed answers quote their first passage."""
    source = next((p.source for p in passages if kind_of(p.source)), None)
    if source is None:
        return sentence
    return _QUOTED.sub(lambda m: "“" + render_inline(m.group(1), source) + "”", sentence)

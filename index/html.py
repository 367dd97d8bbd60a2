"""HTML minutes -> text that keeps their structure, read with the standard library's HTML parser.

The text returned is what quotes of an HTML file are substrings of (as for PDF and DOCX, the
extracted text, not the markup). Structure is written the way the rest of the pipeline reads
Markdown: ``<h2>`` becomes "## …", list items "- …", a definition list's ``<dt>Present</dt>
<dd>a, b</dd>`` becomes "Present: a, b", a table row its cells joined by " | ", ``<br>`` and block
elements line breaks. Scripts, styles, the document head and navigation are not content. Text between tags keeps its line breaks, so a
Markdown file with inline HTML reads as its author laid it out.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never minutes text.
_SKIP = {"script", "style", "head", "nav", "noscript", "template", "svg"}
# Elements that start and end a line of their own.
_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote",
          "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "pre", "figure", "figcaption",
          "address", "details", "summary", "form", "fieldset", "center"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_VOID_BREAK = {"br", "hr"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # depth inside skipped elements
        self.lists: list[list] = []  # per open list: [kind, counter]
        self.pre = 0
        self.cell = 0  # cells written in the current table row

    # -- writing
    def _text(self) -> str:
        return "".join(self.out)

    def _tail(self, n: int = 3) -> str:
        """The last ``n`` characters written (joining all of them for every tag would make a long
        page cost the square of its length)."""
        tail = ""
        for piece in reversed(self.out):
            tail = piece + tail
            if len(tail) >= n:
                break
        return tail[-n:]

    def newline(self) -> None:
        tail = self._tail()
        if tail and not tail.endswith("\n"):
            self.out.append("\n")

    def blank_line(self) -> None:
        self.newline()
        tail = self._tail()
        if tail and not tail.endswith("\n\n"):
            self.out.append("\n")

    # -- parser callbacks
    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _HEADINGS:
            self.blank_line()
            self.out.append("#" * _HEADINGS[tag] + " ")
        elif tag in ("ul", "ol"):
            self.newline()
            self.lists.append([tag, 0])
        elif tag == "li":
            self.newline()
            depth = max(0, len(self.lists) - 1)
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            marker = f"{kind[1]}." if kind[0] == "ol" else "-"
            self.out.append("  " * depth + marker + " ")
        elif tag == "dt":
            self.newline()
        elif tag == "dd":
            text = self._tail()
            if text.endswith("\n") or not text:
                self.out.append("  ")
            else:
                self.out.append(": ")
        elif tag == "tr":
            self.newline()
            self.cell = 0
        elif tag in ("td", "th"):
            if self.cell:
                self.out.append(" | ")
            self.cell += 1
        elif tag in _VOID_BREAK:
            self.newline()
        elif tag in _BLOCK:
            if tag == "pre":
                self.pre += 1
            self.blank_line() if tag in ("p", "pre", "table", "blockquote") else self.newline()

    def handle_startendtag(self, tag, attrs):
        if tag in _VOID_BREAK and not self.skip:
            self.newline()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _HEADINGS:
            self.blank_line()
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.newline()
        elif tag in ("li", "dd", "tr"):
            self.newline()
        elif tag in _BLOCK:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self.blank_line() if tag in ("p", "pre", "table", "blockquote") else self.newline()

    def handle_data(self, data):
        if self.skip or not data:
            return
        if self.pre:
            self.out.append(data)
            return
        text = self._tail()
        at_line_start = not text or text.endswith("\n") or text.endswith(("- ", ": ", "# ", "| "))
        if not data.strip():  # blanks between tags: a paragraph break, a line break, or a space
            if data.count("\n") >= 2:
                self.blank_line()
            elif not at_line_start:
                self.out.append("\n" if "\n" in data else " ")
            return
        if at_line_start:
            data = data.lstrip()
        # Inside a line, runs of blanks are one space; the author's line breaks are kept.
        parts = data.split("\n")
        parts = [re.sub(r"[ \t\f\r\u00a0]+", " ", p) for p in parts]
        if len(parts) > 1:
            parts = [parts[0].rstrip(), *(p.strip() for p in parts[1:-1]), parts[-1].lstrip()]
        self.out.append("\n".join(parts))


def html_text(markup: str) -> str:
    """The text of ``markup`` (see the module's docstring)."""
    p = _Extractor()
    p.feed(markup)
    p.close()
    text = p._text()
    # Trailing blanks on a line and more than one blank line in a row carry nothing.
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


# Tags that mark a text file as HTML written by hand or a site generator: a Markdown file whose
# body is mostly such markup ("<h1>…</h1>", "<ul><li>…") is read as HTML.
_STRUCTURE_TAG = re.compile(r"<(?:h[1-6]|p|ul|ol|li|table|tr|td|div|br|strong|b|dl|dt|dd)\b[^<>]{0,200}>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a text file is HTML (a full page, or a fragment with structural tags on most of
    its lines) rather than Markdown or plain text that mentions a tag or two."""
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    tags = len(_STRUCTURE_TAG.findall(text))
    content_lines = sum(1 for ln in text.splitlines() if ln.strip())
    return tags >= 5 and tags >= 0.3 * content_lines

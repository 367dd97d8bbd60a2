"""Links from a quote to where it came from.

``MINUTES_SOURCE_URL`` is a template: ``{path}`` is the file's path in the corpus folder
(URL-quoted), ``{line}`` the line the quote starts on, e.g.
``https://github.com/org/minutes/blob/main/{path}#L{line}``. A template without ``{path}`` is
a folder URL and gets the path appended. Only formats that have lines (plain text, Markdown,
LaTeX) get a line; for the others the part of the template that holds ``{line}`` (its
``#fragment`` or its ``?query`` parameter) is left out. A file uploaded through Slack links to
its Slack permalink instead, since it may not be in the repository the template points to."""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import quote

LINE_FORMATS = frozenset({".txt", ".md", ".markdown", ".tex"})
PLACEHOLDERS = frozenset({"path", "line"})
MAX_URL = 1000  # a longer link would crowd the source line out of its context block: none then
# A query parameter holding {line} ("?line={line}" or "&l={line}"), dropped when there is no line.
_LINE_PARAM = re.compile(r"[?&][^?&#=]*=[^&#]*\{line\}[^&#]*")


def check_template(template: str) -> str:
    """The template, stripped, or ValueError saying what is wrong with it (one line)."""
    template = template.strip()
    if not template:
        return ""
    if not re.match(r"https?://[^/\s]+", template):
        raise ValueError(f"must be an http(s) URL, got {template!r}")
    names = set(re.findall(r"\{([^{}]*)\}", template))
    unknown = names - PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}}: use {{path}} and {{line}}")
    if "{line}" in template and "{path}" not in template:
        raise ValueError("{line} needs {path} in the same template")
    return template


def line_of(text: str | None, start: int, quote: str = "") -> int | None:
    """The 1-based line of the first visible character of a quote starting at ``start``."""
    if text is None or not 0 <= start <= len(text):
        return None
    start += len(quote) - len(quote.lstrip())  # a passage may begin with the blank line before it
    return text.count("\n", 0, min(start, len(text))) + 1


def _safe(url: str) -> str:
    # Characters that would end or split a Slack link (<url|label>), from an operator's template.
    return url.replace(" ", "%20").replace("|", "%7C").replace("<", "%3C").replace(">", "%3E")


class SourceLinks:
    """The operator's template and the uploads' permalinks; ``linker`` gives the link function
    for one message (permalinks read once per message, not once per passage)."""

    def __init__(self, template: str = "", permalinks=None):
        self.template = check_template(template or "")
        self._permalinks = permalinks  # callable -> {source: Slack permalink}

    def __bool__(self) -> bool:
        return bool(self.template) or self._permalinks is not None

    def linker(self, documents: dict[str, str] | None = None):
        """``link(source, start=0, quote="") -> url | None``; ``documents`` (source -> text)
        give the lines."""
        permalinks = self._permalinks() if self._permalinks is not None else {}
        documents = documents or {}

        def link(source: str, start: int = 0, quote_text: str = "") -> str | None:
            if permalinks.get(source):
                url = _safe(permalinks[source])
            else:
                url = self.url(source, documents.get(source), start, quote_text)
            return url if url and len(url) <= MAX_URL else None

        return link

    def url(self, source: str, text: str | None = None, start: int = 0, quote_text: str = "") -> str | None:
        """The template filled for one file (and line, when ``text`` is given and has lines)."""
        if not self.template:
            return None
        path = quote(source, safe="/")
        t = self.template
        if "{path}" not in t:
            return _safe(t.rstrip("/") + "/" + path)
        line = line_of(text, start, quote_text) if PurePosixPath(source).suffix.lower() in LINE_FORMATS else None
        if line is None and "{line}" in t:
            t = _without_line(t)
        return _safe(t.replace("{path}", path).replace("{line}", str(line)))


def _without_line(template: str) -> str:
    head, hash_, fragment = template.partition("#")
    if "{line}" in fragment:
        return head
    head = _LINE_PARAM.sub("", head)
    if "?" not in head and "&" in head:  # "?line={line}&x=1" lost its "?": the next one takes it
        head = head.replace("&", "?", 1)
    head = head.replace("{line}", "")
    return head + (hash_ + fragment if hash_ else "")

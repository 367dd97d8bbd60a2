"""Questions as a terminal or a pipe gives them: bytes in whatever encoding the user's terminal or
file uses. They are decoded as minutes files are (UTF-8, else cp1252, else latin-1:
index.loaders.decode_8bit), so a question is never lost to its bytes; when it was not UTF-8 the
answer carries a note saying how it was read."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from index.loaders import decode_8bit

from .phrases import say


@dataclass
class TypedQuestion:
    text: str
    codec: str = "utf-8"  # how its bytes were decoded

    def note(self, lang: str) -> str | None:
        return None if self.codec == "utf-8" else say("question_not_utf8", lang, codec=self.codec)


def from_bytes(raw: bytes) -> TypedQuestion:
    text, codec = decode_8bit(raw)
    return TypedQuestion(text.strip(), codec)


def from_argument(arg: str) -> TypedQuestion:
    """A question given on the command line. Python hands bytes that are not in the locale's
    encoding over as lone surrogates; they are the bytes to decode again."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return from_bytes(os.fsencode(arg))
    return TypedQuestion(arg.strip())


def from_stdin(stdin: TextIO) -> Iterator[TypedQuestion]:
    """One question per non-blank line of ``stdin``, read as bytes when it has them."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream with no bytes under it (an io.StringIO in a test)
        lines = (from_argument(line) for line in stdin)
    else:
        lines = (from_bytes(line) for line in raw)
    for q in lines:
        if q.text:
            yield q

"""Progress of `minutes index` on a terminal: one tqdm bar per stage, on stderr.

Only on a terminal (a log file or a pipe gets the summary line alone) and never under --json
(whatever reads the JSON wants nothing else). Bars are not left behind: the summary line that
follows says what was done."""
from __future__ import annotations

import sys

from index.progress import BuildProgress

UNITS = {"parsing": "file", "embedding": "chunk"}


class TerminalProgress(BuildProgress):
    def __init__(self, stream=None, **tqdm_options):
        self.stream = stream or sys.stderr
        self.options = {"dynamic_ncols": True, **tqdm_options}
        self.bar = None

    def stage(self, name: str, total: int) -> None:
        from tqdm import tqdm

        self.close()
        self.bar = tqdm(total=total, desc=name, unit=UNITS.get(name, "step"), file=self.stream, leave=False,
                        **self.options)

    def advance(self, done: int) -> None:
        if self.bar is not None and done > self.bar.n:
            self.bar.update(done - self.bar.n)

    def note(self, text: str | None) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(text or "", refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def terminal_progress(*, json_output: bool, stream=None) -> TerminalProgress | None:
    stream = stream or sys.stderr
    if json_output or not stream.isatty():
        return None
    return TerminalProgress(stream)

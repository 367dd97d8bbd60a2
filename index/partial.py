"""Parse steps that odd text made fail: the meeting keeps everything the other steps found, and
the failure is recorded (``minutes status`` lists the file with the step and a one-line reason).

Only what bad input can raise is caught here. A programming error (NameError, TypeError,
AttributeError, KeyError, IndexError, ...) propagates: it must fail a test, never become a
meeting with missing attendees or records."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

# What odd text can make a parse step raise: a date or number that does not exist ("30 februari",
# a year 0; ValueError), one too large for a date (OverflowError), nesting too deep to follow
# (RecursionError).
INPUT_ERRORS: tuple[type[BaseException], ...] = (ValueError, OverflowError, RecursionError)

REASON_MAX = 160  # characters of the exception's message kept as the reason


def reason_of(exc: BaseException) -> str:
    """One line for people: the exception's kind and the first line of its message."""
    first = (str(exc).splitlines() or [""])[0].strip()
    text = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


@contextmanager
def guarded(step: str, source: str, problems: list[dict] | None) -> Iterator[None]:
    """Run one parse step; bad input that makes it fail is logged and appended to ``problems``
    as ``{"step", "reason"}`` (when given), and the caller goes on with the next step."""
    try:
        yield
    except INPUT_ERRORS as e:
        log.warning("parse step %r failed on %s: %s", step, source, reason_of(e))
        if problems is not None:
            problems.append({"step": step, "reason": reason_of(e)})

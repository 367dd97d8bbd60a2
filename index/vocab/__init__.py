"""The words minutes and questions are made of: one table per concept, in one place.

A package of small modules by subject (``calendar``, ``labels``, ``roles``, ``words``,
``records``, ``meetings``, ``cues``: the words of questions), all re-exported here: import from
``index.vocab``.

Every module that needs to know a month name, a header label, a role word or a function word
reads it from here, so the parser, the chunker, question understanding and the Slack replies
cannot drift apart. Tables are plain data (sets, dicts, tuples of regex fragments); the regexes
built from them live beside the code that uses them.

Where the words come from: the sample minutes in ``corpus/``, the third-party minutes in
``../shared/corpora`` (lithekod-sv, dvd-goteborg-sv, nodejs-tsc-en), the variants written for
``tests/test_parse_variants.py`` and ``tests/test_parse_labels.py``, and the Swedish and English
Snowball stop lists (trimmed and extended with the words questions are made of)."""
from __future__ import annotations

from .calendar import *  # noqa: F401,F403
from .cues import *  # noqa: F401,F403
from .labels import *  # noqa: F401,F403
from .meetings import *  # noqa: F401,F403
from .records import *  # noqa: F401,F403
from .roles import *  # noqa: F401,F403
from .words import *  # noqa: F401,F403

"""The organisation's own titles and abbreviations (the profile's ``[titles]``, index/profile.py)
on the question side: ``SAMO = "skyddsombud"`` makes "vem är SAMO?" and "vem är skyddsombud?"
ask who holds that post (bot/intents/role.py matches either name in the minutes), and a search
for one name also searches for the other ("vad sades om SAMO?" finds "skyddsombudet")."""
from __future__ import annotations

import re

from index.lexical import fold, tokens
from .question import Intent, Question

_WHO = re.compile(r"(?i)\b(?:who|whom|vem|vilka|vilken)\b")
# Intents a question naming a post may have been read as, when it only asks who holds it.
_READ_AS = (Intent.SEARCH, Intent.ROLE, Intent.PERSON)


class Titles:
    """Each title of the profile with what it stands for: the names of one post."""

    def __init__(self, table: dict[str, str] | None = None):
        self.posts: list[tuple[str, ...]] = [(k, v) for k, v in (table or {}).items()]
        names = sorted({n for post in self.posts for n in post}, key=len, reverse=True)
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
                         if names else None)

    def post_in(self, text: str) -> tuple[str, ...] | None:
        """The names of the post ``text`` names (its first one), or None."""
        m = self._pattern.search(text) if self._pattern else None
        if m is None:
            return None
        said = fold(m.group(0))
        return next(p for p in self.posts if said in {fold(n) for n in p})

    def names_of(self, role: str | None) -> frozenset[str]:
        """The folded names of the post ``role`` is one name of (empty: not a profile title)."""
        if not role:
            return frozenset()
        r = fold(role)
        for post in self.posts:
            names = frozenset(fold(n) for n in post)
            if r in names:
                return names
        return frozenset()


def apply(q: Question, titles: Titles) -> Question:
    """``q`` read with the profile's titles: "who is SAMO?" asks for the post's holder; any other
    question naming a post searches for all its names."""
    post = titles.post_in(q.text)
    if post is None:
        return q
    words = [w for n in post for w in tokens(n)]
    if _WHO.search(q.text) and q.intent in _READ_AS:
        q.intent = Intent.ROLE
        q.role = post[0]
        q.person = None
        q.words = [w for w in q.words if w not in words and fold(w) not in {fold(n) for n in post}]
    else:
        q.words = q.words + [w for w in words if w not in q.words]
    return q

"""Open-ended role titles: posts named by what they are responsible for ("PR-ansvarig",
"sponsoransvarig", "ansvarig för arbetsgruppen", "PR officer", "events lead") or by whom they
represent ("LiTHe kod representative", "representant för divisionen").

A title is read as a head word (index/vocab TITLE_HEADS_*, REPRESENTATIVE_HEADS) and a domain;
two titles name the same post when their heads are of one kind and their domains agree
(:func:`same_post`), so "who was the PR officer?" finds "PR-ansvarig Erik" without a table of
every title. The role key of a responsible post is the title as written, normalised
(:func:`title_key`); a representative's key is ``representative`` and what they represent is the
role's body."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.vocab import REPRESENTATIVE_HEADS, TITLE_DETERMINERS, TITLE_HEADS_EN, TITLE_HEADS_SV

RESPONSIBLE = "responsible"
REPRESENTATIVE = "representative"


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_W = r"[\wåäöÅÄÖéü&+.]"
# "pr-ansvarig", "sponsoransvarig", "eventansvarige": the domain is glued to the head; at least
# two letters of it ("ansvarig" alone is no post).
_SV_COMPOUND = re.compile(rf"(?P<dom>{_W}{{2,40}}?)-?(?:{_alt(TITLE_HEADS_SV)})")
# "ansvarig för arbetsgruppen", "representant för divisionen", "representative of the TSC"
_OF = re.compile(rf"(?P<head>{_alt(TITLE_HEADS_SV + REPRESENTATIVE_HEADS)})[ \t]+(?:för|från|i|of|for|from|on|to)[ \t]+"
                 rf"(?P<dom>{_W}[\wåäöÅÄÖ&+. -]{{0,40}})")
# "pr officer", "events lead", "openjs foundation representative", "lithe kod-representant"
_EN_HEAD = re.compile(rf"(?P<dom>{_W}[\wåäöÅÄÖ&+. -]{{0,40}}?)[ \t-]*(?P<head>{_alt(TITLE_HEADS_EN + REPRESENTATIVE_HEADS)})")


@dataclass(frozen=True)
class Title:
    kind: str  # RESPONSIBLE | REPRESENTATIVE
    domain: str  # as written, normalised ("pr", "events", "arbetsgruppen", "lithe kod")


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s.casefold().strip(" .:;,*_()"))


def _domain(s: str) -> str | None:
    words = [w for w in _clean(s).split() if w not in TITLE_DETERMINERS]
    d = " ".join(words).strip(" -")
    return d if len(d) >= 2 and not d.isdigit() else None


def parse_title(title: str) -> Title | None:
    """The post a title names, or None when it names none of these."""
    t = _clean(title)
    if not t:
        return None
    heads_rep = {h.casefold() for h in REPRESENTATIVE_HEADS}
    m = _OF.fullmatch(t)
    if m and (d := _domain(m.group("dom"))):
        return Title(REPRESENTATIVE if m.group("head") in heads_rep else RESPONSIBLE, d)
    m = _SV_COMPOUND.fullmatch(t)
    if m and (d := _domain(m.group("dom"))) and " " not in d:
        return Title(RESPONSIBLE, d)
    m = _EN_HEAD.fullmatch(t)
    if m and (d := _domain(m.group("dom"))) and len(d.split()) <= 3:
        return Title(REPRESENTATIVE if m.group("head") in heads_rep else RESPONSIBLE, d)
    return None


def title_key(title: str) -> str:
    """The role key of a responsible post: its title as written, casefolded, one space."""
    return _clean(title)


def _stem(d: str) -> str:
    d = re.sub(r"[^\wåäö]+", "", d)
    # English plurals and Swedish definite endings say nothing about the post ("events",
    # "webben", "arbetsgruppen")
    for end in ("erna", "arna", "en", "et", "na", "s"):
        if d.endswith(end) and len(d) - len(end) >= 3:
            return d[: -len(end)]
    return d


def same_domain(a: str, b: str) -> bool:
    """"pr" and "pr", "event" and "events", "webb" and "web", "sponsor" and "sponsorship": equal
    stems, or one a prefix of the other of at least three letters."""
    x, y = _stem(a), _stem(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 3 and long_.startswith(short)


def same_post(a: Title | None, b: Title | None) -> bool:
    return a is not None and b is not None and a.kind == b.kind and same_domain(a.domain, b.domain)


# A title in a question: "vem var PR-ansvarig", "who was the PR officer", "who is the events
# lead", "vem var representant för LiTHe kod". Words before an English head are taken one or two
# at a time (the longest that parses wins); a Swedish compound is one word. "vem är ansvarig för
# X?" / "vem är huvudansvarig för X?" ask who must do X (an action), not who holds a post.
_ASK_SV = re.compile(rf"(?<![\w-])(?P<t>{_W}{{2,40}}?-?(?:{_alt(TITLE_HEADS_SV)}))(?![\w-])(?![ \t]+(?:för|for)\b)", re.I)
_ASK_OF = re.compile(rf"(?<![\w-])(?P<t>(?:{_alt(REPRESENTATIVE_HEADS)})[ \t]+(?:för|från|of|for|from)[ \t]+"
                     rf"(?:the[ \t]+)?[\wåäöÅÄÖ&+.-]{{2,40}}(?:[ \t]+[A-ZÅÄÖ][\wåäöÅÄÖ&+.-]{{1,40}})?)", re.I)
_ASK_EN = re.compile(rf"(?<![\w-])(?P<t>(?:[\wåäöÅÄÖ&+.-]{{2,40}}[ \t]+)?[\wåäöÅÄÖ&+.-]{{2,40}}[ \t-]+(?:{_alt(TITLE_HEADS_EN + REPRESENTATIVE_HEADS)}))(?![\w-])", re.I)
# Words before a title in a question that are no part of it; after a modal "lead" is a verb
# ("who will lead the effort?"), and nothing is left to be a domain.
_QUESTION_WORDS = frozenset({"who", "whom", "was", "is", "were", "are", "vem", "vilka", "var", "är", "blev",
                             "became", "named", "elected", "valdes", "till", "som", "as", "will", "would",
                             "shall", "should", "can", "could", "may", "must", "to", "did", "does", "do",
                             "ska", "skall", "kan", "får"}) | TITLE_DETERMINERS


def asked_title(question: str) -> tuple[str, Title] | None:
    """(the title as the question writes it, the post) of an open-ended title in a question."""
    for pat in (_ASK_OF, _ASK_SV, _ASK_EN):
        for m in pat.finditer(question):
            words = m.group("t").split()
            cut = max((i + 1 for i, w in enumerate(words) if w.casefold() in _QUESTION_WORDS), default=0)
            words = words[cut:]  # "going to lead": what follows the last question word
            t = " ".join(words)
            got = parse_title(t) if t else None
            if got is not None:
                return t, got
    return None


def asked_role(question: str) -> str | None:
    """The role key an open-ended title in a question asks for: ``representative``, or the
    title's key ("pr-ansvarig", "pr officer"); :func:`same_post` matches it to the records."""
    got = asked_title(question)
    if got is None:
        return None
    return REPRESENTATIVE if got[1].kind == REPRESENTATIVE else title_key(got[0])

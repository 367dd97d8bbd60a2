"""Role holders of a meeting: chair, vice chair, secretary, treasurer, adjusters (justerare),
minute-taker, rapporteur (föredragande), co-opted (adjungerad), vote counters, auditors, and
any other elected post.

Read from attendee details ("Kassör Lukas Gartman", "Anna Berg, kassör",
``\\förtroendevald{Kassör}{…}{Ja}``), the parser's chair and secretary, role labels
("Justerare: Anna Berg", "Föredragande: …") and elections ("X väljs till protokolljusterare",
"Utses att justera: X", "Till mötesordförande valdes X", "Michael re-elected as Chair")."""
from __future__ import annotations

import bisect
import re

from index.models import Meeting, Person, RoleHolder
from index.person_names import UP as _UP
from index.person_names import looks_like_name, name_regex
from index.vocab import (ACTING_WORDS, MEETING_SCOPED, NOT_OWNERS, REPRESENTATIVE_HEADS, ROLE_TITLES, TITLE_HEADS_EN,
                         TITLE_HEADS_SV)
from index.records.text import Unit
from index.records.titles import REPRESENTATIVE, parse_title, title_key
from index.sections import Heading, strip_span

_TITLES = [(re.compile(rf"(?:{k})"), v) for k, v in ROLE_TITLES.items()]
# "acting ", "t.f. ", "interim " before a title (ACTING_WORDS)
_ACTING = re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(ACTING_WORDS, key=len, reverse=True)) + r")\s*(?=\w)")
_NAME = name_regex(4)  # a person's name (index/person_names.py)
_PAREN = r"(?:[ \t]*\([^()\n]{0,40}\))?"  # "Tekla Siesjö (DV'20)"
_NAMES = rf"(?P<names>{_NAME}{_PAREN}(?:\s*(?:,|;|\boch\b|\band\b|&|\bsamt\b)\s*{_NAME}{_PAREN}){{0,5}})"
# A role title as written after "till"/"som": one to three words ("PR officer", "events lead" as
# two), then "för X" / "of X": a name, the meeting, or a body in the definite form ("ansvarig för
# arbetsgruppen"), not a period ("kassör för verksamhetsåret 2023").
_EN_HEADS = "|".join(sorted(TITLE_HEADS_EN + REPRESENTATIVE_HEADS, key=len, reverse=True))
_SV_HEADS = "|".join(sorted(TITLE_HEADS_SV + REPRESENTATIVE_HEADS, key=len, reverse=True))
_ACTS = "|".join(re.escape(w) for w in sorted(ACTING_WORDS, key=len, reverse=True))
_PERIOD = r"(?:verksamhets|räkenskaps|kalender|budget)?år\w*|perioden|terminen|hösten|våren|resten|mandatperioden"
_TITLE = (rf"(?P<title>[\wåäöÅÄÖ&-]{{2,40}}[ \t]+(?i:{_EN_HEADS})(?![\w-])"
          rf"|(?:(?i:{_ACTS})[ \t]+)?(?:vice[ \t]+)?[\wåäöÅÄÖ-]{{3,40}}(?:[ \t]+(?:tillika|och)[ \t]+[\wåäöÅÄÖ-]{{3,40}})?)"
          rf"(?:[ \t]+(?:för|of|till|to)[ \t]+(?P<body>[{_UP}][\w'’-]*|mötet|stämman|årsmötet|the[ \t]+\w+"
          rf"|(?!{_PERIOD})[a-zåäö][\wåäö-]{{1,40}}(?:en|et|na|n)(?![\w-])))?")
_ELECTION = [
    # Samuel Hammersberg väljs till protokolljusterare / Annie och Erik utses till justeringspersoner
    re.compile(rf"(?<![\w-]){_NAMES}[ \t]+(?:har[ \t]+)?(?:väljs|valdes|valts|utses|utsågs|utsetts|blev|blir|är|väljes)"
               rf"[ \t]+(?:in[ \t]+)?(?:till|som|att[ \t]+vara)[ \t]+{_TITLE}"),
    # Lukas är protokolljusterare (an att-sats: "Att: Lukas är protokolljusterare")
    re.compile(rf"(?<![\w-]){_NAMES}[ \t]+är[ \t]+(?:mötets[ \t]+)?{_TITLE}"),
    # Till mötesordförande valdes Edvard Thörnros / Som justerare utsågs Anna Berg
    re.compile(rf"(?i:till|som)[ \t]+{_TITLE}[ \t]+(?i:valdes|väljs|utsågs|utses|föreslogs)[ \t]+{_NAMES}"),
    # Utses att justera: Anna Berg / Att justera protokollet: Anna Berg
    re.compile(rf"(?i:(?:utses|utsågs|valdes)?[ \t]*att[ \t]+justera(?:[ \t]+(?:dagens[ \t]+)?protokollet)?)"
               rf"(?:[ \t]+(?i:jämte[ \t]+ordföranden))?[ \t]*:?[ \t]*{_NAMES}"),
    # Michael re-elected as Chair / Anna Berg was elected chair / Erik appointed secretary
    re.compile(rf"(?<![\w-]){_NAMES}[ \t]+(?:was[ \t]+|is[ \t]+)?(?:re-?elected|elected|appointed|named|chosen)"
               rf"[ \t]+(?:as[ \t]+|to[ \t]+(?:be[ \t]+)?)?(?:the[ \t]+)?{_TITLE}"),
    # Mötet väljer Anna Berg till ordförande / Divisionsstämman väljer X (DV'20) till divisionsordförande /
    # Årsmötet beslutar välja Rune Jacobson till justerare / The meeting elected Ann Lee as treasurer
    re.compile(rf"(?i:väljer|valde|utser|utsåg|välja|utse|omvälja|elected|re-elected|appointed|elects|appoints)"
               rf"[ \t]+{_NAMES}[ \t]+(?:till|som|(?i:as|to[ \t]+be|to))[ \t]+(?i:the[ \t]+|new[ \t]+|a[ \t]+)?{_TITLE}"),
    # "… lämnar ordet till revisorn, Hugo Hörnquist." / "the treasurer, Ann Lee, reported": a role
    # and its holder in apposition (one name; role_of() keeps only titles that are roles)
    re.compile(rf"(?<![\w-])(?P<title>[\wåäöÅÄÖ-]{{3,30}})[ \t]*,[ \t]*(?P<names>{_NAME})(?=[ \t]*[.,;:)]|[ \t]*$)"),
]
# "Erik representerade LiTHe kod", "Samuel och Lukas representerar divisionen", "Ann represented
# the board": a representative of that body.
_LINK = r"(?:at|in|on|and|to|with|for|vid|på|i|och|mot|gentemot|under|till|med|för|var|som|när)"
_REPRESENTS = re.compile(
    rf"(?<![\w-]){_NAMES}[ \t]+(?:(?i:representera(?:r|de)|företräd(?:er|de)|represent(?:s|ed)))[ \t]+"
    rf"(?P<body>(?i:the)[ \t]+[\w'’-]+|(?:[{_UP}][\w'’-]*(?:[ \t]+(?!{_LINK}(?![\w-]))[\wåäö'’-]+)?"
    rf"|[a-zåäö][\wåäö-]{{1,40}}(?:en|et|na|n)(?![\w-])))")
# "PR-ansvarig Erik …", "… med programansvarig Alex Gerdes om …": an open-ended title glued to a
# name anywhere in a statement (role_of() keeps only titles it can read).
_TITLED_PREFIX = re.compile(rf"(?<![\w-])(?P<title>[\wåäöÅÄÖ-]{{2,40}}(?i:{_SV_HEADS}))"
                            rf"[ \t]+{_NAMES}")
# "Justerare: Anna Berg", "Föredragande: Erik Ek", "Kassör: Lisa Holm", "Chair: Rod Vagg".
_LABEL = re.compile(rf"^[>*_\-•\s]{{0,6}}(?P<title>[\wåäöÅÄÖ -]{{3,40}}?)[*_]{{0,2}}[ \t]*:[*_]{{0,2}}[ \t]*{_NAMES}")
# "Kassör Lukas Gartman", "Ordförande Anna Berg, sekreterare Erik Ek" in a list or a line.
_PREFIX = re.compile(rf"(?:^|(?<=[,;]))[ \t]*(?P<title>(?i:vice[ \t]+)?[\wåäöÅÄÖ-]{{3,30}})[ \t]+(?P<names>{_NAME})(?=[ \t]*(?:[,;.]|$))",
                     re.M)

# "Anna Berg (S), ordförande", "Erik Ek, vice ordförande": a list entry naming a role.
_SUFFIX = re.compile(rf"(?P<names>{_NAME}){_PAREN}[ \t]*,[ \t]*(?P<title>(?i:vice[ \t]+)?[\wåäöÅÄÖ-]{{3,30}}"
                     rf"(?:[ \t]+[\wåäöÅÄÖ&-]{{2,30}}){{0,3}})[ \t]*\.?")


def role_of(title: str) -> tuple[str, str] | None:
    """(role key, scope) of a title as written, or None when it is no role."""
    t = re.sub(r"\s+", " ", title.casefold().strip(" .:*_"))
    t = _ACTING.sub("", t, count=1) or t  # "acting chair", "t.f. ordförande": the chair's role, held for now
    for pat, key in _TITLES:
        if pat.fullmatch(t):
            scope = "meeting" if any(w in t for w in MEETING_SCOPED) else "organisation"
            if key == "chair" and t.endswith("ordförande") and t.startswith(("mötes", "stämmo")):
                scope = "meeting"
            return key, scope
    # an open-ended title ("PR-ansvarig", "events lead", "LiTHe kod representative")
    got = parse_title(t)
    if got is None:
        return None
    return (REPRESENTATIVE if got.kind == REPRESENTATIVE else title_key(t)), "organisation"


def represented(title: str) -> str | None:
    """What a representative's title says they represent, as written ("LiTHe kod")."""
    got = parse_title(title)
    if got is None or got.kind != REPRESENTATIVE:
        return None
    m = re.search(r"\s+".join(map(re.escape, got.domain.split())), title, re.I)
    return title[m.start():m.end()] if m else got.domain


def _name_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    seg = text[s:e]
    for m in list(re.finditer(r"\s*(?:,|;|\boch\b|\band\b|&|\bsamt\b)\s*", seg)) + [None]:
        a, b = (pos, s + m.start()) if m else (pos, e)
        a, b = strip_span(text, a, b)
        pm = re.search(r"\s*\([^()]*\)$", text[a:b])
        if pm:
            b = a + pm.start()
        if b > a:
            n = text[a:b]
            if looks_like_name(n, 4) and n.split()[0].casefold() not in NOT_OWNERS:
                out.append((a, b))
        if m:
            pos = s + m.end()
    return out


class _Roles:
    def __init__(self, text: str):
        self.text = text
        self.out: list[RoleHolder] = []
        self.seen: set[tuple] = set()

    def add(self, key: str, scope: str, title: str | None, ns: int, ne: int, span: tuple[int, int],
            body: str | None = None) -> None:
        name = self.text[ns:ne]
        if key == REPRESENTATIVE and body is None and title:
            body = represented(title)
        k = (key, name.casefold(), scope, (body or "").casefold())  # the first statement of it wins
        if k in self.seen:
            return
        self.seen.add(k)
        self.out.append(RoleHolder(role=key, title=title, name=name, name_span=(ns, ne), span=span,
                                   scope=scope, body=body))


def _from_person(r: _Roles, p: Person, title: str | None, scope_hint: str | None = None) -> None:
    if not title:
        return
    got = role_of(title)
    if got is None:
        return
    key, scope = got
    s, e = p.span
    i = r.text.find(p.name, s, e)
    if i < 0:
        return
    r.add(key, scope_hint or scope, title, i, i + len(p.name), (s, e))


def find_roles(text: str, meeting: Meeting, units: list[Unit], skip: list[tuple[int, int]] | None = None,
               hs: list[Heading] = ()) -> list[RoleHolder]:
    """``skip``: spans not to read elections from (proposals voted down or never decided).
    Headings are read too: a line like "Utses att justera: Erik Ek" may stand alone."""
    r = _Roles(text)
    skip = sorted(skip or [])
    heads = [Unit(*h.title_span, 0, False) for h in hs if h.title_span[1] > h.title_span[0]]
    us = sorted(list(units) + heads, key=lambda u: u.start)
    starts = [a for a, _ in skip]

    def skipped(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and skip[k][0] <= pos < skip[k][1]

    _elections(r, text, [u for u in us if not skipped(u.start)])
    # attendee details: \förtroendevald{Kassör}{…}, "Anna Berg, kassör", "Rod Vagg (chair)"
    for p in list(meeting.attendees) + list(meeting.absent):
        for part in re.split(r"\s*[,;/]\s*", p.detail or ""):
            if part:
                _from_person(r, p, part)
    # 2. the parser's chair and secretary (of this meeting)
    if meeting.chair:
        _from_person(r, meeting.chair, "mötesordförande", "meeting")
        if not any(h.role == "chair" and h.name == meeting.chair.name for h in r.out):
            i = text.find(meeting.chair.name, *meeting.chair.span)
            if i >= 0:
                r.add("chair", "meeting", None, i, i + len(meeting.chair.name), tuple(meeting.chair.span))
    if meeting.secretary:
        i = text.find(meeting.secretary.name, *meeting.secretary.span)
        if i >= 0:
            r.add("secretary", "meeting", None, i, i + len(meeting.secretary.name), tuple(meeting.secretary.span))
    return sorted(r.out, key=lambda h: h.span[0])


def _elections(r: _Roles, text: str, units: list[Unit]) -> None:
    """Elections and role labels, statement by statement."""
    for u in units:
        for pat in _ELECTION:
            for m in pat.finditer(text, u.start, u.end):
                whole = m.group("title") if "title" in pat.groupindex else "justerare"
                # "justeringspersoner tillika rösträknare": two roles
                for title in re.split(r"\s+(?:tillika|och|samt|and)\s+", whole or ""):
                    body = m.group("body") if "body" in pat.groupindex else None
                    got = role_of(title) if title else None
                    if got is None and title and body:  # "ansvarig för arbetsgruppen"
                        got = role_of(f"{title} för {body}")
                        title = f"{title} för {body}"
                    if got is None:
                        continue
                    key, scope = got
                    if body and body.casefold() in ("mötet", "stämman", "årsmötet"):
                        scope, body = "meeting", None
                    for ns, ne in _name_spans(text, *m.span("names")):
                        r.add(key, scope, title, ns, ne, (u.start, u.end), body)
        for m in _REPRESENTS.finditer(text, u.start, u.end):
            for ns, ne in _name_spans(text, *m.span("names")):
                r.add(REPRESENTATIVE, "organisation", None, ns, ne, (u.start, u.end), m.group("body"))
        for m in _TITLED_PREFIX.finditer(text, u.start, u.end):
            got = role_of(m.group("title"))
            if got:
                for ns, ne in _name_spans(text, *m.span("names")):
                    r.add(got[0], got[1], m.group("title"), ns, ne, (u.start, u.end))
        lm = _LABEL.match(text[u.start:u.end])
        if lm:
            got = role_of(lm.group("title"))
            if got:
                off = u.start
                for ns, ne in _name_spans(text, off + lm.start("names"), off + lm.end("names")):
                    r.add(got[0], got[1], lm.group("title").strip(), ns, ne, (u.start, u.end))
        sm = _SUFFIX.fullmatch(text, u.start, u.end)
        if sm:  # "Anna Berg (S), ordförande" in a list of members
            got = role_of(sm.group("title"))
            if got:
                r.add(got[0], got[1], sm.group("title"), *sm.span("names"), (u.start, u.end))
        for pm in _PREFIX.finditer(text[u.start:u.end]):
            got = role_of(pm.group("title"))
            if got:
                ns, ne = u.start + pm.start("names"), u.start + pm.end("names")
                if looks_like_name(text[ns:ne], 4):
                    r.add(got[0], got[1], pm.group("title"), ns, ne, (u.start, u.end))

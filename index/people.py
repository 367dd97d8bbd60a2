"""Reading people out of attendee lists: "1. Anders Blanck, ledamot", "Anna Nilsson- Ledarna",
"* Rod Vagg @rvagg (TSC)", "Erik Mattfolk, Annie Wång, ..." (LaTeX rolls: index/latex.py).

Names are never looked up in a list of known people; only the shape of the entry is used.
"""
from __future__ import annotations

import re

from index.models import Person
from index.person_names import UP, handle_and_name, looks_like_name, person_name, surname_first
from index.vocab import MORE_PEOPLE_WORDS, ROLE_WORDS, SUBSTITUTE_WORDS, alternation
from index.sections import strip_span

def _cap_word(s: str) -> bool:
    s = s.strip()
    return len(s.split()) == 1 and looks_like_name(s, 1)


_LIST_MARK = re.compile(r"^(?:[-*+•●▪◦–—·]\s+)")


def is_bullet(line: str) -> bool:
    """A bulleted list line, dash bullets included ("– Anna Berg, Region Skåne")."""
    return bool(_LIST_MARK.match(line)) or line in ("-", "*", "–")
_NUM_MARK = re.compile(r"^\d{1,3}[.)]\s+")
# The (?<!\s) anchors keep these linear: unanchored, a search restarts inside every run of
# spaces and rescans it (quadratic on a line with a long whitespace run).
_HANDLE = re.compile(r"(?<!\s)\s*@[\w-]+")
# A name with a short group in brackets after it and more after that: a party or a group
# ("Anna Berg (S), ordförande"), or whom a substitute replaces ("(S) ersätter Olle Lind (S)").
_PARTY = re.compile(r"""(?x)
    ^(?P<name>[^(),\d]{3,60}?)\s*
    \((?P<party>[^()]{1,12})\)                    # (S), (M), (KD), (v)
    (?P<rest>\s*(?:,|\s(?:ersätter|ersättare\s+för|replaces|for)\s)[^\n]*)$
""")
_PARENS = re.compile(r"\(([^()]*)\)\s*$")
_DASH = re.compile(r"(?<!\s)\s*[-–—]\s+|(?<!\s)\s+[-–—]\s*")
# Words that fill a list slot without naming anybody: "Regrets: None", "Frånvarande: Inga".
_NOBODY = {"none", "no one", "nobody", "n/a", "ingen", "inga", "inget", "alla", "all", "everyone",
           "samtliga", "styrelsen", "tbd", "tba", "vakant", "vacant"}
# A group named instead of people: "Styrelsen", "Board", "All members", "Samtliga ledamöter",
# "Hela styrelsen", "The whole committee". Optional quantifiers, then a collective noun.
_COLLECTIVE = re.compile(
    r"(?i)^(?:(?:alla|samtliga|hela|övriga|ordinarie|närvarande|styrelsens|föreningens|all|the|whole|entire|full"
    r"|other|remaining|board|committee|styrelse)\s+){0,3}"
    r"(?:styrelsen|styrelse|styrelseledamöter(?:na)?|ledamöter(?:na)?|ledamot|medlemmar(?:na)?|medlem"
    r"|suppleanter(?:na)?|deltagarna|gruppen|arbetsgruppen|kommittén|valberedningen|presidiet|teamet"
    r"|alla|samtliga|board|board members|members|member|directors|trustees|committee|group|team|staff"
    r"|all|everyone|everybody)\s*\.?$")


def is_collective(s: str) -> bool:
    """A list slot naming a group or nobody, not a person ("Styrelsen", "All members", "Inga")."""
    t = re.sub(r"\s+", " ", s.replace("**", "")).strip(" \t\u00a0.")
    t = re.sub(r"\s*\([^()]*\)$", "", t)  # "Styrelsen (5 st)"
    return bool(t) and (t.casefold() in _NOBODY or bool(_COLLECTIVE.match(t)))


# First cell of a table's header row ("| Namn | Roll |", DOCX "Namn, Organisation").
_HEADER_WORDS = {"namn", "name", "names", "deltagare", "participant", "participants", "person",
                 "attendee", "attendees", "ledamot/namn", "för- och efternamn", "full name"}
_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-[\s:|-]*\|?$")


def is_table_furniture(line: str) -> bool:
    """A Markdown table rule ("|---|---|") or a header row ("Namn | Roll", "Namn, Organisation"):
    part of an attendee table, but nobody's entry."""
    if _TABLE_RULE.match(line):
        return True
    first = re.split(r"[|,\t]", line.strip().strip("|"), maxsplit=1)[0]
    return first.strip(" *").casefold() in _HEADER_WORDS


def _columns(text: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """Cells of a table-like entry: Markdown "| a | b |", tab-separated (DOCX/Excel paste) or
    columns padded with 3+ spaces (PDF text). None when the entry is not columnar."""
    seg = text[s:e]
    if "|" in seg:
        seps = [m.span() for m in re.finditer(r"\|", seg)]
    elif "\t" in seg:
        seps = [m.span() for m in re.finditer(r"\t+", seg)]
    else:
        seps = [(m.start() + 1, m.end() - 1) for m in re.finditer(r"\S[ \u00a0]{3,}(?=\S)", seg)]
        seps = [(a, b + 1) for a, b in seps]
    if not seps:
        return None
    cells = []
    pos = 0
    for a, b in seps + [(len(seg), len(seg))]:
        cs, ce = strip_span(text, s + pos, s + a)
        if ce > cs:
            cells.append((cs, ce))
        pos = b
    return cells


def parse_entry(text: str, s: int, e: int, *, roll: bool = False) -> Person | None:
    """One person from the entry text[s:e] (a list line). The span keeps the numbering
    ("11. Helena, Strigård, ledamot") but not a bullet character. ``roll``: the entry is in a
    roll, where a handle names a person too ("- wendyreid")."""
    s, e = strip_span(text, s, e)
    m = _LIST_MARK.match(text[s:e])
    if m:
        s += m.end()
    body_off = s
    m = _NUM_MARK.match(text[s:e])
    if m:
        body_off = s + m.end()
    cells = _columns(text, body_off, e)
    if cells and len(cells) >= 2:  # "Anna Berg | Ordförande", "Anna Berg\tRegion Skåne"
        name = text[cells[0][0]:cells[0][1]].replace("**", "").strip()
        detail = text[cells[1][0]:cells[-1][1]]
        if text[s] == "|":
            s = cells[0][0]
        if text[e - 1] == "|":
            e = cells[-1][1]
        return _person(name, detail, (s, e), roll)
    if cells:  # a one-cell row: "| Anna Berg |"
        s = body_off = cells[0][0]
        e = cells[0][1]
    body = text[body_off:e].strip(" \t\u00a0")
    body = body.replace("**", "")
    if not body:
        return None
    name, detail = body, None
    party = _PARTY.match(body)
    if party:  # "Anna Berg (S), ordförande", "Karin Öberg (S) ersätter Olle Lind (S)"
        rest = (party.group("rest") or "").strip(" ,")
        return _person(party.group("name"), ", ".join(x for x in (party.group("party"), rest) if x), (s, e))
    special = _special_forms(body, (s, e), roll)
    if special:
        return special
    pm = _PARENS.search(body)
    if pm and "," not in body[: pm.start()]:  # "Rod Vagg @rvagg (TSC)" / "Jenni Nordborg (samordnare)"
        detail = pm.group(1).strip() or None
        name = body[: pm.start()]
    elif "," in body:
        parts = [p.strip() for p in body.split(",")]
        # "Helena, Strigård, ledamot": a stray comma inside a name
        if len(parts) >= 3 and _cap_word(parts[0]) and _cap_word(parts[1]):
            name, rest = f"{parts[0]} {parts[1]}", parts[2:]
        else:
            name, rest = parts[0], parts[1:]
        detail = ", ".join(p for p in rest if p) or None
    else:
        dm = _DASH.search(body)
        if dm:  # "Anna Nilsson- Ledarna", "Name – Org"
            name, detail = body[: dm.start()], body[dm.end():].strip() or None
    return _person(name, detail, (s, e), roll)


# "Karin Öberg ersätter Olle Lind", "Anna Berg standing in for Erik Ek": a substitute, with
# whom they stand in for as the detail.
_SUBSTITUTE = re.compile(rf"(?i)^(?P<name>[^(),:]{{2,60}}?)\s+(?P<rest>{alternation(SUBSTITUTE_WORDS)}\s+\S[^\n]*)$")


def _special_forms(body: str, span: tuple[int, int], roll: bool) -> Person | None:
    """The entry forms the list readers share: a handle with the full name in brackets ("abc
    (Anna Berg)": the name, the handle as detail), a roll's name that is not capitalised words
    ("erik", "Havs- och Vattenmyndigheten") and a substitute ("X ersätter Y")."""
    hn = handle_and_name(body)
    if hn:
        return _person(hn[0], hn[1], span, roll)
    if roll and not looks_like_name(body) and person_name(body, roll=True):
        return _person(body, None, span, roll)  # "Havs- och Vattenmyndigheten": whole, no dash split
    sub = _SUBSTITUTE.match(body)
    if sub:
        return _person(sub.group("name"), sub.group("rest").strip(), span, roll)
    return None


def _person(name: str, detail: str | None, span: tuple[int, int], roll: bool = False) -> Person | None:
    name = _HANDLE.sub("", name).strip(" \t\u00a0:")
    name = re.sub(r"\s+", " ", name)
    if is_collective(name) or name.casefold() in _HEADER_WORDS:
        return None
    name = person_name(name, roll=roll)
    if not name:
        return None
    detail = detail.strip(" \t\u00a0|") if detail else None
    return Person(name=name, detail=detail or None, span=span)


def split_two_names(text: str, s: int, e: int, roll: bool = False) -> list[Person]:
    """A comma-separated list item of exactly four capitalised words with no role is most likely
    two people with a missing comma ("Dennis Lundberg Amanda Brodell"): split 2+2. Three words
    stay one person ("Anna Nilsson Vindefjärd" is a real name)."""
    words = list(re.finditer(r"\S+", text[s:e]))
    if len(words) == 4 and all(w.group()[0].isupper() for w in words):
        a = (s + words[0].start(), s + words[1].end())
        b = (s + words[2].start(), s + words[3].end())
        return [Person(name=text[a[0]:a[1]], span=a), Person(name=text[b[0]:b[1]], span=b)]
    p = parse_entry(text, s, e, roll=roll)
    return [p] if p else []


# Separators of an inline name list; "och" after a hyphen joins a compound ("Havs- och
# Vattenmyndigheten", "för- och efternamn") and separates nothing.
_LIST_SEP = re.compile(r"""(?x)
    ,|;|&                                   # punctuation
  | (?<!-)(?<!-[ \t])\b(?:och|and|samt)\b   # a conjunction, not inside "Havs- och ..."
""")


def top_level_parts(text: str, s: int, e: int) -> tuple[list[tuple[int, int]], bool, bool]:
    """Split text[s:e] at separators outside parentheses: (part spans, any "och"/"and"/"&",
    any ";"). "Anna Berg (Region Skåne, ordf.), Erik Ek" has two parts."""
    seg = text[s:e]
    depth = 0
    inside = bytearray(len(seg))
    for i, c in enumerate(seg):
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        if depth:
            inside[i] = 1
    parts: list[tuple[int, int]] = []
    conj = semi = False
    pos = 0
    for m in _LIST_SEP.finditer(seg):
        if inside[m.start()]:
            continue
        conj |= m.group() not in (",", ";")
        semi |= m.group() == ";"
        ps, pe = strip_span(text, s + pos, s + m.start())
        if pe > ps:
            parts.append((ps, pe))
        pos = m.end()
    ps, pe = strip_span(text, s + pos, e)
    if pe > ps:
        parts.append((ps, pe))
    return parts, conj, semi


def _list_part(text: str, a: int, b: int, roll: bool = False) -> Person | None:
    """One item of an inline name list: a name, optionally "@handle" and "(role or org)"; in a
    roll, a handle too ("erik")."""
    body = text[a:b]
    name, detail = body, None
    party = _PARTY.match(body)
    if party:  # "Anna Berg (S), ordförande", "Karin Öberg (S) ersätter Olle Lind (S)"
        rest = (party.group("rest") or "").strip(" ,")
        return _person(party.group("name"), ", ".join(x for x in (party.group("party"), rest) if x), (a, b))
    special = _special_forms(body, (a, b), roll)
    if special:
        return special
    pm = _PARENS.search(body)
    if pm:
        name, detail = body[: pm.start()], pm.group(1).strip() or None
    name = _HANDLE.sub("", name).strip()
    if "(" in name or ")" in name or not (looks_like_name(name, 4) or roll and person_name(name, roll=True)):
        return None
    return _person(name, detail, (a, b), roll)


def _surname_first(text: str, s: int, e: int) -> list[Person] | None:
    """"Berg, Anna; Ek, Erik; Holm, Lisa": semicolons between people, each "Surname, Given"
    (capitalised). The name is given first, as people say it; the span is the part as written."""
    if ";" not in text[s:e]:
        return None
    out, pos = [], s
    for piece in text[s:e].split(";"):
        a, b = pos, pos + len(piece)
        pos = b + 1
        name = surname_first(piece)
        if not name:
            return None
        ps, pe = strip_span(text, a, b)
        if text[pe - 1] == ".":
            pe -= 1
        out.append(Person(name=name, span=(ps, pe)))
    return out if len(out) >= 2 else None


# "ordförande Maria Hoorn", "vice ordförande", "chair Ann Lee": a role, then maybe a name.
_ROLE_THEN_NAME = re.compile(rf"(?P<role>(?![{UP}])[^\W\d_][\w.-]*(?:[ \t]+(?![{UP}])[^\W\d_][\w.-]*){{0,3}}?)"
                             rf"(?:[ \t]+(?P<name>[{UP}].*))?", re.S)
# The roll's last part counting people it does not name ("ytterligare ca 80 medlemmar").
_MORE_PEOPLE = re.compile(rf"(?i)(?:{alternation(MORE_PEOPLE_WORDS)})\b|\d")


def parse_name_list(text: str, s: int, e: int, pairs_are_entries: bool = False, *,
                    roll: bool = False) -> list[Person] | None:
    """"Erik Mattfolk, Annie Wång, Gabriel Tofvesson", "Anna Berg (ordf.), Erik Ek och Lisa Holm"
    -> one person per item, each span its own item. Returns None when the parts are not all
    names (then it is one "Name, role" entry).

    Two comma-separated parts are ambiguous: "Anna Berg, Erik Ek" (two people) or "Anna Berg,
    Vinnova" (name, organisation, as DOCX tables come out). They are read as an entry when the
    second part is shorter than the first, or when ``pairs_are_entries`` (the caller saw a
    block of such lines: a table). ``roll``: the list is a roll, where handles name people
    ("Present: AnnaB, erik, Karl Larsen")."""
    surname_first = _surname_first(text, s, e)
    if surname_first:
        return surname_first
    parts, conj, semi = top_level_parts(text, s, e)
    if len(parts) < 2:
        return None
    if len(parts) == 2 and not conj and not semi:
        words = [len(text[a:b].split()) for a, b in parts]
        if pairs_are_entries or words[1] < words[0]:
            return None
    people: list[Person] = []
    for a, b in parts:
        if text[b - 1] == "." and b - a > 1 and text[b - 2] != ")":
            b -= 1  # the full stop ending the list
            a, b = strip_span(text, a, b)
        if is_collective(text[a:b]) or (text[a] == "(" and text[b - 1] == ")"):
            continue  # "Styrelsen samt Anna Berg (adjungerad)", "..., (eSam - synk)": nobody in particular
        p = _list_part(text, a, b, roll)
        flat = _ROLE_THEN_NAME.fullmatch(text[a:b]) if p is None and roll and people else None
        if flat and flat.group("role").split()[0].casefold() in ROLE_WORDS and people[-1].detail is None:
            # "Börje Tänsgård, ordförande Maria Hoorn, sekreterare ...": "Name, role" entries whose
            # line breaks were lost; the role is the one before's, the name starts the next entry
            role_end = a + flat.end("role")
            people[-1] = people[-1].model_copy(update={"detail": text[a:role_end],
                                                       "span": (people[-1].span[0], role_end)})
            if flat.group("name") is None:
                continue
            a = a + flat.start("name")
            p = _list_part(text, a, b, roll)
        if p is None and roll and people and (a, b) == parts[-1] and _MORE_PEOPLE.match(text[a:b]):
            continue  # "... samt ytterligare ca 80 medlemmar": others, not named
        if p is None:
            return None
        if p.detail is None:
            people.extend(split_two_names(text, a, b, roll))
        else:
            people.append(p)
    return people or None

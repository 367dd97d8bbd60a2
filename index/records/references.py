"""Outcomes, and decisions that only refer to a proposal: "andra attsatsen bifalles",
"förslaget till beslut bifalles", "båda attsatser nekas", "Punkten bordläggs till nästa möte",
"Motion carried 5–2". :func:`reference` reads such a statement; :func:`settle` records a
decision for each proposal entry it settles (or for the item, when there is no proposal)."""
from __future__ import annotations

import re

from index.models import Decision
from index.vocab import ALL_WORDS, ORDINALS, OUTCOME_WORDS, PROPOSAL_REFERENCES

OUTCOME = {k: re.compile(r"(?i)(?<!\w)(?:" + "|".join(v) + r")(?!\w)") for k, v in OUTCOME_WORDS.items()}

_REFS = "|".join(PROPOSAL_REFERENCES) + r"|motion|proposal"
_ORDS = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))
_ALLS = "|".join(ALL_WORDS)
# A decision that names only its proposal and the outcome: "andra attsatsen bifalles",
# "förslaget till beslut bifalles", "båda attsatser nekas", "Attsats bifalles", "Punkten
# bordläggs till nästa möte", "bordlägga punkten", "Motion carried 5–2".
_REFERENCE = re.compile(rf"""(?ix)
    ^(?:att\s+)?
    (?:(?P<ords>(?:(?:{_ORDS})(?:\s*(?:,|och|and|samt)\s*)?){{1,4}})\s+|(?P<all>{_ALLS})\s+|the\s+)?
    (?P<ref>{_REFS})(?!\w)
    (?P<rest>[\s\S]{{0,160}})$
  | ^(?:att\s+)?(?P<verb>bordlägga|bifalla|avslå|anta|godkänna|återremittera|fastställa|neka)\s+
    (?:(?P<ords2>(?:(?:{_ORDS})(?:\s*(?:,|och|and)\s*)?){{1,4}})\s+|(?P<all2>{_ALLS})\s+)?
    (?P<ref2>{_REFS})(?!\w)(?P<rest2>[\s\S]{{0,160}})$
""")
_VERB_OUTCOME = {"bordlägga": "tabled", "bifalla": "approved", "avslå": "rejected", "anta": "approved",
                 "godkänna": "approved", "återremittera": "referred_back", "fastställa": "approved",
                 "neka": "rejected"}
_FILLER = re.compile(r"(?i)\b(?:till|beslut|i\s+sin\s+helhet|med|röster?|för|mot|emot|blankt|ej|och|samt"
                     r"|nästa|möte|mötet|stämma|stämman|divisionsstämma|stormöte|was|is|the|by|a|vote|of"
                     r"|utan\s+ändringar|enligt|ovan|därmed)\b|\d+|[/–—:;.,()-]")


def outcome_of(s: str) -> str | None:
    for k in ("tabled", "referred_back", "noted", "rejected", "approved"):
        if OUTCOME[k].search(s):
            return k
    return None


def reference(text: str, s: int, e: int, outcome: str | None = None):
    """(ordinals, outcome) when text[s:e] only refers to a proposal. Without an ordinal the
    reference settles the whole proposal ("förslaget", "attsatserna", and "attsatsen" too:
    it names the proposal's only att-sats, or all of them when the minutes say no more)."""
    seg = text[s:e]
    m = _REFERENCE.match(seg)
    if not m:
        return None
    ords = m.group("ords") or m.group("ords2")
    rest = m.group("rest") if m.group("rest") is not None else m.group("rest2")
    verb = m.group("verb")
    out = outcome or (_VERB_OUTCOME.get(verb.casefold()) if verb else None) or outcome_of(rest or "")
    if out is None:
        return None
    left = OUTCOME[out].sub(" ", rest or "")
    left = _FILLER.sub(" ", left)
    if len(left.split()) > 3:
        return None  # "förslaget om X antas med ändringen att Y": says more than the reference
    nums = [ORDINALS[w.casefold()] for w in re.findall(rf"(?i){_ORDS}", ords)] if ords else []
    return nums, out


def settle(ctx, s: int, e: int, nums: list[int], outcome: str) -> bool:
    """Decisions for a reference at [s, e): the proposal entries it settles. ``ctx`` is the
    decision reader's context (decisions._Ctx: text, items, proposals by item, add)."""
    text = ctx.text
    key = ctx.item_key(s)
    blocks = [b for b in ctx.proposals.get(key, []) if b.end <= s + 1 or b.start < s]
    block = blocks[-1] if blocks else None
    if block and block.entries:
        if nums:
            chosen = [block.entries[n - 1] for n in nums if 0 < n <= len(block.entries)]
        else:
            chosen = list(block.entries)
        if chosen:
            for ts, te in chosen:
                ctx.add(Decision(text=text[ts:te], text_span=(ts, te), span=(s, e), item=ctx.items.heading_at(s),
                                 outcome=outcome, proposal_span=(block.start, block.end)))
            return True
    it = ctx.items.at(s)
    if it is not None:  # "punkten bordläggs" with no proposal: the item itself was tabled
        ctx.add(Decision(text=it.heading, text_span=it.heading_span, span=(s, e), item=it.heading, outcome=outcome))
        return True
    ctx.add(Decision(text=text[s:e], text_span=(s, e), span=(s, e), item=None, outcome=outcome))
    return True

"""Role words: details that name a role, words before a name, the roles a question may ask about."""
from __future__ import annotations

# Attendee details that name a role, not an organisation ("Anna Berg, ledamot"): "which
# organisations were represented" leaves these out. A detail word ending in one of the longer
# ones ("styrelseledamot", "vice ordförande") is a role too.
ROLE_WORDS: frozenset[str] = frozenset("""
ledamot ledamöter ordförande ordf vice sekreterare sekr kassör kassor suppleant adjungerad adjungerade
samordnare revisor revisorer valberedning valberedare styrelseledamot styrelseledamöter medlem medlemmar
gäst gäster protokollförare justerare justeringsperson mötesordförande mötessekreterare ordinarie ersättare
member members chair chairman chairwoman chairperson co-chair secretary treasurer observer guest tsc ctc
president vp lead facilitator moderator notetaker note-taker minute-taker
""".split())

# Words that may stand before a labelled name and are not part of it ("Ordförande Anna Berg",
# "Föreningens ordförande Anna Berg", "The chair Alice Smith").
NAME_PREFIX_WORDS: frozenset[str] = frozenset({
    "ordförande", "ordf.", "ordf", "mötesordförande", "föreningens", "styrelsens", "mötets", "vice",
    "chair", "chairperson", "chairman", "chairwoman", "sekreterare", "secretary", "the",
})

# The roles a question may ask about, as regex fragments of the words that name them (English
# and Swedish), most specific first: "vice ordförande" is not the chair. The keys are the
# ``role`` of a parsed RoleHolder.
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "vice_chair": (r"vice[- ]?(?:chair\w*|president|ordförande|ordf)", r"deputy\s+chair\w*"),
    "treasurer": (r"treasurer", r"kassör\w*", r"kassor", r"ekonomiansvarig\w*"),
    "adjuster": (r"(?:protokoll)?justerare\w*", r"justeringsperson\w*", r"justera(?:de)?", r"adjusters?",
                 r"minutes?\s+checkers?", r"co-?signed", r"verif(?:ied|iers?)\s+the\s+minutes"),
    "minute_taker": (r"minute[- ]?takers?", r"note[- ]?takers?", r"protokollförare",),
    "rapporteur": (r"föredragande", r"rapporteur", r"presenter"),
    "co_opted": (r"adjungera\w*", r"co-?opted"),
    "auditor": (r"revisor\w*", r"auditors?"),
    "vote_counter": (r"rösträknare\w*", r"vote\s+counters?", r"tellers?"),
    "coordinator": (r"samordnare\w*", r"sammankallande", r"coordinators?", r"conveners?", r"convenors?"),
    "chair": (r"chair(?:ed|man|woman|person|ing)?", r"presided", r"led\s+the\s+meeting", r"(?:mötes)?ordförande",
              r"ledde\s+mötet", r"mötesledare"),
    "secretary": (r"secretary", r"took\s+(?:the\s+)?minutes", r"wrote\s+the\s+minutes", r"(?:mötes)?sekreterare",
                  r"förde\s+protokoll(?:et)?", r"skrev\s+protokollet"),
}

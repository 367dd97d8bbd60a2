"""Role words: details that name a role, words before a name, the roles a question may ask about."""
from __future__ import annotations

from .labels import CHAIR_LABELS

# Attendee details that name a role, not an organisation ("Anna Berg, ledamot"): "which
# organisations were represented" leaves these out. A detail word ending in one of the longer
# ones ("styrelseledamot", "vice ordförande") is a role too.
ROLE_WORDS: frozenset[str] = frozenset("""
ledamot ledamöter ordförande ordf vice sekreterare sekr kassör kassor suppleant adjungerad adjungerade
samordnare revisor revisorer valberedning valberedare styrelseledamot styrelseledamöter medlem medlemmar
gäst gäster protokollförare justerare justeringsperson mötesordförande mötessekreterare ordinarie ersättare
member members chair chairman chairwoman chairperson co-chair secretary treasurer observer guest
president vp lead facilitator moderator notetaker note-taker minute-taker
""".split())

# Lower-case particles inside a person's name ("Antoine du Hamel", "Ludwig van Beethoven",
# "Carl af Trolle"), never its first word.
NAME_PARTICLES: frozenset[str] = frozenset({
    "af", "av", "von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "del", "bin", "al",
})

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
    # "representant för LiTHe kod", "who was the board representative?", "vem företrädde föreningen?"
    # ("represented" asks who attended: bot/understand.py)
    "representative": (r"representatives?", r"representant\w*", r"företrädare\w*", r"företrädde"),
    # "who led/ran the board?", "vem ledde styrelsen/mötet?"
    "chair": (r"chair(?:s|ed|man|woman|person|ing)?", r"presided", r"facilitat(?:ed|es|ing|or|e)", r"moderat(?:ed|or)",
              # "who led the board / the TSC?": a body's own abbreviation is read case-sensitively
              r"(?:led|leads|ran|runs)\s+the\s+(?:board|committee|(?-i:[A-Z][A-Z0-9]{1,5})|meetings?|group)",
              r"(?:mötes)?ordförande",
              r"(?:ledde|leder|leds\s+av)\s+(?:styrelsen|mötet|mötena|sammanträdet|stämman|årsmötet|nämnden|gruppen)", r"mötesledare",
              *CHAIR_LABELS),  # the parser's labels of the chair ("Ordf.", "Chaired by")
    "secretary": (r"secretary", r"took\s+(?:the\s+)?(?:minutes|notes)", r"wrote\s+(?:up\s+)?the\s+minutes", r"(?:mötes)?sekreterare",
                  r"förde\s+(?:protokoll(?:et)?|anteckningar(?:na)?)", r"skrev\s+(?:protokollet|anteckningarna)",
                  r"scrib(?:e|es|ed|ing)", r"antecknade"),
}

# Open-ended role titles (index/records/titles.py): a post named by what it is responsible for
# ("PR-ansvarig", "sponsoransvarig", "ansvarig för webben", "PR officer", "events lead") or by
# whom it represents ("LiTHe kod representative", "representant för divisionen"). The head words
# are few; the domain before or after them is open, so no table of every title is needed.
TITLE_HEADS_SV: tuple[str, ...] = ("ansvarig", "ansvarige", "ansvariga")
TITLE_HEADS_EN: tuple[str, ...] = ("officer", "officers", "lead", "leads", "manager", "managers")
REPRESENTATIVE_HEADS: tuple[str, ...] = (
    "representative", "representatives", "rep", "representant", "representanten", "representanter",
    "företrädare", "ombud",
)
# Words before a domain that are no part of it ("the PR officer", "our events lead").
TITLE_DETERMINERS: frozenset[str] = frozenset({"the", "a", "an", "our", "their", "its", "new", "acting",
                                                "interim", "vår", "vårt", "ny", "nya"})
# Words of a report heading around the role or person it is by ("Kassörens rapport", "Treasurer's
# report", "Rapport från ordföranden", "Update from Anna").
REPORT_WORDS: tuple[str, ...] = ("rapport", "rapporter", "report", "reports", "update", "updates",
                                 "uppdatering", "lägesrapport", "status")
REPORT_FROM: tuple[str, ...] = ("rapport från", "rapporter från", "report from", "report by", "update from",
                                "uppdatering från", "från")

# Whether a listed person came, as a roll's presence column says it ("\rad{Kassör}{Anna Berg}{Ja}",
# "| Anna Berg | kassör | närvarande |"): the first word or words of the cell. Anything else
# written there ("Lämnade 13:00", "på länk") means they were there; an empty cell says nothing.
PRESENT_WORDS: tuple[str, ...] = ("ja", "yes", "y", "x", "närvarande", "närv", "present", "deltog", "attended",
                                  "lämnade", "left", "kom", "arrived", "på länk", "via länk", "remote", "online")
ABSENT_WORDS: tuple[str, ...] = ("nej", "no", "n", "frånvarande", "ej närvarande", "inte närvarande", "absent",
                                 "anmält förhinder", "förhinder", "regrets", "apologies", "excused")

"""The words minutes and questions are made of: one table per concept, in one place.

Every module that needs to know a month name, a header label, a role word or a function word
reads it from here, so the parser, the chunker, question understanding and the Slack replies
cannot drift apart. Tables are plain data (sets, dicts, tuples of regex fragments); the regexes
built from them live beside the code that uses them.

Where the words come from: the sample minutes in ``corpus/``, the third-party minutes in
``../shared/corpora`` (lithekod-sv, dvd-goteborg-sv, nodejs-tsc-en), the variants written for
``tests/test_parse_variants.py``, and the Swedish and English Snowball stop lists (trimmed and
extended with the words questions are made of)."""
from __future__ import annotations

# -- calendar ---------------------------------------------------------------------------------

# Month names and abbreviations, Swedish and English, lower case -> month number. April,
# september, november and december are spelled alike in both languages.
MONTHS: dict[str, int] = {
    # Swedish
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10,
    # abbreviations, Swedish and English
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}

# Month names as the bot writes them in answers.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"),
}

# Ordinal words seen in minutes' dates ("Preliminärt andra mars").
ORDINAL_WORDS: dict[str, int] = {
    "första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
    "åttonde": 8, "nionde": 9, "tionde": 10, "elfte": 11, "tolfte": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}

# Weekday names -> Monday-based weekday number ("Tisdag nästa vecka").
WEEKDAYS: dict[str, int] = {
    "måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

# Small numbers written as words in relative times ("om två veckor", "in three weeks").
NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "one": 1, "a": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
}

# -- header labels ------------------------------------------------------------------------------
# Regex fragments (matched case-insensitively against a normalised label or heading). Each
# list is one kind of field; ``alternation`` joins one into a group.

# Lists of people present: "Närvarande", "Deltagare (5)", "Present", "Members present".
PRESENT_LABELS: tuple[str, ...] = (
    "närvarande", "deltagare", "närvaro", "present", "attendees", "attendance", "in attendance",
    "attending", "participants", "members present", "also present", "övriga närvarande",
    "övriga deltagare", r"adjungerade?", "guests", "gäster",
    # municipal protokoll: deciding members, serving substitutes, substitutes present
    "beslutande", "tjänstgörande", "ledamöter", "ersättare", "närvarande ersättare",
)
# Lists of people absent: "Frånvarande", "Anmält förhinder", "Regrets", "Apologies".
ABSENT_LABELS: tuple[str, ...] = (
    "frånvarande", "ej närvarande", "inte närvarande", "regrets", "absent", "absentees", "apologies",
    "anmält förhinder", "anmälda förhinder", "förhinder", "excused", "not present", "sent regrets",
)
# Lists of people invited ("Kallade" beside "Närvarande"): invited is not present.
INVITED_LABELS: tuple[str, ...] = ("kallade", "inbjudna", "invited")
# A qualifier after an invitation label saying they did not come ("Kallade men ej närvarande").
NOT_THERE_QUALIFIERS: tuple[str, ...] = (
    "frånvarande",
    r"(ej|inte|icke|not)[ ,]+(närvarande|present|attending|deltagande|deltog|deltagit|kommit|närvarat|attended|come)",
    r"deltog[ ,]+(ej|inte)", "absent", "förhinder", "regrets", "apologies", "excused", r"did not (attend|come)",
)
# Labels of the meeting's chair ("Ordförande:", "Mötesordförande för mötet:", "Chaired by:").
CHAIR_LABELS: tuple[str, ...] = (
    r"(?:mötets[ \t]+)?(?:mötes)?ordförande(?:[ \t]+för[ \t]+(?:mötet|stämman))?", r"ordf\.?", "mötesledare",
    r"chair(?:person|man|woman)?", r"chaired[ \t]+by", "facilitator", "moderator",
)
# Labels of the minute-taker ("Sekreterare:", "Protokollförare:", "Notes taken by:").
SECRETARY_LABELS: tuple[str, ...] = (
    r"(?:mötets[ \t]+)?(?:mötes|protokoll)?sekreterare(?:[ \t]+för[ \t]+mötet)?", r"sekr\.?", "protokollförare",
    "antecknare", "secretary", r"minutes(?:[ \t]+taken[ \t]+by)?", r"minute[- ]?taker", r"note[- ]?taker",
    r"notes[ \t]+taken[ \t]+by", "scribe", "recorder",
)
# Other fields of a minutes header: when and where, adjusters, agenda, attachments.
HEADER_FIELDS: tuple[str, ...] = (
    "datum", "date", "mötesdatum", "tid", "tidpunkt", "time", "when", "när", "plats", "place", "location",
    "lokal", "venue", "ort", "mötesform", "form", "justerare", r"justeringsm\w+", "protokolljusterare",
    "dagordning", "agenda", "ärende", "bilagor?",
)
# Short forms of the role labels, as header fields: together with HEADER_FIELDS they end an
# attendee list written without blank lines ("Ordförande: ...").
ROLE_FIELDS: tuple[str, ...] = (
    r"(mötets[ \t]+)?(mötes)?ordförande", r"ordf\.?", "mötesledare", r"chair\w*", "facilitator", "moderator",
    r"(mötes|protokoll)?sekreterare", r"sekr\.?", "protokollförare", "secretary", "minutes", r"minute[- ]?taker",
    r"note[- ]?taker", "scribe",
)
# Headings of the next-meeting statement ("Nästa möte", "Next TSC meeting", "Kommande möten").
NEXT_MEETING_HEADINGS: tuple[str, ...] = (
    r"nästa (\w*möte|sammanträde)", r"next ([\w-]+ ){0,3}meetings?", r"upcoming meetings?", r"kommande möten?",
)
# Words that make a line name a meeting or its minutes (titles, "Nästa möte").
MEETING_WORDS: tuple[str, ...] = ("möte", "protokoll", "minnesanteckning", "sammanträde", "stämma", "meeting",
                                  "minutes")


def alternation(fragments) -> str:
    """``(?:a|b|c)`` of regex fragments, longest first so that a longer label wins over its prefix."""
    return "(?:" + "|".join(sorted(fragments, key=len, reverse=True)) + ")"


# Agenda items that are the meeting's formalities, not its business: a digest mentions their
# decisions last ("Val av justerare", "Godkännande av dagordningen", "Approval of the minutes").
PROCEDURAL_ITEMS: tuple[str, ...] = (
    r"mötets\s+(?:öppnande|avslutande)", r"öppnande", r"avslutande", r"beslutbar\w*", r"beslutsmässig\w*",
    r"mötesschema\w*", r"dagordning\w*", r"föredragningslista\w*", r"val\s+av\s+(?:mötes|protokoll)?\w*",
    r"justering\w*", r"justerare\w*", r"adjunger\w*", r"närvaro\w*", r"föregående\s+(?:mötes)?protokoll\w*",
    r"call\s+to\s+order", r"approval\s+of\s+(?:the\s+)?(?:agenda|minutes)", r"adjourn\w*", r"roll\s+call",
    # boilerplate sections of minutes kept on GitHub: links to the recording, the calendar
    r"links?", r"länkar", r"upcoming\s+meetings?", r"kommande\s+möten",
)

# -- roles ------------------------------------------------------------------------------------

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

# -- function words ---------------------------------------------------------------------------

# Words that say which language a text or question is written in: the commonest function words
# of minutes (counted over a whole document), and the words questions are made of (counted over
# a few words, so each one matters).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "sv": frozenset("""
och att det som är för på med till av inte vi har om den ett de var ska kan från också mötet
vad vem vilka vilken vilket när hur nästa möte mötena sades deltog finns ordförande sekreterare
många protokoll beslut beslutades skulle sa säger kommer hade inom under förra senaste styrelsen
styrelsemötet
""".split()),
    "en": frozenset("""
the and to of is for that we on with be this are will it was have from not meeting
what who whom when how were did which meetings next attended about said say do does there at
chair chaired secretary propose proposed present presented people many last in
""".split()),
}

# Stop words for retrieval: function words, and the words questions are made of ("what was
# said about"). They carry no topic, so they neither score nor count when deciding whether a
# question is on topic.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
a an the and or but if of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when where
why how all any both each few more most other some such no nor not only own same so than too very
s t can will just don should now is are was were be been being have has had having do does did
doing i me my we our you your he him his she her it its they them their what which who whom this
that these those am would could shall may might must let lets tell say said says anything something
know please give find show list get got any much many also meeting meetings minutes discuss discussed
mention mentioned talk talked regarding concerning whether everything thing things people anyone
as happen happened happens made make makes go goes went going done get gets take takes took keep kept
""".split()),
    "sv": frozenset("""
och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så
kan man när år sin nu eller efter hade ska skall vid hon mot under ut alla också mycket många upp bara
dem få andra hur där två sina denna detta dessa vilken vilket vilka vem vad varför vart här
mitt min mina din dina ditt du ni er era ert oss vår våra vårt hans hennes deras dess sitt
blev bli blir blivit varit vara är skulle kunde kommer kom något någon några inga ingen inget
än då sedan såg också ju väl nog både samt mellan genom hos över utan innan efter enligt samma
sades sagt säga sa sägs nämndes nämnde diskuterades diskuterade togs tog upp berättade
möte mötet möten mötena protokoll protokollet angående gällande kring finns fanns
""".split()),
}

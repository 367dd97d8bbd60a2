"""Header and list labels of minutes, as regex fragments, and the agenda items that are formalities."""
from __future__ import annotations

# Regex fragments (matched case-insensitively against a normalised label or heading). Each
# list is one kind of field; ``alternation`` joins one into a group.

# The words that name attendance itself (a roll's label, and a question's cue: index/vocab/cues.py).
ATTENDANCE_WORDS: tuple[str, ...] = (
    "närvarande", "deltagare", "närvaro", "attendees", "attendance", "in attendance", "attending",
    "participants", "members present", "also present", "övriga närvarande", "övriga deltagare",
)
# Lists of people present: "Närvarande", "Deltagare (5)", "Present", "Members present".
PRESENT_LABELS: tuple[str, ...] = ATTENDANCE_WORDS + (
    "present", r"adjungerade?", "guests", "gäster",
    # municipal protokoll: deciding members, serving substitutes, substitutes present
    "beslutande", "tjänstgörande", "ledamöter", "ersättare", "närvarande ersättare",
    # people from outside, observers, organisations represented ("Representerade: Digg, Sambruk")
    "external attendees", "external participants", "externa deltagare", "observers", "observatörer",
    "representerade", "närvarande organisationer", "medverkande",
)
# Lists of people absent: "Frånvarande", "Anmält förhinder", "Regrets", "Apologies".
ABSENT_LABELS: tuple[str, ...] = (
    "frånvarande", "ej närvarande", "inte närvarande", "regrets", "absent", "absentees", "apologies",
    "anmält förhinder", "anmälda förhinder", "förhinder", "excused", "not present", "sent regrets",
    "unavailable", "missing", "not attending", r"unable to (?:attend|join)", r"could not (?:attend|join)",
    "avbud", "lämnat återbud", "återbud",
)
# Words between a substitute and whom they stand in for ("Karin Öberg ersätter Olle Lind",
# "Ann Lee standing in for Bo Ek"), as regex fragments.
SUBSTITUTE_WORDS: tuple[str, ...] = (
    "ersätter", r"ersättare[ \t]+för", r"i[ \t]?stället[ \t]+för", r"tjänstgör[ \t]+för", r"vikarierar[ \t]+för",
    r"stand(?:s|ing)?[ \t]+in[ \t]+for", r"substitut(?:e|es|ing)[ \t]+for", "replacing", r"proxy[ \t]+for",
    r"on[ \t]+behalf[ \t]+of", r"deputi[sz]ing[ \t]+for",
)
# Words opening the end of a roll that counts people it does not name ("samt ytterligare ca 80
# medlemmar", "and about 20 members"), as regex fragments.
MORE_PEOPLE_WORDS: tuple[str, ...] = (
    "ytterligare", "övriga", "ca", "cirka", "omkring", "drygt", "ett antal", "about", "approximately", "around",
    "another", "further", "plus", "some",
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
    r"(?:co-?)?chair(?:person|man|woman|s)?", r"chaired[ \t]+by", "facilitator", "moderator", r"facilitated[ \t]+by",
)
# Labels of the minute-taker ("Sekreterare:", "Protokollförare:", "Notes taken by:").
SECRETARY_LABELS: tuple[str, ...] = (
    r"(?:mötets[ \t]+)?(?:mötes|protokoll)?sekreterare(?:[ \t]+för[ \t]+mötet)?", r"sekr\.?", "protokollförare",
    "antecknare", "secretary", r"minutes(?:[ \t]+taken[ \t]+by)?", r"minute[- ]?taker", r"note[- ]?taker",
    r"notes[ \t]+taken[ \t]+by", "scribe", "recorder", r"scribes?", "notes", r"note[- ]taking",
    r"designated[ \t]+note[- ]?taker", r"(?:minutes[ \t]+)?(?:submitted|recorded|written)[ \t]+by", r"(?:minutes|notes)[ \t]+by",
    r"antecknat[ \t]+av", r"protokollet[ \t]+fört[ \t]+av", r"protokollförd[ \t]+av",
)
# The chair's and the minute-taker's role as a verb after a name ("Carol facilitates", "Ryan
# will facilitate", "Mark to scribe", "Eric and Eric scribe", "Ann taking notes"), as regex
# fragments (case-insensitive).
CHAIR_VERBS: tuple[str, ...] = (
    r"facilitat(?:es|ing)", r"(?:will|to)[ \t]+(?:facilitate|chair|moderate|lead[ \t]+the[ \t]+meeting)",
    r"chairing", r"moderat(?:es|ing)", r"leder[ \t]+mötet", r"är[ \t]+mötesordförande",
)
SECRETARY_VERBS: tuple[str, ...] = (
    r"scrib(?:es|ing)", r"scribe(?=[ \t]*(?:[.,;\n]|$))", r"(?:will|to)[ \t]+(?:scribe|take[ \t]+(?:the[ \t]+)?(?:notes|minutes))",
    r"tak(?:es|ing)[ \t]+(?:the[ \t]+)?(?:notes|minutes)", r"för[ \t]+protokollet", r"antecknar",
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


# First lines that say only what kind of document this is, as regex fragments: the title of
# plain-text minutes then joins the line after ("Protokoll – Styrelsemöte 12 mars").
GENERIC_TITLES: tuple[str, ...] = (
    r"(?:möte|mötes|sammanträdes|styrelse)?protokoll",  # "PROTOKOLL", "Mötesprotokoll"
    r"protokollsutdrag",                                  # an extract of minutes
    r"(?:mötes|minnes)?anteckningar",                     # "Minnesanteckningar"
    r"dagordning", r"föredragningslista", r"kallelse",     # the agenda, the notice of a meeting
    r"protocol", r"agenda",
    r"(?:meeting\s+)?minutes", r"(?:meeting\s+)?notes",   # "Meeting minutes", "Notes"
)


def alternation(fragments) -> str:
    """``(?:a|b|c)`` of regex fragments, longest first so that a longer label wins over its prefix."""
    return "(?:" + "|".join(sorted(fragments, key=len, reverse=True)) + ")"


# Agenda items that are the meeting's formalities, not its business: a digest mentions their
# decisions last ("Val av justerare", "Godkännande av dagordningen", "Approval of the minutes").
PROCEDURAL_ITEMS: tuple[str, ...] = (
    r"mötets\s+(?:öppnande|avslutande)", r"öppnande", r"avslutande", r"avslutning\w*", r"beslutbar\w*", r"beslutsmässig\w*",
    r"mötesschema\w*", r"dagordning\w*", r"föredragningslista\w*", r"val\s+av\s+(?:vice\s+)?(?:mötes|protokoll|röst|juster)\w*",
    r"justering\w*", r"justerare\w*", r"adjunger\w*", r"närvaro\w*", r"föregående\s+(?:mötes)?protokoll\w*",
    r"call\s+to\s+order", r"approval\s+of\s+(?:the\s+)?(?:agenda|minutes)", r"adjourn\w*", r"roll\s+call",
    # "Nominate a minute taker and confirm agenda", "Agree minutes from previous meeting",
    # "Agree agenda for next meeting", "Assign roles", "Consent to agenda"
    r"minute[- ]?taker", r"(?:confirm|agree|approve|consent\s+to)\s+(?:the\s+)?(?:agenda|minutes)\w*",
    r"previous\s+meeting'?s?\s+minutes", r"minutes\s+(?:from|of)\s+(?:the\s+)?previous\s+meeting",
    r"assign\s+roles", r"scribe\s+selection",
    # the recap scribe tools append: what the minutes said already ("Summary of resolutions")
    r"summary\s+of\s+(?:resolutions|action\s+items|actions|decisions)", r"sammanfattning\s+av\s+beslut\w*",
    # boilerplate sections of minutes kept on GitHub: links to the recording, the calendar
    r"links?", r"länkar", r"upcoming\s+meetings?", r"kommande\s+möten",
)

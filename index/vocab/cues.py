"""The cue words of questions, one table per concept: what a question asks ("who attended",
"what was decided", "when is the next meeting"), each concept's words in English and Swedish with
their inflections, as regex fragments (case-insensitive; each fragment holds its own word
boundaries; blanks are written ``\\s+``, never a bare space).

Read by the question side (bot/cues.py builds one pattern per concept, ``Signals`` names them,
an intent's route declares which it reads). Where the parser has the same concept its table is
taken in here, so minutes and questions cannot drift apart: attendance (``ATTENDANCE_WORDS``),
absence (``ABSENT_LABELS``), decisions
(the record grammar's decision verbs and labels), outcomes (``OUTCOME_WORDS``), requests
(``REQUEST_PASSIVES``); roles are ``ROLE_CUES`` (index/vocab/roles.py, the chair's with the parser's
``CHAIR_LABELS``)."""
from __future__ import annotations

from .labels import ABSENT_LABELS, ATTENDANCE_WORDS
from .records import (
    DECIDE_VERBS_SV, DECIDED_PASSIVE_SV, DECISION_LABELS, DECISION_NOUNS, OUTCOME_WORDS, REQUEST_PASSIVES,
)

__all__ = ["INTENT_WORDS", "QUESTION_CUES", "QUESTION_SHAPES", "as_words"]


def as_words(table) -> tuple[str, ...]:
    """A parser table's words or fragments as whole-word cue fragments (blanks as ``\\s+``)."""
    return tuple(r"(?<!\w)(?:" + w.replace(r"[ \t]+", r"\s+").replace(" ", r"\s+") + r")(?!\w)" for w in table)


# concept -> {"en": fragments, "sv": fragments}
QUESTION_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    # when the next meeting is
    "next": {
        "en": (r"\bnext\s+(?:\w+\s+)?meeting", r"\bupcoming\s+meeting", r"\bwhen\s+(?:do|will|shall)\s+we\s+meet",
               r"\bmeet(?:ing)?\s+(?:again|next)\b"),
        "sv": (r"\bnästa\s+(?:\w+)?möte", r"\bkommande\s+(?:\w+)?möte", r"\bnär\s+ses\s+vi", r"\bnär\s+träffas\s+vi",
               r"\bnästa\s+sammanträde"),
    },
    # a question for people
    "who": {
        "en": (r"\bwho\b", r"\bwhom\b", r"\bname\b", r"\bwhich\s+person"),
        "sv": (r"\bvem\b", r"\bvilka\b", r"\bvilken\b", r"\bnamn\b"),
    },
    # attendance
    "attend": {
        "en": (r"\battend(?:ed|ees?|ance|ing|s)?\b", r"\bparticipa(?:nts?|ted|ting)\b", r"\brepresented\b",
               r"\bpresent\s+at\b", r"\bwere\s+present", r"\bwas\s+present",
               r"\bwho\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+(?:at|there|in)\b",  # "who (from the board) was at …"
               r"\bwho\s+came\b", r"\bwho\s+joined\b",
               r"\b(?:took|take|takes|taking)\s+part\b",  # "who took part in the session?"
               r"\bhow\s+many\s+(?:people|persons|participants|members|attendees)"),
        "sv": (r"\brepresenterade?\b", r"\btog\s+del\b", r"\bdeltog\b", r"\bdeltagit\b", r"\bdeltagare\w*",
               r"\bdeltar\b", r"\bnärvarande\b", r"\bnärvarade\b",
               r"\bvar\s+med\s+på", r"\bvar\s+på\s+(?:\w+)?mötet", r"\bvilka\s+var\s+(?:på|med|där)",
               r"\bhur\s+många\s+(?:personer\s+|deltagare\s+)?(?:deltog|var)"),
        "labels": as_words(ATTENDANCE_WORDS),  # the parser's roll words ("Närvaro", "Members present")
    },
    # absence: the parser's roll labels ("Regrets", "Anmält förhinder") and the questions' forms
    "absent": {
        "en": (r"\babsent(?:ees?)?\b", r"\babsence\b", r"\bapologi(?:es|se|ze|sed|zed)\b", r"\bregrets\b",
               r"\bmissing\b",
               r"\b(?:did\s*n[o']?t|didn't|not)\s+(?:attend|come|show)", r"\binvited\s+but\b",
               r"\bcould\s*n[o']?t\s+(?:attend|come)"),
        "sv": (r"\bfrånvarande\b", r"\bfrånvar\w*", r"\b(?:inte|ej)\s+(?:närvarande|närvarade|deltog|med)\b",
               r"\bkallade\s+men\b", r"\bförhinder\b", r"\banmält\s+förhinder", r"\bsaknades\b", r"\buteblev\b"),
        "labels": as_words(ABSENT_LABELS),
    },
    # decisions: the record grammar's decision verbs and labels, and the questions' forms
    "decide": {
        "en": (r"\bdecid\w*", r"\bdecision\w*", r"\bresol(?:ved|ution)s?\b", r"\bagreed\b", r"\bapprov\w*",
               r"\bchosen\b", r"\bchose\b",
               r"\bvot(?:e|ed|es|ing)\b", r"\btabled\b", r"\bpostponed\b", r"\brejected\b", r"\bvoted\s+down\b",
               r"\breservations?\b",
               r"\bconclu(?:de|ded|sion)\b",
               # a proposal or motion: what became of it is a decision
               r"\bwhat\s+(?:happened|became)\s+(?:to|of)\s+the\s+(?:proposal|motion)\b"),
        "sv": (r"\bbeslut\w*", r"\bbeslöts?\b", r"\bbifall\w*", r"\bröst(?:ade|ades|ning|ningen)\w*",
               r"\bvotering\w*", r"\bbordla\w*",
               r"\breserv\w*", r"\bavslog\w*", r"\bgodkän\w*", r"\bklubba\w*", r"\bvaldes\b",
               r"\bvalde\s+(?:ni|vi|man|mötet|styrelsen)\b",
               r"\bkom\s+(?:[\w-]+\s+){0,2}fram\s+till\b",  # "vad kom TSC fram till om …?"
               r"\bhur\s+gick\s+det\s+med\s+(?:förslaget|motionen)",
               r"\bvad\s+hände\s+med\s+(?:förslaget|motionen|valet)"),
        "grammar": as_words(DECIDE_VERBS_SV + DECIDED_PASSIVE_SV + DECISION_LABELS + DECISION_NOUNS),
    },
    # outcomes a decision question may ask for: the parser's outcome words and the questions' forms
    "tabled": {
        "en": (r"\btabled\b", r"\bpostponed\b", r"\bdeferred\b"),
        "sv": (r"\bbordla\w*", r"\bskjut\w*\s+upp", r"\båterremitt\w*"),
        "outcomes": as_words(OUTCOME_WORDS["tabled"] + OUTCOME_WORDS["referred_back"]),
    },
    "rejected": {
        "en": (r"\brejected\b", r"\bvoted\s+down\b", r"\bturned\s+down\b"),
        "sv": (r"\bavslog\w*", r"\bröstades\s+ned\b"),
    },
    "reservation": {
        "en": (r"\breservations?\b", r"\bdissent\w*", r"\bvoted\s+against\b"),
        "sv": (r"\breserv\w*",),
    },
    # action items: who does what by when
    "action": {
        "en": (r"\baction(?:s|\s+items?|\s+points?)?\b", r"\btasks?\b", r"\bto-?dos?\b", r"\bassigned\b",
               r"\bdeadlines?\b",
               r"\bdue\b", r"\bresponsible\s+for\b", r"\bin\s+charge\s+of\b", r"\bnext\s+steps?\b",
               # "who will …", "who volunteered …", "who was tasked …"
               r"\bwho\s+(?:will|would|'ll|should|must|shall|needs?\s+to|has\s+to|is\s+(?:going|supposed|meant)\s+to"
               r"|promised\s+to|offered\s+to|volunteered|agreed\s+to\s+(?!the\b|a\b|an\b|this\b|that\b|it\b)"
               r"|took\s+(?:on|over|charge|responsibility)|signed\s+up|was\s+(?:tasked|given|put\s+in\s+charge|assigned))\b",
               # "what does Anna need to do?"
               r"\bwhat\s+(?:does|do|did|should|must|will|would|is|was|were)\s+(?:[\w'-]+\s+){1,3}?"
               r"(?:need\s+to|have\s+to|has\s+to|supposed\s+to|asked\s+to|promise\w*\s+to|agree\w*\s+to|going\s+to)\s+do\b",
               r"\bfollow[- ]?ups?\b",
               # "were the members asked to …"
               r"\b(?:was|were|been)\s+(?:[\w-]+\s+){0,3}?(?:asked|requested|encouraged|tasked)\s+(?:to|with)\b",
               r"\b(?:by\s+when|when)\s+(?:should|must|will|is|are|does|do)\b.*"
               r"\b(?:done|ready|finished|completed|delivered|sent|submitted)\b"),
        "sv": (r"\buppdrag\w*", r"\buppgift(?:er|erna)?\b", r"\bansvar(?:ig|iga|ar|ade|et)?\b", r"\båtgärd\w*",
               r"\bvem\s+(?:ska|skall|skulle|måste|behöver|bör|borde|kommer\s+att|åtog\s+sig|tog\s+på\s+sig|lovade"
               r"|anmälde\s+sig|erbjöd\s+sig)\b",
               # "vad ska Anna göra?"
               r"\bvad\s+(?:ska|skall|skulle|måste|behöver|bör|borde|lovade)\s+(?:[\w-]+\s+){1,3}?"
               r"(?:göra|fixa|ordna|ta\s+fram)\b",
               r"\batt\s+göra\b", r"\bklart?\s+till\b", r"\btidsfrist\w*", r"\bsista\s+dag\b", r"\bsenast\s+när\b",
               r"\bnär\s+(?:ska|skall|skulle|måste|behöver)\b.*"
               r"\b(?:klar[at]?|färdig[at]?|gjort?|skickas|skickat|lämnas|in)\b",
               r"\bombads\b", r"\buppmanades\b", r"\bombeds\b", r"\bfick\s+i\s+uppgift\b"),
        "requests": as_words(REQUEST_PASSIVES),
    },
    # actions still open
    "open": {
        "en": (r"\bopen\b", r"\bstill\b", r"\boutstanding\b", r"\bpending\b", r"\bunfinished\b",
               r"\bnot\s+(?:yet\s+)?done\b"),
        "sv": (r"\böppna\b", r"\bkvar\b", r"\bfortfarande\b", r"\bpågående\b", r"\binte\s+klara?\b",
               r"\bej\s+klara?\b"),
    },
    # when a task is due
    "due": {
        "en": (r"\bwhen\s+is\b.*\bdue\b", r"\bdeadline\b", r"\bby\s+when\b"),
        "sv": (r"\bnär\s+ska\b.*\bklart?\b", r"\btill\s+när\b"),
    },
    # what happened at a meeting
    "digest": {
        "en": (r"\bwhat\s+happened\s+(?:at|in|during|on)\b", r"\bwhat\s+(?:was|were)\s+(?:discussed|covered)\s+(?:at|in)\b",
               r"\bsummar(?:y|ise|ize)\b", r"\brecap\b", r"\boverview\s+of\b", r"\bhighlights\s+of\b",
               r"\bwhat\s+did\s+(?:the\s+)?[\w-]+\s+(?:discuss|cover|talk\s+about)\b",  # "what did the TSC discuss …?"
               r"\bwhat\s+was\s+on\s+the\s+agenda\b"),
        "sv": (r"\bvad\s+hände\s+(?:på|vid|under|i)\b", r"\bsammanfatt\w*", r"\bsammandrag\b", r"\böversikt\b",
               r"\bvad\s+togs\s+upp\s+(?:på|vid)\b",
               r"\bvad\s+tog\s+[\w-]+\s+upp\b",  # "vad tog TSC/styrelsen upp på mötet …?"
               r"\bvad\s+(?:diskuterades|behandlades|avhandlades)\s+(?:på|vid|under)\b",
               r"\bvad\s+(?:diskuterade|behandlade)\s+[\w-]+\s+(?:på|vid|under|i)\b",
               r"\bvad\s+stod\s+på\s+dagordningen\b"),
    },
    # the word "meeting" itself
    "meeting_word": {
        "en": (r"\bmeeting\b",),
        "sv": (r"\bmöte\w*", r"\bsammanträde\w*", r"\bstämma\w*", r"\bstormöte\w*"),
    },
    # "how many"
    "count": {
        "en": (r"\bhow\s+many\b", r"\bnumber\s+of\b"),
        "sv": (r"\bhur\s+många\b", r"\bantal\w*"),
    },
    # organisations represented
    "orgs": {
        "en": (r"\borgani[sz]ations?\b", r"\bcompan(?:y|ies)\b", r"\brepresented\b", r"\binstitutions?\b"),
        "sv": (r"\borganisationer\w*\b", r"\bföretag\w*\b", r"\brepresenterade?\b", r"\bmyndighet\w*"),
    },
    # "anyone", "någon"
    "anyone": {
        "en": (r"\b(?:anyone|anybody)\b",),
        "sv": (r"\b(?:någon|några)\b",),
    },
    # "who presented …": presenting, not being present
    "present_verb": {
        "en": (r"\bpresent(?:ed|s)?\b(?!\s+at)",),
        "sv": (r"\bpresenterade?\b",),
    },
    # "who represented the division?", "vem företrädde CPC?": a representative of a body (a role),
    # not who was present ("which organisations were represented?")
    "represented": {
        "en": (r"\bwho\s+(?:has\s+)?(?:represented|represents)\s+(?!at\b|på\b|vid\b)[\w-]",),
        "sv": (r"\bvem\s+(?:har\s+)?(?:representerade|representerar|företrädde|företräder)\s+(?!at\b|på\b|vid\b)[\w-]",),
    },
    # Where a question's topic begins ("what was decided about the task force?", "beslutades något
    # om nästa möte?"): a cue after it is what the question is about, not what it asks.
    "topic": {
        "en": (r"\b(?:about|regarding|concerning)\b",),
        "sv": (r"\b(?:om|angående|kring|gällande|beträffande)\b",),
    },
}

# Cues that read a question's shape rather than a word: anchored at its start, or with named
# groups. Each is one pattern (re.VERBOSE), its words as data above where they are a concept.
QUESTION_SHAPES: dict[str, str] = {
    # "who will remind Myles …?", "vem ska kontakta Morgan?": the question asks for the owner, so
    # a person it names is the object of the task, not whose task it is.
    "who_does": r"""
        ^\s*(?:and\s+|och\s+)?(?:who|vem|vilka|vilken)\s+
        (?:will|would|should|must|shall|is|are|was|were|has|had|ska|skall|skulle|måste|kommer|har|hade|tar|fick)\b
    """,
    # "who volunteered to …?", "vem åtog sig att …?": a who-word first asks for the owner.
    "who_first": r"^\s*(?:and\s+|och\s+)?(?:who|vem)\b",
    # A task asked for by what is being done to it: "who is preparing the budget?", "vem förbereder
    # budgeten?", "vem fixar lokalen?" (a present-tense verb right after the who-word). Not being
    # or attending ("vem är", "vem var", "who is attending"), which other intents answer.
    "who_doing": r"""
        ^\s*(?:and\s+|och\s+)?who(?:\s+is|\s+are|'s|’s)\s+(?!attending\b|coming\b|chairing\b|going\b)\w+ing\b
      | ^\s*(?:and\s+)?who\s+(?!is\b|was\b|has\b|does\b|attends\b|chairs\b|leads\b|represents\b|holds\b|says\b
                                 |thinks\b|knows\b|comes\b|sits\b|belongs\b|serves\b)\w{3,}s\b   # "who handles the keys?"
      | \bwho(?:'s|’s|\s+is|\s+was|\s+were|\s+are)\s+(?:going|supposed|meant|due|expected)\s+to\b
      | \bwho(?:'ll|’ll)\b | \bwhose\s+(?:job|task|responsibility)\b
      | ^\s*(?:och\s+)?vem\s+
        (?!(?:är|var|har|hade|blir|blev|deltar|deltog|sitter|satt|leder|ledde|kommer|heter|representerar|företräder)\b)
        \w{3,}(?:ar|er)\b                                                                  # "vem fixar lokalen?"
    """,
    # Who decided ("what did the board decide about …", "vad beslutade styrelsen om …"): the
    # decider is no topic, every decision of the minutes is the board's.
    "decider": r"""
        \b(?:did|has|have|had)\s+(?:the\s+)?(?P<en>[\w-]+)\s+
            (?:decide|decided|agree|agreed|resolve|resolved|approve|approved|vote|voted|choose|chose|conclude|concluded)\b
      | \b(?:beslutade|beslöt|bestämde|godkände|röstade|valde)\s+(?P<sv>[\w-]+)\s+(?:om|att|kring|angående|gällande)\b
      | \b(?:har|hade)\s+(?P<perfect>[\w-]+)\s+(?:beslutat|bestämt|godkänt|röstat|valt)\b
      | \bkom\s+(?P<came>[\w-]+)\s+fram\s+till\b
    """,
    # A capitalised run followed by a meeting word names a meeting ("the Life Science meeting")
    "meeting_after": r"^\s*(?:meeting|möte|mötet|sammanträde\w*|workshop|session)\b",
}

# Words that only carry a question's intent or time (the cue words above, as plain words): left
# out of what is searched for once an intent is chosen (bot/understand.py content_words), unless
# they stand in the question's topic; known to be written right (bot/typos.py).
INTENT_WORDS: frozenset[str] = frozenset("""attend attended attendees attendance attending participants participant participated
present represented representerade representerad deltog deltagare deltar närvarande närvarade chair chaired
chairman chairperson ordförande mötesordförande secretary sekreterare mötessekreterare next nästa kommande
upcoming last latest previous recent förra senaste sista many många number antal organisations
decide decided decision decisions agreed approved resolved beslut beslutade beslutades beslöt beslöts beslutet besluten
beslutat beslutats bestämt bestämde bestämdes godkänt godkände godkändes conclude concluded conclusion
action actions task tasks todo todos assigned due deadline uppdrag uppdraget uppgift uppgifter ansvarig ansvar
open still outstanding pending öppna kvar fortfarande happened hände summary summarise summarize sammanfatta
tabled postponed deferred rejected bordlades bordlagt bordlagd bordläggs bordlagda avslogs avslagen avslaget
reservation reservations reserverade reserverat dissented enter entered lodge lodged anyone anybody
item items ärende ärenden ärendet punkt punkter punkten
valdes valde väljs chosen chose
treasurer kassör justerare protokolljusterare vice
absent absentees absence apologies regrets missing sent frånvarande kallade invited förhinder saknades
organizations organisationer companies företag people persons personer who vem vilka vilken held hålls
scribe scribed scribing scribes facilitated facilitator facilitating took
""".split())

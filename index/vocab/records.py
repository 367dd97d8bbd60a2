"""Cue words of the record extractors (decisions, votes, actions, roles), one table per concept.

Where they come from: the shared corpora (dvd-goteborg-sv LaTeX protokoll, lithekod-sv board
minutes, nodejs-tsc-en), Swedish association and municipal protokoll conventions ("Beslut",
"Förslag till beslut", "Yrkande", "bordläggs", "återremitteras", "läggs till handlingarna",
"justerare", "föredragande", "adjungerad") and English board minutes ("RESOLVED that",
"Motion carried", "Action:", "Agreed:"). All matching is case-insensitive on casefolded text.
"""
from __future__ import annotations

# Headings (or "Label:" lines) that open a block of decisions. Not agenda items themselves.
DECISION_HEADINGS = (
    "beslut", "beslutet", "beslutades", "beslutas", "styrelsens beslut", "mötets beslut",
    "stämmans beslut", "nämndens beslut", "beslut i korthet",
    "decision", "decisions", "decided", "resolution", "resolutions", "resolved", "agreed",
    "outcome", "conclusion",
)
# A heading of a few words ending in one of these opens a block of decisions too ("Consented
# decisions", "Key decisions", "Fattade beslut"); not one that names its topic ("Beslut om …").
DECISION_HEADING_HEADS = ("decisions", "resolutions", "beslut", "besluten")
# A statement that says only that a vote passed ("We did a vote, which passed unanimously.",
# "the vote was unanimously in favor", "The motion carried."): what it decided, the statements
# right after it say ("We will drop the 4.0.x branch …"), or the proposal right before it
# ("Proposal - let's create a new marker team …" / "With no objections, motion passes.";
# grammar.py ``passed_votes``).
VOTE_PASSED = (r"(?:the\s+)?(?:vote|motion|proposal)\s+(?:passed|passes|carried|carries)", r"which\s+passed",
               r"(?:the\s+)?vote\s+was\s+(?:unanimously\s+)?(?:in\s+favou?r|positive)",
               r"(?:passed|carried)\s+unanimously", r"röstades\s+igenom", r"gick\s+igenom")
# What a passed vote on the list above it calls that list ("a vote to accept the above").
ABOVE_WORDS = ("the above", "the list above", "the above list", "ovanstående", "listan ovan", "punkterna ovan")
# Labels of the proposal a passed vote carried.
PASSED_PROPOSAL_LABELS = ("proposal", "proposed", "motion", "förslag", "yrkande")
# How such a following statement opens: what the group will now do.
WE_WILL = ("we will", "we'll", "we’ll", "we are going to", "we're going to", "vi kommer att", "vi ska")
# Headings or labels that open a proposal the following decision settles.
PROPOSAL_HEADINGS = (
    "förslag till beslut", "förslag", "förslag från styrelsen", "förvaltningens förslag",
    "förslag till beslut:", "yrkande", "yrkanden", "yrkande till beslut", "yrkanden till beslut",
    "ytterligare yrkanden till beslut", "ytterligare yrkanden", "ändringsyrkande", "att",
    "attsats", "attsatser", "proposal", "proposed", "motion", "proposed resolution",
    "recommendation",
)
# Headings that structure an agenda item without being one (nominations, adjusting out/in).
BLOCK_HEADINGS = DECISION_HEADINGS + PROPOSAL_HEADINGS + (
    "nomineringar", "nominering", "utjustering", "injustering", "diskussion", "bakgrund",
    "beslutsunderlag", "ärendebeskrivning", "reservation", "reservationer", "votering",
    "vote", "voting", "nominations", "background", "discussion",
)

# A proposal not accepted: "the proposal was not accepted", "förslaget antogs inte" (rejected).
NOT_ACCEPTED_WORDS = (r"not\s+accepted", r"not\s+adopted", r"not\s+approved", r"antogs\s+inte",
                      r"godkändes\s+inte", r"bifölls\s+inte", r"inte\s+antogs", r"inte\s+godkändes")
# Outcomes, by the words that state them. Checked in this order: a tabled or referred-back
# decision often also contains "beslutar"; "avslås" beats "bifalles" in "bifalles ej".
OUTCOME_WORDS = {
    "tabled": (r"bordl[äa]g\w*", r"tabled", r"postponed", r"deferred", r"skjuts upp",
               r"uppskjut\w*", r"roll(?:ed)? over"),
    "referred_back": (r"återremitt\w*", r"referred back", r"sent back"),
    "noted": (r"till handlingarna", r"noterar\w*", r"noted", r"antecknar\w*", r"received and filed"),
    "rejected": (r"avsl[åa]\w*", r"nekas", r"nekar", r"avvisa\w*", r"röstas? ned", r"röstades ned",
                 r"faller", r"föll", r"bifalles ej", r"bifalls ej", r"ej bifall\w*", r"rejected",
                 r"voted down", r"defeated", r"fail(?:s|ed)", r"not carried", r"declined",
                 *NOT_ACCEPTED_WORDS),
    "approved": (r"bifall\w*", r"godkänn\w*", r"godk[äa]nd\w*", r"antas", r"antogs", r"fastställ\w*",
                 r"beviljas", r"godtar", r"godtas", r"approved?", r"carried", r"adopted", r"accepted",
                 r"passed", r"ratified"),
}

# "förslaget till beslut bifalles", "andra attsatsen bifalles", "attsatserna röstas ned":
# the words by which a decision refers back to a proposal instead of restating it.
PROPOSAL_REFERENCES = (
    r"förslage[nt](?:\s+till\s+beslut)?", r"yrkande(?:t|na)?", r"attsats(?:en|erna|er)?",
    r"att-sats(?:en|erna|er)?", r"punkten", r"ärendet", r"frågan", r"motionen", r"propositionen",
    r"the\s+motion", r"the\s+proposal", r"the\s+recommendation",
)
ORDINALS = {
    "första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "1:a": 1, "2:a": 2, "3:e": 3, "4:e": 4, "5:e": 5,
}
# "båda attsatserna", "samtliga attsatser", "all motions": the whole proposal.
ALL_WORDS = ("båda", "bägge", "samtliga", "alla", "both", "all")

# Agent nouns that make decisions: "Styrelsen beslutar att", "Mötet beslöt att".
DECIDING_BODIES = (
    "styrelsen", "mötet", "stämman", "årsmötet", "föreningsstämman", "divisionsstämman",
    "nämnden", "kommunstyrelsen", "kommunfullmäktige", "fullmäktige", "utskottet",
    "arbetsutskottet", "gruppen", "arbetsgruppen", "kommittén", "ledningsgruppen", "presidiet",
    "the board", "the committee", "the meeting", "the group", "we",
)
# A body named by its own abbreviation, whichever it is ("the TSC agreed", "OTC members", "the WG"):
# two to six capitals or digits, read case-sensitively. A regex fragment, for the patterns that
# read deciding bodies (index/records/prose.py) and groups asked to act (index/records/requests.py).
BODY_ABBREVIATION = r"(?-i:[A-Z][A-Z0-9]{1,5})(?![\w-])"

# Action owners that are bodies, not people ("förvaltningen får i uppdrag att ...").
OWNER_BODIES = (
    "styrelsen", "förvaltningen", "kansliet", "valberedningen", "arbetsgruppen", "kommittén",
    "presidiet", "ordföranden", "ordförande", "kassören", "sekreteraren", "vice ordförande",
    "ledningsgruppen", "kommundirektören", "nämnden", "utskottet", "revisorerna", "samordnaren",
    "the board", "the committee", "the secretariat", "the chair", "the secretary",
    "the treasurer", "staff",
)
# Capitalised words that start sentences but name nobody: never an owner.
NOT_OWNERS = {
    "vi", "det", "den", "de", "man", "någon", "några", "alla", "ingen", "inga", "han", "hon", "hen",
    "dom", "detta", "denna", "dessa", "här", "där", "sedan", "nu", "då", "om", "när", "mötet",
    "punkten", "ärendet", "frågan", "förslaget", "beslut", "att", "och", "men", "även", "också",
    "samtliga", "varje", "ni", "jag", "du", "vad", "vem", "hur", "ska", "kan",
    "we", "i", "it", "they", "he", "she", "this", "that", "there", "someone", "somebody",
    "everyone", "nobody", "anyone", "people", "the", "a", "an", "if", "when", "then", "also",
    "all", "group", "meeting", "discussion", "next", "action", "todo", "note", "notes", "tbd",
}

# Swedish present-tense verbs of a task ("Tim kontaktar studentkåren"). A few forms only:
# the verb must directly follow the owner.
TASK_VERBS_SV = (
    "kontaktar", "skickar", "mejlar", "mailar", "fixar", "kollar", "ringer", "bokar", "ordnar",
    "undersöker", "utreder", "formulerar", "förbereder", "sammanställer", "skriver", "beställer",
    "köper", "uppdaterar", "återkommer", "bjuder", "kallar", "håller i", "tar fram", "tar med",
    "tar hand om", "tar kontakt", "tar reda på", "tar upp", "lägger upp", "ser över", "hör av sig",
    "hör med", "pratar med", "ansvarar för", "tar ansvar för", "tar gemensamt ansvar för",
    "åtar sig", "tar på sig", "driver", "påbörjar", "levererar", "bevakar",
    "följer upp", "skapar", "fixa", "ska", "skall", "kommer att",
    # setting things up and sending them out
    "sätter upp", "sätter ihop", "sätter ut", "gör klart", "lägger in", "lägger ut",
    "publicerar", "informerar", "frågar", "meddelar", "organiserar", "planerar", "samordnar",
    # reading things through
    "tittar", "granskar", "läser igenom",
)
TASK_VERBS_EN = (
    "will", "to", "shall", "agreed to", "volunteered to", "offered to", "is going to",
    "will follow up", "to follow up", "takes", "owns",
    # "Geert has volunteered to add a rule": the auxiliary between the owner and the verb
    "has volunteered to", "have volunteered to", "has agreed to", "have agreed to", "has offered to",
    "will take", "is to", "are to",
)
# Labels of an action line: "Action: ...", "ACTION:", "TODO:", "AP:", "Att göra:".
ACTION_LABELS = (
    "action", "actions", "action item", "action items", "action point", "ap", "todo", "to do",
    "ai",  # "AI: Pauli to write a blog post" (action item), as OTC-style minutes abbreviate it
    "to-do", "att göra", "åtgärd", "åtgärder", "uppgift", "uppdrag",
    "actionpoints", "action points", "actionpoint",  # "## Actionpoints inför nästa gång"
)
# Table columns.
OWNER_COLUMNS = ("ansvarig", "ansvariga", "owner", "owners", "responsible", "who", "vem",
                 "assignee", "assigned to", "ansvar", "person")
TASK_COLUMNS = ("åtgärd", "uppgift", "task", "action", "action item", "item", "vad", "what",
                "beskrivning", "description", "aktivitet", "punkt", "uppdrag", "ärende")
DUE_COLUMNS = ("due", "deadline", "klart", "klart senast", "senast", "datum", "when", "när",
               "due date", "klart till", "tidpunkt", "by")
STATUS_COLUMNS = ("status", "state", "läge", "lägesrapport")

# Status words of an action as reported ("Done", "Klart", "Pågår").
STATUS_WORDS = {
    "done": ("done", "completed", "complete", "finished", "closed", "resolved", "klart", "klar",
             "klara", "avklarat", "avklarad", "slutfört", "slutförd", "genomfört", "genomförd",
             "utfört", "utförd", "åtgärdat", "åtgärdad", "fixat", "fixad", "gjort", "✅", "✓", "[x]"),
    "ongoing": ("ongoing", "in progress", "started", "wip", "pågår", "pågående", "påbörjad",
                "påbörjat", "under arbete", "fortsätter"),
    "not_started": ("not started", "ej påbörjad", "ej påbörjat", "inte påbörjad", "inte påbörjat",
                    "ej startad", "ej startat", "ej klar", "inte klar", "ej gjort", "inte gjort",
                    "[ ]", "todo", "open", "öppen"),
    "dropped": ("dropped", "cancelled", "canceled", "abandoned", "strykes", "struken", "utgår",
                "avskrivet", "avskriven", "stängd utan åtgärd", "wontfix", "won't do", "skippas",
                "läggs ned", "lagts ned"),
}
# "X har bokat lokalen, punkten är klar", "… – this is done now": a clause at a statement's end
# whose subject stands for the task, a copula, then a status word (STATUS_WORDS).
STATUS_SUBJECTS = ("punkten", "uppgiften", "uppdraget", "det", "detta", "den", "saken", "ärendet",
                   "this", "that", "it", "the item", "the task", "the action", "the action item")
STATUS_COPULAS = ("är", "är nu", "är redan", "blev", "har blivit", "is", "is now", "is already",
                  "was", "has been")
# A report of what the owner has done ("Anna har bokat lokalen"): the perfect's auxiliaries.
PERFECT_AUXILIARIES = ("har", "hade", "has", "have", "had")
# After a modal, these say a state or a mandate, not a task ("Tim ska ha pr-mailen", "X och Y
# ska representera divisionen", "Sam will leave it on hold"). "ha ett möte" is a task.
MODAL_STATES = ("ha", "få", "vara", "bli", "kunna", "representera", "företräda", "teckna",
                "be", "have", "get", "leave", "represent")
# Words after a comma that open a new clause with a subject of its own: a task ends before them
# ("Samuel ska ha ett möte med Karl, de har haft problem med …").
CLAUSE_BREAKS = ("de", "dom", "vi", "han", "hon", "hen", "det", "man", "jag", "ni", "men", "dock",
                 "fast", "eftersom", "vilket", "behöver", "they", "we", "he", "she", "it", "but",
                 "because", "since", "which")
# Words that join a wrapped line to the next ("kontaktar Morgan och\nKarl", "till\nStyrelsen"):
# a line ending in one, or a next line whose second word is one, continues the sentence.
LINE_JOINERS = ("och", "att", "med", "till", "på", "i", "för", "av", "om", "från", "som", "samt",
                "eller", "en", "ett", "den", "det", "and", "or", "to", "of", "with", "the", "a", "an",
                "for", "in", "on", "from")
# Swedish verbs in -s that are no passive (deponents, reciprocals) or that say what will
# happen rather than a task ("Årsmötet ska hållas …"): "X ska <verb>" is no ownerless task.
NOT_PASSIVES = (
    "finnas", "hoppas", "lyckas", "synas", "kännas", "trivas", "minnas", "låtsas", "andas",
    "fattas", "träffas", "mötas", "ses", "samsas", "vistas", "envisas", "slåss", "umgås",
    "skämmas", "åldras", "brås", "svettas", "nöjas", "hållas", "anses", "räknas", "betraktas",
    "tolkas", "avslutas", "gälla",
)
# Headings of a review of earlier actions.
REVIEW_HEADINGS = (
    "uppföljning", "uppföljning av uppdrag", "uppföljning av beslut", "uppföljning från förra mötet",
    "föregående mötes uppdrag", "sedan förra mötet", "action items from last meeting",
    "actions from last meeting", "review of actions", "review of action items",
    "previous action items", "previous actions", "follow-up", "follow up", "åtgärdslista",
    "beslutsuppföljning", "action items", "actions", "att göra-listan",
    "review outstanding actions", "outstanding actions", "outstanding action items",
    "review of outstanding actions", "review outstanding action items", "open actions",
    "open action items", "review open actions", "kvarstående uppdrag", "utestående uppdrag",
)
# Words before a due date.
DUE_CUES = ("due", "by", "before", "until", "deadline", "senast", "innan", "före", "till den",
            "till", "klart", "inom")

# Role titles -> role key; scope is "meeting" for the functions of one meeting.
ROLE_TITLES = {
    # (regex on the casefolded title, role, scope)
    r"vice\s*(?:mötes)?ordf(?:örande|\.)?|vice[- ]ordförande|vice\s+chair\w*|deputy\s+chair|vice[- ]president": "vice_chair",
    r"(?:mötes|stämmo|sammanträdes)ordförande|ordförande\s+för\s+(?:mötet|stämman)|mötesledare|chair(?:ed)?\s+of\s+the\s+meeting|facilitator|moderator": "chair",
    r"(?:[\wåäö]*s)?ordförande|ordf\.?|chair(?:man|woman|person)?|president": "chair",
    r"(?:mötes|protokoll|stämmo)?sekret\w*|sekr\.?|secretary": "secretary",
    r"kassör\w*|skattmästare|ekonomiansvarig|treasurer": "treasurer",
    r"(?:protokoll)?juster\w*|justeringsm\w*|justeringsperson\w*|adjuster\w*|minutes\s+checker\w*": "adjuster",
    r"protokollför\w*|minute[- ]?taker|note[- ]?taker|scribe|minutes": "minute_taker",
    r"föredragande|rapporteur|presenter": "rapporteur",
    r"adjunger\w*|co-?opted": "co_opted",
    r"rösträknare|vote\s+counters?|tellers?": "vote_counter",
    r"revisor\w*|auditors?": "auditor",
}
MEETING_SCOPED = ("möte", "stämm", "protokoll", "juste", "meeting", "minute", "note", "scribe",
                  "föredragande", "adjunger", "rösträkn", "facilitator", "moderator", "mötesledare")
# Words that point back to what came before ("Samuel förbereder detta"): a task holding one says
# nothing alone, so a digest quotes the whole statement it stands in.
ANAPHORS = frozenset({"detta", "det", "dessa", "denna", "dem", "den", "this", "that", "it", "these", "those", "them"})

# Requests made of someone in the passive ("Anna ombads att …", "members were asked to …",
# "alla uppmanas att …"): the one asked owns the task.
REQUEST_VERBS = (
    "ombads", "ombeds", "ombedes", "ombeddes", "ombetts", "har ombetts", "uppmanas", "uppmanades",
    "uppmanats", "har uppmanats", "anmodas", "anmodades",
    "was asked", "were asked", "is asked", "are asked", "has been asked", "have been asked",
    "was requested", "were requested", "is requested", "are requested", "were encouraged",
    "are encouraged", "is encouraged", "was encouraged", "were urged", "are urged", "were invited",
    "are invited",
)
# Requests with no one named ("… efterfrågades förslag på 3-5 andra satsningar"): the task is
# what was asked for; no owner is invented.
REQUEST_PASSIVES = ("efterfrågades", "efterfrågas", "efterlystes", "efterlyses", "begärdes", "begärs",
                    "inhämtades", "inhämtas")
# Groups that may be asked ("alla", "members", "varje ledamot"): owners as the text names them.
GROUP_OWNERS = (
    "alla", "samtliga", "alla medlemmar", "medlemmarna", "alla ledamöter", "ledamöterna",
    "styrelsemedlemmarna", "alla styrelsemedlemmar", "varje styrelsemedlem", "varje ledamot",
    "deltagarna", "mötesdeltagarna", "alla deltagare", "gruppen", "alla närvarande",
    "members", "all members", "the members", "board members", "all board members", "everyone",
    "everybody", "all", "attendees", "all attendees", "participants", "each member", "the group",
    "collaborators",  # and "(all) TSC members": a body's abbreviation (BODY_ABBREVIATION) + members
)

# Decisions that are the meeting's formalities, not its business, by what they say (the agenda
# item's heading is read with PROCEDURAL_ITEMS): index/records/formality.py. Regex fragments,
# matched case-insensitively anywhere in the decision's text.
FORMALITY_STATEMENTS = (
    # quorum: "är därmed beslutbar", "mötet förklaras beslutsmässigt", "a quorum was present"
    r"beslut(?:s)?bar\w*", r"beslutsmässig\w*", r"beslutför\w*", r"quorum", r"quorate",
    # the voting register and the count: "bekräftar röstlängden", "väljs till rösträknare"
    r"röstlängd\w*", r"rösträknare\w*", r"tellers?\b",
    # adjusters: "väljs till protokolljusterare", "utses till justeringspersoner"
    r"(?:protokoll)?justerare\w*", r"justeringsperson\w*", r"justeringsm[aä]n\w*",
    r"(?:minutes?\s+)?(?:checkers?|adjusters?)\b",
    # the meeting's own chair and secretary: "mötesordförande", "sekreterare för årsmötesförhandlingarna"
    r"mötes(?:ordförande|sekreterare)", r"(?:ordförande|sekreterare)\s+(?:för|vid)\s+(?:mötet|sammanträdet|stämman|årsmöte\w*|mötesförhandling\w*)",
    r"(?:chair|secretary)\s+(?:of|for)\s+the\s+meeting", r"(?:meeting\s+chair|minute[- ]?taker|note[- ]?taker|scribe)\b",
    # the agenda approved: "dagordningen fastställs", "fastställa dagordningen", "the agenda was adopted"
    r"(?:dagordning|föredragningslist|mötesschema)\w*\s+(?:\w+\s+){0,3}(?:fastställ|godkän|anta|antog|justera)\w*",
    r"(?:fastställ|godkän|anta|antog)\w*\s+(?:den\s+(?:\w+\s+)?)?(?:dagordning|föredragningslist|mötesschema)\w*",
    r"agenda\s+(?:\w+\s+){0,2}(?:approved|adopted|accepted)", r"(?:approv|adopt|accept)\w*\s+(?:of\s+)?the\s+(?:\w+\s+)?agenda",
    # the previous minutes: "föregående mötesprotokoll godkänns", "the minutes of the last meeting were approved"
    r"föregående\s+(?:mötes)?protokoll\w*", r"minutes\s+of\s+the\s+(?:previous|last|prior)\s+meeting", r"previous\s+minutes",
    # opened, called, closed: "mötet förklaras öppnat", "ordföranden öppnade mötet", "the meeting was adjourned"
    r"mötet\s+(?:\w+\s+){0,2}(?:öppna|avslut|utlys|kalla)\w*", r"(?:öppna|avsluta|förklara)\w*\s+mötet",
    r"(?:behörig|stadgeenlig)\w*\s+(?:ordning|kall|utlys)\w*",
    r"call(?:ed)?\s+(?:the\s+meeting\s+)?to\s+order", r"meeting\s+(?:was\s+|is\s+)?(?:opened|closed|adjourned)",
    r"adjourn\w*", r"properly\s+(?:called|convened)",
    # adjunct members admitted: "adjungeras till mötet"
    r"adjunger\w*",
)

# -- the record grammar of index/records/grammar.py (decisions in other words) ----------------
# A body's decision verb in Swedish, present and past ("Årsmötet beslutade på styrelsens förslag
# att …", "Årsmötet beslutar välja …").
# A body concluding, as a decision: "Mötet diskuterar och kommer fram till att stadgarna bör
# låtas vara", "The board agreed that …", "Styrelsen enades om att …" (grammar.py).
CONCLUDE_VERBS = ("kommer fram till", "kom fram till", "har kommit fram till", "enas om", "enades om",
                  "är överens om", "var överens om", "came to the conclusion", "comes to the conclusion",
                  "concluded", "concludes", "agreed", "agrees")
DECIDE_VERBS_SV = ("beslutar", "beslutade", "beslöt", "beslutat", "har beslutat")
# The passive: "Beslöts efter diskussion att …".
DECIDED_PASSIVE_SV = ("beslutades", "beslöts", "beslutas")
# Nouns that name the decision itself: "OTC decision is to …", "Beslutet blev att …".
DECISION_NOUNS = ("decision", "resolution", "beslutet", "mötets beslut", "styrelsens beslut")
# A copula after them: "… is to", "… was that", "… blev att".
DECISION_COPULAS = ("is", "was", "will be", "blev", "är", "var", "blir")
# Who votes as a group: "We voted to …", "The TSC voted unanimously to …", "Members voted to …".
VOTING_SUBJECTS = ("we", "they", "everyone", "everybody", "all", "members", "the members",
                   "the group", "the meeting", "the board", "the committee", "the council",
                   "the team", "the working group", "the wg", "the tsc", "the otc", "vi", "mötet",
                   "styrelsen", "medlemmarna")
VOTED_VERBS = ("voted", "have voted", "has voted", "röstade för att", "röstade för")
# Agreement without a vote: "Consensus to …", "There was rough consensus that …", "Konsensus om att …".
CONSENSUS_WORDS = ("consensus", "rough consensus", "general consensus", "broad consensus",
                   "general agreement", "agreement", "konsensus", "enighet", "samsyn")
# Words that turn agreement into its absence just before it: "no consensus on …", "ingen enighet om".
# Words that make what follows a condition, not a statement: "provided there is consensus to …",
# "if there is consensus", "om det finns konsensus".
CONDITIONALS = ("if", "provided", "providing", "unless", "whether", "assuming", "once", "ifall", "om",
                "såvida", "förutsatt att", "under förutsättning att")
NEGATIONS = ("no", "not", "without", "lack of", "lacking", "never", "ingen", "inte", "ej", "utan")
# A statement that opens with the verb, its subject left out: "Agreed to …", "Decided that …".
SUBJECTLESS_DECIDE = ("agreed", "decided", "resolved", "beslutades", "beslöts", "beslutas")
# A proposal withdrawn by its mover: no decision was taken on it (outcome "withdrawn").
WITHDRAWN_WORDS = (r"withdrawn", r"withdrew", r"drogs\s+tillbaka", r"dras\s+tillbaka", r"återtogs",
                   r"återtas", r"återkallades")
# "Proposed: Tomas, seconded: Tim" after what was adopted: the mover and the seconder.
MOVER_LABELS = ("proposed", "proposed by", "moved", "moved by", "motion by", "föreslaget av",
                "föreslogs av", "yrkat av")
SECONDER_LABELS = ("seconded", "seconded by", "second", "understödd av", "understöddes av", "bifallet av")
# A proposal put to a "+1" round in scribe minutes: "Proposed: Add AVIF to the package",
# "PROPOSAL: …", "Draft resolution: …"; the votes follow as "<ivan> +1" or "ivan: -1" lines.
ROUND_LABELS = ("proposed", "proposal", "proposed resolution", "draft resolution", "straw poll")
# Titles held for a while or for someone else: "acting chair", "t.f. ordförande", "interim
# secretary", "ersättare för kassören". The role is the title after the word.
ACTING_WORDS = ("acting", "interim", "temporary", "substitute", "stand-in", "deputising", "t.f.", "tf",
                "tillförordnad", "tillförordnade", "vikarierande", "tillfällig", "tillfällige")
# A decision label that opens a sentence inside a line ("No objections. **Decision:** …").
DECISION_LABELS = ("decision", "decided", "resolution", "resolved", "agreed", "beslut", "beslutades",
                   # scribe minutes: "Agreement in room: we should remove …"
                   "agreement", "agreement in room", "agreement in the room", "consensus in room",
                   "consensus in the room")
# Words between a decision verb and its "att" that place the decision on another occasion:
# "Det beslutades även då att …", "Styrelsen beslutade tidigare att …" report it, this meeting
# did not take it.
OTHER_OCCASION = ("då", "tidigare", "förra året", "förra mötet", "på förra mötet", "senast", "i fjol", "redan",
                  "earlier", "previously", "last time", "last year", "already", "then")

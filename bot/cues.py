"""The cue words of the questions' intents, as patterns over a question's text: one place, read
by the router (bot/router.py) through :class:`Signals` and by the intents' routes.

Each pattern is ``re.VERBOSE`` with a comment per alternative where it is long; the words are
English and Swedish. A cue says what a question asks; which intent wins is the router's score."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.records.titles import asked_role as asked_post
from index.vocab import ROLE_CUES

NEXT = re.compile(r"""(?ix)
    \bnext\s+(?:\w+\s+)?meeting | \bupcoming\s+meeting | \bwhen\s+(?:do|will|shall)\s+we\s+meet
  | \bmeet(?:ing)?\s+(?:again|next)\b
    # Swedish
  | \bnästa\s+(?:\w+)?möte | \bkommande\s+(?:\w+)?möte | \bnär\s+ses\s+vi | \bnär\s+träffas\s+vi
  | \bnästa\s+sammanträde
""")
WHO = re.compile(r"\bwho\b|\bwhom\b|\bvem\b|\bvilka\b|\bvilken\b|\bname\b|\bnamn\b|\bwhich\s+person", re.I)
ATTEND = re.compile(r"""(?ix)
    \battend(?:ed|ees?|ance|ing|s)?\b | \bparticipa(?:nts?|ted|ting)\b | \brepresented\b
  | \bpresent\s+at\b | \bwere\s+present | \bwas\s+present
  | \bwho\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+(?:at|there|in)\b   # "who (from the board) was at …"
  | \bwho\s+came\b | \bwho\s+joined\b
  | \b(?:took|take|takes|taking)\s+part\b                   # "who took part in the session?"
  | \bhow\s+many\s+(?:people|persons|participants|members|attendees)
    # Swedish
  | \brepresenterade?\b | \btog\s+del\b | \bdeltog\b | \bdeltagit\b | \bdeltagare\w* | \bdeltar\b | \bnärvarande\b | \bnärvarade\b
  | \bvar\s+med\s+på | \bvar\s+på\s+(?:\w+)?mötet | \bvilka\s+var\s+(?:på|med|där)
  | \bhur\s+många\s+(?:personer\s+|deltagare\s+)?(?:deltog|var)
""")
ABSENT = re.compile(r"""(?ix)
    \babsent(?:ees?)?\b | \babsence\b | \bapologi(?:es|se|ze|sed|zed)\b | \bregrets\b | \bmissing\b
  | \b(?:did\s*n[o']?t|didn't|not)\s+(?:attend|come|show) | \binvited\s+but\b
  | \bcould\s*n[o']?t\s+(?:attend|come)
    # Swedish
  | \bfrånvarande\b | \bfrånvar\w* | \b(?:inte|ej)\s+(?:närvarande|närvarade|deltog|med)\b | \bkallade\s+men\b
  | \bförhinder\b | \banmält\s+förhinder | \bsaknades\b | \buteblev\b
""")
DECIDE = re.compile(r"""(?ix)
    \bdecid\w* | \bdecision\w* | \bresol(?:ved|ution)s?\b | \bagreed\b | \bapprov\w* | \bchosen\b | \bchose\b
  | \bvot(?:e|ed|es|ing)\b | \btabled\b | \bpostponed\b | \brejected\b | \bvoted\s+down\b | \breservations?\b
    # Swedish
  | \bbeslut\w* | \bbeslöts?\b | \bbifall\w* | \bröst(?:ade|ades|ning|ningen)\w* | \bvotering\w* | \bbordla\w*
  | \breserv\w* | \bavslog\w* | \bgodkän\w* | \bklubba\w* | \bvaldes\b | \bvalde\s+(?:ni|vi|man|mötet|styrelsen)\b
  | \bkom\s+(?:[\w-]+\s+){0,2}fram\s+till\b | \bconclu(?:de|ded|sion)\b   # "vad kom TSC fram till om …?"
    # a proposal or motion: what became of it is a decision
  | \bwhat\s+(?:happened|became)\s+(?:to|of)\s+the\s+(?:proposal|motion)\b | \bhur\s+gick\s+det\s+med\s+(?:förslaget|motionen)
  | \bvad\s+hände\s+med\s+(?:förslaget|motionen|valet)
""")
# "who will remind Myles …?", "vem ska kontakta Morgan?": the question asks for the owner, so a
# person it names is the object of the task, not whose task it is.
WHO_DOES = re.compile(r"""(?ix)
    ^\s*(?:and\s+|och\s+)?(?:who|vem|vilka|vilken)\s+
    (?:will|would|should|must|shall|is|are|was|were|has|had|ska|skall|skulle|måste|kommer|har|hade|tar|fick)\b
""")
# "who volunteered to …?", "vem åtog sig att …?": a who-word first asks for the owner.
WHO_FIRST = re.compile(r"(?i)^\s*(?:and\s+|och\s+)?(?:who|vem)\b")
# A task asked for by what is being done to it: "who is preparing the budget?", "vem förbereder
# budgeten?", "vem fixar lokalen?" (a present-tense verb right after the who-word). Not being or
# attending ("vem är", "vem var", "who is attending"), which other intents answer.
WHO_DOING = re.compile(r"""(?ix)
    ^\s*(?:and\s+|och\s+)?who(?:\s+is|\s+are|'s|’s)\s+(?!attending\b|coming\b|chairing\b|going\b)\w+ing\b
  | ^\s*(?:and\s+)?who\s+(?!is\b|was\b|has\b|does\b|attends\b|chairs\b|leads\b|represents\b|holds\b|says\b
                             |thinks\b|knows\b|comes\b|sits\b|belongs\b|serves\b)\w{3,}s\b   # "who handles the keys?"
  | \bwho(?:'s|’s|\s+is|\s+was|\s+were|\s+are)\s+(?:going|supposed|meant|due|expected)\s+to\b
  | \bwho(?:'ll|’ll)\b | \bwhose\s+(?:job|task|responsibility)\b
  | ^\s*(?:och\s+)?vem\s+
    (?!(?:är|var|har|hade|blir|blev|deltar|deltog|sitter|satt|leder|ledde|kommer|heter|representerar|företräder)\b)
    \w{3,}(?:ar|er)\b
""")
# "who represented the division?", "vem företrädde CPC?": a representative of a body (a role),
# not who was present ("which organisations were represented?").
REPRESENTED = re.compile(r"""(?ix)
    \b(?:who|vem)\s+(?:has\s+|har\s+)?(?:represented|represents|representerade|representerar|företrädde|företräder)
    \s+(?!at\b|på\b|vid\b)[\w-]
""")
# Who decided ("what did the board decide about …", "vad beslutade styrelsen om …"): the decider
# is no topic, every decision of the minutes is the board's.
DECIDER = re.compile(r"""(?ix)
    \b(?:did|has|have|had)\s+(?:the\s+)?(?P<en>[\w-]+)\s+
        (?:decide|decided|agree|agreed|resolve|resolved|approve|approved|vote|voted|choose|chose|conclude|concluded)\b
  | \b(?:beslutade|beslöt|bestämde|godkände|röstade|valde)\s+(?P<sv>[\w-]+)\s+(?:om|att|kring|angående|gällande)\b
  | \b(?:har|hade)\s+(?P<perfect>[\w-]+)\s+(?:beslutat|bestämt|godkänt|röstat|valt)\b
  | \bkom\s+(?P<came>[\w-]+)\s+fram\s+till\b
""")
# Outcomes a decision question may ask for.
TABLED = re.compile(r"(?i)\btabled\b|\bpostponed\b|\bdeferred\b|\bbordla\w*|\bskjut\w*\s+upp|\båterremitt\w*")
REJECTED = re.compile(r"(?i)\brejected\b|\bvoted\s+down\b|\bturned\s+down\b|\bavslog\w*|\bröstades\s+ned\b")
RESERVATION = re.compile(r"(?i)\breservations?\b|\bdissent\w*|\bvoted\s+against\b|\breserv\w*")
ACTION = re.compile(r"""(?ix)
    \baction(?:s|\s+items?|\s+points?)?\b | \btasks?\b | \bto-?dos?\b | \bassigned\b | \bdeadlines?\b
  | \bdue\b | \bresponsible\s+for\b | \bin\s+charge\s+of\b | \bnext\s+steps?\b
  | \bwho\s+(?:will|would|'ll|should|must|shall|needs?\s+to|has\s+to|is\s+(?:going|supposed|meant)\s+to
            |promised\s+to|offered\s+to|volunteered|agreed\s+to\s+(?!the\b|a\b|an\b|this\b|that\b|it\b)|took\s+(?:on|over|charge|responsibility)
            |signed\s+up|was\s+(?:tasked|given|put\s+in\s+charge|assigned))\b
  | \bwhat\s+(?:does|do|did|should|must|will|would|is|was|were)\s+(?:[\w'-]+\s+){1,3}?
        (?:need\s+to|have\s+to|has\s+to|supposed\s+to|asked\s+to|promise\w*\s+to|agree\w*\s+to|going\s+to)\s+do\b
                                                                                  # "what does Anna need to do?"
  | \bfollow[- ]?ups?\b
  | \b(?:was|were|been)\s+(?:[\w-]+\s+){0,3}?(?:asked|requested|encouraged|tasked)\s+(?:to|with)\b   # "were the members asked to"
  | \b(?:by\s+when|when)\s+(?:should|must|will|is|are|does|do)\b.*\b(?:done|ready|finished|completed|delivered|sent|submitted)\b
    # Swedish
  | \buppdrag\w* | \buppgift(?:er|erna)?\b | \bansvar(?:ig|iga|ar|ade|et)?\b | \båtgärd\w*
  | \bvem\s+(?:ska|skall|skulle|måste|behöver|bör|borde|kommer\s+att|åtog\s+sig|tog\s+på\s+sig|lovade|anmälde\s+sig|erbjöd\s+sig)\b
  | \bvad\s+(?:ska|skall|skulle|måste|behöver|bör|borde|lovade)\s+(?:[\w-]+\s+){1,3}?(?:göra|fixa|ordna|ta\s+fram)\b
                                                                                  # "vad ska Anna göra?"
  | \batt\s+göra\b | \bklart?\s+till\b | \btidsfrist\w* | \bsista\s+dag\b | \bsenast\s+när\b
  | \bnär\s+(?:ska|skall|skulle|måste|behöver)\b.*\b(?:klar[at]?|färdig[at]?|gjort?|skickas|skickat|lämnas|in)\b
  | \bombads\b | \buppmanades\b | \bombeds\b | \befterfrågades\b | \bfick\s+i\s+uppgift\b
""")
OPEN = re.compile(r"(?i)\bopen\b|\bstill\b|\boutstanding\b|\bpending\b|\bunfinished\b|\bnot\s+(?:yet\s+)?done\b"
                   r"|\böppna\b|\bkvar\b|\bfortfarande\b|\bpågående\b|\binte\s+klara?\b|\bej\s+klara?\b")
DUE = re.compile(r"(?i)\bwhen\s+is\b.*\bdue\b|\bdeadline\b|\bby\s+when\b|\bnär\s+ska\b.*\bklart?\b|\btill\s+när\b")
DIGEST = re.compile(r"""(?ix)
    \bwhat\s+happened\s+(?:at|in|during|on)\b | \bwhat\s+(?:was|were)\s+(?:discussed|covered)\s+(?:at|in)\b
  | \bsummar(?:y|ise|ize)\b | \brecap\b | \boverview\s+of\b | \bhighlights\s+of\b
  | \bwhat\s+did\s+(?:the\s+)?[\w-]+\s+(?:discuss|cover|talk\s+about)\b     # "what did the TSC discuss in May?"
  | \bwhat\s+was\s+on\s+the\s+agenda\b
    # Swedish
  | \bvad\s+hände\s+(?:på|vid|under|i)\b | \bsammanfatt\w* | \bsammandrag\b | \böversikt\b
  | \bvad\s+togs\s+upp\s+(?:på|vid)\b
  | \bvad\s+tog\s+[\w-]+\s+upp\b                          # "vad tog TSC/styrelsen upp på mötet …?"
  | \bvad\s+(?:diskuterades|behandlades|avhandlades)\s+(?:på|vid|under)\b
  | \bvad\s+(?:diskuterade|behandlade)\s+[\w-]+\s+(?:på|vid|under|i)\b
  | \bvad\s+stod\s+på\s+dagordningen\b
""")
ROLE_ASK = {role: re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b") for role, cues in ROLE_CUES.items()}
MEETING_WORD = re.compile(r"(?i)\bmeeting\b|\bmöte\w*|\bsammanträde\w*|\bstämma\w*|\bstormöte\w*")
MEETING_AFTER = re.compile(r"(?i)^\s*(?:meeting|möte|mötet|sammanträde\w*|workshop|session)\b")
COUNT = re.compile(r"\bhow\s+many\b|\bhur\s+många\b|\bnumber\s+of\b|\bantal\w*", re.I)
ORGS = re.compile(r"""(?ix)
    \borgani[sz]ations?\b | \bcompan(?:y|ies)\b | \brepresented\b | \binstitutions?\b
    # Swedish
  | \borganisationer\w*\b | \bföretag\w*\b | \brepresenterade?\b | \bmyndighet\w*
""")
PRESENT_VERB = re.compile(r"\bpresent(?:ed|s)?\b(?!\s+at)|\bpresenterade?\b", re.I)
ANYONE = re.compile(r"(?i)\b(?:anyone|anybody|någon|några)\b")
# Where a question's topic begins ("what was decided about the task force?", "beslutades något om
# nästa möte?"): a cue after it is what the question is about, not what it asks.
TOPIC = re.compile(r"(?i)\b(?:about|regarding|concerning|om|angående|kring|gällande|beträffande)\b")


@dataclass
class Signals:
    """Which cues a text holds: the whole question, or its head (the words before its topic).
    ``person``, ``time`` and ``run`` are what the whole question names, the same for both."""

    next: bool
    absent: bool
    who: bool
    anyone: bool
    attended: bool
    asked_role: str | None
    reservation: bool
    who_doing: bool
    digest: bool
    meeting_word: bool
    action: bool
    decide: bool
    orgs: bool
    count: bool
    person: str | None = None  # a person the minutes name
    time: bool = False  # the question gives a time
    run: str | None = None  # a capitalised run that may be a person no list names
    text: str = ""  # the text read: an intent's own cue is matched against it (Route.cue)

    @classmethod
    def of(cls, text: str, *, person: str | None = None, time: bool = False, run: str | None = None) -> Signals:
        represented = bool(REPRESENTED.search(text))
        return cls(
            next=bool(NEXT.search(text)), absent=bool(ABSENT.search(text)), who=bool(WHO.search(text)),
            anyone=bool(ANYONE.search(text)),
            attended=bool(ATTEND.search(text)) and not represented,  # "who represented X?" is a role
            # a post no table lists ("vem var PR-ansvarig?", "who was the events lead?"): index/records/titles
            asked_role=("representative" if represented else None)
            or next((r for r, pat in ROLE_ASK.items() if pat.search(text)), None) or asked_post(text),
            reservation=bool(RESERVATION.search(text)), who_doing=bool(WHO_DOING.search(text)),
            digest=bool(DIGEST.search(text)), meeting_word=bool(MEETING_WORD.search(text)),
            action=bool(ACTION.search(text)), decide=bool(DECIDE.search(text)), orgs=bool(ORGS.search(text)),
            count=bool(COUNT.search(text)), person=person, time=time, run=run, text=text)

    def true(self, names: tuple[str, ...]) -> list[str]:
        """Which of these signals hold (for the router's reasons)."""
        return [n for n in names if getattr(self, n)]


# The cues whose words may be a topic once the question's head has its intent: each pattern's matches
TOPIC_CUES = (NEXT, ACTION, DECIDE, DIGEST, ATTEND, ABSENT)

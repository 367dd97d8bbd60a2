"""What a question asks: its intent, its language, the time it is about and the person it names.

Rules, not a model: the questions people ask of minutes fall into a few shapes (who attended,
when is the next meeting, who chaired, what did X say), and each has cue words in English and
Swedish. Whatever has no such shape is a search."""
from __future__ import annotations

import re

from index.dates import find_dates
from index.language import detect_language as _detect
from index.records.titles import asked_role as asked_post
from index.vocab import FUNCTION_WORDS, MONTH_NAMES, MONTHS, ROLE_CUES

from .lexical import STOP, fold, tokens
from .names import capitalised_runs
from .question import Intent, Question, TimeFilter
from .resolve import parse_meeting

ATTENDANCE, ABSENCE, PERSON, NEXT_MEETING, ROLE, SEARCH, OFFTOPIC = (
    Intent.ATTENDANCE, Intent.ABSENCE, Intent.PERSON, Intent.NEXT_MEETING, Intent.ROLE, Intent.SEARCH, Intent.OFFTOPIC)
DECISIONS, ACTIONS, DIGEST = Intent.DECISIONS, Intent.ACTIONS, Intent.DIGEST

_SV_WORDS = FUNCTION_WORDS["sv"]
_EN_WORDS = FUNCTION_WORDS["en"]


_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


def _is_name_token(q: str, m: re.Match) -> bool:
    """A capitalised word that is not the question's first word, or a first word that is no
    function word ("Björn", "Helena", "Linode"): it names something and says nothing about the
    language the question is written in."""
    w = m.group(0)
    if not w[0].isupper():
        return False
    first = not re.search(r"\w", q[: m.start()])
    f = fold(w)
    return not first or not (f in _SV_WORDS or f in _EN_WORDS or f in STOP)


def detect_language(q: str, names=None) -> str:
    """Decided on function words; names ("Björn Åkesson", capitalised words that aren't a
    sentence-initial function word) are left out, so their å/ä/ö don't make a question Swedish."""
    spans = []
    if names is not None:
        for n in names.mentions(q):
            i = q.find(n)
            if i >= 0:
                spans.append((i, i + len(n)))
    kept = []
    for m in _TOKEN.finditer(q):
        if _is_name_token(q, m) or any(s <= m.start() < e for s, e in spans):
            continue
        kept.append(m.group(0))
    return _detect(" ".join(kept), default="en")


def entities(q: str) -> list[str]:
    """Capitalised words that name a thing, organisation or person ("Almi", "Invest"), lower case."""
    out = []
    for m in _TOKEN.finditer(q):
        if _is_name_token(q, m) and fold(m.group(0)) not in STOP and fold(m.group(0)) not in MONTHS \
                and len(m.group(0)) >= 2:
            f = fold(m.group(0))
            if f not in out:
                out.append(f)
    return out


_NEXT = re.compile(r"""(?ix)
    \bnext\s+(?:\w+\s+)?meeting | \bupcoming\s+meeting | \bwhen\s+(?:do|will|shall)\s+we\s+meet
  | \bmeet(?:ing)?\s+(?:again|next)\b
    # Swedish
  | \bnästa\s+(?:\w+)?möte | \bkommande\s+(?:\w+)?möte | \bnär\s+ses\s+vi | \bnär\s+träffas\s+vi
  | \bnästa\s+sammanträde
""")
_WHO = re.compile(r"\bwho\b|\bwhom\b|\bvem\b|\bvilka\b|\bvilken\b|\bname\b|\bnamn\b|\bwhich\s+person", re.I)
_ATTEND = re.compile(r"""(?ix)
    \battend(?:ed|ees?|ance|ing|s)?\b | \bparticipa(?:nts?|ted|ting)\b | \brepresented\b
  | \bpresent\s+at\b | \bwere\s+present | \bwas\s+present
  | \bwho\s+(?:was|were)\s+(?:at|there|in)\b | \bwho\s+came\b | \bwho\s+joined\b
  | \bhow\s+many\s+(?:people|persons|participants|members|attendees)
    # Swedish
  | \brepresenterade?\b | \bdeltog\b | \bdeltagare\w* | \bdeltar\b | \bnärvarande\b | \bnärvarade\b
  | \bvar\s+med\s+på | \bvar\s+på\s+(?:\w+)?mötet | \bvilka\s+var\s+(?:på|med|där)
  | \bhur\s+många\s+(?:personer\s+|deltagare\s+)?(?:deltog|var)
""")
_ABSENT = re.compile(r"""(?ix)
    \babsent(?:ees?)?\b | \babsence\b | \bapologi(?:es|se|ze|sed|zed)\b | \bregrets\b | \bmissing\b
  | \b(?:did\s*n[o']?t|didn't|not)\s+(?:attend|come|show) | \binvited\s+but\b
  | \bcould\s*n[o']?t\s+(?:attend|come)
    # Swedish
  | \bfrånvarande\b | \bfrånvar\w* | \b(?:inte|ej)\s+(?:närvarande|närvarade|deltog|med)\b | \bkallade\s+men\b
  | \bförhinder\b | \banmält\s+förhinder | \bsaknades\b | \buteblev\b
""")
_DECIDE = re.compile(r"""(?ix)
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
_WHO_DOES = re.compile(r"""(?ix)
    ^\s*(?:and\s+|och\s+)?(?:who|vem|vilka|vilken)\s+
    (?:will|would|should|must|shall|is|are|was|were|has|had|ska|skall|skulle|måste|kommer|har|hade|tar|fick)\b
""")
# "who volunteered to …?", "vem åtog sig att …?": a who-word first asks for the owner.
_WHO_FIRST = re.compile(r"(?i)^\s*(?:and\s+|och\s+)?(?:who|vem)\b")
# A task asked for by what is being done to it: "who is preparing the budget?", "vem förbereder
# budgeten?", "vem fixar lokalen?" (a present-tense verb right after the who-word). Not being or
# attending ("vem är", "vem var", "who is attending"), which other intents answer.
_WHO_DOING = re.compile(r"""(?ix)
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
_REPRESENTED = re.compile(r"""(?ix)
    \b(?:who|vem)\s+(?:has\s+|har\s+)?(?:represented|represents|representerade|representerar|företrädde|företräder)
    \s+(?!at\b|på\b|vid\b)[\w-]
""")
# Who decided ("what did the board decide about …", "vad beslutade styrelsen om …"): the decider
# is no topic, every decision of the minutes is the board's.
_DECIDER = re.compile(r"""(?ix)
    \b(?:did|has|have|had)\s+(?:the\s+)?(?P<en>[\w-]+)\s+
        (?:decide|decided|agree|agreed|resolve|resolved|approve|approved|vote|voted|choose|chose|conclude|concluded)\b
  | \b(?:beslutade|beslöt|bestämde|godkände|röstade|valde)\s+(?P<sv>[\w-]+)\s+(?:om|att|kring|angående|gällande)\b
  | \b(?:har|hade)\s+(?P<perfect>[\w-]+)\s+(?:beslutat|bestämt|godkänt|röstat|valt)\b
  | \bkom\s+(?P<came>[\w-]+)\s+fram\s+till\b
""")
# Outcomes a decision question may ask for.
_TABLED = re.compile(r"(?i)\btabled\b|\bpostponed\b|\bdeferred\b|\bbordla\w*|\bskjut\w*\s+upp|\båterremitt\w*")
_REJECTED = re.compile(r"(?i)\brejected\b|\bvoted\s+down\b|\bturned\s+down\b|\bavslog\w*|\bröstades\s+ned\b")
_RESERVATION = re.compile(r"(?i)\breservations?\b|\bdissent\w*|\bvoted\s+against\b|\breserv\w*")
_ACTION = re.compile(r"""(?ix)
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
_OPEN = re.compile(r"(?i)\bopen\b|\bstill\b|\boutstanding\b|\bpending\b|\bunfinished\b|\bnot\s+(?:yet\s+)?done\b"
                   r"|\böppna\b|\bkvar\b|\bfortfarande\b|\bpågående\b|\binte\s+klara?\b|\bej\s+klara?\b")
_DUE = re.compile(r"(?i)\bwhen\s+is\b.*\bdue\b|\bdeadline\b|\bby\s+when\b|\bnär\s+ska\b.*\bklart?\b|\btill\s+när\b")
_DIGEST = re.compile(r"""(?ix)
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
_ROLE_ASK = {role: re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b") for role, cues in ROLE_CUES.items()}
_MEETING_WORD = re.compile(r"(?i)\bmeeting\b|\bmöte\w*|\bsammanträde\w*|\bstämma\w*|\bstormöte\w*")
_MEETING_AFTER = re.compile(r"(?i)^\s*(?:meeting|möte|mötet|sammanträde\w*|workshop|session)\b")
_COUNT = re.compile(r"\bhow\s+many\b|\bhur\s+många\b|\bnumber\s+of\b|\bantal\w*", re.I)
_ORGS = re.compile(r"""(?ix)
    \borgani[sz]ations?\b | \bcompan(?:y|ies)\b | \brepresented\b | \binstitutions?\b
    # Swedish
  | \borganisationer\w*\b | \bföretag\w*\b | \brepresenterade?\b | \bmyndighet\w*
""")
_PRESENT_VERB = re.compile(r"\bpresent(?:ed|s)?\b(?!\s+at)|\bpresenterade?\b", re.I)
_LAST = re.compile(r"""(?ix)
    \b(?:the\s+)?(?:last|latest|previous|most\s+recent)\s+(?:\w+\s+)?meeting   # "the last (board) meeting"
  | \b(?:förra|senaste)\s+(?:\w+)?mötet | \bsist(?:a)?\s+mötet                 # "förra styrelsemötet"
""")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+((?:19|20)\d{2})\b", re.I)
# "i maj", "in June": full month names (and "sept"); not "mar"/"jan", which are other words too.
_FULL_MONTHS = {n.lower() for names in MONTH_NAMES.values() for n in names} | {m for m in MONTHS if len(m) > 3}
_MONTH_ONLY = re.compile(r"\b(?:in|i|during|under)\s+(" + "|".join(
    sorted(_FULL_MONTHS, key=len, reverse=True)) + r")\b", re.I)
_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d{2})(?![\d/-])")
# A year that is part of a name: "Agenda 2030", "Vision 2025" (a capitalised word right before it
# that is no month), unless a time word comes first ("i 2030", "in 2015").
_NAMED_YEAR = re.compile(r"(?<!\w)([A-ZÅÄÖ][\w-]*)\s+((?:19|20)\d{2})(?![\d/-])")
# A year a thing is for ("revisorer för 2023", "chair for 2023", "budget för verksamhetsåret
# 2024"): a term, often decided the year before; searched for, not the time of the meeting.
_FOR_YEAR = re.compile(r"(?i)\b(?:för|for|inför)\s+(?:(?:verksamhetsåret|räkenskapsåret|året|the\s+year|year)\s+)?"
                       r"((?:19|20)\d{2})(?![\d/-])")

# Words that only carry intent or time: left out of what is searched for.
INTENT_WORDS = set("""attend attended attendees attendance attending participants participant participated
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
""".split())


def parse_time(q: str) -> TimeFilter:
    tf = TimeFilter()
    if _LAST.search(q):
        tf.last = True
        tf.text = _LAST.search(q).group(0)
    for d, (s, e) in find_dates(q):
        if re.search(r"\d{4}", q[s:e]):
            tf.year, tf.month, tf.day, tf.text = d.year, d.month, d.day, q[s:e]
            return tf
    m = _MONTH_YEAR.search(q)
    if m:
        tf.year, tf.month, tf.text = int(m.group(2)), MONTHS[m.group(1).lower()], m.group(0)
        return tf
    topic = topic_years(q)
    m = next((y for y in _YEAR.finditer(q) if y.group(1) not in topic), None)
    if m:
        tf.year, tf.text = int(m.group(1)), m.group(1)
    m = _MONTH_ONLY.search(q)
    if m:
        tf.month = MONTHS[m.group(1).lower()]
        tf.text = (m.group(1) + (" " + tf.text if tf.year else "")).strip()
    return tf


def topic_years(q: str) -> set[str]:
    """Years that are part of a name ("vad sades om Agenda 2030?"): searched for, not a time."""
    out = set()
    for m in _NAMED_YEAR.finditer(q):
        word = fold(m.group(1))
        if word not in MONTHS and not (m.start() == 0 and (word in STOP or word in _EN_WORDS or word in _SV_WORDS)):
            out.add(m.group(2))
    out.update(m.group(1) for m in _FOR_YEAR.finditer(q))
    return out


def content_words(q: str, time: TimeFilter, *, drop_intent: bool) -> list[str]:
    out = []
    time_words = set(tokens(time.text))
    topic = topic_years(q)
    for w in tokens(q):
        if w in topic:
            out.append(w)
            continue
        if w in STOP or w.isdigit() or w in MONTHS or w in time_words:
            continue
        if drop_intent and w in INTENT_WORDS:
            continue
        out.append(w)
    return out


def _person_run(q: str) -> str | None:
    """The first capitalised run of ``q`` that may be a person: not one that names a meeting
    ("the Life Science meeting")."""
    for run in capitalised_runs(q, _SV_WORDS | _EN_WORDS | STOP):
        i = q.find(run)
        if i >= 0 and _MEETING_AFTER.match(q[i + len(run):]):
            continue
        return run
    return None


def understand(question: str, names=None) -> Question:
    """``names`` is the engine's :class:`bot.names.NameIndex` (people the minutes name)."""
    q = question.strip()
    lang = detect_language(q, names)
    time = parse_time(q)
    person = None
    if names is not None:
        found = names.mentions(q)
        person = found[0] if found else None

    intent = SEARCH
    role = None
    attended = bool(_ATTEND.search(q))
    if _REPRESENTED.search(q):
        attended = False  # the role: asked for below
    # a post no table lists ("vem var PR-ansvarig?", "who was the events lead?"): index/records/titles
    asked_role = ("representative" if _REPRESENTED.search(q) else None) or next(
        (r for r, pat in _ROLE_ASK.items() if pat.search(q)), None) or asked_post(q)
    if _NEXT.search(q) and not person:
        intent = NEXT_MEETING
    elif _ABSENT.search(q) and (_WHO.search(q) or person or re.search(r"\b(?:anyone|anybody|någon|några)\b", q, re.I)):
        intent = ABSENCE
    elif _WHO.search(q) and asked_role and not attended and not _RESERVATION.search(q) and not _WHO_DOING.search(q):
        intent = ROLE
        role = asked_role
    elif _DIGEST.search(q) and (time or _MEETING_WORD.search(q)):
        # "what happened at the last meeting?", "sammanfatta mötet den 3 mars"; not "what
        # happened at the summer party?" (a search)
        intent = DIGEST
    elif _ACTION.search(q) or (_WHO_DOING.search(q) and not attended):
        intent = ACTIONS
    elif _DECIDE.search(q):
        intent = DECISIONS
    elif person:
        intent = PERSON
    elif attended and not _ORGS.search(q) and not _COUNT.search(q) and (run := _person_run(q)):
        # "did Björn Åkesson attend?" about someone no list names: a person question all the same
        person = run
        intent = PERSON
    elif attended or (_ORGS.search(q) and _WHO.search(q)):
        intent = ATTENDANCE

    asks_owner = intent == ACTIONS and bool(_WHO_DOES.search(q) or _WHO_DOING.search(q) or _WHO_FIRST.match(q))
    if asks_owner:
        person = None  # a name in it is the task's object: searched for among the tasks
    qq = Question(text=q, language=lang, intent=intent, time=time, person=person, role=role)
    if intent == ATTENDANCE:
        qq.count = bool(_COUNT.search(q))
        qq.organisations = bool(_ORGS.search(q)) and not qq.count
    if intent == PERSON:
        qq.person_attended = attended and not _PRESENT_VERB.search(q)
    if intent == DECISIONS:
        qq.outcome = ("reservation" if _RESERVATION.search(q) else "tabled" if _TABLED.search(q)
                      else "rejected" if _REJECTED.search(q) else None)
    if intent == ACTIONS:
        qq.open_only = bool(_OPEN.search(q))
        qq.due = bool(_DUE.search(q))
        qq.asks_owner = asks_owner
    drop = intent not in (SEARCH, PERSON)
    words = content_words(q, time, drop_intent=drop)
    if person:
        name_words = set(tokens(person))
        words = [w for w in words if w not in name_words]
    if intent == DECISIONS and (m := _DECIDER.search(q)):
        drop = {fold(next(g for g in m.groups() if g))} | ({"fram"} if m.group("came") else set())
        words = [w for w in words if w not in drop]
    qq.meeting = parse_meeting(q, names=names)
    if qq.meeting:  # "årsmötet", "IETF 83": the meeting, not what is searched for in it
        said = set(tokens(qq.meeting.text))
        words = [w for w in words if w not in said]
    qq.words = words
    qq.entities = [w for w in entities(q) if w not in set(tokens(person or ""))]
    return qq


def as_search(q: Question) -> Question:
    """The question asked again as a search (its handler had nothing): every content word counts,
    the intent's cue words too ("beslutades", "uppdrag"), as they would have for a search."""
    q.intent = SEARCH
    words = content_words(q.text, q.time, drop_intent=False)
    if q.person:
        name_words = set(tokens(q.person))
        words = [w for w in words if w not in name_words]
    q.words = words
    return q

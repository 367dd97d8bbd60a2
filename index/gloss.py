"""English glosses of Swedish text, from Folkets lexikon (sv->en, CC BY-SA 2.5, shipped in svlang).

The default embedding model is English-only: a Swedish passage's vector says little beyond its
names and digits. At index time the *embedding input* of a Swedish passage is therefore its text
followed by an English gloss of its content words ("styrelsen beslutade budgeten" -> "board
decide budget"), so an English question can reach it through vectors too. Only what is embedded
changes: the chunk's text and offsets stay the verbatim source.

This module also holds what the lexicon needs and ``bot/`` shares (the tokenizer, the function
word lists, the sv->en lexicon itself), since ``index/`` does not import ``bot/``."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# -- words ---------------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)

# Function words, and the words questions are made of ("what was said about"): they carry no
# topic, so they neither score nor count when deciding whether a question is on topic.
STOP_EN = set("""
a an the and or but if of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when where
why how all any both each few more most other some such no nor not only own same so than too very
s t can will just don should now is are was were be been being have has had having do does did
doing i me my we our you your he him his she her it its they them their what which who whom this
that these those am would could shall may might must let lets tell say said says anything something
know please give find show list get got any much many also meeting meetings minutes discuss discussed
mention mentioned talk talked regarding concerning whether everything thing things people anyone
as happen happened happens made make makes go goes went going done get gets take takes took keep kept
""".split())
STOP_SV = set("""
och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så
kan man när år sin nu eller efter hade ska skall vid hon mot under ut alla också mycket många upp bara
dem få andra hur där två sina denna detta dessa vilken vilket vilka vem vad varför vart här
mitt min mina din dina ditt du ni er era ert oss vår våra vårt hans hennes deras dess sitt
blev bli blir blivit varit vara är skulle kunde kommer kom något någon några inga ingen inget
än då sedan såg också ju väl nog både samt mellan genom hos över utan innan efter enligt samma
sades sagt säga sa sägs nämndes nämnde diskuterades diskuterade togs tog upp berättade
möte mötet möten mötena protokoll protokollet angående gällande kring finns fanns
""".split())
STOP = STOP_EN | STOP_SV


def fold(s: str) -> str:
    """Lower case, NFC; keeps å/ä/ö (they distinguish Swedish words)."""
    return unicodedata.normalize("NFC", s).casefold()


def tokens(text: str) -> list[str]:
    return [fold(m.group(0)) for m in _WORD.finditer(text)]


# -- models --------------------------------------------------------------------------------------
_MULTILINGUAL_HINTS = ("multilingual", "labse", "swedish", "kblab", "bge-m3", "m-e5", "xlm", "distiluse")


def is_multilingual(model_name: str) -> bool:
    """Whether an embedding model reads Swedish, judged by its name (the index records it)."""
    name = (model_name or "").casefold()
    return any(h in name for h in _MULTILINGUAL_HINTS)


# -- the lexicon ---------------------------------------------------------------------------------
MAX_PHRASE = 3
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(?:to|a|an|the|be)\s+")
# Swedish inflection is undone by stripping common endings until a headword matches.
_SV_ENDINGS = ("erna", "arna", "orna", "ornas", "ernas", "arnas", "ens", "ets", "en", "et", "na", "er",
               "ar", "or", "n", "t", "s", "e", "a")
# Verb forms ("beslutade", "diskuterades", "godkändes"): without them a past tense reads as a
# compound ("beslut|ade" -> "decision" + "ad"). Tried after the forms above.
_SV_VERB_ENDINGS = ("ade", "ades", "ande", "ende", "ats", "at", "de", "des", "te", "tes", "ts", "dd", "tt")
VERB_ENDINGS = True


def lexicon_path() -> Path:
    import svlang

    return Path(svlang.__file__).parent / "data" / "folkets_sv_en.tsv"


def gloss_weight(pos: int, n: int) -> float:
    """How primary the gloss at ``pos`` of ``n`` is: the first of few glosses is the main sense;
    later and crowded ones count less ("andra" is listed under "present" but means "other")."""
    return max(0.35, 1.0 / (1 + 0.5 * pos) * (1.0 if n <= 2 else 0.85))


@dataclass(frozen=True)
class Gloss:
    english: str  # one English word, lower case
    weight: float


class SvEnLexicon:
    """Folkets lexikon read forwards: Swedish headword -> English words, with inflected forms and
    compounds resolved to headwords ("säkerhetsteamet" -> säkerhet + team)."""

    def __init__(self, path: Path | None = None):
        self.entries: dict[str, dict[str, float]] = {}
        self.prefixes: set[str] = set()  # first parts of compounds as the lexicon marks them
        path = path or lexicon_path()
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#") or "\t" not in line:
                    continue
                sv, en = line.rstrip("\n").split("\t", 1)
                sv = sv.strip().casefold()
                if "|" in sv:
                    self.prefixes.add(sv.split("|", 1)[0])
                sv = sv.replace("|", "")
                if not sv or sv.startswith("-") or " " in sv or sv in STOP_SV or len(sv) < 2:
                    continue
                glosses = [g for g in (x.strip() for x in en.split(",")) if g]
                n = len(glosses)
                slot = self.entries.setdefault(sv, {})
                for pos, g in enumerate(glosses):
                    g = _LEADING.sub("", _PAREN.sub(" ", g.casefold()).strip())
                    # "built-in" also counts as "built" and "in" (minutes write both)
                    words = [t for t in tokens(g.replace("-", " ")) if t not in STOP and not t.isdigit()]
                    if not words or len(words) > MAX_PHRASE:
                        continue
                    w = gloss_weight(pos, n)
                    for e in words:
                        if w > slot.get(e, 0.0):
                            slot[e] = w

    def _bases(self, word: str) -> list[str]:
        """Headwords an inflected form may come from, most likely first: "underhåller" ->
        [underhåll (noun), underhålla (verb)]."""
        out = [word] if word in self.entries else []
        for end in _SV_ENDINGS + (_SV_VERB_ENDINGS if VERB_ENDINGS else ()):
            if word.endswith(end) and len(word) - len(end) >= 2:
                stem = word[: -len(end)]
                # "programmet" -> "programm" -> "program": a final consonant doubles before endings
                for cand in (stem, stem + "a", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else None):
                    if cand and cand in self.entries and cand not in out:
                        out.append(cand)
        return out[:2]

    def _base(self, word: str) -> str | None:
        got = self._bases(word)
        return got[0] if got else None

    def _first_part(self, left: str) -> str | None:
        """The headword a compound's first part stands for: "säkerhets" (linking s) ->
        "säkerhet", "rese" -> "resa"."""
        cands = [left]
        if left.endswith("s"):
            cands.append(left[:-1])
        if left.endswith("e"):
            cands.append(left[:-1] + "a")
        cands.append(left + "a")
        for c in cands:
            if c in self.entries:
                return c
        return None

    def parts(self, word: str) -> list[str]:
        """The headwords ``word`` is made of: itself (inflected), or a compound's first part and
        head, longest head first ("säkerhetsteamet" -> ["säkerhet", "team"])."""
        word = word.casefold()
        if "-" in word:
            return [p for piece in word.split("-") if piece for p in self.parts(piece)]
        bases = self._bases(word)
        if bases:
            return ["|".join(bases)]
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            head = self._base(right)
            first = self._first_part(left)
            if head is None or not (first or left in self.prefixes):
                continue
            return ([first] if first else []) + [head]
        # an unknown head: the first part still says something ("testkörare" -> "test")
        for i in range(len(word) - 3, 3, -1):
            first = self._first_part(word[:i])
            if first is not None and len(first) >= 4:
                return [first]
        return []

    def glosses(self, headword: str) -> list[Gloss]:
        """English words for a headword (or for "a|b", alternative headwords of one form)."""
        got: dict[str, float] = {}
        for h in headword.split("|"):
            for e, w in self.entries.get(h, {}).items():
                got[e] = max(w, got.get(e, 0.0))
        return sorted((Gloss(e, w) for e, w in got.items()), key=lambda g: (-g.weight, g.english))


@lru_cache(maxsize=1)
def default_sv_en() -> SvEnLexicon:
    return SvEnLexicon()


# -- glossing passages ---------------------------------------------------------------------------
# Identifies the gloss in the index's params: a change here means `minutes index --rebuild`.
GLOSS_VERSION = "folkets-sv-en/1"
PER_WORD = 2  # English words per Swedish headword (its main senses)
MIN_WEIGHT = 0.5  # a gloss listed late among many is as likely noise as sense
SEPARATOR = "\n\n"
ENABLED = False  # eval/run.py --no-gloss turns it off, to measure what it brings


def gloss_version(model_name: str) -> str | None:
    """The gloss an index built with this model carries (recorded in its params), or None."""
    return GLOSS_VERSION if ENABLED and not is_multilingual(model_name) else None


def _capitalised_inside(text: str) -> set[int]:
    """Start offsets of capitalised words that don't begin a sentence or line: names ("Berg",
    "Ek", "Lund") that the lexicon would translate as ordinary words."""
    out = set()
    for m in _WORD.finditer(text):
        if not m.group(0)[:1].isupper():
            continue
        before = text[: m.start()].rstrip(" \t\"'(*#-•")
        if before and before[-1] not in ".!?:\n":
            out.add(m.start())
    return out


def gloss_words(text: str, lexicon: SvEnLexicon | None = None) -> list[str]:
    """English words for the Swedish content words of ``text``, in text order, each once."""
    lex = lexicon or default_sv_en()
    names = _capitalised_inside(text)
    out: list[str] = []
    seen: set[str] = set()
    done: set[str] = set()
    for m in _WORD.finditer(text):
        w = fold(m.group(0))
        if m.start() in names or w in STOP or w in done or len(w) < 3 or any(ch.isdigit() for ch in w):
            continue
        done.add(w)
        for part in lex.parts(w):
            got = [g.english for g in lex.glosses(part) if g.weight >= MIN_WEIGHT][:PER_WORD]
            for e in got:
                if e not in seen and e != w:
                    seen.add(e)
                    out.append(e)
    return out


def embedding_input(text: str, language: str, model_name: str, *,
                    count_tokens: Callable[[str], int] | None = None, max_tokens: int = 256,
                    lexicon: SvEnLexicon | None = None) -> str:
    """What to embed for a passage: the text itself, and for a Swedish passage under a model that
    doesn't read Swedish, the text followed by its English gloss, cut so the whole fits in
    ``max_tokens`` word pieces (counted with ``count_tokens`` when given, else as words). The text
    always comes first and whole; only the gloss is cut."""
    if language != "sv" or gloss_version(model_name) is None:
        return text
    words = gloss_words(text, lexicon)
    if not words:
        return text
    count = count_tokens or (lambda s: len(s.split()))
    budget = max_tokens - count(text + SEPARATOR)
    if budget <= 0:
        return text
    # Each gloss word is a word piece or few; take as many as fit, then check (binary search).
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count(text + SEPARATOR + " ".join(words[:mid])) <= max_tokens:
            lo = mid
        else:
            hi = mid - 1
    return text + SEPARATOR + " ".join(words[:lo]) if lo else text

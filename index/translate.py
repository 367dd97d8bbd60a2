"""English -> Swedish query expansion from Folkets lexikon (sv->en, CC BY-SA 2.5, shipped in svlang).

The default embedding model is English-only, so an English question would never reach a Swedish
passage through vectors alone. The lexicon is reversed: every English gloss of a Swedish entry
points back to it, keyed by the gloss's English stem ("attended" and "attend" meet), and
multiword glosses ("venture capital" -> "riskkapital", "board meeting") are matched as phrases
before single words. Candidates are ranked so a word's main Swedish rendering comes first: an
entry that has the English word as its only or first gloss beats one that lists it sixth."""
from __future__ import annotations

import logging
import pickle
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .lexical import STOP, STOP_SV, stem_en, tokens

log = logging.getLogger(__name__)

MAX_PHRASE = 3
# Weight of a rendering learnt from a compound's head ("sjuk|journal" = "case record": record ->
# journal): weaker than a gloss the lexicon gives the word itself.
HEAD_WEIGHT = 0.5
# A phrase may end in "meeting" ("board meeting") but not in a function word.
_FUNCTION = {"a", "an", "the", "of", "to", "in", "on", "at", "and", "or", "for", "with", "by", "from"}


@dataclass(frozen=True)
class Translation:
    swedish: str  # the Swedish word (or phrase) as in the lexicon, lower case
    weight: float  # 0..1, how primary this rendering is


def lexicon_path() -> Path:
    import svlang

    return Path(svlang.__file__).parent / "data" / "folkets_sv_en.tsv"


_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(?:to|a|an|the|be)\s+")


class _Entry(NamedTuple):
    """One line of the lexicon: "del|tog<TAB>attended, took part"."""

    sv: str  # the Swedish headword as written, "|" marking compound parts
    en: str  # its English glosses, comma-separated
    glosses: tuple[str, ...]  # the same, split and stripped


@lru_cache(maxsize=4)
def _read_entries(path: Path) -> tuple[_Entry, ...]:
    """The lexicon's lines, read once for both directions."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            sv, en = line.rstrip("\n").split("\t", 1)
            out.append(_Entry(sv, en, tuple(g for g in (x.strip() for x in en.split(",")) if g)))
    return tuple(out)


def _gloss_weight(pos: int, n: int) -> float:
    """How primary the gloss at ``pos`` of an entry's ``n`` glosses is: the first of one or two
    is 1.0; later and crowded ones count less, since "andra" is listed under "present" but
    means "other". The same in both directions."""
    return max(0.35, 1.0 / (1 + 0.5 * pos) * (1.0 if n <= 2 else 0.85))


def _gloss_key(gloss: str) -> tuple[str, ...] | None:
    g = _PAREN.sub(" ", gloss.casefold()).strip(" .;:!?\"'")
    g = _LEADING.sub("", g).strip()
    toks = tokens(g)
    if not toks or len(toks) > MAX_PHRASE:
        return None
    return tuple(stem_en(t) for t in toks)


class Lexicon:
    def __init__(self, path: Path | None = None):
        self.entries: dict[tuple[str, ...], dict[str, float]] = {}
        heads: dict[tuple[str, ...], dict[str, float]] = {}
        for entry in _read_entries(path or lexicon_path()):
            marked = entry.sv.strip().casefold()
            if "|" in marked:
                # "sjuk|journal: case record": the compound's head renders the phrase's head,
                # so "record" may be "journal" (in "health record", "journalsystem")
                head_sv = marked.rsplit("|", 1)[1]
                for g in (x.strip() for x in _PAREN.sub(" ", entry.en).split(",")):
                    key = _gloss_key(g)
                    if key and len(key) == 2 and len(head_sv) >= 4 and not _FUNCTION & set(tokens(g)):
                        heads.setdefault(key[-1:], {})[head_sv] = HEAD_WEIGHT
            sv = entry.sv.replace("|", "").strip().casefold()  # "del|tog": compound marks
            if not sv or sv.startswith("-") or sv in STOP_SV or len(sv) < 2:
                continue
            n = len(entry.glosses)
            for pos, g in enumerate(entry.glosses):
                key = _gloss_key(g)
                if key is None:
                    continue
                w = _gloss_weight(pos, n)
                slot = self.entries.setdefault(key, {})
                if w > slot.get(sv, 0.0):
                    slot[sv] = w
        headwords = {s for slot in self.entries.values() for s in slot}
        for key, got in heads.items():
            slot = self.entries.setdefault(key, {})
            for sv, w in got.items():
                if sv in headwords and sv not in STOP_SV and sv not in slot:
                    slot[sv] = w

    def lookup(self, key: tuple[str, ...]) -> list[Translation]:
        got = self.entries.get(key, {})
        rank = _frequency_rank()
        return sorted((Translation(s, w) for s, w in got.items()),
                      key=lambda t: (-t.weight, rank.get(t.swedish, 10**6), t.swedish))


@lru_cache(maxsize=1)
def _frequency_rank() -> dict[str, int]:
    """Swedish words by frequency (svlang's top 10k): among equally primary renderings the
    common word is the likelier one."""
    try:
        lines = (lexicon_path().parent / "sv_frequency_10k.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    words = [w.strip().casefold() for w in lines if w.strip() and not w.startswith("#")]
    return {w: i for i, w in enumerate(words)}


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon()


@dataclass
class TranslatedSpan:
    words: tuple[str, ...]  # the English words as in the question (lower case)
    start: int  # token index in the question
    translations: list[Translation]


def translate_tokens(words: list[str], lexicon: Lexicon | None = None, *, limit: int = 8,
                     keep=None) -> list[TranslatedSpan]:
    """Longest-phrase-first translation of question words. ``keep(swedish) -> bool`` filters
    candidates (the engine keeps only Swedish words its corpus contains)."""
    lex = lexicon or default_lexicon()
    out: list[TranslatedSpan] = []
    i = 0
    stems = [stem_en(w) for w in words]
    while i < len(words):
        done = False
        for n in range(min(MAX_PHRASE, len(words) - i), 1, -1):
            span = words[i: i + n]
            if span[0] in STOP or span[-1] in _FUNCTION:
                continue
            tr = lex.lookup(tuple(stems[i: i + n]))
            if keep is not None:
                tr = [t for t in tr if keep(t.swedish)]
            if tr:
                out.append(TranslatedSpan(tuple(span), i, tr[:limit]))
                i += n
                done = True
                break
        if done:
            continue
        w = words[i]
        if w not in STOP and not w.isdigit():
            tr = lex.lookup((stems[i],))
            if keep is not None:
                tr = [t for t in tr if keep(t.swedish)]
            out.append(TranslatedSpan((w,), i, tr[:limit]))
        i += 1
    return out


# -- Swedish -> English ---------------------------------------------------------------------------
# Swedish questions over English minutes need the other direction: "säkerhetsteamet" has to reach
# "security team". The same lexicon read forwards; Swedish inflection is undone by stripping
# common endings until a headword matches, and compounds are split into known parts, since
# Swedish writes as one word ("installationsprogrammet") what English writes as several.
_SV_ENDINGS = ("erna", "arna", "orna", "ornas", "ernas", "arnas", "ens", "ets", "en", "et", "na", "er",
               "ar", "or", "n", "t", "s", "e", "a")


@dataclass(frozen=True)
class Gloss:
    english: str  # one English word, lower case
    weight: float


class SvEnLexicon:
    def __init__(self, path: Path | None = None):
        self.entries: dict[str, dict[str, float]] = {}
        self.prefixes: set[str] = set()  # first parts of compounds as the lexicon marks them
        for entry in _read_entries(path or lexicon_path()):
            sv = entry.sv.strip().casefold()
            if "|" in sv:
                self.prefixes.add(sv.split("|", 1)[0])
            sv = sv.replace("|", "")
            if not sv or sv.startswith("-") or " " in sv or sv in STOP_SV or len(sv) < 2:
                continue
            n = len(entry.glosses)
            slot = self.entries.setdefault(sv, {})
            for pos, g in enumerate(entry.glosses):
                g = _LEADING.sub("", _PAREN.sub(" ", g.casefold()).strip())
                # "built-in" also counts as "built" and "in" (minutes write both)
                words = [t for t in tokens(g.replace("-", " ")) if t not in STOP and not t.isdigit()]
                if not words or len(words) > MAX_PHRASE:
                    continue
                w = _gloss_weight(pos, n)  # as for en->sv: the first of few glosses is the main sense
                for e in words:
                    if w > slot.get(e, 0.0):
                        slot[e] = w

    def _bases(self, word: str) -> list[str]:
        """Headwords an inflected form may come from, most likely first: "underhåller" ->
        [underhåll (noun), underhålla (verb)]."""
        out = [word] if word in self.entries else []
        for end in _SV_ENDINGS:
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

    def knows(self, word: str) -> bool:
        """Whether ``word`` is a Swedish word: a headword, inflected, or a compound of two."""
        parts = self.parts(word)
        return len(parts) >= 2 or bool(self._bases(word.casefold()))

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

    def swedish_for(self, english: str) -> list[str]:
        """Headwords with ``english`` among the words of a gloss, also inside phrases
        ("board" -> styrelse, from "board of directors"). Broad: for matching few candidates,
        such as meeting titles, not for expanding a search."""
        if not hasattr(self, "_reverse"):
            rev: dict[str, list[str]] = {}
            for sv, glosses in self.entries.items():
                for e in glosses:
                    rev.setdefault(stem_en(e), []).append(sv)
            self._reverse = rev
        return self._reverse.get(stem_en(english.casefold()), [])

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


# -- both directions, built once per lexicon file -----------------------------------------------
# Building the two lexicons from the TSV costs about 0.7 s on every start; they depend only on
# the lexicon file and this code, so every index build (index/build.py) pickles them beside the
# index (3 MB, read back in 0.05 s). A cache of another lexicon file or code version
# (index/pipeline.py ``version("lexicon")``) has another name and is not read.
CACHE_DIR = "lexicon-cache"


def _cache_file(index_dir: Path) -> Path:
    import hashlib

    from .pipeline import version

    st = lexicon_path().stat()
    key = hashlib.sha256(f"{version('lexicon')}|{lexicon_path()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    return Path(index_dir) / CACHE_DIR / f"{key}.pickle"


def write_cache(index_dir: Path) -> Path:
    """Write the lexicon cache for ``index_dir`` if it has none for the current lexicon."""
    from .atomic import write_file

    target = _cache_file(index_dir)
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob("*.pickle"):  # of an older lexicon or code version
        old.unlink(missing_ok=True)
    write_file(target, pickle.dumps((default_lexicon().__dict__, default_sv_en().__dict__),
                                    protocol=pickle.HIGHEST_PROTOCOL))
    return target


# What a damaged pickle can raise, as the pickle module documents it, plus a wrong shape
# (ValueError, TypeError when unpacked) and an unreadable file (OSError).
_DAMAGED = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, KeyError,
            ValueError, TypeError, OSError)


def _read_cache(index_dir: Path) -> tuple[Lexicon, SvEnLexicon] | None:
    """The lexicons of the cache beside the index; None when there is none yet (normal before the
    first `minutes index`) or it is damaged (said in the log): the caller builds them instead."""
    path = _cache_file(index_dir)
    try:
        en_sv, sv_en = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except _DAMAGED as e:
        log.warning("lexicon cache %s is damaged (%s: %s); building the lexicons instead",
                    path, type(e).__name__, (str(e).splitlines() or [""])[0])
        return None
    lex, rev = Lexicon.__new__(Lexicon), SvEnLexicon.__new__(SvEnLexicon)
    lex.__dict__.update(en_sv)
    rev.__dict__.update(sv_en)
    return lex, rev


_PAIR: tuple[Lexicon, SvEnLexicon] | None = None
_PAIR_LOCK = threading.Lock()


def lexicons(index_dir: Path | None = None) -> tuple[Lexicon, SvEnLexicon]:
    """Both lexicons, once per process: from ``index_dir``'s cache when it has one, else built."""
    global _PAIR
    if _PAIR is None:
        with _PAIR_LOCK:  # the bot's threads may ask at once
            if _PAIR is None:
                _PAIR = _read_cache(index_dir) if index_dir is not None else None
                if _PAIR is None:
                    _PAIR = default_lexicon(), default_sv_en()
                    if index_dir is not None:
                        try:  # for the next process; a read-only index folder just goes without
                            write_cache(index_dir)
                        except OSError as e:
                            log.info("lexicon cache not written to %s (%s); each process builds the lexicons",
                                     index_dir, e.strerror or e)
    return _PAIR

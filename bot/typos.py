"""Typos in a question, read as the word the minutes (or the questions) use: "ordförnade" as
"ordförande", "atended" as "attended".

A question word is left alone when the minutes use it (itself, its stem, a compound holding it,
or a translation of it), when it is a word questions are made of (function words, months, the
intent cues), a word of the language (the Swedish Hunspell word list shipped in svlang, or a
whole word of the packaged English model's vocabulary: "sending" is no typo of "pending"), a
name, or short. Otherwise the nearest such word by edit distance (optimal
string alignment, so a swapped pair of letters is one edit; RapidFuzz) is read instead: first
the question words, then the corpus vocabulary (the more frequent first). A word of the
language the minutes don't use is left as asked (BERT's vocabulary lacks "outage": read against
a dictionary, it would become "outrage"). What was read is said in
the answer's ``notes``."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.vocab import FUNCTION_WORDS, INTENT_WORDS, MONTHS

from index.lexical import STOP, fold, stem_en, stem_sv, tokens

MIN_LENGTH = 6  # shorter words (and stems shorter than MIN_LENGTH - 1) have too many neighbours
LONG = 8  # from this length two edits are allowed, below it one
SURFACE_ROWS = 20  # passages read to find how the minutes write a corrected stem

_WORD = re.compile(r"[^\W\d_][\w'-]*")
_PART = re.compile(r"[^\W\d_]+")  # the parts of a hyphenated word; "don't" as "don", "t"


def _max_edits(word: str) -> int:
    return 2 if len(word) >= LONG else 1


@lru_cache(maxsize=1)
def _dictionary_text() -> str:
    """Words of Swedish and English, one a line, lower case: svlang's Hunspell sv_SE list and the
    packaged English model's vocabulary (BERT's uncased word pieces). Kept as one string: a
    lookup is a substring search, so a cold start does not build a set of 180,000 words."""
    import svlang

    from index.embed import packaged_model_path

    texts = [(Path(svlang.__file__).parent / "data" / "sv_wordlist.txt").read_text(encoding="utf-8"),
             (packaged_model_path() / "vocab.txt").read_text(encoding="utf-8")]
    return "\n" + "\n".join(texts) + "\n"  # lower case already, but for proper nouns (not looked up)


def is_word(w: str) -> bool:
    """Whether ``w`` (lower case) is a Swedish or English word."""
    return f"\n{w}\n" in _dictionary_text()


def _question_words() -> set[str]:
    months = {m for m in MONTHS if len(m) > 3}
    return set(INTENT_WORDS) | months | FUNCTION_WORDS["sv"] | FUNCTION_WORDS["en"] | set(STOP)


class Speller:
    """Corrections against one snapshot's vocabulary (built once per view)."""

    def __init__(self, retriever):
        self.retriever = retriever
        self.bm25 = retriever.bm25
        self.words = sorted(w for w in _question_words() if len(w) >= MIN_LENGTH - 1)
        self._surface: dict[str, str | None] = {}

    def known(self, w: str) -> bool:
        """Whether ``w`` is a word, not a typo: cheapest test first (the dictionary is read from
        disk on first use, only for a word the minutes don't use)."""
        if w in self.words or w in STOP:
            return True
        bm = self.bm25
        for st in {stem_sv(w), stem_en(w), w}:
            if bm.has(st) or bm.expand(st)[:1]:
                return True
        if is_word(w) or self.retriever.sv_en.knows(w) or self.retriever.lexicon.lookup((stem_en(w),)):
            return True
        # a translation the minutes use ("sauna" -> bastu) makes it a word, not a typo
        return any(bm.has(a.term) for c in self.retriever.concepts([w]) for a in c.alternatives
                   if a.term not in {stem_sv(w), stem_en(w), w})

    def suggest(self, w: str) -> str | None:
        """The word ``w`` is read as, or None."""
        limit = _max_edits(w)
        got = process.extractOne(w, self.words, scorer=OSA.distance, score_cutoff=limit)
        if got is not None:
            return got[0]
        best: tuple[int, int, str] | None = None  # (edits, -frequency, stem)
        for st in {stem_sv(w), stem_en(w)}:
            if len(st) < MIN_LENGTH - 1:  # "bakar" -> "bak" is one edit from "back"
                continue
            for cand, dist, _ in process.extract(st, self.bm25.vocab, scorer=OSA.distance,
                                                 score_cutoff=_max_edits(st), limit=8):
                if len(cand) < MIN_LENGTH - 1 or cand.isdigit():
                    continue
                key = (int(dist), -self.bm25.df(cand), cand)
                if best is None or key < best:
                    best = key
        return self._surface_of(best[2]) if best is not None else None

    def _surface_of(self, stem: str) -> str | None:
        """How the minutes most often write a word of stem ``stem``."""
        if stem not in self._surface:
            seen: Counter[str] = Counter()
            chunks = self.retriever.snapshot.chunks
            for row in self.bm25.rows_of(stem)[:SURFACE_ROWS]:
                for t in tokens(chunks[int(row)].text):
                    if stem in (stem_sv(t), stem_en(t)):
                        seen[t] += 1
            self._surface[stem] = seen.most_common(1)[0][0] if seen else None
        return self._surface[stem]


def correct(question: str, speller: Speller, names=None) -> tuple[str, list[tuple[str, str]]]:
    """``question`` with its typos read as words (case kept), and the (typo, word) pairs."""
    named = [(m.start(), m.end()) for n in (names.mentions(question) if names is not None else [])
             for m in re.finditer(re.escape(n), question)]
    out, fixes, last = [], [], 0
    for m in _WORD.finditer(question):
        first = not re.search(r"\w", question[:m.start()])
        if (m.group(0)[0].isupper() and not first) or any(s <= m.start() < e for s, e in named):
            continue
        # a hyphenated word is read part by part ("two-conection", "laminas-servicemanger")
        for p in _PART.finditer(m.group(0)):
            raw, w = p.group(0), fold(p.group(0))
            if len(w) < MIN_LENGTH or speller.known(w):
                continue
            right = speller.suggest(w)
            if not right or right.startswith(w) or w.startswith(right):
                continue  # an inflection ("ärendena", "ärenden") is no typo
            if raw[0].isupper():
                right = right[0].upper() + right[1:]
            at = m.start() + p.start()
            out.append(question[last:at] + right)
            last = at + len(raw)
            fixes.append((raw, right))
    out.append(question[last:])
    return "".join(out), fixes

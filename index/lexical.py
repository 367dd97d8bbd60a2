"""BM25 over chunks, with Swedish and English Snowball stemming.

A query is a list of *concepts*: one concept is a word of the question together with its
alternatives (its stems in both languages, its Swedish translations). A concept scores the best
of its alternatives, never their sum, so expanding a word into six translations does not make it
count six times. Swedish compounds are matched too: the stem "ekonomi" finds "hälsoekonomi"
(at a discount), since Swedish writes as one word what English writes as two."""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import snowballstemmer

from .vocab import STOP_WORDS

_SV = snowballstemmer.stemmer("swedish")
_EN = snowballstemmer.stemmer("english")

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)

# Stop words (index.vocab.STOP_WORDS): they neither score nor decide whether a question is on topic.
STOP_EN = STOP_WORDS["en"]
STOP_SV = STOP_WORDS["sv"]
STOP = STOP_EN | STOP_SV


def fold(s: str) -> str:
    """Lower case, NFC; keeps å/ä/ö (they distinguish Swedish words)."""
    return unicodedata.normalize("NFC", s).casefold()


def tokens(text: str) -> list[str]:
    return [fold(m.group(0)) for m in _WORD.finditer(text)]


# Definite forms Snowball's Swedish stemmer leaves whole, so they never meet their indefinite
# form: the -um nouns' "-et" ("jubileet", "museet", "gymnasiet" vs "jubileum", "museum",
# "gymnasium"). Applied to the stemmer's output, on both the passages' and the questions' side.
# The -a nouns' "-an" ("frågan", "hyran") would be the other such form, but joining "stämman"
# to "stämma" moved a dev search question out of the top five and gained nothing measured.
_SV_DEFINITE = re.compile(r"(?<=[ei])(?:um|et)$(?<=\w{6})")  # jubileum / jubileet -> jubile


@lru_cache(maxsize=200_000)
def stem_sv(word: str) -> str:
    return _SV_DEFINITE.sub("", _SV.stemWord(word))


@lru_cache(maxsize=200_000)
def stem_en(word: str) -> str:
    return _EN.stemWord(word)


def stem(word: str, language: str) -> str:
    return stem_sv(word) if language == "sv" else stem_en(word)


def doc_terms(text: str, language: str) -> list[str]:
    """Terms a passage is indexed under. Hyphenated words also count as their parts."""
    out = []
    for t in tokens(text):
        if "-" in t:
            out.extend(stem(p, language) for p in t.split("-") if p)
        out.append(stem(t.replace("-", ""), language) if "-" in t else stem(t, language))
    return out


@dataclass
class Alternative:
    term: str  # a stem, as in the index
    weight: float = 1.0  # translations count for less than the word itself
    compound: bool = True  # may it match inside Swedish compounds
    word: str | None = None  # for a translation: the Swedish word itself
    # an English rendering of a Swedish question word: evidence in English passages only (the
    # "back" of "bakar" is Swedish slang in "30.000 back", not the word asked for)
    english: bool = False


@dataclass
class Concept:
    word: str  # the question word (or phrase) it comes from
    alternatives: list[Alternative] = field(default_factory=list)


def concept_for(word: str) -> Concept:
    """The word itself, stemmed both ways (the question's language is not always the document's)."""
    alts = {stem_sv(word): 1.0, stem_en(word): 1.0, word: 1.0}
    if "-" in word:  # documents index "re-elected" as "reelect" too
        joined = word.replace("-", "")
        alts.update({stem_sv(joined): 1.0, stem_en(joined): 1.0})
    return Concept(word, [Alternative(t, w) for t, w in alts.items() if t])


class BM25:
    """Okapi BM25 over a fixed list of passages (the snapshot's chunks), held as arrays.

    Postings are one CSR matrix (term id -> rows and term frequencies) over the sorted
    vocabulary, so an index generation can store them as .npy files and a start-up reads them
    instead of re-tokenising every chunk (index/prepared.py), and a term's scores for all passages
    are a few numpy operations. The arithmetic is the textbook formula in float64, in the same
    order as a per-passage loop, so the scores are exactly those of the dict version before it."""

    COMPOUND_DISCOUNT = 0.6

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        counts = [Counter(d) for d in docs]
        vocab = sorted(set().union(*counts)) if counts else []
        ids = {t: i for i, t in enumerate(vocab)}
        df = np.zeros(len(vocab) + 1, dtype=np.int64)
        for c in counts:
            for t in c:
                df[ids[t] + 1] += 1
        indptr = np.cumsum(df)
        rows = np.empty(int(indptr[-1]), dtype=np.int32)
        tf = np.empty(int(indptr[-1]), dtype=np.int32)
        fill = indptr[:-1].copy()
        for r, c in enumerate(counts):  # rows ascending within each term, as the dicts had them
            for t, k in c.items():
                j = ids[t]
                rows[fill[j]] = r
                tf[fill[j]] = k
                fill[j] += 1
        self._setup(vocab, indptr, rows, tf, np.array([len(d) for d in docs], dtype=np.int64), k1, b)

    @classmethod
    def from_arrays(cls, vocab: list[str], indptr: np.ndarray, rows: np.ndarray, tf: np.ndarray,
                    lengths: np.ndarray, k1: float = 1.2, b: float = 0.75) -> "BM25":
        self = cls.__new__(cls)
        self._setup(vocab, indptr, rows, tf, lengths, k1, b)
        return self

    def _setup(self, vocab, indptr, rows, tf, lengths, k1, b) -> None:
        self.k1, self.b = k1, b
        self.vocab = vocab  # sorted
        self.ids = {t: i for i, t in enumerate(vocab)}
        self.indptr, self.rows, self.tf = indptr, rows, tf
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.n = len(self.lengths)
        self.avgdl = (int(self.lengths.sum()) / self.n) if self.n else 1.0
        # per passage, the length part of the denominator, as the loop computed it
        self._len_norm = self.k1 * (1 - self.b + self.b * self.lengths / self.avgdl) if self.n else np.zeros(0)
        # reversed terms, sorted, for compounds that end with a stem ("riskkapital" <- "kapital")
        self._reversed = sorted((t[::-1], i) for i, t in enumerate(vocab))
        self._reversed_keys = [r for r, _ in self._reversed]
        self._expansions: dict[str, list[tuple[str, float]]] = {}

    def arrays(self) -> dict[str, np.ndarray]:
        return {"indptr": self.indptr, "rows": self.rows, "tf": self.tf, "lengths": self.lengths}

    def df(self, term: str) -> int:
        i = self.ids.get(term)
        return 0 if i is None else int(self.indptr[i + 1] - self.indptr[i])

    def idf(self, term: str) -> float:
        df = self.df(term)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def has(self, term: str) -> bool:
        return term in self.ids

    def rows_of(self, term: str) -> np.ndarray:
        i = self.ids.get(term)
        if i is None:
            return np.zeros(0, dtype=np.int32)
        return self.rows[self.indptr[i]: self.indptr[i + 1]]

    def expand(self, term: str, compound: bool = True) -> list[tuple[str, float]]:
        """Index terms ``term`` matches: itself, and compounds that end (or, for long stems,
        begin) with it — "kapital" -> "riskkapital", "hälsoekonomi" <- "hälso"."""
        key = f"{term}|{compound}"
        if key in self._expansions:
            return self._expansions[key]
        out = [(term, 1.0)] if term in self.ids else []
        if compound and len(term) >= 4:
            found: set[str] = set()
            lo = bisect.bisect_left(self.vocab, term)  # terms that begin with it
            while lo < len(self.vocab) and self.vocab[lo].startswith(term):
                found.add(self.vocab[lo])
                lo += 1
            rterm = term[::-1]
            lo = bisect.bisect_left(self._reversed_keys, rterm)  # terms that end with it
            while lo < len(self._reversed_keys) and self._reversed_keys[lo].startswith(rterm):
                found.add(self.vocab[self._reversed[lo][1]])
                lo += 1
            out += [(v, self.COMPOUND_DISCOUNT) for v in sorted(found) if v != term and len(v) >= len(term) + 4]
        self._expansions[key] = out
        return out

    def concept_array(self, concept: Concept, english_rows: np.ndarray | None = None) -> np.ndarray:
        """Per passage, the best-scoring alternative of ``concept`` (0 where none matches).
        ``english_rows`` (a mask of the English passages) confines English-only alternatives."""
        best = np.zeros(self.n, dtype=np.float64)
        for alt in concept.alternatives:
            for term, disc in self.expand(alt.term, alt.compound):
                w = alt.weight * disc * self.idf(term)
                i = self.ids[term]
                sl = slice(self.indptr[i], self.indptr[i + 1])
                rows = self.rows[sl]
                tf = self.tf[sl].astype(np.float64)
                if alt.english and english_rows is not None:
                    keep = english_rows[rows]
                    rows, tf = rows[keep], tf[keep]
                s = w * (tf * (self.k1 + 1) / (tf + self._len_norm[rows]))
                best[rows] = np.maximum(best[rows], s)
        return best

    def concept_scores(self, concept: Concept) -> dict[int, float]:
        """Per passage, the best-scoring alternative of ``concept`` (matching passages only)."""
        best = self.concept_array(concept)
        rows = np.flatnonzero(best)
        return dict(zip(rows.tolist(), best[rows].tolist(), strict=True))

    def score_arrays(self, concepts: list[Concept], english_rows: np.ndarray | None = None,
                     ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        """(score per passage, how many concepts each matched, each concept's array)."""
        total = np.zeros(self.n, dtype=np.float64)
        hits = np.zeros(self.n, dtype=np.int64)
        per = []
        for c in concepts:
            best = self.concept_array(c, english_rows)
            total += best
            hits += best > 0
            per.append(best)
        return total, hits, per

    def score(self, concepts: list[Concept]) -> tuple[dict[int, float], dict[int, int]]:
        """(score per passage, how many concepts each passage matched), matching passages only."""
        total, hits, _ = self.score_arrays(concepts)
        rows = np.flatnonzero(hits)
        return (dict(zip(rows.tolist(), total[rows].tolist(), strict=True)),
                dict(zip(rows.tolist(), hits[rows].tolist(), strict=True)))

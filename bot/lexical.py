"""BM25 over chunks, with Swedish and English Snowball stemming.

A query is a list of *concepts*: one concept is a word of the question together with its
alternatives (its stems in both languages, its Swedish translations). A concept scores the best
of its alternatives, never their sum, so expanding a word into six translations does not make it
count six times. Swedish compounds are matched too: the stem "ekonomi" finds "hälsoekonomi"
(at a discount), since Swedish writes as one word what English writes as two."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from index.vocab import STOP_WORDS

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


@lru_cache(maxsize=200_000)
def stem_sv(word: str) -> str:
    return _SV.stemWord(word)


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
    """Okapi BM25 over a fixed list of passages (the snapshot's chunks)."""

    COMPOUND_DISCOUNT = 0.6

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avgdl = (sum(self.lengths) / self.n) if self.n else 1.0
        self.postings: dict[str, dict[int, int]] = {}
        for i, d in enumerate(docs):
            for term, tf in Counter(d).items():
                self.postings.setdefault(term, {})[i] = tf
        self.vocab = sorted(self.postings)
        self._expansions: dict[str, list[tuple[str, float]]] = {}

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def has(self, term: str) -> bool:
        return term in self.postings

    def expand(self, term: str, compound: bool = True) -> list[tuple[str, float]]:
        """Index terms ``term`` matches: itself, and compounds that end (or, for long stems,
        begin) with it — "kapital" -> "riskkapital", "hälsoekonomi" <- "hälso"."""
        key = f"{term}|{compound}"
        if key in self._expansions:
            return self._expansions[key]
        out = [(term, 1.0)] if term in self.postings else []
        if compound and len(term) >= 4:
            for v in self.vocab:
                if v == term or len(v) < len(term) + 4:
                    continue
                if v.endswith(term) or v.startswith(term):
                    out.append((v, self.COMPOUND_DISCOUNT))
        self._expansions[key] = out
        return out

    def concept_scores(self, concept: Concept) -> dict[int, float]:
        """Per passage, the best-scoring alternative of ``concept``."""
        best: dict[int, float] = {}
        for alt in concept.alternatives:
            for term, disc in self.expand(alt.term, alt.compound):
                idf = self.idf(term)
                w = alt.weight * disc * idf
                for i, tf in self.postings[term].items():
                    norm = tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl))
                    s = w * norm
                    if s > best.get(i, 0.0):
                        best[i] = s
        return best

    def score(self, concepts: list[Concept]) -> tuple[dict[int, float], dict[int, int]]:
        """(score per passage, how many concepts each passage matched)."""
        total: dict[int, float] = {}
        hits: dict[int, int] = {}
        for c in concepts:
            for i, s in self.concept_scores(c).items():
                total[i] = total.get(i, 0.0) + s
                hits[i] = hits.get(i, 0) + 1
        return total, hits

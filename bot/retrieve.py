"""Hybrid retrieval: BM25 (stemmed, with English->Swedish expansion) and dense vectors, fused by
reciprocal rank fusion, over the chunks a time filter allows.

RRF rather than a weighted score sum because the two scores live on unrelated scales (BM25 is
unbounded, cosine depends on the model); ranks are comparable whatever the model."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.embed import PACKAGED_MODEL
from index.store import IndexSnapshot

from index import prepared
from index.lexical import STOP, Alternative, Concept, concept_for, stem_en, stem_sv
from index.prepared import THIN_MAX_WORDS, is_thin  # noqa: F401 - their home before index/prepared.py
from index.translate import Lexicon, SvEnLexicon, lexicons, translate_tokens

RRF_K = 60
# How much the dense ranking counts in the fusion, by whether the model understands the language
# of the passage and of the question. An English-only model on Swedish text (or a Swedish
# question) ranks mostly by shared names and digits: its votes were noise on the evaluation set.
DENSE_WEIGHT_UNDERSTOOD = 1.0
DENSE_WEIGHT_FOREIGN = 0.25
_MULTILINGUAL_HINTS = ("multilingual", "labse", "swedish", "kblab", "bge-m3", "m-e5", "xlm", "distiluse")


# A passage that is only a heading ("\\subsection*{Girls Code Club}", "## Hackathon") matches the
# topic's words perfectly and briefly, so BM25 loves it, but quotes nothing about the topic; the
# section under it carries the heading in its terms too (see prepared.build) and should come first.
THIN_FACTOR = 0.5


def sv_stems(word: str) -> list[str]:
    """Index terms a Swedish headword's forms stem to. The Snowball stemmer is not consistent
    across inflection ("konferens" -> "konferen", but "konferensen" -> "konferens"), so the
    definite form is stemmed too."""
    out = [stem_sv(word)]
    if word[-1:] in "aeiouyåäö":
        return out
    for end in ("en", "et"):
        st = stem_sv(word + end)
        if st not in out and st.startswith(out[0]):
            out.append(st)
    return out


def is_multilingual(model_name: str) -> bool:
    """Whether an embedding model reads Swedish, judged by its name (the index records it)."""
    name = (model_name or "").casefold()
    return any(h in name for h in _MULTILINGUAL_HINTS)


MODES = ("hybrid", "bm25", "dense")

# Below this cosine a question has nothing to do with any passage, for models we calibrated
# on the evaluation set (docs/evaluation.md); other models get a conservative default.
DENSE_THRESHOLDS = {
    PACKAGED_MODEL: 0.42,
    "all-MiniLM-L6-v2": 0.42,
}
DEFAULT_DENSE_THRESHOLD = 0.5
TRANSLATION_WEIGHT = 0.85  # a translated word is weaker evidence than the word itself
# Share of the question's content (weighted by idf) the best passage must match lexically for
# the question to count as answerable without help from the dense score.
MIN_COVERAGE = 0.4
# A question naming something by a capitalised word that the corpus has ("Almi Invest",
# "Linode") is about passages with that word: their fused score is multiplied by up to this
# factor (by the idf-weighted share of the names they contain), so a passage on the topic
# that doesn't name it can't win on a near-tie.
ENTITY_BOOST = 1.0


@dataclass
class Hit:
    row: int
    score: float  # fused (or single-mode) score, higher is better
    bm25: float = 0.0
    dense: float = 0.0
    matched: int = 0  # concepts the passage matched lexically
    concepts: frozenset[int] = frozenset()  # which: positions in the search's concepts


@dataclass
class Retrieval:
    hits: list[Hit]
    concepts: list[Concept]
    coverage: float  # best idf-weighted share of concepts one allowed passage matched
    max_dense: float  # best cosine among allowed passages (0 without dense)
    answerable: bool


class Retriever:
    def __init__(self, snapshot: IndexSnapshot, embedder, *, mode: str = "hybrid", lexicon: Lexicon | None = None,
                 sv_en: SvEnLexicon | None = None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.snapshot = snapshot
        self.embedder = embedder
        self.mode = mode
        # Loaded on first use: a structured question may never need them.
        self._lexicon, self._sv_en = lexicon, sv_en
        # BM25 statistics, chunk languages and thin passages: read from the generation (index/prepared.py)
        self.ready = ready = prepared.load(snapshot)  # the view reads its names and titles too
        self.bm25 = ready.bm25
        self.languages = ready.languages
        self.english_rows = np.array([lang == "en" for lang in self.languages], dtype=bool)  # English passages
        self.thin_mask = ready.thin
        self.thin = set(np.flatnonzero(ready.thin).tolist())
        self.multilingual = is_multilingual(getattr(embedder, "name", "") or snapshot.model or "")
        self.threshold = DENSE_THRESHOLDS.get(getattr(embedder, "name", ""), DEFAULT_DENSE_THRESHOLD)

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = self._lexicons()[0]
        return self._lexicon

    @property
    def sv_en(self) -> SvEnLexicon:
        if self._sv_en is None:
            self._sv_en = self._lexicons()[1]
        return self._sv_en

    def _lexicons(self) -> tuple[Lexicon, SvEnLexicon]:
        # The generation's folder is inside the index folder, where `minutes index` caches them.
        path = self.snapshot.path
        return lexicons(path.parent if path is not None else None)

    # -- query side -------------------------------------------------------------------------
    def _in_corpus(self, swedish: str) -> bool:
        if " " in swedish:
            return False
        return any(self.bm25.has(st) or bool(self.bm25.expand(st)[:1]) for st in sv_stems(swedish))

    def _english(self, word: str, limit: int = 4) -> list[list[Alternative]]:
        """English renderings of a Swedish word that the corpus uses, per part of the word
        (head last): "säkerhetsteamet" -> [[security, safety], [team]]."""
        out = []
        # "AVIF-bilder", "CI-körningar": a name or an abbreviation joined by a hyphen is no
        # Swedish word, and is written the same in English
        pieces = [p for p in word.casefold().split("-") if p] if "-" in word else [word]
        for piece in pieces:
            parts = self.sv_en.parts(piece)
            if not parts and len(pieces) > 1 and len(piece) > 1 and self.bm25.has(stem_en(piece)):
                out.append([Alternative(stem_en(piece), 1.0, compound=False, word=piece, english=True)])
            for part in parts:
                alts = []
                for g in self.sv_en.glosses(part):
                    st = stem_en(g.english)
                    if self.bm25.has(st) and st not in {a.term for a in alts}:
                        alts.append(Alternative(st, TRANSLATION_WEIGHT * g.weight, compound=False, word=g.english,
                                                english=True))
                out.append(alts[:limit])
        return out

    def concepts(self, words: list[str], language: str | None = None) -> list[Concept]:
        """One concept per content word; a word with Swedish renderings the corpus uses gets
        them as alternatives. A phrase ("venture capital") adds one concept for the phrase.
        A Swedish question also gets English renderings, for English minutes; a compound's
        first part becomes a concept of its own ("säkerhets|teamet": security, team)."""
        out: list[Concept] = []
        spans = translate_tokens(words, self.lexicon, keep=self._in_corpus, limit=6)
        for sp in spans:
            if len(sp.words) > 1:
                # "venture capital" is one concept: the Swedish compound, or the English words
                c = Concept(" ".join(sp.words), [Alternative(st, TRANSLATION_WEIGHT * t.weight, word=t.swedish)
                                                  for t in sp.translations for st in sv_stems(t.swedish)])
                for w in sp.words:
                    c.alternatives.extend(a for a in concept_for(w).alternatives if a.term not in STOP)
                out.append(c)
                continue
            w = sp.words[0]
            c = concept_for(w)
            known = {a.term for a in c.alternatives}
            for t in sp.translations:
                for st in sv_stems(t.swedish):
                    if st not in known:
                        c.alternatives.append(Alternative(st, TRANSLATION_WEIGHT * t.weight, word=t.swedish))
                        known.add(st)
            out.append(c)
        if language == "sv":
            out = self._add_english(out)
        return out

    def _add_english(self, concepts: list[Concept]) -> list[Concept]:
        out = []
        for c in concepts:
            parts = self._english(c.word) if " " not in c.word else []
            if parts:
                known = {a.term for a in c.alternatives}
                c.alternatives.extend(a for a in parts[-1] if a.term not in known)
                out.extend(Concept(f"{c.word}~{i}", extra) for i, extra in enumerate(parts[:-1]) if extra)
            out.append(c)
        return out

    def english_rendering(self, words: list[str]) -> str:
        """A Swedish question's words in English, each part by its two main glosses whether the
        corpus has them or not ("bakar surdegsbröd" -> "back bake sourdough bread"): what an
        English-only model can compare with English passages."""
        out: list[str] = []
        for w in words:
            for part in self.sv_en.parts(w):
                for base in part.split("|"):
                    out.extend(g.english for g in self.sv_en.glosses(base)[:2] if g.english not in out)
        return " ".join(out)

    def similarity(self, text: str, row: int) -> float:
        """The model's cosine between ``text`` (embedded as a query) and passage ``row``."""
        qvec = np.asarray(self.embedder.embed_query(text), dtype=np.float32)
        got = dict(self.snapshot.dense_search(qvec, 1, rows={row}))
        return got.get(row, 0.0)

    def gloss(self, concepts: list[Concept]) -> str:
        """Swedish words to append to the dense query: an English-only model then sees at least
        the vocabulary of the Swedish passages it has to reach."""
        extra = []
        for c in concepts:
            extra.extend([a.word for a in c.alternatives if a.word][:2])
        return " ".join(extra)

    # -- search -----------------------------------------------------------------------------
    def dense_weight(self, row: int, language: str | None) -> float:
        if self.multilingual:
            return DENSE_WEIGHT_UNDERSTOOD
        ok = self.languages[row] == "en" and language != "sv"
        return DENSE_WEIGHT_UNDERSTOOD if ok else DENSE_WEIGHT_FOREIGN

    def search(self, question: str, words: list[str], *, allowed: set[int] | None = None,
               k: int = 5, concepts: list[Concept] | None = None, language: str | None = None,
               entities: list[str] | None = None) -> Retrieval:
        # Scores are arrays over all chunks (numpy), not dicts: at 100,000 chunks a common word
        # matches tens of thousands of them. The arithmetic and the tie-breaking (score, then
        # row) are those of the per-passage loops this replaced, so rankings are the same.
        concepts = concepts if concepts is not None else self.concepts(words, language)
        n = len(self.snapshot.chunks)
        allowed_mask = np.ones(n, dtype=bool)
        if allowed is not None:
            allowed_mask[:] = False
            allowed_mask[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True

        if concepts:
            lex_total, lex_hits, per_concept = self.bm25.score_arrays(concepts, self.english_rows)
        else:
            lex_total, lex_hits, per_concept = np.zeros(n), np.zeros(n, dtype=np.int64), []
        coverage = self._coverage(concepts, allowed_mask, per_concept)

        dense: dict[int, float] = {}
        if self.mode != "bm25" and n:
            qtext = question
            g = self.gloss(concepts)
            if g:
                qtext = f"{question} ({g})"
            qvec = np.asarray(self.embedder.embed_query(qtext), dtype=np.float32)
            if allowed is not None:  # a few meetings: their rows, scored exactly
                dense = dict(self.snapshot.dense_search(qvec, n, rows=allowed))
            else:
                dense = dict(self.snapshot.dense_search(qvec, min(n, max(100, 10 * k))))
        max_dense = max(dense.values(), default=0.0)

        lex_rank = _ranked(np.flatnonzero((lex_hits > 0) & allowed_mask), lex_total)
        dense_rank = np.array([r for r, _ in sorted(dense.items(), key=lambda x: (-x[1], x[0]))], dtype=np.int64)
        fused = np.zeros(n, dtype=np.float64)
        present = np.zeros(n, dtype=bool)
        if self.mode == "bm25":
            fused[lex_rank] = lex_total[lex_rank]
            present[lex_rank] = True
        elif self.mode == "dense":
            fused[dense_rank] = [dense[r] for r in dense_rank.tolist()]
            present[dense_rank] = True
        else:
            fused[lex_rank] += 1.0 / (RRF_K + np.arange(len(lex_rank)) + 1)
            fused[dense_rank] += self._dense_weights(dense_rank, language) / (RRF_K + np.arange(len(dense_rank)) + 1)
            present[lex_rank] = True
            present[dense_rank] = True
        if entities and self.mode != "dense":
            shares = self.entity_share_array(entities)
            boosted = present & (shares > 0)
            fused[boosted] *= 1.0 + ENTITY_BOOST * shares[boosted]
        fused[present & self.thin_mask] *= THIN_FACTOR
        order = _ranked(np.flatnonzero(present), fused, k)
        hits = [Hit(r, float(fused[r]), float(lex_total[r]), dense.get(r, 0.0), int(lex_hits[r]),
                    frozenset(i for i, scores in enumerate(per_concept) if scores[r] > 0)) for r in order.tolist()]

        lexical_ok = coverage >= MIN_COVERAGE
        # An English-only model's cosine for a Swedish question says nothing (it was calibrated
        # on English); only the lexical criterion decides then.
        dense_ok = max_dense >= self.threshold
        dense_trusted = dense_ok and (self.multilingual or language != "sv")
        if self.mode == "bm25":
            answerable = lexical_ok
        elif self.mode == "dense":
            answerable = dense_ok
        else:
            answerable = lexical_ok or dense_trusted
        return Retrieval(hits, concepts, coverage, max_dense, answerable and bool(hits))

    def _dense_weights(self, rows: np.ndarray, language: str | None) -> np.ndarray:
        """dense_weight() of each row."""
        if self.multilingual:
            return np.full(len(rows), DENSE_WEIGHT_UNDERSTOOD)
        ok = self.english_rows[rows] & (language != "sv")
        return np.where(ok, DENSE_WEIGHT_UNDERSTOOD, DENSE_WEIGHT_FOREIGN)

    def entity_share_array(self, entities: list[str]) -> np.ndarray:
        """Per passage, the idf-weighted share of the question's names (those the corpus has)
        that it contains as words (no compound or translation matching: a name is exact)."""
        n = len(self.snapshot.chunks)
        masks, weights = [], []
        for w in entities:
            if self.lexicon.lookup((stem_en(w),)) and not self.bm25.has(w):
                continue  # an ordinary English word capitalised ("Sweden", "Board"): not a name here
            mask = np.zeros(n, dtype=bool)
            for t in {w, stem_sv(w), stem_en(w)}:
                mask[self.bm25.rows_of(t)] = True
            if mask.any():
                masks.append(mask)
                weights.append(self.bm25.idf(stem_sv(w)) if self.bm25.has(stem_sv(w)) else self.bm25.idf(w))
        out = np.zeros(n, dtype=np.float64)
        total = sum(weights)
        if not total:
            return out
        for mask, wt in zip(masks, weights, strict=True):
            out[mask] += wt / total
        return out

    def entity_shares(self, entities: list[str]) -> dict[int, float]:
        shares = self.entity_share_array(entities)
        rows = np.flatnonzero(shares)
        return dict(zip(rows.tolist(), shares[rows].tolist(), strict=True))

    def _coverage(self, concepts: list[Concept], allowed_mask: np.ndarray, per_concept: list[np.ndarray]) -> float:
        """The best idf-weighted share of the concepts that one allowed passage matches."""
        if not concepts:
            return 0.0
        max_idf = self.bm25.idf("\0")  # a term no passage has
        weights = []
        for c in concepts:
            terms = [t for a in c.alternatives for t, _ in self.bm25.expand(a.term, a.compound)]
            weights.append(max((self.bm25.idf(t) for t in terms), default=max_idf))
        total = sum(weights) or 1.0
        got = np.zeros(len(allowed_mask), dtype=np.float64)
        matched = np.zeros(len(allowed_mask), dtype=bool)
        for w, scores in zip(weights, per_concept, strict=True):
            hit = scores > 0
            got[hit] += w
            matched |= hit
        rows = matched & allowed_mask
        return float(got[rows].max()) / total if rows.any() else 0.0


def _ranked(rows: np.ndarray, scores: np.ndarray, k: int | None = None) -> np.ndarray:
    """``rows`` by score descending, then row ascending; the first ``k`` only when given."""
    if k is not None and len(rows) > 4 * k:
        # only rows scoring at least the k-th best can be among the first k (ties included)
        kth = np.partition(scores[rows], len(rows) - k)[len(rows) - k]
        rows = rows[scores[rows] >= kth]
    out = rows[np.lexsort((rows, -scores[rows]))]
    return out if k is None else out[:k]

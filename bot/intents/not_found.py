"""Why nothing was found, in one short sentence: "not found" used to look the same whatever the
cause, and a newcomer could not tell a gap in the minutes from a gap in the bot.

The cases, most specific first:

- ``skipped_file``: a file the index could not read (an .odt, an .rtf, a damaged .docx) is
  named by the question: its file name carries the question's date, or one of its words.
- ``unknown_words``: some of the question's words occur nowhere in the minutes, neither as
  written nor through a dictionary translation the minutes use ("rent" on Swedish minutes
  that never say "hyra"). When all of what it is about is unknown, a passage matching only
  its cue words or a loose cosine does not answer it (:func:`topic_unknown`).
- ``not_in_minutes``: the words occur, but no passage answers the question.

(``unsupported_language`` is decided before the question is understood: bot/foreign.py.)"""
from __future__ import annotations

import re

from index.dates import date_from_filename

from .. import compose as say
from index.lexical import doc_terms, stem_en, stem_sv, tokens
from ..phrases import say as phrase
from ..question import Question
from ..understand import content_words

MAX_WORDS_NAMED = 5  # a long question's unknown words are named by the first few
MAX_WORD_NAMED = 40  # characters of one named word: a pasted run of letters is not repeated whole

SKIPPED_FILE, UNKNOWN_WORDS, NOT_IN_MINUTES, UNSUPPORTED_LANGUAGE = (
    "skipped_file", "unknown_words", "not_in_minutes", "unsupported_language")


def skipped_files(view) -> list[dict]:
    """Files the index could not read and holds no earlier version of."""
    return [s for s in view.snapshot.params.get("skipped", []) if s.get("file") not in view.snapshot.meetings]


def _name_terms(file: str) -> set[str]:
    base = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = re.sub(r"[\d_\-.]+", " ", base)
    return set(doc_terms(words, "sv")) | set(doc_terms(words, "en"))


def skipped_match(q: Question, view) -> list[dict]:
    """The unreadable files the question points at: by the date in their name (when the question
    gives a year, month or day), else by a word of their name."""
    out = []
    for s in skipped_files(view):
        if q.time.year or q.time.month or q.time.day:
            d = date_from_filename(s["file"])
            if d is not None and q.time.accepts(d.isoformat()):
                out.append(s)
        elif q.words:
            terms = _name_terms(s["file"])
            if any(len(w) >= 4 and (stem_sv(w) in terms or stem_en(w) in terms) for w in q.words):
                out.append(s)
    return out


def skipped_sentence(files: list[dict], lang: str) -> str:
    first = files[0]
    more = phrase("and_more_files", lang, n=len(files) - 1) if len(files) > 1 else ""
    return phrase("skipped_file", lang, file=first["file"], more=more, reason=first["reason"])


def unknown_words(q: Question, view, concepts) -> list[str]:
    """The question's words that no passage has, as written or translated."""
    bm25 = view.retriever.bm25
    out = []
    for c in concepts:
        if "~" in c.word:  # the extra concept of a compound's first part: its word is counted already
            continue
        if not any(bm25.expand(a.term, a.compound) for a in c.alternatives):
            out.append(c.word)
    return out


def topic_concepts(q: Question, concepts) -> list:
    """The concepts of what the question is about: not the intent's cue words ("beslutades",
    "decide"), which a search that fell back from a records intent counts too."""
    cues = set(content_words(q.text, q.time, drop_intent=False)) - set(content_words(q.text, q.time, drop_intent=True))
    # a concept may be a phrase ("power outage"): it is about the topic unless all its words are cues
    return [c for c in concepts if "~" not in c.word and not set(tokens(c.word)) <= cues]


def topic_unknown(q: Question, view, concepts) -> bool:
    """Whether none of what the question is about occurs in the minutes, even translated: its
    words other than the intent's cues ("beslutades", "uppdrag") are all unknown. A search that
    fell back from a records intent counts the cue words too (understand.as_search), and they
    alone would match any decision: "vad beslutades om fotbollsturneringen?" is then answered
    from "Beslut: Attsats bifalles"."""
    about = topic_concepts(q, concepts)
    unknown = set(unknown_words(q, view, about))
    return bool(about) and all(c.word in unknown for c in about)


def _named(word: str) -> str:
    return word if len(word) <= MAX_WORD_NAMED else word[:MAX_WORD_NAMED] + "…"


def explain(q: Question, view, concepts) -> tuple[str, str]:
    """(sentence, reason) for a search that found nothing to answer with."""
    files = skipped_match(q, view)
    if files:
        return skipped_sentence(files, q.language), SKIPPED_FILE
    unknown = list(dict.fromkeys(unknown_words(q, view, concepts)))[:MAX_WORDS_NAMED]
    if unknown:
        # Single quote marks: double ones are kept for verbatim quotes of the minutes.
        mark = ("‘", "’") if q.language == "en" else ("’", "’")
        words = say.join([f"{mark[0]}{_named(w)}{mark[1]}" for w in unknown], q.language)
        key = "unknown_word" if len(unknown) == 1 else "unknown_words"
        return phrase(key, q.language, words=words), UNKNOWN_WORDS
    return say.offtopic_sentence(q.language), NOT_IN_MINUTES

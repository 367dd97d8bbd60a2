"""Questions in a language the bot does not read: obviously neither Swedish nor English.

A German question used to be answered as off-topic, in Swedish. The check is deliberately
small and cautious: function words that only other common languages use ("wer", "ist",
"nächste"; "qui", "quand"), counted against Swedish and English ones. Danish and Norwegian are
not flagged: they are close enough to Swedish for the Swedish minutes' words to match."""
from __future__ import annotations

import re

from index.vocab import FUNCTION_WORDS, STOP_WORDS

_RAW = {
    "German": """wer wann wie warum welche welcher welches ist sind wurde wurden wird hat haben hatte
        der das dem des ein eine einen einem nicht und oder auch über beim zum zur mit für auf von
        sitzung versammlung nächste nächsten letzte letzten teilgenommen gesagt besprochen beschlossen
        ich wir uns gibt wo""",
    "French": """qui quand comment pourquoi quel quelle quels quelles où est sont était été ont le la les
        des du une et pour dans sur avec réunion prochaine dernière assisté présent présents dit
        décidé qu c'est ce cette""",
    "Spanish": """quién quiénes cuándo cómo qué cuál dónde por qué es son fue fueron el la los las del
        una y para con reunión próxima última asistió asistieron dijo se lo""",
    "Dutch": """wie wanneer hoe waarom wat welke het een van voor met niet vergadering volgende vorige
        aanwezig waren werd zijn heeft gezegd besloten bij""",
    "Finnish": """kuka ketkä milloin miten mitä missä oli olivat kokous kokouksessa seuraava edellinen
        ja että ei se""",
}
# Words Swedish or English questions use are never evidence of another language ("die", "was",
# "den", "de", "en", "on", "in"), nor are words the two share with it by accident.
_NATIVE = FUNCTION_WORDS["sv"] | FUNCTION_WORDS["en"] | STOP_WORDS["sv"] | STOP_WORDS["en"]
_AMBIGUOUS = {"die", "was", "war", "den", "de", "en", "on", "in", "an", "am", "so", "man", "hat", "is", "me",
              "a", "i", "o", "e", "es", "un", "va", "vi", "om", "al", "till", "over", "the"}
FOREIGN_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(w for w in words.split() if w not in _NATIVE and w not in _AMBIGUOUS)
    for lang, words in _RAW.items()
}
MIN_EVIDENCE = 2  # foreign function words needed, and more of them than Swedish/English ones

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def unsupported_language(question: str) -> str | None:
    """The language's English name ("German") when ``question`` is obviously in another language
    than Swedish or English; None otherwise (including when unsure)."""
    words = [w.casefold() for w in _WORD.findall(question)]
    if not words:
        return None
    native = sum(w in _NATIVE for w in words)
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in FOREIGN_WORDS.items()}
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if n >= MIN_EVIDENCE and n > native:
        return lang
    return None

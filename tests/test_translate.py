from bot.lexical import tokens
from bot.translate import default_lexicon, translate_tokens


def _sv(q, keep=None):
    return {sp.words: [t.swedish for t in sp.translations] for sp in translate_tokens(tokens(q), default_lexicon(), keep=keep)}


def test_inflected_english_finds_swedish():
    got = _sv("who attended")
    assert "deltog" in got[("attended",)] or "delta" in got[("attended",)]


def test_multiword_gloss_is_a_phrase():
    got = _sv("venture capital")
    assert got[("venture", "capital")][0] == "riskkapital"


def test_stop_words_are_not_translated():
    assert ("the",) not in _sv("the valley")
    assert "dal" in _sv("the valley")[("valley",)]


def test_keep_filters_to_corpus_words():
    got = _sv("health", keep=lambda w: w == "hälsa")
    assert got[("health",)] == ["hälsa"]

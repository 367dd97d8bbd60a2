from index.lexical import tokens
from index.translate import default_lexicon, translate_tokens


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


def test_swedish_to_english_undoes_inflection_and_splits_compounds():
    from index.translate import default_sv_en

    lex = default_sv_en()
    assert lex.parts("säkerhetsteamet") == ["säkerhet", "team"]
    assert lex.parts("installationsprogrammet") == ["installation", "program"]
    assert "security" in {g.english for g in lex.glosses("säkerhet")}
    assert "maintain" in {g.english for p in lex.parts("underhåller") for g in lex.glosses(p)}
    assert "styrelse" in lex.swedish_for("board")


def test_multilingual_models_are_told_apart_and_heading_only_passages_are_thin():
    from bot.retrieve import is_multilingual, is_thin

    assert not is_multilingual("all-MiniLM-L6-v2 (packaged)")
    assert is_multilingual("intfloat/multilingual-e5-small") and is_multilingual("KBLab/sentence-bert-swedish-cased")
    assert is_thin("\\subsection*{Girls Code Club}") and is_thin("## Hackathon\n")
    assert not is_thin("## Hackathon\nHårdvara är fixat.")

"""The lexicons pickled beside the index are the lexicons built from the TSV."""
import pickle

import pytest

from index import translate


def test_cache_round_trip_gives_the_same_lexicons(tmp_path):
    path = translate.write_cache(tmp_path)
    assert path.is_file() and path.parent.name == translate.CACHE_DIR
    lex, rev = translate._read_cache(tmp_path)
    assert lex.entries == translate.default_lexicon().entries
    assert rev.entries == translate.default_sv_en().entries and rev.prefixes == translate.default_sv_en().prefixes
    assert [t.swedish for t in lex.lookup(("fund",))] == [t.swedish for t in translate.default_lexicon().lookup(("fund",))]
    assert rev.parts("säkerhetsteamet") == ["säkerhet", "team"]


def test_damaged_or_missing_cache_is_not_used(tmp_path, caplog):
    caplog.set_level("INFO", logger="index.translate")
    assert translate._read_cache(tmp_path) is None
    assert caplog.records == []  # no cache before the first `minutes index`: nothing to say
    path = translate.write_cache(tmp_path)
    for damage in (b"not a pickle", b"", pickle.dumps(("one part",))):
        path.write_bytes(damage)
        caplog.clear()
        assert translate._read_cache(tmp_path) is None
        assert [r.levelname for r in caplog.records] == ["WARNING"]
        assert f"lexicon cache {path} is damaged" in caplog.records[0].getMessage()


def test_a_bug_reading_the_cache_is_not_taken_for_damage(tmp_path, monkeypatch):
    translate.write_cache(tmp_path)

    def bug(data):
        raise NameError("name 'x' is not defined")

    monkeypatch.setattr(translate.pickle, "loads", bug)
    with pytest.raises(NameError):
        translate._read_cache(tmp_path)

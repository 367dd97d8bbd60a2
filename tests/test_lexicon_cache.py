"""The lexicons pickled beside the index are the lexicons built from the TSV."""
from index import translate


def test_cache_round_trip_gives_the_same_lexicons(tmp_path):
    path = translate.write_cache(tmp_path)
    assert path.is_file() and path.parent.name == translate.CACHE_DIR
    lex, rev = translate._read_cache(tmp_path)
    assert lex.entries == translate.default_lexicon().entries
    assert rev.entries == translate.default_sv_en().entries and rev.prefixes == translate.default_sv_en().prefixes
    assert [t.swedish for t in lex.lookup(("fund",))] == [t.swedish for t in translate.default_lexicon().lookup(("fund",))]
    assert rev.parts("säkerhetsteamet") == ["säkerhet", "team"]


def test_damaged_or_missing_cache_is_not_used(tmp_path):
    assert translate._read_cache(tmp_path) is None
    path = translate.write_cache(tmp_path)
    path.write_bytes(b"not a pickle")
    assert translate._read_cache(tmp_path) is None

from index.lexical import BM25, concept_for, doc_terms, tokens


def test_tokens_keep_swedish_letters():
    assert tokens("Nästa möte: Hälsoekonomi!") == ["nästa", "möte", "hälsoekonomi"]


def test_swedish_inflections_share_a_stem():
    assert doc_terms("mötet", "sv") == doc_terms("möten", "sv")


def test_bm25_ranks_matching_passage_first_and_finds_compounds():
    docs = [doc_terms(t, "sv") for t in ["Vi pratade om budgeten.", "Riskkapital till life science.", "Hälsoekonomi. Påvisa effekten."]]
    bm = BM25(docs)
    scores, hits = bm.score([concept_for("kapital")])
    assert max(scores, key=scores.get) == 1  # "kapital" inside the compound "riskkapital"
    scores, _ = bm.score([concept_for("hälsoekonomi")])
    assert list(scores) == [2]


def test_concept_scores_best_alternative_not_sum():
    docs = [doc_terms("möte möte", "sv"), doc_terms("annat", "sv")]
    bm = BM25(docs)
    c = concept_for("möte")
    once = bm.concept_scores(c)[0]
    c.alternatives = c.alternatives + c.alternatives
    assert bm.concept_scores(c)[0] == once


def test_swedish_definite_forms_meet_their_indefinite_stems():
    from index.lexical import stem_sv

    for a, b in [("jubileet", "jubileum"), ("gymnasiet", "gymnasium"), ("museet", "museum"),
                 ("budgeten", "budget")]:
        assert stem_sv(a) == stem_sv(b), (a, b)
    assert stem_sv("paket") == stem_sv("paketet")  # no -um noun: Snowball's own stems

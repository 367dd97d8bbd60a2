"""The evaluation with the real model: regressions in quality fail here. Runs every corpus
available (the shared ones are skipped when ../shared/corpora is absent), hybrid mode only."""
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))
import run as eval_run  # noqa: E402


def test_questions_file_is_well_formed():
    qs = eval_run.load_questions(splits=("dev", "heldout"))
    assert len([q for q in qs if q["split"] == "dev"]) >= 60
    assert len([q for q in qs if q["split"] == "heldout" and q["type"] == "search"]) >= 25
    assert {q["type"] for q in qs} == set(eval_run.TYPES)
    assert {"sv", "en"} <= {("sv" if any(c in q["q"] for c in "åäö") or q["q"].split()[0] in ("vilka", "vem", "vad", "hur", "när") else "en") for q in qs}
    dev = {q["q"] for q in qs if q["split"] == "dev"}
    assert not any(q["q"] in dev for q in qs if q["split"] == "heldout")


def test_records_questions_are_well_formed():
    qs = eval_run.load_questions(splits=("records", "records_heldout"))
    assert len(qs) >= 40 and {q["type"] for q in qs} == set(eval_run.RECORD_TYPES)
    assert sum(1 for q in qs if any(c in q["q"] for c in "åäö") or q["q"].split()[0].casefold() in
               ("vilka", "vem", "vad", "hur", "när", "sammanfatta", "vilken", "vilket")) >= 15
    dev = {q["q"] for q in qs if q["split"] == "records"}
    assert not any(q["q"] in dev for q in qs if q["split"] == "records_heldout")
    fresh = eval_run.load_questions(splits=("records_fresh",))
    assert len(fresh) >= 20 and {q["type"] for q in fresh} == set(eval_run.RECORD_TYPES)
    assert not {q["q"] for q in fresh} & {q["q"] for q in qs}


@pytest.mark.model
def test_eval_thresholds(real_embedder):
    available = {"corpus"} | ({p.name for p in eval_run.SHARED.iterdir() if p.is_dir()} if eval_run.SHARED.is_dir() else set())
    qs = [q for q in eval_run.load_questions(splits=("dev", "heldout", "records", "records_heldout", "records_fresh",
                                                     "first_contact"))
          if q["corpus"] in available]
    outcomes = eval_run.evaluate(qs, embedder=real_embedder, modes=("hybrid",))
    assert all(o.verbatim for o in outcomes), [o.q["q"] for o in outcomes if not o.verbatim]
    dev = eval_run.summarise(outcomes, "dev")["hybrid"]
    for kind in ("attendance", "next_meeting", "role", "person", "offtopic"):
        if kind in dev:
            assert dev[kind]["accuracy"] == 1.0, kind
    assert dev["search"]["recall5"] >= 0.9
    heldout = eval_run.summarise(outcomes, "heldout")["hybrid"]
    # Off-topic questions must stay unanswered however hard retrieval tries.
    assert heldout["offtopic"]["accuracy"] == 1.0
    # Measured 0.61 before the second tuning round, 0.81 after: a floor, not a target.
    if eval_run.SHARED.is_dir():
        assert heldout["search"]["recall5"] >= 0.75
        # Records questions (decisions, actions, role holders, digests): floors under the
        # measured figures (docs/evaluation.md), so a regression fails here.
        records = eval_run.summarise(outcomes, "records")["hybrid"]
        assert records["all"]["accuracy"] >= 0.9  # measured 0.96
        assert eval_run.summarise(outcomes, "records_heldout")["hybrid"]["all"]["accuracy"] >= 0.3  # 0.36
        assert eval_run.summarise(outcomes, "records_fresh")["hybrid"]["all"]["accuracy"] >= 0.6  # 0.70
        # First contact (issue 17): eight collections no rule was written for; 0.31 on the first
        # run, 0.55 after the first-contact work. The set-aside split is never run here.
        first = [o for o in outcomes if o.q["split"] == "first_contact"]
        if len({o.q["corpus"] for o in first}) == 8:
            assert eval_run.summarise(first, "first_contact")["hybrid"]["all"]["accuracy"] >= 0.5

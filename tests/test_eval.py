"""The evaluation, on a subset, with the real model: regressions in quality fail here."""
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))
import run as eval_run  # noqa: E402


def test_questions_file_is_well_formed():
    qs = eval_run.load_questions()
    assert len(qs) >= 60
    assert {q["type"] for q in qs} == set(eval_run.TYPES)
    assert {"sv", "en"} <= {("sv" if any(c in q["q"] for c in "åäö") or q["q"].split()[0] in ("vilka", "vem", "vad", "hur", "när") else "en") for q in qs}


@pytest.mark.model
def test_eval_thresholds(real_embedder):
    corpora = ["corpus", "lithekod-sv"] if eval_run.SHARED.is_dir() else ["corpus"]
    qs = [q for q in eval_run.load_questions() if q["corpus"] in corpora]
    outcomes = eval_run.evaluate(qs, embedder=real_embedder, modes=("hybrid",))
    assert all(o.verbatim for o in outcomes), [o.q["q"] for o in outcomes if not o.verbatim]
    table = eval_run.summarise(outcomes)["hybrid"]
    for kind in ("attendance", "next_meeting", "role", "person", "offtopic"):
        if kind in table:
            assert table[kind]["accuracy"] == 1.0, kind
    assert table["search"]["recall5"] >= 0.8

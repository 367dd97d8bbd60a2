"""Records (index/records) stored and read back, and on input they must survive: empty and odd
text, random text, adversarial inputs that could trigger catastrophic backtracking (in a worker
process with a hang guard). Every span quotes what it names (tests/records_checks.py)."""
from __future__ import annotations

import multiprocessing
import random
import time

import pytest

from index.build import parse_document
from index.models import Meeting
from index.parse import parse_meeting
from index.records import extract_records
from tests.records_checks import DATA, check_record_spans


def test_records_are_stored_by_parse_document_and_old_meetings_still_load():
    text = (DATA / "2022-03-01-styrelsemote.tex").read_text(encoding="utf-8")
    m, _ = parse_document(text, "2022-03-01-styrelsemote.tex")
    assert m.decisions and m.items and m.roles and m.actions
    again = Meeting.model_validate_json(m.model_dump_json())
    assert again.decisions == m.decisions and again.actions == m.actions
    old = Meeting.model_validate({"source": "old.md", "date": "2020-01-01"})
    assert old.items == [] and old.decisions == [] and old.actions == [] and old.roles == []


def test_empty_and_odd_input():
    for text in ("", "   \n", "Beslut:", "\\item", "| Owner | Task |\n|---|---|\n| | |", "Att:\n\nBeslut:\n",
                 "förslaget till beslut bifalles", "Action:", "Ansvarig: ", "§", "\\begin{attsatser}"):
        m = parse_meeting(text, "x.md")
        check_record_spans(text, extract_records(text, m))


def test_random_text_never_raises():
    rng = random.Random(8)
    words = ["Beslut:", "Att:", "beslutar", "att", "Anna", "Berg", "ska", "bifalles", "attsatsen", "andra",
             "\\item", "\\begin{attsatser}", "\\end{attsatser}", "Action:", "to", "|", "Owner", "Ansvarig:",
             "väljs", "till", "justerare", "röster", "mot", "4", "2", "\n", "\n\n", "## Rubrik", "§ 3", "Done",
             "reserverar", "sig", "Reservation:", "(", ")", ",", ".", "15 mars", "@x", "Kassör"]
    for _ in range(150):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 120)))
        m = parse_meeting(text, "fuzz-2023-01-01.md")
        check_record_spans(text, extract_records(text, m))


ADVERSARIAL = {
    "beslut-labels": "Beslut:\n" * 20_000,
    "items": "\\begin{attsatser}\n" + "\\item att\n" * 20_000 + "\\end{attsatser}",
    "references": "\\subsubsection*{Beslut}\n" + "andra attsatsen bifalles\n" * 10_000,
    "capitalised-then-verb": "Aaa " * 50_000 + "ska boka",
    "names-and": "Anna Berg och " * 20_000 + "reserverar sig",
    "owner-lists": ("Anna, " * 30 + "ska boka.\n") * 2_000,
    "action-labels": "Action: " * 30_000,
    "table": "| Task | Owner | Due |\n" + "| a | Anna | 1/2 |\n" * 10_000,
    "long-sentence": "Styrelsen beslutar att " + "x " * 100_000,
    "väljs": "Anna Berg väljs till " * 20_000,
    "motion": "The motion to " + "raise " * 50_000,
    "digits": "1/2/3 röster för/emot/blankt " * 10_000,
}
HANG_GUARD_SECONDS = 30.0


def _worker(conn) -> None:
    while True:
        name = conn.recv()
        if name is None:
            return
        t0 = time.perf_counter()
        try:
            text = ADVERSARIAL[name]
            m = parse_meeting(text, "x-2020-01-01.md")
            r = extract_records(text, m)
            check_record_spans(text, r)
        except Exception:  # noqa: BLE001 - reported in the test process
            import traceback

            conn.send((traceback.format_exc(), time.perf_counter() - t0))
        else:
            conn.send((None, time.perf_counter() - t0))


@pytest.fixture(scope="module")
def worker():
    ctx = multiprocessing.get_context("spawn")
    holder = {}

    def start():
        conn, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child,), daemon=True)
        proc.start()
        child.close()
        holder.update(conn=conn, proc=proc)

    def run(name):
        if "proc" not in holder or not holder["proc"].is_alive():
            start()
        holder["conn"].send(name)
        if not holder["conn"].poll(HANG_GUARD_SECONDS):
            holder["proc"].kill()
            holder["proc"].join()
            holder.clear()
            pytest.fail(f"{name}: records did not finish within {HANG_GUARD_SECONDS:.0f} s (backtracking?)")
        return holder["conn"].recv()

    yield run
    if holder.get("proc") is not None:
        holder["conn"].send(None)
        holder["proc"].join(5)
        if holder["proc"].is_alive():
            holder["proc"].kill()


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_inputs_finish(name, worker):
    error, seconds = worker(name)
    print(f"{name}: {len(ADVERSARIAL[name])} chars in {seconds:.2f}s")
    assert error is None, error

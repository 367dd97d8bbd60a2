"""Start-up (index load + engine) against corpus size: synthetic minutes of 120, 1,200 and 12,000
meetings (about 1k, 10k and 100k chunks) with vectors drawn around real embeddings, each read as
now (index/lazy.py's heads and columns, the view's names and titles stored by index/prepared.py)
and as before (the same generation read from its JSON lines, names and titles computed), in the
same run and so under the same load; then warm latency and each question's cost at every size.
A section of bench/bench.py (``--only startup``), imported with bench/ on the path."""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from bench import PYTHON, ROOT, SHARED, SYNTH_QUESTIONS, ensure_index, load_now, serve_figures

START = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
import bot.intents, bot.engine, index.store, index.embed  # imports are not what is measured
from bench.bench import serving_engine
ix, old = Path(sys.argv[1]), sys.argv[3] == "old"
t = time.perf_counter()
engine = serving_engine(ix)
start = time.perf_counter() - t
extra = 0.0
if old:  # what the view also did on every start before index/prepared.py stored them
    from index import prepared
    t = time.perf_counter()
    ms = sorted(engine.snapshot.meetings.values(), key=lambda m: (m.date or "", m.source))
    prepared.name_index(ms)
    {m.source: prepared.meeting_terms(m) for m in ms}
    extra = time.perf_counter() - t
print(json.dumps({"start_s": start + extra, "names_titles_s": extra}))
"""


def start_figure(index: Path, how: str, repeat: int = 3) -> dict:
    runs = []
    for _ in range(repeat):
        r = subprocess.run([PYTHON, "-c", START, str(index), str(ROOT), how], check=True, capture_output=True,
                           text=True, cwd=ROOT)
        runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return {"start_s": statistics.median(x["start_s"] for x in runs),
            "names_titles_s": statistics.median(x["names_titles_s"] for x in runs)}


def as_before(index: Path, work: Path) -> Path:
    """A hard-linked copy of ``index`` whose generation is read as before index/lazy.py: from
    its JSON lines (heads.json and columns.npz removed; the stored BM25 arrays kept)."""
    from index import lazy
    from index.store import current_generation

    copy = work / (index.name + "-as-before")
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(index, copy, copy_function=os.link)
    gen = current_generation(copy)
    for name in (lazy.HEADS, lazy.COLUMNS):
        for path in [gen / name, *gen.glob(f"s*/{name}")]:  # format 1, or each segment (index/segments.py)
            path.unlink(missing_ok=True)
    return copy


def per_question(index: Path, questions: list[str], repeat: int) -> dict:
    code = r"""
import json, statistics, sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from bench.bench import serving_engine
engine = serving_engine(Path(sys.argv[1]))
out = {}
for q in json.loads(sys.argv[3]):
    t = time.perf_counter(); engine.ask(q); first = time.perf_counter() - t
    ts = []
    for _ in range(int(sys.argv[4])):
        t = time.perf_counter(); engine.ask(q); ts.append((time.perf_counter() - t) * 1000)
    out[q] = {"first_ms": first * 1000, "median_ms": statistics.median(ts)}
print(json.dumps(out))
"""
    r = subprocess.run([PYTHON, "-c", code, str(index), str(ROOT), json.dumps(questions), str(repeat)],
                       check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(r.stdout.strip().splitlines()[-1])


def section_startup(work: Path, sizes: str, repeat: int) -> dict:
    """Start-up (index load + engine) at growing corpus sizes, read as now and as before, in the
    same run; warm latency and each question's cost at every size."""
    import synth
    from drawn import DrawnEmbedder
    from index.build import build_generation
    from index.store import load_index
    import vector_bench

    real_ix = work / "shared-ix" if SHARED.is_dir() else work / "sample-ix"
    ensure_index(SHARED if SHARED.is_dir() else ROOT / "corpus", real_ix)
    drawn = DrawnEmbedder(vector_bench.real_vectors(real_ix))
    out = {"load": load_now(), "sizes": []}
    for n in (int(x) for x in sizes.split(",")):
        corpus, index = work / f"synth-{n}", work / f"synth-{n}-ix"
        if not corpus.is_dir():
            synth.generate(corpus, n, seed=2)
        if not index.is_dir():  # the scale section's, when it ran first
            build_generation(corpus, index, drawn)  # with its search arrays and lexicon cache
            drawn.install_query_encoder()
        before = as_before(index, work)
        row = {"meetings": n, "chunks": len(load_index(index).chunks), "load": load_now(),
               "now": start_figure(index, "new"), "before": start_figure(before, "old"),
               "serve": serve_figures(index, SYNTH_QUESTIONS, repeat),
               "questions": per_question(index, SYNTH_QUESTIONS, repeat)}
        shutil.rmtree(before, ignore_errors=True)
        out["sizes"].append(row)
        print(json.dumps({k: row[k] for k in ("meetings", "chunks", "now", "before")}), flush=True)
    return out



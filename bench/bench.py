"""Speed, memory and quality figures; writes docs/benchmarks.md and its plots in one command.

    .venv/bin/python bench/bench.py                 # everything (about 30-40 min on 2 cores)
    .venv/bin/python bench/bench.py --only cold,warm  # some sections, the rest from the last run
    .venv/bin/python bench/bench.py --report        # only re-render docs/ from bench/results.json

Sections: cold (process start to printed answer, and where the time goes), warm (questions in a
running process), quality (this project, BM25 alone and the naive pipeline on the evaluation
set), scale (synthetic corpora: 1,000 meetings embedded for real, 12,000 meetings = 100,000
chunks with vectors drawn around real embeddings), startup (start-up at 1k, 10k and 100k chunks,
read as now and as before index/lazy.py, in the same run; each question's warm cost), vectors
(flat, IVF, HNSW at 1e5 and 1e6), indexing (bench/indexing.py: plain sentence-transformers, the first
build and one file added, side by side at three corpus sizes; the encoder's choices; serving memory).
Every figure is a median of repeated runs where repeating is affordable; the machine's load
(``os.getloadavg``) is recorded beside each section, since the development machines are shared.
Asserts nothing: no test is timed."""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

RESULTS = ROOT / "bench" / "results.json"
SHARED = ROOT.parent / "shared" / "corpora"
PYTHON = sys.executable
MINUTES = str(Path(PYTHON).with_name("minutes"))

SEARCH_Q = "vad sades om finansiering?"
STRUCT_Q = "who attended the last meeting?"
SAMPLE_QUESTIONS = [
    "who attended in 2015?", "when is the next meeting?", "vad sades om finansiering?",
    "what did Almi Invest propose?", "vilka deltog på planeringsmötet?", "who chaired the meeting?",
    "what is the Valley of Death?", "which meetings did Anna Sandström attend?",
    "vad sades om hälsoekonomi?", "what is the weather in Paris?",
]
SYNTH_QUESTIONS = [
    "vad sades om hackathon?", "what was decided about the budget?", "who attended the last meeting?",
    "när är nästa möte?", "vad beslutades om sponsorer?", "who chaired the meeting in March 2007?",
    "what was said about code of conduct?", "vilka deltog i mars 2006?", "vad sades om lokalhyra?",
    "what is the weather in Paris?",
]


def load_now() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(round(p * len(v))) - 1))]


def env_for(corpus: Path, index: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env.update(MINUTES_CORPUS_DIR=str(corpus), MINUTES_INDEX_DIR=str(index))
    return env


def run_minutes(args: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run([MINUTES, *args], env=env, check=True, capture_output=True, cwd=tempfile.gettempdir())
    return time.perf_counter() - t


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# -- cold ----------------------------------------------------------------------------------------
PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
from bot.cli import _service
from bot.settings import load_settings
from bot.render_text import render_text
t1 = time.perf_counter()
settings = load_settings()
service = _service(settings)
t2 = time.perf_counter()
from index.store import load_index
snap = load_index(settings.index_dir)
t3 = time.perf_counter()
engine = service._engine_factory(snap, service.embedder)
t4 = time.perf_counter()
answer = engine.ask(sys.argv[1])
render_text(answer)
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "settings": t2 - t1, "index load": t3 - t2, "engine build": t4 - t3,
                  "first answer": t5 - t4}))
"""


def phases(question: str, env: dict) -> dict:
    t = time.perf_counter()
    r = subprocess.run([PYTHON, "-c", PHASES, question], env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    got = json.loads(r.stdout.strip().splitlines()[-1])
    got["interpreter start + exit"] = wall - sum(got.values())
    return got


def importtime(question: str, env: dict) -> dict:
    """Cumulative import time (s) of the packages that matter, from ``python -X importtime``."""
    code = f"from bot.cli import main; main(['ask', {question!r}])"
    r = subprocess.run([PYTHON, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    out = {}
    for line in r.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cum, name = (x.strip() for x in line[len("import time:"):].split("|"))
        if name in ("bot.cli", "numpy", "pydantic", "pydantic_settings", "onnxruntime", "tokenizers", "faiss",
                    "torch", "sentence_transformers", "transformers", "snowballstemmer", "bot.engine", "index.parse"):
            out[name] = max(out.get(name, 0.0), int(cum) / 1e6)
    return out


def ensure_index(corpus: Path, index: Path) -> None:
    subprocess.run([MINUTES, "index"], env=env_for(corpus, index), check=True, capture_output=True)


def section_cold(work: Path, repeat: int) -> dict:
    corpus, index = ROOT / "corpus", work / "sample-ix"
    ensure_index(corpus, index)
    env = env_for(corpus, index)
    out = {"load": load_now(), "corpus": "sample (2 meetings, 23 chunks)"}
    for label, q in (("search", SEARCH_Q), ("structured", STRUCT_Q)):
        run_minutes(["ask", q], env)  # page cache warm: "cold" is a new process, not a cold disk
        times = [run_minutes(["ask", q], env) for _ in range(repeat)]
        ph = [phases(q, env) for _ in range(repeat)]
        out[label] = {"question": q, "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
                      "runs": times, "phases": {k: statistics.median(p[k] for p in ph) for k in ph[0]},
                      "imports": importtime(q, env)}
    if SHARED.is_dir():
        index = work / "shared-ix"
        ensure_index(SHARED, index)
        env = env_for(SHARED, index)
        for label, q in (("shared search", "vad sades om loggan?"), ("shared structured", STRUCT_Q)):
            run_minutes(["ask", q], env)
            times = [run_minutes(["ask", q], env) for _ in range(repeat)]
            out[label] = {"question": q, "median_s": statistics.median(times), "runs": times}
    return out


# -- warm ----------------------------------------------------------------------------------------
def warm_latency(engine, questions: list[str], repeat: int) -> dict:
    for q in questions:  # the first ask of each loads lazily what it needs
        engine.ask(q)
    times = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            times.append((time.perf_counter() - t) * 1000)
    return {"n": len(times), "p50_ms": statistics.median(times), "p95_ms": pct(times, 0.95), "max_ms": max(times)}


def serving_engine(index: Path):
    from bot.engine import Engine
    from index.embed import LazyEmbedder
    from index.store import load_index

    snap = load_index(index)
    return Engine(snap, LazyEmbedder(snap.model))


def section_warm(work: Path, repeat: int) -> dict:
    out = {"load": load_now()}
    corpora = [("sample", ROOT / "corpus")] + ([("shared", SHARED)] if SHARED.is_dir() else [])
    for name, corpus in corpora:
        index = work / f"{name}-ix"
        ensure_index(corpus, index)
        engine = serving_engine(index)
        out[name] = {"chunks": len(engine.snapshot.chunks), "onnx": warm_latency(engine, SAMPLE_QUESTIONS, repeat)}
        # the same engine, questions encoded by sentence-transformers (the path before ONNX)
        from index.embed import SentenceTransformerEmbedder

        engine.embedder = engine.retriever.embedder = SentenceTransformerEmbedder(engine.snapshot.model)
        out[name]["sentence-transformers"] = warm_latency(engine, SAMPLE_QUESTIONS, repeat)
    return out


# -- scale ---------------------------------------------------------------------------------------
def rss_now_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


SERVE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
from bench.bench import rss_now_mb, serving_engine, warm_latency
from pathlib import Path
before = rss_now_mb()
t = time.perf_counter()
engine = serving_engine(Path(sys.argv[1]))
build = time.perf_counter() - t
after_load = rss_now_mb()
lat = warm_latency(engine, json.loads(sys.argv[3]), int(sys.argv[4]))
print(json.dumps({"start_s": build, "rss_before_mb": before, "rss_loaded_mb": after_load,
                  "rss_serving_mb": rss_now_mb(), "latency": lat, "chunks": len(engine.snapshot.chunks)}))
"""


def serve_figures(index: Path, questions: list[str], repeat: int) -> dict:
    """In a fresh process, as the bot: index load + engine build, RSS, warm latency."""
    r = subprocess.run([PYTHON, "-c", SERVE, str(index), str(ROOT), json.dumps(questions), str(repeat)],
                       check=True, capture_output=True, text=True, cwd=ROOT)
    got = json.loads(r.stdout.strip().splitlines()[-1])
    from index.store import current_generation

    gen = current_generation(index)
    got["disk_bytes_per_chunk"] = dir_bytes(gen) / max(1, got["chunks"])
    got["memory_bytes_per_chunk"] = (got["rss_loaded_mb"] - got["rss_before_mb"]) * 2**20 / max(1, got["chunks"])
    got["beside_index_mb"] = {p.name: dir_bytes(p) / 2**20 for p in index.iterdir() if p.is_dir() and not p.name.startswith("gen-")}
    return got


def section_scale(work: Path, meetings_real: int, meetings_drawn: int, repeat: int) -> dict:
    import synth
    from drawn import DrawnEmbedder
    from index.build import parse_document, scan_corpus, build_generation
    from index.embed import PACKAGED_MODEL, SentenceTransformerEmbedder

    out = {"load": load_now()}
    # 1,000 meetings, embedded for real with the packaged model
    corpus = work / f"synth-{meetings_real}"
    synth.generate(corpus, meetings_real, seed=1)
    index = work / f"synth-{meetings_real}-ix"
    emb = SentenceTransformerEmbedder(PACKAGED_MODEL)
    texts = []
    for source, path in scan_corpus(corpus):
        _, chunks = parse_document(path.read_text(encoding="utf-8"), source, embedder=emb)
        texts.extend(c.text for c in chunks)
    emb.embed_documents(texts[:64])  # warm the model up before either timing
    t = time.perf_counter()
    for i in range(0, len(texts), 64):  # as build._embed batches them
        emb.embed_documents(texts[i: i + 64])
    floor_s = time.perf_counter() - t
    t = time.perf_counter()
    report = build_generation(corpus, index, emb)  # sentence-transformers encodes: the floor's encoder
    build_s = time.perf_counter() - t
    new = corpus / "org-new" / "2030-01-15-styrelsemote.txt"
    new.parent.mkdir()
    new.write_text(synth.meeting(__import__("random").Random(5), __import__("datetime").date(2030, 1, 15), True, "Nya")[1],
                   encoding="utf-8")
    _, new_chunks = parse_document(new.read_text(encoding="utf-8"), "x", embedder=emb)
    t = time.perf_counter()
    emb.embed_documents([c.text for c in new_chunks])
    new_encode_s = time.perf_counter() - t
    t = time.perf_counter()
    build_generation(corpus, index, emb)
    add_s = time.perf_counter() - t
    out["real"] = {
        "meetings": report.meetings, "chunks": report.chunks, "floor_s": floor_s, "build_s": build_s,
        "floor_chunks_per_s": len(texts) / floor_s, "build_chunks_per_s": report.chunks / build_s,
        "build_vs_floor": (report.chunks / build_s) / (len(texts) / floor_s),
        "add_one_file_s": add_s, "add_one_file_chunks": len(new_chunks),
        "add_one_file_encode_s": new_encode_s, "add_one_file_minus_encode_s": add_s - new_encode_s,
    }
    env = env_for(corpus, index)
    for label, q in (("cold_search", SYNTH_QUESTIONS[0]), ("cold_structured", STRUCT_Q)):
        run_minutes(["ask", q], env)
        out["real"][label + "_s"] = statistics.median(run_minutes(["ask", q], env) for _ in range(3))
    out["real"]["serve"] = serve_figures(index, SYNTH_QUESTIONS, repeat)
    del emb

    # 12,000 meetings (~100,000 chunks): parsed and indexed for real, vectors drawn around the
    # real embeddings of the corpus above (embedding them would take about 45 minutes here)
    corpus = work / f"synth-{meetings_drawn}"
    synth.generate(corpus, meetings_drawn, seed=2)
    drawn_index = work / f"synth-{meetings_drawn}-ix"
    from index.store import load_index

    origins = load_index(index).vectors_of(list(range(out["real"]["chunks"])))
    drawn = DrawnEmbedder(origins)
    t = time.perf_counter()
    report = build_generation(corpus, drawn_index, drawn)  # search arrays and lexicon cache included
    build_s = time.perf_counter() - t
    out["drawn"] = {"meetings": report.meetings, "chunks": report.chunks, "build_s_without_encoding": build_s}
    # questions are encoded by the real ONNX encoder (its vectors are only used for timing here)
    drawn.install_query_encoder()
    out["drawn"]["serve"] = serve_figures(drawn_index, SYNTH_QUESTIONS, repeat)
    return out


# -- vectors -------------------------------------------------------------------------------------
def section_vectors(work: Path, sizes: str, hnsw_max: int) -> dict:
    import vector_bench

    index = work / "shared-ix" if SHARED.is_dir() else work / "sample-ix"
    ensure_index(SHARED if SHARED.is_dir() else ROOT / "corpus", index)
    real = vector_bench.real_vectors(index)
    rows = []
    for n in (int(s) for s in sizes.split(",")):
        rows += vector_bench.bench_size(real, n, queries=200, hnsw_max=hnsw_max, log=lambda r: print(json.dumps(r), flush=True))
    return {"load": load_now(), "origins": len(real), "rows": rows}


SECTIONS = ("cold", "warm", "quality", "scale", "startup", "vectors", "indexing")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help=f"comma-separated sections of {','.join(SECTIONS)}")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each cold command")
    ap.add_argument("--warm-repeat", type=int, default=10, help="times each warm question is asked")
    ap.add_argument("--meetings-real", type=int, default=1000)
    ap.add_argument("--meetings-drawn", type=int, default=12000)
    ap.add_argument("--startup-sizes", default="120,1200,12000", help="synthetic meetings (about 8 chunks each)")
    ap.add_argument("--vector-sizes", default="100000,1000000")
    ap.add_argument("--hnsw-max", type=int, default=1_000_000)
    ap.add_argument("--synth-meetings", type=int, default=10_000, help="indexing: the synthetic archive (0: none)")
    ap.add_argument("--st-sample", type=int, default=3000,
                    help="indexing: chunks plain sentence-transformers encodes at most (scaled to the rest)")
    ap.add_argument("--report", action="store_true", help="only render docs/ from bench/results.json")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = ap.parse_args()
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    if not args.report:
        wanted = args.only.split(",") if args.only else list(SECTIONS)
        work = args.keep or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            for name in wanted:
                t = time.perf_counter()
                print(f"== {name} (load {load_now()})", flush=True)
                try:
                    run_section(name, work, args, results)
                except Exception:  # noqa: BLE001 - one failing section should not lose the others
                    import traceback

                    traceback.print_exc()
                    continue
                results[name]["section_s"] = time.perf_counter() - t
                results["machine"] = {"cores": os.cpu_count(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
                RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False))
                print(json.dumps(results[name], ensure_ascii=False)[:2000], flush=True)
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
    import report

    report.render(results, ROOT / "docs")


def run_section(name: str, work: Path, args, results: dict) -> None:
    if name == "cold":
        results[name] = section_cold(work, args.repeat)
    elif name == "warm":
        results[name] = section_warm(work, args.warm_repeat)
    elif name == "quality":
        from quality import section_quality

        results[name] = section_quality(work)
    elif name == "scale":
        results[name] = section_scale(work, args.meetings_real, args.meetings_drawn, args.warm_repeat)
    elif name == "startup":
        import startup

        results[name] = startup.section_startup(work, args.startup_sizes, args.warm_repeat)
    elif name == "vectors":
        results[name] = section_vectors(work, args.vector_sizes, args.hnsw_max)
    elif name == "indexing":
        import indexing

        results[name] = indexing.section_indexing(work, args.synth_meetings, args.st_sample)


if __name__ == "__main__":
    main()

"""Indexing speed side by side, in one run (issue 20): for each corpus (the sample, dvd-goteborg-sv,
a synthetic archive), in fresh processes,

- plain sentence-transformers: import, load the packaged model, encode the index's chunk texts
  (what anyone would write; torch uses every core);
- the full first build: `minutes index` into an empty index folder (the model's ONNX export is in
  the encoder cache, as after install.sh);
- one file added: `minutes index` after one new meeting is written to the corpus.

For corpora above ``st_sample`` chunks, sentence-transformers encodes an evenly spaced sample and
its encode time is scaled to all chunks (said beside the figure). On dvd-goteborg-sv (or the
sample) it also measures the encoder choices: sorting by length (bucketing) and int8 dynamic
quantisation, each by time and by the cosine of every chunk's vector to sentence-transformers',
and the serving process's memory through an upload (documents encoded by ONNX now, by
sentence-transformers before). The load (``uptime``) is recorded beside every figure."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from bench import MINUTES, PYTHON, ROOT, SHARED

PLAIN = r"""
import json, sys, time
t0 = time.perf_counter()
from sentence_transformers import SentenceTransformer
t1 = time.perf_counter()
from index.embed import packaged_model_path
model = SentenceTransformer(str(packaged_model_path()), device="cpu")
t2 = time.perf_counter()
texts = json.load(open(sys.argv[1], encoding="utf-8"))
v = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
t3 = time.perf_counter()
import numpy as np
np.save(sys.argv[2], v)
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "encode_s": t3 - t2}))
"""

SERVE_UPLOAD = r"""
import json, sys
from pathlib import Path
from bot.service import MinutesService
from index import onnx_encoder
from index.embed import PACKAGED_MODEL, LazyEmbedder, SentenceTransformerEmbedder

def rss(field="VmRSS:"):  # VmHWM: this process's peak (ru_maxrss would carry its parent's over exec)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024

class Before:
    # questions by the ONNX export, documents by sentence-transformers: the bot before issue 20
    name, max_tokens = PACKAGED_MODEL, 256
    def __init__(self):
        self.q = onnx_encoder.OnnxEncoder(onnx_encoder.cache_path(None, PACKAGED_MODEL))
        self.st = None
    def embed_query(self, text):
        return self.q.embed_query(text)
    def embed_documents(self, texts):
        self.st = self.st or SentenceTransformerEmbedder(PACKAGED_MODEL)
        return self.st.embed_documents(texts)

corpus, index, kind, upload = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
service = MinutesService(corpus, index, LazyEmbedder(PACKAGED_MODEL) if kind == "now" else Before())
service.ask("vad sades om budgeten?")
answering = rss()
service.add_file(upload.name, upload.read_bytes())
service.ask("vad sades om budgeten?")
print(json.dumps({"rss_answering_mb": answering, "rss_after_upload_mb": rss(),
                  "peak_mb": rss("VmHWM:")}))
"""


def uptime() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(cmd: list[str], env: dict) -> tuple[dict, str]:
    """({"s": wall seconds, "cpu_s": user + system seconds, "peak_mb": peak RSS}, stdout) of a
    fresh process. On a shared machine the CPU time is the steadier figure: a process that
    waits for a core loses wall time, not CPU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        t = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-o", out.name, "-f", "%M %U %S", *cmd], env=env, capture_output=True,
                           text=True, cwd=tempfile.gettempdir())
        wall = time.perf_counter() - t
        if r.returncode != 0:
            raise RuntimeError(f"{cmd[:3]} failed: {r.stderr[-2000:]}")
        peak, user, system = out.read().strip().splitlines()[-1].split()
    return {"s": wall, "cpu_s": float(user) + float(system), "peak_mb": int(peak) / 1024, "load": uptime()}, r.stdout


def env_for(corpus: Path, index: Path, threads: int = 0) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_") or k == "MINUTES_ENCODER_CACHE"}
    env.update(MINUTES_CORPUS_DIR=str(corpus), MINUTES_INDEX_DIR=str(index), MINUTES_INDEX_THREADS=str(threads),
               PYTHONPATH=str(ROOT))
    return env


def new_meeting(seed: int) -> str:
    import synth

    return synth.meeting(random.Random(seed), dt.date(2031, 1, 15), True, "Nya föreningen")[1]


def plain_st(texts: list[str], sample: int, work: Path, name: str) -> dict:
    """Plain sentence-transformers over ``texts`` (or an even sample, scaled), in a fresh process."""
    chosen = texts if len(texts) <= sample else [texts[i] for i in np.linspace(0, len(texts) - 1, sample).astype(int)]
    src, vec = work / f"{name}-texts.json", work / f"{name}-st.npy"
    src.write_text(json.dumps(chosen, ensure_ascii=False), encoding="utf-8")
    run, out = timed([PYTHON, "-c", PLAIN, str(src), str(vec)], {**os.environ, "PYTHONPATH": str(ROOT)})
    got = json.loads(out.strip().splitlines()[-1])
    scale = len(texts) / len(chosen)
    share = got["encode_s"] / max(run["s"], 1e-9)  # of the process's time, encoding (scaled below)
    got.update(run, encoded=len(chosen), scaled=scale > 1, total_s=run["s"] + got["encode_s"] * (scale - 1),
               total_cpu_s=run["cpu_s"] * (1 + share * (scale - 1)))
    return got


def measure_corpus(name: str, source: Path, work: Path, *, st_sample: int, threads: list[int]) -> dict:
    from index.store import load_index

    corpus = work / f"{name}-corpus"
    if not corpus.exists():
        shutil.copytree(source, corpus)
    out = {"name": name, "load": uptime(), "builds": {}}
    for n in threads:  # the full first build, with this many onnxruntime threads (0: one per core)
        index = work / f"{name}-ix-{n}"
        shutil.rmtree(index, ignore_errors=True)
        run, stdout = timed([MINUTES, "index", "--json"], env_for(corpus, index, n))
        report = json.loads(stdout.strip().splitlines()[-1])
        out["builds"][str(n)] = run
        out.update(meetings=report["meetings"], chunks=report["chunks"])
        print(f"  {name}: first build, threads {n or os.cpu_count()}: {run} ", flush=True)
    index = work / f"{name}-ix-{threads[0]}"
    texts = [c.text for c in load_index(index).chunks]
    out["plain_st"] = plain_st(texts, st_sample, work, name)
    out["plain_st"]["load"] = uptime()
    print(f"  {name}: plain sentence-transformers {out['plain_st']}", flush=True)
    new = corpus / "2031-01-15-nytt-styrelsemote.txt"
    new.write_text(new_meeting(7), encoding="utf-8")
    run, stdout = timed([MINUTES, "index", "--json"], env_for(corpus, index, threads[0]))
    report = json.loads(stdout.strip().splitlines()[-1])
    out["add_one"] = {**run, "chunks_embedded": report["chunks_embedded"]}
    new.unlink()
    print(f"  {name}: one file added {run}", flush=True)
    if out["plain_st"]["scaled"] is False:
        st = np.load(work / f"{name}-st.npy")
        onnx = load_index(index).vectors_of(list(range(len(texts))))
        cos = (st * onnx).sum(axis=1)
        out["cosine_to_st"] = {"min": float(cos.min()), "mean": float(cos.mean())}
    first = out["builds"][str(threads[0])]
    out["first_vs_plain"] = first["s"] / out["plain_st"]["total_s"]
    out["add_vs_plain"] = out["add_one"]["s"] / out["plain_st"]["total_s"]
    out["first_vs_plain_cpu"] = first["cpu_s"] / out["plain_st"]["total_cpu_s"]
    out["add_vs_plain_cpu"] = out["add_one"]["cpu_s"] / out["plain_st"]["total_cpu_s"]
    out["chunks_per_s"] = out["chunks"] / first["s"]
    return out


def encoder_choices(name: str, work: Path) -> dict:
    """Bucketing and int8 quantisation on one corpus's chunks: time and cosine to sentence-transformers."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from index import onnx_encoder
    from index.embed import PACKAGED_MODEL

    texts = json.loads((work / f"{name}-texts.json").read_text(encoding="utf-8"))
    st = np.load(work / f"{name}-st.npy")
    src = onnx_encoder.cache_path(None, PACKAGED_MODEL)
    variants = {}
    for label, kw in (("int8, per tensor", {}), ("int8, per channel, MatMul only",
                                                {"per_channel": True, "op_types_to_quantize": ["MatMul"]})):
        folder = work / f"quant-{len(variants)}"
        if not folder.exists():
            shutil.copytree(src, folder)
            quantize_dynamic(str(src / "model.onnx"), str(folder / "model.onnx"), weight_type=QuantType.QInt8, **kw)
        variants[label] = folder
    out = {"load": uptime(), "chunks": len(texts), "rows": []}

    def run(label: str, folder: Path, sorted_: bool) -> None:
        enc = onnx_encoder.OnnxEncoder(folder, threads=1)
        t, c = time.perf_counter(), time.process_time()
        if sorted_:
            v = enc.embed_documents(texts)
        else:  # batches of 32 in corpus order, each padded to its longest text
            v = np.concatenate([enc.embed_documents(texts[i: i + onnx_encoder.BATCH])
                                for i in range(0, len(texts), onnx_encoder.BATCH)])
        s, cpu = time.perf_counter() - t, time.process_time() - c
        cos = (v * st).sum(axis=1)
        out["rows"].append({"variant": label, "sorted": sorted_, "s": s, "cpu_s": cpu, "cos_min": float(cos.min()),
                            "cos_mean": float(cos.mean()), "load": uptime()})
        print(f"  {label}{', sorted' if sorted_ else ''}: {s:.1f} s ({cpu:.1f} s CPU), cosine min {cos.min():.4f} "
              f"({uptime()})", flush=True)

    run("float32", src, False)
    run("float32", src, True)
    for label, folder in variants.items():
        run(label, folder, True)
    return out


def serving_memory(name: str, work: Path) -> dict:
    """RSS of a serving bot answering, then taking an upload, now (ONNX) and as before (documents by
    sentence-transformers), each in a fresh process over a copy of the corpus and its index."""
    out = {"load": uptime()}
    upload = work / "upload" / "2031-02-20-styrelsemote.txt"
    upload.parent.mkdir(exist_ok=True)
    upload.write_text(new_meeting(11), encoding="utf-8")
    for kind in ("before", "now"):
        corpus, index = work / f"serve-{kind}-corpus", work / f"serve-{kind}-ix"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
        shutil.copytree(work / f"{name}-corpus", corpus)
        shutil.copytree(work / f"{name}-ix-0", index)
        r = subprocess.run([PYTHON, "-c", SERVE_UPLOAD, str(corpus), str(index), kind, str(upload)], check=True,
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        out[kind] = json.loads(r.stdout.strip().splitlines()[-1])
        print(f"  serving, {kind}: {out[kind]} ({uptime()})", flush=True)
    return out


def section_indexing(work: Path, synth_meetings: int, st_sample: int) -> dict:
    import synth

    from index.embed import PACKAGED_MODEL, LazyEmbedder

    started = time.time()
    out = {"load": uptime(), "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
           "cores": os.cpu_count(), "corpora": []}
    # The export, once per model (install.sh makes it): timed here into an empty cache.
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        LazyEmbedder(PACKAGED_MODEL, encoders=Path(tmp)).ensure_encoder()
        out["export_s"] = time.perf_counter() - t
    LazyEmbedder(PACKAGED_MODEL).ensure_encoder()  # the cache every run below uses
    corpora = [("sample", ROOT / "corpus", [0, 1])]
    if (SHARED / "dvd-goteborg-sv").is_dir():
        corpora.append(("dvd-goteborg-sv", SHARED / "dvd-goteborg-sv", [0, 1]))
    if synth_meetings:
        folder = work / f"synth-{synth_meetings}-src"
        if not folder.is_dir():
            synth.generate(folder, synth_meetings, seed=3)
        corpora.append((f"synthetic {synth_meetings:,} meetings", folder, [0]))
    for name, source, threads in corpora:
        out["corpora"].append(measure_corpus(name.split()[0] if name.startswith("synthetic") else name, source, work,
                                             st_sample=st_sample, threads=threads))
        out["corpora"][-1]["label"] = name
        if name == corpora[min(1, len(corpora) - 1)][0]:  # dvd-goteborg-sv when present
            out["choices"] = encoder_choices(name, work)
            out["serving"] = serving_memory(name, work)
    out["section_minutes"] = (time.time() - started) / 60
    return out


# -- docs/benchmarks.md ----------------------------------------------------------------------------
def _f(x, nd=1) -> str:
    return "–" if x is None else f"{x:,.{nd}f}"


def plot(x: dict, docs: Path) -> bool:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = x["corpora"]
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    for ax, key, title in ((axes[0], "s", "wall time"), (axes[1], "cpu_s", "CPU time (user + system)")):
        width = 0.27
        series = (("plain sentence-transformers", [c["plain_st"]["total_" + key] for c in rows], "#999"),
                  ("first `minutes index`", [c["builds"]["0"][key] for c in rows], "#3a7"),
                  ("one file added", [c["add_one"][key] for c in rows], "#37a"))
        for k, (label, values, colour) in enumerate(series):
            xs = [i + (k - 1) * width for i in range(len(rows))]
            ax.bar(xs, values, width, label=label, color=colour)
        ax.set_xticks(range(len(rows)), [f"{c['label']}\n{c['chunks']:,} chunks" for c in rows], fontsize=7)
        ax.set_yscale("log")
        ax.set_ylabel("seconds")
        ax.set_title(title, fontsize=9)
    axes[0].legend(fontsize=7)
    fig.suptitle(f"Indexing side by side, one run (load {x['load']} at the start)", fontsize=9)
    fig.tight_layout()
    fig.savefig(docs / "bench-indexing.png", dpi=110)
    plt.close(fig)
    return True


def render(x: dict | None, docs: Path) -> list[str]:
    if not x:
        return []
    try:
        made = plot(x, docs)
    except ImportError:  # matplotlib: pip install -e '.[bench]'
        made = False
    L = ["## Indexing: plain sentence-transformers, the first build, one file added", "",
         f"bench/indexing.py (`--only indexing`), one run started {x['started']} on {x['cores']} cores, "
         f"{_f(x['section_minutes'])} minutes; the load (`uptime`) is given beside each figure. Each figure is "
         "one fresh process: plain sentence-transformers imports, loads the packaged model and encodes the "
         "same chunk texts the index holds (batches of 32, torch on every core); the first build is "
         "`minutes index` into an empty folder (the ONNX export made at install, "
         f"{_f(x['export_s'])} s once per model, is in the encoder cache); one file added is `minutes index` "
         "after one new meeting. CPU time (user + system) is given too: on a shared machine it is the "
         "steadier figure.", "",
         "| corpus | chunks | plain ST: wall / CPU | first build: wall / CPU | first ÷ plain (target ≤ 0.5) "
         "| one file added: wall / CPU | added ÷ plain (target ≤ 0.15) | load |",
         "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for c in x["corpora"]:
        p, b, a = c["plain_st"], c["builds"]["0"], c["add_one"]
        scaled = f" (encode of {p['encoded']:,} chunks scaled)" if p["scaled"] else ""
        L.append(f"| {c['label']} | {c['chunks']:,} | {_f(p['total_s'])} / {_f(p['total_cpu_s'])} s{scaled} | "
                 f"{_f(b['s'])} / {_f(b['cpu_s'])} s | **{_f(c['first_vs_plain'], 2)}** (CPU {_f(c['first_vs_plain_cpu'], 2)}) | "
                 f"{_f(a['s'])} / {_f(a['cpu_s'])} s ({a['chunks_embedded']} chunks) | **{_f(c['add_vs_plain'], 2)}** "
                 f"(CPU {_f(c['add_vs_plain_cpu'], 2)}) | {b['load']} |")
    L += ["", "Before this change (issue 20, dvd-goteborg-sv): first build 1.7× plain sentence-transformers, "
          "one file added 0.57×.", ""]
    if made:
        L += ["![indexing side by side](bench-indexing.png)", ""]
    big = x["corpora"][-1]
    rate = big["chunks"] / big["builds"]["0"]["s"]
    cpu_rate = big["chunks"] / big["builds"]["0"]["cpu_s"] * x["cores"]
    L += [f"**100,000 chunks** at the rate of the {big['label']} build: {_f(100_000 / rate / 60)} minutes at its load "
          f"({big['builds']['0']['load']}); by its CPU time on {x['cores']} free cores, {_f(100_000 / cpu_rate / 60)} "
          "minutes (target ≤ 30).", ""]
    threads = [c for c in x["corpora"] if "1" in c["builds"]]
    if threads:
        L += ["onnxruntime threads in the first build (`MINUTES_INDEX_THREADS`; a serving bot always uses one):", "",
              "| corpus | 1 thread: wall / CPU | one per core: wall / CPU |", "| --- | --- | --- |"]
        for c in threads:
            one, every = c["builds"]["1"], c["builds"]["0"]
            L.append(f"| {c['label']} | {_f(one['s'])} / {_f(one['cpu_s'])} s ({one['load']}) | "
                     f"{_f(every['s'])} / {_f(every['cpu_s'])} s ({every['load']}) |")
        L.append("")
    ch = x.get("choices")
    if ch:
        L += [f"The encoder's choices on {ch['chunks']} chunks of dvd-goteborg-sv (one thread, in one process; the "
              "cosine of each chunk's vector to sentence-transformers'):", "",
              "| encoder | batches | wall | CPU | cosine min | cosine mean | load |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for r in ch["rows"]:
            L.append(f"| {r['variant']} | {'sorted by length' if r['sorted'] else 'corpus order'} | {_f(r['s'])} s | "
                     f"{_f(r['cpu_s'])} s | {_f(r['cos_min'], 4)} | {_f(r['cos_mean'], 4)} | {r['load']} |")
        L += ["", "Kept: float32, sorted by length (the same vectors in a fraction of the time). int8 dynamic "
              "quantisation is not kept: per tensor it moves chunk vectors far from the model's; per channel "
              "(MatMul weights only) it halves the CPU time, but `eval/run.py --modes hybrid` with it "
              "(2026-12-04, every split, chunks and questions by the int8 model) answered 2 of 203 questions "
              "wrong that float32 answers right (\"vad sades om förrådet?\", \"what is the round table?\": the "
              "expected passage fell from first to second) and none better, so it fails \"no answer worse\".",
              ""]
    sv = x.get("serving")
    if sv:
        L += ["Memory of a serving process (`MinutesService`) answering a question, then taking an upload "
              "(one new meeting indexed in the process), fresh processes over a copy of dvd-goteborg-sv:", "",
              "| documents encoded by | RSS answering | RSS after the upload | peak |", "| --- | --- | --- | --- |"]
        for kind, label in (("before", "sentence-transformers (before)"), ("now", "the ONNX export (now)")):
            m = sv[kind]
            L.append(f"| {label} | {_f(m['rss_answering_mb'], 0)} MB | {_f(m['rss_after_upload_mb'], 0)} MB | "
                     f"{_f(m['peak_mb'], 0)} MB |")
        L.append("")
    return L

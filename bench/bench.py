"""Speed and memory figures for indexing and answering, with the real default model.

    .venv/bin/python bench/bench.py [--corpus DIR ...] [--repeat N]

Prints figures; asserts nothing (targets are read from the output, never from timed tests)."""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = [
    "who attended in 2015?", "when is the next meeting?", "vad sades om finansiering?",
    "what did Almi Invest propose?", "vilka deltog på planeringsmötet?", "who chaired the meeting?",
    "what is the Valley of Death?", "which meetings did Anna Sandström attend?",
    "vad sades om hälsoekonomi?", "what is the weather in Paris?",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="append", type=Path, help="folders to index (default: corpus/ and ../shared/corpora if present)")
    ap.add_argument("--repeat", type=int, default=5, help="times each question is asked")
    args = ap.parse_args()
    sources = args.corpus or [ROOT / "corpus"] + ([ROOT.parent / "shared" / "corpora"] if (ROOT.parent / "shared" / "corpora").is_dir() else [])

    from bot.engine import Engine
    from index.build import update_index
    from index.embed import PACKAGED_MODEL, SentenceTransformerEmbedder
    from index.store import load_index

    work = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        corpus = work / "corpus"
        for i, src in enumerate(sources):
            shutil.copytree(src, corpus / f"{i}-{src.name}", ignore=shutil.ignore_patterns("*.md.orig", "PROVENANCE.md"))
        files = sum(1 for p in corpus.rglob("*") if p.is_file())
        print(f"corpus: {files} files from {', '.join(str(s) for s in sources)}")

        t = time.perf_counter()
        emb = SentenceTransformerEmbedder(PACKAGED_MODEL)
        print(f"model load: {time.perf_counter() - t:.2f} s   (rss {rss_mb():.0f} MB)")

        t = time.perf_counter()
        report = update_index(corpus, work / "ix", emb)
        dt = time.perf_counter() - t
        print(f"full index: {report.meetings} meetings, {report.chunks_embedded} chunks in {dt:.2f} s "
              f"= {report.chunks_embedded / dt:.1f} chunks/s (parse+chunk+embed+write)   (rss {rss_mb():.0f} MB)")

        t = time.perf_counter()
        update_index(corpus, work / "ix", emb)
        print(f"no-change index run: {(time.perf_counter() - t) * 1000:.0f} ms")

        (corpus / "new-2023-03-03.txt").write_text(
            "Protokoll styrelsemöte den 3 mars 2023\n\nNärvarande: Anna Berg, Erik Ek\n\n1 Budget\nBudgeten godkändes.\n",
            encoding="utf-8")
        t = time.perf_counter()
        r = update_index(corpus, work / "ix", emb)
        print(f"one file added: {r.chunks_embedded} chunks embedded in {(time.perf_counter() - t) * 1000:.0f} ms")

        t = time.perf_counter()
        engine = Engine(load_index(work / "ix"), emb)
        print(f"index load + engine build: {(time.perf_counter() - t) * 1000:.0f} ms")

        times = []
        for _ in range(args.repeat):
            for q in QUESTIONS:
                t = time.perf_counter()
                engine.ask(q)
                times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(f"ask latency over {len(times)} questions: p50 {statistics.median(times):.1f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms")
        print(f"peak rss: {rss_mb():.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

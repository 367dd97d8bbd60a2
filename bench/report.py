"""Renders bench/results.json as docs/benchmarks.md and its plots (matplotlib PNGs in docs/)."""
from __future__ import annotations

from pathlib import Path


def f(x, nd=2) -> str:
    return "–" if x is None else f"{x:.{nd}f}"


def _plots(r: dict, docs: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    made = []
    # latency against corpus size
    points = []
    w = r.get("warm", {})
    for name in ("sample", "shared"):
        if name in w:
            points.append((w[name]["chunks"], w[name]["onnx"]["p50_ms"], w[name]["onnx"]["p95_ms"], name))
    for row in r.get("startup", {}).get("sizes", []):
        lat = row["serve"]["latency"]
        points.append((row["chunks"], lat["p50_ms"], lat["p95_ms"], f"drawn {row['meetings']:,} meetings"))
    s = r.get("scale", {})
    for key in ("real", "drawn"):
        if key in s:
            lat = s[key]["serve"]["latency"]
            points.append((s[key]["chunks"], lat["p50_ms"], lat["p95_ms"], f"synthetic {s[key]['meetings']:,} meetings"))
    if points:
        points.sort()
        fig, ax = plt.subplots(figsize=(6.5, 4))
        ax.plot([p[0] for p in points], [p[1] for p in points], "o-", label="p50")
        ax.plot([p[0] for p in points], [p[2] for p in points], "s--", label="p95")
        for x, y, _, name in points:
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(4, -12), fontsize=7)
        ax.axhline(10, color="grey", lw=0.8, ls=":")
        ax.axhline(25, color="grey", lw=0.8, ls=":")
        ax.set_xscale("log")
        ax.set_xlabel("chunks in the index")
        ax.set_ylabel("warm answer time (ms)")
        ax.set_title("Warm question latency against corpus size")
        ax.legend()
        fig.tight_layout()
        fig.savefig(docs / "bench-latency.png", dpi=110)
        plt.close(fig)
        made.append("bench-latency.png")
    c = r.get("cold", {})
    if "search" in c:
        labels = ["search", "structured"]
        phases = list(c["search"]["phases"])
        fig, ax = plt.subplots(figsize=(7, 2.8))
        left = [0.0, 0.0]
        for ph in phases:
            vals = [c[k]["phases"].get(ph, 0.0) for k in labels]
            ax.barh(labels, vals, left=left, label=ph)
            left = [a + b for a, b in zip(left, vals)]
        ax.axvline(2.5, color="grey", lw=0.8, ls=":")
        ax.axvline(1.5, color="grey", lw=0.8, ls=":")
        ax.set_xlabel("seconds from process start to printed answer (medians)")
        ax.set_title("Cold `minutes ask` on the sample corpus")
        ax.legend(fontsize=7, ncol=3, loc="lower right")
        fig.tight_layout()
        fig.savefig(docs / "bench-cold-start.png", dpi=110)
        plt.close(fig)
        made.append("bench-cold-start.png")
    if "real" in s:
        x = s["real"]
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.bar(["raw encoding (floor)", "full index build"], [x["floor_chunks_per_s"], x["build_chunks_per_s"]],
               color=["#999", "#3a7"])
        ax.set_ylabel("chunks / s")
        ax.set_title(f"Build throughput, {x['meetings']:,} synthetic meetings ({x['chunks']:,} chunks)", fontsize=9)
        fig.tight_layout()
        fig.savefig(docs / "bench-build.png", dpi=110)
        plt.close(fig)
        made.append("bench-build.png")
    return made


def _startup(st: dict | None) -> list[str]:
    """The start-up section: now against before at each size, and each question's warm cost."""
    if not st:
        return []
    L = ["## Start-up against corpus size", "",
         "Synthetic minutes (bench/synth.py) with vectors drawn around real embeddings (bench/startup.py),",
         "each generation started as the bot starts (index load + engine, imports excluded; medians of 3",
         "fresh processes) read as now (index/lazy.py: meeting heads and chunk columns, meetings decoded",
         "on first use; the view's name index and title terms stored by index/prepared.py) and as before",
         "(the same generation read from its JSON lines with every record validated, names and titles",
         f"computed per start), in the same run (load {st['load']}).", "",
         "| meetings | chunks | start-up now | before | warm p50 | warm p95 | RSS serving | target |",
         "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in st["sizes"]:
        lat = row["serve"]["latency"]
        target = "p50 ≤ 25 ms" if row["chunks"] >= 50_000 else ""
        L.append(f"| {row['meetings']:,} | {row['chunks']:,} | **{f(row['now']['start_s'])} s** | {f(row['before']['start_s'])} s | "
                 f"{f(lat['p50_ms'], 1)} ms | {f(lat['p95_ms'], 1)} ms | {f(row['serve']['rss_serving_mb'], 0)} MB | {target} |")
    qs = list(st["sizes"][0]["questions"]) if st["sizes"] else []
    if qs:
        L += ["", "Each question's warm median (ms, 10 asks after a first one) at each size: what still grows",
              "with the corpus is a handler that reads every meeting or every decision per question.", "",
              "| question | " + " | ".join(f"{row['chunks']:,} chunks" for row in st["sizes"]) + " |",
              "| --- |" + " --- |" * len(st["sizes"])]
        for q in qs:
            L.append(f"| {q} | " + " | ".join(f(row["questions"][q]["median_ms"], 1) for row in st["sizes"]) + " |")
        L += ["", "The decision questions stem every decision's text on every question",
              "(bot/intents/records.py topic_share, about 50 µs a decision): decision terms stored at index",
              "time, or an inverted index over them, would take them off the p95. The others scan every",
              "meeting's fields in Python (next meeting: about 9 µs a meeting)."]
    return L + [""]


def render(r: dict, docs: Path) -> None:
    made = _plots(r, docs)
    L = ["# Benchmarks", "",
         "Produced by `bench/bench.py` in one command (`.venv/bin/pip install -e '.[bench]'` for matplotlib;",
         "`.venv/bin/python bench/bench.py`, about 40 minutes on 2 quiet cores, 56 minutes at load 3–10 on 2026-12-03); this file and the plots beside it",
         "are written from `bench/results.json`. It asserts nothing: no test is timed.",
         f"Machine: {r.get('machine', {}).get('cores', '?')} cores, no GPU, shared with other engineers while measured; "
         f"last run {r.get('machine', {}).get('date', '?')}. The 1-minute load average when each section",
         "started is given beside it: figures taken at a load above 2 are slower than on a quiet machine.", ""]
    c = r.get("cold")
    if c:
        L += ["## Cold `minutes ask` (process start to printed answer)", "",
              f"Sample corpus, {c['corpus']}; medians of {len(c['search']['runs'])} runs (load {c['load']}).", "",
              "| question | target | median | min–max |", "| --- | --- | --- | --- |"]
        for k, target in (("search", 2.5), ("structured", 1.5)):
            x = c[k]
            L.append(f"| {k}: \"{x['question']}\" | ≤ {target} s | **{f(x['median_s'])} s** | {f(x['min_s'])}–{f(x['max_s'])} s |")
        for k in ("shared search", "shared structured"):
            if k in c:
                L.append(f"| {k} (13+ real minutes, 853 chunks): \"{c[k]['question']}\" | | {f(c[k]['median_s'])} s | |")
        L += ["", "Where the time goes now (medians, seconds):", "",
              "| phase | search | structured |", "| --- | --- | --- |"]
        for ph in c["search"]["phases"]:
            L.append(f"| {ph} | {f(c['search']['phases'][ph])} | {f(c['structured']['phases'].get(ph))} |")
        L += ["", "Cumulative import times (`python -X importtime`, s; a package absent from a row is not imported):", "",
              "| package | search | structured |", "| --- | --- | --- |"]
        names = sorted(set(c["search"]["imports"]) | set(c["structured"]["imports"]), key=lambda n: -c["search"]["imports"].get(n, 0))
        for n in names:
            L.append(f"| {n} | {f(c['search']['imports'].get(n))} | {f(c['structured']['imports'].get(n))} |")
        if "bench-cold-start.png" in made:
            L += ["", "![cold start](bench-cold-start.png)"]
        L += ["", "Before this work (2026-12-03, same machine, lightly loaded, once with `-X importtime` and",
              "cProfile): a cold search question took 8.6–9.8 s, a structured one 1.2–1.9 s. Of the search",
              "question's time, `import sentence_transformers` was 6.2 s (torch 1.5 s, transformers' model",
              "code 2.3 s) and the model load another 1–2 s; building the two lexicons from Folkets TSV",
              "was 0.7 s on every start (structured questions too); BM25 statistics, chunk terms and the",
              "name index 0.23 s at 853 chunks, growing with the corpus. What changed:", "",
              "- questions are encoded by an ONNX export of the model (index/onnx_encoder.py), written",
              "  beside the index when it is built, run with onnxruntime and `tokenizers`: 0.35 s to load",
              "  instead of about 7 s, and no torch. Documents are still embedded by sentence-transformers;",
              "- the lexicons are loaded on first use and read from a pickle beside the index (0.05 s);",
              "- BM25 postings, chunk languages and heading-only passages are stored in the generation as",
              "  arrays (index/prepared.py) and read back instead of re-tokenising every chunk;",
              "- a start-up validates no record: meetings are read as heads (source, date, title, language)",
              "  and each decoded from its own line on first use, chunks are made from columns on first",
              "  read (index/lazy.py), and the name index and title terms are stored in the generation",
              "  (index/prepared.py); at 100,000 chunks a start-up went from 13 s to about 1 s (below);",
              "- faiss is imported only for IVF indexes; flat search is numpy over a memory-mapped",
              "  `vectors.npy`, with one OpenBLAS thread (two spinning threads took the ONNX encoder's core).", "",
              "None of this changes an answer: eval/run.py over all 117 questions in all three modes (351",
              "answers) gives byte-identical answer JSON before these changes, with the array BM25 and",
              "numpy search, and with questions encoded by ONNX (checked 2026-12-03 with `--json`); so do",
              "all 501 outcomes of the four splits with lazily read generations (index/lazy.py). The",
              "ONNX vectors have cosine ≥ 0.99999 to sentence-transformers' on every sample chunk",
              "(tests/test_onnx_encoder.py asserts ≥ 0.999).", ""]
    w = r.get("warm")
    if w:
        L += ["## Warm questions (a running process, as the bot or `minutes ask -` answers)", "",
              f"Ten questions of every kind, each asked {w['sample']['onnx']['n'] // 10} times after a first round (load {w['load']}).", "",
              "| corpus | chunks | query encoder | p50 | p95 | max | target |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for name in ("sample", "shared"):
            if name in w:
                for enc in ("onnx", "sentence-transformers"):
                    x = w[name][enc]
                    tgt = "p50 ≤ 10 ms, p95 ≤ 30 ms" if name == "sample" and enc == "onnx" else ""
                    L.append(f"| {name} | {w[name]['chunks']} | {enc} | **{f(x['p50_ms'], 1)} ms** | {f(x['p95_ms'], 1)} ms | "
                             f"{f(x['max_ms'], 1)} ms | {tgt} |")
        L.append("")
    q = r.get("quality")
    if q:
        L += ["## Quality and speed side by side (evaluation set)", "",
              f"{q['questions']} questions of eval/questions*.json, judged by eval/run.py's rules (load {q['load']}).",
              "recall@5: the expected passage among the first five; accuracy: the right answer (names, date,",
              "person; for search, the expected passage first; off-topic questions refused).", "",
              "| pipeline | dev search recall@5 | dev search MRR | dev all accuracy | held-out search recall@5 | held-out search MRR | held-out all accuracy | answer p50 | verbatim |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for label in ("this project", "BM25 alone", "naive (1,000-char chunks, MiniLM, flat FAISS, top 3)"):
            x = q.get(label)
            if not x:
                continue
            d, h = x.get("dev", {}), x.get("heldout", {})
            L.append(f"| {label} | {f(d.get('search', {}).get('recall5'))} | {f(d.get('search', {}).get('mrr'))} | "
                     f"{f(d.get('all', {}).get('accuracy'))} | {f(h.get('search', {}).get('recall5'))} | "
                     f"{f(h.get('search', {}).get('mrr'))} | {f(h.get('all', {}).get('accuracy'))} | "
                     f"{f(x['answer_ms_p50'], 1)} ms | {'all' if x['verbatim'] else 'no'} |")
        L += ["", f"The naive pipeline indexed {q['naive']['chunks']} chunks in {f(q['naive']['index_s'], 1)} s. It answers",
              "every question, so it fails every off-topic one, and it has no attendee lists, dates or roles:",
              "structured questions count as answered only by its passages, which never carry names as",
              "the judge wants them.", ""]
    s = r.get("scale")
    if s:
        x = s["real"]
        L += ["## At scale: synthetic minutes", "",
              "bench/synth.py writes minutes in the style of the real ones (two thirds Swedish: \"Protokoll",
              "styrelsemöte\", numbered \"Deltagare\" lists or \"Närvarande:\", §-numbered agenda items with",
              "discussion and \"Beslut:\" lines, \"Nästa möte\"; English ones with \"Present:\", \"Decision:\"),",
              f"for organisations of 50 meetings each (load {s['load']}).", "",
              f"**{x['meetings']:,} meetings, {x['chunks']:,} chunks, embedded for real** with the packaged model:", "",
              "| what | figure | target |", "| --- | --- | --- |",
              f"| raw encoding of the chunks (the floor) | {f(x['floor_chunks_per_s'], 1)} chunks/s ({f(x['floor_s'], 0)} s) | |",
              f"| full build: parse, chunk, embed, write, ONNX export | {f(x['build_chunks_per_s'], 1)} chunks/s ({f(x['build_s'], 0)} s) = "
              f"**{f(100 * x['build_vs_floor'], 0)} % of the floor** | ≥ 90 % |",
              *([f"| search arrays stored after it (before build_generation wrote them) | {f(x['prepare_s'])} s | |"]
                if "prepare_s" in x else []),
              f"| one file added ({x['add_one_file_chunks']} chunks) | {f(x['add_one_file_s'])} s, of which encoding {f(x['add_one_file_encode_s'])} s: "
              f"**{f(x['add_one_file_minus_encode_s'])} s + encoding**"
              + (f" (+ {f(x['add_prepare_s'])} s search arrays)" if "add_prepare_s" in x else "") + " | ≤ 2 s + encoding |",
              f"| cold `minutes ask`, search / structured | {f(x['cold_search_s'])} s / {f(x['cold_structured_s'])} s | |",
              f"| serving process: start (index load + engine) | {f(x['serve']['start_s'])} s | |",
              f"| warm p50 / p95 | {f(x['serve']['latency']['p50_ms'], 1)} ms / {f(x['serve']['latency']['p95_ms'], 1)} ms | |",
              f"| RSS of the serving process | {f(x['serve']['rss_serving_mb'], 0)} MB | |",
              f"| bytes per chunk: on disk (generation) / in memory (RSS growth on load) | "
              f"{f(x['serve']['disk_bytes_per_chunk'], 0)} / {f(x['serve']['memory_bytes_per_chunk'], 0)} | |", ""]
        if "drawn" in s:
            y = s["drawn"]
            L += [f"**{y['meetings']:,} meetings, {y['chunks']:,} chunks**, parsed, chunked and indexed for real, with",
                  "vectors drawn around the real embeddings above (bench/drawn.py) instead of computed:",
                  "embedding 100,000 chunks would take about 45 minutes on these 2 cores, and latency and",
                  "memory depend on the vectors' shape, not their meaning. Questions are encoded by the real",
                  "ONNX encoder. The index switches to IVF at this size (index/vectors.py).", "",
                  "| what | figure | target |", "| --- | --- | --- |",
                  f"| build without encoding (parse, chunk, IVF training, write) | {f(y['build_s_without_encoding'], 0)} s | |",
                  *([f"| search arrays stored after it | {f(y['prepare_s'])} s | |"] if "prepare_s" in y else []),
                  f"| serving process: start (index load + engine) | {f(y['serve']['start_s'])} s | |",
                  f"| warm p50 / p95 | **{f(y['serve']['latency']['p50_ms'], 1)} ms** / {f(y['serve']['latency']['p95_ms'], 1)} ms | p50 ≤ 25 ms |",
                  f"| RSS of the serving process | {f(y['serve']['rss_serving_mb'], 0)} MB | |",
                  f"| bytes per chunk: on disk / in memory | {f(y['serve']['disk_bytes_per_chunk'], 0)} / "
                  f"{f(y['serve']['memory_bytes_per_chunk'], 0)} | |", ""]
        if "bench-latency.png" in made:
            L += ["![latency against corpus size](bench-latency.png)", ""]
        if "bench-build.png" in made:
            L += ["![build throughput against the floor](bench-build.png)", ""]
        beside = x["serve"].get("beside_index_mb", {})
        if beside:
            L += ["Beside the generations, once per index folder: " +
                  ", ".join(f"{k} {f(v, 1)} MB" for k, v in sorted(beside.items())) + ".", ""]
    import indexing

    L += indexing.render(r.get("indexing"), docs)
    L += _startup(r.get("startup"))
    v = r.get("vectors")
    if v:
        L += ["## The vector part alone", "",
              f"Vectors drawn around {v['origins']} real chunk embeddings (bench/vector_bench.py), 200 queries drawn",
              f"the same way, recall@10 against exact search, one query at a time (load {v['load']}).", "",
              "| vectors | index | build | p50 | p95 | recall@10 | memory |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for row in v["rows"]:
            L.append(f"| {row['n']:,} | {row['index']} | {f(row['build_s'], 1)} s | {f(row['p50_ms'])} ms | {f(row['p95_ms'])} ms | "
                     f"{f(row['recall10'], 3)} | {f(row['memory_mb'], 0)} MB |")
        L += ["", "The project searches exactly (numpy over the memory-mapped matrix) up to 50,000 chunks and",
              "switches to IVF above: an update re-assigns vectors to the previous centroids (deletions",
              "and additions alike) instead of rebuilding a graph, which HNSW would need on every",
              "deletion.", ""]
    (docs / "benchmarks.md").write_text("\n".join(L).rstrip() + "\n", encoding="utf-8")

"""`minutes`: index the corpus, ask questions, serve the Slack bot.

Settings are read here, once, and passed down. This is the one place the CLI turns errors
into messages: a MinutesError is one line on stderr and exit status 2."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date

from index.errors import ConfigError, MinutesError

from .render_text import render_text
from .settings import Settings, load_settings

EXIT_ERROR = 2


def _service(settings: Settings):
    from index.embed import LazyEmbedder

    from .service import MinutesService

    return MinutesService(settings.corpus_dir, settings.index_dir, LazyEmbedder(settings.embedding_model, index_dir=settings.index_dir),
                          watch_interval=settings.watch_interval)


def _progress_bar():
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="chunk", desc="embedding", file=sys.stderr)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return progress


def cmd_index(args, settings: Settings) -> int:
    from index.build import update_index
    from index.embed import LazyEmbedder

    report = update_index(settings.corpus_dir, settings.index_dir, LazyEmbedder(settings.embedding_model, index_dir=settings.index_dir),
                          rebuild=args.rebuild, progress=_progress_bar())
    # So the first question neither builds the lexicons (0.7 s) nor re-tokenises every chunk.
    from .prepared import prepare_index
    from .translate import write_cache

    write_cache(settings.index_dir)
    if report.chunks:
        prepare_index(settings.index_dir)
    if args.json:
        print(json.dumps(report.to_json_dict(), ensure_ascii=False))
    else:
        print(f"indexed {report.meetings} meetings, {report.chunks} chunks "
              f"(added {len(report.added)}, updated {len(report.updated)}, removed {len(report.removed)}, "
              f"unchanged {report.unchanged}{', reparsed ' + str(report.reparsed) if report.reparsed else ''}; "
              f"embedded {report.chunks_embedded} chunks)")
    for s in report.skipped:
        print(f"skipped {s['file']}: {s['reason']}", file=sys.stderr)
    return 0


def _parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--today: expected a date as YYYY-MM-DD, got {value!r}") from None


def cmd_ask(args, settings: Settings) -> int:
    today = _parse_today(args.today)
    if not args.question.strip():
        raise ConfigError("ask: the question is empty (use - to read questions from stdin)")
    service = _service(settings)
    engine = service.engine()
    if args.question == "-":
        # One question per line, one JSON object per line: the model is loaded once.
        for line in sys.stdin:
            q = line.strip()
            if not q:
                continue
            answer = engine.ask(q, today=today)
            print(json.dumps(answer.to_json_dict(), ensure_ascii=False) if args.json else render_text(answer), flush=True)
        return 0
    answer = engine.ask(args.question, today=today)
    if args.json:
        print(json.dumps(answer.to_json_dict(), ensure_ascii=False))
    else:
        sys.stdout.write(render_text(answer))
    return 0


def cmd_status(args, settings: Settings) -> int:
    from index.store import load_index

    # The snapshot alone: building the engine (BM25, lexicon) would only slow this down.
    snapshot = load_index(settings.index_dir)  # no index: the same line as `ask`
    snapshot.check_model(settings.embedding_model)
    status = snapshot.status()
    if args.json:
        print(json.dumps(status.to_json_dict(), ensure_ascii=False))
    else:
        span = f"{status.first_date} to {status.last_date}" if status.first_date else "no dates"
        print(f"{status.meetings} meetings ({span}), {status.chunks} chunks, "
              f"last update {status.updated_at or 'never'}, model {status.model}")
    return 0


def _print_rows(rows: list[dict], as_json: bool, fmt) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        print(fmt(row))


def _iso_arg(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConfigError(f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None


def cmd_decisions(args, settings: Settings) -> int:
    from index.store import load_index

    from . import registers

    snapshot = load_index(settings.index_dir)
    rows = registers.decisions(snapshot.meetings.values(), since=_iso_arg("--since", args.since),
                               until=_iso_arg("--until", args.until), meeting=_iso_arg("--meeting", args.meeting))
    _print_rows(rows, args.json, lambda r: f"{r['meeting_date'] or '(undated)'}  {r['outcome']:<13} "
                                          f"{' '.join(r['text'].split())}  [{r['source']}]")
    return 0


def cmd_actions(args, settings: Settings) -> int:
    from index.store import load_index

    from . import registers

    snapshot = load_index(settings.index_dir)
    today = _parse_today(args.today) or date.today()
    rows = registers.actions(snapshot.meetings.values(), today=today, open_only=args.open, owner=args.owner)
    _print_rows(rows, args.json, lambda r: f"{r['meeting_date'] or '(undated)'}  {r['status']:<8} "
                                          f"{', '.join(r['owners']) or '-'}: {' '.join(r['task'].split())}"
                                          f"{'  due ' + r['due'] if r['due'] else ''}  [{r['source']}]")
    return 0


def cmd_serve(args, settings: Settings) -> int:
    from .slack.server import serve

    service = _service(settings)
    return serve(settings, service) or 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="minutes", description="Answers questions about meeting minutes, with verbatim quotes.")
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("index", help="index new, changed and deleted files of the corpus")
    pi.add_argument("--rebuild", action="store_true", help="start over instead of updating")
    pi.add_argument("--json", action="store_true", help="print a JSON summary")
    pi.set_defaults(func=cmd_index)

    pa = sub.add_parser("ask", help="ask a question (use - to read one question per line from stdin)")
    pa.add_argument("question")
    pa.add_argument("--json", action="store_true", help="print the answer as JSON")
    pa.add_argument("--today", help="resolve 'next meeting' against this date (YYYY-MM-DD)")
    pa.set_defaults(func=cmd_ask)

    ps = sub.add_parser("status", help="what the index holds")
    ps.add_argument("--json", action="store_true")
    ps.set_defaults(func=cmd_status)

    pd = sub.add_parser("decisions", help="the decision register, newest first")
    pd.add_argument("--since", help="only meetings on or after this date (YYYY-MM-DD)")
    pd.add_argument("--until", help="only meetings on or before this date (YYYY-MM-DD)")
    pd.add_argument("--meeting", help="only the meeting of this date (YYYY-MM-DD)")
    pd.add_argument("--json", action="store_true", help="one JSON object per line")
    pd.set_defaults(func=cmd_decisions)

    pc = sub.add_parser("actions", help="the action items, newest first")
    pc.add_argument("--open", action="store_true", help="only those still open")
    pc.add_argument("--owner", help="only those of this person or body")
    pc.add_argument("--today", help="judge open/overdue against this date (YYYY-MM-DD)")
    pc.add_argument("--json", action="store_true", help="one JSON object per line")
    pc.set_defaults(func=cmd_actions)

    pv = sub.add_parser("serve", help="run the Slack bot")
    pv.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        return args.func(args, settings)
    except MinutesError as e:
        print(f"minutes: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as e:  # an index folder that is a file, a full disk, ...
        where = f": {e.filename}" if e.filename else ""
        print(f"minutes: error: {e.strerror or e}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""`minutes`: index the corpus, ask questions, serve the Slack bot.

Settings are read here, once, and passed down. This is the one place the CLI turns errors
into messages: a MinutesError is one line on stderr and exit status 2."""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys

from index.collections import DEFAULT
from index.errors import ConfigError, MinutesError

from .cli_registers import cmd_actions, cmd_decisions, parse_today
from .settings import Settings, load_settings

EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command whose reader left


def _service(settings: Settings):
    from index.embed import LazyEmbedder

    from .service import MinutesService

    # One onnxruntime thread: a running bot's update must leave its questions a core.
    return MinutesService(settings.corpus_dir, settings.index_dir, LazyEmbedder(settings.embedding_model),
                          watch_interval=settings.watch_interval)


def cmd_index(args, settings: Settings) -> int:
    import time

    from index.build import build_generation
    from index.embed import LazyEmbedder

    from .progress import terminal_progress

    from index.errors import WouldDropMeetings

    started = time.monotonic()

    def update(prune: bool):
        return build_generation(settings.corpus_dir, settings.index_dir,
                                LazyEmbedder(settings.embedding_model, threads=settings.encode_threads()),
                                rebuild=args.rebuild, prune=prune, progress=terminal_progress(json_output=args.json))

    try:
        report = update(args.prune)
    except WouldDropMeetings as e:
        if not _confirm_drop(e, args):
            raise
        report = update(True)
    if args.json:
        print(json.dumps(report.to_json_dict(), ensure_ascii=False))
    else:
        print(f"indexed {report.meetings} meetings, {report.chunks} chunks "
              f"(added {len(report.added)}, updated {len(report.updated)}, removed {len(report.removed)}, "
              f"unchanged {report.unchanged}{', reparsed ' + str(report.reparsed) if report.reparsed else ''}; "
              f"embedded {report.chunks_embedded} chunks) in {time.monotonic() - started:.0f} s")
    for s in report.skipped:
        print(f"skipped {s['file']}: {s['reason']}", file=sys.stderr)
    for n in report.notes:
        print(f"note {n['file']}: {n['note']}", file=sys.stderr)
    for p in report.partial:
        print(f"parsed in part {p['file']}: {p['step']} failed ({p['reason']})", file=sys.stderr)
    return 0


def _confirm_drop(e, args) -> bool:
    """Ask before dropping most of the index, when someone is at the terminal to answer."""
    if args.json or not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    print(f"minutes: {e}", file=sys.stderr)
    for source in e.sources[:20]:
        print(f"  would drop {source}", file=sys.stderr)
    if len(e.sources) > 20:
        print(f"  ...and {len(e.sources) - 20} more", file=sys.stderr)
    try:
        reply = input(f"Drop these {len(e.sources)} meetings from the index? [y/N] ")
    except EOFError:
        return False
    return reply.strip().lower() in ("y", "yes", "j", "ja")


def cmd_ask(args, settings: Settings) -> int:
    from .cli_input import from_argument, from_stdin
    from .redact import for_people
    from .render_text import render_text  # not on `minutes index`'s path

    today = parse_today(args.today)
    if not args.question.strip():
        raise ConfigError("ask: the question is empty (use - to read questions from stdin)")
    service = _service(settings)
    engine = service.engine()
    warnings = _corpus_warnings(settings, engine.snapshot)
    scope = engine.catalogue.resolve(args.collection)

    def show(answer, typed) -> str:
        note = typed.note(answer.language)
        if note:
            answer.notes.append(note)
        if not args.json:  # for a person: personal data masked (MINUTES_REDACT); the JSON is verbatim
            return for_people(render_text(answer, ansi=sys.stdout.isatty()), answer.language, settings.redact)
        answer.warnings[:0] = warnings  # on stderr too, once
        return json.dumps(answer.to_json_dict(), ensure_ascii=False)

    if args.question == "-":
        # One question per line, one JSON object per line, whatever a line holds: the model is
        # loaded once. With --followups each line is read in the context of the one before.
        context, failed = None, 0
        for typed in from_stdin(sys.stdin):
            try:
                answer, new = _converse(service, typed.text, context if args.followups else None, today, scope)
            except MinutesError as e:  # this question failed (the index went, say); the next may not
                failed = EXIT_ERROR
                _line_failed(args, typed.text, str(e), _error_type(e))
                continue
            context = new or context
            print(show(answer, typed), flush=True)
        return failed
    typed = from_argument(args.question)
    print(show(_converse(service, typed.text, None, today, scope)[0], typed), end="" if not args.json else "\n")
    return 0


def _converse(service, question: str, context, today, scope):
    """Through the service's one entry, as Slack asks; the corpus warning is said once, above."""
    answer, kept = service.converse(question, context, today=today, collections=scope)
    answer.warnings.clear()
    return answer, kept


def _line_failed(args, question: str, message: str, kind: str) -> None:
    """A question of a batch that failed: said on stderr, and as its JSON line under --json."""
    print(f"minutes: error: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps({"question": question, "error": message, "type": kind}, ensure_ascii=False), flush=True)


def _corpus_warnings(settings: Settings, snapshot) -> list[str]:
    """A corpus folder gone (an unmounted share): said on stderr, and returned for the JSON."""
    from index.corpus_state import corpus_warning

    warning = corpus_warning(settings.corpus_dir, len(snapshot.meetings), snapshot.params.get("built_at"))
    if warning is None:
        return []
    print(f"minutes: warning: {warning}", file=sys.stderr)
    return [warning]


def cmd_status(args, settings: Settings) -> int:
    from index.store import load_index

    # The snapshot alone: building the engine (BM25, lexicon) would only slow this down.
    snapshot = load_index(settings.index_dir)  # no index: the same line as `ask`
    snapshot.check_model(settings.embedding_model)
    status = snapshot.status()
    from index.corpus_state import corpus_state

    from index.profile import load_profile

    from .collections import Catalogue

    warnings = _corpus_warnings(settings, snapshot)
    profile = load_profile(settings.corpus_dir)
    catalogue = Catalogue(snapshot.meetings, profile)
    status.collections = [c.to_json_dict() for c in catalogue.collections]
    state = corpus_state(settings.corpus_dir)
    read = profile.summary(snapshot.params.get("profile", ""))
    if args.json:
        print(json.dumps({**status.to_json_dict(), "corpus_dir": str(settings.corpus_dir), "profile": read,
                          "corpus_state": state, "index_dir": str(settings.index_dir), "warnings": warnings},
                         ensure_ascii=False))
    else:
        span = f"{status.first_date} to {status.last_date}" if status.first_date else "no dates"
        print(f"corpus {settings.corpus_dir}{'' if state == 'ok' else f' ({state})'}, "
              f"index {settings.index_dir} (MINUTES_CORPUS_DIR, MINUTES_INDEX_DIR)")
        print(f"{status.meetings} meetings ({span}), {status.chunks} chunks, "
              f"last update {status.updated_at or 'never'}, model {status.model}")
        if read["file"]:
            parts = ", ".join(f"{n} {what}" for what, n in read["tables"].items() if n) or "nothing this version reads"
            stale = "; its LaTeX macros changed since the index was built: run `minutes index`" if read["stale"] else ""
            print(f"organisation profile: {read['file']} ({parts}){stale}")  # none: no line (JSON: null)
        if len(catalogue.collections) > 1 or any(c.folder != DEFAULT for c in catalogue.collections):
            print(f"{len(catalogue.collections)} collections:")
            for c in catalogue.collections:
                named = f" ({c.name})" if c.name != c.folder else ""
                print(f"  {c.folder}{named}: {c.meetings} meetings")
        if status.skipped:
            print(f"{_files(len(status.skipped))} not indexed:")
            for s in status.skipped:
                print(f"  {s['file']}: {s['reason']}")
        if status.notes:
            print(f"{_files(len(status.notes))} read by content, not by extension:")
            for n in status.notes:
                print(f"  {n['file']}: {n['note']}")
        if status.partial:
            print(f"{_files(len({p['file'] for p in status.partial}))} parsed in part (the rest of each is indexed):")
            for p in status.partial:
                print(f"  {p['file']}: {p['step']} failed ({p['reason']})")
    return 0


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def cmd_serve(args, settings: Settings) -> int:
    from .slack.server import serve

    service = _service(settings)
    return serve(settings, service) or 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("minutes")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str):
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """Raises instead of exiting, so main() can report a usage error under --json as JSON too."""

    def error(self, message: str):
        raise _UsageError(self, message)


def _print_json_error(message: str, kind: str) -> None:
    print(json.dumps({"error": message, "type": kind}, ensure_ascii=False), flush=True)


def _epilog(names: list[str], more: str) -> str:
    import textwrap

    listed = textwrap.fill(", ".join(names), width=88, initial_indent="  ", subsequent_indent="  ")
    return f"settings (environment variables, or a .env file in the working folder):\n{listed}\n\n{textwrap.fill(more, 88)}"


def build_parser() -> argparse.ArgumentParser:
    from .settings import setting_names

    p = _Parser(prog="minutes", description="Answers questions about meeting minutes, with verbatim quotes.",
                formatter_class=argparse.RawDescriptionHelpFormatter,
                epilog=_epilog(setting_names(slack=False), "What each one means: README.md, \"Settings\". "
                               "The Slack bot (`minutes serve`): docs/slack.md."))
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("index", help="index new, changed and deleted files of the corpus")
    pi.add_argument("--rebuild", action="store_true", help="start over instead of updating")
    pi.add_argument("--json", action="store_true", help="print a JSON summary")
    pi.add_argument("--prune", action="store_true",
                    help="drop the meetings of missing files even when that is more than half of the index")
    pi.set_defaults(func=cmd_index)

    pa = sub.add_parser("ask", help="ask a question (use - to read one question per line from stdin)")
    pa.add_argument("question")
    pa.add_argument("--json", action="store_true", help="print the answer as JSON")
    pa.add_argument("--today", help="resolve 'next meeting' against this date (YYYY-MM-DD)")
    pa.add_argument("--collection", action="append", default=[], metavar="NAME",
                    help="answer from this collection only (a corpus folder, its name or alias; repeatable)")
    pa.add_argument("--followups", action="store_true",
                    help="with -: read each question as a follow-up of the one before ('och 2016?')")
    pa.set_defaults(func=cmd_ask)

    ps = sub.add_parser("status", help="what the index holds")
    ps.add_argument("--json", action="store_true")
    ps.set_defaults(func=cmd_status)

    pd = sub.add_parser("decisions", help="the decision register, newest first")
    pd.add_argument("--since", help="only meetings on or after this date (YYYY-MM-DD)")
    pd.add_argument("--until", help="only meetings on or before this date (YYYY-MM-DD)")
    pd.add_argument("--meeting", help="only the meeting of this date (YYYY-MM-DD)")
    pd.add_argument("--collection", action="append", default=[], metavar="NAME",
                    help="only this collection's meetings (repeatable)")
    pd.add_argument("--business", action="store_true",
                    help="leave out the formalities (quorum, agenda approved, adjusters elected, meeting opened/closed)")
    pd.add_argument("--json", action="store_true", help="one JSON object per line")
    pd.set_defaults(func=cmd_decisions)

    pc = sub.add_parser("actions", help="the action items, newest first")
    pc.add_argument("--open", action="store_true", help="only those still open")
    pc.add_argument("--owner", help="only those of this person or body")
    pc.add_argument("--today", help="judge open/overdue against this date (YYYY-MM-DD)")
    pc.add_argument("--collection", action="append", default=[], metavar="NAME",
                    help="only this collection's meetings (repeatable)")
    pc.add_argument("--json", action="store_true", help="one JSON object per line")
    pc.set_defaults(func=cmd_actions)

    pv = sub.add_parser("serve", help="run the Slack bot (docs/slack.md)",
                        description="Runs the Slack bot: Socket Mode with SLACK_APP_TOKEN, else HTTP on MINUTES_PORT.",
                        formatter_class=argparse.RawDescriptionHelpFormatter,
                        epilog=_epilog(setting_names(slack=True), "docs/slack.md takes you from nothing to a working "
                                       "bot in your workspace (the app manifest is slack-manifest.yaml); README.md, "
                                       "\"Settings\", says what each setting means."))
    pv.set_defaults(func=cmd_serve)
    return p


def _error_type(e: BaseException) -> str:
    """"IndexMissing" -> "index_missing": the `type` of a JSON error, for scripts to branch on."""
    name = type(e).__name__.rstrip("_")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _fail(args, message: str, kind: str) -> int:
    print(f"minutes: error: {message}", file=sys.stderr)
    if getattr(args, "json", False):  # scripts read stdout: give them the error there too
        _print_json_error(message, kind)
    return EXIT_ERROR


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as e:
        e.parser.print_usage(sys.stderr)
        print(f"{e.parser.prog}: error: {e}", file=sys.stderr)
        if "--json" in argv:
            _print_json_error(f"{e.parser.prog}: {e}", "usage")
        return EXIT_ERROR
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        return args.func(args, settings)
    except MinutesError as e:
        return _fail(args, str(e), _error_type(e))
    except BrokenPipeError:
        # `minutes index --json | head`: the reader left. Nothing more to say to it (Python's
        # documented way, so the interpreter's final flush does not fail again).
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # a stdout without a file descriptor: nothing to flush into
            pass
        return EXIT_BROKEN_PIPE
    except OSError as e:  # an index folder that is a file, a full disk, ...
        where = f": {e.filename}" if e.filename else ""
        return _fail(args, f"{e.strerror or e}{where}", "os_error")
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

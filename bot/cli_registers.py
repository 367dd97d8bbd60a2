"""The register commands of `minutes`: `decisions` and `actions` (bot/registers.py), with the
helpers they share with the rest of the CLI (dates given as arguments, `--collection`)."""
from __future__ import annotations

import json
from datetime import date

from index.errors import ConfigError

from .settings import Settings


def parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--today: expected a date as YYYY-MM-DD, got {value!r}") from None


def catalogue(settings: Settings, snapshot):
    """The index's collections named as the organisation profile (minutes.toml) names them."""
    from index.profile import load_profile

    from .collections import Catalogue

    return Catalogue(snapshot.meetings, load_profile(settings.corpus_dir))


def _scoped_meetings(settings: Settings, snapshot, names: list[str] | None):
    """The meetings of the collections `--collection` names (all without it)."""
    from index.collections import in_collections

    if not names:
        return list(snapshot.meetings.values())
    scope = catalogue(settings, snapshot).resolve(names)
    return [m for m in snapshot.meetings.values() if in_collections(m.source, scope)]


def _print_rows(rows: list[dict], as_json: bool, fmt, snapshot, redact: bool) -> None:
    """One line per row: JSON (verbatim, for scripts), or ``fmt(row)`` for a person, with personal
    data masked in the language of the row's minutes unless MINUTES_REDACT is off."""
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    from .redact import for_people

    for row in rows:
        m = snapshot.meetings.get(row["source"])
        lang = m.language if m is not None and m.language in ("en", "sv") else "en"
        print(for_people(fmt(row), lang, redact))


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
    rows = registers.decisions(_scoped_meetings(settings, snapshot, args.collection), since=_iso_arg("--since", args.since),
                               until=_iso_arg("--until", args.until), meeting=_iso_arg("--meeting", args.meeting),
                               business=args.business)
    _print_rows(rows, args.json, lambda r: f"{r['meeting_date'] or '(undated)'}  {r['outcome']:<13} "
                                          f"{r['text']}  [{r['source']}]", snapshot, settings.redact)
    return 0


def cmd_actions(args, settings: Settings) -> int:
    from index.store import load_index

    from . import registers

    snapshot = load_index(settings.index_dir)
    today = parse_today(args.today) or date.today()
    rows = registers.actions(_scoped_meetings(settings, snapshot, args.collection), today=today,
                             open_only=args.open, owner=args.owner)
    _print_rows(rows, args.json, registers.action_line, snapshot, settings.redact)
    return 0

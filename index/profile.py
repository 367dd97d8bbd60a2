"""The organisation profile: an optional ``minutes.toml`` in the corpus folder, read with the
standard TOML reader. It is not a minutes file (the index reads only .txt, .md, .tex, .html,
.docx and .pdf) and is read again whenever the bot or the CLI loads an index.

Each table names what it describes; today there is one:

    [collections.styrelsen]            # the folder corpus/styrelsen/
    name = "Styrelsen"                 # the display name (default: the folder name)
    aliases = ["the board", "styrelsen", "styrelsemötet"]   # how questions may name it

    [collections.default]              # the files at the top of the corpus folder
    name = "Föreningen"

Unknown tables and keys are left for other readers (and ignored here). A file that is not
valid TOML, or a value of the wrong type, is a one-line ConfigError naming the file and key."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILENAME = "minutes.toml"


@dataclass(frozen=True)
class CollectionProfile:
    name: str | None = None  # the display name
    aliases: tuple[str, ...] = ()  # other ways a question names the body


@dataclass(frozen=True)
class Profile:
    collections: dict[str, CollectionProfile] = field(default_factory=dict)  # folder name -> profile


def load_profile(corpus_dir: Path) -> Profile:
    """The profile in ``corpus_dir`` (an empty one when there is no minutes.toml)."""
    path = Path(corpus_dir) / FILENAME
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return Profile()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read it: {e.strerror or e}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    return Profile(collections=_collections(data.get("collections", {}), path))


def _collections(table, path: Path) -> dict[str, CollectionProfile]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [collections] must be a table of [collections.<folder>] tables")
    out = {}
    for folder, entry in table.items():
        where = f"{path}: collections.{folder}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where} must be a table (name = \"...\", aliases = [...])")
        name = entry.get("name")
        if name is not None and not (isinstance(name, str) and name.strip()):
            raise ConfigError(f"{where}.name must be a non-empty string")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ConfigError(f"{where}.aliases must be a list of non-empty strings")
        out[folder] = CollectionProfile(name=name.strip() if name else None,
                                        aliases=tuple(a.strip() for a in aliases))
    return out

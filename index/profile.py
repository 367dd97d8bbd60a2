"""The organisation profile: an optional ``minutes.toml`` in the corpus folder, read with the
standard TOML reader. It is not a minutes file (the index reads only .txt, .md, .tex, .html,
.docx and .pdf) and is read again whenever the bot or the CLI loads an index.

Each table names what it describes:

    [collections.styrelsen]            # the folder corpus/styrelsen/
    name = "Styrelsen"                 # the display name (default: the folder name)
    aliases = ["the board", "styrelsen", "styrelsemötet"]   # how questions may name it

    [collections.default]              # the files at the top of the corpus folder
    name = "Föreningen"

    [titles]                           # the organisation's own titles and abbreviations
    SAMO = "skyddsombud"               # "vem är SAMO?" asks who the skyddsombud is
    "PR-ansvarig" = "PR officer"

    [people]                           # other names of a person (handles, initials)
    "Mark Nottingham" = ["mnot", "MN"]

    [latex.macros]                     # which brace argument of a macro holds what (from 1)
    förtroendevald = { role = 1, name = 2, present = 3 }
    medlem = { name = 1 }

Only ``latex.macros`` changes how a file is parsed: its hash (:meth:`Profile.parse_key`) is
recorded with the index, and a different one makes ``minutes index`` parse every file again.
The rest is read when the bot or the CLI loads the index.

Unknown tables and keys are left for other readers (and ignored here). A file that is not
valid TOML, or a value of the wrong type, is a one-line ConfigError naming the file and key."""
from __future__ import annotations

import hashlib
import json
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


# What a LaTeX macro's brace arguments may hold (index/latex.py reads the rows).
MACRO_FIELDS = ("name", "role", "present")


@dataclass(frozen=True)
class Profile:
    collections: dict[str, CollectionProfile] = field(default_factory=dict)  # folder name -> profile
    titles: dict[str, str] = field(default_factory=dict)  # "SAMO" -> "skyddsombud"
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)  # full name -> other names
    latex_macros: dict[str, dict[str, int]] = field(default_factory=dict)  # macro -> field -> argument (1-based)
    path: Path | None = None  # the file read (None: there was none)

    def parse_key(self) -> str:
        """A hash of the parts that change how a file is parsed ("" when there are none)."""
        if not self.latex_macros:
            return ""
        raw = json.dumps(self.latex_macros, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]

    def summary(self, built_with: str) -> dict:
        """Which file was read and what it holds (`minutes status`); ``stale`` when its
        parse-time part differs from the one the index was built with (``built_with``)."""
        return {"file": str(self.path) if self.path else None,
                "tables": {"collections": len(self.collections), "titles": len(self.titles),
                           "people": len(self.people), "LaTeX macros": len(self.latex_macros)},
                "stale": self.parse_key() != built_with}


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
    latex = data.get("latex", {})
    if not isinstance(latex, dict):
        raise ConfigError(f"{path}: [latex] must be a table (with [latex.macros])")
    return Profile(collections=_collections(data.get("collections", {}), path),
                   titles=_titles(data.get("titles", {}), path),
                   people=_people(data.get("people", {}), path),
                   latex_macros=_macros(latex.get("macros", {}), path), path=path)


def _text(value, where: str) -> str:
    if not (isinstance(value, str) and value.strip()):
        raise ConfigError(f"{where} must be a non-empty string")
    return value.strip()


def _titles(table, path: Path) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [titles] must be a table of ABBREVIATION = \"what it stands for\"")
    return {_text(k, f"{path}: titles key"): _text(v, f"{path}: titles.{k}") for k, v in table.items()}


def _people(table, path: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [people] must be a table of \"Full Name\" = [\"handle\", ...]")
    out = {}
    for name, others in table.items():
        where = f"{path}: people.{name}"
        if isinstance(others, str):
            others = [others]
        if not isinstance(others, list):
            raise ConfigError(f"{where} must be a list of the person's other names")
        out[_text(name, f"{path}: people key")] = tuple(_text(o, where) for o in others)
    return out


def _macros(table, path: Path) -> dict[str, dict[str, int]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [latex.macros] must be a table of macro = {{ name = 1, ... }}")
    out = {}
    for macro, spec in table.items():
        where = f"{path}: latex.macros.{macro}"
        if not (isinstance(macro, str) and macro.isalpha()):
            raise ConfigError(f"{where}: a macro name is letters only (without the backslash)")
        if not isinstance(spec, dict) or "name" not in spec:
            raise ConfigError(f"{where} must be a table naming at least its name argument (name = 1)")
        fields = {}
        for key, n in spec.items():
            if key not in MACRO_FIELDS:
                raise ConfigError(f"{where}.{key}: unknown field (known: {', '.join(MACRO_FIELDS)})")
            if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 9:
                raise ConfigError(f"{where}.{key} must be an argument number from 1 to 9")
            fields[key] = n
        out[macro] = fields
    return out


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

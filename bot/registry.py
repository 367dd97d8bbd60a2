"""The intent registry: what intents there are, their routes, handlers and phrases.

An intent is one module (bot/intents/<name>.py) declaring its ``ROUTE`` (or ``ROUTES``; its name,
cues, rank and slots: bot/router.py), its handler ``answer`` and its ``PHRASES``. The built-in
intents are registered in one place, ``bot/intents/__init__.py`` ``INTENTS``; ``register`` adds
one more (a test, a plug-in) and the router scores it from then on.

:class:`Intent` is an intent's name, derived from this registry: ``Intent("role")`` is a
registered name (anything else is a ``ValueError``), ``list(Intent)`` the registered ones, and
``Intent.ROLE`` spells ``Intent("role")`` (an upper-case attribute is the intent of that name;
tests/test_registry.py checks that every one the code spells is registered). ``search`` (a
question no intent asks) and ``offtopic`` (a search that found nothing to go on) are the
fall-back's, always there."""
from __future__ import annotations

from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from .answer import Answer
    from .intents.view import SnapshotView
    from .question import Question
    from .router import Route

FALLBACK_NAMES = ("search", "offtopic")


_ONE: dict[str, "Intent"] = {}  # one instance per name, so ``q.intent is Intent.ROLE`` as with an Enum


class _Names(type):
    def __getattr__(cls, attr: str) -> "Intent":
        if attr.isupper() and attr.isidentifier() and not attr.startswith("_"):
            return cls.named(attr.lower())
        raise AttributeError(attr)

    def __call__(cls, name: str) -> "Intent":
        if str(name) not in names():
            raise ValueError(f"{name!r} is no registered intent (bot/intents/__init__.py INTENTS)")
        return cls.named(str(name))

    def __iter__(cls):
        return iter([cls.named(n) for n in names()])

    def __contains__(cls, name: object) -> bool:
        return name in names()


class Intent(str, metaclass=_Names):
    """What a question asks: a registered intent's name, the ``intent`` of ``ask --json``. A str,
    so ``Intent.SEARCH == "search"`` and it serialises as its name."""

    __slots__ = ()

    @classmethod
    def named(cls, name: str) -> "Intent":
        """A name as an intent before it is registered: what a route declares."""
        name = str.__str__(name)
        if name not in _ONE:
            _ONE[name] = str.__new__(cls, name)
        return _ONE[name]

    def __reduce__(self):
        return (Intent.named, (str.__str__(self),))

    def __copy__(self) -> "Intent":
        return self

    def __deepcopy__(self, memo) -> "Intent":
        return self

    @property
    def value(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Intent.{str.__str__(self).upper()}"


Handler = Callable[["Question", "SnapshotView", date, int], Optional["Answer"]]

_MODULES: dict[str, ModuleType] = {}  # name -> its module, in the order registered
_ROUTES: list["Route"] = []
HANDLERS: dict[str, Handler] = {}  # name -> its handler (the fall-back's are the engine's)
_PHRASE_KEYS: dict[str, str] = {}  # phrase key -> the intent that brought it


def _load() -> None:
    from . import intents  # noqa: F401  (registers the built-in intents)


def names() -> tuple[str, ...]:
    _load()
    return tuple(_MODULES) + FALLBACK_NAMES


def routes() -> tuple["Route", ...]:
    """Every registered intent's routes, in the order registered (what the router scores)."""
    _load()
    return tuple(_ROUTES)


def module_routes(module: ModuleType) -> tuple["Route", ...]:
    return tuple(getattr(module, "ROUTES", (module.ROUTE,)))


def register(module: ModuleType) -> str:
    """Add an intent module: its routes are scored, its handler answers, its phrases are said.
    Returns its name. An intent's name is its routes' (one name per module)."""
    from .cues import Signals
    from .phrases import PHRASES

    found = {str(r.intent) for r in module_routes(module)}
    if len(found) != 1:
        raise ValueError(f"{module.__name__}: its routes name {len(found)} intents, not one")
    name = found.pop()
    if name in _MODULES or name in FALLBACK_NAMES:
        raise ValueError(f"{module.__name__}: the intent {name!r} is already registered")
    if not callable(getattr(module, "answer", None)):
        raise ValueError(f"{module.__name__}: an intent module needs its handler, answer(q, view, today, k)")
    unknown = {c for r in module_routes(module) for c in r.cues} - Signals.names()
    if unknown:
        raise ValueError(f"{module.__name__}: no cue named {sorted(unknown)} (bot/cues.py Signals.names())")
    for key, table in getattr(module, "PHRASES", {}).items():
        if key in PHRASES:
            raise ValueError(f"{module.__name__}: the phrase {key!r} is already defined")
        PHRASES[key] = table
        _PHRASE_KEYS[key] = name
    _MODULES[name] = module
    _ROUTES.extend(module_routes(module))
    HANDLERS[name] = module.answer
    return name


def unregister(module: ModuleType) -> None:
    """Take an intent registered with ``register`` out again (its routes, handler and phrases)."""
    from .phrases import PHRASES

    name = next(n for n, m in _MODULES.items() if m is module)
    del _MODULES[name], HANDLERS[name]
    _ROUTES[:] = [r for r in _ROUTES if str(r.intent) != name]
    for key in [k for k, n in _PHRASE_KEYS.items() if n == name]:
        del PHRASES[key], _PHRASE_KEYS[key]

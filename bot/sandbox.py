"""Reading an untrusted file (a Slack upload) in a child process with a time and memory limit.

A crafted PDF can keep pypdf busy for minutes inside a single page, and a parser's memory use
cannot be capped from inside the process that runs it; a child can be killed and given an
address-space limit. Children come from a forkserver, which is safe to use from a threaded
parent (the bot) and cheap after its first start, since it has the readers imported already."""
from __future__ import annotations

import multiprocessing
import resource

from index.errors import DocumentError, UnreadableDocument
from index.loaders import load_bytes

SECONDS = 20.0
MEMORY_BYTES = 1_500_000_000  # address space of the child (Python, pypdf, python-docx and the file)

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["index.loaders", "pypdf", "docx"])


def _child(conn, data: bytes, name: str, memory: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        conn.send(("ok", load_bytes(data, name)))
    except DocumentError as e:
        conn.send(("document", (type(e).__name__, e.file, e.reason)))
    except MemoryError:
        conn.send(("document", ("UnreadableDocument", name, "file needs too much memory to read; refused")))
    except BaseException as e:  # noqa: BLE001 - whatever it is, the parent decides
        conn.send(("document", ("UnreadableDocument", name, f"cannot read file ({type(e).__name__})")))
    finally:
        conn.close()


def read_untrusted(data: bytes, name: str, *, seconds: float | None = None, memory: int | None = None) -> str:
    """``load_bytes(data, name)`` in a child process: its text, or a DocumentError naming
    ``name`` (also when the child runs out of time or memory, or dies)."""
    seconds = SECONDS if seconds is None else seconds
    memory = MEMORY_BYTES if memory is None else memory
    parent, child = _CONTEXT.Pipe(duplex=False)
    proc = _CONTEXT.Process(target=_child, args=(child, data, name, memory), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise UnreadableDocument(name, f"file takes more than {seconds:g} s to read; refused")
        try:
            kind, value = parent.recv()
        except EOFError:  # killed by the memory limit or a crash in a C extension
            raise UnreadableDocument(name, "file could not be read (the reader stopped); refused") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if kind == "ok":
        return value
    from index import errors

    cls, file, reason = value
    raise getattr(errors, cls, UnreadableDocument)(file, reason)

"""The one atomic write: a reader sees a file or folder whole, as it was before or as it is
after, never half written, and a crash at any point leaves the old one (or none) in place.

Every file is written under a temporary name beside its target, fsynced, and renamed over it;
a folder is filled under a temporary name, fsynced file by file, and renamed into place. The
index generations (index/store.py), their search arrays (index/search_arrays.py), the ONNX
encoders (index/onnx_encoder.py) and the lexicon cache (index/lexicon_cache.py) are all written
through here."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (a new file in a folder no reader sees yet), fsynced."""
    with Path(path).open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_file(path: Path, data: bytes | str, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (text is written as UTF-8). ``mode``: the
    file's permissions (a temporary file is made 0600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_folder(target: Path, fill: Callable[[Path], None], *, replace: bool = True) -> Path:
    """Make the folder ``target`` by ``fill(tmp)`` on a temporary folder beside it, then rename
    it into place (over an older ``target`` when ``replace``). Returns ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{target.name}-", dir=target.parent))
    except OSError as e:  # an unwritable folder: name it, not the random name tried in it
        raise OSError(e.errno, e.strerror, str(target.parent)) from None
    try:
        os.chmod(tmp, 0o755)  # mkdtemp makes 0700: other users (a container's) read the folder too
        fill(tmp)
        fsync_dir(tmp)
        if replace and target.exists():
            shutil.rmtree(target)
        os.rename(tmp, target)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, OSError) and e.filename is None:  # a full disk names no file: name the folder
            raise OSError(e.errno, e.strerror, str(target.parent)) from None
        raise
    fsync_dir(target.parent)
    return target

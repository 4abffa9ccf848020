"""Writing a result file safely: the place checked before any work, the file replaced in one step.

A report or an image that fails half-way never leaves a truncated file
behind, and a run that cannot write its output fails before it counts.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "check_writable"]


def check_writable(path: Path) -> None:
    """Raise ``OSError`` naming ``path`` when a file cannot be written there, before any work is done."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file name", str(path))
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "cannot write here: its folder does not exist", str(path))
    if not os.access(folder, os.W_OK):
        raise PermissionError(errno.EACCES, "cannot write here: the folder is not writable", str(path))


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

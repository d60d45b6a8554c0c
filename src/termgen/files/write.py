"""Writing user-visible files: atomically, a set of files all or none, never over an existing
file unless asked, and every problem with the output path a clear error.

Each file is first written to a hidden temporary beside its target
(`.termgen-<pid>-<token>-<n>.<name>.tmp`) and flushed to disk; only then does it take its real
name, by a rename (or, when nothing may be replaced, a hard link, which fails if the name is
taken). Files that belong together (a term sheet and its annex, with their PDFs) are written
to temporaries first, all of them, and a small journal naming each temporary and its target
is written before the first rename. A run killed before the journal leaves only hidden
temporaries; a run killed among the renames leaves a journal, and the next run that writes
into the same folder finishes the renames before it does anything else. Temporaries and
journals of a process that no longer runs are removed by that next run too.

A durable write (one a crash of the machine cannot undo) waits for the disk twice: once for
the data of every temporary and of the journal, flushed together (one thread each, so that the
file system commits them at once), and once for the folder after the renames. No flush of the
folder comes between the journal and the first rename: flushing the journal, renamed to its
name, commits that name with it on Linux's journaling file systems (ext4, XFS, Btrfs), which
also keep a folder's changes in the order they were made.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import signal
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from termgen.errors import Location, OutputError, OutputExistsError

_OURS = re.compile(r"^\.termgen-(?P<pid>\d+)-[0-9a-f]+(?:-\d+)?\.(?:.*\.tmp|pending)$")
_NAME_IN_TEMPORARY = 40
"""Characters of the target's name kept in its temporary's name, so that both fit the limit."""


def write_atomically(
    path: Path, data: bytes, *, replace: bool = False, durable: bool = True
) -> Path:
    """Write `data` to `path`; a reader sees the old file or the new one, never a part.

    `durable` also waits until the disk has the data (fsync), which a crash of the machine
    needs; the rename alone keeps the file whole if the program is killed. The interview
    saves after every answer without it, and makes its last save durable."""
    return write_together([(Path(path), data)], replace=replace, durable=durable)[0]


def write_together(
    files: Sequence[tuple[Path, bytes]], *, replace: bool = False, durable: bool = True
) -> list[Path]:
    """Write every file into one folder, all or none; nothing is written when one is in the
    way (it exists and `replace` is false, or it is a folder)."""
    targets = [Path(path) for path, _ in files]
    folder = _one_folder(targets)
    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
        recover(folder)
        for target in targets:
            _check_target(target, replace)
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        leftovers: list[Path] = []
        try:
            for number, (target, (_, data)) in enumerate(zip(targets, files, strict=True)):
                leftovers.append(_temporary(target, data, f"{token}-{number}"))
            pending = list(zip(leftovers, targets, strict=True))
            with _uninterrupted():
                if len(pending) > 1:
                    leftovers.append(_journal(folder, token, pending, replace))
                if durable:
                    _sync_files(leftovers)
                _commit(pending, replace)
            if durable:
                _sync(folder)
        finally:
            for leftover in leftovers:
                leftover.unlink(missing_ok=True)
    return targets


def check_writable(path: Path) -> None:
    """Stop now, before anything is asked or built, if `path` could not be written later."""
    folder = Path(path).parent
    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
        _check_target(Path(path), replace=True)
        _temporary(Path(path), b"", f"{os.getpid()}-{secrets.token_hex(4)}").unlink()


def recover(folder: Path) -> None:
    """Finish the writes a killed termgen left half done in `folder`, and remove its leftovers.

    Only entries of processes that no longer run are touched: a run still writing keeps its own.
    """
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return
    stale = [name for name in names if (match := _OURS.match(name)) and _gone(int(match["pid"]))]
    for name in sorted(stale, key=lambda name: not name.endswith(".pending")):
        path = folder / name
        with contextlib.suppress(OSError):
            if name.endswith(".pending"):
                _finish(folder, path)
            path.unlink(missing_ok=True)


def refuse_an_input(output: Path, inputs: Sequence[Path], suffix: str, option: str = "-o") -> None:
    """Stop before writing over a file the command reads: --force replaces an earlier output,
    never the answers or the draft it was made from. The message offers a file name for the
    `option` that names the output."""
    for source in inputs:
        if _same_file(output, source):
            instead = output.with_suffix(suffix).name
            if instead == output.name:
                instead = f"{output.stem}-new{suffix}"
            raise OutputError(
                f"is {source}, which this command reads; write to another file, for example "
                f"{option} {instead}",
                location=Location(output),
            )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:  # one of them does not exist (yet)
        return one.absolute() == other.absolute()


def refuse_to_replace(path: Path) -> OutputExistsError:
    """The error for an output file that is already there."""
    return OutputExistsError(
        "already exists; pass --force to replace it, or write to another file",
        location=Location(path),
    )


def _one_folder(targets: Sequence[Path]) -> Path:
    folders = {target.parent for target in targets}
    if len(folders) != 1:
        raise ValueError(f"files written together share one folder, not {sorted(folders)}")
    return folders.pop()


def _check_target(target: Path, replace: bool) -> None:
    if target.is_dir():
        raise OutputError(
            "is a folder; give the name of a file to write", location=Location(target)
        )
    if target.exists() and not target.is_file():
        # The rename that puts a file in place would replace the device or pipe itself:
        # `-o /dev/null --force`, run with the rights to, would leave /dev/null a plain file.
        raise OutputError(
            "is not a regular file (a device, pipe or socket); give the name of a file to write",
            location=Location(target),
        )
    if not replace and (target.exists() or target.is_symlink()):
        raise refuse_to_replace(target)


def _temporary(target: Path, data: bytes, token: str) -> Path:
    temporary = target.parent / f".termgen-{token}.{target.name[:_NAME_IN_TEMPORARY]}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return temporary


def _journal(folder: Path, token: str, pending: list[tuple[Path, Path]], replace: bool) -> Path:
    """The list of renames to come, whole under its name before the first one, for `recover`
    to finish."""
    journal = folder / f".termgen-{token}.pending"
    entries = [[temporary.name, target.name] for temporary, target in pending]
    written = _temporary(
        journal, json.dumps({"replace": replace, "files": entries}).encode(), token
    )
    written.replace(journal)
    return journal


def _commit(pending: list[tuple[Path, Path]], replace: bool) -> None:
    """Give each temporary its real name; without `replace`, undo all if one name is taken."""
    linked: list[Path] = []
    for temporary, target in pending:
        if replace:
            temporary.replace(target)
            continue
        try:
            target.hardlink_to(temporary)
        except FileExistsError:
            for done in linked:
                done.unlink(missing_ok=True)
            raise refuse_to_replace(target) from None
        linked.append(target)


def _finish(folder: Path, journal: Path) -> None:
    """Complete the renames a journal lists whose temporaries are still there.

    A journal is trusted only to give its own run's temporaries plain names in its own folder:
    one planted in a folder someone sent cannot move in or replace any other file, and one that
    cannot be read is dropped like any other leftover."""
    token = journal.name.removesuffix(".pending")
    try:
        recorded = json.loads(journal.read_text(encoding="utf-8"))
        replace = recorded["replace"] is True
        renames = [(str(temporary), str(target)) for temporary, target in recorded["files"]]
    except (ValueError, TypeError, KeyError):
        return
    for temporary_name, target_name in renames:
        if not _is_temporary_for(token, temporary_name, target_name):
            continue
        temporary, target = folder / temporary_name, folder / target_name
        if temporary.is_symlink() or not temporary.is_file():
            continue
        if replace:
            temporary.replace(target)
        elif not target.exists():
            target.hardlink_to(temporary)
        temporary.unlink(missing_ok=True)


def _is_temporary_for(token: str, temporary_name: str, target_name: str) -> bool:
    """Whether `temporary_name` is the name `_temporary` gives, in the run `token`, to a file
    for `target_name`, which must be a plain name of a file of the same folder."""
    if target_name in ("", ".", "..") or "/" in target_name or "\\" in target_name:
        return False
    expected = rf"{re.escape(token)}-\d+\.{re.escape(target_name[:_NAME_IN_TEMPORARY])}\.tmp"
    return re.fullmatch(expected, temporary_name) is not None and not _OURS.match(target_name)


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C, a hang-up or a plain kill wait until the renames are done (kill -9 cannot be
    held off: that is what the journal is for)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _gone(pid: int) -> bool:
    """Whether no process with this id runs (so its leftovers may be cleaned up)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # no such process; no such process id at all
        return True
    except OSError:  # it runs, under another user
        return False
    return False


def _sync_files(paths: Sequence[Path]) -> None:
    """Wait until the disk has every file's data, all flushed at once: one after the other,
    each flush would wait for a commit of the file system's journal of its own."""
    if len(paths) == 1:
        _sync_file(paths[0])
        return
    failures: list[OSError] = []

    def flush(path: Path) -> None:
        try:
            _sync_file(path)
        except OSError as failed:
            failures.append(failed)

    flushes = [threading.Thread(target=flush, args=(path,)) for path in paths]
    for started in flushes:
        started.start()
    for started in flushes:
        started.join()
    if failures:
        raise failures[0]


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync(folder: Path) -> None:
    """Make the folder's new names durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


_WHY = {
    errno.EACCES: "permission denied; choose another folder with -o, or change its permissions",
    errno.EPERM: "permission denied; choose another folder with -o, or change its permissions",
    errno.EROFS: "the folder is on a read-only disk; choose another folder with -o",
    errno.ENOSPC: "the disk is full; free some space or choose another folder with -o",
    errno.EDQUOT: "your disk quota is used up; free some space or choose another folder with -o",
    errno.ENOTDIR: "a file is in the way where a folder is needed; choose another path with -o",
    errno.EEXIST: "a file is in the way where a folder is needed; choose another path with -o",
    errno.EISDIR: "a folder is in the way where a file is needed; give a file name with -o",
    errno.ENAMETOOLONG: "the name is too long for the file system; choose a shorter one",
}


@contextlib.contextmanager
def _writing(folder: Path) -> Iterator[None]:
    """Any failure of the file system while writing into `folder` as a located user error."""
    try:
        yield
    except OSError as failed:
        where = Path(failed.filename) if isinstance(failed.filename, str) else folder
        if _OURS.match(where.name):
            where = where.parent
        why = _WHY.get(failed.errno or 0, f"{failed.strerror or failed}; choose another folder")
        raise OutputError(f"cannot write here: {why}", location=Location(where)) from None

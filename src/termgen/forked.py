"""Work shared with a forked copy of this process, so that a short command uses a second core.

`in_parallel(work, items, cache)` gives `[work(item) for item in items]`. Where the machine
has a core to spare and this process can fork safely (POSIX, one thread: a lock another thread
held at the fork would stay locked in the copy), the first item is done in a child process
while this one does the rest. The child only ever saves time: if it fails in any way, its item
is done here after all, so an error is raised here as it always was. What the child adds to
the cache comes back with its result, to be saved with the rest.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, NoReturn, TypeVar

from termgen.cache import Cache

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")


def in_parallel(work: Callable[[T], R], items: Sequence[T], cache: Cache | None) -> list[R]:
    """`[work(item) for item in items]`, the first item in a child process where that helps."""
    if len(items) < 2 or not can_fork():
        return [work(item) for item in items]
    child = _Child.start(lambda: work(items[0]), cache)
    try:
        rest = [work(item) for item in items[1:]]
    except BaseException:
        child.abandon()
        raise
    delivered = child.result(cache)
    return [delivered[0] if delivered else work(items[0]), *rest]


def started(work: Callable[[], R]) -> Future[R]:
    """`work()` begun now in a child process, while this one goes on (in a thread where this
    process cannot fork). As with `in_parallel`, a child that fails in any way has its work
    done here after all (in the thread that waits for it), so errors are raised as always."""
    # Imported here: concurrent.futures imports logging, which drafting never needs.
    from concurrent.futures import Future, ThreadPoolExecutor

    if not can_fork():
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termgen")
        running = runner.submit(work)
        runner.shutdown(wait=False)
        return running
    child = _Child.start(work, None)
    result: Future[R] = Future()

    def collect() -> None:
        delivered = child.result(None)
        try:
            result.set_result(delivered[0] if delivered else work())
        except BaseException as error:
            result.set_exception(error)

    threading.Thread(target=collect, name="termgen-child", daemon=True).start()
    return result


def can_fork() -> bool:
    """Whether forking is available, safe here, and has a second core to run on."""
    cores = getattr(os, "sched_getaffinity", None)
    spare = len(cores(0)) > 1 if cores else (os.cpu_count() or 1) > 1
    return hasattr(os, "fork") and spare and threading.active_count() == 1


class _Child(Generic[R]):
    """A forked process computing one result, which it sends back through a pipe."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe

    @classmethod
    def start(cls, compute: Callable[[], R], cache: Cache | None) -> _Child[R]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _run_child(compute, cache, write_end)
        os.close(write_end)
        return cls(pid, read_end)

    def result(self, cache: Cache | None) -> list[R]:
        """[its result], or [] when the child did not deliver one."""
        with os.fdopen(self.pipe, "rb") as pipe:
            sent = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if status != 0:
            return []
        try:
            value, entries = pickle.loads(sent)
        except Exception:  # a value this process cannot read back: compute it here
            return []
        if cache is not None:
            for key, pickled in entries.items():
                cache.keep(key, pickled)
        return [value]

    def abandon(self) -> None:
        """End the child: its result is no longer wanted."""
        os.kill(self.pid, signal.SIGKILL)
        os.close(self.pipe)
        os.waitpid(self.pid, 0)


def _run_child(compute: Callable[[], R], cache: Cache | None, pipe: int) -> NoReturn:
    status = 1
    try:
        if cache is not None:
            cache.forked()
        value = compute()
        entries = cache.unsaved() if cache is not None else {}
        with os.fdopen(pipe, "wb") as sending:
            sending.write(pickle.dumps((value, entries), protocol=pickle.HIGHEST_PROTOCOL))
        status = 0
    finally:
        # Straight out: no atexit handlers, no flushing of buffers the parent also holds.
        os._exit(status)

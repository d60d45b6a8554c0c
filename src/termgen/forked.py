"""Work shared with a forked copy of this process, so that a short command uses a second core.

`in_parallel(work, items, cache)` gives `[work(item) for item in items]`,
`alongside(first, second, cache)` gives `(first(), second())` and `shared_out(work, count)`
gives `[work(number) for number in range(count)]`. Where the machine has a core to
spare and this process can fork safely (POSIX, one thread: a lock another thread held at the
fork would stay locked in the copy), the first item (the first work) is done in a child process
while this one does the rest. The child only ever saves time. A user's error it meets
(a `TermgenError`: a draft that takes too long to read, a cue that backtracks) comes back and
is raised here, as it would have been; a child stopped by a signal (out of memory, a crash in
PDFium) raises `ProcessStoppedError` here. Neither is tried again in this process: that took
as long again, or would stop termgen itself. If the child fails in any other way (a bug, a
result it cannot send), its work is done here after all, so the error is raised here as it
always was. What the child adds to the cache comes back with its result, to be saved with the
rest.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Generic, NoReturn, Protocol, TypeVar

if TYPE_CHECKING:
    from termgen.cache import Cache

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")
R_co = TypeVar("R_co", covariant=True)


class Running(Protocol[R_co]):
    """Work begun elsewhere (a `concurrent.futures.Future` is one)."""

    def done(self) -> bool: ...
    def result(self, timeout: float | None = None) -> R_co: ...


def in_parallel(work: Callable[[T], R], items: Sequence[T], cache: Cache | None) -> list[R]:
    """`[work(item) for item in items]`, the first item in a child process where that helps."""
    if len(items) < 2:
        return [work(item) for item in items]
    first, rest = alongside(
        lambda: work(items[0]), lambda: [work(item) for item in items[1:]], cache
    )
    return [first, *rest]


def alongside(first: Callable[[], R], second: Callable[[], S], cache: Cache | None) -> tuple[R, S]:
    """`(first(), second())`, `first` in a child process while this one does `second`, where
    that helps."""
    if not can_fork():
        return first(), second()
    child = _Child.start(first, cache)
    try:
        mine = second()
    except BaseException:
        child.abandon()
        raise
    delivered = child.result(cache)
    return (delivered[0] if delivered else first()), mine


def shared_out(work: Callable[[int], R], count: int) -> list[R]:
    """`[work(number) for number in range(count)]`, the numbers taken in turns by this process
    and a forked copy where that helps: each takes the next number from a pipe once it is done
    with the last, so that neither waits while work is left, however the items' costs vary.
    The numbers a copy took and did not deliver (it failed other than with a user's error or
    a signal, see above) are done here after it has gone, so an error is raised here as it
    always was."""
    if not 1 < count <= MOST_SHARED or not can_fork():
        return [work(number) for number in range(count)]
    tokens, filling = os.pipe()
    try:
        # Closed once full, the pipe reads as ended when its tokens are all taken.
        send(filling, b"".join(number.to_bytes(_TOKEN_BYTES, "little") for number in range(count)))
        theirs, mine = alongside(partial(_taken, work, tokens), partial(_taken, work, tokens), None)
    finally:
        os.close(tokens)
    done = {**theirs, **mine}
    return [done[number] if number in done else work(number) for number in range(count)]


_TOKEN_BYTES = 2
MOST_SHARED = 2048
"""Tokens that fit in any pipe's buffer (a page of memory at the least) before it is read."""


def _taken(work: Callable[[int], R], tokens: int) -> dict[int, R]:
    """`work` done on each number taken from the pipe, until none is left."""
    done = {}
    while token := os.read(tokens, _TOKEN_BYTES):
        number = int.from_bytes(token, "little")
        done[number] = work(number)
    return done


def started(work: Callable[[], R]) -> Running[R]:
    """`work()` begun now in a child process, while this one goes on (in a thread where this
    process cannot fork). As with `in_parallel`, the child's error is raised when its result is
    asked for, and a child that failed otherwise has its work done here then.

    No thread waits for the child: this process stays single-threaded, free to fork again."""
    if not can_fork():
        # Imported here: concurrent.futures imports logging, which drafting never needs.
        from concurrent.futures import ThreadPoolExecutor

        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termgen")
        running = runner.submit(work)
        runner.shutdown(wait=False)
        return running
    return _Awaited(_Child.start(work, None), work)


def standing_by(ready: Callable[[], object], work: Callable[[bytes], R]) -> Standby[R]:
    """A child process forked now to do `work(data)` once it is given the data (`give`); until
    then it does `ready()`, such as importing what `work` needs, while this process goes on.
    Where this process cannot fork, `give` starts the work as `started` does."""
    return Standby(_Child.start_waiting(ready, work) if can_fork() else None, work)


class Standby(Generic[R]):
    """A child process waiting for the data of its work (see `standing_by`)."""

    def __init__(self, child: tuple[_Child[R], int] | None, work: Callable[[bytes], R]) -> None:
        self._child = child
        self._work = work

    def give(self, data: Callable[[], bytes]) -> Running[R]:
        """`work(data())` under way: `data()` is called here and its bytes sent to the child.

        As with `started`, the child's error is raised when the result is asked for (a child
        that failed otherwise has its work done here then); a `data()` that raises is called
        again then, and its error raised where the work's own errors are.
        """
        if self._child is None:
            return started(lambda: self._work(data()))
        child, orders = self._child
        try:
            given = data()
        except Exception:
            os.close(orders)  # the child reads no data, and ends
            return _Awaited(child, lambda: self._work(data()))
        send(orders, len(given).to_bytes(_SIZE_BYTES, "little"), given)
        return _Awaited(child, partial(self._work, given))


def send(pipe: int, *parts: bytes) -> None:
    """The parts down a pipe, which is then closed; no more once the reader has gone."""
    try:
        for part in parts:
            pending = memoryview(part)
            while pending:
                pending = pending[os.write(pipe, pending) :]
    except BrokenPipeError:
        pass  # the child has ended: its work is done here when the result is asked for
    finally:
        os.close(pipe)


def _given(ready: Callable[[], object], work: Callable[[bytes], R], orders: int) -> R:
    """In the child: `ready()`, then `work` on the data sent (without it, an error: this
    process ends, as a child whose work is not wanted)."""
    ready()
    with os.fdopen(orders, "rb") as pipe:
        header = pipe.read(_SIZE_BYTES)
        size = int.from_bytes(header, "little")
        data = pipe.read(size)
    if len(header) != _SIZE_BYTES or len(data) != size:
        raise EOFError("the data did not come, or not whole")
    return work(data)


_SIZE_BYTES = 8


def can_fork() -> bool:
    """Whether forking is available, safe here, and has a second core to run on."""
    cores = getattr(os, "sched_getaffinity", None)
    spare = len(cores(0)) > 1 if cores else (os.cpu_count() or 1) > 1
    return hasattr(os, "fork") and spare and threading.active_count() == 1


class _Awaited(Generic[R]):
    """The result of work a child process is doing: done once the child has sent it (or ended
    without sending it), read when asked for."""

    def __init__(self, child: _Child[R], work: Callable[[], R]) -> None:
        self._child = child
        self._work = work
        self._delivered: list[R] | None = None

    def done(self) -> bool:
        return self._delivered is not None or self._child.ready(0)

    def result(self, timeout: float | None = None) -> R:
        if self._delivered is None:
            if timeout is not None and not self._child.ready(timeout):
                raise TimeoutError
            self._delivered = self._child.result(None)
        return self._delivered[0] if self._delivered else self._work()


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

    @classmethod
    def start_waiting(
        cls, ready: Callable[[], object], work: Callable[[bytes], R]
    ) -> tuple[_Child[R], int]:
        """A child that does `ready()`, then `work` on the data sent down the pipe returned."""
        orders, send_end = os.pipe()

        def given() -> R:
            os.close(send_end)
            return _given(ready, work, orders)

        child = cls.start(given, None)
        os.close(orders)
        return child, send_end

    def ready(self, timeout: float) -> bool:
        """Whether the child has sent its result or ended, waiting at most `timeout` s."""
        readable, _, _ = select.select([self.pipe], [], [], timeout)
        return bool(readable)

    def result(self, cache: Cache | None) -> list[R]:
        """[its result], or [] when the child did not deliver one; the user's error it met, or
        `ProcessStoppedError` when a signal stopped it, is raised."""
        with os.fdopen(self.pipe, "rb") as pipe:
            sent = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if os.WIFSIGNALED(status):
            from termgen.errors import ProcessStoppedError

            raise ProcessStoppedError(os.WTERMSIG(status))
        if status != 0:
            return []
        try:
            delivered, value, entries = pickle.loads(sent)
        except Exception:  # a value this process cannot read back: compute it here
            return []
        if not delivered:
            raise value
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
    # What the child was forked with lives as long as it does: the garbage collector need not
    # look at it again. Its first collection otherwise read the parent's young objects,
    # writing to each, so copying their memory page by page.
    gc.freeze()
    try:
        if cache is not None:
            cache.forked()
        sent: tuple[bool, object, dict[str, bytes]]
        try:
            sent = (True, compute(), cache.unsaved() if cache is not None else {})
        except Exception as error:
            from termgen.errors import TermgenError

            if not isinstance(error, TermgenError):
                raise  # done again in the parent, whose traceback --debug shows
            sent = (False, error, {})
        with os.fdopen(pipe, "wb") as sending:
            sending.write(pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL))
        status = 0
    finally:
        # Straight out: no atexit handlers, no flushing of buffers the parent also holds.
        os._exit(status)

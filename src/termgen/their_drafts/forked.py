"""Work done in a forked copy of this process, with its result (or error) handed back.

A forked child starts with everything the parent has loaded (modules, provisions, compiled
cues, the draft's text) and runs on the other core; it takes no turns at Python's lock with
the parent, as a thread would. Where fork is missing or unsafe, the work runs in a thread.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

FORKS = hasattr(os, "fork") and sys.platform != "darwin"
"""macOS's system libraries may not survive a fork without exec (Python spawns there too)."""


def in_child(work: Callable[[], T], died: Callable[[int], BaseException]) -> Future[T]:
    """`work()` started now, in a forked child; `died(status)` is the error when the child
    ends without an answer (killed, or a crash in a library's C code)."""
    if not FORKS:
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termgen")
        running = runner.submit(work)
        runner.shutdown(wait=False)
        return running
    receive, send = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(receive)
        try:
            with os.fdopen(send, "wb") as pipe:
                pipe.write(_outcome(work))
        finally:
            os._exit(0)
    os.close(send)
    result: Future[T] = Future()
    threading.Thread(
        target=_collect, args=(child, receive, result, died), name="termgen", daemon=True
    ).start()
    atexit.register(_stop, child, result)
    return result


def _outcome(work: Callable[[], object]) -> bytes:  # pragma: no cover - runs in the child
    """The result, or the error that stopped the work, pickled for the parent."""
    try:
        return pickle.dumps((work(), None), pickle.HIGHEST_PROTOCOL)
    except BaseException as error:  # every error is the parent's to raise
        try:
            return pickle.dumps((None, error), pickle.HIGHEST_PROTOCOL)
        except Exception:  # an error that does not pickle, said in words
            return pickle.dumps((None, RuntimeError(f"{type(error).__name__}: {error}")))


def _collect(
    child: int, receive: int, result: Future[T], died: Callable[[int], BaseException]
) -> None:
    with os.fdopen(receive, "rb") as pipe:
        answer = pipe.read()
    _, status = os.waitpid(child, 0)
    if not answer:
        result.set_exception(died(status))
        return
    try:
        value, error = pickle.loads(answer)
    except Exception as unpickled:  # an error class that does not rebuild from its pickle
        value, error = None, RuntimeError(f"the child's answer could not be read: {unpickled}")
    if error is not None:
        result.set_exception(error)
    else:
        result.set_result(value)


def _stop(child: int, result: Future[T]) -> None:
    """At exit before the child answered (an error elsewhere, ^C): its work is not needed."""
    if not result.done():
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGTERM)

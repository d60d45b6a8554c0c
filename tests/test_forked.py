"""Work shared with a forked child: same results, same errors, the child's cache entries kept."""

from __future__ import annotations

import os
import select
import signal
import time
from pathlib import Path

import pytest

from termgen import forked
from termgen.cache import Cache
from termgen.errors import Location, Problem, ProblemsError, ProcessStoppedError
from termgen.forked import MOST_SHARED, in_parallel, shared_out

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="needs fork and two cores")


def test_results_come_back_in_order_and_the_first_from_another_process() -> None:
    def where(item: int) -> tuple[int, int]:
        return item * item, os.getpid()

    results = in_parallel(where, [3, 4, 5], None)
    assert [square for square, _ in results] == [9, 16, 25]
    assert results[0][1] != os.getpid()
    assert {pid for _, pid in results[1:]} == {os.getpid()}


def test_an_error_in_the_child_is_raised_here_as_the_work_raises_it() -> None:
    done_here: list[int] = []

    def work(item: int) -> int:
        done_here.append(item)
        if item == 0:
            raise ValueError("no zeros")
        return item

    with pytest.raises(ValueError, match="no zeros"):
        in_parallel(work, [0, 1, 2], None)
    assert done_here == [1, 2, 0], "the parent does the child's item again, after its own"


def test_an_error_here_ends_the_child() -> None:
    def work(item: int) -> int:
        if item == 0:
            return sum(range(10**8))  # long enough to be still running
        raise KeyError(item)

    with pytest.raises(KeyError):
        in_parallel(work, [0, 1], None)
    with pytest.raises(ChildProcessError):
        os.wait()  # reaped: no child is left behind


def test_a_result_that_cannot_be_sent_back_is_computed_here() -> None:
    def work(item: int) -> object:
        if os.getpid() != parent:
            return lambda: item  # a closure cannot be pickled
        return item

    parent = os.getpid()
    assert in_parallel(work, [7, 8], None) == [7, 8]


def test_what_the_child_adds_to_the_cache_is_saved_by_the_parent(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.remember("kind", b"before the fork", lambda: "parent's")

    def work(item: int) -> str:
        return cache.remember("kind", f"item {item}".encode(), lambda: f"computed {item}")

    assert in_parallel(work, [1, 2], cache) == ["computed 1", "computed 2"]
    cache.save()
    fresh = Cache(tmp_path)
    for item in (1, 2):
        assert (
            fresh.remember("kind", f"item {item}".encode(), lambda: "again") == f"computed {item}"
        )
    assert fresh.remember("kind", b"before the fork", lambda: "again") == "parent's"


def test_work_started_in_a_child_comes_back_and_so_does_its_error() -> None:
    assert forked.started(os.getpid).result(timeout=30) != os.getpid()

    def refuse() -> None:
        raise ValueError("the PDF is encrypted")

    with pytest.raises(ValueError, match="the PDF is encrypted"):
        forked.started(refuse).result(timeout=30)


def test_work_started_in_a_child_leaves_this_process_free_to_fork_again() -> None:
    running = forked.started(os.getpid)
    assert forked.can_fork(), "no thread waits for the child"
    assert running.result(timeout=30) != os.getpid()
    assert running.done()


def _where(data: bytes) -> tuple[int, int, bytes]:
    return os.getpid(), len(data), data[:3]


def test_a_child_standing_by_does_the_work_on_the_data_it_is_given() -> None:
    readied: list[int] = []
    child = forked.standing_by(lambda: readied.append(os.getpid()), _where)
    data = b"PDF" + bytes(3_000_000)  # larger than a pipe holds: sent while the child reads
    pid, size, start = child.give(lambda: data).result(timeout=30)
    assert (size, start) == (len(data), b"PDF")
    assert pid != os.getpid()
    assert readied == [], "ready() ran in the child"


def test_a_child_standing_by_is_given_empty_data_as_data() -> None:
    pid, size, _ = forked.standing_by(lambda: None, _where).give(bytes).result(timeout=30)
    assert (size, pid != os.getpid()) == (0, True)


def test_when_the_data_cannot_be_had_its_error_comes_with_the_result() -> None:
    calls: list[str] = []

    def unreadable() -> bytes:
        calls.append("tried")
        raise FileNotFoundError("no such file")

    running = forked.standing_by(lambda: None, _where).give(unreadable)
    assert calls == ["tried"], "not raised yet"
    with pytest.raises(FileNotFoundError, match="no such file"):
        running.result(timeout=30)
    assert calls == ["tried", "tried"]


def test_a_child_standing_by_that_fails_has_its_work_done_here() -> None:
    def broken() -> None:
        raise ImportError("no PDFium in the child")

    pid, size, _ = forked.standing_by(broken, _where).give(lambda: b"abc").result(timeout=30)
    assert (pid, size) == (os.getpid(), 3)


@pytest.mark.parametrize("count", [0, 1, 2, 41, MOST_SHARED, MOST_SHARED + 1])
def test_work_shared_out_comes_back_in_order_each_number_done_once(count: int) -> None:
    parent = os.getpid()

    def where(number: int) -> tuple[int, bool]:
        if count == 41:
            time.sleep(0.01)  # long enough for the copy to take numbers too
        return number * number, os.getpid() == parent

    done = shared_out(where, count)
    assert [square for square, _ in done] == [number * number for number in range(count)]
    if count == 41:
        assert {here for _, here in done} == {True, False}, "both processes took numbers"


@pytest.mark.parametrize("dies_after", [0, 5, 38])
def test_the_numbers_a_copy_took_before_it_died_are_done_here(dies_after: int) -> None:
    """Those it had done and those it had taken: nothing of a copy's is kept if it fails.
    This process holds its first number until the copy has died, so the copy surely takes
    `dies_after` numbers and dies on the next, however the two are scheduled."""
    parent = os.getpid()
    done_here: list[int] = []
    done_by_copy = [0]
    died, dying = os.pipe()

    def work(number: int) -> int:
        if os.getpid() != parent:
            if done_by_copy[0] == dies_after:
                os.write(dying, b"x")
                os._exit(1)
            done_by_copy[0] += 1
        elif not done_here:
            copy_died, _, _ = select.select([died], [], [], 30)
            assert copy_died, "the copy did not die within 30 s"
        if os.getpid() == parent:
            done_here.append(number)
        return -number

    try:
        assert shared_out(work, 40) == [-number for number in range(40)]
    finally:
        os.close(died)
        os.close(dying)
    assert sorted(done_here) == list(range(40))


def test_an_error_in_work_shared_out_is_raised_here() -> None:
    def work(number: int) -> int:
        if number == 3:
            raise ValueError("no threes")
        return number

    with pytest.raises(ValueError, match="no threes"):
        shared_out(work, 8)


def test_a_users_error_in_the_child_is_raised_here_without_doing_the_work_again() -> None:
    """A draft too slow to read, a cue that backtracks: done again here, it took as long again."""
    parent, done_here = os.getpid(), []

    def refuse() -> None:
        if os.getpid() == parent:
            done_here.append(True)
        raise ProblemsError([Problem("too slow", Location("draft.pdf", 3)), Problem("and more")])

    for running in (
        lambda: forked.started(refuse).result(timeout=30),
        lambda: forked.alongside(refuse, lambda: None, None),
        lambda: forked.standing_by(lambda: None, lambda _: refuse()).give(bytes).result(30),
    ):
        with pytest.raises(ProblemsError) as raised:
            running()
        assert str(raised.value) == "draft.pdf:3: too slow\nand more", "sent back whole"
    assert done_here == []


def test_a_child_a_signal_stops_is_not_done_again_here() -> None:
    """Out of memory or crashed in a library: done again here, it would stop termgen itself."""
    parent, done_here = os.getpid(), []

    def crash() -> None:
        if os.getpid() == parent:
            done_here.append(True)
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(ProcessStoppedError, match=r"stopped by the system \(SIGKILL\)"):
        forked.started(crash).result(timeout=30)
    with pytest.raises(ProcessStoppedError):
        forked.alongside(crash, lambda: None, None)
    assert done_here == []

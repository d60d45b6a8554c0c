"""Work in a forked child: its result, its error, or its death, in the parent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termgen.errors import UnreadableDraftError
from termgen.their_drafts.forked import FORKS, in_child
from termgen.their_drafts.limits import unreadable


def _died(status: int) -> RuntimeError:
    return RuntimeError(f"status {status}")


def test_the_result_and_a_located_error_come_back() -> None:
    assert (in_child(os.getpid, _died).result() != os.getpid()) == FORKS

    def refuse() -> None:
        raise unreadable(Path("their.pdf"), "the PDF is encrypted")

    with pytest.raises(UnreadableDraftError) as raised:
        in_child(refuse, _died).result()
    assert str(raised.value) == "their.pdf: the PDF is encrypted"


@pytest.mark.skipif(not FORKS, reason="a thread cannot die without its process")
def test_a_child_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="status"):
        in_child(lambda: os._exit(3), _died).result(timeout=30)

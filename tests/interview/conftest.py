from __future__ import annotations

import pytest

from termgen.interview.spec import load_spec


@pytest.fixture(scope="module")
def spec():  # type: ignore[no-untyped-def]
    return load_spec()[0]

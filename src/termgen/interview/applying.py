"""Whether a question may apply once the answers its condition reads are given: what is
left to ask is counted with it, so that answering only lowers the count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from termgen.interview.data import ABSENT, get
from termgen.interview.groups import reads
from termgen.interview.spec import Group, Question
from termgen.model import Deal
from termgen.model.paths import split

if TYPE_CHECKING:
    from termgen.interview.engine import Engine


def may_apply(
    engine: Engine,
    item: Question | Group,
    group: Group | None = None,
    entry: int | None = None,
    depth: int = 3,
) -> bool:
    """Whether it applies, or may once the answers its condition reads are given (looking
    `depth` conditions back): counted until then, so that answering only lowers the count."""
    return engine.applies(item, group, entry) or (
        depth > 0 and _hinges_on_the_unanswered(engine, item, group, entry, depth)
    )


def _hinges_on_the_unanswered(
    engine: Engine, item: Question | Group, group: Group | None, entry: int | None, depth: int
) -> bool:
    """Whether its condition reads an answer not given yet that this pass may ask for (of
    the deal, or of its entry)."""
    if group is not None and not engine.applies(group):
        return False
    for path in reads(engine.env, item.when, item.purposes):
        root, *rest = path.split(".", 1)
        if root == "item" and group is not None and entry is not None:
            to_ask = [
                (q, engine.path_of(group, entry, q))
                for q in group.questions
                if _within_read(q.path, rest[0] if rest else "")
                and q is not item
                and engine.asked_now(q, group)
                and may_apply(engine, q, group, entry, depth - 1)
            ]
        elif root in Deal.model_fields:
            to_ask = [
                (q, split(q.path))
                for _, q in engine.items()
                if isinstance(q, Question)
                and _within_read(q.path, path)
                and q is not item
                and engine.asked_now(q)
                and may_apply(engine, q, depth=depth - 1)
            ]
        else:
            continue
        if any(get(engine.data, where) is ABSENT for _, where in to_ask):
            return True
    return False


def _within_read(answered: str, read: str) -> bool:
    """Whether the answer at `answered` is the value a condition reads at `read`, or in it."""
    return answered == read or answered.startswith(f"{read}.")

"""What several commands print or return alike: deadlines without a date, the --strict status."""

from __future__ import annotations

from termgen.errors import ExitStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.deadlines.collect import Deadline
    from termgen.environment import Environment


def say_unknown(env: Environment, found: list[Deadline], where: str) -> None:
    """Deadlines without a date, each with why and which answer would settle it."""
    unknown = [deadline for deadline in found if deadline.day is None]
    if unknown:
        env.out(f"{len(unknown)} deadline(s) cannot be computed{where}:")
        for deadline in unknown:
            env.out(f"- {deadline.title}: {deadline.unknown_because} (answers: {deadline.answers})")


def strict_status(strict: bool, has_blocking: bool) -> ExitStatus:
    """Exit 1 under --strict when something blocking was found; findings alone are not errors."""
    return ExitStatus.BLOCKING_FINDINGS if strict and has_blocking else ExitStatus.SUCCESS

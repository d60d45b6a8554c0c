"""`termgen validate FILE...`: check answer files and say what each one is."""

from __future__ import annotations

from termgen.answers.read import LoadedDeal, load_deal
from termgen.cli.commands import PROBLEMS_SHOWN
from termgen.environment import Environment
from termgen.errors import ExitStatus, TermgenError
from termgen.findings.checks import not_money
from termgen.wording import and_join, purpose_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Validate
    from termgen.library.load import Library


def run(command: Validate, env: Environment) -> ExitStatus:
    status = ExitStatus.SUCCESS
    library: Library | None = None
    for path in command.files:
        try:
            loaded = load_deal(path, env.cache())
            deal = loaded.deal
            if deal.positions:
                library = _refuse_unknown_positions(loaded, library, command, env)
        except TermgenError as problem:
            if command.debug:
                raise
            env.err_problem(problem.listing(None if command.all else PROBLEMS_SHOWN))
            status = ExitStatus.ERROR
            continue
        meta = deal.deal
        env.out(
            f"{path}: valid: {meta.name} v{meta.version} "
            f"({purpose_text(meta.purpose)}, {and_join(deal.party_names)})"
        )
        for item in deal.strengths.contributions:
            if item.not_money:
                env.out(f"  warning: {not_money(item)}")
    return status


def _refuse_unknown_positions(
    loaded: LoadedDeal, library: Library | None, command: Validate, env: Environment
) -> Library:
    """Refuse the positions `draft` refuses, against the same library: read for the first deal
    that names positions (and the drafting modules imported then, not for every validate)."""
    from termgen.library.select import check_positions
    from termgen.pipeline import open_library

    library = library or open_library(command.library, env)
    check_positions(loaded.deal, library, loaded.source)
    return library

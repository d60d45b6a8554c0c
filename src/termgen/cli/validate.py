"""`termgen validate FILE...`: check answer files and say what each one is."""

from __future__ import annotations

from termgen.answers.read import load_deal
from termgen.environment import Environment
from termgen.errors import ExitStatus, TermgenError
from termgen.findings.checks import not_money
from termgen.wording import and_join, humanise

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Validate


def run(command: Validate, env: Environment) -> ExitStatus:
    status = ExitStatus.SUCCESS
    for path in command.files:
        try:
            deal = load_deal(path, env.cache()).deal
        except TermgenError as problem:
            if command.debug:
                raise
            env.err_problem(str(problem))
            status = ExitStatus.ERROR
            continue
        meta = deal.deal
        env.out(
            f"{path}: valid: {meta.name} v{meta.version} "
            f"({humanise(meta.purpose)}, {and_join(deal.party_names)})"
        )
        for item in deal.strengths.contributions:
            if item.not_money:
                env.out(f"  warning: {not_money(item)}")
    return status

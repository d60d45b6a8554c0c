"""`termgen library lint|list|show`: look after the clause library."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import get_args

from termgen.environment import Environment
from termgen.errors import ExitStatus, UsageError


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.library.load import library_layers

    layers = library_layers([*args.library, *getattr(args, "folders", [])], env.environ)
    action = {"lint": _lint, "list": _list, "show": _show}[args.library_command]
    return action(args, env, layers)


def _lint(args: argparse.Namespace, env: Environment, layers: list[Path]) -> ExitStatus:
    from termgen.library.lint import lint

    library, problems = lint(layers, env.cache())
    for problem in problems:
        env.err(str(problem))
    if problems:
        env.err(f"{len(problems)} problem(s) in the clause library")
        return ExitStatus.ERROR
    env.out(
        f"clause library OK: {len(library.clauses)} clauses, {len(library.sections)} sections, "
        f"{len(library.provisions)} provisions ({len(layers)} folder(s))"
    )
    return ExitStatus.SUCCESS


def _list(args: argparse.Namespace, env: Environment, layers: list[Path]) -> ExitStatus:
    from termgen.library.clause import PURPOSES, Element
    from termgen.library.load import load_library
    from termgen.terminal import text_table

    library = load_library(layers, cache=env.cache())
    _check_choice("--element", args.element, get_args(Element))
    _check_choice("--purpose", args.purpose, PURPOSES)
    rows = []
    for clause_id, entry in library.clauses.items():
        clause = entry.record
        if args.element and clause.element != args.element:
            continue
        if args.purpose and args.purpose not in clause.purposes:
            continue
        rows.append(
            (clause_id, clause.element, clause.section, clause.purpose_summary, clause.title)
        )
    env.out(text_table(("id", "element", "section", "purposes", "title"), rows, widest=40))
    env.out(f"{len(rows)} clause(s)")
    return ExitStatus.SUCCESS


def _show(args: argparse.Namespace, env: Environment, layers: list[Path]) -> ExitStatus:
    from termgen.library.load import load_library

    entry = load_library(layers, cache=env.cache()).clause(args.clause_id)
    clause = entry.record
    lines = [
        f"{clause.id} (version {clause.version})  {clause.title}",
        f"file:          {entry.source.file}",
        f"element:       {clause.element}",
        f"section:       {clause.section} (order {clause.order})",
        f"purposes:      {clause.purpose_summary}",
        f"jurisdictions: {', '.join(clause.jurisdictions) or 'any'}",
        f"when:          {clause.when or 'always'}",
        f"provides:      {', '.join(clause.provides) or 'nothing'}",
        "",
        "Preferred position:",
        clause.text.preferred.rstrip(),
    ]
    for number, fallback in enumerate(clause.text.fallback, start=1):
        lines += ["", f"Fallback {number}: {fallback.label}"]
        if fallback.requires:
            lines.append(f"Requires: {fallback.requires}")
        lines.append(fallback.text.rstrip())
    if clause.guidance:
        lines += ["", f"Guidance: {clause.guidance}"]
    env.out("\n".join(lines))
    return ExitStatus.SUCCESS


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    from termgen.suggest import with_suggestion

    if value is not None and value not in choices:
        raise UsageError(with_suggestion(f"{option}: '{value}' is not a choice", value, choices))

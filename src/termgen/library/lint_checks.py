"""What `library lint` finds: each clause file on its own (`library.clause_lint`, over a
process pool when there are many), then what needs the whole library: ids laid over each
other, the template checks (once per check key, `library.lint_templates`), the provisions.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from termgen.cache import Cache
from termgen.errors import Location, Problem
from termgen.files.read import FilePath
from termgen.library.clause_lint import Anchor, LintedFile, lint_files
from termgen.library.lint import Linted, Progress
from termgen.library.load import Library, load_library, merge_layer
from termgen.suggest import nearest

if TYPE_CHECKING:
    from termgen.library.lint_templates import Reference, TextIssue, WhileLinting


def linted(
    layers: Sequence[Path],
    files: Mapping[Path, Sequence[FilePath]],
    cache: Cache | None,
    checks: Callable[[], Collection[str]],
    shipped: Path,
    progress: Progress | None = None,
) -> tuple[Linted, list[bytes]]:
    """The report, and the digest of each clause file as it was read for it, in order.
    `checks` gives the names of the built-in checks, asked for while the files are linted;
    `shipped`, the file of check results shipped for the built-in library (`library.shipped`).

    Without collecting garbage: what each file's lint gives back is kept to the end, and
    each collection read it all again (a fifth of this process's time at 20,000 files); the
    other processes collect as usual."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _linted(layers, files, cache, checks, shipped, progress)
    finally:
        if collecting:
            gc.enable()


def _linted(
    layers: Sequence[Path],
    files: Mapping[Path, Sequence[FilePath]],
    cache: Cache | None,
    checks: Callable[[], Collection[str]],
    shipped: Path,
    progress: Progress | None,
) -> tuple[Linted, list[bytes]]:
    library = load_library(layers, strict=False, cache=cache, with_clauses=False)
    problems = list(library.problems)
    started: list[WhileLinting] = []

    paths = [path for layer_files in files.values() for path in layer_files]
    done = 0

    def meanwhile(batch: list[LintedFile]) -> None:
        nonlocal done
        if not started:  # the other processes are running: import what only this one needs
            from termgen.library.lint_templates import WhileLinting
            from termgen.library.shipped import read_shipped

            started.append(WhileLinting(library, checks, cache, read_shipped(shipped)))
        started[0](batch)
        done += len(batch)
        if progress is not None:
            progress(done, len(paths))

    if progress is not None:
        progress(0, len(paths))
    linted = lint_files(
        paths,
        list(library.sections),
        list(library.provisions),
        library.shared_texts(),
        for_cache=cache is not None,
        on_batch=meanwhile,
    )
    checked = started[0]  # every run of lint_files gives at least one batch
    if cache is not None:
        for file in linted:
            if file.cached is not None:
                cache.keep(*file.cached)
    problems += [problem for file in linted for problem in file.problems]
    effective: dict[str, tuple[FilePath, LintedFile]] = {}
    position = 0
    for layer_files in files.values():
        batch = zip(layer_files, linted[position : position + len(layer_files)], strict=True)
        position += len(layer_files)
        merge_layer(
            effective,
            (
                (
                    file.clause_id,
                    path,
                    Location(path, *file.id_at or ()),
                    None if file.disabled else (path, file),
                )
                for path, file in batch
                if file.clause_id is not None
            ),
            problems,
        )
    for _, file in effective.values():
        problems += file.clause_problems
    problems += _template_problems(effective.values(), checked.issues)
    problems += _unknown_references(effective, checked.references)
    problems += checked.provision_problems()
    provided = {pid for _, file in effective.values() for pid in file.provides}
    problems += _uncovered_provisions(library, provided)
    report = Linted(
        len(effective),
        len(library.sections),
        len(library.provisions),
        sorted(problems, key=lambda problem: problem.place),
    )
    return report, [file.digest for file in linted]


def _template_problems(
    effective: Collection[tuple[FilePath, LintedFile]], issues: Mapping[bytes, list[TextIssue]]
) -> list[Problem]:
    """The issues of each clause's check key, at the lines of its own texts."""
    problems = []
    for file_path, file in effective:
        anchors = dict(file.anchors)
        for path, line, message in issues[file.check_key]:
            anchor = Anchor(*anchors[path])
            where = anchor.where(file_path) if line is None else anchor.at(file_path, line)
            problems.append(Problem(message, where))
    return problems


def _unknown_references(
    effective: Mapping[str, tuple[FilePath, LintedFile]],
    references: Mapping[bytes, list[Reference]],
) -> list[Problem]:
    """Each reference to a clause the effective library does not have: a draft that reaches
    it stops there."""
    problems = []
    for file_path, file in effective.values():
        for path, line, clause_id in references[file.check_key]:
            if clause_id in effective:
                continue
            match = nearest(clause_id, effective)
            guess = f", did you mean '{match}'?" if match else ""
            message = f"refers to clause '{clause_id}', which is not in the library{guess}"
            where = Anchor(*dict(file.anchors)[path]).at(file_path, line)
            problems.append(Problem(message, where))
    return problems


def _uncovered_provisions(library: Library, provided: set[str]) -> list[Problem]:
    return [
        Problem(
            f"no clause provides '{provision_id}', so every draft will lack it; add a clause "
            "with this id under 'provides'",
            entry.where("id"),
        )
        for provision_id, entry in library.provisions.items()
        if entry.record.clause and provision_id not in provided
    ]

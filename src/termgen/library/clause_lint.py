"""What `library lint` finds in each clause file on its own, over a process pool when the
library is large.

Reading, validating and checking a clause file needs nothing from the other files but the
names of the sections and provisions, so the files of a large library are shared out between
processes, one per core; each sends back its findings, never the parsed clauses. A small
library is linted in this process: starting the pool would cost more than it saves.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from typing import NamedTuple

from termgen.cache import entry_key
from termgen.errors import LibraryError, Location, Problem
from termgen.files.datafile import SourceMap
from termgen.files.read import CLAUSE_FILE, FilePath, read_bytes
from termgen.library.clause import SHARED, Clause
from termgen.library.load import (
    CLAUSE_FILE_KIND,
    Sourced,
    Unusable,
    clause_file,
    clause_file_key,
    to_cache,
    unknown_provisions,
)
from termgen.library.sections import DOCUMENT_TITLES
from termgen.suggest import with_suggestion
from termgen.templating.skeleton import skeleton
from termgen.wording import PARTY_WORDS, and_join, number_words

PARALLEL_FROM = 400
"""Clause files from which linting is shared out between processes (about 0.1 s of work for
one core, over the cost of starting the pool)."""
_CHUNKS_PER_WORKER = 4

TextPath = tuple[str | int, ...]


class Anchor(NamedTuple):
    """Where a text of a clause is written: the line and column of its value, and the file
    line of its first line. The file is the linted file's: a tuple without it is what is
    cheapest to send back from a worker (as a plain tuple), and most anchors are never used."""

    line: int | None
    column: int | None
    first_line: int

    def where(self, file: FilePath) -> Location:
        return Location(file, self.line, self.column)

    def at(self, file: FilePath, line_in_text: int) -> Location:
        return Location(file, self.first_line + line_in_text - 1)


@dataclass(frozen=True)
class Texts:
    """What the template checks of a clause read: its condition and each text, by path."""

    when: str | None
    texts: tuple[tuple[TextPath, str], ...]


@dataclass(frozen=True)
class LintedFile:
    """One clause file linted on its own. Its path is the one it was linted for (see
    `lint_files`): a path is slow to send back from a worker, and its Location as slow."""

    digest: bytes
    """SHA-256 of the bytes read (empty when the file could not be read)."""
    problems: tuple[Problem, ...]
    """Reading and validating: reported whether or not a later folder replaces the clause."""
    clause_id: str | None = None
    """None when the file holds no usable clause."""
    disabled: bool = False
    id_at: tuple[int | None, int | None] | None = None
    """The line and column where its id is written."""
    provides: tuple[str, ...] = ()
    clause_problems: tuple[Problem, ...] = ()
    """Names and wording: reported only when the clause is in the effective library."""
    check_key: bytes = b""
    """A digest of what the template checks depend on (`checked_content`); equal keys, equal
    issues."""
    anchors: tuple[tuple[TextPath, tuple[int | None, int | None, int]], ...] = ()
    """Each text's `Anchor`, as a plain tuple."""
    texts: Texts | None = None
    """The texts, when this is the first clause of its batch with this check key."""
    cached: tuple[str, bytes] | None = None
    """The parsed file as a cache entry (key, pickle), when asked for: what drafting reads."""


def lint_files(
    files: Sequence[FilePath],
    sections: Sequence[str],
    provisions: Sequence[str],
    blocks: Mapping[str, str],
    *,
    for_cache: bool = False,
    parallel_from: int = PARALLEL_FROM,
    on_batch: Callable[[list[LintedFile]], object] = list,
) -> list[LintedFile]:
    """Each file linted on its own, in the order given; `parallel_from` files or more on each
    core are shared out between processes. With `for_cache`, each parsed file comes back as
    the cache entry a draft would otherwise parse the file again for. `on_batch` is called in
    this process on each batch of linted files as it comes back, while other processes lint
    the rest: what it does costs no time of its own when the cores are busy.

    Each process is handed the whole list once, when it starts (forked, it already has it),
    and then only where each batch starts and ends."""
    workers = min(len(os.sched_getaffinity(0)), len(files) // parallel_from)
    if workers < 2:
        linted = lint_batch(files, sections, provisions, blocks, for_cache)
        on_batch(linted)
        return linted
    size = -(-len(files) // (workers * _CHUNKS_PER_WORKER))
    starts = range(0, len(files), size)
    linted = []
    job = (files, sections, provisions, blocks, for_cache)
    with ProcessPoolExecutor(workers, initializer=_take_job, initargs=job) as pool:
        for batch in pool.map(_lint_part, starts, repeat(size)):
            on_batch(batch)
            linted += batch
    return linted


_job: tuple[Sequence[FilePath], Sequence[str], Sequence[str], Mapping[str, str], bool] = (
    (),
    (),
    (),
    {},
    False,
)
"""What a worker process lints parts of: the files, sections, provisions, the library's shared
blocks and `for_cache`."""


def _take_job(
    files: Sequence[FilePath],
    sections: Sequence[str],
    provisions: Sequence[str],
    blocks: Mapping[str, str],
    for_cache: bool,
) -> None:
    global _job
    _job = (files, sections, provisions, blocks, for_cache)
    # What the worker was forked with lives as long as it does: the garbage collector need
    # not look at it again (a full collection read every object of the parent's, copying
    # its memory page by page). The parent may have stopped collecting (`lint_checks`).
    gc.freeze()
    gc.enable()


def _lint_part(start: int, size: int) -> list[LintedFile]:
    files, sections, provisions, blocks, for_cache = _job
    return lint_batch(files[start : start + size], sections, provisions, blocks, for_cache)


def lint_batch(
    files: Sequence[FilePath],
    sections: Sequence[str],
    provisions: Sequence[str],
    blocks: Mapping[str, str],
    for_cache: bool,
) -> list[LintedFile]:
    """Each file linted on its own; `blocks` are the text of each shared block of the library
    (library.yaml, `shared:`) by id, which a clause's texts start from where it uses them."""
    keys: set[bytes] = set()
    return [_lint_file(path, sections, provisions, blocks, keys, for_cache) for path in files]


def _lint_file(
    path: FilePath,
    sections: Sequence[str],
    provisions: Sequence[str],
    blocks: Mapping[str, str],
    keys: set[bytes],
    keep: bool,
) -> LintedFile:
    try:
        raw = read_bytes(path, CLAUSE_FILE)
    except LibraryError as unreadable:
        return LintedFile(b"", tuple(unreadable.problems))
    digest = hashlib.sha256(raw).digest()
    try:
        entry = clause_file(path, raw)
    except Unusable as unusable:
        return LintedFile(digest, tuple(unusable.problems))
    record = entry.record
    cached = None
    if keep:
        stored_as = entry_key(CLAUSE_FILE_KIND, clause_file_key(path, raw))
        cached = stored_as, pickle.dumps(to_cache(entry), protocol=pickle.HIGHEST_PROTOCOL)
    if not isinstance(record, Clause):
        return LintedFile(digest, (), record.id, True, entry.source.spot(("id",)), cached=cached)
    clause = Sourced(record, entry.source)
    texts = clause_texts(record, blocks)
    key = checked_content(texts)
    anchors = {text_path: _anchor(entry.source, text_path) for text_path, _ in texts.texts}
    wording = [
        Problem(message, anchors[text_path].at(path, line))
        for text_path, text in texts.texts
        if text_path != ("when",) and text_path[0] != "uses"  # a used block is linted once
        for line, message in wording_issues(text)
    ]
    first = key not in keys
    keys.add(key)
    return LintedFile(
        digest,
        (),
        record.id,
        False,
        entry.source.spot(("id",)),
        tuple(record.provides),
        tuple(_clause_problems(clause, sections, provisions, blocks) + wording),
        key,
        tuple(
            (text_path, (anchor.line, anchor.column, anchor.first_line))
            for text_path, anchor in anchors.items()
        ),
        texts if first else None,
        cached,
    )


def _anchor(source: SourceMap, path: TextPath) -> Anchor:
    return Anchor(*source.spot(path), source.first_text_line(path))


def clause_texts(clause: Clause, blocks: Mapping[str, str]) -> Texts:
    """The texts of a clause in the order they run: the library's shared blocks it uses (each
    at its entry under `uses:`), its own shared block, its positions; then its condition."""
    texts: list[tuple[TextPath, str]] = [
        (("uses", index), blocks[name]) for index, name in enumerate(clause.uses) if name in blocks
    ]
    if clause.shared is not None:
        texts.append((SHARED, clause.shared))
    texts.append((("text", "preferred"), clause.text.preferred))
    texts += [
        (("text", "fallback", index, "text"), fallback.text)
        for index, fallback in enumerate(clause.text.fallback)
    ]
    if clause.when is not None:
        texts.append((("when",), clause.when))
    return Texts(clause.when, tuple(texts))


def checked_content(texts: Texts) -> bytes:
    """What the checks of a clause's texts and condition depend on, as a key: the condition,
    and each text's skeleton (`templating.skeleton`), so that clauses differing only in
    wording (an overlay's variants of one clause) are checked once. A digest of them: each
    file's key goes back from its worker, and the skeletons are most of a clause's bytes."""
    shapes: list[object] = [
        texts.when,
        [skeleton(text) for path, text in texts.texts if not is_shared(path) and path != ("when",)],
    ]
    # Only a clause with a shared block has a third part: the keys of the others stay as
    # they were, and a shared block's skeleton is never taken for a text's.
    shapes += [skeleton(text) for path, text in texts.texts if is_shared(path)]
    return hashlib.sha256(json.dumps(shapes).encode()).digest()


def is_shared(path: TextPath) -> bool:
    """Whether a text of `clause_texts` is a shared block: the clause's own or one it uses."""
    return path == SHARED or path[0] == "uses"


def _clause_problems(
    entry: Sourced[Clause],
    sections: Sequence[str],
    provisions: Sequence[str],
    blocks: Mapping[str, str],
) -> list[Problem]:
    clause = entry.record
    problems = [
        Problem(
            with_suggestion(
                f"unknown shared block '{name}' (library.yaml, 'shared:')", name, list(blocks)
            ),
            entry.where("uses", index),
        )
        for index, name in enumerate(clause.uses)
        if name not in blocks
    ]
    if clause.section not in sections:
        message = with_suggestion(f"unknown section '{clause.section}'", clause.section, sections)
        problems.append(Problem(message, entry.where("section")))
    problems.extend(unknown_provisions(entry, provisions))
    if not clause.purposes:
        problems.append(
            Problem(
                "the clause applies to no purpose, so no deal can reach it; list purposes or "
                "write 'all'",
                entry.where("purposes"),
            )
        )
    return problems


_NUMBERS = {number_words(value): value for value in range(1, 366)}
_WRITTEN_PERIOD = re.compile(
    r"\b(\d+|[a-z]+(?:-[a-z]+)?)\s+((?:working\s+|calendar\s+|business\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?))\b",
    re.IGNORECASE,
)
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Where `str.splitlines` ends a line."""
_JINJA = re.compile(
    # A tag up to its first closing delimiter on its line, as `\{\{.*?\}\}` finds it in the
    # line alone; taken whole (`*+`) instead of a character at a time, and never across a
    # line break, so that each line's tags are taken out of that line alone.
    "|".join(
        rf"\{opening}[^{close}{_BREAKS}]*+(?:{close}(?!\}})[^{close}{_BREAKS}]*+)*+{close}\}}"
        for opening, close in (("{\\{", "\\}"), ("{%", "%"), ("{#", "#"))
    )
)
_PARTY_ARGUMENT = re.compile(r"""(['"])([^'"]*)\1\s*\|\s*party\b""")
_PARTY_FILTERED = re.compile(r"""['"]\s*\|\s*party\b""")
"""What `_PARTY_ARGUMENT` ends with: a line without it is not searched from each quote."""
_ANNEX = re.compile(r"\bthe ((?:[a-z]+-)*[a-z]+ )?annex\b", re.IGNORECASE)
_ANNEXES = sorted(title for title in DOCUMENT_TITLES.values() if "annex" in title.casefold())
_GENERIC_BODIES = re.compile(r"\bthe (steering body|joint project office)\b", re.IGNORECASE)
"""`_WRITTEN_PERIOD` needs a unit of time ('hour', 'day', 'week', 'month' or 'year'), `_ANNEX`
'annex', `_GENERIC_BODIES` 'steering' or 'joint', `_PARTY_ARGUMENT` 'party'. A pattern is tried
only on lines that hold its word (casefolded, as the patterns ignore case), and most lines hold
none. A tag replaced by a space cannot make one of these words, so none is missed."""


_LINES_KEPT = 8192
"""Lines whose issues a process keeps: a few times the distinct lines of the built-in texts,
so that those of a clause's variants are still there when the next variant comes."""


@cache
def _known_annexes() -> frozenset[str]:
    return frozenset(title.casefold() for title in _ANNEXES)


def wording_issues(text: str) -> list[tuple[int, str]]:
    """House-style problems of a clause text, by line: a length of time written into the
    sentence (so the house style cannot word it), a party word `party` does not know, a
    body called by a generic name instead of the deal's.

    Each line is judged on its own (no tag the checks take out spans a line break), and a
    line seen before in this process is not judged again: an overlay's variants of a clause
    share most of their lines, and a worker linting 10,000 of its files judged each of them
    anew."""
    return [
        (number, message)
        for number, line in enumerate(text.splitlines(), start=1)
        for message in _line_issues(line)
    ]


@lru_cache(maxsize=_LINES_KEPT)
def _line_issues(line: str) -> tuple[str, ...]:
    """The house-style problems of one line of a text: its party words first, as written,
    then the words outside its tags. Most lines hold the words the patterns need only inside
    their tags, so the patterns are tried only on what is left once the tags are out."""
    found = _party_issues(line) if "party" in line and _PARTY_FILTERED.search(line) else []
    prose = _JINJA.sub(" ", line)
    has_period, has_annex, has_body = _words_held(prose)
    for match in _WRITTEN_PERIOD.finditer(prose) if has_period else ():
        count, unit = match.groups()
        value = int(count) if count.isdigit() else _NUMBERS.get(count.casefold())
        if value is not None:
            written = f"{{{{ '{value} {unit}' | period }}}}"
            found.append(
                f"'{match.group(0)}' is written into the text, so the house style cannot "
                f"word it; write {written}"
            )
    for match in _ANNEX.finditer(prose) if has_annex else ():
        if match.group(0)[4:].casefold() not in _known_annexes():
            annexes = and_join([f"the {title}" for title in _ANNEXES], "or")
            found.append(
                f"'{match.group(0)}' is not a document termgen drafts; refer to {annexes} "
                "or to a clause"
            )
    for match in _GENERIC_BODIES.finditer(prose) if has_body else ():
        found.append(
            f"'{match.group(0)}' is not a body of the deal; name the body "
            "from governance.bodies, or the parties"
        )
    return tuple(found)


def _words_held(line: str) -> tuple[bool, bool, bool]:
    """Whether a line holds the words `_WRITTEN_PERIOD`, `_ANNEX` and `_GENERIC_BODIES` need."""
    words = line.casefold()
    return (
        "day" in words or "month" in words or "year" in words or "week" in words or "hour" in words,
        "annex" in words,
        "steering" in words or "joint" in words,
    )


def _party_issues(line: str) -> list[str]:
    return [
        with_suggestion(
            f"'{match.group(2)}' is not a word for parties", match.group(2), PARTY_WORDS
        )
        for match in _PARTY_ARGUMENT.finditer(line)
        if match.group(2) not in PARTY_WORDS
    ]

"""The one way from answers to drafts that every command takes.

    answer file --load--> deal --outline--> numbered clauses --assemble--> draft --render--> Word
                                       \\--> findings        \\--> deadlines

A `DealRun` holds one deal and the clause library and computes each stage once, when a
command first asks for it: `check` needs the outline and the findings but never renders a
clause, `deadlines` needs clause numbers only, `draft` needs everything. The stages live in
their own packages (answers/, library/, drafting/, findings/, deadlines/, render/); this
module only says in what order they run and what each one is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from termgen.answers.read import answers_data, load_deal
from termgen.deadlines.collect import Deadline, deadlines
from termgen.drafting.assemble import assemble
from termgen.drafting.open_points import with_open_points
from termgen.drafting.outline import Outline, outline
from termgen.drafting.structure import Draft
from termgen.environment import Environment
from termgen.errors import Location, OutputExistsError
from termgen.files.datafile import SourceMap
from termgen.files.write import recover, write_together
from termgen.findings.deal import Finding, deal_findings
from termgen.library.folders import library_layers
from termgen.library.load import Library, load_library
from termgen.model import Deal
from termgen.model.paths import AnswerPath
from termgen.render.documents import RenderedDocument, render_draft
from termgen.render.templates import KINDS, Kind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.their_drafts.positions import Ours


def open_library(overlays: Sequence[Path], env: Environment) -> Library:
    """The built-in clause library with $TERMGEN_LIBRARY and the --library folders over it."""
    return load_library(library_layers(overlays, env.environ), cache=env.cache())


class DealRun:
    """One deal on its way through the pipeline; each stage is computed once, on first use."""

    def __init__(
        self,
        deal: Deal,
        library: Library,
        source: SourceMap | None = None,
        answered: dict[str, Any] | None = None,
    ) -> None:
        self.deal = deal
        self.library = library
        self.source = source
        """Where each answer sits in the answer file, so that findings can point at lines."""
        self._answered = answered
        self.question: Callable[[AnswerPath], str | None] = lambda _: None
        """The interview question that asks for an answer, which the open points name; a
        command that knows the interview sets it."""

    @classmethod
    def from_file(cls, answers: Path, library: Library) -> DealRun:
        loaded = load_deal(answers, library.cache)
        return cls(loaded.deal, library, loaded.source, loaded.answered)

    @cached_property
    def answered(self) -> dict[str, Any]:
        """The deal as plain answer data, only what was answered: what the interview reads."""
        if self._answered is not None:
            return self._answered

        return answers_data(self.deal)

    @cached_property
    def outline(self) -> Outline:
        return outline(with_open_points(self.deal), self.library, source=self.source)

    @cached_property
    def draft(self) -> Draft:
        return assemble(self.outline, self.library)

    @cached_property
    def findings(self) -> list[Finding]:
        # The words of the draft, if a command has assembled it already (cached_property keeps
        # it in __dict__); otherwise the coherence checks render only the clauses they read.
        assembled = self.__dict__.get("draft")
        return deal_findings(self.deal, self.library, self.outline, self.source, assembled)

    def drafted(self) -> tuple[Draft, list[Finding]]:
        """The draft and its findings; assembled first, so that the findings read its words."""
        draft = self.draft
        return draft, self.findings

    def positions(self, acting_for: str | None = None) -> Ours:
        """Our positions, to read a draft from the other side against."""
        # Imported here: their_drafts compiles many patterns, which drafting never uses.
        from termgen.their_drafts.positions import our_positions

        provisions = {pid: entry.record for pid, entry in self.library.provisions.items()}
        return our_positions(self.outline, provisions, acting_for)

    @cached_property
    def deadlines(self) -> list[Deadline]:
        return deadlines(self.outline)

    def documents(
        self, templates: Sequence[Path] = (), kinds: Sequence[Kind] = KINDS
    ) -> list[RenderedDocument]:
        """The Word files as bytes: the documents with the findings as comments, and the open
        points."""
        draft, findings = self.drafted()
        return render_draft(draft, templates, findings, kinds, self.question, self.library.cache)

    def write(
        self,
        folder: Path,
        *,
        templates: Sequence[Path] = (),
        replace: bool = False,
        with_pdf: bool = False,
    ) -> list[Path]:
        """Write the term sheet, the governance annex and the open points, all or none (then
        their PDFs, all or none); nothing is written if a file is in the way."""
        documents = self.documents(templates)
        if folder.exists() and not folder.is_dir():
            raise OutputExistsError("is a file; -o needs a folder", location=Location(folder))
        recover(folder)  # a pair a killed run left half renamed is completed first
        targets = [folder / document.filename for document in documents]
        planned = targets + [target.with_suffix(".pdf") for target in targets if with_pdf]
        existing = [path for path in planned if path.exists()]
        if existing and not replace:
            raise OutputExistsError(
                f"{', '.join(path.name for path in existing)} already in {folder}; nothing "
                "was written. Pass --force to replace, or choose another folder with -o"
            )
        written = write_together(
            [(target, document.data) for target, document in zip(targets, documents, strict=True)],
            replace=replace,
        )
        if with_pdf:
            from termgen.render import pdf

            written += pdf.convert(written, folder, replace=replace)
        return written

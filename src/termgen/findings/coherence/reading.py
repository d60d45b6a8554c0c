"""What the coherence checks read: the deal and the clauses its draft selected, each clause
rendered alone and only when a check asks for it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from termgen.cache import remembered
from termgen.drafting.assemble import clause_texts
from termgen.drafting.outline import Outline, OutlinedClause
from termgen.drafting.structure import Draft, plain
from termgen.findings.checks import Gap
from termgen.library.load import Library
from termgen.model import Deal
from termgen.model.paths import AnswerPath


@dataclass
class Reading:
    """The deal as drafted: its answers, its selected clauses and, on demand, their words.

    Given the draft (when `draft` has assembled it already), the words come from it;
    otherwise each clause a check reads is rendered alone, so `check` renders a dozen clauses
    rather than the whole draft.
    """

    outline: Outline
    library: Library
    draft: Draft | None = None
    _texts: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.draft is not None:
            for drafted in self.draft.clauses():
                self._texts.setdefault(drafted.id, "\n".join(map(plain, drafted.paragraphs)))

    def read_all(self) -> None:
        """Have every clause's words: a check that reads them all renders the clauses once
        together (not the tables), rather than clause by clause."""
        unread = [c for c in self.outline.clauses() if c.id not in self._texts]
        if unread:
            self._texts.update(clause_texts(unread, self.outline, self.library))

    @property
    def deal(self) -> Deal:
        return self.outline.deal

    def clause(self, key: str) -> OutlinedClause | None:
        """The clause with this id, or else the first one providing this provision."""
        return self.outline.clause_for(key) or self.outline.clause_for(key, "governance_annex")

    def text(self, key: str) -> str:
        """What the clause says (empty when the draft has no such clause)."""
        clause = self.clause(key)
        if clause is None:
            return ""
        if clause.id not in self._texts:
            self._texts.update(clause_texts([clause], self.outline, self.library))
        return self._texts[clause.id]

    def clauses_saying(
        self, pattern: re.Pattern[str], source: re.Pattern[str] | None = None
    ) -> Iterator[tuple[OutlinedClause, str]]:
        """Each clause whose text matches, with the first matching sentence. Only clauses whose
        source text (the template, before rendering) matches `source` (by default `pattern`)
        are read: a clause that could not say it is not rendered to find out."""
        clauses = list(self.outline.clauses())
        sources = [clause.choice.text for clause in clauses]
        for clause, could in zip(clauses, self._could_say(source or pattern, sources), strict=True):
            if not could:
                continue
            for sentence in _SENTENCE.split(self.text(clause.id)):
                if pattern.search(sentence):
                    yield clause, sentence.strip()
                    break

    def _could_say(self, pattern: re.Pattern[str], sources: list[str]) -> list[bool]:
        """Whether `pattern` finds something in each source text. The answer is the same for
        the same texts on every run, so it is kept in the cache: searching every template of
        a draft for an alternation that ignores case was a tenth of a draft's time."""
        content = json.dumps([pattern.pattern, pattern.flags, sources]).encode()
        return remembered(
            self.library.cache,
            _SOURCES_SAYING,
            content,
            lambda: [pattern.search(text) is not None for text in sources],
        )

    def gap(self, message: str, path: AnswerPath, key: str | None = None) -> Gap:
        """A gap about the clause `key` (named by number and title in the message)."""
        clause = self.clause(key) if key else None
        if clause is None:
            return Gap(message, path)
        where = "clause" if self.outline.clause_for(clause.id) else "governance annex clause"
        return Gap(f"{where} {clause.number} ({clause.title}) {message}", path, clause.number)


_SENTENCE = re.compile(r"(?<=[.;:])\s+|\n")
_SOURCES_SAYING = "clause sources a pattern finds something in"

CoherenceCheck = Callable[[Reading], list[Gap]]
"""Where the deal and its clauses contradict each other, and how to settle each."""
COHERENCE: dict[str, CoherenceCheck] = {}


def coherence_check(name: str) -> Callable[[CoherenceCheck], CoherenceCheck]:
    def register(function: CoherenceCheck) -> CoherenceCheck:
        COHERENCE[name] = function
        return function

    return register


def quoted(text: str, limit: int = 90) -> str:
    """A sentence of a clause as a message quotes it: short, in single quotes."""
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}'"

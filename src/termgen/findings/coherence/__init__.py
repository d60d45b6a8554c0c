"""Coherence: where the deal and the clauses its draft selected contradict each other.

Each check is one function, registered by name in `COHERENCE`, that a provision of
`provisions.yaml` (the `coherence.*` entries) names as its `check`.
"""

from termgen.findings.coherence import exit_path, scope, status
from termgen.findings.coherence.reading import COHERENCE, Reading

__all__ = ["COHERENCE", "Reading", "exit_path", "scope", "status"]

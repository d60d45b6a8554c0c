"""Files termgen reads and writes: YAML with a source map, atomic writes, its own data."""

MB = 1_000_000
"""The unit of the limits on what termgen reads (files, drafts, what they unpack to)."""

"""Files termgen reads and writes: YAML with a source map, atomic writes, its own data."""

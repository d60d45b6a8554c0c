"""One module per CLI command; each imports its heavy libraries only when it runs."""

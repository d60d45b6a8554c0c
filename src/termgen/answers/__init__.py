"""Reading and writing answer files: YAML in, a validated deal out, and back."""

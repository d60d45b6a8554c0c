"""Sandboxed Jinja for clause text, conditions and Word templates, and its static checks."""

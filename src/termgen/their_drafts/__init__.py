"""Drafts from the other side: read them within bounds, find what they settle and what not."""

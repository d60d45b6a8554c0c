"""Reading drafts from the other side: extract their text, find the provisions, report."""

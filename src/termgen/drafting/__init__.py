"""Drafting: the deal and the clause library assembled into a draft (sections, clauses, tables)."""

"""Dates a deal creates: date arithmetic, the deadlines, and their calendar."""

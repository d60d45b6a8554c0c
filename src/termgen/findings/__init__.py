"""Findings: which exit, renewal and other provisions a deal or a draft lacks."""

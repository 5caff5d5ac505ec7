"""Printable certificates."""

"""Criteria sets for collectives and individuals: trees of criteria with points and methods, and bands."""

"""Composite indices (DTI-style): frameworks, values, runs, uncertainty and sensitivity."""

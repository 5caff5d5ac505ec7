"""Scoring rounds: a criteria set applied over a period, with its quota rule."""

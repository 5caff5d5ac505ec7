"""Where the competence frameworks come from: the static reference data of `framework.py`."""

from __future__ import annotations

from literacy_api.competences.framework import FRAMEWORKS, LEVELS, Framework, Level, framework


def frameworks(code: str | None = None) -> tuple[Framework, ...] | None:
    """Every framework, or the one with `code` (None when there is no such framework)."""
    if code is None:
        return FRAMEWORKS
    found = framework(code)
    return None if found is None else (found,)


def levels() -> tuple[Level, ...]:
    return tuple(LEVELS)

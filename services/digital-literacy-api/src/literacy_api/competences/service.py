"""The competences a caller reads: one framework or all of them, with the proficiency levels."""

from __future__ import annotations

from literacy_api.competences import repository
from literacy_api.competences.schemas import CompetencesOut, FrameworkOut, LevelOut
from service_kit.errors import NotFound


def competences(framework_code: str | None) -> CompetencesOut:
    chosen = repository.frameworks(framework_code)
    if chosen is None:
        known = ", ".join(f.code for f in repository.frameworks() or ())
        raise NotFound(
            code="competences.unknown_framework", params={"framework": framework_code, "known": known}
        )
    return CompetencesOut(
        frameworks=[FrameworkOut.of(f) for f in chosen],
        levels=[LevelOut.of(level) for level in repository.levels()],
    )

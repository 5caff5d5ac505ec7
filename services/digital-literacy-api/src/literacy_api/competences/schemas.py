"""What the competences endpoint returns."""

from __future__ import annotations

from pydantic import BaseModel, Field

from literacy_api.competences.framework import Competence, Domain, Framework, Level, LevelGroup


class CompetenceOut(BaseModel):
    code: str = Field(description='Unique across frameworks: "VN.1.1", "VN.6.3", "DC.2.5"')
    name: str
    description: str | None = None

    @classmethod
    def of(cls, competence: Competence) -> CompetenceOut:
        return cls(code=competence.code, name=competence.name, description=competence.description)


class DomainOut(BaseModel):
    code: str = Field(description='"VN.1" … "VN.6"; DigComp\'s areas "DC.1" … "DC.5"')
    name: str
    competences: list[CompetenceOut]

    @classmethod
    def of(cls, domain: Domain) -> DomainOut:
        return cls(
            code=domain.code, name=domain.name, competences=[CompetenceOut.of(c) for c in domain.competences]
        )


class FrameworkOut(BaseModel):
    code: str = Field(description='"VN-TT02-2025" or "DIGCOMP-2.2"')
    name: str
    issued_by: str
    domains: list[DomainOut]

    @classmethod
    def of(cls, framework: Framework) -> FrameworkOut:
        return cls(
            code=framework.code,
            name=framework.name,
            issued_by=framework.issued_by,
            domains=[DomainOut.of(d) for d in framework.domains],
        )


class LevelOut(BaseModel):
    level: int = Field(ge=1, le=8)
    group: LevelGroup
    group_name: str = Field(description='"Cơ bản", "Trung cấp", "Nâng cao" or "Chuyên sâu"')

    @classmethod
    def of(cls, level: Level) -> LevelOut:
        return cls(level=level.level, group=level.group, group_name=level.group_name)


class CompetencesOut(BaseModel):
    frameworks: list[FrameworkOut]
    levels: list[LevelOut] = Field(description="Proficiency levels 1–8 in four groups of two")

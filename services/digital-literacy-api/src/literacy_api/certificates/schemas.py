"""What the certificate endpoints accept and return (the learner's name masked: verification is public)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class CertificateOut(BaseModel):
    code: str
    valid: bool
    revoked: bool
    course_code: str
    course_title: str
    learner_name_masked: str
    issued_on: date


class Revocation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]

"""What the certificate endpoints accept and return (the learner's name masked: verification is public)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel

from literacy_api.inputs import TIDY, line
from service_kit.types import StrictModel


class CertificateOut(BaseModel):
    code: str
    valid: bool
    revoked: bool
    course_code: str
    course_title: str
    learner_name_masked: str
    issued_on: date


class Revocation(StrictModel):
    reason: Annotated[str, line(1000), TIDY]

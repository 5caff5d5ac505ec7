"""Every table of the `literacy` schema, imported in one place so that Alembic sees them all
(`migrations/env.py` autogenerates against this metadata)."""

from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.certificates.models import Certificate
from literacy_api.database import audit_event, idempotency_keys, metadata
from literacy_api.imports.models import ImportFileChunk, ImportJob, ImportRowError
from literacy_api.learners.models import Learner, LearnerIdentity
from literacy_api.stats.models import (
    CoverageCell,
    CoverageCourseDay,
    CoverageCourseMonth,
    CoverageLink,
    Population,
)
from literacy_api.training.models import TrainingRecord
from literacy_api.xapi.models import ActorLink, XapiActivity, XapiAttachment, XapiStatement
from literacy_api.xapi_documents.models import XapiDocument

__all__ = [
    "ActorLink",
    "Certificate",
    "Course",
    "CoverageCell",
    "CoverageCourseDay",
    "CoverageCourseMonth",
    "CoverageLink",
    "ImportFileChunk",
    "ImportJob",
    "ImportRowError",
    "Learner",
    "LearnerIdentity",
    "Population",
    "TrainingClass",
    "TrainingRecord",
    "XapiActivity",
    "XapiAttachment",
    "XapiDocument",
    "XapiStatement",
    "audit_event",
    "idempotency_keys",
    "metadata",
]

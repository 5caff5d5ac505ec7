"""Every table of the `campaign` schema, imported in one place so that Alembic sees them all."""

from campaign_api.campaigns.models import Campaign, Phase, Target
from campaign_api.contests.models import (
    Contest,
    ContestAttempt,
    ContestParticipant,
    ContestQuestion,
    ContestRound,
    ContestSighting,
)
from campaign_api.database import audit_event, metadata
from campaign_api.files.models import FILES
from campaign_api.identity.models import Account, ApiClient, LoginFailure, RefreshToken
from campaign_api.judging.models import InitiativeJudging, InitiativeRecognition, InitiativeScore
from campaign_api.participation.models import Participant, Report
from campaign_api.recognition.models import (
    Commendation,
    Dossier,
    DossierEvent,
    Initiative,
    Registration,
)
from campaign_api.units.models import Unit

__all__ = [
    "FILES",
    "Account",
    "ApiClient",
    "Campaign",
    "Commendation",
    "Contest",
    "ContestAttempt",
    "ContestParticipant",
    "ContestQuestion",
    "ContestRound",
    "ContestSighting",
    "Dossier",
    "DossierEvent",
    "Initiative",
    "InitiativeJudging",
    "InitiativeRecognition",
    "InitiativeScore",
    "LoginFailure",
    "Participant",
    "Phase",
    "RefreshToken",
    "Registration",
    "Report",
    "Target",
    "Unit",
    "audit_event",
    "metadata",
]

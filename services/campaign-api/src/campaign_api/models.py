"""Every table of the `campaign` schema, imported in one place so that Alembic sees them all."""

from campaign_api.database import audit_event, metadata
from campaign_api.identity.models import Account, ApiClient, LoginFailure, RefreshToken

__all__ = ["Account", "ApiClient", "LoginFailure", "RefreshToken", "audit_event", "metadata"]

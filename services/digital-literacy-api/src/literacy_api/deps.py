"""Dependency aliases of digital-literacy-api's routers (chained load-or-404 + access checks join them here)."""

from service_kit.auth import PrincipalDep
from service_kit.db import SessionDep

__all__ = ["PrincipalDep", "SessionDep"]

"""Who may do what in campaign-api: dependency aliases shared by its routers."""

from typing import Annotated

from fastapi import Depends

from service_kit.auth import Principal, PrincipalDep, require_roles
from service_kit.db import SessionDep
from service_kit.errors import Forbidden

READ_ROLES = ("admin", "manager", "evaluator", "council", "viewer")
READ_SCOPE = "campaign:read"


async def require_reader(principal: PrincipalDep) -> Principal:
    """Officials of any role, and API clients granted `campaign:read`; not learners."""
    if principal.has_role(*READ_ROLES) or principal.has_scope(READ_SCOPE):
        return principal
    raise Forbidden(
        "Reading the directory and the movements needs an official's role or the campaign:read scope."
    )


ReaderDep = Annotated[Principal, Depends(require_reader)]
AdminDep = Annotated[Principal, Depends(require_roles("admin"))]

__all__ = ["AdminDep", "PrincipalDep", "ReaderDep", "SessionDep"]

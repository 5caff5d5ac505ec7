"""Who may do what in scoring-api: dependency aliases shared by its routers."""

from typing import Annotated

from fastapi import Depends

from service_kit.auth import Principal, PrincipalDep, require_roles
from service_kit.errors import Forbidden

READ_ROLES = ("admin", "manager", "evaluator", "council", "viewer")


async def require_reader(principal: PrincipalDep) -> Principal:
    """Officials of every role, and API clients granted `scoring:read`; not learners."""
    if principal.has_role(*READ_ROLES) or principal.has_scope("scoring:read"):
        return principal
    raise Forbidden("Scores are for officials and systems granted scoring:read.")


ReaderDep = Annotated[Principal, Depends(require_reader)]
AdminDep = Annotated[Principal, Depends(require_roles("admin"))]

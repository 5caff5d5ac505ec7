"""The problems a well-formed request meets when it is held against what is stored (the schema says
everything else, and breaking it is a 422). Both are 409 with the field in `errors`, as a 422 would name
it, so that forms show them by the field:

- `unknown_reference`: the request names something that does not exist (a unit, a campaign, a target of
  the campaign, a commune). Not 404: that says the resource of the path is missing, and the path's
  resource (the movement enrolling units, the unit being changed) is there;
- `conflicting_field`: the value is well-formed but contradicts the stored state (a phase outside its
  campaign's dates, a report period outside the campaign, a commune of another province).
"""

from __future__ import annotations

from typing import Any

from service_kit import i18n
from service_kit.errors import Conflict


def _errors(field: str, code: str, params: dict[str, Any]) -> tuple[str, list[dict[str, str]]]:
    text = i18n.message(code, params) or code
    return text, [{"field": field, "message": text}]


def unknown_reference(field: str, *, code: str, **params: Any) -> Conflict:
    text, errors = _errors(field, code, params)
    return Conflict(text, code=code, params=params, errors=errors)


def conflicting_field(field: str, *, code: str, **params: Any) -> Conflict:
    text, errors = _errors(field, code, params)
    return Conflict(text, code=code, params=params, errors=errors)

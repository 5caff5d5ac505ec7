"""OpenAPI `links` on the answers that create something: where the new object's id takes a client (and
schemathesis' stateful phase) next: a movement to its phases, targets, participants and reports; a report
to its review; a unit, an account to their own pages."""

from __future__ import annotations

from typing import Any


def links(status: int, parameters: dict[str, str], *operation_ids: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` entry for `status` whose links fill `parameters` (name → runtime expression, e.g.
    `{"campaign_id": "$response.body#/id"}`) in each operation named."""
    return {
        status: {
            "links": {
                operation_id.split("_v1_")[0]: {"operationId": operation_id, "parameters": dict(parameters)}
                for operation_id in operation_ids
            }
        }
    }


CAMPAIGN_ID = {"campaign_id": "$response.body#/id"}
CAMPAIGN_OPERATIONS = (
    "get_campaign_v1_campaigns__campaign_id__get",
    "update_campaign_v1_campaigns__campaign_id__patch",
    "launch_campaign_v1_campaigns__campaign_id__launch_post",
    "close_campaign_v1_campaigns__campaign_id__close_post",
    "add_phase_v1_campaigns__campaign_id__phases_post",
    "list_phases_v1_campaigns__campaign_id__phases_get",
    "add_target_v1_campaigns__campaign_id__targets_post",
    "list_targets_v1_campaigns__campaign_id__targets_get",
    "enrol_v1_campaigns__campaign_id__participants_post",
    "list_participants_v1_campaigns__campaign_id__participants_get",
    "participants_sheet_v1_campaigns__campaign_id__participants_xlsx_get",
    "submit_report_v1_campaigns__campaign_id__reports_post",
    "list_reports_v1_campaigns__campaign_id__reports_get",
    "kpis_v1_campaigns__campaign_id__kpis_get",
    "summary_v1_campaigns__campaign_id__summary_get",
    "submit_initiative_v1_campaigns__campaign_id__initiatives_post",
    "list_initiatives_v1_campaigns__campaign_id__initiatives_get",
    "add_commendation_v1_campaigns__campaign_id__commendations_post",
    "list_commendations_v1_campaigns__campaign_id__commendations_get",
)
REPORT_ID = {"report_id": "$response.body#/id"}
REPORT_OPERATIONS = (
    "get_report_v1_reports__report_id__get",
    "resubmit_report_v1_reports__report_id__put",
    "accept_report_v1_reports__report_id__accept_post",
    "return_report_v1_reports__report_id__return_post",
)
INITIATIVE_ID = {"initiative_id": "$response.body#/id"}
INITIATIVE_OPERATIONS = ("assess_initiative_v1_initiatives__initiative_id__assess_post",)
UNIT_CODE = {"code": "$response.body#/code"}
UNIT_OPERATIONS = (
    "get_unit_v1_units__code__get",
    "update_unit_v1_units__code__patch",
    "unit_subtree_v1_units__code__subtree_get",
)
ACCOUNT_ID = {"account_id": "$response.body#/id"}
ACCOUNT_OPERATIONS = (
    "get_account_v1_accounts__account_id__get",
    "update_account_v1_accounts__account_id__patch",
)
ENROLLED = {"campaign_id": "$request.path.campaign_id", "unit_code": "$response.body#/items/0/unit_code"}
ENROLLED_OPERATIONS = ("file_plan_v1_campaigns__campaign_id__participants__unit_code__plan_put",)

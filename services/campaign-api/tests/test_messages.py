"""Problems in the caller's language: every code campaign-api raises is registered in Vietnamese and
English, a refusal answers Vietnamese by default and English for `Accept-Language: en` (the dashboard is
Vietnamese: "The phase overlaps …" and "You may not act for unit …" were shown in English there), and
every problem carries its machine `code`."""

import re
from pathlib import Path

import campaign_api
from campaign_api import access
from campaign_api.messages import MESSAGES
from service_kit import i18n
from service_kit.testing import assert_problem

SOURCE = Path(campaign_api.__file__).parent
CODE = re.compile(r"""code=f?["']([a-z_]+\.[a-z_.]+)["']""")
"""A problem code is `<kind>.<what>` (a unit's `code="66"` in the seed is not one)."""


def _codes_in_source() -> set[str]:
    return {code for path in SOURCE.rglob("*.py") for code in CODE.findall(path.read_text(encoding="utf-8"))}


def test_every_code_the_package_raises_is_registered_in_both_languages():
    codes = _codes_in_source()
    assert len(codes) > 40  # the scan finds the raise sites
    assert sorted(code for code in codes if not i18n.is_registered(code)) == []
    for code in codes | set(MESSAGES):
        vietnamese, english = i18n.message(code, language="vi"), i18n.message(code, language="en")
        assert vietnamese, code
        assert english, code
        assert vietnamese != english, code


def test_every_raise_site_names_its_code():
    """No problem raised with an English sentence alone: each names a code (its text is registered)."""
    raise_without_code = re.compile(
        r"(?:BadRequest|Conflict|InvalidState|NotFound|Forbidden|Unauthorized|TooManyRequests|"
        r"DependencyUnavailable|LoginRefused|SignUpRefused)\(\s*f?[\"']"
    )
    offenders = [
        f"{path.relative_to(SOURCE)}: {match.group(0)}"
        for path in SOURCE.rglob("*.py")
        for match in raise_without_code.finditer(path.read_text(encoding="utf-8"))
    ]
    field_errors_without_code = [
        f"{path.relative_to(SOURCE)}: {match.group(0)}"
        for path in SOURCE.rglob("*.py")
        for match in re.finditer(r"field_error\([^)]*\)", path.read_text(encoding="utf-8"), re.S)
        if "code=" not in match.group(0)
    ]
    assert offenders == []
    assert field_errors_without_code == []


def test_every_kind_of_the_policy_has_its_refusals_registered():
    policies = [value for value in vars(access).values() if isinstance(value, access.Policy)]
    assert len(policies) >= 12
    for policy in policies:
        assert i18n.is_registered(f"{policy.kind}.forbidden"), policy.kind
        assert i18n.is_registered(f"{policy.kind}.not_found"), policy.kind


async def test_a_forbidden_call_answers_in_vietnamese_by_default_and_in_english_on_request(
    client, create_account, bearer
):
    await create_account("nguoi.xem", ["viewer"])
    viewer = await bearer("nguoi.xem")
    body = {"code": "66-X", "name": "Đơn vị X", "kind": "agency", "province_code": "66"}

    default = await client.post("/v1/units", headers=viewer, json=body)
    problem = assert_problem(default, 403)
    assert problem["code"] == "unit.forbidden"
    assert problem["detail"] == MESSAGES["unit.forbidden"][0]
    assert default.headers["content-language"] == "vi"

    english = await client.post("/v1/units", headers={**viewer, "Accept-Language": "en"}, json=body)
    problem = assert_problem(english, 403)
    assert problem["code"] == "unit.forbidden"
    assert problem["detail"] == MESSAGES["unit.forbidden"][1]
    assert english.headers["content-language"] == "en"


async def _province_and_campaign(client, admin) -> str:
    for unit in (
        {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"},
        {
            "code": "66-SKHCN",
            "name": "Sở KH&CN",
            "kind": "department",
            "province_code": "66",
            "parent_code": "66",
        },
        {
            "code": "66-SYT",
            "name": "Sở Y tế",
            "kind": "department",
            "province_code": "66",
            "parent_code": "66",
        },
    ):
        assert (await client.post("/v1/units", headers=admin, json=unit)).status_code == 201
    campaign = await client.post(
        "/v1/campaigns",
        headers=admin,
        json={
            "code": "CDS",
            "title": "Chuyển đổi số",
            "level": "province",
            "organizer_unit_code": "66",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    )
    assert campaign.status_code == 201, campaign.text
    return campaign.json()["id"]


async def test_the_overlapping_phase_is_said_in_vietnamese(client, admin):
    campaign_id = await _province_and_campaign(client, admin)
    url = f"/v1/campaigns/{campaign_id}/phases"
    first = {"name": "Giai đoạn 1", "starts_on": "2025-01-01", "ends_on": "2025-06-30"}
    assert (await client.post(url, headers=admin, json=first)).status_code == 201
    overlapping = {"name": "Giai đoạn 2", "starts_on": "2025-06-01", "ends_on": "2025-12-31"}

    problem = assert_problem(await client.post(url, headers=admin, json=overlapping), 409)
    assert problem["code"] == "phase.overlaps"
    assert problem["detail"] == (
        "Giai đoạn này trùng thời gian với giai đoạn “Giai đoạn 1” (2025-01-01 – 2025-06-30)."
    )
    english = await client.post(url, headers={**admin, "Accept-Language": "en"}, json=overlapping)
    assert assert_problem(english, 409)["detail"] == (
        "The phase overlaps 'Giai đoạn 1' (2025-01-01 – 2025-06-30)."
    )
    phases = (await client.get(url, headers=admin)).json()
    assert [p["name"] for p in phases["items"]] == ["Giai đoạn 1"]


async def test_another_units_plan_is_refused_in_vietnamese(client, admin, create_account, bearer):
    campaign_id = await _province_and_campaign(client, admin)
    enrol = await client.post(
        f"/v1/campaigns/{campaign_id}/participants",
        headers=admin,
        json={"unit_codes": ["66-SKHCN", "66-SYT"]},
    )
    assert enrol.status_code == 200, enrol.text
    await create_account("ql.skhcn", ["manager"], ["66-SKHCN"])
    manager = await bearer("ql.skhcn")
    plan = {"document_no": "1/KH", "issued_on": "2025-02-01"}

    refused = await client.put(
        f"/v1/campaigns/{campaign_id}/participants/66-SYT/plan", headers=manager, json=plan
    )
    problem = assert_problem(refused, 403)
    assert problem["code"] == "participant.forbidden"
    assert problem["detail"] == MESSAGES["participant.forbidden"][0]
    assert "may not" not in problem["detail"]


async def test_workflow_refusals_say_the_state_in_the_callers_language(client, admin):
    campaign_id = await _province_and_campaign(client, admin)
    url = f"/v1/campaigns/{campaign_id}/close"
    problem = assert_problem(await client.post(url, headers=admin), 409)
    assert problem["code"] == "campaign.wrong_state"
    assert problem["detail"] == "Phong trào đang ở trạng thái “nháp” nên không thể kết thúc."
    english = await client.post(url, headers={**admin, "Accept-Language": "en"})
    assert assert_problem(english, 409)["detail"] == "A draft campaign cannot close; it must be active first."


async def test_refusals_of_each_kind_carry_their_code(client, admin):
    missing = "00000000-0000-4000-8000-000000000000"
    for path, code in (
        (f"/v1/campaigns/{missing}", "campaign.not_found"),
        (f"/v1/reports/{missing}", "report.not_found"),
        (f"/v1/accounts/{missing}", "account.not_found"),
        ("/v1/units/66-KHONG", "unit.not_found"),
        ("/v1/localities/provinces/99/communes", "province.not_found"),
        ("/v1/localities/communes/99999", "commune.not_found"),
    ):
        problem = assert_problem(await client.get(path, headers=admin), 404)
        assert problem["code"] == code, path
        assert problem["detail"].startswith("Không "), path

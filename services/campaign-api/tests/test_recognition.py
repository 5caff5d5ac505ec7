"""Initiatives submitted by participants and assessed by the organiser; commendations recorded."""

import pytest

from service_kit.testing import assert_problem


@pytest.fixture
async def running(client, admin, province_units):
    campaign = (
        await client.post(
            "/v1/campaigns",
            headers=admin,
            json={
                "code": "CCHC-2025",
                "title": "Hội thi sáng kiến cải cách hành chính",
                "level": "province",
                "organizer_unit_code": "66",
                "starts_on": "2025-01-01",
                "ends_on": "2025-12-31",
            },
        )
    ).json()
    base = f"/v1/campaigns/{campaign['id']}"
    await client.post(f"{base}/participants", headers=admin, json={"unit_codes": ["66-SNV"]})
    await client.post(f"{base}/launch", headers=admin)
    return base


async def test_an_initiative_is_submitted_then_assessed_once(client, admin, running, create_account, bearer):
    await create_account("ql.snv", ["manager"], ["66-SNV"])
    manager = await bearer("ql.snv")
    initiative = {
        "title": "Một cửa điện tử liên thông cấp xã",
        "summary": "Rút ngắn thời gian giải quyết hồ sơ.",
        "unit_code": "66-SNV",
        "authors": ["Nguyễn Thị Lan", "H'Hen Niê"],
    }
    created = await client.post(f"{running}/initiatives", headers=manager, json=initiative)
    assert created.status_code == 201
    assert created.json()["status"] == "submitted"
    # Not a participant, and not the manager's unit.
    assert_problem(
        await client.post(
            f"{running}/initiatives", headers=admin, json={**initiative, "unit_code": "66-STC"}
        ),
        409,
    )
    assert_problem(
        await client.post(
            f"{running}/initiatives", headers=manager, json={**initiative, "unit_code": "66-STC"}
        ),
        403,
    )
    assert_problem(
        await client.post(f"{running}/initiatives", headers=manager, json={**initiative, "authors": []}), 422
    )

    url = f"/v1/initiatives/{created.json()['id']}/assess"
    assert_problem(
        await client.post(url, headers=manager, json={"status": "accepted", "assessment": "Tốt"}), 403
    )
    assert_problem(
        await client.post(url, headers=admin, json={"status": "submitted", "assessment": "?"}), 422
    )
    assessed = await client.post(
        url, headers=admin, json={"status": "accepted", "assessment": "Áp dụng toàn tỉnh"}
    )
    assert assessed.json()["status"] == "accepted"
    assert_problem(
        await client.post(url, headers=admin, json={"status": "rejected", "assessment": "Đổi ý"}), 409
    )
    listed = (await client.get(f"{running}/initiatives", headers=admin)).json()
    assert [(i["title"], i["status"]) for i in listed["items"]] == [(initiative["title"], "accepted")]


async def test_commendations_name_their_recipient(client, admin, running):
    decision = {
        "form": "Bằng khen của Chủ tịch UBND tỉnh",
        "decision_no": "2150/QĐ-UBND",
        "decided_on": "2025-12-20",
    }
    unit = {"recipient_type": "unit", "unit_code": "66-SNV", **decision, "reason": "Hoàn thành xuất sắc"}
    person = {"recipient_type": "person", "unit_code": "66-SNV", "person_name": "Nguyễn Thị Lan", **decision}
    assert (await client.post(f"{running}/commendations", headers=admin, json=unit)).status_code == 201
    assert (await client.post(f"{running}/commendations", headers=admin, json=person)).status_code == 201
    assert_problem(
        await client.post(f"{running}/commendations", headers=admin, json={**person, "person_name": None}),
        422,
    )
    assert_problem(
        await client.post(f"{running}/commendations", headers=admin, json={**unit, "person_name": "Ai đó"}),
        422,
    )
    assert_problem(
        await client.post(f"{running}/commendations", headers=admin, json={**unit, "unit_code": "99-X"}), 409
    )
    listed = (await client.get(f"{running}/commendations", headers=admin)).json()
    # Both decided the same day: listed by decision date, in no particular order within it.
    assert {(c["recipient_type"], c["person_name"]) for c in listed["items"]} == {
        ("unit", None),
        ("person", "Nguyễn Thị Lan"),
    }

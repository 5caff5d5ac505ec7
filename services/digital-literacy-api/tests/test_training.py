"""Training records, certificates (issued once, verified publicly, revoked, printed) and a learner's progress."""

from datetime import timedelta

from sqlalchemy import func, select

from literacy_api.certificates.models import Certificate
from service_kit.testing import assert_problem
from service_kit.types import today_in_vietnam


async def certificates(app) -> int:
    async with app.state.database.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Certificate)) or 0


async def test_the_record_moves_forward_and_a_completion_is_final(
    client, admin, create_learner, create_course, record, app
):
    learner = await create_learner()
    await create_course("VNEID")
    first = await client.post(
        "/v1/records",
        headers=admin,
        json={"learner_id": learner["id"], "course_code": "VNEID", "status": "enrolled"},
    )
    assert first.status_code == 201
    assert first.json()["enrolled_on"] == today_in_vietnam().isoformat()
    second = await client.post(
        "/v1/records",
        headers=admin,
        json={"learner_id": learner["id"], "course_code": "VNEID", "status": "in_progress", "progress": 40},
    )
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    done = await record(learner["id"], "VNEID", "completed", score=86.5)
    assert done["progress"] == 100
    assert done["completed_on"] == today_in_vietnam().isoformat()
    assert done["certificate_code"]

    for status in ("enrolled", "in_progress", "failed"):
        back = await client.post(
            "/v1/records",
            headers=admin,
            json={"learner_id": learner["id"], "course_code": "VNEID", "status": status},
        )
        assert_problem(back, 409)
    moved = await client.post(
        "/v1/records",
        headers=admin,
        json={
            "learner_id": learner["id"],
            "course_code": "VNEID",
            "status": "completed",
            "completed_on": (today_in_vietnam() - timedelta(days=3)).isoformat(),
        },
    )
    assert_problem(moved, 409)
    again = await record(learner["id"], "VNEID", "completed")
    assert again["certificate_code"] == done["certificate_code"]
    assert again["completed_on"] == done["completed_on"]
    assert await certificates(app) == 1


async def test_bad_records_are_refused_and_a_failed_course_can_be_retaken(
    client, admin, create_learner, create_course, record
):
    learner = await create_learner()
    await create_course("ANTOAN")
    base = {"learner_id": learner["id"], "course_code": "ANTOAN"}
    unknown = await client.post(
        "/v1/records", headers=admin, json={**base, "course_code": "KHONGCO", "status": "enrolled"}
    )
    assert assert_problem(unknown, 409)["code"] == "course.unknown"
    assert_problem(
        await client.post("/v1/records", headers=admin, json={**base, "status": "enrolled", "progress": 101}),
        422,
    )
    assert_problem(
        await client.post(
            "/v1/records", headers=admin, json={**base, "status": "in_progress", "completed_on": "2025-08-01"}
        ),
        422,
    )
    future = (today_in_vietnam() + timedelta(days=1)).isoformat()
    assert_problem(
        await client.post(
            "/v1/records", headers=admin, json={**base, "status": "completed", "completed_on": future}
        ),
        422,
    )
    await record(learner["id"], "ANTOAN", "failed", score=30)
    assert (await record(learner["id"], "ANTOAN", "in_progress", progress=10))["status"] == "in_progress"


async def test_certificates_verify_publicly_revoke_and_print(
    client, admin, create_learner, create_course, record, token_factory
):
    learner = await create_learner(full_name="Nguyễn Thị Hương")
    await create_course("DVCTT", hours=6)
    code = (await record(learner["id"], "DVCTT", "completed"))["certificate_code"]

    verified = await client.get(f"/v1/certificates/{code}")  # no token: public
    assert verified.json() == {
        "code": code,
        "valid": True,
        "revoked": False,
        "course_code": "DVCTT",
        "course_title": "Khóa DVCTT",
        "learner_name_masked": "Nguyễn T. H.",
        "issued_on": today_in_vietnam().isoformat(),
    }
    assert (await client.get(f"/v1/certificates/{code.lower()}")).status_code == 200
    assert_problem(await client.get("/v1/certificates/AAAA-BBBB-CCCC-DDDD"), 404)
    pdf = await client.get(f"/v1/certificates/{code}.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")

    manager = token_factory.auth(roles=["manager"], unit_codes=["66-X1"])
    assert_problem(
        await client.post(f"/v1/certificates/{code}/revoke", headers=manager, json={"reason": "Sai"}), 403
    )
    revoked = await client.post(
        f"/v1/certificates/{code}/revoke", headers=admin, json={"reason": "Cấp nhầm người"}
    )
    assert revoked.json()["valid"] is False
    assert revoked.json()["revoked"] is True
    assert (await client.get(f"/v1/certificates/{code}")).json()["valid"] is False
    assert_problem(await client.get(f"/v1/certificates/{code}.pdf"), 409)
    assert_problem(
        await client.post(f"/v1/certificates/{code}/revoke", headers=admin, json={"reason": "Lần nữa"}), 409
    )


async def test_my_progress_hand_checked_with_etag(
    client, admin, create_learner, create_course, record, token_factory
):
    learner = await create_learner()
    other = await create_learner("066190000777", full_name="Y Niê")
    await create_course("VNEID", hours=4, level=1, competences=["VN.1.1", "VN.2.2"])
    await create_course("CHUKYSO", hours=6, level=3, competences=["VN.2.2", "VN.4.1"])
    await create_course("AI", hours=8, level=2, competences=["VN.6.1"])
    await create_course("TMDT", hours=10, level=2, competences=["VN.3.1"])
    await record(learner["id"], "VNEID", "completed")
    vneid_cert = (await record(learner["id"], "CHUKYSO", "completed"))["certificate_code"]
    await record(learner["id"], "AI", "in_progress", progress=50)
    await record(learner["id"], "TMDT", "failed")
    await record(other["id"], "VNEID", "completed")

    mine = token_factory.auth("acc-1", roles=["learner"], learner_id=learner["id"])
    response = await client.get("/v1/me/progress", headers=mine)
    assert response.headers["cache-control"] == "private, no-cache"
    body = response.json()
    assert body["full_name"] == "Nguyễn Thị Hương"
    assert [(c["course_code"], c["status"], c["progress"]) for c in body["courses"]] == [
        ("AI", "in_progress", 50),
        ("CHUKYSO", "completed", 100),
        ("TMDT", "failed", 0),
        ("VNEID", "completed", 100),
    ]
    assert body["courses"][1]["certificate_code"] == vneid_cert
    # Highest level among completed courses: VN.2.2 is taught at level 1 (VNEID) and 3 (CHUKYSO).
    assert body["competences"] == [
        {"code": "VN.1.1", "level": 1},
        {"code": "VN.2.2", "level": 3},
        {"code": "VN.4.1", "level": 3},
    ]
    assert body["hours_completed"] == "10.0"  # 4 + 6; in-progress and failed courses do not count

    cached = await client.get("/v1/me/progress", headers={**mine, "If-None-Match": response.headers["etag"]})
    assert cached.status_code == 304
    await record(learner["id"], "AI", "completed")
    assert (
        await client.get("/v1/me/progress", headers={**mine, "If-None-Match": response.headers["etag"]})
    ).status_code == 200

    theirs = token_factory.auth("acc-2", roles=["learner"], learner_id=other["id"])
    assert [
        c["course_code"] for c in (await client.get("/v1/me/progress", headers=theirs)).json()["courses"]
    ] == ["VNEID"]
    assert_problem(await client.get("/v1/me/progress", headers=admin), 403)
    assert_problem(await client.get("/v1/me/progress"), 401)


async def test_my_progress_without_records_and_of_an_unknown_learner(
    client, create_learner, create_course, record, token_factory
):
    learner = await create_learner()
    mine = token_factory.auth("acc-1", roles=["learner"], learner_id=learner["id"])
    empty = await client.get("/v1/me/progress", headers=mine)
    assert empty.status_code == 200
    assert empty.json() == {
        "learner_id": learner["id"],
        "full_name": "Nguyễn Thị Hương",
        "courses": [],
        "competences": [],
        "hours_completed": "0",
    }
    # A first record changes the version; a repeat of the same state does not.
    await create_course("VNEID", hours=4, level=1, competences=["VN.1.1"])
    await record(learner["id"], "VNEID", "in_progress", progress=40)
    first = await client.get("/v1/me/progress", headers={**mine, "If-None-Match": empty.headers["etag"]})
    assert first.status_code == 200
    assert first.headers["etag"] != empty.headers["etag"]
    assert [(c["course_code"], c["progress"], c["hours"]) for c in first.json()["courses"]] == [
        ("VNEID", 40, "4.0")
    ]
    again = await client.get("/v1/me/progress", headers={**mine, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["etag"] == first.headers["etag"]
    assert again.content == b""

    nobody = token_factory.auth("acc-9", roles=["learner"], learner_id="00000000-0000-4000-8000-000000000009")
    assert (
        assert_problem(await client.get("/v1/me/progress", headers=nobody), 404)["code"]
        == "learner.not_linked"
    )


async def test_unit_rates_hand_computed(client, admin, create_learner, create_course, record):
    await create_course("NEN_TANG", required_for=["civil_servant", "public_employee"])
    await create_course("AN_TOAN", required_for=["civil_servant"])
    await create_course("TU_CHON")
    staff = [
        ("066190000301", "civil_servant", ["NEN_TANG", "AN_TOAN"]),  # completed both required → counts
        ("066190000302", "civil_servant", ["NEN_TANG"]),  # one of two → does not
        ("066190000303", "public_employee", ["NEN_TANG"]),  # its only required course → counts
        ("066190000304", "public_employee", ["TU_CHON"]),  # an optional course only → does not
    ]
    for national_id, category, completed in staff:
        learner = await create_learner(national_id, category=category, unit_code="66-SYT")
        for course in completed:
            await record(learner["id"], course, "completed")
    in_progress = await create_learner("066190000305", category="civil_servant", unit_code="66-SKHCN")
    await record(in_progress["id"], "NEN_TANG", "in_progress")

    rates = (
        await client.get("/v1/stats/units", headers=admin, params={"codes": "66-SYT,66-SKHCN,66-TRONG"})
    ).json()["items"]
    assert rates == [
        {"unit_code": "66-SYT", "staff_learners": 4, "completed_required": 2, "rate": "0.5000"},
        {"unit_code": "66-SKHCN", "staff_learners": 1, "completed_required": 0, "rate": "0.0000"},
        {"unit_code": "66-TRONG", "staff_learners": 0, "completed_required": 0, "rate": "0.0000"},
    ]

"""From registration to the council's approval: titles registered and approved, a dossier built with
files, sent, received, returned once, resent, reviewed and taken to the council; files refused for the
wrong type or size and invisible to other units; every step in a readable history with names."""

import io
import zipfile

import pytest

from service_kit.testing import assert_problem

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
async def world(client, admin, create_account, bearer, province_units):
    campaign = (
        await client.post(
            "/v1/campaigns",
            headers=admin,
            json={
                "code": "CDS-2025",
                "title": "Thi đua chuyển đổi số 2025",
                "level": "province",
                "organizer_unit_code": "66",
                "starts_on": "2025-01-01",
                "ends_on": "2025-12-31",
            },
        )
    ).json()
    await create_account("ql.snv", ["manager"], ["66-SNV"], full_name="Nguyễn Thị Lan")
    await create_account("ql.stc", ["manager"], ["66-STC"], full_name="Trần Văn Tài")
    office = await create_account("vp.tdkt", ["manager"], ["66"], full_name="Lê Minh Thi Đua")
    return {
        "campaign": campaign["id"],
        "snv": await bearer("ql.snv"),
        "stc": await bearer("ql.stc"),
        "office": await bearer("vp.tdkt"),
        "office_id": office["id"],
    }


async def test_the_catalogues_follow_the_law(client, admin):
    titles = (await client.get("/v1/titles", headers=admin)).json()["items"]
    by_code = {t["code"]: t for t in titles}
    assert by_code["CSTD_CO_SO"] == {
        "code": "CSTD_CO_SO",
        "name": "Chiến sĩ thi đua cơ sở",
        "subject_type": "individual",
        "level": "grassroots",
    }
    assert by_code["TAP_THE_LD_XUAT_SAC"]["subject_type"] == "collective"
    forms = (await client.get("/v1/commendation-forms", headers=admin)).json()["items"]
    assert "Giấy khen" in [f["name"] for f in forms]


async def test_a_unit_registers_and_the_organiser_approves(client, world):
    base = f"/v1/campaigns/{world['campaign']}/registrations"
    body = {
        "unit_code": "66-SNV",
        "year": 2025,
        "entries": [
            {"subject_type": "collective", "subject_name": "Sở Nội vụ", "title_code": "TAP_THE_LD_XUAT_SAC"},
            {"subject_type": "individual", "subject_name": "H'Hen Niê", "title_code": "CSTD_CO_SO"},
            {"subject_type": "individual", "subject_name": "Y Moan", "title_code": "LAO_DONG_TIEN_TIEN"},
        ],
    }
    # Another unit's manager cannot register for it; a title for the wrong kind of subject is refused.
    assert_problem(await client.post(base, headers=world["stc"], json=body), 403)
    wrong = {**body, "entries": [{**body["entries"][0], "title_code": "CSTD_CO_SO"}]}
    assert_problem(await client.post(base, headers=world["snv"], json=wrong), 422)
    created = await client.post(base, headers=world["snv"], json=body)
    assert created.status_code == 201, created.text
    registration = created.json()
    assert registration["status"] == "draft"
    assert registration["allowed_actions"] == ["submit"]
    assert_problem(await client.post(base, headers=world["snv"], json=body), 409)  # one per unit and year

    url = f"/v1/registrations/{registration['id']}"
    assert_problem(await client.post(f"{url}/approve", headers=world["office"]), 409)  # a draft
    submitted = await client.post(f"{url}/submit", headers=world["snv"])
    assert submitted.json()["status"] == "submitted"
    assert_problem(await client.post(f"{url}/approve", headers=world["snv"]), 403)  # not the organiser
    assert_problem(await client.get(url, headers=world["stc"]), 404)  # another unit's: hidden
    returned = await client.post(f"{url}/return", headers=world["office"], json={"reason": "Thiếu danh sách"})
    assert returned.json()["status"] == "returned"
    assert returned.json()["note"] == "Thiếu danh sách"
    await client.post(f"{url}/submit", headers=world["snv"])
    approved = await client.post(f"{url}/approve", headers=world["office"])
    assert approved.json()["status"] == "approved"
    assert approved.json()["allowed_actions"] == []

    other = {**body, "unit_code": "66-STC", "entries": body["entries"][1:2]}
    assert (await client.post(base, headers=world["stc"], json=other)).status_code == 201
    summary = (await client.get(f"{base}/summary", headers=world["office"])).json()
    assert summary["total"] == 2
    assert summary["by_status"] == {"draft": 1, "submitted": 0, "returned": 0, "approved": 1}
    assert {t["title_code"]: t["count"] for t in summary["by_title"]} == {
        "CSTD_CO_SO": 2,
        "LAO_DONG_TIEN_TIEN": 1,
        "TAP_THE_LD_XUAT_SAC": 1,
    }
    # A unit's manager rolls up its own registrations only.
    own = (await client.get(f"{base}/summary", headers=world["stc"])).json()
    assert own["total"] == 1
    assert [r["unit_code"] for r in (await client.get(base, headers=world["stc"])).json()["items"]] == [
        "66-STC"
    ]


async def upload(client, headers, data: bytes, name: str = "to-trinh.pdf"):
    return await client.post("/v1/files", headers=headers, files={"file": (name, data, "application/pdf")})


async def test_files_are_typed_by_their_bytes_and_limited(client, world):
    stored = await upload(client, world["snv"], PDF)
    assert stored.status_code == 201, stored.text
    assert stored.json()["content_type"] == "application/pdf"
    assert stored.json()["size"] == len(PDF)
    assert len(stored.json()["sha256"]) == 64
    docx = await upload(client, world["snv"], docx_bytes(), "bao-cao.pdf")  # the name lies; the bytes tell
    assert docx.json()["content_type"].endswith("wordprocessingml.document")
    # An executable named .pdf, a plain zip, nothing at all: refused, nothing stored.
    assert_problem(await upload(client, world["snv"], b"MZ\x90\x00" + b"\x00" * 100), 422)
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("a.txt", "x")
    assert_problem(await upload(client, world["snv"], plain_zip.getvalue()), 422)
    assert_problem(await client.post("/v1/files", headers=world["snv"], json={"file": "x"}), 422)
    # Over the limit (10 MiB by default).
    assert_problem(await upload(client, world["snv"], PDF + b"0" * (10 * 1024 * 1024)), 413)

    # Unattached: its uploader alone reads it.
    url = f"/v1/files/{stored.json()['id']}"
    own = await client.get(url, headers=world["snv"])
    assert own.status_code == 200
    assert own.content == PDF
    assert own.headers["content-type"] == "application/pdf"
    assert_problem(await client.get(url, headers=world["stc"]), 404)
    assert_problem(await client.get(url, headers=world["office"]), 404)


async def test_a_dossier_from_draft_to_council(client, world):
    pdf = (await upload(client, world["snv"], PDF)).json()
    stranger = (await upload(client, world["stc"], PDF)).json()
    body = {
        "campaign_id": world["campaign"],
        "unit_code": "66-SNV",
        "title": "Hồ sơ đề nghị khen thưởng năm 2025",
        "nominees": [
            {
                "subject_type": "individual",
                "subject_name": "H'Hen Niê",
                "unit_code": "66-SNV",
                "title_code": "CSTD_CO_SO",
                "achievements": "Số hóa 100% hồ sơ",
                "score": 92.5,
            },
            {
                "subject_type": "collective",
                "subject_name": "Sở Nội vụ",
                "unit_code": "66-SNV",
                "form_code": "BANG_KHEN_TINH",
            },
        ],
        "file_ids": [pdf["id"]],
    }
    # Another's file cannot be attached; a nominee with both a title and a form is refused; nothing is kept.
    assert_problem(
        await client.post("/v1/dossiers", headers=world["snv"], json={**body, "file_ids": [stranger["id"]]}),
        422,
    )
    both = {**body, "nominees": [{**body["nominees"][0], "form_code": "GIAY_KHEN"}]}
    assert_problem(await client.post("/v1/dossiers", headers=world["snv"], json=both), 422)
    assert_problem(await client.post("/v1/dossiers", headers=world["stc"], json=body), 403)
    assert (await client.get("/v1/dossiers", headers=world["office"])).json()["total"] == 0

    created = await client.post("/v1/dossiers", headers=world["snv"], json=body)
    assert created.status_code == 201, created.text
    dossier = created.json()
    assert dossier["status"] == "draft"
    assert dossier["file_ids"] == [pdf["id"]]
    assert dossier["allowed_actions"] == ["submit"]
    url = f"/v1/dossiers/{dossier['id']}"

    # Attached, the file is read by who reads the dossier: the organiser yes, another unit no.
    assert (await client.get(f"/v1/files/{pdf['id']}", headers=world["office"])).status_code == 200
    assert_problem(await client.get(f"/v1/files/{pdf['id']}", headers=world["stc"]), 404)
    assert_problem(await client.get(url, headers=world["stc"]), 404)

    assert_problem(await client.post(f"{url}/receive", headers=world["office"]), 409)  # not sent yet
    assert (await client.post(f"{url}/submit", headers=world["snv"])).json()["status"] == "submitted"
    assert_problem(await client.post(f"{url}/receive", headers=world["snv"]), 403)
    received = (await client.post(f"{url}/receive", headers=world["office"])).json()
    assert received["status"] == "received"
    assert set(received["allowed_actions"]) == {"assign", "review", "return", "reject"}
    assert_problem(await client.post(f"{url}/return", headers=world["office"], json={"reason": ""}), 422)
    returned = await client.post(
        f"{url}/return", headers=world["office"], json={"reason": "Thiếu bản thành tích"}
    )
    assert returned.json()["status"] == "returned"
    assert (await client.post(f"{url}/submit", headers=world["snv"])).json()["status"] == "submitted"
    await client.post(f"{url}/receive", headers=world["office"])
    assigned = await client.post(
        f"{url}/assign", headers=world["office"], json={"assignee": world["office_id"]}
    )
    assert assigned.json()["assignee_name"] == "Lê Minh Thi Đua"
    assert assigned.json()["status"] == "received"
    await client.post(f"{url}/review", headers=world["office"])
    council = (await client.post(f"{url}/to-council", headers=world["office"])).json()
    assert council["status"] == "council"

    detail = (await client.get(url, headers=world["snv"])).json()
    assert [
        (e["actor_name"], e["action_label"], e["from_status"], e["to_status"], e["reason"])
        for e in detail["history"]
    ] == [
        ("Nguyễn Thị Lan", "Lập hồ sơ", None, "draft", ""),
        ("Nguyễn Thị Lan", "Gửi hồ sơ", "draft", "submitted", ""),
        ("Lê Minh Thi Đua", "Tiếp nhận", "submitted", "received", ""),
        ("Lê Minh Thi Đua", "Trả lại để bổ sung", "received", "returned", "Thiếu bản thành tích"),
        ("Nguyễn Thị Lan", "Gửi hồ sơ", "returned", "submitted", ""),
        ("Lê Minh Thi Đua", "Tiếp nhận", "submitted", "received", ""),
        ("Lê Minh Thi Đua", "Phân công thẩm định", "received", "received", ""),
        ("Lê Minh Thi Đua", "Bắt đầu thẩm định", "received", "in_review", ""),
        ("Lê Minh Thi Đua", "Trình Hội đồng", "in_review", "council", ""),
    ]
    listed = (await client.get("/v1/dossiers", headers=world["stc"])).json()
    assert listed["total"] == 0
    assert (await client.get("/v1/dossiers?status=council", headers=world["office"])).json()["total"] == 1


async def test_the_council_votes_and_a_decision_is_issued_then_revoked(client, world, create_account, bearer):
    import pypdf

    members = []
    for name, full_name in (("hd.1", "Phạm Chủ Tịch"), ("hd.2", "Võ Ủy Viên"), ("hd.3", "Đỗ Thư Ký")):
        members.append((await create_account(name, ["council"], full_name=full_name))["id"])
    voters = [await bearer(f"hd.{i}") for i in (1, 2, 3)]

    def nominee(name, code, key="title_code", subject="individual"):
        return {"subject_type": subject, "subject_name": name, "unit_code": "66-SNV", key: code}

    body = {
        "campaign_id": world["campaign"],
        "unit_code": "66-SNV",
        "title": "Hồ sơ đề nghị khen thưởng năm 2025",
        "nominees": [
            {
                **nominee("H'Hen Niê", "CSTD_CO_SO"),
                "achievements": "Số hóa 100% hồ sơ",
                "rating": "excellent",
            },
            {**nominee("Y Moan", "CSTD_CO_SO"), "rating": "excellent"},
            {**nominee("Nguyễn Văn An", "LAO_DONG_TIEN_TIEN"), "rating": "good"},
            nominee("Sở Nội vụ", "BANG_KHEN_TINH", "form_code", "collective"),
        ],
    }
    dossier = (await client.post("/v1/dossiers", headers=world["snv"], json=body)).json()
    url = f"/v1/dossiers/{dossier['id']}"
    session_body = {
        "title": "Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh",
        "held_on": "2025-12-15",
        "members": members,
        "dossier_ids": [dossier["id"]],
        "quorum": 2,
        "threshold": 0.6667,
    }
    # Not yet at the council: refused, nothing convened.
    assert_problem(await client.post("/v1/council-sessions", headers=world["office"], json=session_body), 409)
    await client.post(f"{url}/submit", headers=world["snv"])
    for step in ("receive", "review", "to-council"):
        assert (await client.post(f"{url}/{step}", headers=world["office"])).status_code == 200
    assert_problem(await client.post("/v1/council-sessions", headers=world["snv"], json=session_body), 403)
    assert_problem(
        await client.post(
            "/v1/council-sessions", headers=world["office"], json={**session_body, "quorum": 4}
        ),
        422,
    )
    assert (await client.get("/v1/council-sessions", headers=world["office"])).json()["total"] == 0
    created = await client.post("/v1/council-sessions", headers=world["office"], json=session_body)
    assert created.status_code == 201, created.text
    council = created.json()
    assert council["member_names"] == ["Phạm Chủ Tịch", "Võ Ủy Viên", "Đỗ Thư Ký"]
    assert council["allowed_actions"] == ["issue_decision"]  # the office is no member: it issues, never votes
    votes_url = f"/v1/council-sessions/{council['id']}/votes"

    ballots = {
        0: ("for", "for", "for"),
        1: ("for", "for", "against"),
        2: ("for", "for", "abstain"),
        3: ("for", "against", "against"),
    }
    for index, cast in ballots.items():
        for voter, vote in zip(voters, cast, strict=True):
            answer = await client.post(
                votes_url,
                headers=voter,
                json={"dossier_id": dossier["id"], "nominee_index": index, "vote": vote},
            )
            assert answer.status_code == 201, answer.text
    again = {"dossier_id": dossier["id"], "nominee_index": 0, "vote": "against"}
    assert_problem(await client.post(votes_url, headers=voters[0], json=again), 409)  # one vote each
    assert_problem(await client.post(votes_url, headers=world["office"], json=again), 403)  # members only
    assert_problem(await client.post(votes_url, headers=voters[0], json={**again, "nominee_index": 9}), 409)

    results = (await client.get(f"/v1/council-sessions/{council['id']}/results", headers=world["snv"])).json()
    assert results["quorum_reached"] is True
    assert results["voters"] == 3
    tally = [
        (n["votes_for"], n["votes_against"], n["abstentions"], n["needed"], n["passed"])
        for n in results["nominees"]
    ]
    assert tally == [(3, 0, 0, 2, True), (2, 1, 0, 2, True), (2, 0, 1, 2, True), (1, 2, 0, 2, False)]
    # Two grassroots emulation fighters for one advanced worker: over 15 % (at most 1); two rated excellent
    # for one rated good: over 20 % (at most 1).
    assert [
        (b["rule"], b["unit_code"], b["unit_name"], b["allowed"], b["actual"])
        for b in results["quota_breaches"]
    ] == [
        ("grassroots_fighters_share", "66-SNV", "Sở Nội vụ", 1, 2),
        ("excellent_rating_share", "66-SNV", "Sở Nội vụ", 1, 2),
    ]
    assert results["quota_breaches"][1]["message"] == (
        "Sở Nội vụ: 2 cá nhân xếp loại “Hoàn thành xuất sắc nhiệm vụ”, vượt mức 20% của 1 cá nhân "
        "“Hoàn thành tốt nhiệm vụ” (tối đa 1)."
    )
    assert [n["rating"] for n in results["nominees"]] == ["excellent", "excellent", "good", None]

    decision_body = {
        "session_id": council["id"],
        "number": "1234/QĐ-UBND",
        "signed_on": "2025-12-20",
        "signer": "Nguyễn Văn Chủ",
        "title_code": "CSTD_CO_SO",
        "nominees": [
            {"dossier_id": dossier["id"], "nominee_index": 0},
            {"dossier_id": dossier["id"], "nominee_index": 1},
        ],
    }
    failed = {
        **decision_body,
        "title_code": None,
        "form_code": "BANG_KHEN_TINH",
        "nominees": [{"dossier_id": dossier["id"], "nominee_index": 3}],
    }
    assert_problem(
        await client.post("/v1/decisions", headers=world["office"], json=failed), 422
    )  # did not pass
    assert_problem(await client.post("/v1/decisions", headers=world["snv"], json=decision_body), 403)
    issued = await client.post("/v1/decisions", headers=world["office"], json=decision_body)
    assert issued.status_code == 201, issued.text
    decision = issued.json()
    assert decision["status"] == "issued"
    assert decision["award_name"] == "Chiến sĩ thi đua cơ sở"
    assert [a["subject_name"] for a in decision["awardees"]] == ["H'Hen Niê", "Y Moan"]
    assert decision["allowed_actions"] == ["revoke"]
    assert_problem(
        await client.post(
            "/v1/decisions", headers=world["office"], json={**decision_body, "number": "1235/QĐ-UBND"}
        ),
        409,
    )  # already awarded
    detail = (await client.get(url, headers=world["snv"])).json()
    assert detail["status"] == "approved"
    assert detail["history"][-1]["reason"] == "Quyết định số 1234/QĐ-UBND"

    pdf = await client.get(f"/v1/decisions/{decision['id']}.pdf", headers=world["snv"])
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "QUYẾT ĐỊNH",
        "1234/QĐ-UBND",
        "H'Hen Niê",
        "Y Moan",
        "Nguyễn Văn Chủ",
        "Sở Nội vụ",
    ):
        assert expected in text, expected
    assert "Nguyễn Văn An" not in text

    revoke = f"/v1/decisions/{decision['id']}/revoke"
    assert_problem(await client.post(revoke, headers=world["snv"], json={"reason": "Gian lận"}), 403)
    revoked = await client.post(
        revoke, headers=world["office"], json={"reason": "Kê khai thành tích không trung thực"}
    )
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["status"] == "revoked"
    assert revoked.json()["revoked_reason"] == "Kê khai thành tích không trung thực"
    assert [a["subject_name"] for a in revoked.json()["awardees"]] == ["H'Hen Niê", "Y Moan"]  # kept
    assert_problem(await client.post(revoke, headers=world["office"], json={"reason": "Lần nữa"}), 409)
    text = "".join(
        page.extract_text()
        for page in pypdf.PdfReader(
            io.BytesIO(
                (await client.get(f"/v1/decisions/{decision['id']}.pdf", headers=world["snv"])).content
            )
        ).pages
    )
    assert "ĐÃ THU HỒI" in text
    # Revoked, the nominees may be awarded again.
    assert (
        await client.post(
            "/v1/decisions", headers=world["office"], json={**decision_body, "number": "1236/QĐ-UBND"}
        )
    ).status_code == 201


class ScoringDouble:
    """scoring-api's round, criteria set and proposals (or down)."""

    def __init__(self, campaign_id: str) -> None:
        self.campaign_id = campaign_id
        self.down = False
        self.round_id = "5c0a1e2b-0000-4000-8000-000000000001"

    def __call__(self, request):
        import httpx

        if self.down:
            return httpx.Response(503)
        path = request.url.path
        if path == f"/v1/rounds/{self.round_id}":
            return httpx.Response(
                200,
                json={
                    "id": self.round_id,
                    "name": "Chấm điểm năm 2025",
                    "criteria_set_id": "5c0a1e2b-0000-4000-8000-000000000002",
                },
            )
        if path == "/v1/criteria-sets/5c0a1e2b-0000-4000-8000-000000000002":
            return httpx.Response(
                200, json={"id": "5c0a1e2b-0000-4000-8000-000000000002", "campaign_id": self.campaign_id}
            )
        if path == f"/v1/rounds/{self.round_id}/proposals":

            def item(subject_id, name, unit, total):
                return {
                    "rank": 1,
                    "scorecard_id": "5c0a1e2b-0000-4000-8000-0000000000aa",
                    "subject_id": subject_id,
                    "subject_name": name,
                    "unit_code": unit,
                    "cluster": "Khối Sở",
                    "total": total,
                    "band": None,
                    "provisional": False,
                }

            return httpx.Response(
                200,
                json={
                    "round_id": self.round_id,
                    "top_band_max_share": None,
                    "clusters": [
                        {
                            "cluster": "Khối Sở",
                            "bands": [
                                {
                                    "label": "Xuất sắc",
                                    "subjects": [
                                        item("66-SNV", "Sở Nội vụ", "66-SNV", "95.5"),
                                        item("cb-1", "H'Hen Niê", "66-SNV", "93"),
                                    ],
                                },
                                {
                                    "label": "Tốt",
                                    "subjects": [item("66-STC", "Sở Tài chính", "66-STC", "85")],
                                },
                                {"label": "Đạt", "subjects": [item("cb-2", "Y Moan", "66-STC", "60")]},
                            ],
                            "adjustments": [],
                            "unbanded": [],
                        }
                    ],
                },
            )
        return httpx.Response(404, json={"type": "about:blank", "title": "Not Found", "status": 404})


@pytest.fixture
def scoring(app, world):
    import httpx

    from campaign_api.clients.scoring import ScoringClient
    from campaign_api.identity.keys import ServiceToken

    double = ScoringDouble(world["campaign"])
    app.state.scoring_client = ScoringClient(
        "http://scoring.test",
        transport=httpx.MockTransport(double),
        backoff_seconds=0,
        retries=0,
        token=ServiceToken(app.state.signing_keys, app.state.settings, scope="scoring:read"),
    )
    return double


async def test_dossiers_are_built_from_a_rounds_proposals(client, world, scoring):
    body = {"round_id": scoring.round_id}
    assert_problem(await client.post("/v1/dossiers/from-proposals", headers=world["snv"], json=body), 403)
    built = await client.post("/v1/dossiers/from-proposals", headers=world["office"], json=body)
    assert built.status_code == 201, built.text
    result = built.json()
    assert (result["created"], result["existing"]) == (2, 0)
    by_unit = {d["unit_code"]: d for d in result["items"]}
    assert [
        (n["subject_type"], n["subject_name"], n["title_code"], n["rating"])
        for n in by_unit["66-SNV"]["nominees"]
    ] == [
        ("collective", "Sở Nội vụ", "TAP_THE_LD_XUAT_SAC", None),
        ("individual", "H'Hen Niê", "CSTD_CO_SO", "excellent"),  # the first band's rank
    ]
    # The third band is not proposed.
    assert [(n["subject_name"], n["title_code"]) for n in by_unit["66-STC"]["nominees"]] == [
        ("Sở Tài chính", "TAP_THE_LD_TIEN_TIEN")
    ]
    assert by_unit["66-SNV"]["round_id"] == scoring.round_id
    assert by_unit["66-SNV"]["status"] == "draft"
    # Again: nothing new.
    again = (await client.post("/v1/dossiers/from-proposals", headers=world["office"], json=body)).json()
    assert (again["created"], again["existing"]) == (0, 2)
    assert (await client.get("/v1/dossiers", headers=world["office"])).json()["total"] == 2

    scoring.down = True
    down = assert_problem(
        await client.post("/v1/dossiers/from-proposals", headers=world["office"], json=body), 503
    )
    assert down["code"] == "scoring.unavailable"
    assert (await client.get("/v1/dossiers", headers=world["office"])).json()["total"] == 2


@pytest.fixture
def scoring_tasks(app):
    import httpx

    from campaign_api.clients.scoring import ScoringClient

    state = {"down": False, "seen": []}

    def answer(request):
        state["seen"].append(request.headers.get("authorization"))
        if state["down"]:
            return httpx.Response(503)
        assert request.url.path == "/v1/me/tasks"
        return httpx.Response(
            200,
            json={
                "items": [
                    {
                        "kind": "fill",
                        "title": "Tự chấm điểm: Sở Nội vụ",
                        "link": "/scorecards/1",
                        "due_on": "2025-06-30",
                    }
                ]
            },
        )

    app.state.scoring_tasks_client = ScoringClient(
        "http://scoring.test", transport=httpx.MockTransport(answer), backoff_seconds=0, retries=0
    )
    return state


async def test_the_inbox_lists_exactly_what_waits_and_degrades(
    client, world, admin, create_account, bearer, scoring_tasks
):
    campaign = f"/v1/campaigns/{world['campaign']}"
    await client.post(f"{campaign}/participants", headers=admin, json={"unit_codes": ["66-SNV", "66-STC"]})
    phase = {
        "name": "Giai đoạn 1",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "milestones": [
            {"title": "Ban hành kế hoạch", "kind": "plan_due", "due_on": "2025-03-31"},
            {"title": "Báo cáo 6 tháng", "kind": "report_due", "due_on": "2025-06-30"},
        ],
    }
    assert (await client.post(f"{campaign}/phases", headers=admin, json=phase)).status_code == 201
    await client.post(f"{campaign}/launch", headers=admin)
    await client.put(
        f"{campaign}/participants/66-STC/plan",
        headers=world["stc"],
        json={"document_no": "1/KH-STC", "issued_on": "2025-02-01"},
    )
    entry = {"subject_type": "individual", "subject_name": "H'Hen Niê", "title_code": "CSTD_CO_SO"}
    await client.post(
        f"{campaign}/registrations",
        headers=world["snv"],
        json={"unit_code": "66-SNV", "year": 2025, "entries": [entry]},
    )
    stc = (
        await client.post(
            f"{campaign}/registrations",
            headers=world["stc"],
            json={"unit_code": "66-STC", "year": 2025, "entries": [entry]},
        )
    ).json()
    await client.post(f"/v1/registrations/{stc['id']}/submit", headers=world["stc"])
    nominee = {**entry, "unit_code": "66-SNV"}
    dossier = (
        await client.post(
            "/v1/dossiers",
            headers=world["snv"],
            json={
                "campaign_id": world["campaign"],
                "unit_code": "66-SNV",
                "title": "Hồ sơ 2025",
                "nominees": [nominee, nominee],
            },
        )
    ).json()
    member = await create_account("hd.tv", ["council"], full_name="Thành Viên")
    for step in ("submit",):
        await client.post(f"/v1/dossiers/{dossier['id']}/{step}", headers=world["snv"])
    for step in ("receive", "review", "to-council"):
        await client.post(f"/v1/dossiers/{dossier['id']}/{step}", headers=world["office"])
    council = (
        await client.post(
            "/v1/council-sessions",
            headers=world["office"],
            json={
                "title": "Phiên họp 2025",
                "held_on": "2025-12-15",
                "members": [member["id"]],
                "dossier_ids": [dossier["id"]],
                "quorum": 1,
                "threshold": 0.5,
            },
        )
    ).json()
    voter = await bearer("hd.tv")
    await client.post(
        f"/v1/council-sessions/{council['id']}/votes",
        headers=voter,
        json={"dossier_id": dossier["id"], "nominee_index": 0, "vote": "for"},
    )

    def summary(body):
        return [(t["kind"], t["title"], t["due_on"], t["overdue"]) for t in body["items"]]

    snv = (await client.get("/v1/me/tasks", headers=world["snv"])).json()
    assert [t["kind"] for t in snv["items"]] == ["plan_due", "report_due", "scorecard", "registration"]
    assert [t["overdue"] for t in snv["items"]] == [True, True, True, False]
    assert snv["items"][1] == {
        "kind": "report_due",
        "title": "Báo cáo 6 tháng — Thi đua chuyển đổi số 2025 (Sở Nội vụ)",
        "link": f"/movements/{world['campaign']}",
        "due_on": "2025-06-30",
        "overdue": True,
        "service": "campaign-api",
    }
    assert snv["sources"] == {"campaign-api": "ok", "scoring-api": "ok"}
    assert scoring_tasks["seen"][-1] == world["snv"]["Authorization"]  # asked as the caller

    # 66-STC filed its plan: only its report is due; its registration waits on the organiser.
    stc_tasks = (await client.get("/v1/me/tasks", headers=world["stc"])).json()
    assert [t["kind"] for t in stc_tasks["items"]] == ["report_due", "scorecard"]
    office = (await client.get("/v1/me/tasks", headers=world["office"])).json()
    assert [(t["kind"], t["title"]) for t in office["items"] if t["kind"] != "scorecard"] == [
        ("registration", "Duyệt đăng ký thi đua năm 2025 của Sở Tài chính")
    ]
    member_tasks = (await client.get("/v1/me/tasks", headers=voter)).json()
    assert [(t["kind"], t["title"], t["due_on"]) for t in member_tasks["items"] if t["kind"] == "vote"] == [
        ("vote", "Biểu quyết 1 người/tập thể được đề nghị — Phiên họp 2025", "2025-12-15")
    ]
    assert member_tasks["counts"]["vote"] == 1

    scoring_tasks["down"] = True
    degraded = (await client.get("/v1/me/tasks", headers=world["snv"])).json()
    assert degraded["sources"]["scoring-api"] == "pending"
    assert [t["kind"] for t in degraded["items"]] == ["plan_due", "report_due", "pending", "registration"]

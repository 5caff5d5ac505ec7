"""Files on what units file in a movement: reports' evidence, implementation plans and initiatives take
`file_ids`. A file is read by whoever reads the object it is attached to (the unit, the organiser), by
nobody else; a unit cannot attach a file another unit uploaded, and a refused attachment keeps nothing."""

import pytest

from service_kit.testing import assert_problem

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
async def world(client, admin, create_account, bearer, province_units):
    campaign = (
        await client.post(
            "/v1/campaigns",
            headers=admin,
            json={
                "code": "CDS-2026",
                "title": "Thi đua chuyển đổi số 2026",
                "level": "province",
                "organizer_unit_code": "66",
                "starts_on": "2026-01-01",
                "ends_on": "2026-12-31",
            },
        )
    ).json()
    base = f"/v1/campaigns/{campaign['id']}"
    enrolled = await client.post(
        f"{base}/participants", headers=admin, json={"unit_codes": ["66-SNV", "66-STC"]}
    )
    assert enrolled.status_code == 200, enrolled.text
    assert (await client.post(f"{base}/launch", headers=admin)).status_code == 200
    await create_account("ql.snv", ["manager"], ["66-SNV"], full_name="Nguyễn Thị Lan")
    await create_account("ql.stc", ["manager"], ["66-STC"], full_name="Trần Văn Tài")
    await create_account("vp.tdkt", ["manager"], ["66"], full_name="Lê Minh Thi Đua")
    return {
        "base": base,
        "snv": await bearer("ql.snv"),
        "stc": await bearer("ql.stc"),
        "office": await bearer("vp.tdkt"),
    }


async def upload(client, headers, data: bytes = PDF, name: str = "minh-chung.pdf") -> dict:
    stored = await client.post("/v1/files", headers=headers, files={"file": (name, data, "application/pdf")})
    assert stored.status_code == 201, stored.text
    return stored.json()


async def readers(client, world, file_id: str) -> dict[str, int]:
    return {
        who: (await client.get(f"/v1/files/{file_id}", headers=world[who])).status_code
        for who in ("snv", "stc", "office")
    }


async def test_a_reports_evidence_files_are_read_by_the_unit_and_the_organiser_only(client, world):
    pdf = await upload(client, world["snv"])
    stranger = await upload(client, world["stc"])
    body = {"unit_code": "66-SNV", "period_end": "2026-06-30", "narrative": "Quý II", "file_ids": [pdf["id"]]}
    # Another unit's file cannot be attached: 422 naming it, and no report is kept.
    refused = await client.post(
        f"{world['base']}/reports", headers=world["snv"], json={**body, "file_ids": [stranger["id"]]}
    )
    assert_problem(refused, 422)
    assert refused.json()["errors"][0]["field"].endswith("file_ids.0")
    assert (await client.get(f"{world['base']}/reports", headers=world["office"])).json()["total"] == 0

    created = await client.post(f"{world['base']}/reports", headers=world["snv"], json=body)
    assert created.status_code == 201, created.text
    report = created.json()
    assert report["file_ids"] == [pdf["id"]]
    assert report["files"] == [
        {
            "id": pdf["id"],
            "filename": "minh-chung.pdf",
            "content_type": "application/pdf",
            "size": len(PDF),
            "sha256": pdf["sha256"],
        }
    ]
    # The list and the report's own page carry them too.
    listed = (await client.get(f"{world['base']}/reports", headers=world["office"])).json()["items"]
    assert [item["file_ids"] for item in listed] == [[pdf["id"]]]
    own = (await client.get(f"/v1/reports/{report['id']}", headers=world["snv"])).json()
    assert [f["filename"] for f in own["files"]] == ["minh-chung.pdf"]

    assert await readers(client, world, pdf["id"]) == {"snv": 200, "stc": 404, "office": 200}
    downloaded = await client.get(f"/v1/files/{pdf['id']}", headers=world["office"])
    assert downloaded.content == PDF
    # The file stays where it is: another unit cannot take it over for its own report.
    theft = {**body, "unit_code": "66-STC", "file_ids": [pdf["id"]]}
    assert_problem(await client.post(f"{world['base']}/reports", headers=world["stc"], json=theft), 422)

    # Returned, then resubmitted with another set: the new set replaces the old one.
    url = f"/v1/reports/{report['id']}"
    await client.post(f"{url}/return", headers=world["office"], json={"review_note": "Thiếu ảnh"})
    photo = await upload(client, world["snv"], PNG, "anh.png")
    resubmitted = await client.put(
        url,
        headers=world["snv"],
        json={"period_end": "2026-06-30", "narrative": "Quý II, bổ sung", "file_ids": [photo["id"]]},
    )
    assert resubmitted.status_code == 200, resubmitted.text
    assert resubmitted.json()["file_ids"] == [photo["id"]]
    assert resubmitted.json()["files"][0]["content_type"] == "image/png"
    assert await readers(client, world, photo["id"]) == {"snv": 200, "stc": 404, "office": 200}
    # The file left out goes back to its uploader alone.
    assert await readers(client, world, pdf["id"]) == {"snv": 200, "stc": 404, "office": 404}


async def test_a_plans_files_are_replaced_with_the_plan(client, world):
    first = await upload(client, world["snv"], name="ke-hoach.pdf")
    url = f"{world['base']}/participants/66-SNV/plan"
    plan = {
        "document_no": "12/KH-SNV",
        "issued_on": "2026-02-01",
        "summary": "Kế hoạch",
        "file_ids": [first["id"]],
    }
    # Another unit's manager cannot file this unit's plan (nor attach anything to it).
    assert_problem(await client.put(url, headers=world["stc"], json=plan), 403)
    filed = await client.put(url, headers=world["snv"], json=plan)
    assert filed.status_code == 200, filed.text
    assert [f["filename"] for f in filed.json()["plan_files"]] == ["ke-hoach.pdf"]
    assert await readers(client, world, first["id"]) == {"snv": 200, "stc": 404, "office": 200}
    rows = (await client.get(f"{world['base']}/participants", headers=world["office"])).json()["items"]
    assert {row["unit_code"]: [f["id"] for f in row["plan_files"]] for row in rows} == {
        "66-SNV": [first["id"]],
        "66-STC": [],
    }
    # A stranger's file in the set: 422 and the plan keeps its files.
    stranger = await upload(client, world["stc"])
    assert_problem(
        await client.put(url, headers=world["snv"], json={**plan, "file_ids": [stranger["id"]]}), 422
    )
    assert await readers(client, world, first["id"]) == {"snv": 200, "stc": 404, "office": 200}
    # Filed again without files: the plan has none.
    again = await client.put(url, headers=world["snv"], json={**plan, "file_ids": []})
    assert again.json()["plan_files"] == []
    assert await readers(client, world, first["id"]) == {"snv": 200, "stc": 404, "office": 404}


async def test_an_initiatives_files_follow_the_initiative(client, world):
    pdf = await upload(client, world["snv"], name="sang-kien.pdf")
    stranger = await upload(client, world["stc"])
    base = f"{world['base']}/initiatives"
    body = {
        "title": "Số hóa hồ sơ một cửa",
        "unit_code": "66-SNV",
        "authors": ["H'Hen Niê"],
        "file_ids": [pdf["id"]],
    }
    assert_problem(
        await client.post(base, headers=world["snv"], json={**body, "file_ids": [stranger["id"]]}), 422
    )
    assert (await client.get(base, headers=world["office"])).json()["total"] == 0
    created = await client.post(base, headers=world["snv"], json=body)
    assert created.status_code == 201, created.text
    assert created.json()["file_ids"] == [pdf["id"]]
    listed = (await client.get(base, headers=world["office"])).json()["items"]
    assert [[f["filename"] for f in item["files"]] for item in listed] == [["sang-kien.pdf"]]
    assert await readers(client, world, pdf["id"]) == {"snv": 200, "stc": 404, "office": 200}
    assessed = await client.post(
        f"/v1/initiatives/{created.json()['id']}/assess",
        headers=world["office"],
        json={"status": "accepted", "assessment": "Có tính mới"},
    )
    assert assessed.json()["file_ids"] == [pdf["id"]]

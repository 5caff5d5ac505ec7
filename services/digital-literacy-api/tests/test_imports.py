"""Bulk imports, end to end on a database of their own (the worker commits on its own connections): exact
counts and contents for mixed files, re-imports, duplicates, XLSX and CSV dialects, whole-file refusals,
the size limit, idempotency, scope, and jobs that survive a restart of the service."""

import asyncio
import contextlib
import csv
import io
import re
import time
import tracemalloc
import uuid
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest
from sqlalchemy import text

from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE
from literacy_api.imports.columns import COLUMNS
from literacy_api.imports.reader import FileRejected, check_readable, open_import_file
from literacy_api.imports.xlsx import WorkbookLimits
from literacy_api.main import create_app
from literacy_api.spreadsheets import csv_cell, xlsx_cell
from service_kit.testing import ServiceUnderTest, assert_problem, started
from service_kit.types import today_in_vietnam

VI = {c.name: c.header_vi for c in COLUMNS}
TODAY = today_in_vietnam()
TABLES = (
    "literacy.import_job, literacy.learner, literacy.training_record, literacy.certificate, literacy.course,"
    " literacy.coverage_cell, literacy.coverage_link, literacy.coverage_course_month, literacy.coverage_course_day"
)


@pytest.fixture(scope="module")
def imports_database_url(provision_separate):
    return provision_separate(SERVICE_DATABASE, "thidua_imports")


@pytest.fixture
def start(imports_database_url, token_factory, campaign_directory):
    """Starts the service (its worker included) on the imports database; more than once for restarts."""

    def start_service(**overrides):
        overrides = {"import_poll_seconds": 0.05, **overrides}
        app = ServiceUnderTest(SERVICE_DATABASE, create_app, LiteracySettings).build_app(
            imports_database_url, **overrides
        )

        @contextlib.asynccontextmanager
        async def running():
            async with started(app) as client:
                app.state.token_verifier.trust(token_factory.trusted_issuer(), token_factory.key_source())
                app.state.campaign = campaign_directory.client()
                yield app, client

        return running()

    return start_service


@pytest.fixture
async def service(start, admin):
    async with start() as (app, client):
        async with app.state.database.engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))
        for code in ("VNEID", "DVC"):
            response = await client.post(
                "/v1/courses",
                headers=admin,
                json={"code": code, "title": f"Khóa {code}", "hours": 4, "level": 1, "competence_codes": []},
            )
            assert response.status_code == 201, response.text
        yield app, client


def csv_bytes(rows, *, headers=None, delimiter=";", bom=True, encoding="utf-8") -> bytes:
    names = list(rows[0]) if rows else list(VI)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers or [VI[n] for n in names])
    for row in rows:
        writer.writerow([row.get(n, "") for n in names])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode(encoding)


def person(national_id: str, commune: str, course: str = "VNEID", **overrides) -> dict:
    return {
        "national_id": national_id,
        "full_name": "Hà Thị Mai",
        "date_of_birth": "17/05/1990",
        "gender": "Nữ",
        "ethnicity": "Ê Đê",
        "commune_code": commune,
        "category": "Người dân",
        "unit_code": "",
        "course_code": course,
        "status": "Đang học",
        "progress": "40",
        "score": "",
        "completed_on": "",
        "enrolled_on": "01/09/2025",
        **overrides,
    }


async def upload(client, headers, content: bytes, name="du-lieu.csv", **extra) -> dict:
    response = await client.post(
        "/v1/imports", headers={**headers, **extra}, files={"file": (name, content, "text/csv")}
    )
    assert response.status_code == 202, response.text
    return response.json()


async def finished(client, headers, job_id: str) -> dict:
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        job = (await client.get(f"/v1/imports/{job_id}", headers=headers)).json()
        if job["status"] in ("succeeded", "failed"):
            return job
        await asyncio.sleep(0.05)
    raise AssertionError(f"import {job_id} did not finish: {job}")


def counts(job: dict) -> dict:
    keys = ("total_rows", "processed_rows", "inserted", "updated", "unchanged", "rejected", "duplicates")
    return {k: job[k] for k in keys}


async def scalar(app, sql: str, **params):
    async with app.state.database.engine.connect() as connection:
        return (await connection.execute(text(sql), params)).scalar()


async def test_a_mixed_file_imports_the_good_rows_and_reports_every_bad_one(service, admin, communes):
    app, client = service
    c0, c1 = communes[0], communes[1]
    future = (TODAY + timedelta(days=3)).strftime("%d/%m/%Y")
    rows = [
        person("066190000001", c0, status="Hoàn thành", progress="", completed_on="10/09/2025"),  # line 2
        person("066190000001", c0, course="DVC"),  # 3
        person("066190000002", c1, status="Đã ghi danh", progress="0"),  # 4: replaced by line 15
        person("ABC", c0),  # 5
        person("066190000003", c0, date_of_birth="31/02/1990"),  # 6
        person("066190000004", "99999"),  # 7
        person("066190000005", c0, category="Bộ đội"),  # 8
        person("066190000006", c0, course="ZZZ"),  # 9
        person("066190000007", c0, status="Hoàn thành", progress=""),  # 10: no completion date
        person("066190000008", c0, status="Đã ghi danh", progress="50"),  # 11
        person("066190000009", c0, completed_on="01/10/2025"),  # 12: in progress with a completion date
        person("066190000010", c0, full_name=""),  # 13
        person("066190000011", c0, enrolled_on=future),  # 14
        person("066190000002", c1, status="in_progress", progress="30"),  # 15
    ]
    job = await upload(client, admin, csv_bytes(rows))
    assert job["status"] == "queued"
    job = await finished(client, admin, job["id"])
    assert job["status"] == "succeeded", job
    assert counts(job) == {
        "total_rows": 14,
        "processed_rows": 14,
        "inserted": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 10,
        "duplicates": 1,
    }
    assert job["certificates_issued"] == 1
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 2
    assert await scalar(app, "SELECT count(*) FROM literacy.training_record") == 3
    later = await scalar(
        app,
        "SELECT r.status || ' ' || r.progress FROM literacy.training_record r JOIN literacy.learner l"
        " ON l.id = r.learner_id WHERE l.national_id_masked = '066******002'",
    )
    assert later == "in_progress 30"
    completed = await scalar(
        app, "SELECT completed_on FROM literacy.training_record WHERE status = 'completed'"
    )
    assert completed == date(2025, 9, 10)
    # National IDs are stored encrypted and masked, never in clear.
    assert (
        await scalar(app, "SELECT count(*) FROM literacy.learner WHERE national_id_masked LIKE '066*%'") == 2
    )

    report = await client.get(f"/v1/imports/{job['id']}/errors", headers=admin)
    assert report.status_code == 200
    assert report.text.startswith("\ufeffDòng,Lý do")
    lines = {int(r[0]): r[1] for r in list(csv.reader(io.StringIO(report.text.lstrip("\ufeff"))))[1:]}
    assert sorted(lines) == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    assert "Số CCCD" in lines[5]
    assert "ABC" not in lines[5]
    assert "Ngày sinh" in lines[6]
    assert "99999" in lines[7]
    assert "Đối tượng" in lines[8]
    assert "ZZZ" in lines[9]
    assert "Ngày hoàn thành" in lines[10]
    assert "Tiến độ" in lines[11]
    assert "Ngày hoàn thành" in lines[12]
    assert "Họ và tên" in lines[13]
    assert "Ngày ghi danh" in lines[14]

    # Coverage moved: two learners, one completed, both courses counted.
    coverage = (await client.get("/v1/stats/coverage", headers=admin, params={"group_by": "course"})).json()
    assert {i["key"]: (i["learners"], i["completed"]) for i in coverage["items"]} == {
        "VNEID": (2, 1),
        "DVC": (1, 0),
    }

    # The same file again changes nothing.
    again = await finished(client, admin, (await upload(client, admin, csv_bytes(rows)))["id"])
    assert counts(again) == {**counts(job), "inserted": 0, "unchanged": 3}
    assert await scalar(app, "SELECT count(*) FROM literacy.training_record") == 3
    assert await scalar(app, "SELECT count(*) FROM literacy.certificate") == 1

    # A completed course stays completed on its date; a new name updates the learner's rows.
    changes = [
        person("066190000001", c0, status="Đang học"),
        person("066190000001", c0, course="DVC", full_name="Hà Thị Mai Anh"),
        person("066190000002", c1, status="Hoàn thành", progress="100", completed_on="05/10/2025"),
    ]
    third = await finished(client, admin, (await upload(client, admin, csv_bytes(changes)))["id"])
    assert counts(third) == {
        "total_rows": 3,
        "processed_rows": 3,
        "inserted": 0,
        "updated": 2,
        "unchanged": 0,
        "rejected": 1,
        "duplicates": 0,
    }
    assert third["certificates_issued"] == 1
    errors = (await client.get(f"/v1/imports/{third['id']}/errors", headers=admin)).text
    assert "10/09/2025" in errors
    assert await scalar(app, "SELECT count(*) FROM literacy.learner WHERE full_name = 'Hà Thị Mai Anh'") == 1
    assert (
        await scalar(
            app, "SELECT count(*) FROM literacy.audit_event WHERE after->>'import_id' = :id", id=job["id"]
        )
        == 5
    )


async def test_xlsx_with_codes_turned_into_numbers_and_csv_with_commas_and_english_headers(
    service, admin, communes
):
    app, client = service
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([c.header_vi for c in COLUMNS])
    # Excel keeps a CCCD typed as a number without its leading zero, and dates as dates.
    sheet.append([66190000021, "Y Bhăm Niê", date(1985, 3, 2), "Nam", "Ê Đê", int(communes[0]), "Công chức",
                  "66-X1", "VNEID", "Hoàn thành", None, 8.5, date(2025, 10, 1), date(2025, 9, 20)])  # fmt: skip
    sheet.append([])
    sheet.append(["066190000022", "H'Hen Niê", "02/03/1999", "Nữ", None, communes[1], "Học sinh",
                  None, "DVC", "Không đạt", 60, None, None, None])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = await upload(client, admin, buffer.getvalue(), name="du-lieu.xlsx")
    job = await finished(client, admin, job["id"])
    assert job["status"] == "succeeded", job["failure"]
    assert (job["total_rows"], job["inserted"], job["rejected"]) == (2, 2, 0)
    assert await scalar(app, "SELECT national_id_masked FROM literacy.learner WHERE unit_code = '66-X1'") == (
        "066******021"
    )
    assert await scalar(app, "SELECT score FROM literacy.training_record WHERE status = 'completed'") == 8.5

    rows = [
        person(
            "066190000023", communes[0], gender="female", category="citizen", status="enrolled", progress=""
        )
    ]
    english = csv_bytes(rows, headers=list(rows[0]), delimiter=",", bom=False)
    job = await finished(client, admin, (await upload(client, admin, english))["id"])
    assert (job["status"], job["inserted"]) == ("succeeded", 1)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("Số CCCD;Họ và tên\n066190000031;Nguyễn Văn A\n".encode("cp1252", errors="replace") * 3, "UTF-8"),
        (b" \r\n" * 40, "trống"),
        ("\ufeff".encode() + b"\n" * 70, "trống"),
        (csv_bytes([person("066190000032", "24118")])[:200].split(b"\n")[0] + b"\n", "không có dòng dữ liệu"),
        ("Số CCCD;Họ và tên\n066190000033;Nguyễn Văn B\n".encode() * 2, "Thiếu cột bắt buộc"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "không phải CSV hay XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".xls"),
        (b"PK\x03\x04garbage" + b"!" * 64, ".xlsx"),
    ],
)
async def test_an_unreadable_file_fails_with_its_reason_and_writes_nothing(service, admin, content, reason):
    app, client = service
    job = await finished(client, admin, (await upload(client, admin, content))["id"])
    assert job["status"] == "failed"
    assert reason in job["failure"]
    assert (job["inserted"], job["updated"], job["unchanged"]) == (0, 0, 0)
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 0
    assert await scalar(app, "SELECT count(*) FROM literacy.import_file_chunk") == 0


@pytest.mark.parametrize("content", [b"", "\ufeff".encode(), b"true", b"null", b"PK\x03\x04garbage"])
async def test_a_file_too_small_to_hold_a_header_and_a_row_is_refused_at_once(service, admin, content):
    app, client = service
    response = await client.post("/v1/imports", headers=admin, files={"file": ("x.csv", content, "text/csv")})
    assert assert_problem(response, 422)["code"] == "import.too_small"
    assert await scalar(app, "SELECT count(*) FROM literacy.import_job") == 0


async def test_the_upload_takes_one_file_part_and_nothing_else(service, admin):
    app, client = service
    content = csv_bytes([person("066190000034", "24118")])
    extra = await client.post(
        "/v1/imports", headers=admin, files={"file": ("x.csv", content, "text/csv")}, data={"note": "x"}
    )
    assert assert_problem(extra, 422)["code"] == "import.unexpected_field"
    two = await client.post(
        "/v1/imports", headers=admin, files=[("file", ("a.csv", content)), ("file", ("b.csv", content))]
    )
    assert assert_problem(two, 422)["code"] == "import.file_missing"
    assert_problem(await client.post("/v1/imports", headers=admin, data={"x": "1"}), 422)
    assert await scalar(app, "SELECT count(*) FROM literacy.import_job") == 0
    named = await client.post(
        "/v1/imports", headers=admin, files={"file": ("d\x00ữ\x1b.csv", content, "text/csv")}
    )
    assert named.status_code == 202, named.text
    assert named.json()["filename"] == "d%00ữ.csv"  # httpx escapes the NUL; the ESC is dropped


async def test_a_file_half_read_before_its_encoding_breaks_writes_nothing(service, admin, communes):
    app, client = service
    good = csv_bytes([person(f"0661900001{n:02d}", communes[0]) for n in range(30)])
    job = await upload(client, admin, good + b"Nguy\xe1n;V\xe0n;Sai\n")  # Windows-1252, not UTF-8
    job = await finished(client, admin, job["id"])
    assert job["status"] == "failed"
    assert "UTF-8" in job["failure"]
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 0


async def test_too_large_a_file_is_refused_with_413(start, admin, communes):
    async with start(import_max_bytes=1_000) as (app, client):
        before = await scalar(app, "SELECT count(*) FROM literacy.import_job")
        content = csv_bytes([person(f"0661900002{n:02d}", communes[0]) for n in range(40)])
        response = await client.post(
            "/v1/imports", headers=admin, files={"file": ("big.csv", content, "text/csv")}
        )
        assert_problem(response, 413)
        assert await scalar(app, "SELECT count(*) FROM literacy.import_job") == before


async def test_the_same_idempotency_key_gives_the_same_job(service, admin, communes):
    app, client = service
    content = csv_bytes([person("066190000041", communes[0])])
    first = await upload(client, admin, content, **{"Idempotency-Key": "nhap-1"})
    second = await client.post(
        "/v1/imports",
        headers={**admin, "Idempotency-Key": "nhap-1"},
        files={"file": ("du-lieu.csv", content, "text/csv")},
    )
    assert second.status_code == 202
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json()["id"] == first["id"]
    assert await scalar(app, "SELECT count(*) FROM literacy.import_job") == 1


async def test_a_manager_imports_only_inside_their_communes_and_units(
    service, admin, token_factory, communes
):
    app, client = service
    # Someone of the second commune already exists.
    await finished(
        client, admin, (await upload(client, admin, csv_bytes([person("066190000051", communes[1])])))["id"]
    )
    manager = token_factory.auth("ql-x1", roles=["manager"], unit_codes=["66-X1"])
    rows = [
        person("066190000052", communes[0]),  # their commune
        # Their unit's staff living in another unit's commune: a manager writes only learners whose unit
        # AND commune are theirs, so this row would move the other commune's coverage: refused.
        person("066190000053", communes[1], unit_code="66-X1"),
        person("066190000054", communes[1]),  # neither
        person("066190000051", communes[0]),  # a person of another commune, moved here by this file
    ]
    job = await finished(client, manager, (await upload(client, manager, csv_bytes(rows)))["id"])
    assert (job["inserted"], job["rejected"]) == (1, 3)
    assert (
        await scalar(
            app, "SELECT commune_code FROM literacy.learner WHERE national_id_masked = '066******051'"
        )
        == (communes[1])
    )
    # The manager sees their own import, not the administrator's.
    listed = (await client.get("/v1/imports", headers=manager)).json()
    assert [j["id"] for j in listed["items"]] == [job["id"]]
    admins = (await client.get("/v1/imports", headers=admin)).json()
    # Someone else's import does not exist for them (404: it names the people it holds).
    assert_problem(await client.get(f"/v1/imports/{admins['items'][-1]['id']}", headers=manager), 404)


async def test_rows_naming_another_unit_or_an_unknown_unit_are_rejected_and_write_nothing(
    service, admin, token_factory, communes
):
    app, client = service
    manager = token_factory.auth("ql-x1", roles=["manager"], unit_codes=["66-X1"])
    rows = [
        person("066190000061", communes[0], unit_code="66-X1-THCS"),  # 2: theirs
        person("066190000062", communes[0], unit_code="66-X2"),  # 3: another unit's staff
        person("066190000063", communes[0], unit_code="66-NOPE"),  # 4: no such unit
        person("066190000064", communes[1], unit_code="66-X2"),  # 5: wholly another unit's
    ]
    job = await finished(client, manager, (await upload(client, manager, csv_bytes(rows)))["id"])
    assert (job["inserted"], job["rejected"]) == (1, 3)
    assert job["allowed_actions"] == ["read_errors"]
    stored = await scalar(
        app, "SELECT string_agg(national_id_masked || ' ' || unit_code, ',') FROM literacy.learner"
    )
    assert stored == "066******061 66-X1-THCS"
    assert await scalar(app, "SELECT count(*) FROM literacy.training_record") == 1
    assert await scalar(app, "SELECT coalesce(sum(learners), 0) FROM literacy.coverage_course_month") == 1
    report = (await client.get(f"/v1/imports/{job['id']}/errors", headers=manager)).text
    lines = {int(r[0]): r[1] for r in list(csv.reader(io.StringIO(report.lstrip("\ufeff"))))[1:]}
    assert "66-X2" in lines[3]
    assert "ngoài phạm vi" in lines[3]
    assert "66-NOPE" in lines[4]
    assert "không có trong danh mục" in lines[4]
    assert "ngoài phạm vi" in lines[5]
    # An administrator's file is checked against the directory too.
    unknown = [person("066190000065", communes[0], unit_code="66-NOPE")]
    job = await finished(client, admin, (await upload(client, admin, csv_bytes(unknown)))["id"])
    assert (job["inserted"], job["rejected"]) == (0, 1)
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 1


async def test_an_import_fails_when_the_directory_of_units_cannot_answer(
    service, admin, communes, campaign_directory
):
    app, client = service
    campaign_directory.down = True
    rows = [person("066190000071", communes[0], unit_code="66-X1")]
    job = await finished(client, admin, (await upload(client, admin, csv_bytes(rows)))["id"])
    assert job["status"] == "failed"
    assert "mã đơn vị" in job["failure"]
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 0


async def test_a_job_interrupted_by_a_restart_resumes_with_exact_counts(start, admin, communes):
    rows = [
        person(f"066190{n:06d}", communes[n % 2], course="VNEID" if n % 3 else "DVC") for n in range(6_000)
    ]
    async with start(import_batch_rows=100) as (app, client):
        async with app.state.database.engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))
            await connection.execute(
                text(
                    "INSERT INTO literacy.course (code, title, title_folded, hours, level, competence_codes,"
                    " required_for) VALUES ('VNEID', 'VNeID', 'vneid', 2, 1, '{}', '{}'),"
                    " ('DVC', 'DVC', 'dvc', 2, 1, '{}', '{}')"
                )
            )
        job = await upload(client, admin, csv_bytes(rows))
        deadline = time.monotonic() + 300
        while (await client.get(f"/v1/imports/{job['id']}", headers=admin)).json()["processed_rows"] == 0:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.01)
    # Stopped mid-way: back in the queue, nothing merged.
    async with start(import_worker=False) as (app, client):
        stopped = (await client.get(f"/v1/imports/{job['id']}", headers=admin)).json()
        assert stopped["status"] == "queued"
        assert 0 < stopped["processed_rows"] < 6_000
        assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 0
    async with start() as (app, client):
        done = await finished(client, admin, job["id"])
        assert counts(done) == {
            "total_rows": 6_000,
            "processed_rows": 6_000,
            "inserted": 6_000,
            "updated": 0,
            "unchanged": 0,
            "rejected": 0,
            "duplicates": 0,
        }
        assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 6_000


async def test_a_job_whose_worker_died_is_taken_over_when_its_lease_runs_out(service, admin, communes):
    app, client = service
    job = await upload(client, admin, csv_bytes([person("066190000061", communes[0])]))
    await finished(client, admin, job["id"])
    # As if a replica had died holding a second job: running, lease passed, its file stored as the endpoint
    # stores it (the same rows as a fresh upload). One transaction: a worker polling meanwhile must not find
    # the job without its file.
    orphan = uuid.uuid4()
    cipher = app.state.cipher
    content = csv_bytes([person("066190000062", communes[0]), person("066190000061", communes[0])])
    async with app.state.database.engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO literacy.import_job (id, status, filename, size_bytes, submitted_by, processed_rows,"
                " inserted, updated, unchanged, rejected, duplicates, certificates_issued, attempts, lease_until)"
                " VALUES (:id, 'running', 'x.csv', 1, 'admin-1', 7, 0, 0, 0, 0, 0, 0, 1, now() - interval '1 s')"
            ),
            {"id": orphan},
        )
        await connection.execute(
            text("INSERT INTO literacy.import_file_chunk (job_id, seq, data) VALUES (:id, 0, :data)"),
            {"id": orphan, "data": cipher.seal(content, field="import_file")},
        )
    app.state.import_worker.wake()
    done = await finished(client, admin, str(orphan))
    assert (done["status"], done["inserted"], done["unchanged"], done["processed_rows"]) == (
        "succeeded",
        1,
        1,
        2,
    )


async def test_a_job_interrupted_too_often_fails_instead_of_running_forever(service, admin):
    app, client = service
    orphan = uuid.uuid4()
    async with app.state.database.engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO literacy.import_job (id, status, filename, size_bytes, submitted_by, processed_rows,"
                " inserted, updated, unchanged, rejected, duplicates, certificates_issued, attempts, lease_until)"
                " VALUES (:id, 'running', 'x.csv', 1, 'admin-1', 0, 0, 0, 0, 0, 0, 0, 3, now() - interval '1 s')"
            ),
            {"id": orphan},
        )
    app.state.import_worker.wake()
    done = await finished(client, admin, str(orphan))
    assert done["status"] == "failed"
    assert "gián đoạn 3 lần" in done["failure"]


async def test_the_template_lists_the_columns_and_comes_back_filled_in(service, admin, communes):
    _app, client = service
    response = await client.get("/v1/imports/template.xlsx", headers=admin)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Dữ liệu", "Danh mục", "Hướng dẫn", "Khóa học"]
    sheet = workbook["Dữ liệu"]
    assert [c.value for c in sheet[1]] == [c.header_vi for c in COLUMNS]
    assert [r[0].value for r in workbook["Khóa học"].iter_rows(min_row=2)] == ["DVC", "VNEID"]
    for n in range(3_000):
        sheet.append([f"066191{n:06d}", f"Người học {n}", "01/01/1980", "Nam", "Kinh", communes[n % 3],
                      "Người dân", None, "VNEID", "Đang học", n % 101, None, None, "01/10/2025"])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = await finished(
        client, admin, (await upload(client, admin, buffer.getvalue(), name="mau.xlsx"))["id"]
    )
    # "Đang học" at 100% is refused: rows 100, 201, …, 2929 (29 of them).
    assert (job["status"], job["total_rows"], job["inserted"], job["rejected"]) == (
        "succeeded",
        3_000,
        2_971,
        29,
    )


def xlsx_of(rows: list[list], *, dimension: str | None = None) -> bytes:
    """A workbook with the template's headers and `rows`; its `<dimension>` rewritten when given."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([c.header_vi for c in COLUMNS])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
                assert f'<dimension ref="{dimension}"'.encode() in data
            target.writestr(info, data)
    return out.getvalue()


def xlsx_row(n: int, commune: str) -> list:
    return [f"066192{n:06d}", f"Người học {n}", "01/01/1980", "Nam", "Kinh", commune, "Người dân", None,
            "VNEID", "Đang học", 10, None, None, "01/10/2025"]  # fmt: skip


async def test_an_xlsx_with_a_stale_dimension_imports_every_row(service, admin, communes):
    app, client = service
    content = xlsx_of([xlsx_row(n, communes[0]) for n in range(50)], dimension="A1:A1")
    job = await finished(client, admin, (await upload(client, admin, content, name="cu.xlsx"))["id"])
    assert (job["status"], job["total_rows"], job["inserted"], job["rejected"]) == ("succeeded", 50, 50, 0)
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 50
    # Every column was read, not only the dimension's A.
    assert await scalar(app, "SELECT count(*) FROM literacy.training_record WHERE progress = 10") == 50


def zip_bomb(uncompressed: int) -> bytes:
    """A well-formed workbook whose sheet inflates to `uncompressed` bytes of one repeated row."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_of([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info.filename, source.read(info.filename))
        with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            row = b'<row><c t="inlineStr"><is><t>' + b"A" * 4000 + b"</t></is></c></row>"
            for _ in range(uncompressed // len(row)):
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


async def test_a_zip_bomb_fails_its_job_with_a_reason_before_it_is_inflated(service, admin):
    app, client = service
    bomb = zip_bomb(220 * 1024 * 1024)
    assert len(bomb) < 400 * 1024  # a few hundred kilobytes: the 204 KB bomb of the issue
    job = await finished(client, admin, (await upload(client, admin, bomb, name="bom.xlsx"))["id"])
    assert job["status"] == "failed"
    assert "zip bomb" in job["failure"]
    assert await scalar(app, "SELECT count(*) FROM literacy.learner") == 0


def test_reading_a_bomb_or_a_huge_file_keeps_memory_flat(tmp_path):
    bomb = tmp_path / "bom.xlsx"
    bomb.write_bytes(zip_bomb(220 * 1024 * 1024))
    tracemalloc.start()
    try:
        with pytest.raises(FileRejected, match="zip bomb"):
            check_readable(open_import_file(bomb))
        # Past the ratio check (a lower limit of the inflated size): refused while reading, memory flat.
        limits = WorkbookLimits(max_total_bytes=8 * 1024 * 1024, max_ratio=10_000)
        with pytest.raises(FileRejected, match="giải nén ra hơn"):
            check_readable(open_import_file(bomb, limits))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, peak
    # One row of more cells than Excel has columns, and more rows than allowed.
    wide = tmp_path / "rong.xlsx"
    wide.write_bytes(xlsx_of([[None] * 3 + list(range(17_000))]))
    with pytest.raises(FileRejected, match="16384"):
        check_readable(open_import_file(wide))
    many = tmp_path / "nhieu.xlsx"
    many.write_bytes(xlsx_of([xlsx_row(n, "24118") for n in range(30)]))
    assert check_readable(open_import_file(many)) == 30
    with pytest.raises(FileRejected, match="dòng dữ liệu"):
        check_readable(open_import_file(many, WorkbookLimits(max_rows=20)))
    csv_file = tmp_path / "nhieu.csv"
    csv_file.write_bytes(csv_bytes([person(f"0661930000{n:02d}", "24118") for n in range(30)]))
    with pytest.raises(FileRejected, match="dòng dữ liệu"):
        check_readable(open_import_file(csv_file, WorkbookLimits(max_rows=20)))


async def test_a_nul_or_an_undecodable_byte_after_the_first_4_kb_rejects_only_its_row(
    service, admin, communes
):
    _app, client = service
    good = csv_bytes([person(f"0661940000{n:02d}", communes[0]) for n in range(60)])
    assert len(good) > 4096
    nul = f"066194000070;Hà\x00Thị;17/05/1990;Nữ;;{communes[0]};Người dân;;VNEID;Đang học;40;;;01/09/2025\n"
    tail = f";17/05/1990;Nữ;;{communes[0]};Người dân;;VNEID;Đang học;40;;;01/09/2025\n".encode()
    latin = b"066194000071;Nguy\xe1n" + tail  # Windows-1252 in the middle of a UTF-8 file
    elsewhere = f"066194000072;Hà Thị Mai;17/05/1990;Nữ;;{communes[0]};Người dân;;VNEID;Đang học;40;;;01/09/2025;\x00\n"
    after = csv_bytes([person("066194000073", communes[0])]).split(b"\n", 1)[1]
    content = good + nul.encode() + latin + elsewhere.encode() + after
    job = await finished(client, admin, (await upload(client, admin, content))["id"])
    assert (job["status"], job["total_rows"], job["inserted"], job["rejected"]) == ("succeeded", 64, 61, 3)
    errors = await client.get(f"/v1/imports/{job['id']}/errors", headers=admin)
    lines = errors.content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["62", "63", "64"]
    assert "Họ và tên chứa ký tự điều khiển" in lines[1]
    assert "byte" in lines[2]
    assert "byte NUL" in lines[3]
    assert "\x00" not in errors.text


def test_spreadsheet_cells_are_never_formulas_and_never_control_characters():
    assert csv_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    for start in ("+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_cell(start).startswith("'")
    assert csv_cell("Hà\x00Thị\x1b") == "HàThị"
    assert csv_cell(12) == 12
    workbook = openpyxl.Workbook()
    cell = xlsx_cell(workbook.active.cell(row=1, column=1), "=1+1\x01")
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)


async def test_the_template_writes_a_formula_looking_course_title_as_text(service, admin):
    _app, client = service
    title = '=HYPERLINK("http://x.example","Nhấn vào đây")'
    created = await client.post(
        "/v1/courses", headers=admin, json={"code": "XSS", "title": title, "hours": 1, "level": 1}
    )
    assert created.status_code == 201, created.text
    response = await client.get("/v1/imports/template.xlsx", headers=admin)
    sheet = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/worksheets/sheet4.xml")
    assert b"<f>" not in sheet
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = {row[0].value: row[1] for row in workbook["Khóa học"].iter_rows(min_row=2)}
    assert (cells["XSS"].value, cells["XSS"].data_type) == (title, "s")

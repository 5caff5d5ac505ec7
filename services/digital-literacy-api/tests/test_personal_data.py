"""Personal data after erasure, on public pages and in logs (issue 13): a replayed create does not bring the
erased person back, the erased row keeps only what the statistics count, the sign-in account is deactivated
(or nothing is erased), the public PDF masks the name like the JSON, and failing inputs log no person."""

import io
import logging
import uuid

import pypdf
from sqlalchemy import func, select, text

from literacy_api.learners.models import Learner
from service_kit.testing import assert_problem

NATIONAL_ID = "066190000123"
NAME = "Nguyễn Thị Hương"
BORN = "1990-05-17"
ETHNICITY = "Ê Đê"


async def learners(app) -> int:
    async with app.state.database.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Learner)) or 0


async def row_of(app, learner_id: str) -> dict:
    async with app.state.database.sessionmaker() as session:
        row = (
            await session.execute(
                text("SELECT * FROM literacy.learner WHERE id = :id"), {"id": uuid.UUID(learner_id)}
            )
        ).mappings()
        return dict(row.one())


async def audit_actions(app, learner_id: str) -> list[str]:
    async with app.state.database.sessionmaker() as session:
        return list(
            await session.scalars(
                text("SELECT action FROM literacy.audit_event WHERE object_id = :id ORDER BY id"),
                {"id": learner_id},
            )
        )


async def test_replaying_the_create_after_erasure_does_not_return_the_erased_person(
    client, admin, learner_body, app
):
    body = learner_body(NATIONAL_ID)
    headers = {**admin, "Idempotency-Key": "tao-nguoi-hoc-1"}
    created = await client.post("/v1/learners", headers=headers, json=body)
    assert created.status_code == 201, created.text
    # Before erasure the repeat is the first answer, and creates nothing.
    replayed = await client.post("/v1/learners", headers=headers, json=body)
    assert (replayed.status_code, replayed.headers.get("idempotent-replayed")) == (201, "true")
    assert await learners(app) == 1
    learner_id = created.json()["id"]
    assert (await client.delete(f"/v1/learners/{learner_id}", headers=admin)).status_code == 204

    after = await client.post("/v1/learners", headers=headers, json=body)
    assert assert_problem(after, 409)["code"] == "idempotency.shown_once"
    for detail in (NAME, BORN, ETHNICITY, NATIONAL_ID, "066******123"):
        assert detail not in after.text
    assert await learners(app) == 1
    async with app.state.database.sessionmaker() as session:
        kept = await session.scalar(
            text("SELECT string_agg(encode(response_body, 'escape'), '') FROM literacy.idempotency_key")
        )
    assert kept is None or NAME not in kept


async def test_the_erased_row_keeps_only_what_the_statistics_count_and_the_account_is_deactivated(
    client, admin, create_learner, create_course, record, app, campaign_directory, communes
):
    learner = await create_learner(unit_code="66-SYT")
    await create_course("VNEID")
    await record(learner["id"], "VNEID", "completed")
    before = await row_of(app, learner["id"])
    assert (before["ethnicity"], before["birth_year"]) == (ETHNICITY, 1990)
    assert (await client.delete(f"/v1/learners/{learner['id']}", headers=admin)).status_code == 204

    erased = await row_of(app, learner["id"])
    for column in (
        "full_name",
        "date_of_birth",
        "birth_year",
        "ethnicity",
        "national_id_hash",
        "national_id_encrypted",
        "national_id_masked",
        "phone_encrypted",
    ):
        assert erased[column] is None, column
    assert erased["full_name_folded"] == ""
    # What the statistics count stays: place, category, gender, unit.
    for column in ("province_code", "commune_code", "category", "gender", "unit_code"):
        assert erased[column] == before[column], column
    assert campaign_directory.deactivated == [learner["id"]]
    assert (await audit_actions(app, learner["id"]))[-1] == "learner.erased"
    # Counted still, now of unknown ethnicity.
    report = (await client.get("/v1/stats/coverage", headers=admin, params={"group_by": "commune"})).json()
    assert report["totals"]["learners"] == 1
    async with app.state.database.sessionmaker() as session:
        groups = set(
            await session.scalars(
                text(
                    "SELECT DISTINCT key FROM literacy.coverage_cell WHERE dim = 'ethnicity' AND learners > 0"
                )
            )
        )
    assert groups == {""}
    # Erasing again is done already: campaign-api is not asked twice.
    assert (await client.delete(f"/v1/learners/{learner['id']}", headers=admin)).status_code == 204
    assert campaign_directory.deactivated == [learner["id"]]


async def test_an_erasure_campaign_api_cannot_confirm_erases_nothing(
    client, admin, create_learner, app, campaign_directory
):
    learner = await create_learner()
    before = await row_of(app, learner["id"])
    campaign_directory.accounts_down = True
    refused = await client.delete(f"/v1/learners/{learner['id']}", headers=admin)
    assert assert_problem(refused, 503)["code"] == "learner.account_unavailable"
    assert await row_of(app, learner["id"]) == before
    assert "learner.erased" not in await audit_actions(app, learner["id"])
    # The idempotency record of the create is untouched too, and the person is still there.
    assert (await client.get(f"/v1/learners/{learner['id']}", headers=admin)).json()["full_name"] == NAME
    campaign_directory.accounts_down = False
    assert (await client.delete(f"/v1/learners/{learner['id']}", headers=admin)).status_code == 204
    assert campaign_directory.deactivated == [learner["id"]]


def pdf_text(content: bytes) -> tuple[str, str]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "".join(page.extract_text() for page in reader.pages), str(reader.metadata)


async def test_the_public_certificate_pdf_masks_the_name_like_the_json(
    client, admin, create_learner, create_course, record
):
    learner = await create_learner()
    await create_course("DVCTT")
    code = (await record(learner["id"], "DVCTT", "completed"))["certificate_code"]
    masked = (await client.get(f"/v1/certificates/{code}")).json()["learner_name_masked"]
    assert masked == "Nguyễn T. H."
    pdf = await client.get(f"/v1/certificates/{code}.pdf")
    assert pdf.status_code == 200
    shown, metadata = pdf_text(pdf.content)
    assert masked in shown
    assert masked in metadata
    for part in ("Thị", "Hương"):
        assert part not in shown
        assert part not in metadata
    # The QR code and the printed address open the dashboard's verification page, not raw JSON.
    assert f"http://127.0.0.1:8080/verify/{code}" in shown.replace("\n", "")


async def test_failing_inputs_log_no_name_birth_date_ethnicity_or_hash(
    client, admin, learner_body, create_learner, app, caplog
):
    learner = await create_learner()
    caplog.set_level(logging.DEBUG)
    url = f"/v1/learners/{learner['id']}"
    failing = [
        ("POST", "/v1/learners", learner_body(NATIONAL_ID)),  # the same national ID: 409
        ("POST", "/v1/learners", learner_body("066190000124", full_name=NAME + "\x00")),
        ("POST", "/v1/learners", learner_body("066190000125", date_of_birth="0")),
        ("POST", "/v1/learners", learner_body("066190000126", ethnicity=ETHNICITY + "\x01")),
        ("POST", "/v1/learners", learner_body("066190000127", unit_code="66-NOPE")),
        ("PATCH", url, {"full_name": None}),
        ("PATCH", url, {"date_of_birth": "9999-12-31", "full_name": NAME}),
        ("POST", "/v1/learners/match", {"national_id": NATIONAL_ID, "date_of_birth": BORN}),
        ("GET", f"/v1/learners?q={NAME}%00", None),
    ]
    for method, path, body in failing:
        response = await client.request(method, path, headers=admin, json=body)
        assert 400 <= response.status_code < 500, (path, response.text)
    cipher = app.state.cipher
    secrets = {
        NAME,
        "Hương",
        BORN,
        "17/05/1990",
        ETHNICITY,
        NATIONAL_ID,
        cipher.lookup_hash(NATIONAL_ID, field="national_id").hex(),
        repr(cipher.lookup_hash(NATIONAL_ID, field="national_id"))[2:-1],
    }
    formatter = logging.Formatter()
    lines = []
    for record_ in caplog.records:
        line = record_.getMessage() + " " + str(vars(record_))
        if record_.exc_info:
            line += formatter.formatException(record_.exc_info)
        lines.append(line)
    assert lines  # the access lines were written
    leaks = [(secret, line[:300]) for line in lines for secret in secrets if secret in line]
    assert not leaks

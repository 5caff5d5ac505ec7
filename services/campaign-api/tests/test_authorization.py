"""The authorization matrix: every endpoint, every kind of caller, exactly the status it should get.

Rows are data: each later endpoint adds its row here. `allow` lists who gets `ok`; everyone else
authenticated gets 403 and anonymous callers 401, unless the row is `public`; `refused` callers get
the status it names (404 (another unit's report or initiative, to a manager). Two managers take part: `manager` acts for
66-SKHCN, `manager_b` for 66-SYT, and each is tried on the other's plan, reports and initiatives.
"""

import httpx
import pytest

from campaign_api.clients.scoring import ScoringClient
from campaign_api.identity.keys import ServiceToken
from service_kit.testing import AuthorizationRow, authorization_mismatches, routes_without_rows

CALLERS = (
    "anonymous",
    "admin",
    "manager",
    "manager_b",
    "evaluator",
    "council",
    "viewer",
    "learner",
    "client_campaign_read",
    "client_other_scope",
    "client_erasure",
)
PEOPLE = ("admin", "manager", "evaluator", "council", "viewer", "learner")
EVERYONE_SIGNED_IN = tuple(c for c in CALLERS if c != "anonymous")


Row = AuthorizationRow
"""`refused={"manager": 404}`: another unit's report or initiative is 404 to a manager, so that its
existence does not leak."""

READERS = ("admin", "manager", "manager_b", "evaluator", "council", "viewer", "client_campaign_read")
UNIT_ACTORS = ("admin", "manager")  # `manager` acts for 66-SKHCN, `manager_b` for 66-SYT: both take part
UNIT_B_ACTORS = ("admin", "manager_b")


NO_PARTICIPANT = dict.fromkeys(CALLERS, 401)
"""Attempts take a participant token (X-Participant-Token); an official's bearer token is none."""

MATRIX = [
    Row("GET", "/healthz", public=True),
    Row("GET", "/readyz", public=True),
    Row("GET", "/.well-known/jwks.json", public=True),
    Row("GET", "/v1/auth/me", allow=EVERYONE_SIGNED_IN),
    # One's own password, with the current one: a wrong one is refused to everybody (clients have none).
    Row(
        "POST",
        "/v1/auth/password",
        body={"current_password": "khong-phai-mat-khau", "new_password": "mat-khau-moi-2026"},
    ),
    Row("GET", "/v1/accounts", allow=("admin",)),
    Row("GET", "/v1/accounts/{viewer_id}", allow=("admin",)),
    Row("PATCH", "/v1/accounts/{viewer_id}", allow=("admin",), body={"full_name": "Nguyễn Thị Xem"}),
    Row(
        "POST",
        "/v1/accounts",
        allow=("admin",),
        ok=201,
        body={
            "username": "{caller}.moi",
            "password": "mat-khau-dai-2025",
            "full_name": "Mới",
            "roles": ["viewer"],
        },
    ),
    Row("GET", "/v1/clients", allow=("admin",)),
    Row("PATCH", "/v1/clients/{client_other_scope_id}", allow=("admin",), body={"name": "Đổi tên"}),
    # Token revocations: the services' verifiers (campaign:read clients) and administrators.
    Row("GET", "/v1/auth/revocations", allow=("admin", "client_campaign_read")),
    # An erased learner's account: digital-literacy-api's client and administrators (204 also when the
    # learner has no account); the learner's own account is deactivated last, by the last allowed caller.
    Row(
        "POST",
        "/v1/learner-accounts/{unknown_learner_id}/deactivate",
        allow=("admin", "client_erasure"),
        ok=204,
    ),
    Row(
        "POST",
        "/v1/clients",
        allow=("admin",),
        ok=201,
        body={"name": "Hệ thống {caller}", "scopes": ["campaign:read"]},
    ),
    # Localities: reference data for every signed-in caller.
    Row("GET", "/v1/localities/provinces", allow=EVERYONE_SIGNED_IN),
    Row("GET", "/v1/localities/provinces/66/communes", allow=EVERYONE_SIGNED_IN),
    Row("GET", "/v1/localities/communes/24133", allow=EVERYONE_SIGNED_IN),
    # Units: officials and campaign:read clients read; admins change.
    Row("GET", "/v1/units", allow=READERS),
    Row("GET", "/v1/units/66-SKHCN", allow=READERS),
    Row("GET", "/v1/units/66/subtree", allow=READERS),
    Row(
        "POST",
        "/v1/units",
        allow=("admin",),
        ok=201,
        body={
            "code": "66-{caller}",
            "name": "Đơn vị {caller}",
            "kind": "agency",
            "province_code": "66",
            "parent_code": "66",
        },
    ),
    Row("PATCH", "/v1/units/66-SYT", allow=("admin",), body={"staff_count": 120}),
    # Movements: readers read; admins and the organiser's managers run them.
    Row("GET", "/v1/campaigns", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns",
        allow=("admin",),
        ok=201,
        body={
            "code": "CDS-{caller}",
            "title": "Phong trào {caller}",
            "level": "province",
            "organizer_unit_code": "66",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    ),
    Row("PATCH", "/v1/campaigns/{campaign_id}", allow=("admin",), body={"description": "Cập nhật"}),
    Row("POST", "/v1/campaigns/{draft_id}/launch", allow=("admin",), then=409),
    Row("POST", "/v1/campaigns/{draft_id}/close", allow=("admin",), then=409),
    Row("GET", "/v1/campaigns/{campaign_id}/phases", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/phases",
        allow=("admin",),
        ok=201,
        then=409,
        body={"name": "Giai đoạn 2", "starts_on": "2025-11-01", "ends_on": "2025-12-31"},
    ),
    # Correcting a phase's name is free; deleting a phase that reports fall in is refused (409).
    Row(
        "PATCH",
        "/v1/campaigns/{campaign_id}/phases/{phase_id}",
        allow=("admin",),
        body={"name": "Giai đoạn 1 (sửa)"},
    ),
    Row("DELETE", "/v1/campaigns/{campaign_id}/phases/{phase_id}", allow=("admin",), ok=409),
    Row("GET", "/v1/campaigns/{campaign_id}/targets", allow=READERS),
    Row(
        "PATCH",
        "/v1/campaigns/{campaign_id}/targets/{target_id}",
        allow=("admin",),
        body={"title": "Hồ sơ được số hóa"},
    ),
    # A target no report measures is deleted (then gone: 404); a measured one is kept (409).
    Row("DELETE", "/v1/campaigns/{campaign_id}/targets/{free_target_id}", allow=("admin",), ok=204, then=404),
    Row("DELETE", "/v1/campaigns/{campaign_id}/targets/{target_id}", allow=("admin",), ok=409),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/targets",
        allow=("admin",),
        ok=201,
        body={
            "code": "T-{caller}",
            "title": "Chỉ tiêu",
            "measure": "count",
            "baseline": 0,
            "target": 10,
            "direction": "increase",
        },
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/participants", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/participants.xlsx", allow=READERS),
    Row(
        "POST", "/v1/campaigns/{campaign_id}/participants", allow=("admin",), body={"unit_codes": ["66-SYT"]}
    ),
    Row(
        "PUT",
        "/v1/campaigns/{campaign_id}/participants/66-SKHCN/plan",
        allow=UNIT_ACTORS,
        body={"document_no": "15/KH-SKHCN", "issued_on": "2025-03-01"},
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/reports", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/reports",
        allow=UNIT_ACTORS,
        ok=201,
        body={"unit_code": "66-SKHCN", "period_end": "2025-06-30", "values": {"T1": 40}},
    ),
    Row("GET", "/v1/reports/{report_id}", allow=READERS, refused={"manager_b": 404}),
    Row(
        "PUT",
        "/v1/reports/{returned_id}",
        allow=UNIT_ACTORS,
        then=409,
        refused={"manager_b": 404},
        body={"period_end": "2025-06-30", "values": {"T1": 45}},
    ),
    Row("POST", "/v1/reports/{report_id}/accept", allow=("admin",), then=409, refused={"manager_b": 404}),
    Row(
        "POST",
        "/v1/reports/{second_report_id}/return",
        allow=("admin",),
        then=409,
        refused={"manager_b": 404},
        body={"review_note": "Bổ sung minh chứng"},
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/kpis", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/summary", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/initiatives", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/initiatives",
        allow=UNIT_ACTORS,
        ok=201,
        body={"title": "Số hóa hồ sơ", "unit_code": "66-SKHCN", "authors": ["Trần Văn Bình"]},
    ),
    Row(
        "POST",
        "/v1/initiatives/{initiative_id}/assess",
        allow=("admin",),
        then=409,
        refused={"manager_b": 404},
        body={"status": "accepted", "assessment": "Có giá trị áp dụng"},
    ),
    Row("GET", "/v1/campaigns/{campaign_id}/commendations", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/commendations",
        allow=("admin",),
        ok=201,
        body={
            "recipient_type": "unit",
            "unit_code": "66-SKHCN",
            "form": "Bằng khen của Chủ tịch UBND tỉnh",
            "decision_no": "123/QĐ-UBND",
            "decided_on": "2025-12-20",
        },
    ),
    # Registrations for titles, dossiers and files (66-SKHCN's, against the manager of 66-SYT).
    Row("GET", "/v1/me/tasks", allow=("admin", "manager", "manager_b", "evaluator", "council", "viewer")),
    Row("GET", "/v1/titles", allow=READERS),
    Row("GET", "/v1/commendation-forms", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/registrations", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/registrations/summary", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/registrations",
        allow=UNIT_ACTORS,
        ok=201,
        then=409,  # one registration per unit and year
        body={
            "unit_code": "66-SKHCN",
            "year": 2030,
            "entries": [
                {"subject_type": "individual", "subject_name": "Lê Thị Hoa", "title_code": "CSTD_CO_SO"}
            ],
        },
    ),
    Row(
        "GET",
        "/v1/registrations/{registration_id}",
        allow=("admin", "manager", "evaluator", "council", "viewer", "client_campaign_read"),
        refused={"manager_b": 404},
    ),
    Row(
        "POST",
        "/v1/registrations/{registration_id}/submit",
        allow=UNIT_ACTORS,
        then=409,
        refused={"manager_b": 404},
    ),
    Row(
        "POST",
        "/v1/registrations/{submitted_registration_id}/approve",
        allow=("admin",),
        refused={"manager_b": 404},
    ),
    Row(
        "POST",
        "/v1/registrations/{returned_registration_id}/return",
        allow=("admin",),
        refused={"manager_b": 404},
        body={"reason": "Thiếu danh sách cá nhân"},
    ),
    Row("GET", "/v1/dossiers", allow=READERS),
    # Officials who file dossiers get past the collection's policy; scoring-api is down here: 503.
    Row(
        "POST",
        "/v1/dossiers/from-proposals",
        allow=("admin", "manager", "manager_b"),
        ok=503,
        body={"round_id": "5c0a1e2b-0000-4000-8000-000000000001"},
    ),
    Row(
        "POST",
        "/v1/dossiers",
        allow=UNIT_ACTORS,
        ok=201,
        body={
            "campaign_id": "{campaign_id}",
            "unit_code": "66-SKHCN",
            "title": "Hồ sơ đề nghị khen thưởng",
            "nominees": [
                {
                    "subject_type": "individual",
                    "subject_name": "Lê Thị Hoa",
                    "unit_code": "66-SKHCN",
                    "title_code": "CSTD_CO_SO",
                }
            ],
        },
    ),
    Row(
        "GET",
        "/v1/dossiers/{dossier_id}",
        allow=("admin", "manager", "evaluator", "council", "viewer", "client_campaign_read"),
        refused={"manager_b": 404},
    ),
    Row("POST", "/v1/dossiers/{dossier_id}/submit", allow=UNIT_ACTORS, then=409, refused={"manager_b": 404}),
    Row("POST", "/v1/dossiers/{submitted_dossier_id}/receive", allow=("admin",), refused={"manager_b": 404}),
    Row(
        "POST",
        "/v1/dossiers/{received_dossier_id}/assign",
        allow=("admin",),
        refused={"manager_b": 404},
        body={"assignee": "{viewer_id}"},
    ),
    Row("POST", "/v1/dossiers/{received_dossier_id}/review", allow=("admin",), refused={"manager_b": 404}),
    Row(
        "POST", "/v1/dossiers/{in_review_dossier_id}/to-council", allow=("admin",), refused={"manager_b": 404}
    ),
    Row("POST", "/v1/dossiers/{council_dossier_id}/approve", allow=("admin",), refused={"manager_b": 404}),
    Row(
        "POST",
        "/v1/dossiers/{returned_dossier_id}/return",
        allow=("admin",),
        refused={"manager_b": 404},
        body={"reason": "Thiếu bản thành tích"},
    ),
    Row(
        "POST",
        "/v1/dossiers/{rejected_dossier_id}/reject",
        allow=("admin",),
        refused={"manager_b": 404},
        body={"reason": "Không đủ điều kiện"},
    ),
    # Uploads are multipart: officials who file or review get past the policy to the 422 of a JSON body.
    Row(
        "POST",
        "/v1/files",
        allow=("admin", "manager", "manager_b", "evaluator", "council"),
        ok=422,
        body={"file": "không phải tệp"},
    ),
    # An unattached file: its uploader (the administrator) alone; nobody else learns it exists.
    Row(
        "GET",
        "/v1/files/{file_id}",
        allow=("admin",),
        refused={c: 404 for c in EVERYONE_SIGNED_IN if c != "admin"},
    ),
    # The council and its decisions: the session's member is `council`; the organiser is the administrator.
    Row("GET", "/v1/council-sessions", allow=READERS),
    Row("GET", "/v1/officials", allow=("admin", "manager", "manager_b")),
    Row(
        "POST",
        "/v1/council-sessions",
        allow=("admin",),
        ok=201,
        refused={"manager_b": 404},  # another unit's dossier: it does not leak
        body={
            "title": "Phiên họp Hội đồng",
            "held_on": "2025-12-15",
            "members": ["{council_id}"],
            "dossier_ids": ["{agenda_dossier_id}"],
            "quorum": 1,
            "threshold": 0.5,
        },
    ),
    Row("GET", "/v1/council-sessions/{session_id}", allow=READERS),
    Row("GET", "/v1/council-sessions/{session_id}/results", allow=READERS),
    Row(
        "POST",
        "/v1/council-sessions/{session_id}/votes",
        allow=("council",),
        ok=201,
        body={"dossier_id": "{voted_dossier_id}", "nominee_index": 1, "vote": "for"},
    ),
    Row("GET", "/v1/decisions", allow=READERS),
    Row(
        "POST",
        "/v1/decisions",
        allow=("admin",),
        ok=201,
        refused={"manager_b": 404},
        body={
            "session_id": "{session_id}",
            "number": "99/QĐ-UBND",
            "signed_on": "2025-12-20",
            "signer": "Nguyễn Văn Chủ",
            "title_code": "CSTD_CO_SO",
            "nominees": [{"dossier_id": "{voted_dossier_id}", "nominee_index": 1}],
        },
    ),
    Row("GET", "/v1/decisions/{decision_id}", allow=READERS),
    Row("GET", "/v1/decisions/{decision_id}.pdf", allow=READERS),
    Row(
        "POST",
        "/v1/decisions/{decision_id}/revoke",
        allow=("admin",),
        body={"reason": "Kê khai không trung thực"},
    ),
    # The province's annual report forms: administrators and the provincial office (no manager of the
    # world acts for the province-level unit 66: both are refused).
    Row("GET", "/v1/report-forms/0602.xlsx?year=2025", allow=("admin",)),
    # Object level: unit B's (66-SYT's) plan, reports and initiative against the manager of unit A
    # (66-SKHCN); the rows above hold unit A's objects against the manager of unit B.
    Row(
        "PUT",
        "/v1/campaigns/{campaign_id}/participants/66-SYT/plan",
        allow=UNIT_B_ACTORS,
        body={"document_no": "4/KH-SYT", "issued_on": "2025-03-02"},
    ),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/reports",
        allow=UNIT_B_ACTORS,
        ok=201,
        body={"unit_code": "66-SYT", "period_end": "2025-06-30", "values": {"T1": 55}},
    ),
    Row(
        "GET",
        "/v1/reports/{b_report_id}",
        allow=("admin", "manager_b", "evaluator", "council", "viewer", "client_campaign_read"),
        refused={"manager": 404},
    ),
    Row(
        "PUT",
        "/v1/reports/{b_returned_id}",
        allow=UNIT_B_ACTORS,
        then=409,
        refused={"manager": 404},
        body={"period_end": "2025-06-30", "values": {"T1": 60}},
    ),
    Row("POST", "/v1/reports/{b_report_id}/accept", allow=("admin",), then=409, refused={"manager": 404}),
    Row(
        "POST",
        "/v1/reports/{b_second_report_id}/return",
        allow=("admin",),
        then=409,
        refused={"manager": 404},
        body={"review_note": "Bổ sung"},
    ),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/initiatives",
        allow=UNIT_B_ACTORS,
        ok=201,
        body={"title": "Bệnh án điện tử", "unit_code": "66-SYT", "authors": ["Y Bác Sĩ"]},
    ),
    Row(
        "POST",
        "/v1/initiatives/{b_initiative_id}/assess",
        allow=("admin",),
        then=409,
        refused={"manager": 404},
        body={"status": "rejected", "assessment": "Chưa đủ căn cứ"},
    ),
    # Online contests: readers read; those who run the movement run the contest and alone read its bank
    # and flags; registration is public; attempts need a participant token, which no official token is.
    Row("GET", "/v1/campaigns/{campaign_id}/contests", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/contests",
        allow=("admin",),
        ok=201,
        body={"title": "Cuộc thi {caller}"},
    ),
    Row("GET", "/v1/contests/{contest_id}", allow=READERS),
    Row("PATCH", "/v1/contests/{contest_id}", allow=("admin",), body={"rules": "Thể lệ mới"}),
    Row("POST", "/v1/contests/{draft_contest_id}/open", allow=("admin",)),
    Row("POST", "/v1/contests/{closable_contest_id}/close", allow=("admin",)),
    Row("GET", "/v1/contests/{contest_id}/public", public=True),
    Row("GET", "/v1/contests/{contest_id}/questions", allow=("admin",)),
    Row("GET", "/v1/contests/{contest_id}/questions/template.xlsx", allow=("admin",)),
    Row(
        "POST",
        "/v1/contests/{contest_id}/questions",
        allow=("admin",),
        ok=201,
        body={
            "text": "Câu hỏi {caller}?",
            "options": [{"key": "A", "text": "Có"}, {"key": "B", "text": "Không"}],
            "correct_keys": ["A"],
        },
    ),
    # Not a multipart body: the allowed caller reaches the upload's check (422); the others are refused first.
    Row("POST", "/v1/contests/{contest_id}/questions/import", allow=("admin",), ok=422, body={}),
    Row("PATCH", "/v1/questions/{question_id}", allow=("admin",), body={"difficulty": 2}),
    Row("DELETE", "/v1/questions/{spare_question_id}", allow=("admin",), ok=204),
    Row("GET", "/v1/contests/{contest_id}/rounds", allow=READERS),
    Row(
        "POST",
        "/v1/contests/{contest_id}/rounds",
        allow=("admin",),
        ok=201,
        body={
            "no": 9,
            "title": "Vòng 9",
            "opens_at": "2031-01-01T08:00:00+07:00",
            "closes_at": "2031-01-08T08:00:00+07:00",
        },
    ),
    Row("GET", "/v1/contest-rounds/{round_id}", allow=READERS),
    Row("PATCH", "/v1/contest-rounds/{round_id}", allow=("admin",), body={"title": "Tuần thứ nhất"}),
    Row("GET", "/v1/contest-rounds/{round_id}/results", allow=READERS),
    Row("GET", "/v1/contest-rounds/{round_id}/results.xlsx", allow=READERS),
    Row("GET", "/v1/contests/{contest_id}/units", allow=READERS),
    Row("GET", "/v1/contests/{contest_id}/units.xlsx", allow=READERS),
    Row("GET", "/v1/campaigns/{campaign_id}/contest-participation", allow=READERS),
    Row("GET", "/v1/contests/{contest_id}/flags", allow=("admin",)),
    Row(
        "POST",
        "/v1/contests/{contest_id}/participants",
        public=True,
        body={
            "full_name": "Người Dự Thi",
            "national_id": "0661900002{caller_number:02d}",
            "date_of_birth": "1990-01-02",
            "phone": "0912345678",
            "unit_code": "66-SKHCN",
        },
    ),
    Row(
        "POST",
        "/v1/contests/{contest_id}/join",
        allow=("admin", "manager", "manager_b", "evaluator", "council", "viewer", "learner"),
        body={"unit_code": "66-SYT"},
    ),
    Row("POST", "/v1/contest-rounds/{round_id}/attempts", refused=NO_PARTICIPANT),
    # The initiative contest: readers read the judging and its ranking; its judges (the council member
    # named) alone score; those who run the movement set it up and decide (once: a second decision is 409).
    Row("GET", "/v1/campaigns/{campaign_id}/initiative-judgings", allow=READERS),
    Row(
        "POST",
        "/v1/campaigns/{campaign_id}/initiative-judgings",
        allow=("admin",),
        ok=201,
        body={"title": "Chấm sáng kiến {caller}", "judges": ["{council_id}"]},
    ),
    Row("GET", "/v1/initiative-judgings/{judging_id}", allow=READERS),
    Row("GET", "/v1/initiative-judgings/{judging_id}/ranking", allow=READERS),
    Row(
        "PUT",
        "/v1/initiative-judgings/{judging_id}/scores",
        allow=("council",),
        body={
            "initiative_id": "{initiative_id}",
            "scores": [
                {"criterion_code": "novelty", "points": 20},
                {"criterion_code": "effect", "points": 30},
                {"criterion_code": "scope", "points": 10},
            ],
        },
    ),
    Row(
        "POST",
        "/v1/initiative-judgings/{judging_id}/decisions",
        allow=("admin",),
        ok=201,
        body={"initiative_id": "{initiative_id}", "level": "grassroots"},
    ),
    Row("PUT", "/v1/attempts/{attempt_id}/answers", refused=NO_PARTICIPANT, body={"answers": []}),
    Row("POST", "/v1/attempts/{attempt_id}/submit", refused=NO_PARTICIPANT),
    Row("GET", "/v1/attempts/{attempt_id}", refused=NO_PARTICIPANT),
]


@pytest.fixture
async def callers(client, create_account, bearer, admin, literacy, app) -> dict[str, dict[str, str]]:
    app.state.scoring_client = ScoringClient(
        "http://scoring.test",
        transport=httpx.MockTransport(lambda _request: httpx.Response(503)),
        backoff_seconds=0,
        retries=0,
        token=ServiceToken(app.state.signing_keys, app.state.settings, scope="scoring:read"),
    )
    app.state.scoring_tasks_client = ScoringClient(
        "http://scoring.test",
        transport=httpx.MockTransport(lambda _request: httpx.Response(503)),
        backoff_seconds=0,
        retries=0,
    )
    headers: dict[str, dict[str, str]] = {"anonymous": {}, "admin": admin}
    ids: dict[str, str] = await build_world(client, admin)  # first: managers' units must exist
    for role in ("manager", "evaluator", "council", "viewer"):
        account = await create_account(f"tk.{role}", [role], ["66-SKHCN"] if role == "manager" else [])
        ids[f"{role}_id"] = account["id"]
        headers[role] = await bearer(f"tk.{role}")
    await create_account("tk.manager-b", ["manager"], ["66-SYT"])
    headers["manager_b"] = await bearer("tk.manager-b")
    signed_up = await client.post(
        "/v1/auth/signup",
        json={"national_id": "066190000123", "date_of_birth": "1990-05-17", "password": "hoc-vien-2025"},
    )
    assert signed_up.status_code == 201
    headers["learner"] = await bearer("066190000123", "hoc-vien-2025")
    for name, scopes in (
        ("client_campaign_read", ["campaign:read"]),
        ("client_other_scope", ["literacy:read"]),
        ("client_erasure", ["identity:deactivate-learner"]),
    ):
        created = (
            await client.post("/v1/clients", headers=admin, json={"name": name, "scopes": scopes})
        ).json()
        token = await client.post(
            "/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": created["client_id"],
                "client_secret": created["client_secret"],
            },
        )
        headers[name] = {"Authorization": f"Bearer {token.json()['access_token']}"}
        ids[f"{name}_id"] = created["client_id"]
    ids["unknown_learner_id"] = "7d1f3c2a-0000-4000-8000-0000000000ff"
    ids |= await build_council(client, admin, ids, headers["council"])
    judging = await client.post(
        f"/v1/campaigns/{ids['campaign_id']}/initiative-judgings",
        headers=admin,
        json={"title": "Chấm sáng kiến", "judges": [ids["council_id"]]},
    )
    assert judging.status_code == 201, judging.text
    ids["judging_id"] = judging.json()["id"]
    headers["_ids"] = ids
    return headers


async def build_world(client, admin) -> dict[str, str]:
    """A province with two departments, an active campaign with a phase, a target, a participant, reports in
    each state and an initiative; and a draft campaign to launch and close."""

    async def post(path: str, body: dict) -> dict:
        response = await client.post(path, headers=admin, json=body)
        assert response.status_code in (200, 201), response.text
        return response.json()

    await post(
        "/v1/units", {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"}
    )
    for code, name in (("66-SKHCN", "Sở Khoa học và Công nghệ"), ("66-SYT", "Sở Y tế")):
        await post(
            "/v1/units",
            {
                "code": code,
                "name": name,
                "kind": "department",
                "province_code": "66",
                "parent_code": "66",
                "cluster": "Khối Sở",
            },
        )
    dates = {
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "level": "province",
        "organizer_unit_code": "66",
    }
    campaign = await post("/v1/campaigns", {"code": "CDS-2025", "title": "Chuyển đổi số 2025", **dates})
    draft = await post("/v1/campaigns", {"code": "CDS-NHAP", "title": "Phong trào nháp", **dates})
    base = f"/v1/campaigns/{campaign['id']}"
    phase = await post(
        f"{base}/phases", {"name": "Giai đoạn 1", "starts_on": "2025-01-01", "ends_on": "2025-10-31"}
    )
    free_target = await post(
        f"{base}/targets",
        {
            "code": "T9",
            "title": "Chưa đo",
            "measure": "count",
            "baseline": 0,
            "target": 5,
            "direction": "increase",
        },
    )
    target = await post(
        f"{base}/targets",
        {
            "code": "T1",
            "title": "Hồ sơ số hóa",
            "measure": "percent",
            "baseline": 20,
            "target": 100,
            "direction": "increase",
        },
    )
    await post(f"{base}/participants", {"unit_codes": ["66-SKHCN", "66-SYT"]})
    await post(f"{base}/launch", {})
    ids = {
        "campaign_id": campaign["id"],
        "draft_id": draft["id"],
        "phase_id": phase["id"],
        "target_id": target["id"],
        "free_target_id": free_target["id"],
    }
    for unit, prefix in (("66-SKHCN", ""), ("66-SYT", "b_")):
        report = {"unit_code": unit, "period_end": "2025-03-31", "values": {"T1": 30}}
        first = await post(f"{base}/reports", report)
        second = await post(f"{base}/reports", report)
        returned = await post(f"{base}/reports", report)
        await post(f"/v1/reports/{returned['id']}/return", {"review_note": "Thiếu minh chứng"})
        initiative = await post(
            f"{base}/initiatives",
            {"title": "Một cửa điện tử", "unit_code": unit, "authors": ["Lê Thị Hoa"]},
        )
        ids |= {
            f"{prefix}report_id": first["id"],
            f"{prefix}second_report_id": second["id"],
            f"{prefix}returned_id": returned["id"],
            f"{prefix}initiative_id": initiative["id"],
        }
    entry = {"subject_type": "individual", "subject_name": "Lê Thị Hoa", "title_code": "CSTD_CO_SO"}
    for year, name, steps in (
        (2025, "registration_id", ()),
        (2026, "submitted_registration_id", ("submit",)),
        (2027, "returned_registration_id", ("submit",)),
    ):
        registration = await post(
            f"{base}/registrations", {"unit_code": "66-SKHCN", "year": year, "entries": [entry]}
        )
        for step in steps:
            await post(f"/v1/registrations/{registration['id']}/{step}", {})
        ids[name] = registration["id"]
    nominee = {**entry, "unit_code": "66-SKHCN"}
    for name, steps in (
        ("dossier_id", ()),
        ("submitted_dossier_id", ("submit",)),
        ("received_dossier_id", ("submit", "receive")),
        ("in_review_dossier_id", ("submit", "receive", "review")),
        ("council_dossier_id", ("submit", "receive", "review", "to-council")),
        ("returned_dossier_id", ("submit",)),
        ("rejected_dossier_id", ("submit", "receive")),
    ):
        dossier = await post(
            "/v1/dossiers",
            {"campaign_id": campaign["id"], "unit_code": "66-SKHCN", "title": "Hồ sơ", "nominees": [nominee]},
        )
        for step in steps:
            await post(f"/v1/dossiers/{dossier['id']}/{step}", {})
        ids[name] = dossier["id"]
    uploaded = await client.post(
        "/v1/files", headers=admin, files={"file": ("qd.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
    )
    assert uploaded.status_code == 201, uploaded.text
    ids["file_id"] = uploaded.json()["id"]
    ids |= await build_contests(post, campaign["id"])
    return ids


async def build_contests(post, campaign_id: str) -> dict[str, str]:
    """An open contest with two questions and a round open now; a draft one (with a question) to open, an
    open one to close."""
    from datetime import UTC, datetime, timedelta

    question = {
        "text": "Cổng Dịch vụ công quốc gia?",
        "options": [{"key": "A", "text": "dichvucong.gov.vn"}, {"key": "B", "text": "khac.vn"}],
        "correct_keys": ["A"],
    }
    ids: dict[str, str] = {}
    for name in ("contest_id", "draft_contest_id", "closable_contest_id"):
        contest = await post(f"/v1/campaigns/{campaign_id}/contests", {"title": name})
        ids[name] = contest["id"]
        first = await post(f"/v1/contests/{contest['id']}/questions", question)
        if name == "contest_id":
            ids["question_id"] = first["id"]
            ids["spare_question_id"] = (await post(f"/v1/contests/{contest['id']}/questions", question))["id"]
        if name != "draft_contest_id":
            await post(f"/v1/contests/{contest['id']}/open", {})
    now = datetime.now(UTC)
    round_ = await post(
        f"/v1/contests/{ids['contest_id']}/rounds",
        {
            "no": 1,
            "title": "Tuần 1",
            "opens_at": (now - timedelta(hours=1)).isoformat(timespec="seconds"),
            "closes_at": (now + timedelta(days=6)).isoformat(timespec="seconds"),
        },
    )
    ids["round_id"] = round_["id"]
    ids["attempt_id"] = "5e1f3c2a-0000-4000-8000-0000000000aa"
    return ids


async def build_council(client, admin, ids, member) -> dict[str, str]:
    """Two dossiers at the council: one on a session's agenda (its first nominee voted for by the one member,
    and awarded by a decision), one for a new session."""

    async def post(path: str, body: dict, headers=admin) -> dict:
        response = await client.post(path, headers=headers, json=body)
        assert response.status_code in (200, 201), response.text
        return response.json()

    nominee = {
        "subject_type": "individual",
        "subject_name": "Lê Thị Hoa",
        "unit_code": "66-SKHCN",
        "title_code": "CSTD_CO_SO",
    }
    found = {}
    for name in ("voted_dossier_id", "agenda_dossier_id"):
        dossier = await post(
            "/v1/dossiers",
            {
                "campaign_id": ids["campaign_id"],
                "unit_code": "66-SKHCN",
                "title": "Hồ sơ",
                "nominees": [nominee, nominee],
            },
        )
        for step in ("submit", "receive", "review", "to-council"):
            await post(f"/v1/dossiers/{dossier['id']}/{step}", {})
        found[name] = dossier["id"]
    session = await post(
        "/v1/council-sessions",
        {
            "title": "Phiên họp",
            "held_on": "2025-12-10",
            "members": [ids["council_id"]],
            "dossier_ids": [found["voted_dossier_id"]],
            "quorum": 1,
            "threshold": 0.5,
        },
    )
    votes = f"/v1/council-sessions/{session['id']}/votes"
    await post(votes, {"dossier_id": found["voted_dossier_id"], "nominee_index": 0, "vote": "for"}, member)
    decision = await post(
        "/v1/decisions",
        {
            "session_id": session["id"],
            "number": "1/QĐ-UBND",
            "signed_on": "2025-12-12",
            "signer": "Nguyễn Văn Chủ",
            "title_code": "CSTD_CO_SO",
            "nominees": [{"dossier_id": found["voted_dossier_id"], "nominee_index": 0}],
        },
    )
    return {**found, "session_id": session["id"], "decision_id": decision["id"]}


async def test_each_caller_gets_exactly_its_status_on_every_endpoint(client, callers):
    # One pass over the whole matrix: building the callers (real accounts, real sign-ins) is the slow part.
    ids = callers.pop("_ids")
    mismatches = await authorization_mismatches(client, MATRIX, {c: callers[c] for c in CALLERS}, ids)
    assert not mismatches, "\n".join(mismatches)


def test_every_route_of_the_app_has_a_row(app):
    generic = {
        "{viewer_id}": "{account_id}",
        "{unknown_learner_id}": "{learner_id}",
        "{b_report_id}": "{report_id}",
        "{b_second_report_id}": "{report_id}",
        "{b_returned_id}": "{report_id}",
        "{b_initiative_id}": "{initiative_id}",
        "{draft_id}": "{campaign_id}",
        "{draft_contest_id}": "{contest_id}",
        "{closable_contest_id}": "{contest_id}",
        "{spare_question_id}": "{question_id}",
        "{free_target_id}": "{target_id}",
        "{client_other_scope_id}": "{client_id}",
        "{second_report_id}": "{report_id}",
        "{returned_id}": "{report_id}",
        "{submitted_registration_id}": "{registration_id}",
        "{returned_registration_id}": "{registration_id}",
        "{submitted_dossier_id}": "{dossier_id}",
        "{received_dossier_id}": "{dossier_id}",
        "{in_review_dossier_id}": "{dossier_id}",
        "{council_dossier_id}": "{dossier_id}",
        "{returned_dossier_id}": "{dossier_id}",
        "{rejected_dossier_id}": "{dossier_id}",
        "{voted_dossier_id}": "{dossier_id}",
        "{agenda_dossier_id}": "{dossier_id}",
        "/66-SKHCN/": "/{unit_code}/",
        "/66-SKHCN": "/{code}",
        "/66-SYT/": "/{unit_code}/",
        "/66-SYT": "/{code}",
        "/66/": "/{code}/",
        "/24133": "/{code}",
        "/0602.xlsx?year=2025": "/{form}.xlsx",
    }
    # Token and sign-up are open by design and covered by their own tests.
    open_by_design = {
        ("POST", "/v1/auth/token"),
        ("POST", "/v1/auth/signup"),
        # The sign-out's credential is the refresh cookie, not a bearer token (test_session_cookie.py).
        ("POST", "/v1/auth/token/revoke"),
    }
    missing = routes_without_rows(app, MATRIX, generic=generic, open_by_design=open_by_design)
    assert not missing, f"add authorization rows for: {sorted(missing)}"

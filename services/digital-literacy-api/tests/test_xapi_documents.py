"""The xAPI document resources (state, activity profile, agent profile) with their concurrency rules and JSON
merging; statements' attachments (multipart/mixed, matched by SHA-2) and signed statements (JWS); xAPI 1.0.3's
alternate request syntax; activities' definitions merged from every statement."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from service_kit.testing import assert_problem

V2 = {"X-Experience-API-Version": "2.0.0"}
V1 = {"X-Experience-API-Version": "1.0.3"}
ACTIVITY = "http://example.vn/activities/course-1"
AGENT = json.dumps({"mbox": "mailto:huong@example.vn"})
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"


@pytest.fixture
def lms(token_factory) -> dict[str, str]:
    return token_factory.auth("open-edx", client_id="open-edx", scope="xapi:write xapi:read") | V2


def _state(**extra: str) -> dict[str, str]:
    return {"activityId": ACTIVITY, "agent": AGENT, "stateId": "bookmark", **extra}


async def test_a_state_is_stored_read_with_its_etag_and_replaced_only_under_a_matching_precondition(
    client, lms
):
    first = {"page": 3, "score": 10}
    assert (
        await client.put("/xapi/activities/state", headers=lms, params=_state(), json=first)
    ).status_code == 204
    got = await client.get("/xapi/activities/state", headers=lms, params=_state())
    assert got.status_code == 200
    assert got.json() == first
    etag = got.headers["ETag"]
    body = json.dumps(first, separators=(",", ":")).encode()
    assert etag == f'"{hashlib.sha1(body).hexdigest()}"'  # noqa: S324 - xAPI's ETag
    assert got.headers["Last-Modified"].endswith("GMT")

    # 2.0.0: a PUT over an existing document without If-Match / If-None-Match is a conflict; nothing changes.
    conflict = await client.put("/xapi/activities/state", headers=lms, params=_state(), json={"page": 9})
    assert assert_problem(conflict, 409)["code"] == "xapi.document_exists"
    # A stale ETag is 412, If-None-Match: * over an existing document is 412; nothing changes.
    stale = await client.put(
        "/xapi/activities/state", headers=lms | {"If-Match": '"0000"'}, params=_state(), json={"page": 9}
    )
    assert assert_problem(stale, 412)["code"] == "xapi.document_precondition"
    exists = await client.put(
        "/xapi/activities/state", headers=lms | {"If-None-Match": "*"}, params=_state(), json={"page": 9}
    )
    assert_problem(exists, 412)
    assert (await client.get("/xapi/activities/state", headers=lms, params=_state())).json() == first
    # The current ETag replaces it.
    replaced = await client.put(
        "/xapi/activities/state", headers=lms | {"If-Match": etag}, params=_state(), json={"page": 9}
    )
    assert replaced.status_code == 204
    assert (await client.get("/xapi/activities/state", headers=lms, params=_state())).json() == {"page": 9}
    # DELETE with a stale ETag is 412 and keeps it; with none it deletes; then 404.
    assert_problem(
        await client.delete("/xapi/activities/state", headers=lms | {"If-Match": etag}, params=_state()), 412
    )
    assert (await client.delete("/xapi/activities/state", headers=lms, params=_state())).status_code == 204
    assert_problem(await client.get("/xapi/activities/state", headers=lms, params=_state()), 404)


async def test_1_0_3_replaces_a_state_freely_but_a_profile_only_under_a_precondition(client, lms):
    v1 = lms | V1
    await client.put("/xapi/activities/state", headers=v1, params=_state(), json={"a": 1})
    assert (
        await client.put("/xapi/activities/state", headers=v1, params=_state(), json={"a": 2})
    ).status_code == 204
    profile = {"activityId": ACTIVITY, "profileId": "p1"}
    # A new profile's PUT without a precondition is 400 in 1.0.3; with If-None-Match: * it is created.
    assert_problem(
        await client.put("/xapi/activities/profile", headers=v1, params=profile, json={"a": 1}), 400
    )
    created = await client.put(
        "/xapi/activities/profile", headers=v1 | {"If-None-Match": "*"}, params=profile, json={"a": 1}
    )
    assert created.status_code == 204
    assert_problem(
        await client.put("/xapi/activities/profile", headers=v1, params=profile, json={"a": 2}), 409
    )


async def test_post_merges_two_json_objects_one_level_deep_and_refuses_anything_else(client, lms):
    params = {"agent": AGENT, "profileId": "preferences"}
    await client.post("/xapi/agents/profile", headers=lms, params=params, json={"a": 1, "nested": {"x": 1}})
    merged = await client.post(
        "/xapi/agents/profile", headers=lms, params=params, json={"b": 2, "nested": {"y": 2}}
    )
    assert merged.status_code == 204
    got = await client.get("/xapi/agents/profile", headers=lms, params=params)
    assert got.json() == {"a": 1, "b": 2, "nested": {"y": 2}}
    # Not a JSON object: refused, and the stored document is unchanged.
    assert_problem(
        await client.post(
            "/xapi/agents/profile",
            headers=lms | {"Content-Type": "text/plain"},
            params=params,
            content=b"plain text",
        ),
        400,
    )
    assert_problem(
        await client.post(
            "/xapi/agents/profile",
            headers=lms | {"Content-Type": "application/json"},
            params=params,
            content=b"[1, 2]",
        ),
        400,
    )
    assert (await client.get("/xapi/agents/profile", headers=lms, params=params)).json() == got.json()
    # A text document is kept as sent, with its media type; merging into it is refused.
    text = {"activityId": ACTIVITY, "profileId": "notes"}
    await client.put(
        "/xapi/activities/profile",
        headers=lms | {"Content-Type": "text/plain", "If-None-Match": "*"},
        params=text,
        content=b"ghi chu",
    )
    stored = await client.get("/xapi/activities/profile", headers=lms, params=text)
    assert (stored.content, stored.headers["content-type"].split(";")[0]) == (b"ghi chu", "text/plain")
    assert_problem(
        await client.post("/xapi/activities/profile", headers=lms, params=text, json={"a": 1}), 400
    )


async def test_ids_lists_follow_the_registration_and_since_and_delete_clears_a_context(client, lms):
    registration = str(uuid.uuid4())
    for state_id in ("s1", "s2"):
        await client.post(
            "/xapi/activities/state",
            headers=lms,
            params=_state(stateId=state_id, registration=registration),
            json={},
        )
    await client.post("/xapi/activities/state", headers=lms, params=_state(stateId="other"), json={})
    context = {"activityId": ACTIVITY, "agent": AGENT}
    listed = await client.get(
        "/xapi/activities/state", headers=lms, params=context | {"registration": registration}
    )
    assert listed.json() == ["s1", "s2"]
    assert (await client.get("/xapi/activities/state", headers=lms, params=context)).json() == ["other"]
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert (
        await client.get("/xapi/activities/state", headers=lms, params=context | {"since": later})
    ).json() == []
    assert_problem(
        await client.get("/xapi/activities/state", headers=lms, params=context | {"since": "yesterday"}), 400
    )
    deleted = await client.delete(
        "/xapi/activities/state", headers=lms, params=context | {"registration": registration}
    )
    assert deleted.status_code == 204
    assert (
        await client.get(
            "/xapi/activities/state", headers=lms, params=context | {"registration": registration}
        )
    ).json() == []
    assert (await client.get("/xapi/activities/state", headers=lms, params=context)).json() == ["other"]


@pytest.mark.parametrize(
    "params",
    [
        {"agent": AGENT, "stateId": "s"},  # no activityId
        {"activityId": ACTIVITY, "stateId": "s"},  # no agent
        {"activityId": ACTIVITY, "agent": "not json", "stateId": "s"},
        {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s", "registration": "not-a-uuid"},
        {"activityId": ACTIVITY, "agent": AGENT},  # no stateId
    ],
)
async def test_a_state_put_without_its_parameters_is_400(client, lms, params):
    assert_problem(await client.put("/xapi/activities/state", headers=lms, params=params, json={}), 400)


def _mixed(
    statements: object, parts: list[tuple[dict[str, str], bytes]], boundary: str = "b0undary"
) -> bytes:
    body = (
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode() + json.dumps(statements).encode()
    )
    for headers, content in parts:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        body += f"\r\n--{boundary}\r\n{head}\r\n".encode() + content
    return body + f"\r\n--{boundary}--\r\n".encode()


def _attachment(content: bytes, **extra: object) -> dict:
    return {
        "usageType": "http://example.vn/usage/certificate",
        "display": {"vi": "Chứng chỉ"},
        "contentType": "text/plain",
        "length": len(content),
        "sha2": hashlib.sha256(content).hexdigest(),
        **extra,
    }


def _statement(**extra: object) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:huong@example.vn"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": ACTIVITY},
        **extra,
    }


def _part(content: bytes, content_type: str = "text/plain") -> tuple[dict[str, str], bytes]:
    return (
        {
            "Content-Type": content_type,
            "Content-Transfer-Encoding": "binary",
            "X-Experience-API-Hash": hashlib.sha256(content).hexdigest(),
        },
        content,
    )


async def test_attachments_are_matched_by_sha2_stored_and_returned_with_their_statement(client, lms):
    content = "Giấy chứng nhận".encode()
    statement = _statement(attachments=[_attachment(content)])
    mixed = {"Content-Type": "multipart/mixed; boundary=b0undary"}
    stored = await client.post(
        "/xapi/statements", headers=lms | mixed, content=_mixed([statement], [_part(content)])
    )
    assert stored.status_code == 200, stored.text
    got = await client.get(
        "/xapi/statements", headers=lms, params={"statementId": statement["id"], "attachments": "true"}
    )
    assert got.headers["content-type"].startswith("multipart/mixed")
    boundary = got.headers["content-type"].split("boundary=")[1]
    parts = got.content.split(f"--{boundary}".encode())
    assert json.loads(parts[1].split(b"\r\n\r\n", 1)[1])["id"] == statement["id"]
    assert f"X-Experience-API-Hash: {hashlib.sha256(content).hexdigest()}".encode() in parts[2]
    assert parts[2].split(b"\r\n\r\n", 1)[1].rstrip(b"\r\n") == content


@pytest.mark.parametrize(
    "case",
    ["no part", "extra part", "base64", "no hash header", "first part not json", "no boundary"],
)
async def test_attachments_that_do_not_match_are_400_and_nothing_is_stored(client, lms, case):
    content = b"certificate"
    statement = _statement(attachments=[_attachment(content)])
    parts = [_part(content)]
    content_type = "multipart/mixed; boundary=b0undary"
    if case == "no part":
        parts = []
    elif case == "extra part":
        parts.append(_part(b"something else"))
    elif case == "base64":
        parts[0][0]["Content-Transfer-Encoding"] = "base64"
    elif case == "no hash header":
        del parts[0][0]["X-Experience-API-Hash"]
    elif case == "no boundary":
        content_type = "multipart/mixed"
    body = _mixed([statement], parts)
    if case == "first part not json":
        body = body.replace(b"Content-Type: application/json", b"Content-Type: text/plain", 1)
    response = await client.post(
        "/xapi/statements", headers=lms | {"Content-Type": content_type}, content=body
    )
    assert_problem(response, 400)
    assert_problem(
        await client.get("/xapi/statements", headers=lms, params={"statementId": statement["id"]}), 404
    )


async def test_a_file_url_attachment_needs_no_part_but_a_raw_one_sent_as_json_is_400(client, lms):
    linked = _statement(attachments=[_attachment(b"x", fileUrl="http://example.vn/files/x.txt")])
    assert (await client.post("/xapi/statements", headers=lms, json=linked)).status_code == 200
    assert_problem(
        await client.post("/xapi/statements", headers=lms, json=_statement(attachments=[_attachment(b"x")])),
        400,
    )


def _key_and_certificate() -> tuple[rsa.RSAPrivateKey, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "open-edx.example.vn")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return key, base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()


def _signed(
    statement: dict,
    key: object,
    *,
    algorithm: str = "RS256",
    x5c: str | None = None,
    payload: dict | None = None,
) -> tuple[dict, bytes]:
    headers = {"x5c": [x5c]} if x5c else None
    token = jwt.encode(payload or statement, key, algorithm=algorithm, headers=headers).encode()  # type: ignore[arg-type]
    sent = {
        **statement,
        "attachments": [
            {
                "usageType": SIGNATURE,
                "display": {"en-US": "Signature"},
                "contentType": "application/octet-stream",
                "length": len(token),
                "sha2": hashlib.sha256(token).hexdigest(),
            }
        ],
    }
    return sent, token


async def _post_signed(client, lms, sent: dict, token: bytes):
    body = _mixed(sent, [_part(token, "application/octet-stream")])
    return await client.post(
        "/xapi/statements", headers=lms | {"Content-Type": "multipart/mixed; boundary=b0undary"}, content=body
    )


@pytest.mark.parametrize("algorithm", ["RS256", "RS384", "RS512"])
async def test_a_signed_statement_verified_with_its_certificate_is_stored(client, lms, algorithm):
    key, certificate = _key_and_certificate()
    sent, token = _signed(_statement(), key, algorithm=algorithm, x5c=certificate)
    response = await _post_signed(client, lms, sent, token)
    assert response.status_code == 200, response.text


async def test_signatures_that_do_not_hold_are_400(client, lms):
    key, certificate = _key_and_certificate()
    other, _ = _key_and_certificate()
    statement = _statement()
    # Signed by another key than the certificate's.
    sent, token = _signed(statement, other, x5c=certificate)
    assert (
        assert_problem(await _post_signed(client, lms, sent, token), 400)["code"] == "xapi.signature_invalid"
    )
    # The payload is not the statement sent.
    sent, token = _signed(
        statement,
        key,
        x5c=certificate,
        payload={**statement, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}},
    )
    assert_problem(await _post_signed(client, lms, sent, token), 400)
    # Not an RS algorithm.
    sent, token = _signed(_statement(), "a shared secret of thirty-two bytes!", algorithm="HS256")
    assert_problem(await _post_signed(client, lms, sent, token), 400)
    # Not a JWS at all.
    sent, _ = _signed(_statement(), key)
    garbage = b"not a jws"
    sent["attachments"][0] |= {"sha2": hashlib.sha256(garbage).hexdigest(), "length": len(garbage)}
    assert_problem(await _post_signed(client, lms, sent, garbage), 400)


async def test_the_alternate_request_syntax_works_in_1_0_3_and_is_refused_in_2_0_0(client, lms):
    statement_id = str(uuid.uuid4())
    form = {
        "statementId": statement_id,
        "content": json.dumps(_statement(id=statement_id)),
        "X-Experience-API-Version": "1.0.3",
        "Authorization": lms["Authorization"],
    }
    put = await client.post(
        "/xapi/statements?method=PUT",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        content=urlencode(form),
    )
    assert put.status_code == 204, put.text
    got = await client.post(
        "/xapi/statements?method=GET",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        content=urlencode(
            {
                "statementId": statement_id,
                "X-Experience-API-Version": "1.0.3",
                "Authorization": lms["Authorization"],
            }
        ),
    )
    assert got.status_code == 200
    assert got.json()["id"] == statement_id
    # 2.0.0 removed it; a query parameter besides `method` is refused too.
    refused = await client.post(
        "/xapi/statements?method=PUT",
        headers=lms | {"Content-Type": "application/x-www-form-urlencoded"},
        content=urlencode({"statementId": str(uuid.uuid4()), "content": json.dumps(_statement())}),
    )
    assert assert_problem(refused, 400)["code"] == "xapi.alternate_syntax"
    extra = await client.post(
        f"/xapi/statements?method=PUT&statementId={uuid.uuid4()}",
        headers=lms | V1 | {"Content-Type": "application/x-www-form-urlencoded"},
        content=urlencode({"content": json.dumps(_statement())}),
    )
    assert_problem(extra, 400)


async def test_an_activity_has_every_language_its_statements_gave_and_statement_refs_follow_filters(
    client, lms
):
    activity = f"http://example.vn/activities/{uuid.uuid4()}"
    first = _statement(
        object={"id": activity, "definition": {"name": {"vi": "Họp"}, "type": "http://example.vn/t1"}}
    )
    second = _statement(object={"id": activity, "definition": {"name": {"en-US": "Meeting"}}})
    assert (await client.post("/xapi/statements", headers=lms, json=[first, second])).status_code == 200
    got = (await client.get("/xapi/activities", headers=lms, params={"activityId": activity})).json()
    assert got["definition"] == {"name": {"vi": "Họp", "en-US": "Meeting"}, "type": "http://example.vn/t1"}
    # A statement referring to a match is returned with it, through a voided target too.
    verb = f"http://example.vn/verbs/{uuid.uuid4()}"
    target = _statement(verb={"id": verb})
    await client.post("/xapi/statements", headers=lms, json=target)
    voiding = _statement(
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
        object={"objectType": "StatementRef", "id": target["id"]},
    )
    await client.post("/xapi/statements", headers=lms, json=voiding)
    found = (await client.get("/xapi/statements", headers=lms, params={"verb": verb})).json()
    assert [s["id"] for s in found["statements"]] == [voiding["id"]]

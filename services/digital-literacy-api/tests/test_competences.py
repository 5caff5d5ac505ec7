"""The digital competence frameworks: Thông tư 02/2025/TT-BGDĐT (6 domains, 24 competences) and
DigComp 2.2 (5 areas, 21 competences), levels 1–8 in four groups, and `GET /v1/competences`."""

from collections import Counter

import pytest

from literacy_api.competences.framework import (
    FRAMEWORKS,
    LEVELS,
    competence,
    framework,
    known_competence_codes,
)
from literacy_api.competences.router import router as competences_router
from service_kit.testing import assert_problem

VN = "VN-TT02-2025"
DIGCOMP = "DIGCOMP-2.2"


# --- the frameworks themselves -----------------------------------------------------------------------


def the(code: str):
    found = framework(code)
    assert found is not None, code
    return found


def test_the_vietnamese_framework_has_6_domains_and_24_competences():
    vn = the(VN)
    assert vn.issued_by == "Bộ Giáo dục và Đào tạo"
    assert [d.code for d in vn.domains] == [f"VN.{i}" for i in range(1, 7)]
    assert [d.name for d in vn.domains] == [
        "Khai thác dữ liệu và thông tin",
        "Giao tiếp và hợp tác trong môi trường số",
        "Sáng tạo nội dung số",
        "An toàn",
        "Giải quyết vấn đề",
        "Ứng dụng trí tuệ nhân tạo",
    ]
    assert [len(d.competences) for d in vn.domains] == [3, 6, 4, 4, 4, 3]
    assert len(list(vn.competences())) == 24


def test_the_vietnamese_competences_carry_the_circulars_names():
    names = {c.code: c.name for c in the(VN).competences()}
    assert names["VN.1.1"] == "Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số"
    assert names["VN.2.5"] == "Quy tắc ứng xử trên mạng"
    assert names["VN.3.4"] == "Lập trình"
    assert names["VN.4.2"] == "Bảo vệ dữ liệu cá nhân và quyền riêng tư"
    assert names["VN.5.4"] == "Xác định các vấn đề cần cải thiện về năng lực số"
    assert [names[f"VN.6.{i}"] for i in (1, 2, 3)] == [
        "Hiểu biết về trí tuệ nhân tạo",
        "Sử dụng trí tuệ nhân tạo",
        "Đánh giá trí tuệ nhân tạo",
    ]


def test_digcomp_has_5_areas_and_21_competences():
    dc = the(DIGCOMP)
    assert [d.code for d in dc.domains] == ["DC.1", "DC.2", "DC.3", "DC.4", "DC.5"]
    assert [len(d.competences) for d in dc.domains] == [3, 6, 4, 4, 4]
    assert len(list(dc.competences())) == 21
    netiquette = competence("DC.2.5")
    assert netiquette is not None
    assert netiquette.name == "Netiquette"


def test_domains_one_to_five_of_the_circular_follow_digcomp():
    vn, dc = the(VN), the(DIGCOMP)
    assert [len(d.competences) for d in vn.domains[:5]] == [len(d.competences) for d in dc.domains]


def test_codes_are_unique_across_frameworks_and_name_their_domain():
    codes = [c.code for f in FRAMEWORKS for c in f.competences()]
    assert len(codes) == 45
    assert not [code for code, n in Counter(codes).items() if n > 1]
    assert known_competence_codes() == frozenset(codes)
    domain_codes = [d.code for f in FRAMEWORKS for d in f.domains]
    assert len(set(domain_codes)) == 11
    assert not set(domain_codes) & set(codes)
    for f in FRAMEWORKS:
        for d in f.domains:
            for c in d.competences:
                assert c.code.startswith(d.code + ".")
                assert (c.domain_code, c.framework_code) == (d.code, f.code)
                assert c.name.strip() == c.name
                assert c.name


def test_competence_lookup():
    found = competence("VN.6.3")
    assert found is not None
    assert (found.name, found.domain_code, found.framework_code) == ("Đánh giá trí tuệ nhân tạo", "VN.6", VN)
    assert competence("VN.6.4") is None
    assert competence("VN.6") is None
    assert competence("vn.1.1") is None
    assert framework("VN") is None


def test_the_frameworks_cannot_be_changed():
    assert isinstance(FRAMEWORKS, tuple)
    with pytest.raises(AttributeError):
        FRAMEWORKS[0].name = "x"
    with pytest.raises(AttributeError):
        known_competence_codes().add("VN.9.9")


def test_levels_one_to_eight_in_four_groups_of_two():
    assert [lv.level for lv in LEVELS] == list(range(1, 9))
    assert [(lv.group, lv.group_name) for lv in LEVELS] == [
        ("basic", "Cơ bản"),
        ("basic", "Cơ bản"),
        ("intermediate", "Trung cấp"),
        ("intermediate", "Trung cấp"),
        ("advanced", "Nâng cao"),
        ("advanced", "Nâng cao"),
        ("specialised", "Chuyên sâu"),
        ("specialised", "Chuyên sâu"),
    ]


# --- GET /v1/competences ---------------------------------------------------------------------------


@pytest.fixture
def api(app, client):
    """The client, with the competences router on the app if main.py does not include it yet."""
    if "/v1/competences" not in app.openapi()["paths"]:
        app.include_router(competences_router)
        app.openapi_schema = None
    return client


@pytest.fixture
def viewer(token_factory) -> dict[str, str]:
    return token_factory.auth(roles=["viewer"])


async def test_every_framework_and_the_levels(api, viewer):
    response = await api.get("/v1/competences", headers=viewer)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [f["code"] for f in body["frameworks"]] == [VN, DIGCOMP]
    vn, dc = body["frameworks"]
    assert vn["name"].startswith("Khung năng lực số cho người học")
    assert vn["issued_by"] == "Bộ Giáo dục và Đào tạo"
    assert sum(len(d["competences"]) for d in vn["domains"]) == 24
    assert sum(len(d["competences"]) for d in dc["domains"]) == 21
    assert vn["domains"][5]["code"] == "VN.6"
    assert vn["domains"][5]["name"] == "Ứng dụng trí tuệ nhân tạo"
    first = vn["domains"][0]["competences"][0]
    assert first["code"] == "VN.1.1"
    assert first["name"] == "Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số"
    assert first["description"]
    assert len(body["levels"]) == 8
    assert body["levels"][0] == {"level": 1, "group": "basic", "group_name": "Cơ bản"}
    assert body["levels"][7] == {"level": 8, "group": "specialised", "group_name": "Chuyên sâu"}


async def test_filter_by_framework(api, viewer):
    response = await api.get("/v1/competences", params={"framework": DIGCOMP}, headers=viewer)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [f["code"] for f in body["frameworks"]] == [DIGCOMP]
    assert [d["code"] for d in body["frameworks"][0]["domains"]] == ["DC.1", "DC.2", "DC.3", "DC.4", "DC.5"]
    assert len(body["levels"]) == 8

    response = await api.get("/v1/competences", params={"framework": VN}, headers=viewer)
    assert [f["code"] for f in response.json()["frameworks"]] == [VN]


async def test_an_unknown_framework_is_refused_by_the_schema(app, api, viewer):
    # The frameworks are an enumeration of the schema: another code is invalid input (422), named.
    response = await api.get("/v1/competences", params={"framework": "DIGCOMP-3.0"}, headers=viewer)
    body = assert_problem(response, 422)
    assert body["errors"][0]["field"] == "query.framework"
    assert "DIGCOMP-3.0" in body["errors"][0]["message"]
    schema = app.openapi()["components"]["schemas"]["FrameworkCode"]
    assert schema["enum"] == [VN, DIGCOMP]


async def test_a_token_is_required(api):
    assert_problem(await api.get("/v1/competences"), 401)


async def test_the_endpoint_is_documented(app, api):
    operation = app.openapi()["paths"]["/v1/competences"]["get"]
    assert operation["tags"] == ["competences"]
    assert {"200", "401", "404"} <= set(operation["responses"])
    assert [p["name"] for p in operation["parameters"]] == ["framework"]

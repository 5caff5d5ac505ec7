"""The localities directory: 34 provinces and 3,321 communes/wards of July 2025, found without diacritics.

The facts below were checked by hand against the official list (the `vietnam-provinces` package's data,
2026.9.0; the draft of 2025.10.1 numbered 123 communes otherwise).
"""

import re

import pytest

from reference_data.localities import LocalityDirectory, commune_renumbering_2025, localities, tidy_name
from service_kit.testing import assert_problem

DAK_LAK = "66"


@pytest.fixture
def api(client):
    return client


@pytest.fixture
def viewer(token_factory) -> dict[str, str]:
    return token_factory.auth(roles=["viewer"])


# --- the directory itself (no database) ---------------------------------------------------------------


def test_the_directory_holds_34_provinces_and_3321_communes():
    provinces = localities.provinces()
    assert len(provinces) == 34
    assert sum(len(localities.communes(p.code)) for p in provinces) == 3321
    assert localities.commune_count() == 3321
    kinds = [p.division_type for p in provinces]
    assert (kinds.count("tỉnh"), kinds.count("thành phố trung ương")) == (28, 6)
    communes = [c for p in provinces for c in localities.communes(p.code)]
    kinds = [c.division_type for c in communes]
    assert (kinds.count("xã"), kinds.count("phường"), kinds.count("đặc khu")) == (2621, 687, 13)


def test_codes_are_zero_padded_strings_in_code_order():
    provinces = localities.provinces()
    assert all(re.fullmatch(r"\d{2}", p.code) for p in provinces)
    assert [p.code for p in provinces] == sorted(p.code for p in provinces)
    assert provinces[0].code == "01"
    assert provinces[-1].code == "96"
    for province in provinces:
        codes = [c.code for c in localities.communes(province.code)]
        assert all(re.fullmatch(r"\d{5}", code) for code in codes)
        assert codes == sorted(codes)
    assert localities.province("01") == localities.provinces()[0]
    assert localities.province("1") is None


def test_the_communes_the_official_list_renumbered():
    # Hà Nội: the draft's 00196 is the official 00226, whose draft holder (Kim Liên) is now 00229.
    assert localities.commune("00226").name == "Phường Văn Miếu - Quốc Tử Giám"
    assert localities.commune("00229").name == "Phường Kim Liên"
    assert localities.commune("00196") is None
    # Cao Bằng: three communes in a ring (Vinh Quý, Lý Quốc, Hạ Lang).
    assert [localities.commune(code).name for code in ("01537", "01558", "01561")] == [
        "Xã Lý Quốc",
        "Xã Hạ Lang",
        "Xã Vinh Quý",
    ]
    mapping = commune_renumbering_2025()
    assert len(mapping) == 123
    assert (mapping["00196"], mapping["00226"]) == ("00226", "00229")
    assert (mapping["01537"], mapping["01558"], mapping["01561"]) == ("01561", "01537", "01558")
    # One to one, onto official codes, each commune staying in its province.
    assert len(set(mapping.values())) == len(mapping)
    assert all(localities.commune_exists(new) for new in mapping.values())
    assert localities.province("04").name == "Tỉnh Cao Bằng"
    assert localities.commune("06325").name == "Xã Bắc Sơn"  # written "xã Bắc Sơn" in the list


def test_known_localities():
    assert localities.province(DAK_LAK).model_dump() == {
        "code": "66",
        "name": "Tỉnh Đắk Lắk",
        "division_type": "tỉnh",
    }
    assert localities.province("01").name == "Thành phố Hà Nội"
    assert localities.province("01").division_type == "thành phố trung ương"
    assert localities.commune("00070").model_dump() == {
        "code": "00070",
        "name": "Phường Hoàn Kiếm",
        "division_type": "phường",
    }
    assert localities.province_of_commune("00070") == "01"
    assert localities.commune("31078").model_dump() == {
        "code": "31078",
        "name": "Đặc khu Phú Quốc",
        "division_type": "đặc khu",
    }
    assert localities.province_of_commune("31078") == "91"
    assert localities.commune_exists("24133")
    assert not localities.commune_exists("99999")
    assert not localities.commune_exists("24133 ")
    assert localities.commune("99999") is None
    assert localities.province_of_commune("99999") is None


@pytest.mark.parametrize("q", ["dak lak", "Đắk Lắk", "DAK LAK", "  đắk   LẮK ", "lak"])
def test_a_province_is_found_with_or_without_diacritics(q):
    assert [p.code for p in localities.provinces(q)] == [DAK_LAK]


def test_every_word_must_appear_in_any_order():
    assert [p.code for p in localities.provinces("ho chi minh")] == ["79"]
    assert [p.code for p in localities.provinces("minh ho")] == ["79"]
    assert localities.provinces("ho chi minh dak") == []
    assert len(localities.provinces("")) == len(localities.provinces("   ")) == 34


def test_both_tone_placements_find_the_same_communes_and_names_use_one():
    # The package writes Hải Phòng's ward 11533 "Phường Hoà Bình" and Phú Thọ's 04795 "Phường Hòa Bình".
    assert localities.commune("11533").name == "Phường Hòa Bình"
    assert localities.commune("04795").name == "Phường Hòa Bình"
    for q in ["hoa binh", "Hòa Bình", "Hoà Bình", "HOÀ BÌNH"]:
        assert [c.code for c in localities.communes("31", q)] == ["11533"]
        assert [c.code for c in localities.communes("25", q)] == ["04795"]
    old_placement = re.compile(r"(?i)(o[àáảãạ]|o[èéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])\b")
    names = [p.name for p in localities.provinces()] + [
        c.name for p in localities.provinces() for c in localities.communes(p.code)
    ]
    assert [name for name in names if old_placement.search(name)] == []
    assert [name for name in names if "  " in name or name != name.strip()] == []


def test_names_are_tidied_but_not_rewritten():
    assert tidy_name("Phường  Buôn Ma Thuột") == "Phường Buôn Ma Thuột"
    assert tidy_name("Xã Thanh Thuỷ") == "Xã Thanh Thủy"
    assert tidy_name("Xã Chiêm Hoá") == "Xã Chiêm Hóa"
    assert tidy_name("Phường Nguyễn Uý") == "Phường Nguyễn Úy"
    assert tidy_name("Xã Quý Lộc") == "Xã Quý Lộc"
    assert tidy_name("Phường Hoàng Mai") == "Phường Hoàng Mai"
    assert tidy_name("Xã Khoẻ") == "Xã Khỏe"
    assert tidy_name("Phường B'Lao") == "Phường B’Lao"
    assert tidy_name("Xã Chân Mây – Lăng Cô") == "Xã Chân Mây - Lăng Cô"
    assert localities.commune("24133").name == "Phường Buôn Ma Thuột"


def test_apostrophes_are_found_however_typed():
    assert [c.code for c in localities.communes(DAK_LAK, "ea h'leo")] == ["24184"]
    assert [c.code for c in localities.communes(DAK_LAK, "Ea H’Leo")] == ["24184"]


def test_an_unknown_province_has_no_communes():
    assert localities.communes("00") == []


def test_build_refuses_inconsistent_data():
    from reference_data.localities import Locality

    province = Locality(code="01", name="A", division_type="tỉnh")
    commune = Locality(code="00001", name="B", division_type="xã")
    with pytest.raises(ValueError, match="twice"):
        LocalityDirectory.build([province, province], [])
    with pytest.raises(ValueError, match="twice"):
        LocalityDirectory.build([province], [(commune, "01"), (commune, "01")])
    with pytest.raises(ValueError, match="unknown province"):
        LocalityDirectory.build([province], [(commune, "02")])


def test_the_directory_is_read_only():
    with pytest.raises(AttributeError):
        localities._provinces = {}
    with pytest.raises(TypeError):
        localities._communes["00000"] = localities._communes["00070"]
    province = localities.province("01")
    with pytest.raises(ValueError, match="frozen"):
        province.name = "Hà Nội"
    localities.provinces().clear()
    assert len(localities.provinces()) == 34


# --- the endpoints -------------------------------------------------------------------------------------


async def test_provinces_endpoint_lists_all_34_in_code_order(api, viewer):
    response = await api.get("/v1/localities/provinces", headers=viewer)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 34
    assert len(body["items"]) == 34
    assert body["items"][0] == {
        "code": "01",
        "name": "Thành phố Hà Nội",
        "division_type": "thành phố trung ương",
    }
    assert [p["code"] for p in body["items"]] == sorted(p["code"] for p in body["items"])
    assert all(isinstance(p["code"], str) and len(p["code"]) == 2 for p in body["items"])


@pytest.mark.parametrize("q", ["dak lak", "Đắk Lắk", "DAK LAK"])
async def test_provinces_endpoint_searches_without_diacritics(api, viewer, q):
    response = await api.get("/v1/localities/provinces", headers=viewer, params={"q": q})
    assert response.json() == {
        "items": [{"code": "66", "name": "Tỉnh Đắk Lắk", "division_type": "tỉnh"}],
        "total": 1,
    }


async def test_communes_endpoint_adds_up_to_3321(api, viewer):
    provinces = (await api.get("/v1/localities/provinces", headers=viewer)).json()["items"]
    total = 0
    for province in provinces:
        response = await api.get(
            f"/v1/localities/provinces/{province['code']}/communes", headers=viewer, params={"limit": 500}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) == body["total"]
        assert all(isinstance(c["code"], str) and len(c["code"]) == 5 for c in body["items"])
        total += body["total"]
    assert total == 3321


async def test_a_commune_search_gives_the_same_with_and_without_diacritics(api, viewer):
    url = f"/v1/localities/provinces/{DAK_LAK}/communes"
    answers = [
        (await api.get(url, headers=viewer, params={"q": q})).json()
        for q in ["Buôn Ma Thuột", "buon ma thuot", "BUON MA THUOT"]
    ]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0] == {
        "items": [{"code": "24133", "name": "Phường Buôn Ma Thuột", "division_type": "phường"}],
        "total": 1,
    }
    ea = [
        (await api.get(url, headers=viewer, params={"q": q, "limit": 500})).json() for q in ["ea", "EA", "Ea"]
    ]
    assert ea[0] == ea[1] == ea[2]
    assert ea[0]["total"] == 29


async def test_communes_are_paged_with_limit_offset_and_total(api, viewer):
    url = f"/v1/localities/provinces/{DAK_LAK}/communes"
    everything = (await api.get(url, headers=viewer, params={"limit": 500})).json()
    assert everything["total"] == 102
    codes = [c["code"] for c in everything["items"]]
    assert codes == sorted(codes)
    first = (await api.get(url, headers=viewer, params={"limit": 10})).json()
    assert first["total"] == 102
    assert [c["code"] for c in first["items"]] == codes[:10]
    second = (await api.get(url, headers=viewer, params={"limit": 10, "offset": 10})).json()
    assert [c["code"] for c in second["items"]] == codes[10:20]
    last = (await api.get(url, headers=viewer, params={"limit": 10, "offset": 100})).json()
    assert [c["code"] for c in last["items"]] == codes[100:]
    assert len(last["items"]) == 2
    beyond = (await api.get(url, headers=viewer, params={"offset": 200})).json()
    assert beyond == {"items": [], "total": 102}
    assert_problem(await api.get(url, headers=viewer, params={"limit": 0}), 422)
    assert_problem(await api.get(url, headers=viewer, params={"offset": -1}), 422)


async def test_the_default_page_is_50(api, viewer):
    body = (await api.get("/v1/localities/provinces/01/communes", headers=viewer)).json()
    assert body["total"] == 126
    assert len(body["items"]) == 50
    assert body["items"][0] == {"code": "00004", "name": "Phường Ba Đình", "division_type": "phường"}


@pytest.mark.parametrize("code", ["00", "1", "6", "066", "ha-noi"])
async def test_an_unknown_province_is_a_404_problem(api, viewer, code):
    problem = assert_problem(await api.get(f"/v1/localities/provinces/{code}/communes", headers=viewer), 404)
    assert code in problem["detail"]


async def test_one_commune_with_its_province(api, viewer):
    response = await api.get("/v1/localities/communes/00070", headers=viewer)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "code": "00070",
        "name": "Phường Hoàn Kiếm",
        "division_type": "phường",
        "province_code": "01",
    }
    special = (await api.get("/v1/localities/communes/26732", headers=viewer)).json()
    assert special == {
        "code": "26732",
        "name": "Đặc khu Côn Đảo",
        "division_type": "đặc khu",
        "province_code": "79",
    }
    for unknown in ["99999", "70", "0070"]:
        assert_problem(await api.get(f"/v1/localities/communes/{unknown}", headers=viewer), 404)


@pytest.mark.parametrize(
    "url",
    ["/v1/localities/provinces", "/v1/localities/provinces/66/communes", "/v1/localities/communes/24133"],
)
async def test_every_endpoint_needs_a_token(api, token_factory, url):
    problem = assert_problem(await api.get(url), 401)
    assert problem["status"] == 401
    assert_problem(await api.get(url, headers={"Authorization": "Bearer not-a-token"}), 401)
    expired = token_factory.auth(roles=["viewer"], expires_in=-3600)
    assert_problem(await api.get(url, headers=expired), 401)


@pytest.mark.parametrize(
    "claims",
    [
        {"roles": ["admin"]},
        {"roles": ["manager"], "unit_codes": ["66-SKHCN"]},
        {"roles": ["learner"], "learner_id": "7d1f3c2a-0000-4000-8000-000000000001"},
        {"client_id": "he-thong-khac", "scope": "literacy:read"},
    ],
)
async def test_any_signed_in_caller_may_read(api, token_factory, claims):
    response = await api.get("/v1/localities/communes/24133", headers=token_factory.auth(**claims))
    assert response.status_code == 200, response.text
    assert response.json()["province_code"] == "66"


async def test_the_endpoints_are_documented(api):
    schema = (await api.get("/openapi.json")).json()
    communes = schema["paths"]["/v1/localities/provinces/{code}/communes"]["get"]
    assert communes["tags"] == ["localities"]
    assert {"401", "404"} <= set(communes["responses"])
    assert "application/problem+json" in communes["responses"]["404"]["content"]
    assert {p["name"] for p in communes["parameters"]} >= {"code", "q", "limit", "offset"}
    assert "401" in schema["paths"]["/v1/localities/provinces"]["get"]["responses"]
    assert "404" in schema["paths"]["/v1/localities/communes/{code}"]["get"]["responses"]

"""Every problem digital-literacy-api answers has a registered code, worded in Vietnamese by default and in
English for `Accept-Language: en`."""

import re
from pathlib import Path

from literacy_api import access, messages
from service_kit import i18n
from service_kit.access import Policy
from service_kit.testing import assert_problem

PACKAGE = Path(messages.__file__).parent
CODE = re.compile(r"""\bcode=["']([a-z_]+\.[a-z_.]+)["']""")


def codes_raised_in_the_source() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        found |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_of_the_source_is_registered_in_both_languages():
    codes = codes_raised_in_the_source()
    assert {"learner.not_found", "unit.unknown", "import.too_large", "learner.account_unavailable"} <= codes
    missing = sorted(code for code in codes if not i18n.is_registered(code))
    assert not missing, f"not in messages.py: {missing}"
    for code in codes:
        vietnamese, english = (i18n.message(code, {}, language) for language in ("vi", "en"))
        assert vietnamese, code
        assert english, code
        assert vietnamese != english, code


def test_every_refusal_of_the_access_policy_is_registered():
    policies = [value for value in vars(access).values() if isinstance(value, Policy)]
    assert len(policies) > 10
    for policy in policies:
        assert i18n.is_registered(f"{policy.kind}.forbidden"), policy.kind
        if policy.hidden:
            assert i18n.is_registered(f"{policy.kind}.not_found"), policy.kind


def test_texts_name_only_the_parameters_the_raises_give():
    # No message can carry a person's details: none of its parameters is a name, a birth date or an ID.
    personal = {"full_name", "name", "date_of_birth", "ethnicity", "national_id", "phone"}
    for code in messages.MESSAGES:
        assert not i18n.template_fields(code) & personal, code


async def test_a_forbidden_call_answers_in_vietnamese_by_default_and_in_english_on_request(
    client, token_factory
):
    viewer = token_factory.auth("viewer-1", roles=["viewer"])
    vietnamese = assert_problem(await client.get("/v1/learners", headers=viewer), 403)
    english = assert_problem(
        await client.get("/v1/learners", headers={**viewer, "Accept-Language": "en"}), 403
    )
    assert vietnamese["code"] == english["code"] == "learner.forbidden"
    assert vietnamese["detail"] == i18n.message("learner.forbidden", {}, "vi")
    assert english["detail"] == i18n.message("learner.forbidden", {}, "en")
    assert vietnamese["title"] == "Không có quyền"


async def test_a_rule_of_the_service_speaks_the_callers_language(client, admin, create_learner):
    learner = await create_learner()
    url = f"/v1/learners/{learner['id']}"
    vietnamese = assert_problem(await client.patch(url, headers=admin, json={"unit_code": "66-NOPE"}), 409)
    assert vietnamese["detail"] == "Không có đơn vị mã 66-NOPE trong danh mục đơn vị."
    english = assert_problem(
        await client.patch(url, headers={**admin, "Accept-Language": "en"}, json={"unit_code": "66-NOPE"}),
        409,
    )
    assert english["detail"] == "No unit 66-NOPE in the directory of units."
    assert english["errors"] == [{"field": "unit_code", "message": english["detail"]}]

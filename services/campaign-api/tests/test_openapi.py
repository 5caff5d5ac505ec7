"""The OpenAPI document says what campaign-api's own rules answer (beyond the kit's problems), and its
links lead from a created object to the operations that take its id."""


def operations(app) -> dict[str, tuple[str, str, dict]]:
    return {
        operation["operationId"]: (method, path, operation)
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items()
    }


def test_every_link_names_an_operation_and_its_parameters(app):
    known = operations(app)
    links = [
        (operation_id, link)
        for _, _, operation in known.values()
        for response in operation["responses"].values()
        for link in response.get("links", {}).values()
        for operation_id in [operation["operationId"]]
    ]
    assert len(links) >= 25
    for source, link in links:
        assert link["operationId"] in known, (source, link)
        _, path, _ = known[link["operationId"]]
        for name in link["parameters"]:
            assert "{" + name + "}" in path, (source, link)


def test_the_rules_statuses_are_declared(app):
    paths = app.openapi()["paths"]
    for path in ("/v1/campaigns/{campaign_id}", "/v1/units/{code}", "/v1/accounts/{account_id}"):
        assert "304" in paths[path]["get"]["responses"], path
    for path in ("/v1/auth/token", "/v1/auth/signup"):
        responses = paths[path]["post"]["responses"]
        assert "429" in responses, path
        assert "application/problem+json" in responses["429"]["content"], path
    assert "204" in paths["/v1/learner-accounts/{learner_id}/deactivate"]["post"]["responses"]
    signup = paths["/v1/auth/signup"]["post"]["responses"]
    assert "403" in signup
    assert "404" not in signup


def test_the_token_endpoint_is_declared_as_the_oauth2_issuers(app):
    document = app.openapi()
    flows = document["components"]["securitySchemes"]["OAuth2"]["flows"]
    assert (
        flows["password"]["tokenUrl"]
        == flows["clientCredentials"]["tokenUrl"]
        == "/api/campaign/v1/auth/token"
    )
    assert "identity:deactivate-learner" in flows["clientCredentials"]["scopes"]
    form = document["paths"]["/v1/auth/token"]["post"]["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]
    schema = form["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    assert schema["properties"]["grant_type"]["enum"] == ["password", "client_credentials", "refresh_token"]


def test_dates_say_their_range_in_the_schema(app):
    schemas = app.openapi()["components"]["schemas"]
    starts_on = schemas["CampaignCreate"]["properties"]["starts_on"]
    assert starts_on["type"] == "string"
    assert starts_on["pattern"].startswith("^(")
    import re

    assert re.match(starts_on["pattern"], "2025-02-28")
    assert not re.match(starts_on["pattern"], "2025-02-29")
    assert not re.match(starts_on["pattern"], "8895-08-18")

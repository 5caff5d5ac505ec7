"""Backups of the platform's database, one `pg_dump` per service schema, and their restore.

A backup is a folder: `<schema>.dump` (pg_dump's custom format) per service and `manifest.json` (when,
which schemas, each schema's migration head, and a fingerprint of each personal-data key). The keys
themselves are never in a backup: national IDs and phones are stored encrypted and looked up by keyed
hashes, so a backup is readable only with the keys it was made with, which live in the secrets store
(`.data/secrets/` here, a Secret in a cluster). `restore` refuses a backup whose key fingerprints differ
from the keys it runs with (the restored personal data would be unreadable and unfindable), and replaces
each schema it holds, objects and rows, inside the target database; the roles are provisioned first.

The dumps hold names and other personal data in clear: the folder and its files are private to the user
that wrote them (0700 / 0600).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from sqlalchemy.engine import URL

from devstack.services import SERVICES
from service_kit.postgres import run

KEY_VARIABLES = ("CAMPAIGN_NATIONAL_ID_KEY", "LITERACY_PERSONAL_DATA_KEY", "LITERACY_LOOKUP_KEY")


class BackupRefused(RuntimeError):
    """The backup cannot be restored here (other keys, missing files)."""


def _tool(name: str) -> str:
    """pg_dump/pg_restore of the embedded server's own version when the wheel is there (a client older
    than the server refuses to dump it), else the one on PATH."""
    try:
        import pgserver
    except ImportError:
        found = shutil.which(name)
        if found is None:
            raise BackupRefused(f"{name} is not installed") from None
        return found
    return str(Path(pgserver.__file__).parent / "pginstall" / "bin" / name)


def _libpq(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def key_fingerprints(environment: dict[str, str] | None = None) -> dict[str, str]:
    """A keyed hash of a fixed text under each personal-data key: equal keys, equal fingerprints; the
    fingerprint tells nothing about the key."""
    env = os.environ if environment is None else environment
    return {
        name: hmac.new(env[name].encode(), b"thidua-so backup key check", hashlib.sha256).hexdigest()[:16]
        for name in KEY_VARIABLES
        if env.get(name)
    }


async def _heads(admin_url: URL) -> dict[str, str | None]:
    connection = await asyncpg.connect(_libpq(admin_url))
    try:
        heads: dict[str, str | None] = {}
        for service in SERVICES:
            schema = service.database.schema
            exists = await connection.fetchval(
                "SELECT to_regclass($1) IS NOT NULL", f"{schema}.alembic_version"
            )
            heads[schema] = (
                await connection.fetchval(f'SELECT version_num FROM "{schema}".alembic_version')  # noqa: S608 - a schema name of ours
                if exists
                else None
            )
        return heads
    finally:
        await connection.close()


def backup(admin_url: URL, folder: Path) -> Path:
    """Dump every service schema of the database at `admin_url` into a new folder under `folder`."""
    target = folder / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target.mkdir(parents=True, mode=0o700)
    os.chmod(target, 0o700)
    for service in SERVICES:
        dump = target / f"{service.database.schema}.dump"
        subprocess.run(
            [
                _tool("pg_dump"),
                "--format=custom",
                f"--schema={service.database.schema}",
                f"--file={dump}",
                f"--dbname={_libpq(admin_url)}",
            ],
            check=True,
            capture_output=True,
        )
        os.chmod(dump, 0o600)
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "schemas": [service.database.schema for service in SERVICES],
        "migration_heads": run(_heads(admin_url)),
        "key_fingerprints": key_fingerprints(),
    }
    path = target / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2))
    os.chmod(path, 0o600)
    return target


def latest(folder: Path) -> Path:
    backups = sorted(p for p in folder.glob("*") if (p / "manifest.json").exists())
    if not backups:
        raise BackupRefused(f"no backup in {folder}")
    return backups[-1]


def restore(admin_url: URL, source: Path, *, environment: dict[str, str] | None = None) -> list[str]:
    """Replace each schema of the backup in `source` inside the database at `admin_url` (whose roles are
    provisioned); returns the schemas restored."""
    manifest = json.loads((source / "manifest.json").read_text())
    current = key_fingerprints(environment)
    different = sorted(
        name for name, print_ in manifest["key_fingerprints"].items() if current.get(name) != print_
    )
    if different:
        raise BackupRefused(
            "the backup was made with other personal-data keys (" + ", ".join(different) + "): restore it "
            "with the keys it was made with, or its national IDs and phones cannot be read or found"
        )
    restored = []
    for schema in manifest["schemas"]:
        dump = source / f"{schema}.dump"
        if not dump.exists():
            raise BackupRefused(f"{dump.name} is missing from {source}")
        run(_drop_schema(admin_url, schema))
        subprocess.run(
            [
                _tool("pg_restore"),
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={_libpq(admin_url)}",
                str(dump),
            ],
            check=True,
            capture_output=True,
        )
        restored.append(schema)
    return restored


async def _drop_schema(admin_url: URL, schema: str) -> None:
    connection = await asyncpg.connect(_libpq(admin_url))
    try:
        await connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await connection.close()

"""`python -m devstack {run,migrate,seed,backup,restore,openapi}` — what `make run`, `make migrate` and `make seed` call."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import httpx
from sqlalchemy.engine import URL

from devstack import backup, gateway, pooler
from devstack.database import migrate, platform_database, role_passwords
from devstack.openapi import write_openapi
from devstack.secrets import kept_secrets, random_key_b64
from devstack.services import SERVICES
from devstack.settings import REPO_ROOT, StackSettings
from service_kit.postgres import run

logger = logging.getLogger("devstack")

PROCFILE = REPO_ROOT / "infra" / "Procfile"
READY_TIMEOUT_SECONDS = 90.0


def secret_environment(settings: StackSettings, *, ephemeral: bool) -> dict[str, str]:
    """The issuer's key file and secrets, the personal-data keys, and each service's client credentials."""
    clients = [s for s in SERVICES if s.client_scopes]
    secrets = kept_secrets(
        settings,
        "platform.json",
        {
            "national_id_key": "CAMPAIGN_NATIONAL_ID_KEY",
            "personal_data_key": "LITERACY_PERSONAL_DATA_KEY",
            "lookup_key": "LITERACY_LOOKUP_KEY",
        }
        | {f"{s.name}_client_secret": f"{s.env_prefix}CLIENT_SECRET" for s in clients},
        ephemeral=ephemeral,
        factories={"personal_data_key": random_key_b64},
    )
    env = {
        "CAMPAIGN_NATIONAL_ID_KEY": secrets["national_id_key"],
        "LITERACY_PERSONAL_DATA_KEY": secrets["personal_data_key"],
        "LITERACY_LOOKUP_KEY": secrets["lookup_key"],
        "CAMPAIGN_SERVICE_CLIENTS": json.dumps(
            [
                {
                    "client_id": s.client_id,
                    "client_secret": secrets[f"{s.name}_client_secret"],
                    "name": f"Thi Đua Số {s.name}-api",
                    "scopes": list(s.client_scopes),
                }
                for s in clients
            ]
        ),
    }
    for service in clients:
        env[f"{service.env_prefix}CLIENT_ID"] = service.client_id
        env[f"{service.env_prefix}CLIENT_SECRET"] = secrets[f"{service.name}_client_secret"]
    if not ephemeral and "CAMPAIGN_JWT_PRIVATE_KEY" not in os.environ:
        # Kept between runs so that tokens stay valid across restarts; generated on first start.
        env.setdefault("CAMPAIGN_JWT_KEY_FILE", str(settings.data_dir / "keys" / "jwt-signing.pem"))
    return env


def process_environment(settings: StackSettings, urls: dict[str, URL], gateway_conf: Path) -> dict[str, str]:
    """What every process of the Procfile is given (on top of this process's own environment, which holds
    the secrets: see `main`)."""
    env = dict(os.environ)
    campaign = f"http://{settings.service_host}:{settings.campaign_port}"
    env.update(
        {
            "ENVIRONMENT": settings.environment,
            "SERVICE_HOST": settings.service_host,
            "NGINX_BIN": settings.nginx_bin,
            "GATEWAY_PREFIX": str(gateway_conf.parent),
            "GATEWAY_CONF": str(gateway_conf),
            "JWKS_URL": f"{campaign}/.well-known/jwks.json",
            "TOKEN_URL": f"{campaign}/v1/auth/token",
            "REVOCATIONS_URL": f"{campaign}/v1/auth/revocations",
            "PYTHONUNBUFFERED": "1",
        }
    )
    for service in SERVICES:
        port = settings.service_port(service.name)
        env[f"{service.name.upper()}_PORT"] = str(port)
        env[f"{service.name.upper()}_API_URL"] = f"http://{settings.service_host}:{port}"
        env[f"{service.env_prefix}DATABASE_URL"] = urls[service.name].render_as_string(hide_password=False)
    return env


def seed(urls: dict[str, URL]) -> None:
    """Load each service's demo data through its `<package>.seed.seed(database_url)`, when it has one."""
    seeded = []
    for service in SERVICES:
        module_name = f"{service.package}.seed"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        run(module.seed(urls[service.name]))
        seeded.append(service.name)
    print(
        f"devstack: demo data seeded for {', '.join(seeded)}"
        if seeded
        else "devstack: no demo data to seed yet"
    )


@contextmanager
def gateway_prefix(settings: StackSettings, *, ephemeral: bool) -> Iterator[Path]:
    if ephemeral:
        with tempfile.TemporaryDirectory(prefix="thidua-gw-") as scratch:
            yield Path(scratch)
    else:
        yield settings.data_dir / "gateway"


def wait_until_ready(settings: StackSettings, honcho: subprocess.Popen[bytes]) -> bool:
    """Wait for every service to be ready on its own port, then for the gateway in front of them."""
    probes = [f"http://{settings.service_host}:{settings.service_port(s.name)}/readyz" for s in SERVICES]
    probes.append(f"{settings.gateway_url}{SERVICES[0].path}/healthz")
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    with httpx.Client(timeout=2.0) as http:
        while probes and time.monotonic() < deadline and honcho.poll() is None:
            try:
                if http.get(probes[0]).status_code == 200:
                    probes.pop(0)
                    continue
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
    return not probes


def banner(settings: StackSettings) -> str:
    url = settings.gateway_url
    admin = os.environ.get("ADMIN_USERNAME", "admin")
    password = "(your ADMIN_PASSWORD)" if os.environ.get("ADMIN_PASSWORD") else "admin"
    docs = "\n".join(f"    {s.name:<9} {url}{s.path}/docs" for s in SERVICES)
    return (
        f"\nThi Đua Số is up: {url}\n"
        f"  API docs:\n{docs}\n"
        f"  Sign in: {admin} / {password}\n"
        "  Ctrl-C stops everything.\n"
    )


def serve(settings: StackSettings, urls: dict[str, URL], *, ephemeral: bool) -> int:
    if not Path(settings.nginx_bin).exists():
        print(f"devstack: nginx not found at {settings.nginx_bin}; `make deps` installs it", file=sys.stderr)
        return 1
    if not (settings.spa_root / "index.html").exists():
        print(
            f"devstack: no built dashboard in {settings.spa_root}; `make frontend` builds it", file=sys.stderr
        )
    with gateway_prefix(settings, ephemeral=ephemeral) as prefix, contextlib.ExitStack() as stack:
        conf = gateway.render(settings, prefix)
        env = process_environment(settings, urls, conf)
        if settings.pooler == "pgbouncer":
            for service, url in stack.enter_context(pooler.pgbouncer(urls, settings.pooler_port)).items():
                prefix_ = next(s.env_prefix for s in SERVICES if s.name == service)
                # LISTEN (in-process caches the database invalidates) stays on the direct URL.
                env.setdefault(f"{prefix_}DATABASE_LISTEN_URL", env[f"{prefix_}DATABASE_URL"])
                env[f"{prefix_}DATABASE_URL"] = url.render_as_string(hide_password=False)
                env[f"{prefix_}DB_TRANSACTION_POOLER"] = "true"
        elif settings.pooler:
            print(f"devstack: POOLER={settings.pooler!r} is not known (pgbouncer, or empty)", file=sys.stderr)
            return 1
        honcho = subprocess.Popen(
            [sys.executable, "-m", "honcho", "-f", str(PROCFILE), "-d", str(REPO_ROOT), "start"],
            env=env,
        )

        def stop(signum: int, frame: FrameType | None) -> None:
            # Passed on even when the terminal already sent it to honcho: honcho stops once either way.
            if honcho.poll() is None:
                honcho.send_signal(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        if wait_until_ready(settings, honcho):
            print(banner(settings), flush=True)
        elif honcho.poll() is None:
            print("devstack: the stack did not become ready in time; see the logs above", file=sys.stderr)
        return honcho.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="devstack", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run", help="start PostgreSQL, migrate, seed, run the services and the gateway"
    )
    run_parser.add_argument(
        "--ephemeral", action="store_true", help="throw-away database and gateway files (tests)"
    )
    run_parser.add_argument("--no-seed", action="store_true", help="do not load the demo data")
    run_parser.add_argument(
        "--seed", action="store_true", help="load the demo data into an --ephemeral stack too (browser tests)"
    )
    commands.add_parser("migrate", help="provision the roles and schemas and run every service's migrations")
    commands.add_parser("seed", help="migrate, then load the demo data (idempotent)")
    backup_parser = commands.add_parser("backup", help="pg_dump every service schema into a new folder")
    backup_parser.add_argument("--to", type=Path, default=None, help="where (default .data/backups)")
    restore_parser = commands.add_parser(
        "restore", help="replace every service schema with a backup's (the same personal-data keys)"
    )
    restore_parser.add_argument(
        "--from", dest="source", type=Path, default=None, help="a backup folder (default: the latest)"
    )
    openapi_parser = commands.add_parser(
        "openapi", help="write each service's OpenAPI document to <out>/<service>.json (no database)"
    )
    openapi_parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    args = parser.parse_args(argv)
    if args.command == "openapi":
        for path in write_openapi(args.out):
            print(f"devstack: wrote {path}")
        return 0
    logging.basicConfig(level=logging.WARNING, format="devstack: %(message)s")
    logger.setLevel(logging.INFO)

    settings = StackSettings()
    ephemeral = bool(getattr(args, "ephemeral", False))
    # The seeds encrypt with the same keys as the services: both read them from this environment.
    os.environ.update(secret_environment(settings, ephemeral=ephemeral))
    with platform_database(settings, ephemeral=ephemeral) as admin_url:
        urls = migrate(admin_url, role_passwords(settings, ephemeral=ephemeral))
        if args.command == "migrate":
            return 0
        if args.command == "backup":
            folder = backup.backup(admin_url, args.to or settings.data_dir / "backups")
            print(f"devstack: backup written to {folder} (keep the keys in .data/secrets with it)")
            return 0
        if args.command == "restore":
            source = args.source or backup.latest(settings.data_dir / "backups")
            schemas = backup.restore(admin_url, source)
            migrate(admin_url, role_passwords(settings, ephemeral=ephemeral))  # up to this code's head
            print(f"devstack: restored {', '.join(schemas)} from {source}")
            return 0
        if args.command == "seed" or getattr(args, "seed", False) or not (args.no_seed or ephemeral):
            seed(urls)
        if args.command == "seed":
            return 0
        return serve(settings, urls, ephemeral=ephemeral)


if __name__ == "__main__":
    sys.exit(main())

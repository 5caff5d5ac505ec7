"""PgBouncer in transaction mode between the services and PostgreSQL (`POOLER=pgbouncer`), as a cluster
runs it (CloudNativePG's `Pooler`): the services get pooled URLs and `<PREFIX>DB_TRANSACTION_POOLER=true`;
migrations, seeds and backups keep the direct URL (they take advisory locks and set the search path)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import URL

READY_TIMEOUT_SECONDS = 120.0


def _server(url: URL) -> tuple[str, int]:
    host = url.query.get("host")
    if isinstance(host, str) and host:
        return host, url.port or 5432  # a Unix socket directory
    return url.host or "127.0.0.1", url.port or 5432


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_config(folder: Path, urls: dict[str, URL], port: int) -> Path:
    """pgbouncer.ini and its auth file (the service roles' passwords, 0600) in `folder`."""
    database = next(iter(urls.values())).database or "thidua"
    host, server_port = _server(next(iter(urls.values())))
    users = folder / "pgbouncer-users.txt"
    users.touch(mode=0o600)
    users.write_text(
        "".join(f"{_quoted(u.username or '')} {_quoted(u.password or '')}\n" for u in urls.values())
    )
    config = folder / "pgbouncer.ini"
    config.write_text(
        "\n".join(
            [
                "[databases]",
                f"{database} = host={host} port={server_port} dbname={database}",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                f"listen_port = {port}",
                "unix_socket_dir =",
                "auth_type = scram-sha-256",
                f"auth_file = {users}",
                "pool_mode = transaction",
                "max_client_conn = 1000",
                "default_pool_size = 20",
                "server_reset_query =",
                "ignore_startup_parameters = extra_float_digits",
                "",
            ]
        )
    )
    return config


def pooled(urls: dict[str, URL], port: int) -> dict[str, URL]:
    return {name: url.set(host="127.0.0.1", port=port, query={}) for name, url in urls.items()}


def _accepts(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


@contextlib.contextmanager
def pgbouncer(urls: dict[str, URL], port: int) -> Iterator[dict[str, URL]]:
    """PgBouncer on `port` until the block ends; yields the services' pooled URLs. Its files live in a
    private folder of their own (the auth file holds the roles' passwords) and go with it."""
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not Path(binary).exists():
        raise RuntimeError("POOLER=pgbouncer, but PgBouncer is not installed (`make deps` installs it)")
    with (
        tempfile.TemporaryDirectory(prefix="thidua-pgbouncer-") as scratch,
        _running(binary, Path(scratch), urls, port),
    ):
        yield pooled(urls, port)


@contextlib.contextmanager
def _running(binary: str, folder: Path, urls: dict[str, URL], port: int) -> Iterator[None]:
    config = write_config(folder, urls, port)
    command = [binary, str(config)]
    if os.geteuid() == 0:
        # PgBouncer refuses to run as root: it runs as the owner of PostgreSQL's socket directory (who
        # alone may reach the embedded server's socket), else as `postgres`.
        host, _port = _server(next(iter(urls.values())))
        user = pwd.getpwuid(os.stat(host).st_uid) if host.startswith("/") else pwd.getpwnam("postgres")
        for path in (folder, config, folder / "pgbouncer-users.txt"):
            os.chown(path, user.pw_uid, user.pw_gid)
        command = [binary, "-u", user.pw_name, str(config)]
    process = subprocess.Popen(command)
    try:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while not _accepts(port):
            if process.poll() is not None:
                raise RuntimeError(f"PgBouncer stopped at start (exit {process.returncode})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"PgBouncer did not listen on {port}")
            time.sleep(0.2)
        yield
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)
        if process.poll() is None:
            process.kill()

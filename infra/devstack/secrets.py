"""Development secrets: from the environment when given, else generated once and kept in `.data/secrets/`."""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Callable

from devstack.settings import StackSettings


def _random() -> str:
    return secrets.token_urlsafe(32)


def random_key_b64() -> str:
    """32 random bytes, base64: an AES-256 key."""
    return base64.b64encode(os.urandom(32)).decode()


def kept_secrets(
    settings: StackSettings,
    file_name: str,
    env_names: dict[str, str],
    *,
    ephemeral: bool,
    factories: dict[str, Callable[[], str]] | None = None,
) -> dict[str, str]:
    """For each name: the variable `env_names[name]` if set, else the kept value, else a new random one.

    Ephemeral stacks (tests) keep nothing; others write what they generated to `.data/secrets/<file_name>`.
    """
    path = settings.data_dir / "secrets" / file_name
    stored: dict[str, str] = {} if ephemeral or not path.exists() else json.loads(path.read_text())
    values = {
        name: os.environ.get(variable) or stored.get(name) or (factories or {}).get(name, _random)()
        for name, variable in env_names.items()
    }
    if not ephemeral and values != stored:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(json.dumps(values, indent=2))
    return values

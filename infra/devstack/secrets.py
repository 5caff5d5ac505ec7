"""Development secrets: from the environment when given, else generated once and kept in `.data/secrets/`."""

from __future__ import annotations

import json
import os
import secrets

from devstack.settings import StackSettings


def kept_secrets(
    settings: StackSettings, file_name: str, env_names: dict[str, str], *, ephemeral: bool
) -> dict[str, str]:
    """For each name: the variable `env_names[name]` if set, else the kept value, else a new random one.

    Ephemeral stacks (tests) keep nothing; others write what they generated to `.data/secrets/<file_name>`.
    """
    path = settings.data_dir / "secrets" / file_name
    stored: dict[str, str] = {} if ephemeral or not path.exists() else json.loads(path.read_text())
    values = {
        name: os.environ.get(variable) or stored.get(name) or secrets.token_urlsafe(32)
        for name, variable in env_names.items()
    }
    if not ephemeral and values != stored:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(json.dumps(values, indent=2))
    return values

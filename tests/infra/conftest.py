"""The checks of `k8s_checks.py` and each overlay rendered once per session."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def checks() -> ModuleType:
    return _load("k8s_checks", HERE / "k8s_checks.py")


@pytest.fixture(scope="session")
def sync() -> ModuleType:
    return _load("k8s_sync", HERE.parents[1] / "infra" / "k8s" / "sync.py")


@pytest.fixture(scope="session")
def rendered(checks: ModuleType) -> dict[str, list[dict[str, Any]]]:
    """Each overlay's documents, by the overlay's folder name."""
    return {overlay.name: checks.render(overlay) for overlay in checks.OVERLAYS}

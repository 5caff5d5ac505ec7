"""The three services have the same rooms, and the import contracts of pyproject.toml hold
(`lint-imports`, also run by `make lint`): routers without SQL, one-way layers, a kit that imports
no service, services that never import each other."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {
    "campaign-api": "campaign_api",
    "scoring-api": "scoring_api",
    "digital-literacy-api": "literacy_api",
}
SERVICE_ROOMS = ("main.py", "config.py", "deps.py", "database.py", "access.py", "clients/__init__.py")
DOMAIN_ROOMS = ("router.py", "schemas.py", "models.py", "repository.py", "service.py")


def _domains(package: Path) -> list[Path]:
    """Every sub-package that serves endpoints (has a router) is a domain folder."""
    return sorted(p.parent for p in package.glob("*/router.py"))


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_has_the_same_rooms(service):
    package = ROOT / "services" / service / "src" / SERVICES[service]
    missing = [room for room in SERVICE_ROOMS if not (package / room).is_file()]
    assert not missing, f"{service} lacks {missing}"


@pytest.mark.parametrize("service", SERVICES)
def test_every_domain_folder_has_router_schemas_models_repository_service(service):
    package = ROOT / "services" / service / "src" / SERVICES[service]
    domains = _domains(package)
    assert domains, f"{service} has no domain folders"
    missing = {d.name: [r for r in DOMAIN_ROOMS if not (d / r).is_file()] for d in domains}
    assert not {name: rooms for name, rooms in missing.items() if rooms}


def test_the_import_contracts_hold():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is a dev dependency (uv sync)"
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]

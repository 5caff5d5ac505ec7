"""The rules digital-literacy-api keeps inside PostgreSQL, defined once here as replaceable entities
(alembic_utils): the coverage rollups' trigger functions and triggers and the certificate-code
generator (`rules`), the triggers that keep the national look-up of national IDs (`identity`), and the
progress notifications (`progress`).
`migrations/env.py` registers them, so `alembic revision --autogenerate` writes the migration that
brings a database to these definitions, and a test holds the migrated schema to them."""

from literacy_api.sql import identity, progress, rules
from literacy_api.sql.rules import COUNTED_ON, initial_rollups

ENTITIES = [*rules.ENTITIES, *identity.ENTITIES, *progress.PROGRESS_ENTITIES]
"""Every rule of the schema: the coverage rollups and certificate codes (`rules`), the national look-up
of national IDs (`identity`), then the progress notifications (`progress`)."""

__all__ = ["COUNTED_ON", "ENTITIES", "initial_rollups"]

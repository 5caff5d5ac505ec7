"""The rules digital-literacy-api keeps inside PostgreSQL, defined once here as replaceable entities
(alembic_utils): the coverage rollups' trigger functions and triggers, and the certificate-code
generator. `migrations/env.py` registers them, so `alembic revision --autogenerate` writes the
migration that brings a database to these definitions, and a test holds the migrated schema to them."""

from literacy_api.sql.rules import COUNTED_ON, ENTITIES, initial_rollups

__all__ = ["COUNTED_ON", "ENTITIES", "initial_rollups"]

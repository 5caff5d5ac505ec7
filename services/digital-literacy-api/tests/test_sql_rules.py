"""The rules kept in PostgreSQL (coverage triggers, certificate codes) are defined once, in
`literacy_api.sql`: the migrated schema holds exactly those definitions, so a rule changed in the
code without a migration (alembic autogenerate writes it) fails here."""

from sqlalchemy.orm import Session

from literacy_api.sql import COUNTED_ON, ENTITIES
from literacy_api.training.models import TrainingRecord


async def test_the_migrated_schema_holds_every_rule_as_the_code_defines_it(app):
    def differences(connection) -> list[str]:
        with Session(bind=connection) as session:
            return [
                entity.identity
                for entity in ENTITIES
                if entity.get_required_migration_op(session, dependencies=ENTITIES) is not None
            ]

    async with app.state.database.engine.connect() as connection:
        stale = await connection.run_sync(differences)
        await connection.rollback()
    assert stale == []


def test_the_counting_date_is_the_generated_column_the_triggers_read():
    computed = TrainingRecord.__table__.c.counted_on.computed
    assert computed is not None
    assert str(computed.sqltext) == COUNTED_ON

"""Each service's role owns its schema and can touch nothing else in the database."""

import asyncpg
import pytest

from service_kit.postgres import _plain_url

pytestmark = pytest.mark.asyncio


@pytest.fixture
def service_urls(all_services, provision):
    return {name: provision(service.database) for name, service in all_services.items()}


async def connect_as(url) -> asyncpg.Connection:
    return await asyncpg.connect(_plain_url(url))


async def test_each_role_reads_and_writes_its_own_schema_only(service_urls, all_services):
    for name, url in service_urls.items():
        connection = await connect_as(url)
        try:
            own = all_services[name].database.schema
            assert await connection.fetchval(f"SELECT count(*) FROM {own}.alembic_version") == 1
            for other_name, other in all_services.items():
                if other_name == name:
                    continue
                schema = other.database.schema
                with pytest.raises(asyncpg.InsufficientPrivilegeError):
                    await connection.fetch(f"SELECT * FROM {schema}.alembic_version")
                with pytest.raises(asyncpg.InsufficientPrivilegeError):
                    await connection.execute(f"CREATE TABLE {schema}.intruder (id int)")
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await connection.execute("CREATE TABLE public.intruder (id int)")
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await connection.execute("CREATE ROLE intruder")
        finally:
            await connection.close()


async def test_search_path_of_a_role_is_its_schema(service_urls, all_services):
    connection = await connect_as(service_urls["literacy"])
    try:
        assert await connection.fetchval("SHOW search_path") == all_services["literacy"].database.schema
    finally:
        await connection.close()

-- One service's login role and schema (applied once per service by `make migrate`, `make run` and the
-- test fixtures, as a superuser or a role with CREATEROLE). Idempotent: safe to apply again.
-- Placeholders (already quoted by the caller): {role}, {role_literal}, {schema}, {database}, {password}.

DO $do$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = {role_literal}) THEN
    CREATE ROLE {role} LOGIN;
  END IF;
END
$do$;

-- The service logs in as its role; it may not create roles, databases or anything outside its schema.
ALTER ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {password};

-- Only the service roles (and administrators) may connect to the platform's database.
REVOKE ALL ON DATABASE {database} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {role};

-- The role owns its schema, so its migrations create tables it owns; nobody else gets any right on it.
CREATE SCHEMA IF NOT EXISTS {schema} AUTHORIZATION {role};
ALTER SCHEMA {schema} OWNER TO {role};
REVOKE ALL ON SCHEMA {schema} FROM PUBLIC;

-- Nothing is created in `public` (PostgreSQL 15 already says so; older servers do not).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

ALTER ROLE {role} IN DATABASE {database} SET search_path = {schema};

-- A statement runs at most 30 s unless the service asks otherwise per connection (it does, directly);
-- behind a transaction-pooling PgBouncer no connection setting survives, so the role carries the bound.
ALTER ROLE {role} IN DATABASE {database} SET statement_timeout = '30s';

#!/usr/bin/env bash
# Regenerates the dashboard's API types from the three services' OpenAPI documents (`make gen-client`).
#   scripts/gen-client.sh           write src/lib/api/schema/<service>.{openapi.json,d.ts}
#   scripts/gen-client.sh --check   regenerate into a temporary folder and fail if the committed files differ
set -euo pipefail
cd "$(dirname "$0")/.."
UV_RUN=${UV_RUN:-python3 -m uv run --locked}
SCHEMA_DIR=src/lib/api/schema
SERVICES=(campaign scoring literacy)

generate() {
  local out
  out=$(realpath -m "$1")
  mkdir -p "$out"
  # devstack builds each FastAPI app (no database) and dumps app.openapi(); "up to today" date patterns
  # are written up to a fixed day, so that the committed copy does not go stale with the calendar.
  (cd .. && OPENAPI_SCHEMA_TODAY=2100-12-31 $UV_RUN python -m devstack openapi --out "$out" >/dev/null)
  for service in "${SERVICES[@]}"; do
    mv "$out/$service.json" "$out/$service.openapi.json"
    node_modules/.bin/openapi-typescript "$out/$service.openapi.json" --output "$out/$service.d.ts" >/dev/null
  done
}

if [[ ${1:-} == --check ]]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  generate "$scratch"
  if ! diff -r -q "$SCHEMA_DIR" "$scratch" >/dev/null; then
    diff -r "$SCHEMA_DIR" "$scratch" | head -40 >&2 || true
    echo "The generated API types in frontend/$SCHEMA_DIR are out of date with the services' OpenAPI: run make gen-client" >&2
    exit 1
  fi
  echo "gen-client: the generated API types are up to date"
else
  generate "$SCHEMA_DIR"
  echo "gen-client: wrote frontend/$SCHEMA_DIR"
fi

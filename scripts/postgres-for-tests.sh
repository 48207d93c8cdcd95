#!/usr/bin/env bash
# Installs (if needed) and starts a throw-away PostgreSQL server for the test suite on 127.0.0.1.
# Usage: source scripts/postgres-for-tests.sh   → exports TEST_DATABASE_URL; stop_test_postgres stops it.
set -euo pipefail

PG_PORT="${FACETPATH_TEST_PG_PORT:-54329}"
PG_DIR="${FACETPATH_TEST_PG_DIR:-/tmp/facetpath-test-pg-$PG_PORT}"

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && echo "$d"
}

if [ -z "$(pg_bin)" ]; then
  echo "installing PostgreSQL (Debian package)…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(pg_bin)

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"

# A server already answering on the port (another suite of this checkout running): share it. Every test
# creates its own database, so suites never see each other's rows.
if "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q 2>/dev/null; then
  echo "PostgreSQL for tests: reusing the server on 127.0.0.1:$PG_PORT"
  stop_test_postgres() { :; }
  return 0 2>/dev/null || exit 0
fi

if [ -f "$PG_DIR/postmaster.pid" ]; then
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" stop -m immediate >/dev/null 2>&1 || true
fi
rm -rf "$PG_DIR"
mkdir -p "$PG_DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for tests on 127.0.0.1:$PG_PORT"

stop_test_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" stop -m fast >/dev/null 2>&1 || true
}

#!/usr/bin/env bash
# Starts the PostgreSQL server the claims history tests use: Debian's packages, a cluster of its own
# ("claimrules", port 55432) listening on 127.0.0.1 only, a user and a database for the tests.
# Idempotent: it runs as root on a machine that may already have PostgreSQL, a cluster, or this one
# running. Prints the JDBC URL on standard output (everything else goes to standard error).
set -euo pipefail
PORT=55432
CLUSTER=claimrules
if ! command -v pg_createcluster >/dev/null 2>&1; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1 " " $2}' | grep -qx "$VERSION $CLUSTER"; then
  pg_createcluster --port "$PORT" "$VERSION" "$CLUSTER" >&2
fi
# Debian's postgresql.conf reads conf.d last: these settings win over anything set before.
cat > "/etc/postgresql/$VERSION/$CLUSTER/conf.d/claimrules.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
CONF
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' | grep -qx online; then
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
psql_() { runuser -u postgres -- psql -h /var/run/postgresql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
for _ in $(seq 1 30); do psql_ -c 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
if [ "$(psql_ -c "SELECT 1 FROM pg_roles WHERE rolname = 'claimrules'")" != 1 ]; then
  psql_ -c "CREATE ROLE claimrules LOGIN PASSWORD 'claimrules'" >&2
fi
if [ "$(psql_ -c "SELECT 1 FROM pg_database WHERE datname = 'claimrules_test'")" != 1 ]; then
  psql_ -c "CREATE DATABASE claimrules_test OWNER claimrules" >&2
fi
echo "jdbc:postgresql://127.0.0.1:$PORT/claimrules_test?user=claimrules&password=claimrules"

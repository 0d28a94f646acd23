#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the history store's tests: a temporary data directory, a Unix socket only (no
# TCP port to clash with anything), trust authentication for the postgres role, one database `infralint`.
#   .ci/postgres.sh start DIR   initialise DIR (created if missing), start the server, print the store URL
#   .ci/postgres.sh stop DIR    stop the server (DIR is left for the caller to remove)
# initdb refuses to run as root, so as root the server runs as the postgres user, which then owns DIR.
set -euo pipefail

action=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}
bin=${INFRALINT_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL binaries not found in $bin (set INFRALINT_POSTGRES_BIN)" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; chmod 0700 "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # The socket directory must be reachable by the tests' user: the data directory stays private, the socket does not.
    chmod 0711 "$dir"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c max_connections=100 -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h "$dir" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE infralint" >/dev/null
    # libpq's URL form: the socket directory as a percent-encoded host.
    encoded=$(printf '%s' "$dir" | sed 's|%|%25|g; s|/|%2F|g')
    echo "postgresql://postgres@$encoded/infralint"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac

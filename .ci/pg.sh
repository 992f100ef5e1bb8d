#!/usr/bin/env bash
# Throw-away PostgreSQL 15 server for the store tests.
#
#   eval "$(.ci/pg.sh start)"    # prints: export RECONCILE_TEST_PG_URL=...
#   .ci/pg.sh stop
#
# PostgreSQL refuses to run as root, so the server runs as the postgres user
# from a temporary data folder whose path is kept in /tmp/reconcile-pg.dir.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${RECONCILE_PG_PORT:-54329}
STATE=/tmp/reconcile-pg.dir
DB=reconcile_test

as_postgres() {
    if [ "$(id -u)" = "0" ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

start() {
    if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
        echo "pg.sh: already running from $(cat "$STATE"); run '$0 stop' first" >&2
        exit 1
    fi
    dir=$(mktemp -d /tmp/reconcile-pg.XXXXXX)
    chmod 700 "$dir"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
    echo "$dir" > "$STATE"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    for _ in $(seq 1 60); do
        if "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then break; fi
        sleep 0.5
    done
    "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q || { echo "pg.sh: server not ready" >&2; exit 1; }
    as_postgres "$PG_BIN/createdb" -h "$dir" -p "$PORT" -U postgres "$DB"
    echo "export RECONCILE_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
}

stop() {
    if [ ! -f "$STATE" ]; then
        echo "pg.sh: not running (no $STATE)" >&2
        exit 0
    fi
    dir=$(cat "$STATE")
    if [ -d "$dir/data" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    case "$dir" in
        /tmp/reconcile-pg.*) rm -rf -- "$dir" ;;
    esac
    rm -f -- "$STATE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test run (the distribution's package, initdb/pg_ctl in a
# temporary folder, run as a non-root user because postgres refuses root).
#   source .ci/postgres.sh && pg_test_start    # exports BIDASSIST_TEST_PG_URL
#   pg_test_stop
# When the server genuinely cannot be had, BIDASSIST_TEST_PG_SKIP says why and the PostgreSQL
# tests are skipped with that reason.

_pg_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

_pg_install() {
    _pg_bindir >/dev/null && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "[ci] installing PostgreSQL (apt-get)"
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || true
    fi
    _pg_bindir >/dev/null
}

pg_test_start() {
    if ! _pg_install; then
        export BIDASSIST_TEST_PG_SKIP="PostgreSQL could not be installed (no initdb after apt-get install postgresql)"
        echo "[ci] $BIDASSIST_TEST_PG_SKIP"
        return 0
    fi
    local bin user port
    bin="$(_pg_bindir)"
    user="$(id -un)"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        user=postgres
    fi
    PG_TEST_DIR="$(mktemp -d /tmp/bidassist-pg.XXXXXX)"
    export PG_TEST_DIR
    chown "$user" "$PG_TEST_DIR"
    port=$(( 20000 + RANDOM % 20000 ))
    _as() { if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }
    if ! _as "$bin/initdb" -D "$PG_TEST_DIR/data" -U bidassist -A trust -E UTF8 --no-locale >"$PG_TEST_DIR/initdb.log" 2>&1; then
        export BIDASSIST_TEST_PG_SKIP="initdb failed: $(tail -1 "$PG_TEST_DIR/initdb.log")"
        echo "[ci] $BIDASSIST_TEST_PG_SKIP"
        return 0
    fi
    if ! _as "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
            -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null; then
        export BIDASSIST_TEST_PG_SKIP="the PostgreSQL server did not start: $(tail -1 "$PG_TEST_DIR/server.log")"
        echo "[ci] $BIDASSIST_TEST_PG_SKIP"
        return 0
    fi
    PG_TEST_BIN="$bin"; PG_TEST_USER="$user"
    export PG_TEST_BIN PG_TEST_USER
    export BIDASSIST_TEST_PG_URL="postgresql://bidassist@127.0.0.1:$port/postgres"
    echo "[ci] PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $BIDASSIST_TEST_PG_URL"
}

pg_test_stop() {
    [ -n "${PG_TEST_DIR:-}" ] || return 0
    if [ -n "${PG_TEST_BIN:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
        if [ "$(id -u)" = 0 ]; then
            runuser -u "$PG_TEST_USER" -- "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        else
            "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
    fi
    rm -rf "$PG_TEST_DIR"
    unset PG_TEST_DIR
}

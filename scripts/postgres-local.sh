#!/usr/bin/env bash
# A private PostgreSQL server on loopback for development, tests and the load test.
#
#   scripts/postgres-local.sh start   # initdb (first time), start, print the URL
#   scripts/postgres-local.sh url     # print postgres://crossread:PASSWORD@127.0.0.1:PORT/crossread
#   scripts/postgres-local.sh stop    # stop the server (data is kept for the next start)
#   scripts/postgres-local.sh destroy # stop and delete the cluster
#
# Use it as: export CROSSREAD_POSTGRES=$(scripts/postgres-local.sh start)
#
# The cluster lives in $CROSSREAD_PG_DIR (default /tmp/crossread-postgres). As root, initdb and the
# server run as the `postgres` user (PostgreSQL refuses to run as root); otherwise as the current
# user. The server listens on 127.0.0.1 only, on a free port from 54320 up (or $CROSSREAD_PG_PORT),
# with its socket inside the cluster folder. Role `crossread` (random password, CREATEDB, so tests
# can make a database per check) owns database `crossread`. $CROSSREAD_PG_OPTIONS adds server
# options (.ci/run passes "-c fsync=off" for a throwaway cluster). Needs Debian's `postgresql`.
set -euo pipefail

dir=${CROSSREAD_PG_DIR:-/tmp/crossread-postgres}
data=$dir/data
socket=$dir/socket

die() { echo "postgres-local: $*" >&2; exit 1; }

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] && [ -x "$found/initdb" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
  echo "$found"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port=${CROSSREAD_PG_PORT:-54320}
  while ! port_is_free "$port"; do
    port=$((port + 1))
    [ "$port" -lt 65000 ] || die "no free port found"
  done
  echo "$port"
}

running() { [ -f "$data/postmaster.pid" ] && as_owner "$(bindir)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

url() {
  [ -f "$dir/password" ] && [ -f "$dir/port" ] || die "no cluster in $dir (run: $0 start)"
  echo "postgres://crossread:$(cat "$dir/password")@127.0.0.1:$(cat "$dir/port")/crossread"
}

start() {
  local bin port
  bin=$(bindir)
  if running; then url; return; fi
  if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || die "no postgres user (apt-get install postgresql)"; fi
  mkdir -p "$dir" "$socket"
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir" "$socket"
  if [ ! -f "$data/PG_VERSION" ]; then
    head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/password"
    chmod 600 "$dir/password"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fresh=1
  fi
  port=$(free_port)
  echo "$port" >"$dir/port"
  # shellcheck disable=SC2086
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $socket -c max_connections=200 ${CROSSREAD_PG_OPTIONS:-}" \
    start >/dev/null || { tail -20 "$dir/server.log" >&2; die "the server did not start"; }
  if [ "${fresh:-0}" = 1 ]; then
    as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres -d postgres \
      -v password="$(cat "$dir/password")" >/dev/null <<'SQL'
CREATE ROLE crossread LOGIN CREATEDB PASSWORD :'password';
CREATE DATABASE crossread OWNER crossread;
SQL
  fi
  url
}

stop() {
  if running; then as_owner "$(bindir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  destroy) stop; rm -rf "$dir" ;;
  *) echo "usage: $0 start|stop|url|destroy" >&2; exit 2 ;;
esac

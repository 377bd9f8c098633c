#!/usr/bin/env bash
# Load test of `crossread serve` on loopback: a library of generated articles (variants of real ones
# from ../shared, see Benchmarks/ServeLoad), then wrk against the search page and the document page at
# 1, 8 and 64 connections, DURATION each, reporting requests/s, p50 and p99 latency and errors
# (non-2xx answers plus socket errors and timeouts).
#
#   scripts/bench-serve.sh [sqlite|postgres|both]    (default: both)
#
# Environment: DOCS (default 100000), DURATION (default 20s), ANNOTATE_EVERY (default 10: every
# tenth document annotated, and the document pages requested are those; 1 annotates all), LOAD_DIR
# (libraries kept here between runs, default /tmp/crossread-serve-load), SCRATCH (swift build folder,
# default .build; BIN: a folder holding release crossread and serve-load skips building),
# CROSSREAD_POSTGRES (a server URL; default: a private one in LOAD_DIR/postgres from
# scripts/postgres-local.sh, synchronous_commit off for the bulk load). Needs Debian's `wrk`. A library
# already at DOCS documents is reused. The server and wrk share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
backends=${1:-both}
docs=${DOCS:-100000}
duration=${DURATION:-20s}
annotate=${ANNOTATE_EVERY:-10}
work=${LOAD_DIR:-/tmp/crossread-serve-load}
scratch=${SCRATCH:-.build}
corpora=../shared/corpora
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
[ -d "$corpora" ] || { echo "skipped: $corpora is absent"; exit 0; }
mkdir -p "$work"

if [ -z "${BIN:-}" ]; then
  swift build -c release --scratch-path "$scratch" --product crossread >/dev/null
  swift build -c release --scratch-path "$scratch" --product serve-load >/dev/null
fi
bin=${BIN:-$(swift build -c release --scratch-path "$scratch" --show-bin-path)}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

rows=()
run_backend() {
  local backend=$1 library=() workload
  if [ "$backend" = sqlite ]; then
    library=(--db "$work/sqlite-$docs.db")
    workload=$work/sqlite-$docs.workload
  else
    local url=${CROSSREAD_POSTGRES:-$(CROSSREAD_PG_DIR=${CROSSREAD_PG_DIR:-$work/postgres} \
      CROSSREAD_PG_OPTIONS="-c synchronous_commit=off -c shared_buffers=256MB" scripts/postgres-local.sh start)}
    library=(--postgres "$url")
    workload=$work/postgres-$docs.workload
  fi
  echo "== $backend: library of $docs documents" >&2
  "$bin/serve-load" "${library[@]}" --documents "$docs" --annotate-every "$annotate" --corpora "$corpora" \
    --workload "$workload" | tee -a "$work/$backend-generate.jsonl" >&2
  # After a bulk load PostgreSQL's planner has no statistics yet (autovacuum catches up later, and a
  # fast shutdown forgets them): without them it scans the whole table for common words.
  [ "$backend" = postgres ] && psql "$url" -qc "VACUUM ANALYZE document" >&2

  local port; port=$(free_port)
  "$bin/crossread" serve "${library[@]}" --host 127.0.0.1 --port "$port" >"$work/$backend-serve.log" 2>&1 &
  local server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  local started=$SECONDS
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 $server 2>/dev/null || { echo "crossread serve exited:" >&2; tail -20 "$work/$backend-serve.log" >&2; exit 1; }
    [ $((SECONDS - started)) -lt 300 ] || { echo "crossread serve did not answer within 300 s" >&2; exit 1; }
    sleep 0.5
  done
  echo "   server answered after $((SECONDS - started)) s; RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')" >&2
  # Warm up caches once over both pages.
  for page in searches documents; do
    wrk -t1 -c4 -d3s --timeout 10s -s scripts/bench-serve.lua "http://127.0.0.1:$port" -- "$workload/$page.txt" >/dev/null
  done
  for page in searches documents; do
    for connections in 1 8 64; do
      local threads=$(( connections < 2 ? 1 : 2 )) label=${page%s}
      [ "$page" = searches ] && label=search
      local result
      result=$(wrk -t$threads -c$connections -d"$duration" --timeout 10s -s scripts/bench-serve.lua \
        "http://127.0.0.1:$port" -- "$workload/$page.txt" | grep '^RESULT')
      eval "${result#RESULT }"
      rows+=("$(printf '| %-8s | %-8s | %4d | %8s | %8s | %8s | %6d |' "$backend" "$label" "$connections" \
        "$rps" "$p50_ms" "$p99_ms" "$((status_errors + socket_errors))")")
      echo "${rows[-1]}" >&2
    done
  done
  echo "   RSS after the runs $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')" >&2
  kill $server; wait $server 2>/dev/null || true
  trap - EXIT
}

case $backends in
  sqlite|postgres) run_backend "$backends" ;;
  both) run_backend sqlite; run_backend postgres ;;
  *) echo "usage: scripts/bench-serve.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac

echo
echo "crossread serve, $docs documents, $duration per row, wrk on the same $(nproc)-core machine"
echo "| backend  | page     | conn | req/s    | p50 ms   | p99 ms   | errors |"
echo "|----------|----------|-----:|---------:|---------:|---------:|-------:|"
printf '%s\n' "${rows[@]}"

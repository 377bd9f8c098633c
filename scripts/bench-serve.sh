#!/usr/bin/env bash
# Load test of `crossread serve` on loopback: a library of generated articles (variants of real ones
# from ../shared, see Benchmarks/ServeLoad), then wrk against the search, document, entity and story
# pages at 1, 8 and 64 connections, DURATION each, reporting requests/s, p50 and p99 latency and errors
# (non-2xx answers plus socket errors and timeouts), while an ingest worker (a second process) adds
# new documents one transaction each at up to INGEST_RATE a second; its throughput is reported.
# OVERLAP=200 first compares the bounded top-k search with ranking every match on 200 fixed queries.
#
#   scripts/bench-serve.sh [sqlite|postgres|both]    (default: both)
#
# Environment: DOCS (default 100000), DURATION (default 20s), ANNOTATE_EVERY (default 10: every
# tenth document annotated, and the document pages requested are those; 1 annotates all), LOAD_DIR
# (libraries kept here between runs, default /tmp/crossread-serve-load), SCRATCH (swift build folder,
# default .build; BIN: a folder holding release crossread and serve-load skips building),
# CROSSREAD_POSTGRES (a server URL; default: a private one in LOAD_DIR/postgres from
# scripts/postgres-local.sh, synchronous_commit off for the bulk load), INGEST_RATE (default 20; 0: no
# worker), OVERLAP (queries for the overlap@10 report; default 0: none), FILL=0 (use the library as it is). Needs Debian's `wrk`. A library
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
  # FILL=0 uses the library as it is (a partly filled one too) and only writes the workload.
  "$bin/serve-load" "${library[@]}" --documents "$([ "${FILL:-1}" = 0 ] && echo 0 || echo "$docs")" \
    --annotate-every "$annotate" --corpora "$corpora" \
    --workload "$workload" | tee -a "$work/$backend-generate.jsonl" >&2
  # After a bulk load PostgreSQL's planner has no statistics yet (autovacuum catches up later, and a
  # fast shutdown forgets them): without them it scans the whole table for common words.
  [ "$backend" = postgres ] && psql "$url" -q -c "VACUUM ANALYZE document" -c "ANALYZE search_term" >&2
  if [ "${OVERLAP:-0}" -gt 0 ]; then
    echo "   overlap@10, top-k against every match, $OVERLAP queries:" >&2
    "$bin/serve-load" "${library[@]}" --corpora "$corpora" --overlap "$OVERLAP" | tee -a "$work/$backend-overlap.jsonl" >&2
  fi

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
  echo "   library holds $(curl -sf "http://127.0.0.1:$port/api/library" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("documents"))') documents" >&2
  echo "   server answered after $((SECONDS - started)) s; RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')" >&2
  # Entity and story pages: the entities naming the most documents, the stories of the server's analysis.
  # The server analyses the most recent annotated documents after it starts; wait (at most 10 minutes).
  local waited=$SECONDS
  until curl -sf "http://127.0.0.1:$port/api/stories" -o "$work/stories.json" \
    && python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["status"] != "ready")' "$work/stories.json"; do
    [ $((SECONDS - waited)) -lt 600 ] || { echo "   stories not ready after 600 s; story pages left out" >&2; break; }
    sleep 2
  done
  curl -sf "http://127.0.0.1:$port/api/entities" -o "$work/entities.json"
  python3 - "$work" "$workload" <<'PY'
import json, sys, urllib.parse
work, workload = sys.argv[1], sys.argv[2]
entities = json.load(open(work + "/entities.json")).get("entities", [])
stories = json.load(open(work + "/stories.json")).get("stories", [])
with open(workload + "/entities.txt", "w") as out:
    out.writelines("/entities/" + urllib.parse.quote(e["id"], safe=":") + "\n" for e in entities)
with open(workload + "/stories.txt", "w") as out:
    out.writelines("/stories/" + s["id"] + "\n" for s in stories[:500])
PY
  local pages=(searches documents)
  [ -s "$workload/entities.txt" ] && pages+=(entities)
  [ -s "$workload/stories.txt" ] && pages+=(stories)
  # Warm up caches once over every page.
  for page in "${pages[@]}"; do
    wrk -t1 -c4 -d3s --timeout 10s -s scripts/bench-serve.lua "http://127.0.0.1:$port" -- "$workload/$page.txt" >/dev/null
  done
  local worker=
  if [ "${INGEST_RATE:-20}" != 0 ]; then
    "$bin/serve-load" "${library[@]}" --corpora "$corpora" --annotate-every "$annotate" --ingest-seconds $(( ${#pages[@]} * 3 * (${duration%s} + 1) )) \
      --ingest-rate "${INGEST_RATE:-20}" >"$work/$backend-ingest.json" 2>>"$work/$backend-ingest.log" &
    worker=$!
  fi
  for page in "${pages[@]}"; do
    for connections in 1 8 64; do
      local threads=$(( connections < 2 ? 1 : 2 )) label
      case $page in searches) label=search ;; entities) label=entity ;; stories) label=story ;; *) label=document ;; esac
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
  if [ -n "$worker" ]; then
    wait $worker || echo "   the ingest worker failed: $(tail -3 "$work/$backend-ingest.log")" >&2
    echo "   ingest worker: $(cat "$work/$backend-ingest.json")" >&2
  fi
  kill $server; wait $server 2>/dev/null || true
  trap - EXIT
}

case $backends in
  sqlite|postgres) run_backend "$backends" ;;
  both) run_backend sqlite; run_backend postgres ;;
  *) echo "usage: scripts/bench-serve.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac

echo
echo "crossread serve, library named for $docs documents (each backend's count is printed above), $duration per row, wrk on the same $(nproc)-core machine"
echo "| backend  | page     | conn | req/s    | p50 ms   | p99 ms   | errors |"
echo "|----------|----------|-----:|---------:|---------:|---------:|-------:|"
printf '%s\n' "${rows[@]}"

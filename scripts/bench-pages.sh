#!/usr/bin/env bash
# Load test of the pages that read the library's merged entities and counts (issue #17): the overview,
# the entity list, entity pages and document pages, with wrk at 1, 8 and 64 connections, DURATION
# each, on a library that already exists (scripts/bench-serve.sh or serve-load makes one). Reports
# requests/s, p50 and p99 latency and errors per row, the seconds until the server answered and its
# analysis was ready, and the server's peak resident memory (VmHWM). A variant of bench-serve.sh
# that can run two builds on copies of one library (before and after a change):
#
#   BIN=/path/to/release/bin scripts/bench-pages.sh LIBRARY.db WORKLOAD_DIR [LABEL]
#
# Environment: DURATION (default 15s); INGEST_RATE (default 0: no writer; else BIN/serve-load adds
# that many documents a second while wrk runs); ENTITY_PATHS and LIST_PATHS (files of /entities/ID and
# /entities?… paths to reuse, so that two runs request the same pages; default: from the first page of
# /api/entities); OUT (a
# folder for logs, default /tmp/crossread-bench-pages). Needs Debian's `wrk`.
set -euo pipefail
cd "$(dirname "$0")/.."
library=${1:?library file}
workload=${2:?workload folder (documents.txt)}
label=${3:-run}
bin=${BIN:?BIN: a folder holding release crossread (and serve-load for INGEST_RATE)}
duration=${DURATION:-15s}
out=${OUT:-/tmp/crossread-bench-pages}
mkdir -p "$out"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

port=$(free_port)
started=$SECONDS
"$bin/crossread" serve --db "$library" --host 127.0.0.1 --port "$port" >"$out/$label-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/api/library"; do
  kill -0 $server 2>/dev/null || { echo "crossread serve exited:" >&2; tail -20 "$out/$label-serve.log" >&2; exit 1; }
  sleep 0.5
done
echo "$label: answered after $((SECONDS - started)) s" >&2
until curl -sf "http://127.0.0.1:$port/api/library" | python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)["analysis"]["status"] != "ready")'; do
  [ $((SECONDS - started)) -lt 1200 ] || { echo "$label: analysis not ready after 1200 s" >&2; break; }
  sleep 2
done
echo "$label: analysis ready after $((SECONDS - started)) s; RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')" >&2

pages=$out/$label-paths
mkdir -p "$pages"
echo "/" > "$pages/overview.txt"
curl -sf "http://127.0.0.1:$port/api/entities" -o "$pages/entities.json"
if [ -n "${ENTITY_PATHS:-}" ]; then cp "$ENTITY_PATHS" "$pages/entity.txt"; fi
if [ -n "${LIST_PATHS:-}" ]; then cp "$LIST_PATHS" "$pages/list.txt"; fi
python3 - "$pages" <<'PY'
import json, os, sys, urllib.parse
folder = sys.argv[1]
entities = json.load(open(folder + "/entities.json")).get("entities", [])
if not os.path.exists(folder + "/list.txt"):
  prefixes = sorted({e["name"].split()[0][:4].lower() for e in entities[:40] if e["name"].split()})
  with open(folder + "/list.txt", "w") as out:
    out.write("/entities\n/entities?type=person\n/entities?type=organization\n/entities?type=place\n/entities?page=2\n/entities?page=5\n")
    out.writelines("/entities?q=" + urllib.parse.quote(p) + "\n" for p in prefixes)
if not os.path.exists(folder + "/entity.txt"):
    with open(folder + "/entity.txt", "w") as out:
        out.writelines("/entities/" + urllib.parse.quote(e["id"], safe=":") + "\n" for e in entities)
PY
cp "$workload/documents.txt" "$pages/document.txt"

for page in overview list entity document; do
  wrk -t1 -c4 -d3s --timeout 10s -s scripts/bench-serve.lua "http://127.0.0.1:$port" -- "$pages/$page.txt" >/dev/null
done
worker=
if [ "${INGEST_RATE:-0}" != 0 ]; then
  "$bin/serve-load" --db "$library" --corpora ../shared/corpora --annotate-every 10 \
    --ingest-seconds $(( 4 * 3 * (${duration%s} + 1) )) --ingest-rate "$INGEST_RATE" \
    >"$out/$label-ingest.json" 2>>"$out/$label-ingest.log" &
  worker=$!
fi
rows=()
for page in overview list entity document; do
  for connections in 1 8 64; do
    threads=$(( connections < 2 ? 1 : 2 ))
    result=$(wrk -t$threads -c$connections -d"$duration" --timeout 10s -s scripts/bench-serve.lua \
      "http://127.0.0.1:$port" -- "$pages/$page.txt" | grep '^RESULT')
    eval "${result#RESULT }"
    rows+=("$(printf '| %-8s | %-9s | %4d | %8s | %8s | %8s | %6d |' "$label" "$page" "$connections" \
      "$rps" "$p50_ms" "$p99_ms" "$((status_errors + socket_errors))")")
    echo "${rows[-1]}" >&2
  done
done
[ -n "$worker" ] && { wait $worker || true; echo "$label: ingest worker $(cat "$out/$label-ingest.json")" >&2; }
peak=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status)
now=$(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')
kill $server; wait $server 2>/dev/null || true
trap - EXIT
echo
echo "crossread serve ($label), $(curl -s --max-time 1 http://127.0.0.1:$port/ >/dev/null 2>&1; echo "$library"), $duration per row, wrk on the same $(nproc)-core machine; peak RSS $peak, RSS at the end $now"
echo "| build    | page      | conn | req/s    | p50 ms   | p99 ms   | errors |"
echo "|----------|-----------|-----:|---------:|---------:|---------:|-------:|"
printf '%s\n' "${rows[@]}"

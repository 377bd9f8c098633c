#!/usr/bin/env bash
# Parallel ingest into one PostgreSQL library: four `crossread ingest --postgres` processes at once
# over overlapping halves of real corpora, then the distinct documents expected against the rows
# stored. Each file is given to exactly two workers, through symbolic links under other names and
# in other folders, at nearly the same moment, so every document is raced for.
#
# Usage: scripts/postgres-workers.sh [CORPUS_FOLDER...]
#   default corpora: ../shared/seeds, ../shared/corpora/article-extraction-benchmark/html,
#   ../shared/corpora/ecbplus-dev
#   server: $CROSSREAD_POSTGRES, else a private one from scripts/postgres-local.sh (left running)
#   build: release by default; CONFIG=debug for a debug build, SCRATCH=.build-x for another build folder
# The workers write into a new database on that server, dropped at the end (KEEP=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."

corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=(../shared/seeds ../shared/corpora/article-extraction-benchmark/html ../shared/corpora/ecbplus-dev)
fi
present=()
for c in "${corpora[@]}"; do
  if [ -d "$c" ]; then present+=("$(cd "$c" && pwd)"); else echo "skipped: $c is absent"; fi
done
[ ${#present[@]} -gt 0 ] || { echo "skipped: no corpus found"; exit 0; }

config=${CONFIG:-release}
scratch=${SCRATCH:-.build}
swift build -c "$config" --scratch-path "$scratch" --product crossread >"${TMPDIR:-/tmp}/postgres-workers-build.log" 2>&1 \
  || { tail -30 "${TMPDIR:-/tmp}/postgres-workers-build.log"; exit 1; }
bin=$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)/crossread

server=${CROSSREAD_POSTGRES:-$(scripts/postgres-local.sh start)}
database=crossread_workers_$$_$RANDOM
url="${server%/*}/$database"
tmp=$(mktemp -d)
cleanup() {
  [ "${KEEP:-0}" = 1 ] || psql -X -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
psql -X -q "$server" -c "CREATE DATABASE $database" >/dev/null

# Every file, in a stable order, cut into four quarters. Worker k reads quarters k and k+1
# (wrapping), interleaved, through links named so that they sort in that order: worker k reaches
# file i of quarter k+1 one step after worker k+1 reaches it, so the two really race for it.
mapfile -t files < <(for c in "${present[@]}"; do find -L "$c" -type f ! -name '.*' ! -name 'README*' ! -name '*.json'; done | sort)
n=${#files[@]}
quarter=$(( (n + 3) / 4 ))
for k in 0 1 2 3; do
  folder="$tmp/worker$((k + 1))/input"
  mkdir -p "$folder"
  for ((i = 0; i < quarter; i++)); do
    for q in $k $(( (k + 1) % 4 )); do
      index=$(( q * quarter + i ))
      [ "$index" -lt "$n" ] || continue
      step=$(( 2 * i + (q == k ? 0 : 1) ))
      ln -s "${files[$index]}" "$folder/$(printf '%06d' "$step")-w$((k + 1))-$(basename "${files[$index]}")"
    done
  done
done

# The distinct documents in all the files, as an SQLite library counts them.
"$bin" ingest "${files[@]}" --db "$tmp/expected.db" --quiet >/dev/null || true
expected=$("$bin" list --json --db "$tmp/expected.db" | wc -l)

echo "$n files from: ${corpora[*]}"
echo "4 workers, each over half of them, every file given to two workers under other names"
started=$(date +%s.%N)
pids=()
for k in 1 2 3 4; do
  "$bin" ingest "$tmp/worker$k" --postgres "$url" >"$tmp/worker$k.out" 2>"$tmp/worker$k.err" &
  pids+=($!)
done
status=0
for k in 1 2 3 4; do wait "${pids[$((k - 1))]}" || status=1; done
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')

printf '%-8s %6s %8s %7s\n' worker new present failed
total_new=0
for k in 1 2 3 4; do
  line=$(grep -E '^[0-9]+ new, [0-9]+ already present, [0-9]+ failed' "$tmp/worker$k.out" || true)
  if [ -z "$line" ]; then
    echo "worker $k printed no summary:"; cat "$tmp/worker$k.err"; status=1; continue
  fi
  read -r new _ present _ _ failed _ <<<"$line"
  printf '%-8s %6s %8s %7s\n' "$k" "$new" "$present" "$failed"
  total_new=$((total_new + new))
done
rows=$(psql -X -tA "$url" -c "SELECT count(*) FROM document")
distinct=$(psql -X -tA "$url" -c "SELECT count(DISTINCT content_hash) FROM document")
printf 'wall time %.1f s\n' "$elapsed"
echo "distinct documents expected (SQLite over all files): $expected"
echo "new across workers: $total_new; rows stored: $rows; distinct content hashes stored: $distinct"
if [ "$rows" = "$expected" ] && [ "$total_new" = "$expected" ] && [ "$distinct" = "$rows" ] && [ $status = 0 ]; then
  echo "OK: exactly one row per distinct document"
else
  echo "MISMATCH"; exit 1
fi

#!/usr/bin/env bash
# Several `crossread analyze` processes on one PostgreSQL library: each reads its share of the input
# plus the next worker's share (so every file is raced for by two workers under other names), stores
# it, annotates, places documents in stories and compares them, all at once. Then checks that every
# distinct document is stored once and is in exactly one story, and compares the stories with those of
# one worker over the same input (B-cubed F1, the pairs of documents sharing a story). Reports wall
# time and documents per second for each number of workers.
#
# Usage: scripts/postgres-analysis-workers.sh [CORPUS_FOLDER...]
#   default corpora: ../shared/seeds, ../shared/corpora/article-extraction-benchmark/html,
#   ../shared/corpora/ecbplus-dev (the 650-file mix of scripts/postgres-workers.sh)
#   WORKERS="1 2 4" (the first is the reference, and must be 1); GENERATED=N adds N generated articles
#   (corpus-eval generate, JSON Lines in 16 files); server: $CROSSREAD_POSTGRES, else a private one
#   from scripts/postgres-local.sh; build: release (SCRATCH=.build-rel to reuse a release build folder;
#   BIN=FOLDER holding crossread and corpus-eval skips building).
#   Each run's database is dropped at the end (KEEP=1 keeps them).
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
read -r -a counts <<<"${WORKERS:-1 2 4}"
[ "${counts[0]}" = 1 ] || { echo "WORKERS must start with 1 (the reference run)"; exit 2; }

scratch=${SCRATCH:-.build}
log="${TMPDIR:-/tmp}/postgres-analysis-workers-build.log"
if [ -n "${BIN:-}" ]; then
  bin=$BIN/crossread
else
  swift build -c release --scratch-path "$scratch" --product crossread >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
  bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/crossread
fi
server=${CROSSREAD_POSTGRES:-$(scripts/postgres-local.sh start)}
tmp=$(mktemp -d)
databases=()
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    for database in "${databases[@]}"; do psql -X -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

mapfile -t files < <(for c in "${present[@]}"; do find -L "$c" -type f ! -name '.*' ! -name 'README*' ! -name '*.json'; done | sort)
if [ -n "${GENERATED:-}" ]; then
  [ -n "${BIN:-}" ] || swift build -c release --scratch-path "$scratch" --product corpus-eval >>"$log" 2>&1 || { tail -30 "$log"; exit 1; }
  "$(dirname "$bin")/corpus-eval" generate --articles ../shared/corpora/article-extraction-benchmark/ground-truth.json \
    --ecb ../shared/corpora/ecbplus-dev --count "$GENERATED" --out "$tmp/generated" --parts 16
  files+=("$tmp"/generated-*.jsonl)
fi
n=${#files[@]}
echo "$n files from: ${corpora[*]}${GENERATED:+ and $GENERATED generated articles}"

run() {  # run WORKERS: prints the wall time; leaves the database's story of every document in $tmp/stories-WORKERS.tsv
  local w=$1 database="crossread_analysis_$$_${RANDOM}_$1"
  databases+=("$database")
  psql -X -q "$server" -c "CREATE DATABASE $database" >/dev/null
  local url="${server%/*}/$database" share=$(( (n + w - 1) / w ))
  for ((k = 0; k < w; k++)); do
    local folder="$tmp/run$w/worker$k/input"
    mkdir -p "$folder"
    local shares=("$k")
    [ "$w" = 1 ] || shares+=("$(( (k + 1) % w ))")
    for ((i = 0; i < share; i++)); do
      for q in "${shares[@]}"; do
        local index=$(( q * share + i ))
        [ "$index" -lt "$n" ] || continue
        ln -s "${files[$index]}" "$folder/$(printf '%06d' $(( 2 * i + (q == k ? 0 : 1) )))-w$k-$(basename "${files[$index]}")"
      done
    done
  done
  local started pids=() status=0
  started=$(date +%s.%N)
  for ((k = 0; k < w; k++)); do
    "$bin" analyze "$tmp/run$w/worker$k/input" --postgres "$url" -o "$tmp/run$w/worker$k/dossier.html" --quiet \
      >"$tmp/run$w/worker$k.out" 2>"$tmp/run$w/worker$k.err" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  # A worker that finished first may have left stories to compare that a later one changed: one
  # more round, timed apart, brings the analysis up to date (it finds nothing when the workers did).
  local finished final
  finished=$(date +%s.%N)
  "$bin" worker --once --quiet --postgres "$url"
  final=$(date +%s.%N)
  for ((k = 0; k < w; k++)); do
    if [ -s "$tmp/run$w/worker$k.err" ]; then echo "worker $k said:"; head -5 "$tmp/run$w/worker$k.err"; fi
  done
  local documents placed pending stories stale
  documents=$(psql -X -tA "$url" -c "SELECT count(*) FROM document")
  placed=$(psql -X -tA "$url" -c "SELECT count(*) FROM corpus_document WHERE story_id IS NOT NULL AND story_id <> ''")
  pending=$(psql -X -tA "$url" -c "SELECT count(*) FROM corpus_pending")
  stories=$(psql -X -tA "$url" -c "SELECT count(*) FROM corpus_story")
  stale=$(psql -X -tA "$url" -c "SELECT count(*) FROM corpus_story WHERE results_version < version")
  psql -X -tA -F $'\t' "$url" -c "SELECT document_id, story_id FROM corpus_document ORDER BY document_id" >"$tmp/stories-$w.tsv"
  awk -v w="$w" -v a="$started" -v b="$finished" -v c="$final" -v d="$documents" -v p="$placed" -v q="$pending" -v s="$stories" -v t="$stale" -v st="$status" \
    'BEGIN { printf "%d worker%s: %.1f s (+%.1f s last round), %.1f documents/s; %d documents, %d in a story, %d waiting, %d stories, %d stale; exit %s\n",
             w, (w == 1 ? "" : "s"), b - a, c - b, d / (b - a), d, p, q, s, t, (st == 0 ? "ok" : "FAILED") }'
  [ "$status" = 0 ] && [ "$placed" = "$documents" ] && [ "$pending" = 0 ] || { echo "MISMATCH: not every document is in exactly one story"; return 1; }
}

for w in "${counts[@]}"; do
  run "$w"
  if [ "$w" != 1 ]; then
    python3 - "$tmp/stories-1.tsv" "$tmp/stories-$w.tsv" <<'PY'
import sys
from collections import defaultdict
def load(path):
    story = {}
    for line in open(path):
        if line.strip():
            document, s = line.rstrip("\n").split("\t")
            story[document] = s
    return story
one, many = load(sys.argv[1]), load(sys.argv[2])
if set(one) != set(many):
    print(f"  documents differ: {len(set(one) ^ set(many))}")
common = sorted(set(one) & set(many))
members_one, members_many = defaultdict(set), defaultdict(set)
for d in common:
    members_one[one[d]].add(d)
    members_many[many[d]].add(d)
p = r = 0.0
for d in common:
    a, b = members_one[one[d]], members_many[many[d]]
    both = len(a & b)
    p += both / len(b)
    r += both / len(a)
p, r = p / len(common), r / len(common)
print(f"  stories against one worker's: B-cubed precision {p:.4f}, recall {r:.4f}, F1 {2 * p * r / (p + r):.4f}")
PY
  fi
done

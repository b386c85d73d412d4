#!/usr/bin/env bash
# `rapport serve` with 100,000 contacts (DESIGN.md §5: ready in <= 2 s, <= 400 MB resident). Publishes the program as a
# user installs it (Release, ReadyToRun, framework-dependent, linux-x64), prepares a copy of the 100k demo network once
# (migrated, aggregates built: `rapport today` on it, not timed), then RUNS times: starts `serve` on a free loopback port
# and times process start to the first 200 from /health, then opens the pages a user opens first (Today, People, a
# Person, Insights, the insights API) and reads the server's resident memory after each (VmRSS) and at its peak (VmHWM).
# Prints each run and the medians.
#
#   bench/serve-ready.sh                  # 100,000 contacts, 5 runs
#   CONTACTS=20000 RUNS=3 bench/serve-ready.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS=${CONTACTS:-100000}
RUNS=${RUNS:-5}
ART=${ART:-/tmp/art-bench-serve}
CACHE=${RAPPORT_BENCH_CACHE:-${TMPDIR:-/tmp}/rapport-bench}
export RAPPORT_NOW=${RAPPORT_NOW:-2026-11-20T12:00:00Z}

dotnet publish src/Rapport.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$ART" -v q -nologo >/dev/null
rapport="$ART/publish/Rapport.Cli/release_linux-x64/rapport"

mkdir -p "$CACHE"
db="$CACHE/serve-demo-$CONTACTS.db"
if [ ! -f "$db" ]; then
  echo "Preparing the demo network ($CONTACTS contacts) in $db ..."
  "$rapport" demo --contacts "$CONTACTS" --seed 1 --db "$db.tmp" >/dev/null
  "$rapport" today --db "$db.tmp" >/dev/null
  for f in "$db.tmp"-wal "$db.tmp"-shm; do [ -f "$f" ] && mv "$f" "${f/.tmp/}"; done
  mv "$db.tmp" "$db"
fi

kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$server/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%d", k / 1024 }'; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "network: $CONTACTS contacts ($(du -m "$db" | cut -f1) MB file)"
readies=(); rss=(); peaks=()
for run in $(seq 1 "$RUNS"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  base="http://127.0.0.1:$port"
  start=$(date +%s%N)
  "$rapport" serve --db "$db" --urls "$base" >/tmp/rapport-bench-serve.log 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/health" 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || { echo "the server exited; see /tmp/rapport-bench-serve.log" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  line="run $run: ready in $ready ms, $(mb "$(kb VmRSS)") MB"
  person=$(curl -fs "$base/" | grep -o 'href="/people/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
  for page in /people "/people/$person" /insights /api/v1/insights; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base$page"); [ "$code" = 200 ] || { echo "$page answered $code" >&2; kill "$server"; exit 1; }
    line+=", after $page $(mb "$(kb VmRSS)") MB"
  done
  rss+=("$(mb "$(kb VmRSS)")"); peaks+=("$(mb "$(kb VmHWM)")"); readies+=("$ready")
  echo "$line; peak $(mb "$(kb VmHWM)") MB"
  kill "$server"; wait "$server" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "median: ready in $(median "${readies[@]}") ms; resident after those pages $(median "${rss[@]}") MB, peak $(median "${peaks[@]}") MB; load after: $(cut -d' ' -f1-3 /proc/loadavg)"

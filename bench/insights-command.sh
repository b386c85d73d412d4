#!/usr/bin/env bash
# Times `rapport insights` as a whole command (process start to exit) over the 20,000-contact demo network, and prints
# the runs and the medians of their wall time and CPU time (user + system, from /usr/bin/time).
# Usage: bench/insights-command.sh [runs=7]
#   BASE=/path/to/another/rapport bench/insights-command.sh 7   # alternates with another build, and checks that both
#                                                              # print the same text and the same --json
#   WRITE_BETWEEN=contact bench/insights-command.sh 7       # a contact edited (not timed) before every run: the command
#                                                              # patches the kept inputs from that row
#   WRITE_BETWEEN=link bench/insights-command.sh 7          # a link written (not timed) before every run: patched too
#   WRITE_BETWEEN=interaction bench/insights-command.sh 7   # the oldest interaction edited (not timed) before every run:
#                                                              # patched too
#   WRITE_BETWEEN=unpatched bench/insights-command.sh 7     # the kept inputs' mark deleted before every run, as a write no
#                                                              # patch follows (a settings change, say) leaves it: the
#                                                              # command reads the tables and keeps its inputs
# Publishes the rapport program as a user installs it (Release, ReadyToRun, framework-dependent, linux-x64) into
# /tmp/art-bench-insights (set ART to reuse another build). The demo network is generated once into the bench cache
# ($RAPPORT_BENCH_CACHE, or rapport-bench under the temp folder) and its aggregates built (not timed).
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
art=${ART:-/tmp/art-bench-insights}
cache=${RAPPORT_BENCH_CACHE:-${TMPDIR:-/tmp}/rapport-bench}
export RAPPORT_NOW=${RAPPORT_NOW:-2026-11-20T12:00:00Z}
work=$(mktemp -d /tmp/rapport-insights-command.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/src/Rapport.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$art" -v q -nologo >/dev/null
new="$art/publish/Rapport.Cli/release_linux-x64/rapport"

mkdir -p "$cache"
demo="$cache/insights-demo-20000.db"
if [ ! -f "$demo" ]; then
  echo "Preparing the demo network (20,000 contacts) in $demo ..."
  "$new" demo --contacts 20000 --seed 1 --db "$demo.tmp" >/dev/null
  "$new" insights --db "$demo.tmp" >/dev/null
  for f in "$demo.tmp"-wal "$demo.tmp"-shm; do [ -f "$f" ] && mv "$f" "${f/.tmp/}"; done
  mv "$demo.tmp" "$demo"
fi
cp "$demo" "$work/d.db"; [ -f "$demo-wal" ] && cp "$demo-wal" "$work/d.db-wal"

builds=(new); bins=("$new")
if [ -n "${BASE:-}" ]; then builds=(base new); bins=("$BASE" "$new"); fi
# Once each, untimed: a build that migrates the file or rebuilds aggregates does it here.
for b in "${bins[@]}"; do RAPPORT_DB="$work/d.db" "$b" insights >/dev/null; done
declare -A walls cpus
for i in $(seq 1 "$runs"); do
  for k in "${!bins[@]}"; do
    case "${WRITE_BETWEEN:-}" in
      "") ;;
      contact) sqlite3 "$work/d.db" 'UPDATE "Contacts" SET "Trust" = "Trust" WHERE "Id" = (SELECT min("Id") FROM "Contacts");' ;;
      link) sqlite3 "$work/d.db" 'UPDATE "ContactLinks" SET "Strength" = "Strength" WHERE "Id" = (SELECT min("Id") FROM "ContactLinks");' ;;
      interaction) sqlite3 "$work/d.db" 'UPDATE "Interactions" SET "Channel" = "Channel" WHERE "Id" = (SELECT min("Id") FROM "Interactions");' ;;
      unpatched) sqlite3 "$work/d.db" 'DELETE FROM "InsightsInputsMarks";' ;;
      *) echo "WRITE_BETWEEN is contact, link, interaction or unpatched, not $WRITE_BETWEEN" >&2; exit 2 ;;
    esac
    RAPPORT_DB="$work/d.db" /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "${bins[$k]}" insights > "$work/out-$k.txt"
    read -r wall user sys < "$work/time.txt"
    walls[${builds[$k]}]+="$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }') "
    cpus[${builds[$k]}]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') "
  done
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
for b in "${builds[@]}"; do
  # shellcheck disable=SC2086
  echo "$b: wall (ms) ${walls[$b]}| cpu (ms) ${cpus[$b]}| median $(median ${walls[$b]}) ms wall, $(median ${cpus[$b]}) ms CPU"
done
echo "$(nproc) cores; $(uptime)"
if [ -n "${BASE:-}" ]; then
  cmp -s "$work/out-0.txt" "$work/out-1.txt" && echo "text: the same" || { echo "text: DIFFERS"; diff "$work/out-0.txt" "$work/out-1.txt" | head -20; exit 1; }
  RAPPORT_DB="$work/d.db" "$BASE" insights --json > "$work/j0.json"; RAPPORT_DB="$work/d.db" "$new" insights --json > "$work/j1.json"
  cmp -s "$work/j0.json" "$work/j1.json" && echo "json: the same" || { echo "json: DIFFERS"; exit 1; }
fi

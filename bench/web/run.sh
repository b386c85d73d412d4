#!/usr/bin/env bash
# Web benchmark (DESIGN.md §5): Today and a Person page with 20,000 contacts under 50 concurrent connections on
# loopback, measured with wrk; target p95 <= 50 ms. Builds the rapport program (Release) into its own artifacts
# folder, writes the demo network once (cached), serves it on a free loopback port, warms up, then runs wrk
# several times per page and prints the median of each percentile, with the server's CPU time per request (a steadier
# signal than latency on a shared machine). The server keeps rendered Today and Person pages until the next commit;
# PAGE_CACHE=off serves with --no-page-cache, so every request renders.
#
#   bench/web/run.sh                 # 20,000 contacts, 3 runs of 20 s per page, page cache on
#   PAGE_CACHE=off bench/web/run.sh  # the same, every page rendered
#   CONTACTS=1000 RUNS=1 DURATION=5 bench/web/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${CONTACTS:-20000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PAGE_CACHE=${PAGE_CACHE:-on}
ART=${ART:-/tmp/art-bench-web}
CACHE=${RAPPORT_BENCH_CACHE:-${TMPDIR:-/tmp}/rapport-bench}
export RAPPORT_NOW=${RAPPORT_NOW:-2026-11-20T12:00:00Z}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

dotnet build src/Rapport.Cli -c Release --artifacts-path "$ART" -v q -nologo >/dev/null
rapport() { dotnet "$ART/bin/Rapport.Cli/release/rapport.dll" "$@"; }

mkdir -p "$CACHE"
db="$CACHE/web-demo-$CONTACTS.db"
if [ ! -f "$db" ]; then
  echo "Writing the demo network ($CONTACTS contacts) to $db ..."
  rapport demo --contacts "$CONTACTS" --seed 1 --db "$db.tmp" >/dev/null
  for f in "$db.tmp"-wal "$db.tmp"-shm; do [ -f "$f" ] && mv "$f" "${f/.tmp/}"; done
  mv "$db.tmp" "$db"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
serve_flags=()
[ "$PAGE_CACHE" = off ] && serve_flags+=(--no-page-cache)
dotnet "$ART/bin/Rapport.Cli/release/rapport.dll" serve --db "$db" --urls "$base" "${serve_flags[@]}" >/tmp/rapport-bench-web.log 2>&1 &
server=$!
# The server's CPU time (user + system) in milliseconds.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$server/stat"; }
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health" >/dev/null || { echo "the server did not start; see /tmp/rapport-bench-web.log" >&2; exit 1; }

# A person with a real history: the first one on Today's plan.
person=$(curl -fs "$base/" | grep -o 'href="/people/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
[ -n "$person" ] || { echo "Today's plan is empty: no person to measure" >&2; exit 1; }
pages=("/" "/people/$person")
for p in "${pages[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$p"); [ "$code" = 200 ] || { echo "$p answered $code" >&2; exit 1; }
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$base$p" >/dev/null   # warm-up: JIT, caches, connection pool
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "network: $CONTACTS contacts; $CONNECTIONS connections, $THREADS wrk threads, $RUNS runs of ${DURATION}s per page, page cache $PAGE_CACHE"
for p in "${pages[@]}"; do
  results=()
  for r in $(seq 1 "$RUNS"); do
    before=$(cpu_ms)
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/web/latency.lua "$base$p" | grep '^RESULT')
    after=$(cpu_ms)
    requests=$(grep -o 'requests=[0-9]*' <<<"$line" | cut -d= -f2)
    line="$line cpu=$(awk -v a="$before" -v b="$after" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / (n > 0 ? n : 1) }')"
    echo "  $p run $r: ${line#RESULT }"
    results+=("$line")
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = [dict(kv.split("=") for kv in l.split()[1:]) for l in sys.stdin if l.strip()]
med = lambda k: statistics.median(float(r[k]) for r in rows)
errors = sum(int(r["errors"]) for r in rows)
print("'"$p"' median of %d: p50 %.1f ms, p90 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f req/s, server CPU %.2f ms/request, errors %d" % (len(rows), med("p50"), med("p90"), med("p95"), med("p99"), med("rps"), med("cpu"), errors))'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Runs Rapport's whole test suite against real SQLite files and a real, throw-away PostgreSQL server.
# On a fresh machine (as root) it installs PostgreSQL and Chromium from Debian's packages first.
set -euo pipefail
cd "$(dirname "$0")"

need_install=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -x "${pg_bin:-}/initdb" ] || need_install+=(postgresql)
[ -x /usr/bin/chromium ] || need_install+=(chromium)
command -v wrk >/dev/null 2>&1 || need_install+=(wrk)
# The web build restores its front-end packages with npm ci (src/Rapport.Web/client).
command -v npm >/dev/null 2>&1 || need_install+=(npm)
if [ ${#need_install[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_install[*]} from Debian's packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "Missing: ${need_install[*]}. Install them (apt-get install ${need_install[*]}) or run this script as root." >&2
    exit 1
  fi
fi

# A throw-away PostgreSQL cluster on a free loopback port, removed on exit.
# initdb refuses root, so the cluster belongs to the 'postgres' user the package creates.
pg_dir=$(mktemp -d /tmp/rapport-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
cleanup() { as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U rapport --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$pg_dir' -c fsync=off -c max_connections=200\" start" >/dev/null
export RAPPORT_TEST_PG="Host=127.0.0.1;Port=$port;Username=rapport;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') is listening on 127.0.0.1:$port"

results=$(mktemp -d /tmp/rapport-results.XXXXXX)
status=0
dotnet test Rapport.slnx --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line that any reader understands: the totals over every test project.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status

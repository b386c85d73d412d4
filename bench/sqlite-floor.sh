#!/usr/bin/env bash
# SQLite's own time for what the two open speed bars store and read, with no .NET in the way: the sqlite3 shell runs
# the statements and times each one (`.timer on`). What is measured is a floor under any program that keeps the same
# rows, however its own code is written.
#
#   1. The import bar (30,000-row Connections.csv): the rows `rapport import linkedin` stores (contacts, their LinkedIn
#      profile, their source key, 3,000 emails), copied from a file the program imported into an empty migrated file,
#      with Rapport's indexes and settings (WAL, synchronous = NORMAL, one transaction), both ways BulkWriter can take:
#      indexes kept up row by row, and indexes dropped then built once. `WHERE "Id" > 0` keeps SQLite from copying the
#      table's pages whole (its transfer optimization), so each row is inserted as a program's would be; the time to read
#      the rows from the attached file is timed apart, to be taken off.
#   2. The insights bar (20,000 contacts): a scan of the columns the insights read from each table of the 20k demo network.
#
# Needs sqlite3 (Debian: apt-get install sqlite3) and python3. Usage: bench/sqlite-floor.sh [runs=5]
# Publishes as bench/import-command.sh does, into /tmp/art-bench-import (ART= for another), and reads the 20k demo file in
# $RAPPORT_BENCH_CACHE or /tmp/rapport-bench (written by `dotnet run -c Release --project bench/Rapport.Bench -- --scenario 20000`).
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
art=${ART:-/tmp/art-bench-import}
cache=${RAPPORT_BENCH_CACHE:-/tmp/rapport-bench}
demo="$cache/demo-20000-seed1.db"
work=$(mktemp -d /tmp/rapport-sqlite-floor.XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }
[ -f "$demo" ] || { echo "$demo is missing: dotnet run -c Release --project bench/Rapport.Bench -- --scenario 20000" >&2; exit 2; }

dotnet publish "$root/src/Rapport.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$art" -v q -nologo >/dev/null
rapport="$art/publish/Rapport.Cli/release_linux-x64/rapport"
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# The sum of the "Run Time: real" lines of a timed script, in milliseconds.
timed() { sqlite3 "$1" < "$2" | awk '/^Run Time/ { s += $4 } END { printf "%d", s * 1000 }'; }

# --- 1. the import's rows -----------------------------------------------------------------------------------------------
# The same rows as import-command.sh and ConnectionsImportBenchmark, from import-command.sh's own generator.
RAPPORT_DB="$work/empty.db" "$rapport" contact list >/dev/null
sed -n "/^python3 - \"\$rows\"/,/^PY$/p" "$root/bench/import-command.sh" | sed '1d;$d' > "$work/gen.py"
python3 "$work/gen.py" 30000 > "$work/Connections.csv"
cp "$work/empty.db" "$work/full.db"
RAPPORT_DB="$work/full.db" RAPPORT_NOW=2026-11-20T12:00:00Z "$rapport" import linkedin "$work/Connections.csv" | grep -q "30,000 new"
sqlite3 "$work/full.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$work/empty.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

tables=(Contacts ContactProfiles ContactSources ContactEmails)
list=$(printf "'%s'," "${tables[@]}"); list=${list%,}
inserts=$(for t in "${tables[@]}"; do echo "INSERT INTO main.\"$t\" SELECT * FROM src.\"$t\" WHERE \"Id\" > 0;"; done)
reads=$(for t in "${tables[@]}"; do echo "SELECT count(*), $(sqlite3 "$work/full.db" "SELECT group_concat('sum(length(\"' || name || '\"))', ', ') FROM pragma_table_info('$t')") FROM src.\"$t\" WHERE \"Id\" > 0;"; done)
drops=$(sqlite3 "$work/empty.db" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ($list)" | tr '\n' ' ')
creates=$(sqlite3 "$work/empty.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ($list)" | tr '\n' ' ')
head="PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;
ATTACH '$work/full.db' AS src;"
printf '%s\n.timer on\nBEGIN;\n%s\nCOMMIT;\n' "$head" "$inserts" > "$work/kept.sql"
printf '%s\n.timer on\nBEGIN;\n%s\n%s\n%s\nCOMMIT;\n' "$head" "$drops" "$inserts" "$creates" > "$work/rebuilt.sql"
printf '%s\n.timer on\n%s\n' "$head" "$reads" > "$work/read.sql"

kept=(); rebuilt=(); read=()
for i in $(seq 1 "$runs"); do
  for way in kept rebuilt; do
    rm -f "$work/run.db"*; cp "$work/empty.db" "$work/run.db"
    ms=$(timed "$work/run.db" "$work/$way.sql")
    [ "$(sqlite3 "$work/run.db" 'SELECT count(*) FROM "Contacts"')" = 30000 ] || { echo "the copy did not take" >&2; exit 1; }
    if [ $way = kept ]; then kept+=("$ms"); else rebuilt+=("$ms"); fi
  done
  read+=("$(timed "$work/empty.db" "$work/read.sql")")
done
rows=$(sqlite3 "$work/full.db" "SELECT (SELECT count(*) FROM Contacts) + (SELECT count(*) FROM ContactProfiles) + (SELECT count(*) FROM ContactSources) + (SELECT count(*) FROM ContactEmails)")
echo "import: $rows rows in ${#tables[@]} tables, insert and commit (ms), indexes kept up: ${kept[*]}; median $(median "${kept[@]}")"
echo "import: the same, indexes dropped and built once (ms): ${rebuilt[*]}; median $(median "${rebuilt[@]}")"
echo "import: reading those rows from the attached file alone (ms, to take off): ${read[*]}; median $(median "${read[@]}")"

# --- 2. the insights' rows ----------------------------------------------------------------------------------------------
cat > "$work/insights.sql" <<'SQL'
.timer on
SELECT count(*), sum(length("DisplayName")), sum(length("Company")), sum(length("Title")), sum(length("Industry")), sum(length("Function")), sum(length("Seniority")), sum(length("City")), sum(length("Country")), sum(length("Kind")), sum("Trust"), sum(length("TierPin")), sum("Closeness"), sum("KeyPlayer"), sum(length("KnownSince")), sum(length("CreatedAt")) FROM "Contacts" WHERE "AccountId" = 1 AND "DeletedAt" IS NULL;
SELECT count(*), sum("TouchCount"), sum(length("FirstTouchAt")), sum(length("LastTouchAt")), sum("IntensityAtLast"), sum(length("RecentLog")), sum("PeakCore") FROM "ContactStats" WHERE "AccountId" = 1;
SELECT count(*), sum("ContactAId"), sum("ContactBId"), sum(length("Kind")), sum("Strength") FROM "ContactLinks" WHERE "AccountId" = 1;
SELECT count(*), sum("ContactId"), sum("OrganizationId"), sum(length("StartedOn")), sum(length("EndedOn")) FROM "Memberships" WHERE "AccountId" = 1;
SELECT count(*), sum(length("OccurredAt")), sum(length("Channel")), sum(length("Direction")) FROM "Interactions" WHERE "AccountId" = 1;
SELECT count(*), sum("ContactId"), sum("InteractionId") FROM "InteractionParticipants" WHERE "AccountId" = 1;
SQL
cp "$demo" "$work/demo.db"
RAPPORT_DB="$work/demo.db" "$rapport" contact list --limit 1 >/dev/null 2>&1
sqlite3 "$work/demo.db" < "$work/insights.sql" >/dev/null
main=(); history=()
for i in $(seq 1 "$runs"); do
  times=($(sqlite3 "$work/demo.db" < "$work/insights.sql" | awk '/^Run Time/ { printf "%d ", $4 * 1000 }'))
  main+=($(( times[0] + times[1] + times[2] + times[3] ))); history+=($(( times[4] + times[5] )))
done
echo "insights: contacts, aggregates, links, memberships (ms): ${main[*]}; median $(median "${main[@]}")"
echo "insights: the history, interactions and participants (ms): ${history[*]}; median $(median "${history[@]}")"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(uptime)"

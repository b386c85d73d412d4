#!/usr/bin/env bash
# Times `rapport import linkedin Connections.csv` as a whole command (process start to exit) on a 30,000-row file,
# each run into a copy of an empty, already migrated SQLite file, and prints the runs and the medians of their wall
# time and CPU time (user + system, from /usr/bin/time: steadier than wall time on a shared machine).
# Usage: bench/import-command.sh [runs=9] [rows=30000]
# Publishes the rapport program as a user installs it (Release, ReadyToRun, framework-dependent, linux-x64) into
# /tmp/art-bench-import (set ART to reuse another build).
set -euo pipefail
runs=${1:-9}
rows=${2:-30000}
root=$(cd "$(dirname "$0")/.." && pwd)
art=${ART:-/tmp/art-bench-import}
work=$(mktemp -d /tmp/rapport-import-command.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/src/Rapport.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$art" -v q -nologo >/dev/null
rapport=("$art/publish/Rapport.Cli/release_linux-x64/rapport")

python3 - "$rows" > "$work/Connections.csv" <<'PY'
import sys
n = int(sys.argv[1])
given = ["Ana","Bruno","Chen","Dora","Emeka","Fatima","Gustavo","Hana","Igor","Jana","Kofi","Lena","Mateus","Nadia","Omar","Priya","Quentin","Rosa","Sven","Tariq","Uma","Víctor","Wen","Xavier","Yara","Zoë"]
family = ["Silva","Costa","Wei","Dias","Okafor","Haddad","Pereira","Sato","Petrov","Novák","Mensah","Schmidt","Rocha","Karimi","Farouk","Iyer","Dubois","García","Larsen","Aziz","Rao","Álvarez","Li","Moreau","Nunes","Ångström"]
companies = ["Acme","Globex","Initech","Umbrella","Hooli","Soylent","Stark Industries","Wayne Enterprises","Cyberdyne","Tyrell","\"Acme, Inc.\"","Wonka"]
titles = ["Engineer","Senior Engineer","Product Manager","Designer","\"Director, Operations\"","CTO","Recruiter","Data Scientist"]
months = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"]
out = ['Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n',
       "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"]
for i in range(n):
    g = given[i % 26]; f = family[i // 26 % 26] + (" %d" % (i // 676) if i >= 676 else "")
    slug = "%s-%s-%06x" % (g.lower(), family[i // 26 % 26].lower(), i)
    email = "person%d@example.org" % i if i % 10 == 0 else ""
    out.append("%s,%s,https://www.linkedin.com/in/%s,%s,%s,%s,%02d %s %d\n" % (g, f, slug, email, companies[i % 12], titles[i % 8], 1 + i % 28, months[i % 12], 2010 + i % 16))
sys.stdout.write("".join(out))
PY

# An empty database, migrated once (a fresh file's first migration is not part of an import).
RAPPORT_DB="$work/template.db" "${rapport[@]}" contact list >/dev/null
times=(); cpus=()
for i in $(seq 1 "$runs"); do
  rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
  cp "$work/template.db" "$work/run.db"; [ -f "$work/template.db-wal" ] && cp "$work/template.db-wal" "$work/run.db-wal"
  RAPPORT_DB="$work/run.db" RAPPORT_NOW=2026-11-20T12:00:00Z /usr/bin/time -f "%e %U %S" -o "$work/time.txt" \
    "${rapport[@]}" import linkedin "$work/Connections.csv" > "$work/out.txt"
  grep -q "contacts:     $(printf '%s' "$rows" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') new" "$work/out.txt" || { cat "$work/out.txt"; exit 1; }
  read -r wall user sys < "$work/time.txt"
  times+=($(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }'))
  cpus+=($(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }'))
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "wall (ms): ${times[*]}"
echo "cpu (ms):  ${cpus[*]}"
echo "median: $(median "${times[@]}") ms wall, $(median "${cpus[@]}") ms CPU for $rows rows (whole command, process start to exit); $(uptime)"

#!/usr/bin/env bash
# Benchmarks recognising people across scripts through the real import: a synthetic city
# (default 1,000,000 residents) is loaded, a katakana NHI roster of about the same size is
# written with its truth, `kyosei import insurance` applies it with a match report, and the
# script prints roster rows/s, wall and CPU time, peak memory, and precision, recall and review
# share against the generator's truth. Then the matcher alone, in memory (`kyosei-bench match`).
#
#   Scripts/bench-match.sh [RESIDENTS]
# KYOSEI_SCRATCH names the build folder (default .build); KYOSEI_BIN_DIR, a folder holding
# kyosei and kyosei-bench already built, skips the build (to compare two builds); KEEP=1 keeps
# the work folder (city, database, roster, match report) and prints where it is.
# REUSE=<a kept work folder> imports its roster again into a copy of its loaded database (kept
# as loaded.sqlite, before the first import), to compare builds on one city without loading it
# again: the report goes to match-<n>.csv there, so two builds' reports can be diffed (the copy
# is removed afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-1000000}

source Scripts/lib/release-binaries.sh
release_binaries .build
if [ -n "${REUSE:-}" ]; then
    work=$REUSE
    n=1
    while [ -e "$work/match-$n.csv" ]; do n=$((n + 1)); done
    report="$work/match-$n.csv"
    # The loaded database stays as it was: the import runs on a copy.
    export KYOSEI_DB="$work/rerun.sqlite"
    trap 'rm -f "$KYOSEI_DB" "$KYOSEI_DB"-wal "$KYOSEI_DB"-shm "$KYOSEI_DB".*.lock' EXIT
    cp "$work/loaded.sqlite" "$KYOSEI_DB"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-match-XXXXXX")
    if [ -n "${KEEP:-}" ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
    report="$work/match.csv"
    export KYOSEI_DB="$work/kyosei.sqlite"
    "$bin/kyosei-bench" generate --residents "$residents" --out "$work" --first-only > /dev/null
    "$bin/kyosei" init > /dev/null
    "$bin/kyosei" sync register "$(ls "$work"/first/REG-*.csv)" > /dev/null
    "$bin/kyosei-bench" roster --residents "$residents" --out "$work/roster"
    sqlite3 "$KYOSEI_DB" "SELECT person_id FROM resident WHERE person_id IS NOT NULL" > "$work/residents.txt"
    if [ -n "${KEEP:-}" ]; then
        # The loaded database before the import, for REUSE.
        sqlite3 "$KYOSEI_DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
        cp "$KYOSEI_DB" "$work/loaded.sqlite"
    fi
fi
roster=$(ls "$work"/roster/INS-*.csv)

/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$bin/kyosei" import insurance "$roster" --match-report "$report" --json > "$work/outcome.json"
read -r seconds user sys peak_kb < "$work/time.txt"

python3 - "$work" "$report" "$seconds" "$user" "$sys" "$peak_kb" <<'PY'
import csv, json, sys
work, report = sys.argv[1], sys.argv[2]
seconds, user, sys_, peak_kb = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
residents = set(open(f"{work}/residents.txt").read().split())
truth = {r["member_number"]: r["person_id"] for r in csv.DictReader(open(f"{work}/roster/truth.csv"))}
rows = list(csv.DictReader(open(report, encoding="utf-8")))
tp = fp = review = 0
in_register = sum(1 for m in truth.values() if m in residents)
for r in rows:
    if r["outcome"] == "REVIEW":
        review += 1
    if r["outcome"] != "MATCHED":
        continue
    if truth.get(r["member_number"]) == r["person_id"]:
        tp += 1
    else:
        fp += 1
o = json.load(open(f"{work}/outcome.json"))
print(f"import: {len(rows):,} roster rows in {seconds:.1f} s = {len(rows)/seconds:,.0f} rows/s, "
      f"CPU {user:.1f} s user + {sys_:.1f} s sys, peak {peak_kb//1024} MB ({report})")
print(f"  {o['matched']:,} matched, {o['review']:,} to review, {o['unmatched']:,} not matched")
print(f"precision {tp/max(1,tp+fp):.4f}   recall {tp/max(1,in_register):.4f}   review share {review/max(1,len(rows)):.4f}"
      f"   ({in_register:,} roster rows are residents, {len(rows)-in_register:,} are not)")
PY
[ -n "${REUSE:-}" ] || "$bin/kyosei-bench" match --residents "$residents" --roster "$residents" 2>/dev/null || true

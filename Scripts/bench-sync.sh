#!/usr/bin/env bash
# Benchmarks the register sync and resident search on a synthetic city (default 1,000,000
# residents), in release builds, and prints the figures:
#   (a) a snapshot applied to an empty database,
#   (b) a second snapshot of the same city with 2% of rows changed and 0.5% missing,
#   (c) the same CSVs loaded into a bare table with the sqlite3 tool's .import (the floor),
#   (d) a delta of about 20,000 rows on the loaded city,
#   (e) the first snapshot's rows written by the sqlite3 tool alone into Kyosei's schema, from
#       a database that already holds them: residents with their checks, unique person id
#       and household key, their history, the search index and the indexes built afterwards,
#       in one transaction, as the import writes them (the floor of the schema, before any
#       row is read, checked or given its search text),
#   (f) the delta's rows written by SQLite alone into a copy of the city as it was before it:
#       the rows it added and the columns it changed, bound row by row with the same connection
#       settings, in one transaction, closed as the process closes (Scripts/lib/delta-floor.py),
# each with rows/s and peak resident memory, the ratios (a)/(c), (b)/(c), (a)/(e) and (d)/(f), and then the
# median latency of `resident find` by card number, Latin and katakana fragment on the
# loaded database, and its size; then seeds 200,000 cases and times `case list --mine
# --overdue`, `case stats` and `rules run` over the whole city; then imports 200,000
# employment notifications and three term school rosters (and times the schooling report).
#
#   Scripts/bench-sync.sh [RESIDENTS] [--sync-only]
#
# --sync-only stops after the register figures (a)-(d). KYOSEI_SCRATCH builds in that scratch
# path instead of .build (a worktree with its own release build); KYOSEI_BIN_DIR runs the
# binaries in that folder as they are, without building, so an older build can be measured on
# the same machine back to back with a new one. KYOSEI_BENCH_DATA names a folder for the
# generated files: generated there once and kept, so a second build is measured on the very
# same files. On a shared machine wall time follows the other jobs' load, so each step prints
# its CPU time (user+sys) beside the wall time, and the ratios are given for both.
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-1000000}
sync_only=${2:-}

source Scripts/lib/release-binaries.sh
release_binaries .build
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
export KYOSEI_DB="$work/kyosei.sqlite"

data=${KYOSEI_BENCH_DATA:-$work}
if ! ls "$data"/delta/REG-*.csv > /dev/null 2>&1; then
  mkdir -p "$data"
  "$bin/kyosei-bench" generate --residents "$residents" --out "$data"
fi
first=$(ls "$data"/first/REG-*.csv)
second=$(ls "$data"/second/REG-*.csv)
delta=$(ls "$data"/delta/REG-*.csv)
rows() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['row_count'])" "${1%.csv}.manifest.json"; }
rows_a=$(rows "$first"); rows_b=$(rows "$second"); rows_d=$(rows "$delta")

# Runs a command under /usr/bin/time; sets $seconds (wall), $cpu (user+sys) and $peak_mb.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/out.txt"
  read -r seconds user sys peak_kb < "$work/time.txt"
  cpu=$(python3 -c "print(round($user + $sys, 2))")
  peak_mb=$((peak_kb / 1024))
}

"$bin/kyosei" init > /dev/null
measure "$bin/kyosei" sync register "$first" --json
a_s=$seconds; a_cpu=$cpu; a_mb=$peak_mb

# (e): an empty city of its own, filled from the one the first snapshot just loaded. Named
# columns keep SQLite from copying the records as they are (its transfer optimisation skips
# the checks), and history ids are left to SQLite, since `init` wrote history of its own.
floor_db="$work/schema-floor.sqlite"
KYOSEI_DB="$floor_db" "$bin/kyosei" init > /dev/null
tables="('resident', 'history')"
q() { sqlite3 "$floor_db" "$1"; }
resident_cols=$(q "SELECT group_concat(name, ', ') FROM pragma_table_info('resident')")
history_cols=$(q "SELECT group_concat(name, ', ') FROM pragma_table_info('history') WHERE name <> 'id'")
{
  echo "PRAGMA foreign_keys = ON; PRAGMA cache_size = -131072;"
  echo "ATTACH '$KYOSEI_DB' AS loaded;"
  echo "BEGIN;"
  q "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN $tables"
  echo "INSERT INTO household (household_id, created_at) SELECT household_id, created_at FROM loaded.household;"
  echo "INSERT INTO resident ($resident_cols) SELECT $resident_cols FROM loaded.resident;"
  echo "INSERT INTO history ($history_cols) SELECT $history_cols FROM loaded.history WHERE field = '(created)';"
  echo "INSERT INTO resident_search (rowid, search_latin, search_japanese) SELECT id, search_latin, search_japanese FROM resident;"
  q "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN $tables"
  echo "COMMIT;"
} > "$work/schema-floor.sql"
measure sqlite3 "$floor_db" ".read '$work/schema-floor.sql'"
e_s=$seconds; e_cpu=$cpu
rm -f "$floor_db" "$floor_db"-wal "$floor_db"-shm
measure "$bin/kyosei" sync register "$second" --json
b_s=$seconds; b_cpu=$cpu; b_mb=$peak_mb
python3 - "$work/out.txt" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))[0]
print(f"second snapshot: {o['outcome']}, {o['changed']} changed, {o['unchanged']} unchanged, {o['created']} new, {o['left_register']} left the register")
PY
cp "$KYOSEI_DB" "$work/before-delta.sqlite"
sync
measure "$bin/kyosei" sync register "$delta" --json
d_s=$seconds; d_cpu=$cpu; d_mb=$peak_mb
read -r f_s f_cpu < <(python3 Scripts/lib/delta-floor.py "$work/before-delta.sqlite" "$KYOSEI_DB")
rm -f "$work/before-delta.sqlite"
measure sqlite3 "$work/floor.sqlite" ".mode csv" ".import '$first' reg"
c_s=$seconds; c_cpu=$cpu; c_mb=$peak_mb
measure sqlite3 "$work/floor-second.sqlite" ".mode csv" ".import '$second' reg"
c2_s=$seconds; c2_cpu=$cpu

python3 - "$rows_a" "$a_s" "$a_cpu" "$a_mb" "$rows_b" "$b_s" "$b_cpu" "$b_mb" \
  "$c_s" "$c_cpu" "$c_mb" "$c2_s" "$c2_cpu" "$rows_d" "$d_s" "$d_cpu" "$d_mb" "$e_s" "$e_cpu" "$f_s" "$f_cpu" "$(cat /proc/loadavg)" <<'PY'
import sys
ra, a, acpu, am, rb, b, bcpu, bm, c, ccpu, cm, c2, c2cpu, rd, d, dcpu, dm, e, ecpu, f, fcpu, load = sys.argv[1:]
ra, rb, rd = int(ra), int(rb), int(rd)
a, acpu, b, bcpu, c, ccpu, c2, c2cpu, d, dcpu, e, ecpu, f, fcpu = map(float, (a, acpu, b, bcpu, c, ccpu, c2, c2cpu, d, dcpu, e, ecpu, f, fcpu))
print(f"(a) snapshot into an empty database: {ra:>9,} rows in {a:7.2f} s (CPU {acpu:.2f} s) = {ra/a:>10,.0f} rows/s, peak {am} MB")
print(f"(b) second snapshot (2% changed, 0.5% missing): {rb:>9,} rows in {b:7.2f} s (CPU {bcpu:.2f} s) = {rb/b:>10,.0f} rows/s, peak {bm} MB")
print(f"(c) sqlite3 .import floor: {ra:>9,} rows in {c:7.2f} s (CPU {ccpu:.2f} s) = {ra/c:>10,.0f} rows/s, peak {cm} MB; the second file in {c2:.2f} s (CPU {c2cpu:.2f} s)")
print(f"(d) delta on the loaded city: {rd:>9,} rows in {d:7.2f} s (CPU {dcpu:.2f} s) = {rd/d:>10,.0f} rows/s, peak {dm} MB")
print(f"(e) sqlite3 alone writing those rows into Kyosei's schema: {ra:>9,} rows in {e:7.2f} s (CPU {ecpu:.2f} s) = {ra/e:>10,.0f} rows/s, {e/c:.1f}x (c)")
print(f"(f) SQLite alone writing what the delta wrote: {rd:>9,} rows in {f:7.2f} s (CPU {fcpu:.2f} s)")
print(f"ratios, wall: (a)/(c) = {a/c:.1f}x   (b)/(c) = {b/c2:.1f}x   (a)/(e) = {a/e:.1f}x   (d)/(f) = {d/f:.1f}x;  "
      f"CPU: (a)/(c) = {acpu/ccpu:.1f}x   (b)/(c) = {bcpu/c2cpu:.1f}x   (a)/(e) = {acpu/ecpu:.1f}x   (d)/(f) = {dcpu/fcpu:.1f}x")
print(f"load average at the end: {load}")
PY
[[ "$sync_only" == --sync-only ]] && exit 0
"$bin/kyosei-bench" find --db "$KYOSEI_DB"
"$bin/kyosei-bench" cases --db "$KYOSEI_DB" --cases 200000
"$bin/kyosei-bench" employment --db "$KYOSEI_DB" --residents "$residents" --notifications 200000 --out "$work/employment"
"$bin/kyosei-bench" school --db "$KYOSEI_DB" --residents "$residents" --out "$work/school"

#!/usr/bin/env bash
# Crash campaign: applies generated register exports (full snapshots of a 20,000-resident city,
# changed snapshots and deltas, every other one with bad rows) and sends `kill -9` at a random
# moment of each apply. After each kill `kyosei doctor` must pass, and a canonical dump of the
# data must equal either the dump before the file or the dump after it (the same file applied
# to completion, separately, on a copy taken just before). Register files only: insurance,
# school and employment files go through the same import driver and its one transaction, and are
# not killed here.
#
# The dump is every table, every row, ordered by all its columns, except the audit log
# (`audit_log`, `audit_subject`): doctor and every other call append to it, so it differs from
# both dumps by design. Instead the chain must verify (doctor walks it) and must hold the
# file's `sync.register` entry exactly when the data is the after-dump.
#
# Prints runs, kills (the apply was still running when killed), before, after and other,
# which must be 0 (exit 1 otherwise). A file whose apply was cut short is tried again in the
# next run; one that is in is followed by the next file.
#
#   Scripts/crash-campaign.sh [N]        (default 50)
#
# KYOSEI_SCRATCH builds in that scratch path instead of .build-scripts (a worktree with its own
# release build); KYOSEI_BIN_DIR runs the binaries in that folder as they are, without building.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-50}
umask 077

source Scripts/lib/release-binaries.sh
release_binaries .build-scripts
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
export KYOSEI_NOW=2026-11-23T02:00:00Z
export KYOSEI_INBOX_DIRECTORY="$work/inbox"
db="$work/kyosei.sqlite"
copy="$work/after.sqlite"

"$bin/kyosei-bench" series --residents 20000 --files "$((runs + 1))" --out "$work/files" > "$work/files.txt"
KYOSEI_DB="$db" "$bin/kyosei" init > /dev/null

# Writes the canonical dump of database $1 to file $2.
dump() { python3 "$root/Scripts/dump-data.py" "$1" "$2"; }

applied() { sqlite3 "$1" "SELECT count(*) FROM audit_log WHERE action = 'sync.register' AND detail LIKE 'file=$2 %'"; }

mapfile -t files < <(ls "$work"/files/REG-*.csv | sort)
next=0 kills=0 before=0 after=0 other=0
for run in $(seq 1 "$runs"); do
  file=${files[$next]}
  name=$(basename "$file")
  dump "$db" "$work/before.txt"
  applied_before=$(applied "$db" "$name")

  # The same file applied to completion on a copy: the after-dump, and how long an apply takes.
  rm -f "$copy" "$copy-wal" "$copy-shm"
  sqlite3 "$db" ".backup '$copy'"
  started=$(date +%s%N)
  copy_status=0
  KYOSEI_DB="$copy" "$bin/kyosei" sync register "$file" > /dev/null 2>&1 || copy_status=$?
  full_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  dump "$copy" "$work/after.txt"

  # A moment within the apply, or a little after it: some kills land once it has committed.
  delay_ms=$(( RANDOM * RANDOM % (full_ms * 13 / 10 + 1) ))
  KYOSEI_DB="$db" "$bin/kyosei" sync register "$file" > /dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2> /dev/null || true
  status=0
  wait "$pid" 2> /dev/null || status=$?
  killed=no
  if [ "$status" -eq 137 ]; then killed=yes; kills=$((kills + 1)); fi

  if ! KYOSEI_DB="$db" "$bin/kyosei" doctor > "$work/doctor.txt" 2>&1; then
    outcome="other (doctor failed: $(grep -v '^ *ok' "$work/doctor.txt" | head -3 | tr '\n' ' '))"
  else
    dump "$db" "$work/now.txt"
    entries=$(applied "$db" "$name")
    if cmp -s "$work/now.txt" "$work/before.txt" && [ "$entries" -eq "$applied_before" ]; then
      outcome=before
      # A file the sync refuses (exit 3) would be refused forever: go on to the next.
      if [ "$copy_status" -ne 0 ]; then outcome="before (the file is refused, exit $copy_status)"; next=$((next + 1)); fi
    elif cmp -s "$work/now.txt" "$work/after.txt" && [ "$entries" -eq $((applied_before + 1)) ]; then
      outcome=after
      next=$((next + 1))
    else
      outcome="other (data differs from both dumps, or the audit entry does not match: $entries entries)"
      diff "$work/before.txt" "$work/now.txt" | head -5 >&2 || true
    fi
  fi
  case $outcome in
    before*) before=$((before + 1)) ;;
    after) after=$((after + 1)) ;;
    *) other=$((other + 1)) ;;
  esac
  printf 'run %2d  %s  apply %5d ms  kill at %5d ms  killed %-3s  %s\n' "$run" "$name" "$full_ms" "$delay_ms" "$killed" "$outcome"
done

echo "runs $runs  kills $kills  before $before  after $after  other $other"
[ "$other" -eq 0 ]

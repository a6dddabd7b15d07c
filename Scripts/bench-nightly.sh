#!/usr/bin/env bash
# Times the whole nightly job (Scripts/nightly-reconcile.sh, release build) on a synthetic city
# (default 1,000,000 residents) on a heavy night: the city's first snapshot is loaded
# beforehand (not timed), then the inbox holds the register's next full snapshot (2% of rows
# changed, 0.5% missing), the city's whole NHI roster loaded for the first time (55% of
# residents, matched across scripts), the term's school roster and a month of employment
# notifications. Prints each step's wall time (the script's log and the morning summary), the
# total, and the peak resident memory of the job (/usr/bin/time -v: its largest process); then
# the same for the next night with empty inboxes, the cost every night pays.
#
#   Scripts/bench-nightly.sh [RESIDENTS]        (KYOSEI_SCRATCH: build folder, default .build-scripts;
#                                                KYOSEI_BIN_DIR: binaries already built, used as they are)
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-1000000}

source Scripts/lib/release-binaries.sh
release_binaries .build-scripts
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-nightly-XXXXXX")
trap 'rm -rf "$work"' EXIT
export KYOSEI_DB="$work/kyosei.sqlite" KYOSEI_BIN="$bin/kyosei" KYOSEI_LOG_DIR="$work/log"
export KYOSEI_INBOX_DIRECTORY="$work/inbox" KYOSEI_INBOX_ARCHIVE="$work/archive" KYOSEI_BACKUP_DIRECTORY="$work/backups"
export KYOSEI_NOW=2026-11-22T17:00:00Z

"$bin/kyosei-bench" generate --residents "$residents" --out "$work/city"
"$bin/kyosei" init > /dev/null
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin/kyosei" sync register "$(ls "$work"/city/first/REG-*.csv)" > /dev/null
read -r seconds peak_kb < "$work/time.txt"
echo "baseline: the first snapshot loaded in $seconds s (peak $((peak_kb / 1024)) MB); not part of the night"

mkdir -p "$work/inbox/register"
mv "$work"/city/second/REG-* "$work/inbox/register/"
"$bin/kyosei-bench" night --residents "$residents" --inbox "$work/inbox"

# Runs the nightly script under /usr/bin/time -v and prints its step times, the morning
# summary's figures, the wall time and the peak memory of its largest process.
night() {
  local status=0
  /usr/bin/time -v -o "$work/time-v.txt" Scripts/nightly-reconcile.sh 2> "$work/script-stderr.txt" || status=$?
  local log summary
  log=$(ls "$work"/log/nightly-*.log | tail -n 1)
  summary=$(ls "$work"/log/nightly-*.json | tail -n 1)
  echo "nightly-reconcile.sh exit $status"
  grep -E ': [0-9]+ s$' "$log" | sed 's/^[^ ]* /  step /'
  python3 - "$summary" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
print("  inside `kyosei nightly run`:")
order = ["register", "insurance", "school", "employment", "rules", "new cases"]
for step in order + sorted(set(summary["seconds"]) - set(order)):
    if step in summary["seconds"]:
        print(f"    {step:<10} {summary['seconds'][step]:8.1f} s")
for kind, counts in sorted(summary["changes"].items()):
    print(f"  {kind}: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
new = summary["new_cases"] or {"total": 0, "by_type": {}}
print(f"  refused: {len(summary['refused'])}; failed steps: {summary['failed']}; new cases: {new['total']:,} " + json.dumps(new["by_type"], sort_keys=True))
PY
  echo "the whole nightly-reconcile.sh:"
  grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time-v.txt" | sed 's/^\s*/  /'
  ls -l "$KYOSEI_DB" | awk '{printf "  database: %.0f MB\n", $5 / 1048576}'
}

echo "== the heavy night"
night
# The next night, nothing in the inboxes: what every night costs whatever arrives (the rules
# over the whole city, the backup, doctor).
export KYOSEI_NOW=2026-11-23T17:00:00Z
echo "== the next night, empty inboxes"
night

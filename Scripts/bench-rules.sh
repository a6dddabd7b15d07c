#!/usr/bin/env bash
# Times `kyosei rules run` (release build) on a city that already carries the cases of an
# earlier night: a synthetic city (default 200,000 residents) is generated, its first snapshot
# loaded and bench-nightly.sh's heavy night applied with `kyosei nightly run` (the next
# snapshot, the NHI roster, a school roster, employment notifications; its rules run raises
# the city's cases, coverage gaps above all), then the next day's `rules run` finds nothing
# new: the run every night pays, whose memory must not grow with the cases the rules ever
# raised. Prints that run's counts, wall time and peak resident memory (/usr/bin/time -v), and
# the cases by rule and state.
#
#   Scripts/bench-rules.sh [RESIDENTS]        (KYOSEI_SCRATCH: build folder, default .build-scripts;
#                                              KYOSEI_BIN_DIR: a folder holding kyosei and kyosei-bench
#                                              already built, to compare two builds; skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-200000}

source Scripts/lib/release-binaries.sh
release_binaries .build-scripts
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-rules-XXXXXX")
trap 'rm -rf "$work"' EXIT
export KYOSEI_DB="$work/kyosei.sqlite"
export KYOSEI_NOW=2026-11-22T17:00:00Z

"$bin/kyosei-bench" generate --residents "$residents" --out "$work/city" > /dev/null
"$bin/kyosei" init > /dev/null
"$bin/kyosei" sync register "$(ls "$work"/city/first/REG-*.csv)" > /dev/null
mkdir -p "$work/inbox/register"
mv "$work"/city/second/REG-* "$work/inbox/register/"
"$bin/kyosei-bench" night --residents "$residents" --inbox "$work/inbox" > /dev/null
"$bin/kyosei" nightly run --inbox "$work/inbox" --archive "$work/archive" > /dev/null || echo "nightly run: exit $? (a refused file; the rest applied)" >&2

# Runs `kyosei rules run` under /usr/bin/time -v and prints its wall time, peak memory and counts.
rules() {
  /usr/bin/time -v -o "$work/time-v.txt" "$bin/kyosei" rules run --json > "$work/rules.json"
  python3 - "$work/rules.json" <<'PY'
import json, sys
for s in json.load(open(sys.argv[1])):
    print(f"  {s['rule']:<24} found {s['found']:>8,}  raised {s['raised']:>8,}  already open {s['already_open']:>8,}  cause gone {s['cause_gone']:>6,}")
PY
  grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time-v.txt" | sed 's/^\s*/  /'
}

export KYOSEI_NOW=2026-11-23T17:00:00Z
echo "== the next day's rules run ($residents residents): nothing new"
rules
sqlite3 "$KYOSEI_DB" "SELECT rule, state, count(*) FROM cases GROUP BY rule, state" | sed 's/^/  cases: /'

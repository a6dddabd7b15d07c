#!/usr/bin/env bash
# Staff reading while the night's sync writes: loads a synthetic city (default 200,000
# residents) and raises its cases, then applies a second snapshot of it while five reader
# processes run `kyosei resident find <name>`, `kyosei resident show K<n>` and `kyosei case
# list` in a loop, each a whole process as at the counter. Prints the readers' latencies
# (median, 99th percentile, worst; overall and per command), every error, and checks that
# each successful read left exactly one audit entry in a chain that verifies. The same readers
# first run for as long with no sync, as the baseline of this machine (the readers and the sync
# share its cores, so CPU contention shows in both).
# Target: no error, worst under 1 s. Exit 0 when it is met, 1 when not.
#
#   Scripts/load-during-sync.sh [RESIDENTS]
#   KYOSEI_SCRATCH: build folder (default .build-scripts); KYOSEI_BIN_DIR: binaries already built.
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-200000}
readers=5

source Scripts/lib/release-binaries.sh
release_binaries .build-scripts
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-load-XXXXXX")
trap 'rm -rf "$work"' EXIT
export KYOSEI_DB="$work/kyosei.sqlite"
# shellcheck source=Scripts/bench-city.sh
. Scripts/bench-city.sh

city_loaded "$residents"

# What the readers ask for: surnames and K numbers of people in the city.
what_to_ask
reads_before=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE action IN ('resident.find','resident.show','case.list')")

# reader N PHASE: loops until PHASE is done; one line per call: command, milliseconds, status.
reader() {
  local n=$1 i=0 start end command
  mapfile -t names < "$work/names.txt"
  mapfile -t ids < "$work/ids.txt"
  while [ ! -e "$work/$2.done" ]; do
    case $((i % 3)) in
      0) command=(resident find "${names[$(( (i + n * 37) % ${#names[@]} ))]}") ;;
      1) command=(resident show "K${ids[$(( (i + n * 41) % ${#ids[@]} ))]}") ;;
      2) command=(case list) ;;
    esac
    start=$(date +%s%N)
    if "$bin/kyosei" "${command[@]}" > /dev/null 2> "$work/stderr-$n.txt"; then
      end=$(date +%s%N)
      echo "${command[0]}-${command[1]} $(( (end - start) / 1000000 )) ok" >> "$work/$2-$n.txt"
    else
      end=$(date +%s%N)
      echo "${command[0]}-${command[1]} $(( (end - start) / 1000000 )) error: ${command[*]}: $(head -c 300 "$work/stderr-$n.txt" | tr '\n' ' ')" >> "$work/$2-$n.txt"
    fi
    i=$((i + 1))
  done
}

sync_start=$(date +%s%N)
( "$bin/kyosei" sync register "$second" --json > "$work/sync.json"; echo $? > "$work/sync.status"; touch "$work/sync.done" ) &
sync_pid=$!
for n in $(seq 1 "$readers"); do reader "$n" sync & done
wait "$sync_pid"
sync_ms=$(( ($(date +%s%N) - sync_start) / 1000000 ))
wait
echo "second snapshot: exit $(cat "$work/sync.status") in $((sync_ms / 1000)).$(( (sync_ms % 1000) / 100 )) s" \
  "($(python3 -c "import json,sys; o=json.load(open(sys.argv[1]))[0]; print(o['rows'], 'rows,', o['changed'], 'changed')" "$work/sync.json"));" \
  "load average after it: $(cut -d' ' -f1-3 /proc/loadavg)"
verify=$("$bin/kyosei" audit verify) || { echo "audit verify failed: $verify"; exit 1; }
echo "$verify"
reads_after=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE action IN ('resident.find','resident.show','case.list')")
spooled=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE spool_id IS NOT NULL")

# The baseline: the same readers for as long, with no sync running.
( sleep "$((sync_ms / 1000))"; touch "$work/idle.done" ) &
for n in $(seq 1 "$readers"); do reader "$n" idle & done
wait

# figures PHASE [AUDITED SPOOLED]: latencies of the phase's calls; for the sync, the verdict.
figures() {
  cat "$work/$1"-*.txt | python3 -c '
import sys
calls = [line.rstrip("\n").split(" ", 2) for line in sys.stdin]
def figures(label, ms):
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))]
    print(f"{label:<16} {len(ms):>6} calls   median {ms[len(ms)//2]:>5} ms   p99 {p99:>5} ms   worst {ms[-1]:>5} ms")
    return ms[-1]
worst = figures("all readers", [int(c[1]) for c in calls])
for kind in sorted({c[0] for c in calls}):
    figures(kind, [int(c[1]) for c in calls if c[0] == kind])
errors = [c[2] for c in calls if c[2] != "ok"]
print(f"errors: {len(errors)}")
for e in errors[:20]:
    print("  " + e)
if len(sys.argv) > 1:
    audited, spooled, ok = int(sys.argv[1]), int(sys.argv[2]), len(calls) - len(errors)
    print(f"audit: {audited} entries for {ok} successful reads ({spooled} of them went through the spool)")
    met = not errors and worst < 1000 and audited == ok
    print("target (no error, worst under 1 s, every read audited): " + ("met" if met else "NOT met"))
    sys.exit(0 if met else 1)
' "${@:2}"
}
echo "baseline, $readers readers and no sync:"
figures idle
echo "during the sync:"
figures sync "$((reads_after - reads_before))" "$spooled"

#!/usr/bin/env bash
# Staff reading through `kyosei serve` while the night's sync writes: loads a synthetic city
# (default 200,000 residents) and raises its cases, starts the server on its Unix socket (never
# a network address), and runs `kyosei-bench load`: 32 clients, each on a connection of its own,
# looping over `resident find <surname>`, `resident show K<n>` and `case list`. First for a fixed
# time with nothing else running (the baseline of this machine, whose cores the clients, the
# server and the sync all share), then again for as long as the owner applies the second
# snapshot with `kyosei sync register` in another process, as the nightly job does. Then stops
# the server with SIGTERM, folds the audit spool (`audit verify`) and checks that every
# successful read left exactly one audit entry.
# Target: no error, p99 of the reads under 200 ms in both runs, every read audited. Prints the
# figures; exit 0 when the target is met, 1 when not.
#
#   Scripts/bench-server.sh [RESIDENTS]
#   KYOSEI_SCRATCH: build folder (default .build-scripts); KYOSEI_BIN_DIR: binaries already built.
#   KYOSEI_LOAD_SECONDS (baseline, default 30), KYOSEI_LOAD_CLIENTS (default 32); the server's
#   own settings come from its environment as usual (e.g. KYOSEI_SERVER_THREADS).
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-200000}
seconds=${KYOSEI_LOAD_SECONDS:-30}
clients=${KYOSEI_LOAD_CLIENTS:-32}
# However long the sync takes, the run under it ends by itself after this.
sync_limit=900

source Scripts/lib/release-binaries.sh
release_binaries .build-scripts
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-serve-XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then kill -TERM "$server_pid"; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export KYOSEI_DB="$work/kyosei.sqlite"
# shellcheck source=Scripts/bench-city.sh
. Scripts/bench-city.sh
socket="$KYOSEI_DB.sock"
reads="action IN ('resident.find','resident.show','case.list')"

# The owner (this user) is the founder: init as root makes root the founder, so the load
# client, connecting as root, is known to the server as the founder.
city_loaded "$residents"

# What the clients ask for: surnames and K numbers of people in the city.
what_to_ask
reads_before=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE $reads")
spooled_before=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE $reads AND spool_id IS NOT NULL")

KYOSEI_LOG_LEVEL=notice "$bin/kyosei" serve 2> "$work/server.log" &
server_pid=$!
for _ in $(seq 1 600); do
  [ -S "$socket" ] && break
  kill -0 "$server_pid" 2> /dev/null || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }
  sleep 0.1
done
[ -S "$socket" ] || { echo "no socket at $socket after 60 s"; exit 1; }

# load LABEL [ARGS]: one run of the clients; its figures go to LABEL.json.
load() {
  "$bin/kyosei-bench" load --socket "$socket" --clients "$clients" --names "$work/names.txt" --ids "$work/ids.txt" \
    --label "$1" --json "$work/$1.json" "${@:2}"
}

echo "machine: $(nproc) cores, shared (other builds may run); load average before the baseline: $(cut -d' ' -f1-3 /proc/loadavg)"
load baseline --seconds "$seconds"

sync_start=$(date +%s%N)
( status=0; "$bin/kyosei" sync register "$second" --json > "$work/sync.json" 2> "$work/sync.err" || status=$?
  echo "$status" > "$work/sync.status"; touch "$work/sync.done" ) &
sync_pid=$!
load during-sync --seconds "$sync_limit" --stop-file "$work/sync.done"
wait "$sync_pid"
sync_ms=$(( ($(date +%s%N) - sync_start) / 1000000 ))
echo "second snapshot: exit $(cat "$work/sync.status") in $((sync_ms / 1000)).$(( (sync_ms % 1000) / 100 )) s" \
  "($(python3 -c "import json,sys; o=json.load(open(sys.argv[1]))[0]; print(o['rows'], 'rows,', o['changed'], 'changed')" "$work/sync.json" 2> /dev/null || head -c 300 "$work/sync.err"));" \
  "load average after it: $(cut -d' ' -f1-3 /proc/loadavg)"

kill -TERM "$server_pid"
for _ in $(seq 1 300); do kill -0 "$server_pid" 2> /dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2> /dev/null; then
  echo "the server did not stop within 30 s of SIGTERM"; kill -KILL "$server_pid"; exit 1
fi
wait "$server_pid" && server_status=0 || server_status=$?
server_pid=
echo "server stopped on SIGTERM with exit $server_status; its log:"
sed 's/^/  /' "$work/server.log" | tail -n 20

# Every successful read must be in the chain or, not folded yet, in the spool.
verify=$("$bin/kyosei" audit verify) || { echo "audit verify failed: $verify"; exit 1; }
echo "$verify"
reads_after=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE $reads")
spooled_after=$(sqlite3 "$KYOSEI_DB" "SELECT count(*) FROM audit_log WHERE $reads AND spool_id IS NOT NULL")
pending=0
if [ -e "$KYOSEI_DB.audit-spool" ]; then
  pending=$(sqlite3 "$KYOSEI_DB.audit-spool" "SELECT count(*) FROM audit_spool WHERE $reads")
fi

python3 - "$work/baseline.json" "$work/during-sync.json" "$((reads_after - reads_before + pending))" \
  "$((spooled_after - spooled_before))" "$pending" "$server_status" "$(cat "$work/sync.status")" <<'EOF'
import json, sys
runs = [json.load(open(path)) for path in sys.argv[1:3]]
audited, spooled, pending, server_status, sync_status = map(int, sys.argv[3:8])
ok = sum(run["succeeded"] for run in runs)
errors = sum(len(run["errors"]) for run in runs)
print(f"audit: {audited} read entries for {ok} successful reads ({spooled} went through the spool, {pending} still in it)")
worst_p99 = max(run["overall"]["p99_ms"] for run in runs)
met = errors == 0 and worst_p99 < 200 and audited == ok and server_status == 0 and sync_status == 0
print(f"target (no error, p99 under 200 ms, every read audited): {'met' if met else 'NOT met'}"
      f" (errors {errors}, worst p99 {worst_p99:.1f} ms, server exit {server_status}, sync exit {sync_status})")
sys.exit(0 if met else 1)
EOF

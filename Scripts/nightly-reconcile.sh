#!/usr/bin/env bash
# The nightly job: `kyosei nightly run` applies the register exports waiting in the inbox, then
# the insurance, school and employment files waiting in theirs (a refused or failing file stays
# in its inbox with its reason and the others are still applied), runs the rules that raise
# cases, and writes the morning summary (what changed, what was refused, the new cases by type
# and team) to the log; the script adds what the night found (who left the register, stays
# expiring, identity reviews, rejects), then takes a verified backup (keeping backup.generations
# of them in backup.directory), runs `kyosei doctor` and writes the audit chain's head, signed
# when audit.signing_key_file is set, to the log; the JSON summary gathers it all. Each step's
# wall time is logged. Cron-ready: one run at a time (lock file), everything logged, exit code
# for the scheduler. Logs and backups hold personal data: they are created owner-only
# (group-readable with files.staff_group).
#
#   30 2 * * *  kyosei  /opt/kyosei/Scripts/nightly-reconcile.sh
#
# Environment (all optional): KYOSEI_BIN (default: kyosei on PATH), KYOSEI_DB, KYOSEI_CONFIG,
# KYOSEI_LOG_DIR (default: ./log). Inbox and archive folders come from the configuration
# (inbox.directory, inbox.archive); files are read from <inbox>/register, <inbox>/insurance,
# <inbox>/school and <inbox>/employment and archived to the same folders under <archive>.
#
# JSON summary (<log dir>/nightly-<time>.json): started, finished, exit_code, register,
# insurance, school, employment (each file's outcome), rules, new_cases (since, total, by_type,
# by_team, by_type_and_team), refused (kind, file, reason), changes (per inbox), seconds (per
# step), failed (step → error) and attention.
#
# Exit codes: 0 all applied and healthy · 3 a file was refused (the others were still applied),
# the backup failed verification or doctor found a problem · 4 a step of `kyosei nightly run`
# failed as a whole (the steps after it still ran; its error is in the summary's `failed`) ·
# 75 another nightly run holds the lock · anything else: kyosei's own exit code.
set -uo pipefail

kyosei=${KYOSEI_BIN:-kyosei}
staff_group=$("$kyosei" config show --key files.staff_group) || exit $?
if [ -n "$staff_group" ]; then umask 027; else umask 077; fi
log_dir=${KYOSEI_LOG_DIR:-log}
mkdir -p "$log_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
log="$log_dir/nightly-$stamp.log"
summary="$log_dir/nightly-$stamp.json"
started=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)

say() { printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" | tee -a "$log" >&2; }

exec 9>"$log_dir/nightly.lock"
if ! flock -n 9; then
  say "another nightly run holds $log_dir/nightly.lock; not starting"
  exit 75
fi

inbox=$("$kyosei" config show --key inbox.directory) || exit $?
archive=$("$kyosei" config show --key inbox.archive) || exit $?
for kind in register insurance school employment; do mkdir -p "$inbox/$kind" "$archive/$kind"; done

# Runs a step with its output into the log, and logs its wall time.
timed() {
  local name=$1 began=$SECONDS rc=0
  shift
  "$@" >> "$log" 2>&1 || rc=$?
  say "$name: $((SECONDS - began)) s"
  return $rc
}

say "nightly run started (inbox $inbox, archive $archive)"
status=0
night="$log_dir/night-$stamp.json"
timed "inboxes and rules" "$kyosei" nightly run --inbox "$inbox" --archive "$archive" --json-file "$night"
night_status=$?
if [ $night_status -ne 0 ]; then
  status=$night_status
  say "nightly run: exit $night_status (refused files stay in their inbox under $inbox, each with its reason in the summary)"
else
  say "nightly run: every waiting file applied"
fi

"$kyosei" sync attention --since "$started" --json > "$log_dir/attention-$stamp.json" 2>> "$log" || status=$?
"$kyosei" sync attention --since "$started" >> "$log" 2>&1 || true

backup_dir=$("$kyosei" config show --key backup.directory) || exit $?
generations=$("$kyosei" config show --key backup.generations) || exit $?
mkdir -p "$backup_dir"
if timed backup "$kyosei" backup --out "$backup_dir/kyosei-$stamp.sqlite"; then
  # Names sort by time; keep the newest $generations.
  ls -1 "$backup_dir"/kyosei-*.sqlite 2>/dev/null | sort | head -n -"$generations" | while read -r old; do
    rm -f "$old" && say "backup: removed the old generation $old"
  done
else
  rc=$?; [ $status -eq 0 ] && status=$rc; say "backup: exit $rc"
fi

timed doctor "$kyosei" doctor || { rc=$?; [ $status -eq 0 ] && status=$rc; say "doctor: exit $rc"; }
head=$("$kyosei" audit head 2>> "$log") || { rc=$?; [ $status -eq 0 ] && status=$rc; }
say "audit head $head"

{
  printf '{"started":"%s","finished":"%s","exit_code":%d,' "$started" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$status"
  # The night's own summary is one JSON object: its members go in beside these.
  if [ -s "$night" ]; then body=$(cat "$night"); body=${body#\{}; printf '%s,' "${body%\}}"; else printf '"register":null,'; fi
  printf '"attention":'
  if [ -s "$log_dir/attention-$stamp.json" ]; then cat "$log_dir/attention-$stamp.json"; else printf 'null'; fi
  printf '}\n'
} > "$summary"
rm -f "$night" "$log_dir/attention-$stamp.json"
say "nightly run finished with exit $status; summary in $summary"
exit $status

#!/usr/bin/env bash
# The nightly job: applies the register exports waiting in the inbox, runs the rules that raise
# cases, then writes what the night found (who left the register, stays expiring, identity
# reviews, rejects, new cases) to the log and as JSON; then takes a verified backup (keeping
# backup.generations of them in backup.directory), runs `kyosei doctor` and writes the audit
# chain's head, signed when audit.signing_key_file is set, to the log. Cron-ready: one run at a
# time (lock file), everything logged, exit code for the scheduler. Logs and backups hold
# personal data: they are created owner-only (group-readable with files.staff_group).
#
#   30 2 * * *  kyosei  /opt/kyosei/Scripts/nightly-reconcile.sh
#
# Environment (all optional): KYOSEI_BIN (default: kyosei on PATH), KYOSEI_DB, KYOSEI_CONFIG,
# KYOSEI_LOG_DIR (default: ./log). Inbox and archive folders come from the configuration
# (inbox.directory, inbox.archive); register files are read from <inbox>/register.
#
# Exit codes: 0 all applied and healthy · 3 a file was refused (the others were still applied),
# the backup failed verification or doctor found a problem ·
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
mkdir -p "$inbox/register" "$archive/register"

say "nightly run started (inbox $inbox, archive $archive)"
status=0
"$kyosei" sync inbox "$inbox/register" --archive "$archive/register" --json > "$log_dir/register-$stamp.json" 2>> "$log"
sync_status=$?
if [ $sync_status -ne 0 ]; then
  status=$sync_status
  say "register inbox: exit $sync_status (refused files stay in $inbox/register with their reason in the JSON)"
else
  say "register inbox: all files applied"
fi

"$kyosei" rules run --json > "$log_dir/rules-$stamp.json" 2>> "$log" || { rc=$?; [ $status -eq 0 ] && status=$rc; say "rules run: exit $rc"; }
"$kyosei" sync attention --since "$started" --json > "$log_dir/attention-$stamp.json" 2>> "$log" || status=$?
"$kyosei" sync attention --since "$started" >> "$log" 2>&1 || true

backup_dir=$("$kyosei" config show --key backup.directory) || exit $?
generations=$("$kyosei" config show --key backup.generations) || exit $?
mkdir -p "$backup_dir"
if "$kyosei" backup --out "$backup_dir/kyosei-$stamp.sqlite" >> "$log" 2>&1; then
  # Names sort by time; keep the newest $generations.
  ls -1 "$backup_dir"/kyosei-*.sqlite 2>/dev/null | sort | head -n -"$generations" | while read -r old; do
    rm -f "$old" && say "backup: removed the old generation $old"
  done
else
  rc=$?; [ $status -eq 0 ] && status=$rc; say "backup: exit $rc"
fi

"$kyosei" doctor >> "$log" 2>&1 || { rc=$?; [ $status -eq 0 ] && status=$rc; say "doctor: exit $rc"; }
head=$("$kyosei" audit head 2>> "$log") || { rc=$?; [ $status -eq 0 ] && status=$rc; }
say "audit head $head"

{
  printf '{"started":"%s","finished":"%s","exit_code":%d,"register":' "$started" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$status"
  if [ -s "$log_dir/register-$stamp.json" ]; then cat "$log_dir/register-$stamp.json"; else printf 'null'; fi
  printf ',"rules":'
  if [ -s "$log_dir/rules-$stamp.json" ]; then cat "$log_dir/rules-$stamp.json"; else printf 'null'; fi
  printf ',"attention":'
  if [ -s "$log_dir/attention-$stamp.json" ]; then cat "$log_dir/attention-$stamp.json"; else printf 'null'; fi
  printf '}\n'
} > "$summary"
rm -f "$log_dir/register-$stamp.json" "$log_dir/rules-$stamp.json" "$log_dir/attention-$stamp.json"
say "nightly run finished with exit $status; summary in $summary"
exit $status

#!/usr/bin/env bash
# Benchmarks Japanese-language training on a fresh database, in a release build, and prints the
# figures: 1,000 courses created and scheduled, 50,000 requests for a seat through the seat
# service (median, p95 and max enroll latency; the last two of each course are waitlisted),
# about 1,000,000 attendance marks imported from one provider file per course (marks/s), and
# the time of the `report language` figures and table by kind, level and nationality.
#
#   Scripts/bench-language.sh [COURSES] [PER_COURSE]
#   SCRATCH=.build-lang Scripts/bench-language.sh      (another scratch folder; default .build-scripts)
set -euo pipefail
cd "$(dirname "$0")/.."
courses=${1:-1000}
per_course=${2:-50}
scratch=${SCRATCH:-.build-scripts}

swift build -c release --scratch-path "$scratch" --product kyosei-bench >&2
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-bench-language-XXXXXX")
trap 'rm -rf "$work"' EXIT

KYOSEI_LOG_LEVEL=error /usr/bin/time -f "whole run: %e s, peak %M KB" \
  "$bin/kyosei-bench" language --db "$work/kyosei.sqlite" --courses "$courses" --per-course "$per_course" --out "$work/attendance"
ls -l "$work/kyosei.sqlite" | awk '{ printf "database: %.0f MB\n", $5 / 1048576 }'

#!/usr/bin/env bash
# Builds Kyosei and runs the whole test suite: the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# The system SQLite (GRDB links it), the sqlite3 tool (the tamper tests use it) and a headless
# browser (the HTML report test opens a page in it; about 30 s to install).
missing=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || missing+=(libsqlite3-dev)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}"
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}"; fi
fi

# SciPy: the attack script (Scripts/attack-report.py) the report test runs solves integer programs.
python3 -c 'import scipy' 2>/dev/null || python3 -m pip install --quiet scipy

swift build --build-tests
# The API against its own document: schemathesis (PyPI) on a real server (Scripts/api-fuzz.sh).
KYOSEI_BIN_DIR=$(swift build --show-bin-path) Scripts/api-fuzz.sh 25
swift test --skip-build

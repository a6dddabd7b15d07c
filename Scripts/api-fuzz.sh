#!/usr/bin/env bash
# Fuzzes the API with schemathesis (PyPI) against a real `kyosei serve` on a scratch city:
# every operation of Sources/KyoseiAPI/openapi.yaml, with inputs generated from the document,
# valid and not, must answer with a documented status and body and never with a 500. Writes
# happen on the scratch city only. Exit 0 when every check held.
#
#   Scripts/api-fuzz.sh [EXAMPLES_PER_OPERATION]   (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
export KYOSEI_FUZZ_EXAMPLES=${1:-40}

python3 -c 'import schemathesis, pytest' 2>/dev/null \
  || python3 -m pip install --quiet schemathesis pytest
bin=${KYOSEI_BIN_DIR:-$(swift build --show-bin-path)}
[ -x "$bin/kyosei" ] || swift build --product kyosei >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-fuzz-XXXXXX")
chmod 700 "$work"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
export KYOSEI_DB="$work/kyosei.sqlite" KYOSEI_NOW=2026-11-23T02:00:00Z
"$bin/kyosei" demo --dir "$work/city" --residents 200 > /dev/null
export KYOSEI_DB="$work/city/kyosei.sqlite"
"$bin/kyosei" serve 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 100); do [ -S "$KYOSEI_DB.sock" ] && break; sleep 0.1; done

export KYOSEI_SOCKET="$KYOSEI_DB.sock" KYOSEI_DOCUMENT="$PWD/Sources/KyoseiAPI/openapi.yaml"
python3 -m pytest -q -p no:cacheprovider Scripts/api-fuzz/test_api.py

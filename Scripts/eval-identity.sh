#!/usr/bin/env bash
# Measures recognising people across scripts on data nobody here wrote, and `resident find`
# across scripts through the real CLI and search index:
#  1. the identity tests that print figures: real Latin–katakana name pairs (Scripts/identity-data)
#     with hand-set and with estimated weights, and the sample city with both;
#  2. a sample city of RESIDENTS (default 3,000) is loaded, every katakana reading is taken off
#     the register (as most register rows have none) and the search index rebuilt; then, for
#     SAMPLE residents, `kyosei resident find` with the katakana of their name: the share found in
#     the first ten rows, and the median time of a search.
#
#   Scripts/eval-identity.sh [RESIDENTS] [SAMPLE]
# KYOSEI_SCRATCH (default .build) names the build folder; the build is a debug build unless
# CONFIG=release.
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-3000}
sample=${2:-300}
scratch=${KYOSEI_SCRATCH:-.build}
config=${CONFIG:-debug}

swift test --scratch-path "$scratch" --filter 'RealNamePairTests|EstimatedWeightTests|PhoneticSearchTests' 2>&1 \
    | grep -E '^(real-name pairs|sample city|search,|  estimated)' || true

swift build -c "$config" --scratch-path "$scratch" --product kyosei >&2
swift build -c "$config" --scratch-path "$scratch" --product kyosei-bench >&2
bin=$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-identity-XXXXXX")
trap 'rm -rf "$work"' EXIT
export KYOSEI_DB="$work/kyosei.sqlite"

"$bin/kyosei-bench" generate --residents "$residents" --out "$work" --first-only > /dev/null
"$bin/kyosei" init > /dev/null
"$bin/kyosei" sync register "$(ls "$work"/first/REG-*.csv)" > /dev/null
sqlite3 -separator $'\t' "$KYOSEI_DB" \
    "SELECT id, name_kana FROM resident WHERE name_kana IS NOT NULL ORDER BY random() LIMIT $sample" > "$work/asked.tsv"
sqlite3 "$KYOSEI_DB" "UPDATE resident SET name_kana = NULL, search_japanese = '';
                      INSERT INTO resident_search(resident_search) VALUES ('rebuild');"

found=0; asked=0; : > "$work/times.txt"
while IFS=$'\t' read -r id kana; do
    start=$(date +%s%N)
    "$bin/kyosei" resident find --limit 10 --json $kana > "$work/found.json" 2> /dev/null || true
    echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/times.txt"
    asked=$((asked + 1))
    if python3 -c "import json,sys; sys.exit(0 if any(r.get('reference') == 'K$id' for r in json.load(open('$work/found.json'))) else 1)" 2> /dev/null; then
        found=$((found + 1))
    fi
done < "$work/asked.tsv"
median=$(sort -n "$work/times.txt" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "resident find, katakana of a Latin-only resident ($residents residents): $found of $asked in the first ten" \
    "($(python3 -c "print(f'{$found/max(1,$asked):.3f}')")), median $median ms a search (the whole command, $config build)"

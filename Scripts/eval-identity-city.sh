#!/usr/bin/env bash
# Measures recognising people on the independent city: names, readings and partner styles the
# product was not built from (Scripts/identity-city: its own name tables, from Faker and the
# Emacspeak English readings, and its own katakana rules; see its README). For each size it
# generates the city, runs the real CLI on a temporary database (`kyosei init`,
# `sync register`, `import insurance --match-report`) and prints precision of the automatic
# matches, recall, the share sent to review, roster rows/s and peak memory (/usr/bin/time -v),
# against the generator's truth; then recall by partner style and the outcome by kind of row.
#
#   Scripts/eval-identity-city.sh [RESIDENTS ...]        (default: 3000 200000)
# KYOSEI_SCRATCH (default .build) names the build folder; CONFIG=debug for a debug build (release by
# default, the figures are measurements); SEED (default 17) the city; SHOW=N prints N wrong
# matches and N missed residents per size beside their register names; KEEP=1 keeps the work
# folder (cities, databases, match reports) and prints where it is; KYOSEI=PATH measures that
# binary instead of building one (to compare a saved build with the current one).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(3000 200000)
scratch=${KYOSEI_SCRATCH:-.build}
config=${CONFIG:-release}
seed=${SEED:-17}
show=${SHOW:-0}

work=$(mktemp -d "${TMPDIR:-/tmp}/kyosei-city-XXXXXX")
if [ -n "${KEEP:-}" ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
if [ -n "${KYOSEI:-}" ]; then
    bin="$work/bin"
    mkdir "$bin"
    ln -s "$(realpath "$KYOSEI")" "$bin/kyosei"
else
    swift build -c "$config" --scratch-path "$scratch" --product kyosei >&2
    bin=$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)
fi

for residents in "${sizes[@]}"; do
    dir="$work/$residents"
    mkdir -p "$dir"
    export KYOSEI_DB="$dir/kyosei.sqlite"
    python3 Scripts/identity-city/generate.py --residents "$residents" --seed "$seed" --out "$dir" > /dev/null
    "$bin/kyosei" init > /dev/null
    "$bin/kyosei" sync register "$(ls "$dir"/REG-*.csv)" > /dev/null
    /usr/bin/time -v -o "$dir/time.txt" "$bin/kyosei" import insurance "$(ls "$dir"/INS-*.csv)" \
        --match-report "$dir/match.csv" --json > "$dir/outcome.json"
    seconds=$(python3 -c "
import sys
t = [l.split(': ', 1)[1] for l in open('$dir/time.txt') if 'Elapsed (wall clock)' in l][0].strip().split(':')
print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(t))))")
    peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
    echo "independent city, $residents residents (seed $seed, $config build):"
    python3 Scripts/identity-city/score.py "$dir" "$seconds" "$peak_kb" "$show"
done

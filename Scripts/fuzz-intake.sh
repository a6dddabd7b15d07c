#!/usr/bin/env bash
# Fuzzes the intake pipeline with libFuzzer for SECONDS (default 60): the CSV reader, the
# decoding, the header checks and the row validation of every file kind (register snapshot and
# delta with a manifest, insurance rosters, employment reports, school rosters). Not part of
# the package or the test suite: the KyoseiDomain and KyoseiIntake sources are compiled here
# with swiftc, instrumented for coverage and AddressSanitizer, together with
# Scripts/fuzz/IntakeFuzz.swift (the entry) and Scripts/fuzz/CryptoStub.swift (a stand-in
# for swift-crypto's SHA256, so no BoringSSL is needed).
#
# Seeds: register exports written by the synthetic city (`kyosei-bench series`, with bad rows)
# and the small roster files in Scripts/fuzz/seeds, each behind the two bytes the entry reads
# first (file kind, reading options). The corpus grows in .build-fuzz/corpus across runs.
# A crash or a hang (over 10 s on one input) stops the run; its input is written to
# .build-fuzz/artifacts/ and the script exits 1. Leak detection is off: the Swift runtime's
# caches look like leaks to LeakSanitizer, and memory that grows is caught by -rss_limit_mb.
#
#   Scripts/fuzz-intake.sh SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out/obj" "$out/corpus" "$out/seeds" "$out/artifacts"

flags=(-swift-version 6 -parse-as-library -O -g -I "$out/obj")
echo "building the fuzz target" >&2
swiftc "${flags[@]}" -wmo -module-name Crypto -emit-module -emit-module-path "$out/obj/Crypto.swiftmodule" \
  -c Scripts/fuzz/CryptoStub.swift -o "$out/obj/Crypto.o"
for module in KyoseiDomain KyoseiIntake; do
  mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
  swiftc "${flags[@]}" -sanitize=fuzzer,address -wmo -module-name "$module" \
    -emit-module -emit-module-path "$out/obj/$module.swiftmodule" -c "${sources[@]}" -o "$out/obj/$module.o"
done
swiftc "${flags[@]}" -sanitize=fuzzer,address Scripts/fuzz/IntakeFuzz.swift \
  "$out/obj/Crypto.o" "$out/obj/KyoseiDomain.o" "$out/obj/KyoseiIntake.o" -o "$out/intake-fuzz"

echo "writing seeds" >&2
swift build -c release --scratch-path .build-scripts --product kyosei-bench >&2
bin=$(swift build -c release --scratch-path .build-scripts --show-bin-path)
rm -rf "$out/register" && "$bin/kyosei-bench" series --residents 40 --files 3 --out "$out/register" > /dev/null
# seed KIND-BYTE FILE: the file behind its kind byte, read with the defaults and in 7-byte chunks.
seed() {
  for reading in '\x00' '\x07'; do
    { printf "\\x$(printf '%02x' "$1")$reading"; cat "$2"; } > "$out/seeds/$(basename "$2" .csv)-$1-${reading:2}.bin"
  done
}
seed 0 "$out/register/REG-221309-000001.csv"
seed 1 "$out/register/REG-221309-000002.csv"
seed 0 "$out/register/REG-221309-000003.csv"
seed 2 Scripts/fuzz/seeds/insurance.csv
seed 3 Scripts/fuzz/seeds/insurance.csv
seed 4 Scripts/fuzz/seeds/employment.csv
seed 5 Scripts/fuzz/seeds/school.csv

echo "fuzzing for $seconds s" >&2
ASAN_OPTIONS=detect_leaks=0 "$out/intake-fuzz" "$out/corpus" "$out/seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix="$out/artifacts/" -print_final_stats=1

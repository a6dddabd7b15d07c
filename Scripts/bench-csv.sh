#!/usr/bin/env bash
# Measures KyoseiIntake's own CSV reader against CSV.swift 2.5.2, the best-kept Swift CSV
# package, on the same register-shaped file, to show whether writing our own reader was
# warranted. Builds a throwaway package in a temporary folder (release mode) that depends on
# CSV.swift by URL and on /work/main's KyoseiIntake and KyoseiDomain sources by path. The Kyosei
# package exports no library product, so the two targets are linked in by symlink rather than
# as a package product.
#
# Usage: Scripts/bench-csv.sh            (ROWS=200000 BIG_ROWS=1000000 by default)
#        ROWS=50000 BIG_ROWS=0 Scripts/bench-csv.sh   (quicker; BIG_ROWS=0 skips the memory run)
#        BENCH_WORK=/tmp/bench Scripts/bench-csv.sh   (keeps that folder, so a rerun builds incrementally)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-200000}
BIG_ROWS=${BIG_ROWS:-1000000}
if [[ -n "${BENCH_WORK:-}" ]]; then
    WORK=$BENCH_WORK
    rm -rf "$WORK/data" "$WORK/pkg/Sources"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-csv.XXXXXX")
    # SwiftPM leaves lock files named after the scratch path in the temporary folder.
    trap 'rm -rf "$WORK"; rm -f "${TMPDIR:-/tmp}/$(tr / _ <<< "$WORK/build")"*.lock' EXIT
fi

mkdir -p "$WORK/pkg/Sources/bench-csv" "$WORK/data"
ln -s "$ROOT/Sources/KyoseiDomain" "$WORK/pkg/Sources/KyoseiDomain"
ln -s "$ROOT/Sources/KyoseiIntake" "$WORK/pkg/Sources/KyoseiIntake"

cat > "$WORK/pkg/Package.swift" <<'EOF'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "bench-csv",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .target(name: "KyoseiDomain"),
        .target(name: "KyoseiIntake", dependencies: ["KyoseiDomain", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "bench-csv",
            dependencies: ["KyoseiDomain", "KyoseiIntake", .product(name: "CSV", package: "CSV.swift")]
        ),
    ]
)
EOF

# CSV.swift declares a type named CSV, which hides its module name, so its reader is called
# from a file that does not also import KyoseiIntake (both have a CSVReader).
cat > "$WORK/pkg/Sources/bench-csv/CSVSwift.swift" <<'EOF'
import CSV
import Foundation

func readWithCSVSwift(path: String) throws -> Int {
    guard let stream = InputStream(fileAtPath: path) else { fatalError("cannot open \(path)") }
    let reader = try CSVReader(stream: stream, hasHeaderRow: true)
    var rows = 0, fields = 0
    while let row = reader.next() {
        rows += 1
        fields += row.count
    }
    // On Linux, Foundation's InputStream reports bytes available at its end, so CSV.swift ends
    // every file with cannotReadFile; the row count printed shows the whole file was read.
    if let error = reader.error as? CSVError, case .cannotReadFile = error {
        return rows
    } else if let error = reader.error {
        throw error
    }
    return rows
}
EOF

cat > "$WORK/pkg/Sources/bench-csv/main.swift" <<'EOF'
import Foundation
import KyoseiDomain
import KyoseiIntake

/// Peak resident memory of this process in MiB.
func peakMiB() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Int(usage.ru_maxrss) / 1024
}

func measure(_ body: () throws -> Int) rethrows -> (rows: Int, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let rows = try body()
    return (rows, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func run(_ mode: String, _ path: String) throws -> (rows: Int, seconds: Double) {
    switch mode {
    case "csvswift":
        return try measure { try readWithCSVSwift(path: path) }
    case "ours", "ours-cp932":
        return try measure {
            let reader = try CSVReader(path: path, encoding: mode == "ours" ? .utf8 : .cp932)
            _ = try reader.next()
            var rows = 0, fields = 0
            while let record = try reader.next() {
                rows += 1
                fields += record.fields.count
            }
            return rows
        }
    case "pipeline":
        return try measure {
            let reader = try IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path)))
            var rows = 0, rejects = 0
            while let item = try reader.next() {
                switch item {
                case .row: rows += 1
                case .reject(let reject):
                    rejects += 1
                    if rejects == 1 { print("  first reject: \(reject)") }
                }
            }
            return rows + rejects
        }
    default:
        fatalError("unknown mode \(mode)")
    }
}

let mode = CommandLine.arguments[1]
let result: (rows: Int, seconds: Double)
do {
    result = try run(mode, CommandLine.arguments[2])
} catch {
    print("  \(mode) failed: \(error)")
    exit(1)
}
let rate = Double(result.rows) / result.seconds
let label = mode + String(repeating: " ", count: max(1, 12 - mode.count))
print("  " + label + String(format: "%9d rows in %6.3f s = %9.0f rows/s, peak memory %4d MiB",
                           result.rows, result.seconds, rate, peakMiB()))
EOF

# A register snapshot: 20 columns, Japanese addresses (some quoted, holding commas and doubled
# quotes), kanji and katakana names, and the manifest that goes with it.
generate() {
    python3 - "$1" "$2" <<'EOF'
import hashlib, json, random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(7)
cols = ["person_id","municipality_code","resident_category","residence_card_number","name_latin","name_kanji",
        "common_name","name_kana","birth_date","sex","nationality","status_of_residence","period_of_stay",
        "stay_expiry_date","household_id","relationship","postal_code","address","district_code","resident_since"]
statuses = [("ENGINEER_HUMANITIES","P5Y"),("SSW_1","P1Y"),("TITP_2","P1Y"),("STUDENT","P2Y3M"),("DEPENDENT","P3Y"),
            ("PERMANENT","INDEFINITE"),("LONG_TERM","P5Y"),("SPOUSE_JAPANESE","P3Y")]
families = [("SILVA","シルバ","シルバ"),("NGUYEN","グエン","阮"),("SANTOS","サントス",""),("WANG","ワン","王"),
            ("PEREIRA","ペレイラ",""),("TRAN","チャン","陳"),("REYES","レイエス",""),("KIM","キム","金")]
given = [("JOAO","ジョアン"),("THI LAN","ティ ラン"),("MARIA","マリア"),("WEI","ウェイ"),("ANA","アナ"),("MINH","ミン")]
def quote(v):
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v
out = open(path, "w", encoding="utf-8", newline="")
out.write(",".join(cols) + "\r\n")
for i in range(rows):
    fam, giv = random.choice(families), random.choice(given)
    special = i % 17 == 0
    status, period = ("", "") if special else random.choice(statuses)
    expiry = "" if special or status == "PERMANENT" else "2028-%02d-%02d" % (random.randint(1, 12), random.randint(1, 28))
    addr = "静岡県浜松市中央区" + random.choice(["鍛冶町", "板屋町", "砂山町"]) + "%d-%d" % (random.randint(1, 30), random.randint(1, 20))
    if i % 5 == 0: addr += ", ハイツ浜松 %d号室" % random.randint(101, 909)
    if i % 50 == 0: addr += ' "別館"'
    row = ["%011d" % (10000000000 + i), "221309", "SPECIAL_PERMANENT" if special else "MID_LONG_TERM",
           "AB%08dCD" % i, fam[0] + " " + giv[0], fam[2], "", fam[1] + "・" + giv[1],
           "19%02d-%02d-%02d" % (random.randint(50, 99), random.randint(1, 12), random.randint(1, 28)),
           random.choice("129"), random.choice(["BR", "VN", "PH", "CN", "PE", "KR"]), status, period, expiry,
           "%010d" % (2000000000 + i // 3), "HEAD" if i % 3 == 0 else "CHILD", "430-%04d" % random.randint(0, 9999),
           addr, "D%02d" % random.randint(1, 40), "20%02d-04-01" % random.randint(0, 25)]
    out.write(",".join(quote(v) for v in row) + "\r\n")
out.close()
data = open(path, "rb").read()
manifest = {"municipality_code": "221309", "kind": "snapshot", "sequence": 1, "as_of": "2026-05-01T02:00:00+09:00",
            "row_count": rows, "sha256": hashlib.sha256(data).hexdigest()}
json.dump(manifest, open(path[:-4] + ".manifest.json", "w"))
EOF
}

echo "Generating $ROWS register rows (20 columns)…"
mkdir -p "$WORK/data/small" "$WORK/data/cp932"
generate "$ROWS" "$WORK/data/small/REG-221309-000001.csv"
python3 -c "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf-8').read().encode('cp932'))" \
    "$WORK/data/small/REG-221309-000001.csv" "$WORK/data/cp932/REG-221309-000001.csv"
echo "  $(du -h "$WORK/data/small/REG-221309-000001.csv" | cut -f1) UTF-8"

echo "Building (release)…"
if ! swift build -c release --package-path "$WORK/pkg" --scratch-path "$WORK/build" > "$WORK/build.log" 2>&1; then
    grep -E "error" "$WORK/build.log" || tail -20 "$WORK/build.log"
    exit 1
fi
BIN="$WORK/build/release/bench-csv"

best() {
    # Best of three runs, so a busy neighbour on a shared machine does not decide the figure.
    local fastest=""
    for _ in 1 2 3; do
        local line
        line=$("$BIN" "$1" "$2" | tail -1)
        local rate
        rate=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "rows/s,") print $(i - 1) }' <<< "$line")
        if [[ -z "$fastest" ]] || (( rate > ${fastest%%|*} )); then fastest="$rate|$line"; fi
    done
    echo "${fastest#*|}"
}

echo
echo "CSV reading, UTF-8 file, $ROWS rows (best of 3):"
best csvswift "$WORK/data/small/REG-221309-000001.csv"
best ours "$WORK/data/small/REG-221309-000001.csv"
echo
echo "Same rows in CP932:"
best ours-cp932 "$WORK/data/cp932/REG-221309-000001.csv"
if "$BIN" csvswift "$WORK/data/cp932/REG-221309-000001.csv" > "$WORK/cp932.out" 2>&1; then
    echo "  csvswift    read the CP932 file as UTF-8: $(tail -1 "$WORK/cp932.out" | sed 's/^ *//') (text garbled)"
else
    echo "  csvswift    cannot read it: $(sed -n 's/.*failed: //p' "$WORK/cp932.out")"
fi
echo
echo "Whole pipeline (hash, detect, decode, CSV, header, typed register rows):"
best pipeline "$WORK/data/small/REG-221309-000001.csv"

if (( BIG_ROWS > 0 )); then
    echo
    echo "Memory: the pipeline on $BIG_ROWS rows (peak memory should match the smaller file's):"
    mkdir -p "$WORK/data/big"
    generate "$BIG_ROWS" "$WORK/data/big/REG-221309-000001.csv"
    echo "  $(du -h "$WORK/data/big/REG-221309-000001.csv" | cut -f1) UTF-8"
    "$BIN" pipeline "$WORK/data/big/REG-221309-000001.csv" | tail -1
fi

echo
echo "Encoding: CSV.swift decodes UTF-8/UTF-16/UTF-32 only (a Swift UnicodeCodec); it has no"
echo "Shift_JIS/CP932 codec, so government CP932 files would need a separate transcoding pass"
echo "before it. KyoseiIntake detects and transcodes CP932 (iconv) while streaming."

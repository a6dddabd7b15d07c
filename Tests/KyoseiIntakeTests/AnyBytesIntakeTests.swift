import Foundation
import KyoseiDomain
import KyoseiIntake
import PropertyBased
import Testing

/// Whatever bytes arrive as a file of any kind, the pipeline ends in rows and rejects or in a
/// clean refusal (an `IntakeError`, and nothing else): never a crash, another error, a record
/// that consumes nothing, or a hang. `AnyBytesImportTests` does the same through the driver.
/// The files are each kind's header followed by cells of every shape, good and bad, or by raw
/// bytes. `Scripts/fuzz-intake.sh` searches the same space for longer with libFuzzer.
@Suite struct AnyBytesIntakeTests {
    /// Each kind's header, in the order of the kind numbers `judge` takes (0 and 1 are the
    /// register snapshot and delta).
    static let headers: [[String]] = [
        RegisterColumn.allCases.filter { !$0.isDeltaOnly }.map(\.name),
        RegisterColumn.allCases.map(\.name),
        InsuranceColumn.allCases.map(\.name),
        InsuranceColumn.allCases.map(\.name),
        EmploymentColumn.allCases.map(\.name),
        SchoolColumn.allCases.map(\.name),
    ]

    /// What cells are made of: values of every column's shape, good and bad, and what breaks a
    /// file's structure (quotes, line breaks, a NUL, a BOM mid-file). All of it is UTF-8, so that
    /// rows reach validation; bytes valid in no encoding are the raw test's.
    static let pieces: [[UInt8]] = [
        "", "221309", "2026-11-01", "1990-02-30", "AB12345678CD", "ab1234567", "SILVA ANA", "ｼﾙﾊﾞ ｼﾞｮｱﾝ", "シルバ・アナ", "静岡",
        "Y", "N", "1", "2", "9", "MID_LONG_TERM", "SPECIAL_PERMANENT", "ENGINEER_HUMANITIES", "BR", "VN", "EHI", "NHI",
        "01234567", "INSURED", "DEPENDENT", "HIRE", "SEPARATION", "L12345678901234", "40.5", "-3", "T2", "ENROLLED",
        "PUBLIC_ELEMENTARY", "MOVE_IN", "DEATH", "2000000001", "123456789012", "2027-03-31", "P3Y",
        "\"", "\"\"", ",", "\r\n", "\n", "\r", " ",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0x00]]

    static let cell = Gen.int(in: 0...(pieces.count - 1)).map { AnyBytesIntakeTests.pieces[$0] }.array(of: 0...3)
        .map { $0.flatMap { $0 } }
    static let raw = Gen.int(in: 0...255).map { UInt8($0) }.array(of: 0...300)

    /// A file of kind `kind`: its header (unless `headerless`), then `cells` laid out in rows
    /// as wide as the header, so that rows reach validation unless a cell breaks the structure.
    static func file(kind: Int, headerless: Bool, cells: [[UInt8]]) -> [UInt8] {
        let columns = headers[kind].count
        var bytes = headerless ? [] : Array(headers[kind].joined(separator: ",").utf8) + [0x0D, 0x0A]
        for (index, cell) in cells.enumerated() {
            bytes += cell
            bytes += index % columns == columns - 1 ? [0x0D, 0x0A] : [0x2C]
        }
        return bytes
    }

    @Test func filesOfEveryKindMadeOfCellsEndInRowsOrARefusal() async throws {
        let folder = try TemporaryFolder()
        await propertyCheck(
            count: 400, input: Gen.int(in: 0...5), Gen.int(in: 0...9), Self.cell.array(of: 0...90), Gen.int(in: 1...16)
        ) { kind, headerless, cells, chunk in
            try Self.judge(Self.file(kind: kind, headerless: headerless == 0, cells: cells), kind: kind, chunkSize: chunk, in: folder)
        }
    }

    @Test func rawBytesOfEveryKindEndInRowsOrARefusal() async throws {
        let folder = try TemporaryFolder()
        await propertyCheck(count: 300, input: Gen.int(in: 0...5), Gen.bool, Self.raw, Gen.int(in: 1...16)) { kind, headerless, raw, chunk in
            try Self.judge(Self.file(kind: kind, headerless: headerless, cells: []) + raw, kind: kind, chunkSize: chunk, in: folder)
        }
    }

    /// Reads `bytes` as a file of kind number `kind` to the end, re-judging every reject as
    /// staff would, within a record budget (one per byte, plus one) and a time budget.
    static func judge(_ bytes: [UInt8], kind: Int, chunkSize: Int, in folder: TemporaryFolder) throws {
        let options = IntakeOptions(chunkSize: chunkSize)
        let deadline = ContinuousClock.now + .seconds(5)
        let outcome: String
        switch kind {
        case 0, 1:
            let path = try folder.write("REG-221309-000001.csv", bytes: bytes)
            do {
                let scan = try FileScan.scan(path: path)
                let manifest = try RegisterManifest(
                    municipalityCode: MunicipalityCode("221309"), kind: kind == 0 ? .snapshot : .delta, sequence: 1,
                    asOf: "2026-11-01T03:00:00+09:00", rowCount: max(0, bytes.count { $0 == 0x0A } - 1), sha256: scan.sha256)
                outcome = drain(path, RegisterKind(manifest: manifest), options, budget: bytes.count + 1)
            } catch let error as IntakeError {
                outcome = "refused: \(error)"
            }
        case 2: outcome = drain(try folder.write("INS.csv", bytes: bytes), InsuranceRosterKind(scheme: .ehi), options, budget: bytes.count + 1)
        case 3: outcome = drain(try folder.write("INS.csv", bytes: bytes), InsuranceRosterKind(scheme: .nhi), options, budget: bytes.count + 1)
        case 4: outcome = drain(try folder.write("EMP.csv", bytes: bytes), EmploymentReportKind(), options, budget: bytes.count + 1)
        default: outcome = drain(try folder.write("SCH.csv", bytes: bytes), SchoolRosterKind(term: .t2), options, budget: bytes.count + 1)
        }
        #expect(!outcome.hasPrefix("over budget"), "\(outcome): \(bytes)")
        #expect(!outcome.hasPrefix("unclean"), "a refusal that is not an IntakeError (file, line, column, reason): \(outcome)")
        #expect(ContinuousClock.now < deadline, "reading \(bytes.count) bytes took more than 5 s: \(bytes)")
    }

    static func drain<Kind: FileKind>(_ path: String, _ kind: Kind, _ options: IntakeOptions, budget: Int) -> String {
        do {
            let reader = try IntakeReader(path: path, kind: kind, options: options)
            var rows = 0, rejects = 0
            while let item = try reader.next() {
                switch item {
                case .row: rows += 1
                case .reject(let reject):
                    rejects += 1
                    _ = try? IntakeReader.revalidate(
                        recordText: reject.recordText, header: reader.header, kind: kind, fileName: reader.fileName, line: reject.line)
                }
                if rows + rejects > budget { return "over budget: \(rows + rejects) records" }
            }
            return "\(rows) rows, \(rejects) rejects"
        } catch let error as IntakeError {
            return "refused: \(error)"
        } catch {
            return "unclean: \(type(of: error)): \(error)"
        }
    }
}

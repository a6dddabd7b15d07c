import Foundation
import GRDB
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import PropertyBased
import Synchronization
import Testing

/// What the intake's own property test (`AnyBytesIntakeTests`) does for the reader, done for
/// the whole import: a real roster, damaged as transfers and tired operators damage files (cut
/// anywhere, lines dropped or repeated, bytes overwritten), goes through the one driver with
/// its plausibility guards on a real database. Whatever the damage, the driver answers with an
/// outcome (applied, refused, held, or already applied when the damage undoes itself), never an
/// error; and a file not applied changes nothing: no file row, no enrollment opened or ended.
@Suite struct AnyBytesImportTests {
    /// How a file is damaged: where it is cut, which lines go or come twice, which bytes change.
    struct Damage: Sendable, CustomStringConvertible {
        var kind: Int
        var at: Double
        var share: Double
        var byte: UInt8

        var description: String { "damage \(kind) at \(at) share \(share) byte \(byte)" }

        func apply(to bytes: Data) -> Data {
            let lines: [[UInt8]] = Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            let position = Int(Double(bytes.count) * at)
            /// Whether a line (never the header) is among the `share` picked, by its place in the file.
            func picked(_ index: Int) -> Bool { index > 0 && Double(index % 100) / 100 < share }
            var out: [[UInt8]] = []
            switch kind {
            case 0: return bytes.prefix(position)
            case 1:
                for (index, line) in lines.enumerated() where !picked(index) { out.append(line) }
            case 2:
                for (index, line) in lines.enumerated() {
                    out.append(line)
                    if picked(index) { out.append(line) }
                }
            default:
                var changed = bytes
                if !changed.isEmpty { changed[min(position, changed.count - 1)] = byte }
                return changed
            }
            return Data(out.joined(separator: [UInt8(0x0A)]))
        }
    }

    @Test func aDamagedRosterEndsInAnOutcomeAndARefusalChangesNothing() async throws {
        let city = try TestCity()
        let sample = SampleCity(residents: 400, seed: 41, asOf: try LocalDate("2026-10-01"))
        let imports = FileImport(context: city.context)
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        #expect(try imports.apply(snapshot.csvURL.path, as: .register, by: city.founder).outcome == .applied)
        let first = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-10-01"))
        #expect(try imports.apply(first.csvURL.path, as: .insurance(), by: city.founder).outcome == .applied)
        let template = try Data(contentsOf: sample.writeInsuranceRoster(
            to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-10-02")).csvURL)

        func state() throws -> [Int] {
            try city.context.database.writer.read { db in
                try ["SELECT count(*) FROM intake_file", "SELECT count(*) FROM enrollment",
                     "SELECT count(*) FROM enrollment WHERE enrolled_until IS NULL", "SELECT count(*) FROM intake_reject"]
                    .map { try Int.fetchOne(db, sql: $0) ?? 0 }
            }
        }
        let day = Mutex(try LocalDate("2026-10-03"))
        let seen = Mutex([String: Int]())
        await propertyCheck(count: 60, input: Gen.int(in: 0...3), Gen.int(in: 0...1000), Gen.int(in: 0...100), Gen.int(in: 0...255)) {
            kind, at, share, byte in
            let damage = Damage(kind: kind, at: Double(at) / 1000, share: Double(share) / 100, byte: UInt8(byte))
            let date = day.withLock { date in
                defer { date = date.adding(days: 1) }
                return date
            }
            let file = city.folder.appendingPathComponent("INS-NHI-CITY-\(date).csv")
            try damage.apply(to: template).write(to: file)
            let before = try state()
            let outcome: ImportOutcome
            do {
                outcome = try imports.apply(file.path, as: .insurance(), by: city.founder)
            } catch {
                Issue.record("\(damage): the driver threw \(error) instead of answering with an outcome")
                return
            }
            seen.withLock { $0[outcome.outcome.rawValue, default: 0] += 1 }
            if [.refused, .held, .alreadyApplied].contains(outcome.outcome) {
                #expect(try state() == before, "\(damage): \(outcome.outcome) yet the data changed")
                #expect(outcome.reason?.isEmpty == false, "\(damage): \(outcome.outcome) without a reason")
            } else {
                #expect(outcome.outcome == .applied, "\(damage): \(outcome)")
            }
        }
        let outcomes = seen.withLock { $0 }
        #expect(outcomes["refused", default: 0] > 0 && outcomes["applied", default: 0] > 0,
                "the damage reaches both ends of the driver: \(outcomes)")
    }
}

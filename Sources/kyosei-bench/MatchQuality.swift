import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData

/// `kyosei-bench match`: the identity matcher at city scale. Builds a synthetic city in memory,
/// indexes it, matches a partner roster generated in the same run, and prints the matching
/// speed, the peak memory and the quality against the generator's truth.
struct MatchQuality: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rows/s, peak memory and precision/recall/review share of identity matching on a synthetic city.")

    @Option(help: "Residents in the city.") var residents = 1_000_000
    @Option(help: "Roster rows to match (about 10% are not residents).") var roster = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 2012
    @Option(help: "Print this many wrong automatic matches and missed resident rows, for calibration.") var showWrong = 0

    func run() async throws {
        let city = SampleCity(residents: residents, seed: seed, asOf: try LocalDate("2026-11-01"))
        let index = IdentityIndex()
        var start = Date()
        var names: [Int64: String] = [:]
        city.forEachResident { resident in
            index.add(Self.record(resident))
            if showWrong > 0 { names[Int64(resident.personID.rawValue) ?? 0] = resident.nameLatin }
            if let twin = city.partnerTwin(of: resident) {
                index.add(Self.record(twin))
                if showWrong > 0 { names[Int64(twin.personID.rawValue) ?? 0] = twin.nameLatin }
            }
        }
        index.compact()
        var shown = 0, shownMissed = 0
        print("indexed \(index.count) residents in \(Self.seconds(since: start)) s; peak \(Self.peakMegabytes()) MB")

        let share = min(1, 0.9 * Double(roster) / Double(residents))
        let nonResidentShare = min(1, 0.1 * Double(roster) / Double(residents))
        var tally = Tally()
        var chunk: [PartnerRosterRow] = []
        var matching = 0.0
        start = Date()
        func flush() async {
            if showWrong > 0 {
                for row in chunk {
                    let query = IdentityQuery(nameKana: row.nameKana, nameLatin: row.nameLatin, birthDate: row.birthDate,
                                              sex: row.sex, cardNumber: row.cardNumber)
                    let decision = index.match(query)
                    let truth = row.personID.flatMap { Int64($0.rawValue) }
                    let wrong = decision.outcome == .matched && decision.residentID != truth
                    let missed = truth != nil && decision.outcome != .matched && row.kind == .resident
                    guard (wrong && shown < showWrong) || (missed && shownMissed < showWrong) else { continue }
                    if wrong { shown += 1 } else { shownMissed += 1 }
                    let who = decision.candidates.map { names[$0] ?? "?" }.joined(separator: " | ")
                    print("\(wrong ? "WRONG" : "MISSED") \(row.kind) \(row.nameKana ?? row.nameLatin ?? "") \(row.birthDate) "
                          + "card \(row.cardNumber != nil) truth \(truth.flatMap { names[$0] } ?? "-") -> \(decision.outcome) "
                          + "\(String(format: "%.1f", decision.score)) [\(who)] \(decision.reason)")
                }
            }
            let clock = Date()
            tally.merge(await Self.match(chunk, index: index))
            matching += Date().timeIntervalSince(clock)
            chunk.removeAll(keepingCapacity: true)
        }
        for household in 0..<city.householdCount where tally.rows + chunk.count < roster {
            for resident in city.members(ofHousehold: household) {
                chunk += city.partnerRosterRows(for: resident, share: share, nonResidentShare: nonResidentShare, seed: 6)
            }
            if chunk.count >= 20_000 { await flush() }
        }
        chunk = Array(chunk.prefix(roster - tally.rows))
        await flush()
        let total = Self.seconds(since: start)
        print("matched \(tally.rows) roster rows in \(String(format: "%.1f", matching)) s of matching "
              + "(\(Int(Double(tally.rows) / max(matching, 0.001))) rows/s, \(ProcessInfo.processInfo.activeProcessorCount) cores; \(total) s with generation)")
        print("peak memory (VmHWM) \(Self.peakMegabytes()) MB")
        print(String(format: "precision %.4f  recall %.4f  review share %.4f  (resident rows %d, automatic matches %d, wrong %d)",
                     tally.precision, tally.recall, tally.reviewShare, tally.residentRows, tally.matched,
                     tally.matched - tally.correct))
        for (kind, counts) in tally.byKind.sorted(by: { $0.key < $1.key }) {
            print("  \(kind): \(counts[0]) rows, \(counts[1]) wrongly matched, \(counts[2]) to review, \(counts[3]) not attached to their resident")
        }
    }

    private struct Tally: Sendable {
        var rows = 0, residentRows = 0, matched = 0, correct = 0, review = 0
        /// Per kind of row: rows, wrong automatic matches, reviews, resident rows not matched.
        var byKind: [String: [Int]] = [:]

        var precision: Double { matched == 0 ? 1 : Double(correct) / Double(matched) }
        var recall: Double { residentRows == 0 ? 1 : Double(correct) / Double(residentRows) }
        var reviewShare: Double { rows == 0 ? 0 : Double(review) / Double(rows) }

        mutating func count(_ row: PartnerRosterRow, _ decision: MatchDecision) {
            rows += 1
            let truth = row.personID.flatMap { Int64($0.rawValue) }
            if truth != nil { residentRows += 1 }
            var kind = byKind["\(row.kind)", default: [0, 0, 0, 0]]
            kind[0] += 1
            switch decision.outcome {
            case .matched:
                matched += 1
                if decision.residentID == truth { correct += 1 } else { kind[1] += 1 }
            case .review:
                review += 1
                kind[2] += 1
            case .unmatched:
                break
            }
            if truth != nil, decision.residentID != truth { kind[3] += 1 }
            byKind["\(row.kind)"] = kind
        }

        mutating func merge(_ other: Tally) {
            rows += other.rows
            residentRows += other.residentRows
            matched += other.matched
            correct += other.correct
            review += other.review
            byKind.merge(other.byKind) { zip($0, $1).map { $0 + $1 } }
        }
    }

    /// Matches one batch through `IdentityIndex.matchAll`, which spreads it over the cores.
    private static func match(_ rows: [PartnerRosterRow], index: IdentityIndex) async -> Tally {
        let queries = rows.map {
            IdentityQuery(nameKana: $0.nameKana, nameLatin: $0.nameLatin, birthDate: $0.birthDate, sex: $0.sex,
                          cardNumber: $0.cardNumber)
        }
        var tally = Tally()
        for (row, decision) in zip(rows, index.matchAll(queries)) { tally.count(row, decision) }
        return tally
    }

    private static func record(_ resident: SampleResident) -> IdentityRecord {
        IdentityRecord(id: Int64(resident.personID.rawValue) ?? 0, nameLatin: resident.nameLatin,
                       nameKana: resident.nameKana, birthDate: resident.birthDate, sex: resident.sex,
                       nationality: resident.nationality, cardNumber: resident.cardNumber)
    }

    private static func seconds(since start: Date) -> String { String(format: "%.1f", Date().timeIntervalSince(start)) }

    /// The process's peak resident set, from the kernel's own bookkeeping.
    private static func peakMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kilobytes / 1024
    }
}

import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData
@testable import KyoseiServices
import KyoseiStore
import Testing

/// An import resolves a batch of rows on other threads while its own writes the batch before:
/// every line of the match report must still be its own row's decision, as the matcher gives
/// it for that row alone with the weights the import kept.
@Suite struct InsuranceReportTests {
    @Test func eachReportLineIsItsOwnRowsDecision() throws {
        let city = try TestCity()
        let sample = SampleCity(residents: 3000, seed: 21, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        _ = try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder)
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        let report = city.folder.appendingPathComponent("match.csv").path
        let outcome = try FileImport(context: city.context).apply(roster.csvURL.path, as: .insurance(matchReport: report), by: city.founder)
        #expect(outcome.outcome == .applied)

        let (index, personIDs, stored) = try city.context.database.writer.read { db in
            let (index, personIDs) = try ResidentIdentityIndex.load(in: db)
            return (index, personIDs, try String.fetchOne(db, sql: "SELECT match_parameters FROM intake_file WHERE kind = 'INSURANCE'"))
        }
        let parameters = try JSONDecoder().decode(MatchParameters.self, from: Data(try #require(stored).utf8))
        let rows = try String(contentsOf: roster.csvURL, encoding: .utf8).split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\r\n").dropFirst().map(String.init)
        #expect(lines.count == rows.count && rows.count == roster.rowCount)
        for (row, line) in zip(rows, lines) {
            let decision = index.match(IdentityQuery(
                nameKana: row[4], nameLatin: nil, birthDate: try LocalDate(row[5]), sex: try #require(Sex(rawValue: row[6])),
                cardNumber: row[7].isEmpty ? nil : try ResidenceCardNumber(row[7])), using: parameters)
            let cells = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            #expect(cells[0] == row[2])
            #expect(cells[1] == decision.outcome.rawValue, "\(row[2])")
            #expect(cells[2] == (decision.residentID.flatMap { personIDs[$0] } ?? ""), "\(row[2])")
            #expect(cells[3] == FixedPoint.text(decision.score, places: 2), "\(row[2])")
            #expect(line.hasSuffix("," + String(decoding: MatchReportWriter.why(decision.explanation), as: UTF8.self)), "\(row[2])")
        }
    }

    /// A row with nothing to explain (a member the roster lists twice, matched by its first row)
    /// still has its three cells, empty: not one quoted empty cell, which a record of a single
    /// field would be.
    @Test func aRowWithoutAnExplanationHasThreeEmptyCells() {
        #expect(String(decoding: MatchReportWriter.why(nil), as: UTF8.self) == ",,")
    }
}

import Foundation
import GRDB
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Testing

/// What left the city is kept as it left: a table asked for again with the same figures is
/// recorded once, another cut is recorded beside it, and nothing recorded can be changed or
/// removed (forgetting a publication would reopen the differencing attack).
@Suite struct PublicationRecordTests {
    @Test func eachTableIsRecordedOnceAndKeptAsItLeft() throws {
        let city = try TestCity()
        let sample = SampleCity(residents: 300, seed: 5, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        #expect(try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder).outcome == .applied)
        let reports = ReportService(context: city.context)
        func recorded() throws -> Int {
            try city.context.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM report_publication") ?? 0 }
        }

        let first = try reports.table(.population, by: "nationality", asOf: nil, period: nil, staff: city.founder)
        #expect(try recorded() == 1)
        let again = try reports.table(.population, by: "nationality", asOf: nil, period: nil, staff: city.founder)
        #expect(again == first, "the same figures come out the same")
        #expect(try recorded() == 1, "and are not recorded twice")
        _ = try reports.table(.population, by: "district", asOf: nil, period: nil, staff: city.founder)
        #expect(try recorded() == 2)

        for sql in ["DELETE FROM report_publication", "UPDATE report_publication SET figures = '{}'"] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try city.context.database.writer.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try recorded() == 2)
    }
}

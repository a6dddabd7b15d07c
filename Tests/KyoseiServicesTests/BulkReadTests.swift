import Foundation
import GRDB
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Testing

/// Listings that name people are a working page for roles that may read residents, and a bulk
/// export past `ServiceContext.bulkRows`: refused and audited unless the role holds
/// `export.personal` (supervisors, administrators).
@Suite struct BulkReadTests {
    @Test func aListNamingMoreThanAPageIsRefusedWithoutExportPersonal() throws {
        let city = try TestCity()
        let sample = SampleCity(residents: 3_000, seed: 12, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        #expect(try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder).outcome == .applied)
        let clerk = try city.member("kato", .clerk)
        let supervisor = try city.member("mori", .supervisor)
        let schooling = SchoolingService(context: city.context)

        let all = try schooling.children(by: supervisor)
        try #require(all.count > ServiceContext.bulkRows, "the city has more compulsory-age children than a page")
        #expect {
            try schooling.children(by: clerk)
        } throws: { error in
            "\(error)".contains("bulk export of personal records") && "\(error)".contains("names \(all.count) people")
        }
        let refusals = try city.context.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'refused:school.list' AND staff_login = 'kato'")
        }
        #expect(refusals.count == 1 && refusals[0].contains("rows=\(all.count)"), "\(refusals)")

        // A page of them is ordinary work: the district with the fewest children.
        let smallest = try #require(Dictionary(grouping: all.filter { $0.district != nil }, by: \.district).min { $0.value.count < $1.value.count })
        try #require(smallest.value.count <= ServiceContext.bulkRows)
        #expect(try schooling.children(district: smallest.key, by: clerk).count == smallest.value.count)
    }
}

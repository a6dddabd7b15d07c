import Foundation
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Testing

/// A synthetic city's register, then its board of education's roster: every listed child is
/// classified by what the roster says, every child it leaves out is UNCONFIRMED.
@Suite struct SchoolRosterTests {
    @Test func aCitysRosterClassifiesItsChildren() throws {
        let city = try TestCity()
        let sample = SampleCity(residents: 3000, seed: 31, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        _ = try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder)
        let roster = try sample.writeSchoolRoster(to: city.folder, year: SchoolYear(startYear: 2026), term: .t2)
        let outcome = try FileImport(context: city.context).apply(roster.csvURL.path, as: .school, by: city.founder)
        #expect(outcome.outcome == .applied, "\(outcome)")
        #expect(outcome.rows == roster.rows)
        #expect((outcome.roster?.matched ?? 0) >= (roster.rows - roster.counts.nonResidents) * 95 / 100, "\(outcome)")

        let children = try SchoolingService(context: city.context).children(asOf: try LocalDate("2026-11-19"), by: city.founder)
        let classes = Dictionary(grouping: children, by: \.mextClass).mapValues(\.count)
        #expect(children.count == roster.counts.children)
        #expect((classes[.foreignSchool] ?? 0) <= roster.counts.foreign)
        #expect((classes[.foreignSchool] ?? 0) >= roster.counts.foreign * 9 / 10)
        #expect((classes[.unconfirmed] ?? 0) >= roster.counts.unlisted + roster.counts.withdrawn)
        #expect((classes[.enrolledCompulsory] ?? 0) >= roster.counts.enrolled * 9 / 10)
        #expect(try FileImport(context: city.context).apply(roster.csvURL.path, as: .school, by: city.founder).outcome == .alreadyApplied)
    }
}

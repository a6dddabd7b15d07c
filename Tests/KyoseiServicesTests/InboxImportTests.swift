import Foundation
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Testing

/// An inbox run applies a partner's files in the order they must go, archives each one it
/// applied, and leaves a file it refuses where it was, with its reason, going on with the rest.
@Suite struct InboxImportTests {
    @Test func rostersAreAppliedByDateAndAMisplacedFileIsRefusedAndLeft() throws {
        let city = try TestCity()
        let sample = SampleCity(residents: 400, seed: 41, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        _ = try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder)
        let inbox = city.folder.appendingPathComponent("inbox/insurance")
        let archive = city.folder.appendingPathComponent("archive/insurance")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        // By name the society's roster comes first; by date the city's does.
        let later = try sample.writeInsuranceRoster(to: inbox, scheme: .ehi, source: "KENPO", date: LocalDate("2026-11-15"), seed: 2)
        let earlier = try sample.writeInsuranceRoster(to: inbox, scheme: .nhi, source: "CITY", date: LocalDate("2026-10-15"))
        let misplaced = try sample.writeEmploymentFile(to: inbox, date: LocalDate("2026-11-20"))

        let outcomes = try FileImport(context: city.context).applyInbox(inbox.path, of: .insurance, archive: archive.path, by: city.founder)
        #expect(outcomes.map(\.file) == [earlier.csvURL.lastPathComponent, later.csvURL.lastPathComponent, misplaced.fileName])
        #expect(outcomes.map(\.outcome) == [.applied, .applied, .refused], "\(outcomes)")
        #expect(outcomes[2].reason?.contains("is not an insurance roster") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path) == [misplaced.fileName])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: archive.path))
            == [earlier.csvURL.lastPathComponent, later.csvURL.lastPathComponent])

        // The same roster sent again is a no-op, and is archived like an applied one.
        try FileManager.default.copyItem(at: archive.appendingPathComponent(later.csvURL.lastPathComponent), to: later.csvURL)
        let again = try FileImport(context: city.context).applyInbox(inbox.path, of: .insurance, archive: archive.path, by: city.founder)
        #expect(again.map(\.outcome) == [.alreadyApplied, .refused])
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path) == [misplaced.fileName])
    }
}

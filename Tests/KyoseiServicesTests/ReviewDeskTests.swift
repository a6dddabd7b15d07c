import Foundation
import GRDB
import KyoseiDomain
import KyoseiServices
import KyoseiStore
import Testing

/// The review desk for every source: a person named by a file goes to review, a caseworker
/// decides it, the decision holds on the next file, the case is resolved, the audit names them,
/// and a clerk may read but not decide.
@Suite struct ReviewDeskTests {
    let city: TestCity
    let caseworker: StaffMember
    let clerk: StaffMember
    var desk: IdentityReviewDesk { IdentityReviewDesk(context: city.context) }
    var files: FileImport { FileImport(context: city.context) }

    init() throws {
        city = try TestCity()
        caseworker = try city.member("tanaka", .caseworker)
        clerk = try city.member("suzuki", .clerk)
    }

    func value<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        try city.context.database.writer.read { db in try T.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// Two namesakes born the same day: no roster can tell them apart by name, so it asks.
    func twins() throws -> (ResidentDraftResult, ResidentDraftResult) {
        (try city.add("SANTOS MARIA", kana: "サントス マリア", born: "2001-07-07", sex: .female),
         try city.add("SANTOS MARIA", kana: "サントス マリア", born: "2001-07-07", sex: .female))
    }

    /// The twins' roster row; a later roster also lists a newcomer, so its bytes differ.
    func insuranceRoster(_ date: String, newcomer: Bool = false) throws -> String {
        let file = city.folder.appendingPathComponent("INS-NHI-CITY-\(date).csv")
        try """
        scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt
        NHI,221309,N1,INSURED,サントス マリア,2001-07-07,2,,2025-04-01,,
        \(newcomer ? "NHI,221309,N2,INSURED,ワン レイ,1970-01-01,1,,2026-11-01,,\n" : "")
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func schoolRoster(_ term: String) throws -> String {
        let file = city.folder.appendingPathComponent("SCH-2026-\(term).csv")
        try """
        school_code,school_name,school_type,student_number,name_latin,name_kana,birth_date,sex,residence_card_number,grade,term,days_in_term,days_absent,japanese_support,status
        S01,Minami,PUBLIC_ELEMENTARY,ST1,SANTOS MARIA,,2017-05-05,2,,3,\(term),40,1,Y,ENROLLED

        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func employmentFile(_ date: String, hire: String, born: String) throws -> String {
        let agency = String(CorporateNumber.checkDigit(forBody: "180301018771")) + "180301018771"
        let file = city.folder.appendingPathComponent("EMP-\(date).csv")
        try """
        report_type,report_date,employer_id,establishment_name,establishment_address,residence_card_number,name_latin,birth_date,sex,nationality,status_of_residence,stay_expiry_date,other_activity_permission,event_date,employment_insurance,weekly_hours,dispatched,occupation
        HIRE,\(hire),\(agency),Enshu Staffing,浜松市中区1丁目,AB12345678CD,SILVA ANA,\(born),2,BR,LONG_TERM,,N,\(hire),Y,30,N,line

        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func only(_ source: ReviewSource) throws -> IdentityReviewRecord {
        let open = try desk.list(source: source, by: clerk)
        #expect(open.count == 1, "\(source): \(open)")
        return try #require(open.first)
    }

    /// The review's case, once the rules have run.
    func reviewCase(_ review: IdentityReviewRecord) throws -> CaseRecord? {
        try city.context.database.writer.read { db in
            try CaseRecord.fetchOne(db, sql: """
                SELECT * FROM cases WHERE id IN (SELECT case_id FROM case_link WHERE entity = 'identity_review' AND entity_id = ?)
                """, arguments: [String(review.id!)])
        }
    }

    func decisionAudited(_ action: String, _ review: IdentityReviewRecord) throws -> Bool {
        try city.audit.log(AuditFilter(staff: "tanaka"), by: city.founder).contains {
            $0.action == action && $0.detail.contains("review=\(review.reviewID!)")
        }
    }

    @Test func anInsuranceReviewLinkedHoldsOnTheNextRoster() throws {
        let (first, _) = try twins()
        let roster = try files.apply(try insuranceRoster("2026-11-01"), as: .insurance(), by: city.founder)
        #expect(roster.roster?.review == 1)
        let review = try only(.insurance)
        _ = try RulesService(context: city.context).run(by: city.founder)
        #expect(try reviewCase(review)?.title.contains("\(review.reviewID!)") == true)
        let detail = try desk.show(review.reviewID!, by: clerk)
        #expect(detail.incoming.person.nameKana == "サントス マリア")
        #expect(detail.candidates.count == 2 && detail.candidates.allSatisfy { $0.comparison != nil })
        #expect(throws: ServiceError.self) { try desk.link(review.reviewID!, resident: .kyosei(first.id), note: nil, by: clerk) }

        let decided = try desk.link(review.reviewID!, resident: .kyosei(first.id), note: "same card on paper", by: caseworker)
        #expect(decided.decision == .linked && decided.linkedResidentID == first.id && decided.decidedBy == "tanaka")
        #expect(review.state == .open && decided.state == .resolved)
        #expect(try value("SELECT count(*) FROM identity_review WHERE state = 'RESOLVED'") == 1)
        #expect(try value("SELECT resident_id FROM enrollment") == first.id)
        #expect(try reviewCase(review)?.state == .resolved)
        #expect(try decisionAudited("review.link", review))
        #expect(throws: ServiceError.self) { try desk.reject(review.reviewID!, note: "again", by: caseworker) }

        let next = try files.apply(try insuranceRoster("2026-12-01", newcomer: true), as: .insurance(), by: city.founder)
        #expect(next.roster?.known == 1 && next.roster?.review == 0, "\(String(describing: next.roster))")
        #expect(try desk.list(source: .insurance, by: clerk).isEmpty)
    }

    /// A link decided at the desk, a roster's own link and an enrollment a roster no longer
    /// lists are each in the resident's history, with who, when and from which file or review.
    @Test func linksAndEndedEnrollmentsAreInTheResidentsHistory() throws {
        let (first, _) = try twins()
        _ = try files.apply(try insuranceRoster("2026-11-01", newcomer: true), as: .insurance(), by: city.founder)
        let review = try only(.insurance)
        _ = try desk.link(review.reviewID!, resident: .kyosei(first.id), note: "same card on paper", by: caseworker)
        let wang = try city.add("WANG LEI", kana: "ワン レイ", born: "1970-01-01")
        // The newcomer is matched by the next roster, which drops the twin's enrollment.
        let file = city.folder.appendingPathComponent("INS-NHI-CITY-2026-12-01.csv")
        try """
        scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt
        NHI,221309,N2,INSURED,ワン レイ,1970-01-01,1,,2026-11-01,,

        """.write(to: file, atomically: true, encoding: .utf8)
        let next = try files.apply(file.path, as: .insurance(), acceptLargeChange: true, by: city.founder)
        #expect(next.outcome == .applied, "\(next)")
        func history(_ id: Int64) throws -> [String] {
            try ResidentService(context: city.context).history(.kyosei(id), by: city.founder).1.filter { $0.entity != "resident" }
                .map { "\($0.entity) \($0.field) \($0.oldValue ?? "-") \($0.newValue ?? "-") \($0.changedBy) \($0.sourceRef ?? "")" }
        }
        let twin = try history(first.id)
        #expect(twin.contains { $0.hasPrefix("insurance_member link - insurance member ") && $0.hasSuffix("tanaka review \(review.reviewID!)") }, "\(twin)")
        #expect(twin.contains("enrollment enrolled_until - 2026-12-01 founder INS-NHI-CITY-2026-12-01.csv"), "\(twin)")
        #expect(try history(wang.id).contains { $0.hasPrefix("insurance_member link - NHI CITY member N2 founder INS-NHI-CITY-2026-12-01.csv") })
    }

    @Test func anInsuranceReviewRejectedStaysUnmatched() throws {
        _ = try twins()
        _ = try files.apply(try insuranceRoster("2026-11-01"), as: .insurance(), by: city.founder)
        let review = try only(.insurance)
        #expect(throws: ServiceError.self) { try desk.reject(review.reviewID!, note: " ", by: caseworker) }
        #expect(throws: ServiceError.self, "a note longer than the API document allows (found by the API fuzz)") {
            try desk.reject(review.reviewID!, note: String(repeating: "0", count: 2_001), by: caseworker)
        }
        _ = try desk.reject(review.reviewID!, note: "a visitor, not a resident", by: caseworker)
        #expect(try decisionAudited("review.reject", review))
        let next = try files.apply(try insuranceRoster("2026-12-01", newcomer: true), as: .insurance(), by: city.founder)
        #expect(next.roster?.unmatched == 2 && next.roster?.matched == 0, "\(String(describing: next.roster))")
        #expect(try value("SELECT count(*) FROM enrollment WHERE resident_id IS NOT NULL") == 0)
        #expect(try desk.list(source: nil, by: clerk).isEmpty)
    }

    @Test func aSchoolReviewLinkedHoldsOnTheNextTerm() throws {
        let first = try city.add("SANTOS MARIA", born: "2017-05-05", sex: .female)
        _ = try city.add("SANTOS MARIA", born: "2017-05-05", sex: .female)
        #expect(try files.apply(try schoolRoster("T1"), as: .school, by: city.founder).roster?.review == 1)
        let review = try only(.school)
        _ = try desk.link(review.reviewID!, resident: .kyosei(first.id), note: nil, by: caseworker)
        #expect(try value("SELECT resident_id FROM school_term_row") == first.id)
        #expect(try decisionAudited("review.link", review))
        let next = try files.apply(try schoolRoster("T2"), as: .school, by: city.founder)
        #expect(next.roster?.known == 1 && next.roster?.review == 0)
        #expect(try value("SELECT count(*) FROM school_term_row WHERE resident_id = ?", [first.id]) == 2)
    }

    @Test func anEmploymentReviewDecidedHoldsForTheNextNotification() throws {
        let ana = try city.add("SILVA ANA", born: "1990-01-01", sex: .female, card: "AB12345678CD")
        _ = try files.apply(try employmentFile("2026-11-10", hire: "2026-11-01", born: "1990-10-01"), as: .employment, by: city.founder)
        let review = try only(.employment)
        #expect(try desk.show(review.reviewID!, by: clerk).candidates.first?.resident.id == ana.id)
        _ = try desk.link(review.reviewID!, resident: .kyosei(ana.id), note: "employer typed the month as the day", by: caseworker)
        #expect(try value("SELECT resident_id FROM employment_notification") == ana.id)
        #expect(try value("SELECT resident_id FROM employment_episode") == ana.id)
        #expect(try decisionAudited("review.link", review))
        _ = try files.apply(try employmentFile("2026-11-20", hire: "2026-11-15", born: "1990-10-01"), as: .employment, by: city.founder)
        #expect(try value("SELECT count(*) FROM employment_notification WHERE link = 'LINKED' AND resident_id = ?", [ana.id]) == 2)
        #expect(try desk.list(source: .employment, by: clerk).isEmpty)
    }

    @Test func aRegisterReviewLinkedMovesTheWalkInsRosterLinks() throws {
        let (first, _) = try twins()
        _ = try files.apply(try insuranceRoster("2026-11-01"), as: .insurance(), by: city.founder)
        _ = try desk.link(try only(.insurance).reviewID!, resident: .kyosei(first.id), note: nil, by: caseworker)
        _ = try files.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(5, name: "SANTOS MARIA", born: "2001-07-07", sex: "2"),
        ]), as: .register, by: city.founder)
        let review = try only(.register)
        #expect(throws: ServiceError.self) { try desk.link(review.reviewID!, resident: .kyosei(review.residentID), note: nil, by: caseworker) }
        _ = try desk.link(review.reviewID!, resident: .kyosei(first.id), note: "same passport", by: caseworker)
        #expect(try value("SELECT resident_id FROM enrollment") == review.residentID)
        #expect(try decisionAudited("review.link", review))
    }

    @Test func aRegisterReviewRejectedLinksNothing() throws {
        _ = try twins()
        _ = try files.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(5, name: "SANTOS MARIA", born: "2001-07-07", sex: "2"),
        ]), as: .register, by: city.founder)
        let review = try only(.register)
        #expect(throws: ServiceError.self) { try desk.reject(review.reviewID!, note: "different people", by: clerk) }
        let refused = try city.audit.log(AuditFilter(staff: "suzuki"), by: city.founder)
        #expect(refused.contains { $0.action == "refused:review.reject" })
        _ = try desk.reject(review.reviewID!, note: "different people", by: caseworker)
        #expect(try desk.list(source: .register, decided: true, by: clerk).first?.decision == .rejected)
    }

    @Test func aSchoolReviewRejectedStaysUnmatchedNextTerm() throws {
        _ = try city.add("SANTOS MARIA", born: "2017-05-05", sex: .female)
        _ = try city.add("SANTOS MARIA", born: "2017-05-05", sex: .female)
        _ = try files.apply(try schoolRoster("T1"), as: .school, by: city.founder)
        let review = try only(.school)
        _ = try desk.reject(review.reviewID!, note: "a new family; mother's name differs", by: caseworker)
        #expect(try decisionAudited("review.reject", review))
        let next = try files.apply(try schoolRoster("T2"), as: .school, by: city.founder)
        #expect(next.roster?.unmatched == 1 && next.roster?.review == 0, "\(String(describing: next.roster))")
        #expect(try value("SELECT count(*) FROM school_term_row WHERE resident_id IS NOT NULL") == 0)
    }

    @Test func anEmploymentReviewRejectedLeavesTheNextNotificationUnlinked() throws {
        _ = try city.add("SILVA ANA", born: "1990-01-01", sex: .female, card: "AB12345678CD")
        _ = try files.apply(try employmentFile("2026-11-10", hire: "2026-11-01", born: "1990-10-01"), as: .employment, by: city.founder)
        let review = try only(.employment)
        #expect(throws: ServiceError.self) { try desk.reject(review.reviewID!, note: "another Ana", by: clerk) }
        _ = try desk.reject(review.reviewID!, note: "another Ana; her card will follow", by: caseworker)
        #expect(try decisionAudited("review.reject", review))
        _ = try files.apply(try employmentFile("2026-11-20", hire: "2026-11-15", born: "1990-10-01"), as: .employment, by: city.founder)
        #expect(try value("SELECT count(*) FROM employment_notification WHERE link = 'UNLINKED' AND resident_id IS NULL") == 2)
        #expect(try desk.list(source: .employment, by: clerk).isEmpty)
    }
}

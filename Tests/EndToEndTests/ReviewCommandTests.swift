import Foundation
import KyoseiDomain
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The review desk with the real binary: rosters and notifications that name people Kyosei
/// cannot tell apart alone go to review, staff read and decide them by the id every other
/// command prints, the decision holds on the next file, and a clerk may read but not decide.
@Suite struct ReviewCommandTests {
    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
    static let agency = String(CorporateNumber.checkDigit(forBody: "180301018771")) + "180301018771"
    static let employmentHeader = "report_type,report_date,employer_id,establishment_name,establishment_address,residence_card_number,name_latin,birth_date,sex,nationality,status_of_residence,stay_expiry_date,other_activity_permission,event_date,employment_insurance,weekly_hours,dispatched,occupation"

    func write(_ text: String, _ name: String, in kyosei: KyoseiBinary) throws -> String {
        let file = kyosei.folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func reviews(_ kyosei: KyoseiBinary, _ extra: String...) throws -> [[String: Any]] {
        try json(try kyosei.run(["review", "list", "--json"] + extra).stdout) as? [[String: Any]] ?? []
    }

    @Test func everySourceIsReadAndDecidedAtTheDesk() throws {
        let kyosei = try KyoseiBinary()
        defer { try? FileManager.default.removeItem(at: kyosei.folder) }
        try kyosei.run("init")
        for (name, kana, born, card) in [("SANTOS MARIA", "サントス マリア", "2001-07-07", "AB12345601CD"),
                                         ("SANTOS MARIA", "サントス マリア", "2001-07-07", "AB12345602CD"),
                                         ("SILVA ANA", "シルバ アナ", "1990-01-01", "AB12345603CD"),
                                         ("ALVES CAIO", "アウヴェス カイオ", "1991-02-02", "AB12345604CD")] {
            let added = try kyosei.run("resident", "add", "--name", name, "--kana", kana, "--born", born, "--sex", "2",
                                       "--nationality", "BR", "--card", card, "--status", "LONG_TERM", "--reason", "counter")
            #expect(added.status == 0, "\(added.stderr)")
        }
        let rosterHeader = "scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt"
        let twin = "NHI,221309,N1,INSURED,サントス マリア,2001-07-07,2,,2025-04-01,,"
        let roster = try write("\(rosterHeader)\n\(twin)\n", "INS-NHI-CITY-2026-11-01.csv", in: kyosei)
        let report = kyosei.folder.appendingPathComponent("match.csv").path
        #expect(try kyosei.run("import", "insurance", roster, "--match-report", report).status == 0)

        // One id everywhere: the desk, the match report, the attention report, the case.
        let insurance = try reviews(kyosei, "--source", "insurance")
        #expect(insurance.count == 1 && insurance.first?["id"] as? String == "R1", "\(insurance)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("R1"))
        #expect(try kyosei.run("sync", "attention").stdout.contains("R1"))
        #expect(try kyosei.run("rules", "run").status == 0)
        let cases = try json(try kyosei.run("case", "list", "--type", "IDENTITY_REVIEW", "--json").stdout) as? [[String: Any]] ?? []
        #expect((cases.first?["title"] as? String)?.contains("R1") == true, "\(cases)")
        let shown = try kyosei.run("review", "show", "R1")
        #expect(shown.status == 0 && shown.stdout.contains("INCOMING") && shown.stdout.contains("K2") && shown.stdout.contains("birth_date"),
                "\(shown.stdout)\(shown.stderr)")

        // `coverage link` is `review link` by member number.
        let member = try kyosei.sqliteValue("SELECT id FROM insurance_member WHERE member_number = 'N1'")
        let linked = try kyosei.run("coverage", "link", member, "--resident", "K1", "--note", "paper card at the counter")
        #expect(linked.status == 0 && linked.stdout.contains("R1"), "\(linked.stderr)")
        #expect(try reviews(kyosei).isEmpty)
        let resolved = try json(try kyosei.run("case", "list", "--type", "IDENTITY_REVIEW", "--state", "all", "--json").stdout) as? [[String: Any]] ?? []
        #expect(resolved.first?["state"] as? String == "RESOLVED")
        #expect(try kyosei.sqliteValue("SELECT count(*) FROM audit_log WHERE action = 'review.link' AND detail LIKE 'review=R1 %'") == "1")
        let next = try write("\(rosterHeader)\n\(twin)\nNHI,221309,N2,INSURED,ワン レイ,1970-01-01,1,,2026-11-01,,\n",
                             "INS-NHI-CITY-2026-12-01.csv", in: kyosei)
        #expect(try kyosei.run("import", "insurance", next).status == 0)
        #expect(try reviews(kyosei).isEmpty, "the link holds on the next roster")
        #expect(try kyosei.sqliteValue("SELECT count(*) FROM enrollment WHERE resident_id = 1") == "1")

        // A school's student, linked by review id.
        try kyosei.sqlite("UPDATE resident SET birth_date = '2017-05-05' WHERE id IN (1, 2)")
        let school = try write("""
            school_code,school_name,school_type,student_number,name_latin,name_kana,birth_date,sex,residence_card_number,grade,term,days_in_term,days_absent,japanese_support,status
            S01,Minami,PUBLIC_ELEMENTARY,ST1,SANTOS MARIA,,2017-05-05,2,,3,T1,40,1,Y,ENROLLED

            """, "SCH-2026-T1.csv", in: kyosei)
        #expect(try kyosei.run("import", "school", school).status == 0)
        let student = try #require(try reviews(kyosei, "--source", "school").first?["id"] as? String)
        let link = try kyosei.run("review", "link", student, "--resident", "K2", "--json")
        #expect(link.status == 0, "\(link.stderr)")
        #expect((try json(link.stdout) as? [String: Any])?["linked_resident"] as? String == "K2")

        // Two notifications whose card holders were born on other days: one rejected, one left
        // for a clerk, who may read it but not decide it.
        let employment = try write([Self.employmentHeader,
            "HIRE,2026-11-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,AB12345603CD,SILVA ANA,1990-10-01,2,BR,LONG_TERM,,N,2026-11-01,Y,30,N,line",
            "HIRE,2026-11-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,AB12345604CD,ALVES CAIO,1991-12-02,2,BR,LONG_TERM,,N,2026-11-01,Y,30,N,line",
        ].joined(separator: "\r\n") + "\r\n", "EMP-2026-11-10.csv", in: kyosei)
        #expect(try kyosei.run("import", "employment", employment).status == 0)
        let notifications = try reviews(kyosei, "--source", "employment").compactMap { $0["id"] as? String }
        #expect(notifications.count == 2)
        #expect(try kyosei.run("review", "reject", notifications[0]).status != 0, "a rejection needs a note")
        #expect(try kyosei.run("review", "reject", notifications[0], "--note", "another Ana; the employer will send her card").status == 0)

        let me = try #require(try kyosei.sqliteValue("SELECT login FROM staff WHERE is_founder = 1").nonEmpty)
        #expect(try kyosei.run("staff", "add", "kyosei-other-admin", "--role", "admin").status == 0)
        #expect(try kyosei.run("staff", "set-role", me, "clerk").status == 0)
        #expect(try kyosei.run("review", "show", notifications[1]).status == 0, "a clerk reads reviews")
        let refused = try kyosei.run("review", "link", notifications[1], "--resident", "K4")
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(try kyosei.run("review", "reject", notifications[1], "--note", "no").status == 2)
        #expect(try reviews(kyosei, "--source", "employment").count == 1)
        #expect(try kyosei.sqliteValue("SELECT count(*) FROM audit_log WHERE action = 'refused:review.link' AND staff_login = '\(me)'") == "1")
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

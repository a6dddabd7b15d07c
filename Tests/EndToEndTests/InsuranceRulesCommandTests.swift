import Foundation
import KyoseiDomain
import Testing

/// Issue 19 end to end, as staff would work it with the real binary: people at the counter, the
/// NHI ledger and a pension roster, a month of hire notifications, facts staff record, then the
/// rules and the gaps. A dispatched 30-hour worker on NHI is an EMPLOYER_INSURANCE_MISSING case;
/// a student at 25 hours is no EI finding; a long-stay tourist is no NHI gap; a seconded US
/// engineer with a certificate is no pension gap until it ends.
@Suite struct InsuranceRulesCommandTests {
    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
    static let agency = String(CorporateNumber.checkDigit(forBody: "180301018771")) + "180301018771"

    struct Person {
        let name, kana, born, nationality, status, card: String
    }

    static let people = [
        Person(name: "ALVES CAIO", kana: "アウヴェス カイオ", born: "1990-01-01", nationality: "BR", status: "LONG_TERM", card: "AB62345678CD"),
        Person(name: "NGUYEN VAN AN", kana: "グエン ヴァン アン", born: "2003-02-02", nationality: "VN", status: "STUDENT", card: "AB62345679CD"),
        Person(name: "WANG LEI", kana: "ワン レイ", born: "1970-01-01", nationality: "CN", status: "DESIGNATED", card: "AB62345680CD"),
        Person(name: "SMITH JOHN", kana: "スミス ジョン", born: "1985-06-06", nationality: "US", status: "ENGINEER_HUMANITIES", card: "AB62345681CD"),
    ]

    @Test func theIssuesFourPeopleEndAsTheLawSays() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        for p in Self.people {
            let added = try kyosei.run("resident", "add", "--name", p.name, "--kana", p.kana, "--born", p.born, "--sex", "1",
                                       "--nationality", p.nationality, "--card", p.card, "--status", p.status, "--reason", "counter")
            #expect(added.status == 0, "\(added.stderr)")
        }
        // The register lists them (what a snapshot would do for people it knows).
        try kyosei.sqlite("UPDATE resident SET register_state = 'REGISTERED', person_id = printf('%011d', id)")
        let caio = Self.people[0]
        let nhi = kyosei.folder.appendingPathComponent("INS-NHI-CITY-2026-11-01.csv")
        try """
        scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt
        NHI,221309,N1,INSURED,\(caio.kana),\(caio.born),1,\(caio.card),2025-04-01,,

        """.write(to: nhi, atomically: true, encoding: .utf8)
        let pension = kyosei.folder.appendingPathComponent("INS-NP-PENSION-2026-11-01.csv")
        try """
        scheme,insurer_number,member_number,member_type,name_kana,birth_date,sex,residence_card_number,enrolled_from,enrolled_until,agreement_exempt
        NP,31000002,P1,INSURED,\(caio.kana),\(caio.born),1,\(caio.card),2025-04-01,,

        """.write(to: pension, atomically: true, encoding: .utf8)
        for file in [nhi, pension] {
            let imported = try kyosei.run("import", "insurance", file.path)
            #expect(imported.status == 0, "\(imported.stdout) \(imported.stderr)")
        }
        let header = "report_type,report_date,employer_id,establishment_name,establishment_address,residence_card_number,name_latin,birth_date,sex,nationality,status_of_residence,stay_expiry_date,other_activity_permission,event_date,employment_insurance,weekly_hours,dispatched,occupation"
        let student = Self.people[1]
        let employment = kyosei.folder.appendingPathComponent("EMP-2026-11-10.csv")
        try ([header,
              "HIRE,2026-10-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,\(caio.card),\(caio.name),\(caio.born),1,BR,LONG_TERM,,N,2026-10-01,Y,30,Y,line",
              "HIRE,2026-10-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,\(student.card),\(student.name),\(student.born),1,VN,STUDENT,,Y,2026-10-01,N,25,Y,packing",
             ].joined(separator: "\r\n") + "\r\n").write(to: employment, atomically: true, encoding: .utf8)
        let applied = try kyosei.run("import", "employment", employment.path, "--json")
        #expect(applied.status == 0, "\(applied.stderr)")

        let findings = try json(try kyosei.run("employment", "findings", "--json").stdout) as? [[String: String]] ?? []
        #expect(!findings.contains { $0["residence_card_number"] == student.card }, "a student at 25 hours is outside employment insurance: \(findings)")

        let tourist = try kyosei.run("coverage", "facts", "K3", "--designation", "long-stay-tourism", "--reason", "designation paper at the counter")
        #expect(tourist.status == 0 && tourist.stdout.contains("LONG_STAY_TOURISM"), "\(tourist.stderr)")
        #expect(try kyosei.run("coverage", "facts", "K3", "--designation", "long-stay-tourism").status != 0, "a change needs a reason")
        let certificate = try kyosei.run("coverage", "certificate", "K4", "--country", "US", "--from", "2026-04-01", "--until", "2027-03-31",
                                         "--reason", "employer's filing")
        #expect(certificate.status == 0 && certificate.stdout.contains("2027-03-31"), "\(certificate.stderr)")

        func gaps(_ day: String) throws -> Set<String> {
            let listed = try json(try kyosei.run("coverage", "gaps", "--as-of", day, "--json").stdout) as? [[String: Any]] ?? []
            return Set(listed.map { "\(($0["resident"] as? [String: Any])?["name_latin"] as? String ?? ""):\($0["obligation"] as? String ?? "")" })
        }
        let now = try gaps("2026-11-23")
        #expect(!now.contains("WANG LEI:health"), "long-stay tourism is outside NHI")
        #expect(!now.contains("SMITH JOHN:pension") && !now.contains("SMITH JOHN:health"))
        #expect(now.contains("ALVES CAIO:employer"))
        #expect(!now.contains("NGUYEN VAN AN:employment"))
        let after = try gaps("2027-04-01")
        #expect(after.contains("SMITH JOHN:pension"), "the certificate ended on 2027-03-31")

        #expect(try kyosei.run("rules", "run").status == 0)
        let cases = try json(try kyosei.run("case", "list", "--type", "EMPLOYER_INSURANCE_MISSING", "--json").stdout) as? [[String: Any]] ?? []
        #expect(cases.count == 1)
        #expect(cases.first?["resident"] as? String == "K1")
        #expect((cases.first?["title"] as? String)?.contains("Enshu Staffing") == true)
        let shown = try kyosei.run("coverage", "show", "K3")
        #expect(shown.stdout.contains("health: not under it"), "\(shown.stdout)")

        #expect(try kyosei.run("employer", "headcount", Self.agency, "60", "--reason", "pension office notice").status == 0)
        let employers = try json(try kyosei.run("employer", "list", "--sort", "employer-insurance", "--json").stdout) as? [[String: String]] ?? []
        #expect(employers.first?["employer_insurance_missing_workers"] == "1")

        let config = try json(try kyosei.run("config", "show", "--json").stdout) as? [String: Any]
        let settings = config?["settings"] as? [[String: String]] ?? []
        #expect(settings.contains { $0["key"] == "insurance.employment_weekly_hours[2]" && $0["value"]?.hasPrefix("10 from 2028-10-01 | ") == true })
        #expect(settings.contains { $0["key"] == "insurance.employer_size[4]" && $0["value"]?.hasPrefix("36 from 2027-10-01 until 2029-09-30 | ") == true })
        #expect(settings.contains { $0["key"] == "law.age.national_pension" && $0["value"]?.contains("day before the birthday") == true })
        #expect(settings.contains { $0["key"] == "work.permission_weekly_hours[1]" && $0["value"]?.hasPrefix("28 | ") == true })
        #expect(settings.contains { $0["key"]?.hasPrefix("agreements.in_force[") == true && $0["value"]?.hasPrefix("US from 2005-10-01 pension+health | ") == true })
        let history = try kyosei.run("resident", "history", "K3")
        #expect(history.stdout.contains("designation"))

        // The certificate was recorded for the wrong person: withdrawn, it exempts no more but stays on record.
        #expect(try kyosei.run("coverage", "withdraw-certificate", "K3", "1", "--reason", "not this person").status == 1,
                "the certificate is K4's")
        let withdrawn = try kyosei.run("coverage", "withdraw-certificate", "K4", "1", "--reason", "recorded for the wrong person", "--json")
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        let listed = (try json(withdrawn.stdout) as? [String: Any])?["certificates"] as? [[String: Any]] ?? []
        #expect(listed.count == 1 && listed.first?["withdrawn_reason"] as? String == "recorded for the wrong person", "\(listed)")
        #expect(try gaps("2026-11-23").contains("SMITH JOHN:pension"), "a withdrawn certificate exempts nothing")
        let again = try kyosei.run("coverage", "withdraw-certificate", "K4", "1", "--reason", "twice")
        #expect(again.status == 1 && again.stderr.contains("already withdrawn"), "\(again.stderr)")
        #expect(try kyosei.run("resident", "history", "K4").stdout.contains("recorded for the wrong person"))
        #expect(try kyosei.run("audit", "verify").status == 0)
    }

    /// A hire file with the contract columns: a 20-day fixed term without a renewal clause is
    /// outside employment insurance (no EI finding, no gap); a term past 31 days is not; a row
    /// naming an end without saying whether it renews is set aside with the column named.
    @Test func aShortFixedTermIsOutsideEmploymentInsurance() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let short = Self.people[0], long = Self.people[3]
        for p in [short, long] {
            let added = try kyosei.run("resident", "add", "--name", p.name, "--kana", p.kana, "--born", p.born, "--sex", "1",
                                       "--nationality", p.nationality, "--card", p.card, "--status", p.status, "--reason", "counter")
            #expect(added.status == 0, "\(added.stderr)")
        }
        try kyosei.sqlite("UPDATE resident SET register_state = 'REGISTERED', person_id = printf('%011d', id)")
        let header = "report_type,report_date,employer_id,establishment_name,establishment_address,residence_card_number,name_latin,birth_date,sex,nationality,status_of_residence,stay_expiry_date,other_activity_permission,event_date,employment_insurance,weekly_hours,dispatched,occupation,contract_end,contract_renewable"
        let employment = kyosei.folder.appendingPathComponent("EMP-2026-11-10.csv")
        try ([header,
              "HIRE,2026-10-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,\(short.card),\(short.name),\(short.born),1,BR,LONG_TERM,,N,2026-10-01,N,30,Y,line,2026-10-20,N",
              "HIRE,2026-10-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,\(long.card),\(long.name),\(long.born),1,US,ENGINEER_HUMANITIES,,N,2026-10-01,N,30,Y,design,2027-03-31,N",
              "HIRE,2026-10-03,\(Self.agency),Enshu Staffing,浜松市中区1丁目,AB62345679CD,NGUYEN VAN AN,2003-02-02,1,VN,LONG_TERM,,N,2026-10-01,N,30,Y,packing,2026-12-31,",
             ].joined(separator: "\r\n") + "\r\n").write(to: employment, atomically: true, encoding: .utf8)
        let applied = try kyosei.run("import", "employment", employment.path, "--json")
        #expect(applied.status == 0, "\(applied.stderr)")
        let outcome = try json(applied.stdout) as? [String: Any]
        #expect(outcome?["rejected"] as? Int == 1, "\(applied.stdout)")
        let rejects = try kyosei.run("rejects", "list")
        #expect(rejects.stdout.contains("contract_renewable: is required when contract_end is given"), "\(rejects.stdout)")

        let findings = try json(try kyosei.run("employment", "findings", "--json").stdout) as? [[String: String]] ?? []
        let missing = Set(findings.filter { $0["finding"] == "EI_MISSING" }.compactMap { $0["residence_card_number"] })
        #expect(missing == [long.card], "only the term past 31 days is under employment insurance: \(findings)")

        let listed = try json(try kyosei.run("coverage", "gaps", "--as-of", "2026-10-10", "--json").stdout) as? [[String: Any]] ?? []
        let gaps = Set(listed.map { "\(($0["resident"] as? [String: Any])?["name_latin"] as? String ?? ""):\($0["obligation"] as? String ?? "")" })
        #expect(gaps.contains("\(long.name):employment"))
        #expect(!gaps.contains("\(short.name):employment"), "\(gaps)")
    }
}

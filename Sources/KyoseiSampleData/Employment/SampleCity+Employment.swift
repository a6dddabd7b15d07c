import Foundation
import KyoseiDomain
import KyoseiIntake

extension SampleCity {
    /// Employers the sample notifications come from: a dispatch agency, two factories, and a
    /// sole proprietor known by a labour-insurance number.
    static let sampleEmployers: [(id: String, name: String, dispatch: Bool)] = [
        (corporateNumber(body: "180301018771"), "Enshu Staffing Service", true),
        (corporateNumber(body: "080401022001"), "Hamana Auto Parts", false),
        (corporateNumber(body: "090001033002"), "Tenryu Food Packing", false),
        ("L22101234567000", "Sakura Bento", false),
    ]

    static func corporateNumber(body: String) -> String { String(CorporateNumber.checkDigit(forBody: body)) + body }

    /// Writes `EMP-<date>.csv` with `rounds` notifications of every scenario, each about a
    /// different resident of the city (whose snapshot must be applied first for the cards to be
    /// known). Hires are dated in the month two before `date`, separations in the month before,
    /// and every report date falls before `date`. With a `workforce` share, that share of the
    /// other working-age residents whose status allows work is also hired, on time, at 15 to 40
    /// hours (a third through the agency), about half reported in employment insurance: the city
    /// the demo measures, where the scenarios alone are too few people for a published figure.
    public func writeEmploymentFile(to directory: URL, date: LocalDate, rounds: Int = 1, workforce: Double = 0) throws -> WrittenEmploymentFile {
        let needed = EmploymentScenario.allCases.filter { !$0.isReject && $0 != .unknownCard }
        var pools: [EmploymentScenario: [SampleResident]] = [:]
        var workers: [SampleResident] = []
        var used = 0
        forEachResident { resident in
            guard resident.category == .midLongTerm, resident.cardNumber != nil,
                  let status = resident.status, (18...64).contains(resident.birthDate.age(on: date)),
                  resident.stayExpiry.map({ $0 > date }) ?? true else { return }
            let eligible = needed.filter { scenario in
                (pools[scenario]?.count ?? 0) < rounds && Self.fits(status, scenario)
            }
            if used < needed.count * rounds, let scenario = eligible.first {
                pools[scenario, default: []].append(resident)
                used += 1
            } else if workforce > 0, Self.fits(status, .cleanHire) {
                var rng = SplitMix64(seed, .workforce, IdentifierScrambler.personKey(household: resident.householdIndex, slot: resident.slot))
                if rng.chance(workforce) { workers.append(resident) }
            }
        }
        let hireDay = date.firstOfMonth.adding(months: -2)
        var rows: [[String]] = []
        var lines: [WrittenEmploymentFile.Line] = []
        for round in 0..<rounds {
            for scenario in EmploymentScenario.allCases {
                let resident = pools[scenario].flatMap { round < $0.count ? $0[round] : nil }
                if !scenario.isReject && scenario != .unknownCard && resident == nil { continue }
                let written = notifications(scenario, resident: resident, round: round, hireMonth: hireDay)
                for row in written {
                    rows.append(row)
                }
                lines.append(WrittenEmploymentFile.Line(
                    line: rows.count + 1, scenario: scenario, cardNumber: written.last![EmploymentColumn.residenceCardNumber.rawValue],
                    personID: scenario == .unknownCard ? nil : resident?.personID.rawValue))
            }
        }
        for worker in workers {
            rows.append(workforceHire(worker, hireMonth: hireDay))
        }
        let header = EmploymentColumn.allCases.map(\.name)
        let text = ([header] + rows).map(CSVWriter.record).joined(separator: "\r\n") + "\r\n"
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("EMP-\(date).csv")
        try Data(text.utf8).write(to: url)
        return WrittenEmploymentFile(csvURL: url, lines: lines)
    }

    /// Which residents can play a scenario: its truth depends on the status's work class.
    static func fits(_ status: StatusOfResidence, _ scenario: EmploymentScenario) -> Bool {
        switch scenario {
        case .workNotPermitted, .overPermittedHours: status.workClass == .none && status != .temporaryVisitor
        default: status.workClass == .any || status.workClass == .activity
        }
    }

    /// One worker of the workforce: a clean hire with drawn hours, employer and insurance.
    private func workforceHire(_ resident: SampleResident, hireMonth: LocalDate) -> [String] {
        var rng = SplitMix64(seed, .workforce, ~IdentifierScrambler.personKey(household: resident.householdIndex, slot: resident.slot))
        let employer = rng.chance(1.0 / 3) ? Self.sampleEmployers[0] : rng.pick(Array(Self.sampleEmployers.dropFirst()))
        let hours = rng.pick([15, 20, 25, 30, 30, 35, 40, 40, 40])
        let hire = hireMonth.adding(days: rng.below(28))
        var row = Self.cleanRow(resident: resident, employer: employer, hire: hire, round: rng.below(9))
        row[.weeklyHours] = String(hours)
        row[.employmentInsurance] = hours >= 20 && rng.chance(0.5) ? "Y" : "N"
        return Self.ordered(row)
    }

    /// The rows of one scenario, in the column order of `EmploymentColumn`.
    private func notifications(_ scenario: EmploymentScenario, resident: SampleResident?, round: Int, hireMonth: LocalDate) -> [[String]] {
        let employer = Self.sampleEmployers[round % Self.sampleEmployers.count]
        let hire = hireMonth.adding(days: round % 28)
        let insuredDeadline = hireMonth.adding(months: 1).adding(days: 9)
        var row = Self.cleanRow(resident: resident, employer: employer, hire: hire, round: round)
        switch scenario {
        case .cleanHire: break
        case .hireOnDeadline: row[.reportDate] = insuredDeadline.description
        case .lateHire: row[.reportDate] = insuredDeadline.adding(days: 1).description
        case .workNotPermitted:
            row[.employmentInsurance] = "N"
            row[.weeklyHours] = "10"
        case .overPermittedHours:
            row[.otherActivityPermission] = "Y"
            row[.weeklyHours] = "28.5"
        case .eiMissing:
            row[.employmentInsurance] = "N"
            row[.weeklyHours] = "20"
        case .dispatchedUninsured:
            row[.employmentInsurance] = "N"
            row[.weeklyHours] = "30"
            row[.dispatched] = "Y"
        case .unknownCard:
            row[.residenceCardNumber] = String(format: "ZZ%08dZZ", 90_000_000 + round)
            row[.nameLatin] = "NGUYEN VAN UNKNOWN"
            row[.birthDate] = "1999-09-09"
            row[.statusOfResidence] = "SSW_1"
        case .stayExpired: row[.stayExpiryDate] = hire.adding(days: -1).description
        case .birthDateDiffers: row[.birthDate] = (resident?.birthDate.adding(days: 1))?.description ?? ""
        case .hireThenSeparation:
            var separation = row
            let left = hireMonth.adding(months: 1).adding(days: round % 20)
            separation[.reportType] = "SEPARATION"
            separation[.eventDate] = left.description
            separation[.reportDate] = left.adding(days: 5).description
            return [Self.ordered(row), Self.ordered(separation)]
        case .separationWithoutHire:
            let left = hireMonth.adding(months: 1).adding(days: round % 20)
            row[.reportType] = "SEPARATION"
            row[.eventDate] = left.description
            row[.reportDate] = left.adding(days: 2).description
        case .specialPermanentReported:
            row[.residenceCardNumber] = String(format: "SP%08dXX", round)
            row[.nameLatin] = "KIM MINJUN"
            row[.birthDate] = "1970-03-03"
            row[.nationality] = "KR"
            row[.statusOfResidence] = "SPECIAL_PERMANENT"
        case .badCheckDigit:
            let good = Self.sampleEmployers[1].id
            row[.employerID] = String(Int(String(good.first!))! % 9 + 1) + good.dropFirst()
            row[.residenceCardNumber] = String(format: "BC%08dXX", round)
            row[.nameLatin] = "SANTOS JOAO"
            row[.birthDate] = "1988-08-08"
            row[.statusOfResidence] = "LONG_TERM"
        case .badHours:
            row[.weeklyHours] = "20,5"
            row[.residenceCardNumber] = String(format: "BH%08dXX", round)
            row[.nameLatin] = "SILVA MARIA"
            row[.birthDate] = "1990-01-01"
            row[.statusOfResidence] = "LONG_TERM"
        }
        return [Self.ordered(row)]
    }

    /// A hire of `resident` at `employer`, reported three days after, insured, 40 hours.
    private static func cleanRow(resident: SampleResident?, employer: (id: String, name: String, dispatch: Bool), hire: LocalDate,
                                 round: Int) -> [EmploymentColumn: String] {
        [
            .reportType: "HIRE", .reportDate: hire.adding(days: 3).description, .employerID: employer.id,
            .establishmentName: employer.name, .establishmentAddress: "静岡県浜松市中区\(round % 9 + 1)丁目",
            .residenceCardNumber: resident?.cardNumber?.rawValue ?? "", .nameLatin: resident?.nameLatin ?? "",
            .birthDate: resident?.birthDate.description ?? "", .sex: resident?.sex.rawValue ?? "1",
            .nationality: resident?.nationality.rawValue ?? "VN", .statusOfResidence: resident?.status?.rawValue ?? "",
            .stayExpiryDate: "", .otherActivityPermission: "N", .eventDate: hire.description, .employmentInsurance: "Y",
            .weeklyHours: "40", .dispatched: employer.dispatch ? "Y" : "N", .occupation: "production line",
        ]
    }

    private static func ordered(_ row: [EmploymentColumn: String]) -> [String] {
        EmploymentColumn.allCases.map { row[$0] ?? "" }
    }
}

import KyoseiDomain

/// Which status each member of a household holds, given the head's, and what comes with a
/// status: its period of stay, how old its holders are, how long they have lived in the city.
/// Written from how the statuses work in law (a technical intern brings no family, a child of
/// a Permanent Resident is a Spouse or Child of Permanent Resident) rather than from statistics.
enum StatusRules {
    /// Technical Intern Training is replaced by Employment for Skill Development from
    /// 2027-04-01: new interns enter ESD, and those already in TITP move on over three years.
    static func inForce(_ status: StatusOfResidence, asOf: LocalDate, rng: inout SplitMix64) -> StatusOfResidence {
        guard let start = StatusOfResidence.esd.validFrom, asOf >= start else { return status }
        switch status {
        case .titp1:
            return .esd
        case .titp2, .titp3:
            let months = (asOf.year - start.year) * 12 + asOf.month - start.month
            return rng.chance(min(1, Double(months) / 36)) ? .esd : status
        default:
            return status
        }
    }

    static func spouse(of head: StatusOfResidence, rng: inout SplitMix64) -> StatusOfResidence {
        switch head {
        case .permanent: rng.chance(0.55) ? .permanent : .spousePermanent
        case .longTerm: rng.chance(0.85) ? .longTerm : .permanent
        case .spousePermanent: .permanent
        case .spouseJapanese: .longTerm
        case .designated: .designated
        case .hsp1A, .hsp1B, .hsp1C, .hsp2: rng.chance(0.3) ? .designated : .dependent
        default: rng.chance(0.85) ? .dependent : head
        }
    }

    static func child(of parent: StatusOfResidence, age: Int, rng: inout SplitMix64) -> StatusOfResidence {
        switch parent {
        case .permanent: rng.chance(0.6) ? .spousePermanent : .permanent
        case .longTerm, .spouseJapanese, .spousePermanent: .longTerm
        case .designated: .designated
        default:
            age < 20 ? .dependent : rng.chance(0.4) ? .engineerHumanities : rng.chance(0.5) ? .student : .designated
        }
    }

    /// An elderly parent living with the family.
    static func parent(of head: StatusOfResidence, rng: inout SplitMix64) -> StatusOfResidence {
        switch head {
        case .permanent, .longTerm, .spousePermanent: rng.chance(0.5) ? .permanent : .longTerm
        default: rng.chance(0.6) ? .designated : rng.chance(0.5) ? .permanent : .longTerm
        }
    }

    /// The period granted with a status; INDEFINITE only for Permanent Residents (the register
    /// export requires an expiry date of every other mid- to long-term resident).
    static func period(_ status: StatusOfResidence, rng: inout SplitMix64) -> PeriodOfStay {
        let options: [(PeriodOfStay, Double)]
        switch status {
        case .permanent:
            return .indefinite
        case .titp1, .esd:
            return years(1)
        case .titp2, .titp3:
            options = [(years(1), 70), (years(2), 30)]
        case .ssw1:
            options = [(years(1), 60), (months(6), 30), (months(4), 10)]
        case .ssw2:
            options = [(years(3), 50), (years(1), 40), (months(6), 10)]
        case .student:
            options = [(.duration(years: 2, months: 3, days: 0), 40), (.duration(years: 1, months: 3, days: 0), 40),
                       (.duration(years: 4, months: 3, days: 0), 20)]
        case .hsp1A, .hsp1B, .hsp1C:
            return years(5)
        case .designated:
            options = [(years(1), 55), (months(6), 40), (months(3), 5)]
        case .spouseJapanese, .spousePermanent:
            options = [(years(5), 15), (years(3), 40), (years(1), 40), (months(6), 5)]
        case .longTerm, .dependent:
            options = [(years(5), 20), (years(3), 40), (years(1), 35), (months(6), 5)]
        default:
            options = [(years(5), 30), (years(3), 35), (years(1), 30), (months(3), 5)]
        }
        return Weighted(options).pick(using: &rng)
    }

    static func days(in period: PeriodOfStay) -> Int {
        switch period {
        case .indefinite: 0
        case let .duration(y, m, d): y * 365 + m * 30 + d
        }
    }

    /// Ages of someone holding the status alone (a head of a one-person household).
    static func singleAges(_ status: StatusOfResidence) -> ClosedRange<Int> {
        switch status {
        case .titp1, .esd: 19...28
        case .titp2: 20...30
        case .titp3: 22...33
        case .ssw1: 21...38
        case .ssw2: 25...45
        case .student: 19...29
        case .trainee: 20...35
        case .engineerHumanities, .intraCompany: 23...45
        case .nursingCare: 23...40
        case .permanent: 28...78
        case .spouseJapanese: 25...65
        case .longTerm: 20...65
        case .spousePermanent: 20...60
        default: 25...60
        }
    }

    static func headAges(_ status: StatusOfResidence) -> ClosedRange<Int> {
        switch status {
        case .permanent: 30...70
        case .longTerm: 25...60
        case .engineerHumanities, .hsp1B, .intraCompany: 27...50
        case .businessManager: 32...60
        case .skilledLabor: 28...50
        case .ssw2: 27...45
        default: 28...55
        }
    }

    /// How long the head has lived in the city, in years.
    static func yearsInCity(_ status: StatusOfResidence?) -> ClosedRange<Int> {
        switch status {
        case nil: 5...50
        case .titp1?, .esd?: 0...0
        case .titp2?: 1...2
        case .titp3?: 3...4
        case .student?, .ssw1?: 0...3
        case .permanent?: 1...20
        case .longTerm?, .spousePermanent?, .spouseJapanese?: 0...15
        default: 0...6
        }
    }

    private static func years(_ n: Int) -> PeriodOfStay { .duration(years: n, months: 0, days: 0) }
    private static func months(_ n: Int) -> PeriodOfStay { .duration(years: 0, months: n, days: 0) }
}

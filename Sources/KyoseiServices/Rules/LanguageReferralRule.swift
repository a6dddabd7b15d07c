import GRDB
import KyoseiDomain
import KyoseiStore

/// Someone the city should offer a course: a newcomer adult with no orientation course, a child
/// entering grade 1 next April with no pre-school Japanese, an adult whose latest assessment is
/// below A2 and who holds no seat in a course still running. One case per person and cause;
/// a seat that answers the cause resolves it at once (see `SeatWrites`), and the rule finding
/// the cause gone resolves it too (`rules.auto_resolve`).
struct LanguageReferralRule: CaseRule {
    static let ruleName = "LANGUAGE_REFERRAL"
    let name = ruleName
    let caseType = CaseType.languageReferral
    /// Orientation and the below-A2 referral are for adults.
    static let adultAge = 18

    /// Why a person is referred; the text after the prefix keeps one case per newcomer arrival
    /// and per school-entry year.
    enum Cause: Equatable {
        case orientation(since: String)
        case preSchool(entryYear: Int)
        case belowA2

        var text: String {
            switch self {
            case .orientation(let since): "orientation:\(since)"
            case .preSchool(let year): "pre-school:\(year)"
            case .belowA2: "below-a2"
            }
        }

        /// Reads the cause back from a case's key (`LANGUAGE_REFERRAL|K12|pre-school:2027`).
        init?(dedupKey: String) {
            let parts = dedupKey.split(separator: "|", maxSplits: 2).map(String.init)
            guard parts.count == 3, parts[0] == LanguageReferralRule.ruleName else { return nil }
            let cause = parts[2]
            if cause == "below-a2" {
                self = .belowA2
            } else if cause.hasPrefix("orientation:") {
                self = .orientation(since: String(cause.dropFirst("orientation:".count)))
            } else if cause.hasPrefix("pre-school:"), let year = Int(cause.dropFirst("pre-school:".count)) {
                self = .preSchool(entryYear: year)
            } else {
                return nil
            }
        }

        /// The kind of course whose seat answers the referral.
        func isAnswered(by kind: CourseKind) -> Bool {
            switch self {
            case .orientation: kind == .orientation
            case .preSchool: kind == .preSchool
            case .belowA2: true
            }
        }
    }

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try newcomers(asOf: asOf, settings: settings, db: db, found)
        try children(asOf: asOf, db: db, found)
        try belowA2(asOf: asOf, db: db, found)
    }

    private func finding(_ candidate: ReferralCandidate, _ cause: Cause, title: String, detail: String, priority: CasePriority,
                         due: LocalDate) -> RuleFinding {
        RuleFinding(residentID: candidate.id, cause: cause.text, title: title, detail: detail, priority: priority, dueDate: due,
                    district: candidate.districtCode.flatMap { try? DistrictCode($0) })
    }

    private func newcomers(asOf: LocalDate, settings: Settings, db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try ReferralCandidate.newcomers(movedInFrom: asOf.adding(days: -settings.languageNewcomerWindowDays), to: asOf,
                                        bornBy: asOf.adding(years: -Self.adultAge), in: db).forEach { candidate in
            let since = candidate.residentSince!
            try found(finding(candidate, .orientation(since: since), title: "Newcomer without an orientation course",
                           detail: "Moved in on \(since) and holds no seat in an orientation course; offer one with `kyosei course enroll`.",
                           priority: .normal, due: asOf.adding(days: 30)))
        }
    }

    private func children(asOf: LocalDate, db: Database, _ found: (RuleFinding) throws -> Void) throws {
        let entry = SchoolYear(startYear: SchoolYear(containing: asOf).startYear + 1)
        // Everyone born in the two calendar years the cohort spans; the exact cohort is decided below.
        try ReferralCandidate.children(bornFrom: "\(entry.startYear - 7)-01-01", to: "\(entry.startYear - 6)-12-31", in: db).forEach { candidate in
            guard let born = try? LocalDate(candidate.birthDate!), SchoolYear.entry(forBirthDate: born) == entry else { return }
            try found(finding(candidate, .preSchool(entryYear: entry.startYear), title: "Enters grade 1 in April \(entry.startYear) without pre-school Japanese",
                           detail: "Enters elementary grade 1 on \(entry.firstDay) and holds no seat in a pre-school Japanese course.",
                           priority: .high, due: min(asOf.adding(days: 30), entry.firstDay)))
        }
    }

    private func belowA2(asOf: LocalDate, db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try ReferralCandidate.assessed(.a1, bornBy: asOf.adding(years: -Self.adultAge), notSeatedOn: asOf, in: db).forEach { candidate in
            try found(finding(candidate, .belowA2, title: "Assessed below A2 and not in a course",
                              detail: "The latest assessment is A1 and the person holds no seat in a course that is still running.",
                              priority: .normal, due: asOf.adding(days: 30)))
        }
    }
}

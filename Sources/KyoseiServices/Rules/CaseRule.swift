import GRDB
import KyoseiDomain

/// One rule that raises cases. A rule only says what it finds; the engine turns findings into
/// cases, keeps one case per person, type and cause, and notices causes that went away. Adding
/// a rule is a new type here and a line in `RuleCatalog`.
public protocol CaseRule: Sendable {
    /// Stable name, kept on every case the rule raises (`STAY_EXPIRING`).
    var name: String { get }
    var caseType: CaseType { get }
    /// Hands each finding to `found` as the rule's query streams it, so a whole city's findings
    /// are never held at once. The engine writes cases from `found`; a rule reads no case.
    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws
}

/// Something a rule found about one person.
public struct RuleFinding: Sendable {
    public var residentID: Int64
    /// The stable part of the de-duplication key: the same cause for the same person is the
    /// same case, whatever night it is found again (`expiry:2026-12-20`).
    public var cause: String
    public var title: String
    public var detail: String
    public var priority: CasePriority
    public var dueDate: LocalDate?
    public var district: DistrictCode?
    public var links: [(entity: EntityKind, id: String)]

    public init(residentID: Int64, cause: String, title: String, detail: String, priority: CasePriority,
                dueDate: LocalDate?, district: DistrictCode?, links: [(entity: EntityKind, id: String)] = []) {
        self.residentID = residentID
        self.cause = cause
        self.title = title
        self.detail = detail
        self.priority = priority
        self.dueDate = dueDate
        self.district = district
        self.links = links
    }
}

/// Every rule Kyosei runs, in the order it runs them.
public enum RuleCatalog {
    public static let all: [any CaseRule] = [
        StayExpiringRule(), LeftRegisterRule(), IdentityReviewRule(), CoverageGapRule(), EmploymentReportIssueRule(),
        EmployerInsuranceRule(),
        SchoolUnconfirmedRule(), LongTermAbsenceRule(), LanguageReferralRule(),
    ]
}

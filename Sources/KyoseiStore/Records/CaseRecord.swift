import GRDB
import KyoseiDomain

/// A piece of work for a person or a household.
public struct CaseRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "cases"

    public var id: Int64?
    public var caseType: CaseType
    public var residentID: Int64?
    public var householdID: HouseholdID?
    public var state: CaseState
    public var priority: CasePriority
    public var assignee: String?
    public var team: String?
    public var dueDate: LocalDate?
    public var title: String
    public var cause: String
    public var dedupKey: String?
    public var rule: String?
    public var causeGoneAt: String?
    public var outcome: CaseOutcome?
    public var openedAt: String
    public var openedBy: String
    public var updatedAt: String
    public var resolvedAt: String?
    public var closedAt: String?

    public init(id: Int64? = nil, caseType: CaseType, residentID: Int64?, householdID: HouseholdID? = nil,
                state: CaseState = .open, priority: CasePriority, assignee: String? = nil, team: String?,
                dueDate: LocalDate?, title: String, cause: String, dedupKey: String? = nil, rule: String? = nil,
                causeGoneAt: String? = nil, outcome: CaseOutcome? = nil, openedAt: String, openedBy: String,
                updatedAt: String, resolvedAt: String? = nil, closedAt: String? = nil) {
        self.id = id
        self.caseType = caseType
        self.residentID = residentID
        self.householdID = householdID
        self.state = state
        self.priority = priority
        self.assignee = assignee
        self.team = team
        self.dueDate = dueDate
        self.title = title
        self.cause = cause
        self.dedupKey = dedupKey
        self.rule = rule
        self.causeGoneAt = causeGoneAt
        self.outcome = outcome
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, state, priority, assignee, team, title, cause, rule, outcome
        case caseType = "case_type"
        case residentID = "resident_id"
        case householdID = "household_id"
        case dueDate = "due_date"
        case dedupKey = "dedup_key"
        case causeGoneAt = "cause_gone_at"
        case openedAt = "opened_at"
        case openedBy = "opened_by"
        case updatedAt = "updated_at"
        case resolvedAt = "resolved_at"
        case closedAt = "closed_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let residentID = Column(CodingKeys.residentID)
        public static let rule = Column(CodingKeys.rule)
        public static let state = Column(CodingKeys.state)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The cases raised by row `id` of `entity`'s table.
    public static func raised(by entity: String, _ id: String) -> QueryInterfaceRequest<CaseRecord> {
        let links = CaseLinkRecord.filter(Column(CaseLinkRecord.CodingKeys.entity) == entity
                                          && Column(CaseLinkRecord.CodingKeys.entityID) == id)
            .select(Column(CaseLinkRecord.CodingKeys.caseID))
        return filter(links.contains(Column(CodingKeys.id)))
    }

    public func isOverdue(on date: LocalDate) -> Bool { state.isActive && (dueDate.map { $0 < date } ?? false) }
}

extension DerivableRequest<CaseRecord> {
    public func filter(resident id: Int64) -> Self { filter(CaseRecord.Columns.residentID == id) }
    public func filter(rule: String) -> Self { filter(CaseRecord.Columns.rule == rule) }
    /// Cases with work still to do (open, in progress or waiting).
    public func active() -> Self { filter(CaseState.allCases.filter(\.isActive).contains(CaseRecord.Columns.state)) }
}

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
        public static let caseType = Column(CodingKeys.caseType)
        public static let assignee = Column(CodingKeys.assignee)
        public static let team = Column(CodingKeys.team)
        public static let openedAt = Column(CodingKeys.openedAt)
        public static let resolvedAt = Column(CodingKeys.resolvedAt)
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

/// The workload figures. Each states the active states as text spelled from `CaseState`: the
/// partial indexes on active cases (009_case_stats.sql) serve a query only when it states their
/// condition literally, and a bound value would make every figure scan the table.
extension CaseRecord {
    private static let activeCondition =
        "state IN (" + CaseState.allCases.filter(\.isActive).map { "'\($0.rawValue)'" }.joined(separator: ",") + ")"

    /// Active cases per value of `column` (nil for none).
    public static func activeCounts(by column: Column, in db: Database) throws -> [(value: String?, count: Int)] {
        // Grouping by the bare column (not an expression) lets SQLite walk the partial index.
        try Row.fetchAll(db, sql: "SELECT \(column.name) AS k, count(*) AS n FROM cases WHERE \(activeCondition) GROUP BY \(column.name)")
            .map { ($0["k"], $0["n"]) }
    }

    /// Active cases, only those due before `date` when given.
    public static func activeCount(dueBefore date: LocalDate? = nil, in db: Database) throws -> Int {
        guard let date else { return try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE \(activeCondition)") ?? 0 }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE \(activeCondition) AND due_date < ?", arguments: [date]) ?? 0
    }

    /// When the active case at `offset` in order of opening was opened.
    public static func activeOpenedAt(offset: Int, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT opened_at FROM cases WHERE \(activeCondition) ORDER BY opened_at LIMIT 1 OFFSET ?",
                            arguments: [offset])
    }

    /// Cases whose `column` (a moment) falls from `start` (included) to `end` (excluded): one
    /// index range count.
    public static func count(_ column: Column, from start: LocalDate, to end: LocalDate, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE \(column.name) >= ? AND \(column.name) < ?",
                         arguments: [start, end]) ?? 0
    }

    /// Cases opened at or after `since`, per type and team (`(none)` for no team), by type then team.
    public static func openedCounts(since: String, in db: Database) throws -> [(type: String, team: String, count: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT case_type, coalesce(team, '(none)') AS team, count(*) AS n FROM cases WHERE opened_at >= ?
            GROUP BY case_type, team ORDER BY case_type, team
            """, arguments: [since]).map { ($0["case_type"], $0["team"], $0["n"]) }
    }
}

extension CaseRecord {
    /// Which cases a queue lists; each field left nil or false selects them all.
    public struct QueueFilter: Sendable {
        /// A person who sees only their team's cases and their own: the team and their login.
        public var onlyFor: (team: String?, login: String)?
        public var assignee: String?
        public var team: String?
        public var type: CaseType?
        public var states: [CaseState]?
        /// Active cases due before this day.
        public var overdueOn: LocalDate?
        public var residentID: Int64?
        public var district: DistrictCode?
        public var limit: Int

        public init(limit: Int) { self.limit = limit }
    }

    /// A case in a queue with the name of its person, if it has one.
    public struct Queued: FetchableRecord, Sendable {
        public var record: CaseRecord
        public var personName: String?

        public init(row: Row) throws {
            record = try CaseRecord(row: row)
            personName = row["person_name"]
        }
    }

    /// The queue `filter` selects, most pressing first: by priority, then due date (none last).
    public static func queue(_ filter: QueueFilter, in db: Database) throws -> [Queued] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let only = filter.onlyFor {
            conditions.append("(c.team IS ? OR c.assignee = ?)")
            arguments += [only.team, only.login]
        }
        if let assignee = filter.assignee {
            conditions.append("c.assignee = ?")
            arguments += [assignee]
        }
        if let team = filter.team {
            conditions.append("c.team = ?")
            arguments += [team]
        }
        if let type = filter.type {
            conditions.append("c.case_type = ?")
            arguments += [type]
        }
        if let states = filter.states, !states.isEmpty {
            conditions.append("c.state IN (" + states.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += StatementArguments(states)
        }
        if let day = filter.overdueOn {
            conditions.append("c.\(activeCondition) AND c.due_date < ?")
            arguments += [day]
        }
        if let resident = filter.residentID {
            conditions.append("c.resident_id = ?")
            arguments += [resident]
        }
        if let district = filter.district {
            conditions.append("r.district_code = ?")
            arguments += [district]
        }
        return try Queued.fetchAll(db, sql: """
            SELECT c.*, r.name_latin AS person_name, r.person_id AS person_ref FROM cases c
            LEFT JOIN resident r ON r.id = c.resident_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY c.priority, c.due_date IS NULL, c.due_date, c.id LIMIT ?
            """, arguments: arguments + [filter.limit])
    }
}

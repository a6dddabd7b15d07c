import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// Case work at the counter and in the back office: open, find, take, note, move, resolve,
/// reopen. Every read and change is audited. Caseworkers and clerks see their team's cases and
/// the ones assigned to them; supervisors and administrators see all; analysts see counts only.
public struct CaseService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Opens a case by hand for a resident.
    public func open(_ draft: CaseDraft, by staff: StaffMember) throws -> CaseRecord {
        try context.perform(.caseWork, by: staff, action: .caseOpen, entity: .cases) { db, audit in
            let resident = try ResidentWrites.fetch(draft.resident, in: db)
            let today = context.clock.today
            var record = CaseRecord(
                caseType: draft.type, residentID: resident.id, state: .open, priority: draft.priority,
                assignee: draft.assignToSelf ? staff.login : nil,
                team: draft.team ?? staff.team ?? context.settings.team(forDistrict: resident.districtCode),
                dueDate: draft.dueDate ?? today.adding(days: 14), title: draft.title, cause: draft.note ?? draft.title,
                openedAt: "", openedBy: "", updatedAt: "")
            if draft.assignToSelf { record.state = .inProgress }
            try CaseWrites.open(&record, links: [], note: draft.note, by: staff.login, at: context.clock.timestamp(), in: db)
            audit.residentIDs = [resident.id!]
            audit.detail = "case=\(record.id!) type=\(record.caseType)"
            return record
        }
    }

    public func list(_ filter: CaseFilter, by staff: StaffMember) throws -> [CaseSummary] {
        try context.performRead(.caseRead, by: staff, action: .caseList, entity: .cases, rows: { $0.count }) { db, audit in
            var queue = CaseRecord.QueueFilter(limit: filter.limit)
            if !staff.seesAllCases { queue.onlyFor = (staff.team, staff.login) }
            if filter.mine { queue.assignee = staff.login }
            queue.team = filter.team
            queue.type = filter.type
            queue.states = filter.states
            if filter.overdue { queue.overdueOn = context.clock.today }
            if let person = filter.person { queue.residentID = try ResidentWrites.fetch(person, in: db).id! }
            queue.district = filter.district
            let summaries = try CaseRecord.queue(queue, in: db).map { CaseSummary(record: $0.record, personName: $0.personName) }
            audit.residentIDs = summaries.compactMap(\.record.residentID)
            audit.detail = filter.description
            return summaries
        }
    }

    public func show(_ id: Int64, by staff: StaffMember) throws -> CaseDetail {
        try context.performRead(.caseRead, by: staff, action: .caseShow, entity: .cases) { db, audit in
            let record = try Self.fetch(id, visibleTo: staff, in: db)
            let resident = try record.residentID.flatMap { try ResidentRecord.fetchOne(db, key: $0) }
            let events = try CaseEventRecord.filter(Column("case_id") == id).order(Column("id")).fetchAll(db)
            let links = try CaseLinkRecord.filter(Column("case_id") == id).fetchAll(db)
            let others = try record.residentID.map {
                try CaseRecord.filter(Column("resident_id") == $0 && Column("id") != id).order(Column("id")).fetchAll(db)
            } ?? []
            audit.residentIDs = record.residentID.map { [$0] } ?? []
            audit.detail = "case=\(id)"
            return CaseDetail(record: record, resident: resident, events: events, links: links, otherCases: others)
        }
    }

    /// Gives the case to `login` (a supervisor's call), or to oneself with `take`.
    public func assign(_ id: Int64, to login: String, note: String? = nil, by staff: StaffMember) throws -> CaseRecord {
        let permission: Permission = login == staff.login ? .caseWork : .caseAssign
        return try context.perform(permission, by: staff, action: login == staff.login ? .caseTake : .caseAssign, entity: .cases) { db, audit in
            let record = try Self.fetch(id, visibleTo: staff, in: db)
            guard let assignee = try StaffRecord.fetchOne(db, key: login), assignee.active else {
                throw ServiceError.usage("\(login) is not active staff; cases go to staff only.")
            }
            guard record.state.isActive else {
                throw ServiceError.conflict("Case \(id) is \(record.state.rawValue); reopen it before assigning it.")
            }
            var updated = record
            updated.assignee = login
            if updated.team == nil { updated.team = assignee.team }
            if record.state == .open { updated.state = .inProgress }
            try CaseWrites.change(from: record, to: &updated, kind: .assigned, from: record.assignee, to: login, note: note,
                                  by: staff.login, at: context.clock.timestamp(), in: db)
            audit.residentIDs = record.residentID.map { [$0] } ?? []
            audit.detail = "case=\(id) assignee=\(login)"
            return updated
        }
    }

    public func note(_ id: Int64, text: String, by staff: StaffMember) throws -> CaseRecord {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServiceError.usage("A note needs some text.")
        }
        return try context.perform(.caseWork, by: staff, action: .caseNote, entity: .cases) { db, audit in
            let record = try Self.fetch(id, visibleTo: staff, in: db)
            try CaseWrites.note(record, text: text, by: staff.login, at: context.clock.timestamp(), in: db)
            audit.residentIDs = record.residentID.map { [$0] } ?? []
            audit.detail = "case=\(id)"
            return record
        }
    }

    /// Moves along the workflow (IN_PROGRESS, WAITING, CLOSED); resolving and reopening have their own verbs.
    public func move(_ id: Int64, to target: CaseState, note: String?, by staff: StaffMember) throws -> CaseRecord {
        guard target != .resolved else { throw ServiceError.usage("Use `case resolve` with an outcome to resolve a case.") }
        guard target != .open else { throw ServiceError.usage("Use `case reopen` to reopen a case.") }
        return try transition(id, to: target, outcome: nil, note: note, action: .caseMove, by: staff)
    }

    public func resolve(_ id: Int64, outcome: CaseOutcome, note: String?, by staff: StaffMember) throws -> CaseRecord {
        try transition(id, to: .resolved, outcome: outcome, note: note, action: .caseResolve, by: staff)
    }

    public func reopen(_ id: Int64, note: String, by staff: StaffMember) throws -> CaseRecord {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServiceError.usage("Say why the case is reopened (--note).")
        }
        return try transition(id, to: .open, outcome: nil, note: note, action: .caseReopen, by: staff)
    }

    private func transition(_ id: Int64, to target: CaseState, outcome: CaseOutcome?, note: String?, action: AuditAction,
                            by staff: StaffMember) throws -> CaseRecord {
        try context.perform(.caseWork, by: staff, action: action, entity: .cases) { db, audit in
            let record = try Self.fetch(id, visibleTo: staff, in: db)
            let updated = try CaseWrites.move(record, to: target, outcome: outcome, note: note, by: staff.login,
                                              at: context.clock.timestamp(), in: db)
            if target == .resolved, record.caseType == .identityReview {
                try IdentityReviewRecord.resolve(linkedTo: id, as: EntityKind.identityReview.rawValue, in: db)
            }
            audit.residentIDs = record.residentID.map { [$0] } ?? []
            audit.detail = "case=\(id) \(record.state.rawValue)->\(updated.state.rawValue)"
            return updated
        }
    }

    /// Counts only: open per type and assignee, overdue, median age, opened and closed per week.
    /// Staff who work cases see every figure; an analyst, the figures after suppression.
    public func stats(by staff: StaffMember) throws -> CaseStats {
        let worksCases = staff.may(.caseRead)
        return try context.performRead(worksCases ? .caseRead : .aggregateReport, by: staff, action: .caseStats, entity: .cases) { db, _ in
            let stats = try CaseStats.compute(today: context.clock.today, in: db)
            return worksCases ? stats : stats.withheld(minimum: context.settings.suppressionMinimum)
        }
    }

    /// Counts only: the cases opened since `since` (an ISO 8601 timestamp, as cases record it)
    /// by type and team, for the morning summary of the nightly job.
    public func opened(since: String, by staff: StaffMember) throws -> NewCaseCounts {
        let permission: Permission = staff.may(.caseRead) ? .caseRead : .aggregateReport
        return try context.performRead(permission, by: staff, action: .caseOpened, entity: .cases) { db, audit in
            let counts = try NewCaseCounts.compute(since: since, in: db)
            audit.detail = "since=\(since) new=\(counts.total)"
            return counts
        }
    }

    static func fetch(_ id: Int64, visibleTo staff: StaffMember, in db: Database) throws -> CaseRecord {
        guard let record = try CaseRecord.fetchOne(db, key: id) else { throw ServiceError.notFound("No case \(id).") }
        guard staff.seesAllCases || record.team == staff.team || record.assignee == staff.login else {
            throw ServiceError.refused("Case \(id) belongs to team \(record.team ?? "(none)"); \(staff.login) works for team \(staff.team ?? "(none)").")
        }
        return record
    }
}

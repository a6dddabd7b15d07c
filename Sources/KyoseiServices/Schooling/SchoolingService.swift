import Foundation
import GRDB
import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// The MEXT classification of compulsory-age children, a person's schooling, and staff
/// confirmations from home visits.
public struct SchoolingService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Every compulsory-age child as of `asOf` (default today), optionally of one class or district.
    public func children(asOf: LocalDate? = nil, mextClass: MextClass? = nil, district: String? = nil,
                         by staff: StaffMember) throws -> [ChildSchooling] {
        let date = asOf ?? context.clock.today
        return try context.performRead(.residentRead, by: staff, action: .schoolList, entity: .schoolTermRow, rows: { $0.count }) { db, audit in
            let children = try SchoolingCensus(asOf: date).children(in: db).filter {
                (mextClass == nil || $0.mextClass == mextClass) && (district == nil || $0.district == district)
            }
            audit.residentIDs = children.map(\.residentID)
            audit.detail = "as_of=\(date) class=\(mextClass?.rawValue ?? "all") district=\(district ?? "all") rows=\(children.count)"
            return children
        }
    }

    public func status(_ ref: ResidentRef, asOf: LocalDate? = nil, by staff: StaffMember) throws -> SchoolStatus {
        let date = asOf ?? context.clock.today
        return try context.performRead(.residentRead, by: staff, action: .schoolStatus, entity: .schoolTermRow) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let id = resident.id!
            let terms = try SchoolTermRowRecord.all().filter(resident: id).fetchAll(db).map(SchoolTermEntry.init)
            let confirmation = try SchoolConfirmationRecord.all().filter(resident: id).fetchOne(db).map {
                "\($0.outcome.rawValue) on \($0.confirmedAt.prefix(10)) by \($0.confirmedBy): \($0.note)"
            }
            audit.residentIDs = [id]
            return SchoolStatus(
                reference: resident.reference, nameLatin: resident.nameLatin,
                child: try SchoolingCensus(asOf: date).children(in: db, residentID: id).first,
                terms: terms, lastConfirmation: confirmation)
        }
    }

    /// Records what a home visit found. It counts until a roster applied after it lists the child.
    public func confirm(_ ref: ResidentRef, outcome: HomeVisitOutcome, note: String,
                        by staff: StaffMember) throws -> ChildSchooling? {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ServiceError.usage("A confirmation needs a note saying what the visit found.") }
        let timestamp = context.clock.timestamp()
        let today = context.clock.today
        return try context.perform(.schoolConfirm, by: staff, action: .schoolConfirm, entity: .schoolConfirmation) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let id = resident.id!
            let lastFile = try IntakeFileRecord.all().filter(kind: .school).select(max(Column("id")), as: Int64.self).fetchOne(db)
            var confirmation = SchoolConfirmationRecord(residentID: id, outcome: outcome, note: trimmed, afterFileID: lastFile,
                                                        confirmedAt: timestamp, confirmedBy: staff.login)
            try confirmation.insert(db)
            audit.residentIDs = [id]
            audit.detail = "outcome=\(outcome.rawValue)"
            return try SchoolingCensus(asOf: today).children(in: db, residentID: id).first
        }
    }

    /// The MEXT table's counts per group and school level; no child leaves the service.
    public func figures(asOf: LocalDate? = nil, by dimension: SchoolingDimension,
                        staff: StaffMember) throws -> [String: [SchoolLevel: SchoolingCounts]] {
        let date = asOf ?? context.clock.today
        return try context.performRead(.aggregateReport, by: staff, action: .reportSchooling, entity: .schoolTermRow) { db, audit in
            var groups: [String: [SchoolLevel: SchoolingCounts]] = [:]
            for child in try SchoolingCensus(asOf: date).children(in: db) {
                let level = SchoolLevel(expectedGrade: child.expectedGrade)
                var counts = groups[dimension.label(for: child), default: [:]][level, default: SchoolingCounts()]
                if child.registerState.isInRegister {
                    counts.headCount += 1
                    if child.mextClass == .departed { counts.departedInRegister += 1 }
                }
                counts.classes[child.mextClass, default: 0] += 1
                groups[dimension.label(for: child), default: [:]][level] = counts
            }
            audit.detail = "as_of=\(date) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }
}

import GRDB
import KyoseiDomain
import KyoseiStore

/// What the night found that needs a person: residents who left the register, stays about
/// to expire, identity matches nobody may decide alone, and rows set aside. Until the cases
/// issue lands this is a report; each part becomes a case type then.
public struct AttentionService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func report(since: String?, by staff: StaffMember) throws -> AttentionReport {
        try context.performRead(.residentRead, by: staff, action: .syncAttention, entity: .resident) { db, audit in
            let today = context.clock.today
            let until = today.adding(days: context.settings.stayExpiryWindowDays)
            let left = try RegisterAttention.leftRegister(since: since, in: db)
            let expiring = try RegisterAttention.stayExpiring(from: today, to: until, in: db)
            let reviews = try IdentityReviewRecord.all().waiting().fetchAll(db)
            let openRejects = try RejectRecord.all().filter(state: .open).fetchCount(db)
            audit.residentIDs = left.map { $0.id! } + expiring.map { $0.id! } + reviews.map(\.residentID)
            audit.detail = "left=\(left.count) expiring=\(expiring.count) reviews=\(reviews.count) rejects=\(openRejects)"
            return AttentionReport(
                asOf: today, windowDays: context.settings.stayExpiryWindowDays, leftRegister: left, stayExpiring: expiring,
                identityReviews: reviews, openRejects: openRejects)
        }
    }
}

public struct AttentionReport: Sendable {
    public let asOf: LocalDate
    public let windowDays: Int
    public let leftRegister: [ResidentRecord]
    public let stayExpiring: [ResidentRecord]
    public let identityReviews: [IdentityReviewRecord]
    public let openRejects: Int
}

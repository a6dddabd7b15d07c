import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiStore

/// The review desk: every identity review, whatever source raised it, listed, shown beside its
/// candidates, and decided. A decision updates the source's link (`ReviewLinks`) so later files
/// keep it, resolves the review's IDENTITY_REVIEW case, and is audited in the same transaction.
/// Clerks read reviews; caseworkers, supervisors and administrators decide (`identity.decide`).
public struct IdentityReviewDesk: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The open reviews (or every review, with `decided`), oldest first.
    public func list(source: ReviewSource?, decided: Bool = false, limit: Int = 500,
                     by staff: StaffMember) throws -> [IdentityReviewRecord] {
        try context.performRead(.residentRead, by: staff, action: .reviewList, entity: .identityReview, rows: { $0.count }) { db, audit in
            var request = IdentityReviewRecord.all()
            if let source { request = request.filter(Column("source") == source.rawValue) }
            if !decided { request = request.filter(Column("state") == ReviewState.open) }
            let reviews = try request.order(Column("id")).limit(limit).fetchAll(db)
            audit.residentIDs = reviews.map(\.residentID)
            audit.detail = "source=\(source?.rawValue ?? "all") reviews=\(reviews.count)"
            return reviews
        }
    }

    public func show(_ id: ReviewID, by staff: StaffMember) throws -> ReviewDetail {
        try context.performRead(.residentRead, by: staff, action: .reviewShow, entity: .identityReview) { db, audit in
            let review = try Self.fetch(id, in: db)
            let incoming = try ReviewPerson.incoming(review, in: db)
            let stored = try review.explanation.map { try JSONDecoder().decode(MatchExplanation.self, from: Data($0.utf8)) }
            let residents = try ResidentRecord.fetchAll(db, keys: review.candidates)
            let candidates = try review.candidates.compactMap { c in residents.first { $0.id == c } }.map {
                try ReviewCandidate.load($0, for: incoming, stored: stored, review: id.number, in: db)
            }
            audit.residentIDs = [review.residentID] + review.candidates
            audit.detail = "review=\(id)"
            return ReviewDetail(review: review, incoming: incoming, candidates: candidates, parameters: stored?.parameters)
        }
    }

    /// The incoming person is `resident`: the source's link points at them from now on.
    public func link(_ id: ReviewID, resident ref: ResidentRef, note: String?,
                     by staff: StaffMember) throws -> IdentityReviewRecord {
        try decide(id, .linked, note: note, action: .reviewLink, by: staff) { review, db in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let changed = try ReviewLinks.link(review.source, subject: review.subjectID ?? "", raisedOn: review.residentID,
                                               to: resident.id!, stamp: stamp(review, note, staff), in: db)
            return (resident.id!, changed)
        }
    }

    /// The incoming person is none of the candidates: nothing is linked, and later files do not
    /// attach them to these candidates automatically.
    public func reject(_ id: ReviewID, note: String, by staff: StaffMember) throws -> IdentityReviewRecord {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServiceError.usage("Say why none of the candidates is this person (--note).")
        }
        return try decide(id, .rejected, note: note, action: .reviewReject, by: staff) { review, db in
            try ReviewLinks.reject(review.source, subject: review.subjectID ?? "", stamp: stamp(review, note, staff), in: db)
            return (nil, "none of \(review.candidateIDs)")
        }
    }

    /// `coverage link MEMBER`: the insurance member's review decided as `review link`, or, for a
    /// member no review asked about, the member linked all the same.
    public func linkMember(_ member: Int64, resident ref: ResidentRef, note: String?,
                           by staff: StaffMember) throws -> IdentityReviewRecord? {
        try Self.check(note)
        let review = try context.database.writer.read { db in
            try IdentityReviewRecord.filter(Column("subject_entity") == "insurance_member" && Column("subject_id") == String(member))
                .order(Column("id").desc).fetchOne(db)
        }
        if let id = review?.reviewID, review?.state == .open { return try link(id, resident: ref, note: note, by: staff) }
        try context.perform(.identityDecide, by: staff, action: .reviewLink, entity: .insuranceMember) { db, audit in
            guard try InsuranceMemberRecord.exists(db, key: member) else {
                throw ServiceError.notFound("No insurance member \(member).")
            }
            let resident = try ResidentWrites.fetch(ref, in: db)
            audit.residentIDs = [resident.id!]
            let stamp = HistoryStamp(login: staff.login, timestamp: context.clock.timestamp(),
                                          source: ChangeSource(.staffEdit, reference: "coverage link", reason: note))
            audit.detail = try ReviewLinks.link(.insurance, subject: String(member), raisedOn: resident.id!, to: resident.id!, stamp: stamp, in: db)
                + " resident=\(resident.reference)"
        }
        return nil
    }

    private func stamp(_ review: IdentityReviewRecord, _ note: String?, _ staff: StaffMember) -> HistoryStamp {
        HistoryStamp(login: staff.login, timestamp: context.clock.timestamp(),
                          source: ChangeSource(.staffEdit, reference: "review R\(review.id!)", reason: note))
    }

    static let longestNote = 2_000

    /// A decision's note goes into the case's history and the audit detail: as long as the API
    /// document allows (2,000 characters, counted as it counts them), no longer.
    private static func check(_ note: String?) throws {
        if let note, note.unicodeScalars.count > longestNote {
            throw ServiceError.invalid(ValidationError(
                field: "note", value: String(note.prefix(40)) + "…", reason: "must be at most \(longestNote) characters"))
        }
    }

    private func decide(_ id: ReviewID, _ decision: ReviewDecision, note: String?, action: AuditAction, by staff: StaffMember,
                        _ apply: @escaping (IdentityReviewRecord, Database) throws -> (Int64?, String)) throws -> IdentityReviewRecord {
        try Self.check(note)
        return try context.perform(.identityDecide, by: staff, action: action, entity: .identityReview) { db, audit in
            var review = try Self.fetch(id, in: db)
            guard review.state == .open else {
                throw ServiceError.conflict("Review \(id) was already decided (\(review.decision?.rawValue ?? review.state.rawValue)).")
            }
            let (linked, changed) = try apply(review, db)
            let timestamp = context.clock.timestamp()
            review.state = .resolved
            review.decision = decision
            review.linkedResidentID = linked
            review.decidedBy = staff.login
            review.decidedAt = timestamp
            review.decisionNote = note
            try review.update(db)
            let closed = try Self.resolveCases(of: review, note: note, by: staff.login, at: timestamp, in: db)
            audit.residentIDs = Array(Set([review.residentID] + review.candidates + (linked.map { [$0] } ?? []))).sorted()
            audit.detail = "review=\(id) source=\(review.source.rawValue) \(decision.rawValue) \(changed)"
                + (linked.map { " resident=K\($0)" } ?? "") + " cases=\(closed)"
            return review
        }
    }

    /// Resolves the review's active IDENTITY_REVIEW cases (settled: a person decided it).
    private static func resolveCases(of review: IdentityReviewRecord, note: String?, by login: String, at timestamp: String,
                                     in db: Database) throws -> Int {
        let cases = try CaseRecord.raised(by: EntityKind.identityReview.rawValue, String(review.id!)).fetchAll(db)
        var closed = 0
        for record in cases where record.state.canMove(to: .resolved) {
            let what = review.decision == .linked ? "linked to K\(review.linkedResidentID ?? 0)" : "none of \(review.candidateIDs)"
            _ = try CaseWrites.move(record, to: .resolved, outcome: .settled,
                                    note: "Review \(review.reviewID!) decided at the review desk: \(what)." + (note.map { " \($0)" } ?? ""),
                                    by: login, at: timestamp, in: db)
            closed += 1
        }
        return closed
    }

    static func fetch(_ id: ReviewID, in db: Database) throws -> IdentityReviewRecord {
        guard let review = try IdentityReviewRecord.fetchOne(db, key: id.number) else {
            throw ServiceError.notFound("No identity review \(id).")
        }
        return review
    }
}

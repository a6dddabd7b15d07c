import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiStore

/// The one writer of identity reviews. Every source that names people (register walk-ins,
/// insurance and school rosters, employment notifications) hands the questions its resolver
/// could not settle here, inside the import's transaction, so every review carries its source,
/// its stable id and the comparison that sent it to a person, and the IDENTITY_REVIEW rule and
/// the review desk see one kind of row whatever asked.
struct IdentityReviewWriter {
    let source: ReviewSource
    let timestamp: String
    /// Subjects asked about already, in any state, and their latest review: a later file that
    /// still cannot decide adds no second review (one query per file, not one per row).
    private var asked: [String: ReviewID] = [:]
    /// Candidates a person refused, per subject: the resolver never attaches the subject to them again.
    private(set) var refused: [String: Set<Int64>] = [:]

    init(source: ReviewSource, timestamp: String, in db: Database) throws {
        self.source = source
        self.timestamp = timestamp
        guard let entity = source.subjectEntity else { return }
        for review in try IdentityReviewRecord.asked(about: entity).fetchAll(db) {
            let subject = review.subjectID!
            asked[subject] = review.reviewID
            if review.decision == .rejected { refused[subject, default: []].formUnion(review.candidates) }
        }
    }

    /// Raises the question unless its subject was asked about before; returns the review that
    /// asks it, new or earlier, for the match report.
    @discardableResult
    mutating func raise(_ question: IdentityQuestion, in db: Database) throws -> ReviewID? {
        if let subject = question.subjectID, let earlier = asked[subject] { return earlier }
        var review = IdentityReviewRecord(
            residentID: question.residentID, candidateIDs: question.candidates.map { "K\($0)" }.joined(separator: ","),
            reason: question.reason, sourceRef: question.sourceRef, createdAt: timestamp,
            subjectEntity: source.subjectEntity, subjectID: question.subjectID, source: source,
            subjectKey: question.subjectKey, explanation: try question.explanation?.json())
        try review.insertCached(db)
        if let subject = question.subjectID { asked[subject] = review.reviewID }
        return review.reviewID
    }
}

import GRDB
import KyoseiDomain
import KyoseiStore

/// An incoming person (a register row, a roster's member or student, an employment
/// notification) the identity resolver could not settle: no link was made, and a person
/// decides at the review desk (`review link`, `review reject`), which also resolves the case.
/// Resolving the case closes the review.
struct IdentityReviewRule: CaseRule {
    let name = "IDENTITY_REVIEW"
    let caseType = CaseType.identityReview

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try Row.fetchCursor(db, sql: """
            SELECT v.id, v.resident_id, v.candidate_ids, v.reason, v.source_ref, r.district_code
            FROM identity_review v JOIN resident r ON r.id = v.resident_id WHERE v.state = 'OPEN'
            """).forEach { row in
            let id: Int64 = row["id"]
            let candidates: String = row["candidate_ids"]
            let review = "R\(id)"
            try found(RuleFinding(
                residentID: row["resident_id"], cause: "review:\(id)", title: "Review \(review): is this person also \(candidates)?",
                detail: "\(row["reason"] as String) (\(row["source_ref"] as String)); decide with `kyosei review show \(review)`", priority: .high,
                dueDate: asOf.adding(days: 7), district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) },
                links: [(.identityReview, String(id))] + candidates.split(separator: ",").map { (.resident, String($0)) }))
        }
    }
}

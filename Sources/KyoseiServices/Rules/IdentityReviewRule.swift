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
        try IdentityReviewRecord.open(in: db).forEach { asked in
            let id = asked.id
            let candidates = asked.candidateIDs
            let review = "R\(id)"
            try found(RuleFinding(
                residentID: asked.residentID, cause: "review:\(id)", title: "Review \(review): is this person also \(candidates)?",
                detail: "\(asked.reason) (\(asked.sourceRef)); decide with `kyosei review show \(review)`", priority: .high,
                dueDate: asOf.adding(days: 7), district: asked.districtCode.flatMap { try? DistrictCode($0) },
                links: [(.identityReview, String(id))] + candidates.split(separator: ",").map { (.resident, String($0)) }))
        }
    }
}

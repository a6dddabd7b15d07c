import GRDB
import KyoseiIdentity
import KyoseiStore

/// One resident a review might be, with the comparison a reviewer weighs (each field's level
/// and weight) and what else already points at them.
public struct ReviewCandidate: Sendable {
    public let resident: ResidentRecord
    public let person: ReviewPerson
    /// The comparison the resolver decided with when the review kept it, else the incoming
    /// person compared with this resident alone now; nil when the resolver's blocks would not
    /// bring this resident in at all (a birth date far off and no card).
    public let comparison: CandidateComparison?
    /// The resident's other links: roster members, students, notifications, other open reviews.
    public let otherLinks: [String]

    static func load(_ resident: ResidentRecord, for incoming: ReviewPerson, stored: MatchExplanation?,
                     review: Int64, in db: Database) throws -> ReviewCandidate {
        let id = resident.id!
        let person = ReviewPerson(resident)
        let kept = [stored?.best, stored?.runnerUp].compactMap { $0 }.first { $0.residentID == id }
        return ReviewCandidate(resident: resident, person: person, comparison: kept ?? compare(incoming, with: person, id: id),
                               otherLinks: try otherLinks(of: id, besides: review, in: db))
    }

    private static func compare(_ incoming: ReviewPerson, with candidate: ReviewPerson, id: Int64) -> CandidateComparison? {
        let index = IdentityIndex()
        index.add(candidate.person.record(id: id))
        return index.match(incoming.person.query).explanation.best
    }

    private static func otherLinks(of id: Int64, besides review: Int64, in db: Database) throws -> [String] {
        let pattern = "%K\(id),%"
        return try String.fetchAll(db, sql: """
            SELECT scheme || ' member ' || member_number || ' of ' || source || ' (' || match_outcome || ')'
              FROM insurance_member WHERE resident_id = ?1
            UNION ALL
            SELECT 'school ' || school_code || ' student ' || student_number || ' (' || match_outcome || ')'
              FROM school_student WHERE resident_id = ?1
            UNION ALL
            SELECT DISTINCT 'employment at ' || employer_id || ' (card ' || residence_card_number || ')'
              FROM employment_notification WHERE resident_id = ?1
            UNION ALL
            SELECT 'open review R' || id FROM identity_review
              WHERE state = 'OPEN' AND id <> ?2 AND (resident_id = ?1 OR candidate_ids || ',' LIKE ?3)
            """, arguments: [id, review, pattern])
    }
}

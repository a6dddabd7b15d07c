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
                               otherLinks: try ResidentLinks.described(of: id, besides: review, in: db))
    }

    private static func compare(_ incoming: ReviewPerson, with candidate: ReviewPerson, id: Int64) -> CandidateComparison? {
        let index = IdentityIndex()
        index.add(candidate.person.record(id: id))
        return index.match(incoming.person.query).explanation.best
    }
}

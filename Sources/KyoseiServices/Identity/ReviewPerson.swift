import GRDB
import KyoseiDomain
import KyoseiStore

/// One side of an identity review as a reviewer compares it, field by field: the incoming
/// person as their source wrote them, or a candidate resident as Kyosei holds them.
public struct ReviewPerson: Sendable {
    /// What this is, in the source's words: `NHI member M000123 of CITY`, `K12`.
    public let label: String
    public let person: IncomingPerson

    init(_ resident: ResidentRecord) {
        label = resident.reference
        person = IncomingPerson(resident)
    }

    init(label: String, _ person: IncomingPerson) {
        self.label = label
        self.person = person
    }

    /// The person the review asks about, read from its source's row.
    static func incoming(_ review: IdentityReviewRecord, in db: Database) throws -> ReviewPerson {
        let subject = review.subjectID ?? ""
        func row(_ sql: String) throws -> Row {
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [subject]) else {
                throw ServiceError.notFound("Review \(review.reviewID.map(String.init(describing:)) ?? "?") asks about a row that is no longer there.")
            }
            return row
        }
        switch review.source {
        case .register, .attendance:
            guard let resident = try ResidentRecord.fetchOne(db, key: review.residentID) else {
                throw ServiceError.notFound("No resident K\(review.residentID).")
            }
            return ReviewPerson(resident)
        case .insurance:
            let r = try row("SELECT * FROM insurance_member WHERE id = ?")
            return ReviewPerson(
                label: "\(r["scheme"] as String) member \(r["member_number"] as String) of \(r["source"] as String)",
                IncomingPerson(nameLatin: nil, nameKana: r["name_kana"], birthDate: r["birth_date"], sex: r["sex"], nationality: nil,
                               cardNumber: r["residence_card_number"]))
        case .school:
            let r = try row("SELECT * FROM school_student WHERE id = ?")
            return ReviewPerson(
                label: "school \(r["school_code"] as String) student \(r["student_number"] as String)",
                IncomingPerson(nameLatin: r["name_latin"], nameKana: r["name_kana"], birthDate: r["birth_date"], sex: r["sex"],
                               nationality: nil, cardNumber: r["residence_card_number"]))
        case .employment:
            let r = try row("SELECT * FROM employment_notification WHERE id = ?")
            return ReviewPerson(
                label: "notification \(subject) from employer \(r["employer_id"] as String)",
                IncomingPerson(nameLatin: r["name_latin"], nameKana: nil, birthDate: r["birth_date"], sex: r["sex"],
                               nationality: r["nationality"], cardNumber: r["residence_card_number"]))
        }
    }
}

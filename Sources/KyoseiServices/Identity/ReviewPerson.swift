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
        func row<Record: FetchableRecord & TableRecord>(_ type: Record.Type) throws -> Record {
            guard let row = try Record.fetchOne(db, key: subject) else {
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
            let member = try row(InsuranceMemberRecord.self)
            return ReviewPerson(
                label: "\(member.scheme.rawValue) member \(member.memberNumber) of \(member.source)",
                IncomingPerson(nameLatin: nil, nameKana: member.nameKana, birthDate: member.birthDate, sex: member.sex,
                               nationality: nil, cardNumber: member.residenceCardNumber))
        case .school:
            let student = try row(SchoolStudentRecord.self)
            return ReviewPerson(
                label: "school \(student.schoolCode) student \(student.studentNumber)",
                IncomingPerson(nameLatin: student.nameLatin, nameKana: student.nameKana, birthDate: student.birthDate,
                               sex: student.sex, nationality: nil, cardNumber: student.residenceCardNumber))
        case .employment:
            let notification = try row(EmploymentNotificationRecord.self)
            return ReviewPerson(
                label: "notification \(subject) from employer \(notification.employerID)",
                IncomingPerson(nameLatin: notification.nameLatin, nameKana: nil, birthDate: notification.birthDate,
                               sex: notification.sex, nationality: notification.nationality,
                               cardNumber: notification.residenceCardNumber))
        }
    }
}

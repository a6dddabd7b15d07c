import GRDB
import KyoseiDomain

/// A resident the language referral rule may refer to a course: who, their district, and the
/// date the cause counts from (moved in, born), as stored. Each query reads the register at once
/// and leaves out people who already hold a seat that answers the cause.
public struct ReferralCandidate: Decodable, FetchableRecord, Sendable, Equatable {
    public var id: Int64
    public var districtCode: String?
    public var residentSince: String?
    public var birthDate: String?

    enum CodingKeys: String, CodingKey {
        case id
        case districtCode = "district_code"
        case residentSince = "resident_since"
        case birthDate = "birth_date"
    }

    /// Registered people who moved in within the dates, born by `bornBy`, with no seat in an
    /// orientation course.
    public static func newcomers(movedInFrom first: LocalDate, to last: LocalDate, bornBy: LocalDate,
                                 in db: Database) throws -> RecordCursor<ReferralCandidate> {
        try fetchCursor(db, sql: """
            SELECT r.id, r.district_code, r.resident_since FROM resident r
            WHERE r.register_state = ? AND r.resident_since BETWEEN ? AND ? AND r.birth_date <= ?
              AND NOT EXISTS (SELECT 1 FROM course_seat s JOIN course c ON c.id = s.course_id
                              WHERE s.resident_id = r.id AND s.state = ? AND c.kind = ?)
            """, arguments: [RegisterState.registered, first, last, bornBy, CourseSeatRecord.State.enrolled.rawValue,
                             CourseKind.orientation.rawValue])
    }

    /// Registered people born within the dates (text, both included), with no seat in a
    /// pre-school Japanese course.
    public static func children(bornFrom first: String, to last: String, in db: Database) throws -> RecordCursor<ReferralCandidate> {
        try fetchCursor(db, sql: """
            SELECT r.id, r.district_code, r.birth_date FROM resident r
            WHERE r.register_state = ? AND r.birth_date BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM course_seat s JOIN course c ON c.id = s.course_id
                              WHERE s.resident_id = r.id AND s.state = ? AND c.kind = ?)
            """, arguments: [RegisterState.registered, first, last, CourseSeatRecord.State.enrolled.rawValue,
                             CourseKind.preSchool.rawValue])
    }

    /// People registered or served though unregistered, born by `bornBy`, whose latest
    /// assessment is `level`, with no seat in a course running on `date`.
    public static func assessed(_ level: LanguageLevel, bornBy: LocalDate, notSeatedOn date: LocalDate,
                                in db: Database) throws -> RecordCursor<ReferralCandidate> {
        try fetchCursor(db, sql: """
            SELECT r.id, r.district_code FROM language_assessment a JOIN resident r ON r.id = a.resident_id
            WHERE a.level = ? AND a.id = (SELECT x.id FROM language_assessment x WHERE x.resident_id = a.resident_id
                                          ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1)
              AND r.register_state IN (?, ?) AND r.birth_date <= ?
              AND NOT EXISTS (SELECT 1 FROM course_seat s JOIN course c ON c.id = s.course_id
                              WHERE s.resident_id = r.id AND s.state = ? AND c.ends_on >= ?)
            """, arguments: [level.rawValue, RegisterState.registered, RegisterState.unregisteredServed, bornBy,
                             CourseSeatRecord.State.enrolled.rawValue, date])
    }
}

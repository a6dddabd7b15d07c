import GRDB
import KyoseiDomain

/// A resident a case rule found in the register, with the columns its case quotes: the date the
/// cause counts from (a stay's expiry, when they left the register) and their status, as stored.
public struct RuleSubject: Decodable, FetchableRecord, Sendable, Equatable {
    public var id: Int64
    public var districtCode: String?
    public var date: String?
    public var statusOfResidence: String?

    enum CodingKeys: String, CodingKey {
        case id, date
        case districtCode = "district_code"
        case statusOfResidence = "status_of_residence"
    }

    /// People in the register (registered or abroad) whose stay expires from `first` to `last`,
    /// both included; `date` is the expiry.
    public static func expiringStays(from first: LocalDate, to last: LocalDate, in db: Database) throws -> RecordCursor<RuleSubject> {
        try fetchCursor(db, sql: """
            SELECT id, stay_expiry_date AS date, status_of_residence, district_code FROM resident
            WHERE register_state IN (?, ?) AND stay_expiry_date BETWEEN ? AND ?
            """, arguments: [RegisterState.registered, RegisterState.abroad, first, last])
    }

    /// People a register snapshot no longer lists; `date` is when the history last recorded it.
    public static func leftRegister(in db: Database) throws -> RecordCursor<RuleSubject> {
        try fetchCursor(db, sql: """
            SELECT r.id, r.district_code,
                   (SELECT max(h.changed_at) FROM history h WHERE h.resident_id = r.id AND h.field = ?1
                    AND h.new_value = ?2) AS date
            FROM resident r WHERE r.register_state = ?2
            """, arguments: ["register_state", RegisterState.leftRegister])
    }
}

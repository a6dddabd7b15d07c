import GRDB
import KyoseiDomain

/// A resident as the schooling census reads them: who they are in the register and, when the
/// register moved them out, the moment it last did (a child who left during the school year
/// still counts, as departed).
public struct SchoolAgeResident: Decodable, FetchableRecord, Sendable, Equatable {
    public var id: Int64
    public var personID: PersonID?
    public var nationality: Nationality
    public var districtCode: String?
    public var registerState: RegisterState
    public var birthDate: LocalDate
    /// When the history last recorded a move out, as stored (a timestamp).
    public var movedOutAt: String?

    enum CodingKeys: String, CodingKey {
        case id, nationality
        case personID = "person_id"
        case districtCode = "district_code"
        case registerState = "register_state"
        case birthDate = "birth_date"
        case movedOutAt = "moved_out_at"
    }

    /// Residents in the register (registered or abroad) or moved out, born between the two dates
    /// (both included), or only `resident` when given. One set query: the census reads every
    /// compulsory-age child at once.
    public static func fetchAll(bornFrom oldest: LocalDate, to youngest: LocalDate, resident: Int64? = nil,
                                in db: Database) throws -> [SchoolAgeResident] {
        let states: [RegisterState] = [.registered, .abroad, .movedOut]
        var arguments: StatementArguments = ["register_state", RegisterState.movedOut, oldest, youngest]
        arguments += StatementArguments(states)
        var only = ""
        if let resident {
            only = " AND r.id = ?"
            arguments += [resident]
        }
        return try fetchAll(db, sql: """
            SELECT r.id, r.person_id, r.nationality, r.district_code, r.register_state, r.birth_date,
                   (SELECT max(h.changed_at) FROM history h WHERE h.resident_id = r.id AND h.field = ?
                    AND h.new_value = ?) AS moved_out_at
            FROM resident r
            WHERE r.birth_date BETWEEN ? AND ? AND r.register_state IN (?, ?, ?)\(only)
            """, arguments: arguments)
    }
}

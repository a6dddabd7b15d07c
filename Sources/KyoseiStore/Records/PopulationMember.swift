import GRDB
import KyoseiDomain

/// A resident as the population figures count them: the columns they group by, as stored.
public struct PopulationMember: Decodable, FetchableRecord, Sendable, Equatable {
    public var registerState: String
    public var nationality: String
    public var statusOfResidence: String?
    public var districtCode: String?
    public var birthDate: String

    enum CodingKeys: String, CodingKey {
        case nationality
        case registerState = "register_state"
        case statusOfResidence = "status_of_residence"
        case districtCode = "district_code"
        case birthDate = "birth_date"
    }

    /// Residents living in the city by `date` (or with no date of arrival), unregistered people
    /// served left out; only those in the register (registered or abroad) when `inRegister`.
    public static func all(asOf date: LocalDate, inRegister: Bool, in db: Database) throws -> RecordCursor<PopulationMember> {
        var sql = """
            SELECT register_state, nationality, status_of_residence, district_code, birth_date FROM resident
            WHERE (resident_since IS NULL OR resident_since <= ?) AND register_state <> ?
            """
        var arguments: StatementArguments = [date, RegisterState.unregisteredServed]
        if inRegister {
            sql += " AND register_state IN (?, ?)"
            arguments += [RegisterState.registered, RegisterState.abroad]
        }
        return try fetchCursor(db, sql: sql, arguments: arguments)
    }
}

import GRDB
import KyoseiDomain
import KyoseiStore

/// The resident population as counts per group, for the population report and the Alliance
/// export; aggregates only, so it needs the aggregate-report permission and no more.
public struct PopulationService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Residents per group on `asOf`: registered (or abroad with a re-entry permit) and resident
    /// since on or before that date; by register state, every record resident by then.
    public func figures(asOf: LocalDate? = nil, by dimension: PopulationDimension, staff: StaffMember) throws -> [String: Int] {
        let date = asOf ?? context.clock.today
        return try context.performRead(.aggregateReport, by: staff, action: .reportPopulation, entity: .resident) { db, audit in
            var sql = """
                SELECT register_state, nationality, status_of_residence, district_code, birth_date FROM resident
                WHERE (resident_since IS NULL OR resident_since <= ?) AND register_state <> 'UNREGISTERED_SERVED'
                """
            if dimension != .registerState { sql += " AND register_state IN ('REGISTERED','ABROAD')" }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [date.description])
            var groups: [String: Int] = [:]
            while let row = try rows.next() {
                let label: String
                switch dimension {
                case .nationality: label = row["nationality"]
                case .status: label = row["status_of_residence"] ?? "(none)"
                case .district: label = row["district_code"] ?? "(none)"
                case .registerState: label = row["register_state"]
                case .ageBand:
                    guard let birth = try? LocalDate(row["birth_date"] as String) else { continue }
                    label = AgeBand.label(age: birth.age(on: date))
                }
                groups[label, default: 0] += 1
            }
            audit.detail = "as_of=\(date) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }
}

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
            let members = try PopulationMember.all(asOf: date, inRegister: dimension != .registerState, in: db)
            var groups: [String: Int] = [:]
            while let member = try members.next() {
                let label: String
                switch dimension {
                case .nationality: label = member.nationality
                case .status: label = member.statusOfResidence ?? "(none)"
                case .district: label = member.districtCode ?? "(none)"
                case .registerState: label = member.registerState
                case .ageBand:
                guard let birth = try? LocalDate(member.birthDate) else { continue }
                    label = AgeBand.label(age: birth.age(on: date))
                }
                groups[label, default: 0] += 1
            }
            audit.detail = "as_of=\(date) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }
}

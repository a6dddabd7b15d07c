import GRDB
import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// Social-insurance coverage: one person's enrollments and obligations, the list of gaps the
/// city should act on, and the aggregate figures (no person in them) for reports.
public struct CoverageService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func show(_ ref: ResidentRef, asOf: LocalDate? = nil, by staff: StaffMember) throws -> PersonCoverage {
        let date = asOf ?? context.clock.today
        return try context.performRead(.residentRead, by: staff, action: .coverageShow, entity: .enrollment) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let enrollments = try EnrollmentRecord.filter(Column("resident_id") == resident.id!)
                .order(Column("scheme"), Column("enrolled_from")).fetchAll(db)
            var standing: CoverageCalculator.Standing?
            try CoverageCalculator(settings: context.settings, date: date).forEachStanding(residents: [resident.id!], in: db) {
                standing = $0
            }
            audit.residentIDs = [resident.id!]
            return PersonCoverage(resident: resident, asOf: date, enrollments: enrollments, obligations: standing?.obligations ?? [:],
                                  exemptions: standing?.exemptions ?? [:])
        }
    }

    /// Registered residents under an obligation that no active enrollment meets: a list of
    /// people across the city, so a bulk export that needs `export.personal`.
    public func gaps(asOf: LocalDate? = nil, obligation: CoverageObligation? = nil, limit: Int? = nil,
                     by staff: StaffMember) throws -> [CoverageGap] {
        let date = asOf ?? context.clock.today
        return try context.performRead(.personalExport, by: staff, action: .coverageGaps, entity: .enrollment) { db, audit in
            var ids: [(Int64, CoverageObligation)] = []
            try CoverageCalculator(settings: context.settings, date: date).forEachStanding(in: db) { standing in
                for (o, covered) in standing.obligations where !covered && (obligation == nil || o == obligation) {
                    if limit.map({ ids.count < $0 }) ?? true { ids.append((standing.residentID, o)) }
                }
            }
            let gaps = try ids.map { id, o in
                CoverageGap(resident: try ResidentRecord.fetchOne(db, key: id)!, obligation: o)
            }
            audit.residentIDs = gaps.map { $0.resident.id! }
            audit.detail = "as_of=\(date) obligation=\(obligation?.rawValue ?? "all") gaps=\(gaps.count)"
            return gaps
        }
    }

    /// The coverage report as it leaves the city, from the counts by nationality when cut by
    /// nationality or region: those two are withheld as one pattern with the other cut.
    static func table(asOf date: LocalDate, by dimension: CoverageDimension, groups: [String: [CoverageObligationKey: CoverageCounts]],
                      obligations: [CoverageObligationKey], minimum: Int, earlier: EarlierTables) -> ReportTable {
        func title(_ d: CoverageDimension) -> String { "Social-insurance coverage by \(d.rawValue), as of \(date)" }
        guard dimension == .nationality || dimension == .region else {
            return CoverageTable.build(title: title(dimension), groupedBy: dimension.rawValue, groups: groups, obligations: obligations,
                                       minimum: minimum, earlier: earlier)
        }
        let tables = CoverageTable.buildByOrigin(
            titles: (title(.nationality), title(.region)), byNationality: groups, regionOf: { WorldRegion(code: $0).rawValue },
            obligations: obligations, minimum: minimum, earlier: earlier)
        return dimension == .region ? tables.region : tables.nationality
    }

    /// Counts per group and obligation for the coverage report; aggregates only.
    public func figures(asOf: LocalDate? = nil, by dimension: CoverageDimension, staff: StaffMember)
        throws -> [String: [CoverageObligationKey: CoverageCounts]] {
        let date = asOf ?? context.clock.today
        return try context.performRead(.aggregateReport, by: staff, action: .reportCoverage, entity: .enrollment) { db, audit in
            var groups: [String: [CoverageObligationKey: CoverageCounts]] = [:]
            try CoverageCalculator(settings: context.settings, date: date).forEachStanding(in: db) { standing in
                let label = dimension.label(for: standing, on: date)
                for (o, covered) in standing.obligations {
                    let key = CoverageObligationKey(rawValue: o.rawValue)!
                    groups[label, default: [:]][key, default: CoverageCounts(obligated: 0, covered: 0)]
                        = (groups[label]?[key] ?? CoverageCounts(obligated: 0, covered: 0)) + CoverageCounts(obligated: 1, covered: covered ? 1 : 0)
                }
            }
            audit.detail = "as_of=\(date) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }
}

/// What the coverage report is cut by.
public enum CoverageDimension: String, Sendable, CaseIterable {
    case nationality, region, status, ageBand = "age-band", district

    func label(for standing: CoverageCalculator.Standing, on date: LocalDate) -> String {
        switch self {
        case .nationality: return standing.nationality.rawValue
        case .region: return WorldRegion(standing.nationality).rawValue
        case .status: return standing.status?.rawValue ?? "(none)"
        case .district: return standing.district?.rawValue ?? "(none)"
        case .ageBand: return AgeBand.label(age: standing.birthDate.age(on: date))
        }
    }
}

public struct PersonCoverage: Sendable {
    public let resident: ResidentRecord
    public let asOf: LocalDate
    public let enrollments: [EnrollmentRecord]
    public let obligations: [CoverageObligation: Bool]
    /// Obligations the person's age would bring that an exclusion or agreement lifts, with the reason.
    public let exemptions: [CoverageObligation: String]
}

public struct CoverageGap: Sendable {
    public let resident: ResidentRecord
    public let obligation: CoverageObligation
}

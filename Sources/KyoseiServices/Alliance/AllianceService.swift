import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// The city's side of the Alliance: the aggregate file it sends for a period, and the merge the
/// Alliance office runs over every city's file. Both need the aggregate-report permission only:
/// nothing in them names a person.
public struct AllianceService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Population, coverage and schooling as of the period's last day (or today, if the period
    /// is not over), employment and language courses over the period; all by nationality,
    /// suppressed as the city's own reports are.
    public func export(period: ReportPeriod, staff: StaffMember) throws -> AllianceFile {
        let asOf = min(period.last, context.clock.today)
        let minimum = context.settings.suppressionMinimum
        let population = try PopulationService(context: context).figures(asOf: asOf, by: .nationality, staff: staff)
        let coverage = try CoverageService(context: context).figures(asOf: asOf, by: .nationality, staff: staff)
        let employment = try EmploymentService(context: context).figures(period: period, by: .nationality, staff: staff)
        let schooling = try SchoolingService(context: context).figures(asOf: asOf, by: .nationality, staff: staff)
        let language = try LanguageReportService(context: context).figures(period: period, by: .nationality, staff: staff)
        // Each table is suppressed against the tables of its report published before it and
        // recorded as published, all five in one transaction (see `ReportService.publish`).
        // Coverage by nationality is withheld as the city's reports by nationality and by region are.
        return try context.perform(.aggregateReport, by: staff, action: .alliancePublish, entity: .reportPublication) { db, audit in
            func suppressed(_ counts: GroupedCounts, _ kind: AllianceTableKind) throws -> CountTable {
                let (first, last) = kind == .employment || kind == .language ? (period.first, period.last) : (asOf, asOf)
                let ledger = PublicationLedger(db: db, kind: ReportPublicationRecord.Kind(rawValue: kind.rawValue)!)
                return try ledger.publish(cut: "nationality", first: first, last: last, at: context.clock.timestamp(), by: staff.login) {
                    let (table, rows) = Suppression.publishedCountTable(
                        CountTable(counts), columns: kind.columns, relations: kind.relations, minimum: minimum,
                        coarseOf: kind == .coverage ? { WorldRegion(code: $0).rawValue } : nil, earlier: $0)
                    return (table, counts.measures, rows)
                }.value
            }
            audit.detail = "period=\(period)"
            return try AllianceFile(
            municipalityCode: context.settings.municipalityCode.rawValue, municipalities: nil, period: period.description,
            firstDay: period.first.description, lastDay: period.last.description, generatedAt: context.clock.timestamp(),
            tables: AllianceFile.Tables(
                population: suppressed(PopulationTable.counts(groupedBy: "nationality", groups: population), .population),
                coverage: suppressed(CoverageTable.counts(
                    groupedBy: "nationality", groups: coverage, obligations: CoverageObligationKey.alliance), .coverage),
                employment: suppressed(EmploymentTable.counts(groupedBy: "nationality", groups: employment), .employment),
                schooling: suppressed(SchoolingTable.counts(groupedBy: "nationality", groups: schooling), .schooling),
                language: suppressed(LanguageTable.counts(groupedBy: "nationality", groups: language), .language)))
        }
    }

    /// Adds the cities' files together; a set that cannot be added is refused whole.
    public func merge(_ files: [(name: String, file: AllianceFile)], staff: StaffMember) throws -> AllianceFile {
        try context.performRead(.aggregateReport, by: staff, action: .allianceMerge, entity: .allianceFile) { _, audit in
            audit.detail = "files=\(files.count)"
            do {
                return try AllianceMerger.merge(
                    files, minimum: context.settings.suppressionMinimum, generatedAt: context.clock.timestamp())
            } catch let error as AllianceMergeError {
                throw ServiceError.dataRefused(error.description)
            }
        }
    }
}

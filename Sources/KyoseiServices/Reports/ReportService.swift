import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// Builds every aggregate report as it leaves the city: the counts from the area's service,
/// then the one table model and the one suppression step, at the minimum in the server's
/// settings. It lives here, not in a client, because the suppression minimum is city policy:
/// nothing a caller sends can lower it.
public struct ReportService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The report `kind` grouped `by` (its first grouping when nil), as of `asOf` (population,
    /// coverage, schooling) or for `period` (employment, language).
    public func table(_ kind: ReportKind, by grouping: String?, asOf: LocalDate?, period: String?,
                      staff: StaffMember) throws -> ReportTable {
        let by = grouping ?? kind.groupings[0]
        guard kind.groupings.contains(by) else {
            throw ServiceError.invalid(ValidationError(
                field: "by", value: by, reason: "must be \(kind.groupings.joined(separator: ", ")) for the \(kind.rawValue) report"))
        }
        if kind.isForAPeriod && asOf != nil {
            throw ServiceError.usage("The \(kind.rawValue) report counts a period; give a period, not an as-of date.")
        }
        if !kind.isForAPeriod && period != nil {
            throw ServiceError.usage("The \(kind.rawValue) report counts on a date; give an as-of date, not a period.")
        }
        let minimum = context.settings.suppressionMinimum
        let today = context.clock.today
        switch kind {
        case .population:
            let date = asOf ?? today
            let groups = try PopulationService(context: context).figures(asOf: date, by: PopulationDimension(rawValue: by)!, staff: staff)
            return try publish(kind, cut: by, first: date, last: date, staff: staff) { earlier in
                PopulationTable.build(title: "Foreign residents by \(by), as of \(date)", groupedBy: by, groups: groups, minimum: minimum,
                                      earlier: earlier)
            }
        case .coverage:
            let date = asOf ?? today
            let dimension = CoverageDimension(rawValue: by)!
            let byOrigin = dimension == .nationality || dimension == .region
            let groups = try CoverageService(context: context).figures(asOf: date, by: byOrigin ? .nationality : dimension, staff: staff)
            return try publish(kind, cut: by, first: date, last: date, staff: staff) { earlier in
                CoverageService.table(asOf: date, by: dimension, groups: groups, obligations: CoverageObligationKey.allCases,
                                      minimum: minimum, earlier: earlier)
            }
        case .employment:
            let reportPeriod = try ReportPeriod(period ?? String(today.year))
            let groups = try EmploymentService(context: context).figures(
                period: reportPeriod, by: EmploymentDimension(rawValue: by)!, staff: staff)
            return try publish(kind, cut: by, first: reportPeriod.first, last: reportPeriod.last, staff: staff) { earlier in
                EmploymentTable.build(
                    title: "Employment reports by \(by), \(reportPeriod.first) to \(reportPeriod.last)",
                    groupedBy: by, groups: groups, minimum: minimum, earlier: earlier)
            }
        case .schooling:
            let date = asOf ?? today
            let groups = try SchoolingService(context: context).figures(asOf: date, by: SchoolingDimension(rawValue: by)!, staff: staff)
            return try publish(kind, cut: by, first: date, last: date, staff: staff) { earlier in
                SchoolingTable.build(
                    title: "Compulsory-age foreign children's schooling by \(by), as of \(date)",
                    groupedBy: by, groups: groups, minimum: minimum, earlier: earlier)
            }
        case .language:
            let service = LanguageReportService(context: context)
            let reportPeriod = try period.map { try ReportPeriod($0) } ?? service.currentFiscalYear()
            let groups = try service.figures(period: reportPeriod, by: LanguageDimension(rawValue: by)!, staff: staff)
            return try publish(kind, cut: by, first: reportPeriod.first, last: reportPeriod.last, staff: staff) { earlier in
                LanguageTable.build(
                    title: "Language courses by \(by), \(reportPeriod.first) to \(reportPeriod.last)",
                    groupedBy: by, groups: groups, minimum: minimum,
                    completionPercent: context.settings.languageCompletionPercent, earlier: earlier)
            }
        }
    }

    /// Suppresses the table against every table of the same report published before it about
    /// some of the same people, and records it as published, in one write transaction: two
    /// reports asked at once are checked one after the other, each against the other.
    private func publish(_ kind: ReportKind, cut: String, first: LocalDate, last: LocalDate, staff: StaffMember,
                         build: (EarlierTables) -> ReportTable) throws -> ReportTable {
        try context.perform(.aggregateReport, by: staff, action: .reportPublish, entity: .reportPublication) { db, audit in
            let ledger = PublicationLedger(db: db, kind: ReportPublicationRecord.Kind(rawValue: kind.rawValue)!)
            let published = try ledger.publish(cut: cut, first: first, last: last, at: context.clock.timestamp(), by: staff.login) {
                let table = build($0)
                return (table, table.layout?.measures ?? [], table.published)
            }
            audit.detail = "kind=\(kind.rawValue) by=\(cut) first=\(first) last=\(last) earlier=\(published.earlier)"
                + (published.recorded ? "" : " as_before")
            return published.value
        }
    }
}

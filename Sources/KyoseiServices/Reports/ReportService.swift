import KyoseiDomain
import KyoseiReports

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
            let dimension = PopulationDimension(rawValue: by)!
            let groups = try PopulationService(context: context).figures(asOf: asOf, by: dimension, staff: staff)
            return PopulationTable.build(
                title: "Foreign residents by \(by), as of \(asOf ?? today)", groupedBy: by, groups: groups, minimum: minimum)
        case .coverage:
            return try CoverageService(context: context).table(
                asOf: asOf, by: CoverageDimension(rawValue: by)!, obligations: CoverageObligationKey.allCases, staff: staff)
        case .employment:
            let reportPeriod = try ReportPeriod(period ?? String(today.year))
            let groups = try EmploymentService(context: context).figures(
                period: reportPeriod, by: EmploymentDimension(rawValue: by)!, staff: staff)
            return EmploymentTable.build(
                title: "Employment reports by \(by), \(reportPeriod.first) to \(reportPeriod.last)",
                groupedBy: by, groups: groups, minimum: minimum)
        case .schooling:
            let groups = try SchoolingService(context: context).figures(
                asOf: asOf, by: SchoolingDimension(rawValue: by)!, staff: staff)
            return SchoolingTable.build(
                title: "Compulsory-age foreign children's schooling by \(by), as of \(asOf ?? today)",
                groupedBy: by, groups: groups, minimum: minimum)
        case .language:
            let service = LanguageReportService(context: context)
            let reportPeriod = try period.map { try ReportPeriod($0) } ?? service.currentFiscalYear()
            let groups = try service.figures(period: reportPeriod, by: LanguageDimension(rawValue: by)!, staff: staff)
            return LanguageTable.build(
                title: "Language courses by \(by), \(reportPeriod.first) to \(reportPeriod.last)",
                groupedBy: by, groups: groups, minimum: minimum,
                completionPercent: context.settings.languageCompletionPercent)
        }
    }
}

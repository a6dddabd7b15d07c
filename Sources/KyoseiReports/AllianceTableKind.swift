/// The tables of an Alliance file, each with the columns its suppression is worked out on, so a
/// city's export and the Alliance merge withhold by the same rules.
public enum AllianceTableKind: String, Sendable, CaseIterable {
    case population, coverage, employment, schooling, language

    public var columns: [ReportColumn] {
        switch self {
        case .population: PopulationTable.columns
        case .coverage: CoverageTable.columns(CoverageObligationKey.alliance)
        case .employment: EmploymentTable.reportColumns
        case .schooling: SchoolingTable.reportColumns
        case .language: LanguageTable.reportColumns
        }
    }

    /// The sums that hold in every group of the table.
    public var relations: [RowRelation] {
        switch self {
        case .employment: EmploymentTable.relations
        case .schooling: SchoolingTable.relations
        case .population, .coverage, .language: []
        }
    }
}

/// The aggregate reports that leave the city, each with the groupings it may be cut by (the
/// first is its default). One list, so the API, the CLI's help and the checks agree.
public enum ReportKind: String, Sendable, CaseIterable {
    case population, coverage, employment, schooling, language

    /// Employment and language count what happened over a period; the others count on a date.
    public var isForAPeriod: Bool { self == .employment || self == .language }

    public var groupings: [String] {
        switch self {
        case .population: PopulationDimension.allCases.map(\.rawValue)
        case .coverage: CoverageDimension.allCases.map(\.rawValue)
        case .employment: EmploymentDimension.allCases.map(\.rawValue)
        case .schooling: SchoolingDimension.allCases.map(\.rawValue)
        case .language: LanguageDimension.allCases.map(\.rawValue)
        }
    }
}

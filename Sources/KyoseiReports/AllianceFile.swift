/// The aggregate file a city sends the Alliance, and the Alliance-level file a merge makes from
/// several: counts only, already suppressed, nothing that names a person. Versioned so a city
/// on an older Kyosei is refused at the merge rather than added up wrong.
public struct AllianceFile: Sendable, Equatable, Codable {
    /// Raised whenever a field is added, removed or changes meaning; README documents each.
    public static let currentSchemaVersion = 2

    /// A table for each of the Alliance's standing requests (where people live and work,
    /// insurance, schooling, Japanese-language training), each cut by nationality so cities line
    /// up row for row.
    public struct Tables: Sendable, Equatable, Codable {
        public var population: CountTable
        public var coverage: CountTable
        public var employment: CountTable
        public var schooling: CountTable
        public var language: CountTable

        public init(population: CountTable, coverage: CountTable, employment: CountTable, schooling: CountTable, language: CountTable) {
            self.population = population
            self.coverage = coverage
            self.employment = employment
            self.schooling = schooling
            self.language = language
        }

        subscript(kind: AllianceTableKind) -> CountTable {
            get {
                switch kind {
                case .population: population
                case .coverage: coverage
                case .employment: employment
                case .schooling: schooling
                case .language: language
                }
            }
            set {
                switch kind {
                case .population: population = newValue
                case .coverage: coverage = newValue
                case .employment: employment = newValue
                case .schooling: schooling = newValue
                case .language: language = newValue
                }
            }
        }
    }

    public var schemaVersion: Int
    /// The sending city (a city's file).
    public var municipalityCode: String?
    /// The cities added together (a merged file).
    public var municipalities: [String]?
    /// As given: `2026-11`, `2026-Q4` or `FY2026`.
    public var period: String
    public var firstDay: String
    public var lastDay: String
    public var generatedAt: String
    public var tables: Tables

    public init(municipalityCode: String?, municipalities: [String]?, period: String, firstDay: String, lastDay: String,
                generatedAt: String, tables: Tables) {
        schemaVersion = Self.currentSchemaVersion
        self.municipalityCode = municipalityCode
        self.municipalities = municipalities
        self.period = period
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.generatedAt = generatedAt
        self.tables = tables
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", municipalityCode = "municipality_code", municipalities, period
        case firstDay = "first_day", lastDay = "last_day", generatedAt = "generated_at", tables
    }
}

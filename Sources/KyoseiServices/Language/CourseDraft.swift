import KyoseiDomain

/// A course as staff describe it before it exists; the initialiser checks what a course must be.
public struct CourseDraft: Sendable, Equatable {
    public var kind: CourseKind
    public var level: LanguageLevel
    public var title: String
    public var provider: String
    public var venue: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var capacity: Int
    /// ISO 639-1 codes of the languages the course supports besides Japanese (`pt`, `vi`).
    public var supportLanguages: [String]

    public init(kind: CourseKind, level: LanguageLevel, title: String?, provider: String = "", venue: String = "",
                startsOn: LocalDate, endsOn: LocalDate, capacity: Int, supportLanguages: [String] = []) throws {
        guard capacity > 0 else {
            throw ValidationError(field: "capacity", value: String(capacity), reason: "must be at least 1")
        }
        guard startsOn <= endsOn else {
            throw ValidationError(field: "end date", value: endsOn.description, reason: "is before the start date \(startsOn)")
        }
        for code in supportLanguages where !(code.utf8.count == 2 && code.utf8.allSatisfy { (97...122).contains($0) }) {
            throw ValidationError(field: "support language", value: code, reason: "must be a two-letter lower-case ISO 639-1 code such as pt or vi")
        }
        self.kind = kind
        self.level = level
        self.title = title.flatMap { $0.isEmpty ? nil : $0 } ?? "\(kind.rawValue) \(level.rawValue) \(startsOn)"
        self.provider = provider
        self.venue = venue
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.capacity = capacity
        self.supportLanguages = supportLanguages
    }
}

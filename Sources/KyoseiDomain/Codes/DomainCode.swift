/// A closed table of codes from `codes.md` or `formats.md`. One parser for all of them, so
/// every bad code gets the same kind of message listing what is allowed.
public protocol DomainCode: RawRepresentable, CaseIterable, Hashable, Codable, Sendable, CustomStringConvertible
where RawValue == String {
    static var fieldName: String { get }
}

extension DomainCode {
    /// Inlinable, so that a file's reader gets a copy made for each code type rather than one
    /// that looks up the type's generic metadata for every field it reads.
    @inlinable public init(code text: String) throws {
        guard let value = Self(rawValue: text) else { throw Self.unknown(text) }
        self = value
    }

    @usableFromInline static func unknown(_ text: String) -> ValidationError {
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        return ValidationError(field: fieldName, value: text, reason: "must be one of \(allowed)")
    }

    /// The command-line spelling: any case, with `-` for `_` (`pre-school`, `not-enrolled`, `a1`).
    public init(option text: String) throws {
        try self.init(code: String(text.uppercased().map { $0 == "-" ? "_" : $0 }))
    }

    public var description: String { rawValue }
}

/// Registration category under the Basic Resident Register Act, art. 30-45.
public enum ResidentCategory: String, DomainCode {
    public static let fieldName = "resident category"
    case midLongTerm = "MID_LONG_TERM"
    case specialPermanent = "SPECIAL_PERMANENT"
    case temporaryRefuge = "TEMPORARY_REFUGE"
    case provisionalStay = "PROVISIONAL_STAY"
    case birthTransitional = "BIRTH_TRANSITIONAL"
    case nationalityLossTransitional = "NATIONALITY_LOSS_TRANSITIONAL"

    /// Categories whose record must carry a residence card (or SPR certificate) number.
    public var requiresCardNumber: Bool { self == .midLongTerm || self == .specialPermanent }
    /// Only mid- to long-term residents hold a status of residence with a period of stay.
    public var requiresStatusOfResidence: Bool { self == .midLongTerm }
}

/// JIS X 0303 sex code. `0` (unknown) is accepted on input and kept as `9` (not stated).
public enum Sex: String, DomainCode {
    public static let fieldName = "sex"
    case male = "1"
    case female = "2"
    case notStated = "9"

    public init(code text: String) throws {
        if text == "0" {
            self = .notStated
            return
        }
        guard let value = Sex(rawValue: text) else {
            throw ValidationError(field: Self.fieldName, value: text, reason: "must be 1 (male), 2 (female), 9 (not stated) or 0 (unknown)")
        }
        self = value
    }
}

/// Relationship to the household head, as the register writes it.
public enum Relationship: String, DomainCode {
    public static let fieldName = "relationship"
    case head = "HEAD", spouse = "SPOUSE", child = "CHILD", parent = "PARENT", sibling = "SIBLING", other = "OTHER"
}

/// Insurance schemes and the obligation each one meets.
public enum InsuranceScheme: String, DomainCode {
    public static let fieldName = "scheme"
    case nhi = "NHI", ehi = "EHI", lateElderly = "LATE_ELDERLY", np = "NP", epi = "EPI", ei = "EI"

    public enum Branch: String, Sendable, CaseIterable { case health, pension, employment }

    public var branch: Branch {
        switch self {
        case .nhi, .ehi, .lateElderly: .health
        case .np, .epi: .pension
        case .ei: .employment
        }
    }
}

/// School types on the board of education's roster.
public enum SchoolType: String, DomainCode {
    public static let fieldName = "school type"
    case publicElementary = "PUBLIC_ELEMENTARY"
    case publicJuniorHigh = "PUBLIC_JUNIOR_HIGH"
    case privateCompulsory = "PRIVATE_COMPULSORY"
    case specialNeeds = "SPECIAL_NEEDS"
    case foreignSchool = "FOREIGN_SCHOOL"
    case internationalSchool = "INTERNATIONAL_SCHOOL"

    /// Counts as enrolment in a compulsory-education school in the MEXT survey.
    public var isCompulsoryEducation: Bool {
        switch self {
        case .publicElementary, .publicJuniorHigh, .privateCompulsory, .specialNeeds: true
        case .foreignSchool, .internationalSchool: false
        }
    }
}

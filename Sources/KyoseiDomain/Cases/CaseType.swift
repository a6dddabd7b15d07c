/// What a case is about. Open-ended on purpose: later areas (schooling, language, employment)
/// add their own types, so this is a validated code rather than a closed enum.
public struct CaseType: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public static let coverageGap = CaseType(unchecked: "COVERAGE_GAP")
    public static let schoolUnconfirmed = CaseType(unchecked: "SCHOOL_UNCONFIRMED")
    public static let longTermAbsence = CaseType(unchecked: "LONG_TERM_ABSENCE")
    public static let languageReferral = CaseType(unchecked: "LANGUAGE_REFERRAL")
    public static let employmentReportIssue = CaseType(unchecked: "EMPLOYMENT_REPORT_ISSUE")
    /// An employee whose job puts them in EHI/EPI, on NHI or in no health insurance on record.
    public static let employerInsuranceMissing = CaseType(unchecked: "EMPLOYER_INSURANCE_MISSING")
    public static let stayExpiring = CaseType(unchecked: "STAY_EXPIRING")
    public static let leftRegister = CaseType(unchecked: "LEFT_REGISTER")
    public static let identityReview = CaseType(unchecked: "IDENTITY_REVIEW")
    public static let general = CaseType(unchecked: "GENERAL")

    public static let known: [CaseType] = [
        .coverageGap, .schoolUnconfirmed, .longTermAbsence, .languageReferral, .employmentReportIssue, .employerInsuranceMissing, .stayExpiring,
        .leftRegister, .identityReview, .general,
    ]

    /// Upper-case letters, digits and underscores, starting with a letter, at most 40 characters.
    public init(_ text: String) throws {
        let scalars = Array(text.unicodeScalars)
        let valid = (1...40).contains(scalars.count) && ("A"..."Z").contains(scalars[0])
            && scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard valid else {
            throw ValidationError(
                field: "case type", value: text,
                reason: "must be upper-case letters, digits and underscores, such as " + Self.known.map(\.rawValue).joined(separator: ", "))
        }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }
    public static func < (a: CaseType, b: CaseType) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

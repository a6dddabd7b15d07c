/// The MEXT table reports elementary age (grades 1–6) and junior-high age (7–9) separately.
public enum SchoolLevel: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case elementary
    case juniorHigh = "junior-high"

    public init(expectedGrade: Int) { self = expectedGrade <= 6 ? .elementary : .juniorHigh }

    public var description: String { rawValue }
}

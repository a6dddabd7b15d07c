/// One line of a name comparison as a reviewer reads it: which roster part met which of the
/// resident's parts (by phonetic key; `+` where one side ran parts together), how alike they
/// are, and the log2 weight that contributed. A part one side has and the other lacks has nil
/// on the lacking side.
public struct PartWeight: Sendable, Equatable, Codable {
    public let query: String?
    public let resident: String?
    public let similarity: Double
    public let weight: Double
}

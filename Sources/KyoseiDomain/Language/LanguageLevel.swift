/// A level of the Japanese Language Education Reference Framework (A1–C2, aligned with the
/// CEFR). Ordered, so a placement can be compared with an exit assessment.
public enum LanguageLevel: String, DomainCode, Comparable {
    public static let fieldName = "level"
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: LanguageLevel, b: LanguageLevel) -> Bool { a.rank < b.rank }
}

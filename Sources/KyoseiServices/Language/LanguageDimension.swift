/// What the language report groups by.
public enum LanguageDimension: String, Sendable, CaseIterable {
    case kind, level, nationality
}

/// The spelling tradition a name is read in. The same Latin letters are heard differently by
/// language (JOSE is ジョゼ in Portuguese, ホセ in Spanish), so the katakana table is per language.
enum NameLanguage: String, Sendable, CaseIterable {
    case portuguese, spanish, filipino, vietnamese, chinese, korean, indonesian
    case southAsian, thai, english, burmese, japanese
}

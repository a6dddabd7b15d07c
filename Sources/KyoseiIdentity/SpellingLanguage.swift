import KyoseiDomain

/// The spelling tradition a Latin name is read in. The same letters are heard differently by
/// language (JOSE is ジョゼ in Portuguese, ホセ in Spanish; RODRIGO starts with ホ in Brazil),
/// and the resident's nationality is the best guess the register offers.
public enum SpellingLanguage: UInt8, Sendable, CaseIterable {
    case portuguese, spanish, filipino, vietnamese, chinese, korean, indonesian
    case southAsian, thai, english, burmese, japanese, generic
    case german, french, italian, polish

    public init(nationality: Nationality?) {
        switch nationality?.rawValue {
        case "BR", "PT", "AO", "MZ", "CV": self = .portuguese
        case "PE", "BO", "AR", "CO", "MX", "PY", "CL", "EC", "UY", "VE", "ES", "CU", "DO": self = .spanish
        case "PH": self = .filipino
        case "VN": self = .vietnamese
        case "CN", "TW", "HK", "SG": self = .chinese
        case "KR", "KP": self = .korean
        case "ID", "MY": self = .indonesian
        case "NP", "IN", "LK", "BD", "PK": self = .southAsian
        case "TH", "LA", "KH": self = .thai
        case "US", "GB", "AU", "CA", "NZ", "IE": self = .english
        case "MM": self = .burmese
        case "JP": self = .japanese
        case "DE", "AT", "CH", "LI": self = .german
        case "FR", "BE", "LU", "MC", "HT": self = .french
        case "IT", "SM": self = .italian
        case "PL": self = .polish
        default: self = .generic
        }
    }

    /// Whether a name of this tradition may be read by its English sound (MICHAEL as マイケル)
    /// besides its letters: English names, the Filipinos' English given names, and the European
    /// names a partner writes down as they heard them.
    var readsBySound: Bool {
        switch self {
        case .english, .filipino, .generic, .german, .french, .italian, .polish, .spanish, .portuguese: true
        default: false
        }
    }

    /// Words that bind to the surname after them (DA SILVA, DE LA CRUZ, VAN DYK): a partner may
    /// write them joined to it, apart, or not at all. Vietnamese VAN is a middle name, not one.
    var particles: Set<String> {
        switch self {
        case .portuguese, .spanish, .filipino, .english, .generic, .german, .french, .italian:
            ["DA", "DAS", "DO", "DOS", "DE", "DEL", "DELA", "DELOS", "LA", "LAS", "LOS", "VAN", "VON", "DI", "DU"]
        default:
            []
        }
    }
}

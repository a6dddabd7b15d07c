/// A person's name as the sample city knows it: the parts of the residence-card name in card
/// order (family name first), each with its katakana readings and, for Chinese and Korean
/// names, its kanji. Keeping the parts, not just the joined string, is what lets the partner
/// variants drop a second surname or put the given name first.
public struct SampleName: Sendable, Hashable {
    /// What a part of the name is; partner systems drop or move parts by role.
    public enum Role: Sendable, Hashable {
        case family
        /// A second surname (Brazilian, Peruvian): the part partner systems most often drop.
        case secondFamily
        case given
        /// A middle name: a second given name, a Vietnamese middle name, a Filipino mother's surname.
        case middle
    }

    /// How the register writes the katakana reading: `ダ・シルバ・サントス・ジョアン` or
    /// `ダシルバ サントス ジョアン`.
    public enum KanaStyle: Sendable, Hashable {
        case middleDots
        case spaces
    }

    public struct Token: Sendable, Hashable {
        public let latin: String
        /// Katakana readings, most common first.
        public let readings: [String]
        /// Which reading this person's register record uses.
        public let chosen: Int
        public let kanji: String?
        public let role: Role
        /// DA, DOS, DE, DELA, …: bound to the surname that follows.
        public let isParticle: Bool

        public var kana: String { readings[chosen] }
    }

    public var tokens: [Token]
    public var kanaStyle: KanaStyle
    /// Whether the register holds the kanji of a Chinese or Korean name.
    public var kanjiRegistered: Bool
    public var commonName: String?

    /// Upper-case ASCII, family name first, one string: `DA SILVA SANTOS JOAO CARLOS`.
    public var latin: String { tokens.map(\.latin).joined(separator: " ") }

    /// `王小明`, `金珉俊`; nil when the register holds no kanji for this person.
    public var kanji: String? {
        guard kanjiRegistered, tokens.allSatisfy({ $0.kanji != nil }) else { return nil }
        return tokens.compactMap(\.kanji).joined()
    }

    /// The reading in the register's own style.
    public var kana: String {
        switch kanaStyle {
        case .middleDots: tokens.map(\.kana).joined(separator: "・")
        case .spaces: Self.joinedWithParticles(tokens.map { ($0.kana, $0.isParticle) }, separator: " ")
        }
    }

    public var familyTokens: [Token] { tokens.filter { $0.role == .family || $0.role == .secondFamily } }

    /// Joins parts with a separator, gluing each particle to the part after it (`ダシルバ`).
    static func joinedWithParticles(_ parts: [(String, Bool)], separator: String) -> String {
        var text = ""
        var glue = true
        for (part, isParticle) in parts {
            if !glue { text += separator }
            text += part
            glue = isParticle
        }
        return text
    }
}

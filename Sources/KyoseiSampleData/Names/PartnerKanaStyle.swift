/// How a partner system (a pension or health-insurance roster, Hello Work, a school) writes a
/// resident's katakana name, as opposed to the register: half-width, ヴ written ブ, long vowels
/// dropped or spelled out, parts separated by a space or `・`, given name first, a second surname
/// or middle name left out, another common reading (ロドリゴ for the register's ホドリゴ).
/// The insurance-roster generator and the identity tests use it to make the names a matcher
/// must still recognise.
public struct PartnerKanaStyle: Sendable, Hashable {
    public enum Separator: Sendable, Hashable {
        case middleDot
        case space
        case ideographicSpace
    }

    /// What happens to ヴ and to バ-row kana written for a Latin V.
    public enum Vu: Sendable, Hashable {
        case asRegistered
        /// ヴァ → バ, ヴィ → ビ, ヴ → ブ, …
        case baRow
        /// バ → ヴァ where the Latin has a V (SILVA: シルバ → シルヴァ).
        case vuRow
    }

    public enum LongVowels: Sendable, Hashable {
        case asRegistered
        /// サトー → サト
        case dropped
        /// サトー → サトウ, ルー → ルウ: the mark spelled out as a vowel.
        case spelledOut
    }

    public var separator: Separator
    public var halfWidth: Bool
    public var givenNameFirst: Bool
    public var dropSecondSurname: Bool
    public var dropMiddleName: Bool
    /// `ダシルバ` rather than `ダ・シルバ`.
    public var joinParticles: Bool
    public var vu: Vu
    public var longVowels: LongVowels
    /// Use another common reading of each part where there is one.
    public var otherReading: Bool

    public init(separator: Separator = .space, halfWidth: Bool = false, givenNameFirst: Bool = false,
                dropSecondSurname: Bool = false, dropMiddleName: Bool = false, joinParticles: Bool = true,
                vu: Vu = .asRegistered, longVowels: LongVowels = .asRegistered, otherReading: Bool = false) {
        self.separator = separator
        self.halfWidth = halfWidth
        self.givenNameFirst = givenNameFirst
        self.dropSecondSurname = dropSecondSurname
        self.dropMiddleName = dropMiddleName
        self.joinParticles = joinParticles
        self.vu = vu
        self.longVowels = longVowels
        self.otherReading = otherReading
    }

    /// The register's own spelling with a space between parts.
    public static let plain = PartnerKanaStyle()

    /// A mix seen across real partner rosters, drawn deterministically from a seed: most names
    /// differ from the register in one or two ways, a few in many, some not at all.
    public static func random(seed: UInt64) -> PartnerKanaStyle {
        var rng = SplitMix64(seed: SplitMix64.finalize(seed ^ 0x5041_5254_4E45_5221))
        var style = PartnerKanaStyle()
        style.separator = rng.chance(0.55) ? .space : rng.chance(0.7) ? .middleDot : .ideographicSpace
        style.halfWidth = rng.chance(0.3)
        style.givenNameFirst = rng.chance(0.2)
        style.dropSecondSurname = rng.chance(0.35)
        style.dropMiddleName = rng.chance(0.3)
        style.joinParticles = rng.chance(0.7)
        style.vu = rng.chance(0.25) ? .baRow : rng.chance(0.1) ? .vuRow : .asRegistered
        style.longVowels = rng.chance(0.15) ? .dropped : rng.chance(0.1) ? .spelledOut : .asRegistered
        style.otherReading = rng.chance(0.25)
        return style
    }
}

extension SampleName {
    /// This name as a partner system with the given style writes it.
    public func partnerKana(_ style: PartnerKanaStyle) -> String {
        var kept = tokens.filter { token in
            !(style.dropSecondSurname && token.role == .secondFamily) && !(style.dropMiddleName && token.role == .middle)
        }
        if kept.allSatisfy(\.isParticle) { kept = tokens }
        if style.givenNameFirst {
            kept = kept.filter { $0.role == .given || $0.role == .middle }
                + kept.filter { $0.role == .family || $0.role == .secondFamily }
        }
        let parts = kept.map { token -> (String, Bool) in
            var kana = token.kana
            if style.otherReading, token.readings.count > 1 {
                kana = token.readings[(token.chosen + 1) % token.readings.count]
            }
            kana = KanaSpelling.vu(kana, latin: token.latin, style.vu)
            kana = KanaSpelling.longVowels(kana, style.longVowels)
            return (kana, token.isParticle && style.joinParticles)
        }
        let separator = switch style.separator {
        case .middleDot: "・"
        case .space: " "
        case .ideographicSpace: "\u{3000}"
        }
        let text = Self.joinedWithParticles(parts, separator: separator)
        return style.halfWidth ? HalfWidthKatakana.convert(text) : text
    }
}

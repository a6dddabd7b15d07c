import KyoseiDomain
import KyoseiIdentity
import Testing

/// The people issue 17 names as missed or sent to review although the birth date and sex
/// agree and nobody else is near: each must now be matched to its resident.
@Suite struct NamedExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let kana: String
        let latin: String
        let nationality: String
        var card = false
        var testDescription: String { "\(kana) ~ \(latin)" }
    }

    static let examples: [Example] = [
        Example(kana: "サントス パトリシアジュリアナ", latin: "SANTOS PATRICIA JULIANA", nationality: "BR"),
        Example(kana: "ワマンロドリゲス ピラールスサナ", latin: "HUAMAN RODRIGUEZ PILAR SUSANA", nationality: "PE"),
        Example(kana: "マシャドオリベイラ ジョアン", latin: "MACHADO OLIVEIRA JOAO", nationality: "BR"),
        Example(kana: "レ・ヴァンラン", latin: "LE VAN LAN", nationality: "VN"),
        Example(kana: "マナロ マイケル", latin: "MANALO MICHAEL", nationality: "PH"),
        Example(kana: "アギラール マイケル", latin: "AGUILAR MICHAEL", nationality: "PH"),
        Example(kana: "ナー ヤン", latin: "YANG NA", nationality: "CN"),
        Example(kana: "マクナット リリアン", latin: "MCNUTT LILIAN", nationality: "US"),
        Example(kana: "ライヘンバハ デーブ", latin: "REICHENBACH DAVE", nationality: "DE"),
        Example(kana: "ゴールズワージー カッペル", latin: "GOLDSWORTHY KAPPEL", nationality: "GB"),
        Example(kana: "リウ チアン", latin: "LIU QIANG", nationality: "CN"),
        Example(kana: "リウ チアン", latin: "LIU QIANG", nationality: "CN", card: true),
        Example(kana: "サンチェスエスピノサ ルイスギジェルモ", latin: "SANCHEZ ESPINOSA LUIS GUILLERMO", nationality: "MX",
                card: true),
        Example(kana: "グエン ティ ラン", latin: "NGUYEN THI LAN", nationality: "VN"),
        Example(kana: "イ ミンジュン", latin: "LEE MIN JUN", nationality: "KR"),
        Example(kana: "ケーシー ラム", latin: "KC RAM", nationality: "NP"),
    ]

    @Test(arguments: examples) func isMatchedToItsResident(_ example: Example) throws {
        try Self.expectMatched(example)
    }

    /// Expects the example's katakana to be matched to its resident (see `decision`).
    static func expectMatched(_ example: Example, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decision = try decision(example)
        #expect(decision.outcome == .matched && decision.residentID == 7,
                "\(decision.outcome) \(decision.reason) \(decision.explanation.best?.summary ?? "")",
                sourceLocation: sourceLocation)
    }

    /// The decision on the example's katakana where the example's resident (id 7) and a
    /// Japanese resident (id 8) share the birth date and sex.
    static func decision(_ example: Example) throws -> MatchDecision {
        let date = try LocalDate("1990-06-15")
        let card = try ResidenceCardNumber("AB12345678CD")
        let index = IdentityIndex()
        index.add(IdentityRecord(id: 7, nameLatin: example.latin, nameKana: nil, birthDate: date, sex: .female,
                                 nationality: try Nationality(example.nationality), cardNumber: card))
        index.add(IdentityRecord(id: 8, nameLatin: "TANAKA HANAKO", nameKana: nil, birthDate: date, sex: .female,
                                 nationality: try Nationality("JP"), cardNumber: nil))
        return index.match(IdentityQuery(nameKana: example.kana, nameLatin: nil, birthDate: date, sex: .female,
                                         cardNumber: example.card ? card : nil))
    }

    @Test func aCardNumberWithTheBirthDateAndSexDecidesWhateverTheName() throws {
        let date = try LocalDate("1990-06-15")
        let card = try ResidenceCardNumber("AB12345678CD")
        let index = IdentityIndex()
        index.add(IdentityRecord(id: 7, nameLatin: "SANCHEZ ESPINOSA LUIS GUILLERMO", nameKana: nil, birthDate: date,
                                 sex: .male, nationality: try Nationality("MX"), cardNumber: card))
        let decision = index.match(IdentityQuery(nameKana: "ペレス ホセ", nameLatin: nil, birthDate: date, sex: .male,
                                                 cardNumber: card))
        #expect(decision.outcome == .matched && decision.residentID == 7)
        let otherDay = index.match(IdentityQuery(nameKana: "ペレス ホセ", nameLatin: nil, birthDate: try LocalDate("1991-06-15"),
                                                 sex: .male, cardNumber: card))
        #expect(otherDay.outcome != .matched)
    }
}

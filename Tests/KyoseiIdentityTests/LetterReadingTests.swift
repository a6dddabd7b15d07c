import KyoseiDomain
@testable import KyoseiIdentity
import PropertyBased
import Testing

/// The other readings every Latin part keeps (`NameParser.alternateReadings`): the letters read
/// as romaji, which partners write when they do not know the name's language, and for Filipino
/// names the Spanish reading beside the English one. Found missing on the independent city
/// (`Scripts/identity-city`), where a fifth of the rows are written by letter.
@Suite struct LetterReadingTests {
    typealias Example = NamedExampleTests.Example

    static let examples: [Example] = [
        Example(kana: "ングイエン ティ ホング", latin: "NGUYEN THI HONG", nationality: "VN"),
        Example(kana: "トラン バン トルング", latin: "TRAN VAN TRUNG", nationality: "VN"),
        Example(kana: "ゼング クシウイイング", latin: "ZENG XIUYING", nationality: "CN"),
        Example(kana: "キウ イオング", latin: "QIU YONG", nationality: "CN"),
        Example(kana: "タオ ヤン", latin: "TAO YAN", nationality: "CN"),
        Example(kana: "ロビン タイロル", latin: "TAYLOR ROBIN", nationality: "US"),
        Example(kana: "アウブリ セシレ", latin: "AUBRY CECILE", nationality: "FR"),
        Example(kana: "キム ジ ウォン", latin: "KIM JI WON", nationality: "KR"),
        Example(kana: "テハダ ヘニフェル", latin: "TEJADA JENNIFER", nationality: "PH"),
    ]

    @Test(arguments: examples) func aRowWrittenByLetterIsMatched(_ example: Example) throws {
        try NamedExampleTests.expectMatched(example)
    }

    /// The other readings belong to a spelling, not to its key: FANG (pinyin) and CHAN (Polish)
    /// share the key HAN, but only CHAN reads チャン letter by letter, so YE FANG's namesake
    /// YE QIANG (イェー チアン) is not taken for her.
    @Test func otherReadingsStayWithTheirSpelling() throws {
        let date = try LocalDate("2004-06-23")
        let index = IdentityIndex()
        index.add(IdentityRecord(id: 1, nameLatin: "YE FANG", nameKana: nil, birthDate: date, sex: .female,
                                 nationality: try Nationality("CN"), cardNumber: nil))
        index.add(IdentityRecord(id: 2, nameLatin: "CHAN MAREK", nameKana: nil, birthDate: try LocalDate("1970-01-01"),
                                 sex: .male, nationality: try Nationality("PL"), cardNumber: nil))
        #expect(PhoneticKey(latin: "FANG", language: .chinese) == PhoneticKey(latin: "CHAN", language: .polish))
        let decision = index.match(IdentityQuery(nameKana: "イェー チアン", nameLatin: nil, birthDate: date, sex: .female,
                                                 cardNumber: nil))
        #expect(decision.outcome != .matched)
    }

    /// Any resident of the real-name city whose name is recognised as the register orders it is
    /// recognised when a partner writes it letter by letter as romaji, in either order, and a
    /// letter-by-letter rendering never leads to someone else.
    @Test func aRomajiRenderingLeadsBackToThePerson() async {
        let alone = RealNamePropertyTests.alone
        await propertyCheck(input: Gen.int(in: 0...(alone.count - 1)), Gen.bool) { i, givenFirst in
            let r = alone[i]
            let family = RomajiKatakana.write(r.family.latin)
            let given = r.given.map { RomajiKatakana.write($0.latin) }.joined(separator: " ")
            let kana = givenFirst ? "\(given) \(family)" : "\(family) \(given)"
            let decision = RealNamePropertyTests.index.match(RealNamePropertyTests.query(r, kana))
            #expect(decision.outcome != .matched || decision.residentID == r.record.id)
            #expect(decision.outcome != .unmatched, "\(kana) \(r.record.nameLatin): \(decision.reason)")
        }
    }
}

import KyoseiDomain
@testable import KyoseiIdentity
import Testing

/// Each sound change Japanese applies to a foreign name, checked as the register's Latin
/// against the katakana a partner writes: their keys must be (nearly) the same.
@Suite struct SoundChangeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let latin: String
        let kana: String
        let language: SpellingLanguage
        var testDescription: String { "\(latin) ~ \(kana)" }
    }

    static let cases: [Case] = [
        Case(latin: "CARLOS", kana: "カルロス", language: .spanish),          // L/R, final S echoes U
        Case(latin: "SILVA", kana: "シルバ", language: .portuguese),          // V/B
        Case(latin: "VANESSA", kana: "ヴァネッサ", language: .portuguese),
        Case(latin: "DIAS", kana: "ジアス", language: .portuguese),            // DI before a vowel
        Case(latin: "THIAGO", kana: "チアゴ", language: .portuguese),          // TI
        Case(latin: "LEITE", kana: "レイチ", language: .portuguese),           // final TE
        Case(latin: "RODRIGO", kana: "ホドリゴ", language: .portuguese),       // initial R as H
        Case(latin: "BARROS", kana: "バホス", language: .portuguese),          // RR as H
        Case(latin: "ROBERT", kana: "ロバート", language: .english),           // final T echoes O
        Case(latin: "PARK", kana: "パク", language: .korean),                  // final K, R dropped
        Case(latin: "NGOC", kana: "ゴック", language: .vietnamese),
        Case(latin: "CUNHA", kana: "クニャ", language: .portuguese),           // NH
        Case(latin: "CARVALHO", kana: "カルバリョ", language: .portuguese),    // LH
        Case(latin: "XAVIER", kana: "シャビエル", language: .portuguese),      // X as SH
        Case(latin: "MACHADO", kana: "マシャド", language: .portuguese),       // Portuguese CH
        Case(latin: "SANCHEZ", kana: "サンチェス", language: .spanish),        // Spanish CH, Z
        Case(latin: "NGUYEN", kana: "グエン", language: .vietnamese),
        Case(latin: "TRAN", kana: "チャン", language: .vietnamese),            // TR-
        Case(latin: "PHAM", kana: "ファム", language: .vietnamese),            // PH-
        Case(latin: "NGO", kana: "ゴー", language: .vietnamese),               // NG-
        Case(latin: "THANH", kana: "タイン", language: .vietnamese),           // final NH
        Case(latin: "JUAN", kana: "フアン", language: .spanish),               // Spanish J
        Case(latin: "CASTILLO", kana: "カスティージョ", language: .spanish),    // LL
        Case(latin: "JIMENEZ", kana: "ヒメネス", language: .spanish),
        Case(latin: "XIAO", kana: "シャオ", language: .chinese),               // pinyin X
        Case(latin: "QIN", kana: "チン", language: .chinese),                  // pinyin Q
        Case(latin: "ZHANG", kana: "ジャン", language: .chinese),              // pinyin ZH
        Case(latin: "CAO", kana: "ツァオ", language: .chinese),                // pinyin C
        Case(latin: "LEE", kana: "イ", language: .korean),
        Case(latin: "HWANG", kana: "ファン", language: .korean),
        Case(latin: "YOON", kana: "ユン", language: .korean),
        Case(latin: "JEON", kana: "ジョン", language: .korean),
        Case(latin: "GO", kana: "コ", language: .korean),                     // first consonant unvoiced
        Case(latin: "BAE", kana: "ペ", language: .korean),
        Case(latin: "DO", kana: "ト", language: .korean),
        Case(latin: "JI", kana: "チ", language: .korean),
        Case(latin: "PAIK", kana: "ペク", language: .korean),                  // passport AI for AE
        Case(latin: "CHOI", kana: "チェ", language: .korean),                  // passport OI for OE
        Case(latin: "RYU", kana: "リュ", language: .korean),                   // RY keeps its R
        Case(latin: "TU", kana: "トゥ", language: .vietnamese),                // トゥ alone is a syllable
        Case(latin: "DU", kana: "ドゥー", language: .chinese),
        Case(latin: "FAJAR", kana: "ファジャル", language: .indonesian),
        Case(latin: "INDAH", kana: "インダ", language: .indonesian),
        Case(latin: "SHRESTHA", kana: "シュレスタ", language: .southAsian),
        Case(latin: "BHATTARAI", kana: "バッタライ", language: .southAsian),
    ]

    @Test(arguments: cases) func latinAndKatakanaKeysAgree(_ c: Case) {
        let latin = PhoneticKey(latin: c.latin, language: c.language)
        let kana = PhoneticKey(kana: KatakanaNormalizer.tokens(c.kana)[0])
        #expect(KeyDistance.similarity(latin.bytes, kana.bytes) >= MatchWeights.exactLevel, "\(latin) vs \(kana)")
    }

    @Test func differentNamesStayApart() {
        for (latin, kana, language) in [("TRAN", "タン", SpellingLanguage.vietnamese), ("MINH", "ニー", .vietnamese),
                                        ("ANTONIO", "ペドロ", .portuguese), ("HANH", "ラン", .vietnamese)] {
            let similarity = KeyDistance.similarity(PhoneticKey(latin: latin, language: language).bytes,
                                                    PhoneticKey(kana: kana).bytes)
            #expect(similarity < MatchWeights.exactLevel, "\(latin) vs \(kana)")
        }
    }

    @Test func latinFoldsDiacriticsAndParticles() throws {
        let index = IdentityIndex()
        let date = try LocalDate("1985-03-14")
        index.add(IdentityRecord(id: 1, nameLatin: "DA SILVA SANTOS JOÃO CARLOS", nameKana: nil, birthDate: date,
                                 sex: .male, nationality: try Nationality("BR"), cardNumber: nil))
        for kana in ["ｼﾞｮｱﾝ ｶﾙﾛｽ ﾀﾞｼﾙﾊﾞ", "ダ・シルバ・サントス・ジョアン・カルロス", "シルバ ジョアン カルロス"] {
            let decision = index.match(IdentityQuery(nameKana: kana, nameLatin: nil, birthDate: date, sex: .male, cardNumber: nil))
            #expect(decision.outcome == .matched && decision.residentID == 1, "\(kana): \(decision.reason)")
        }
        let latin = index.match(IdentityQuery(nameKana: nil, nameLatin: "Joao Carlos da Silva", birthDate: date,
                                              sex: .male, cardNumber: nil))
        #expect(latin.residentID == 1)
    }
}

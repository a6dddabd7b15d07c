@testable import KyoseiIdentity
import Testing

@Suite struct KatakanaNormalizerTests {
    @Test func halfWidthBecomesFullWidthWithComposedSoundMarks() {
        #expect(KatakanaNormalizer.tokens("ｼﾞｮｱﾝ ｶﾙﾛｽ ﾀﾞｼﾙﾊﾞ") == ["ジョアン", "カルロス", "ダシルバ"])
        #expect(KatakanaNormalizer.tokens("ﾊﾟｳﾛ") == ["パウロ"])
    }

    @Test func vuRowIsTheBaRow() {
        #expect(KatakanaNormalizer.tokens("ｼﾙｳﾞｧ") == KatakanaNormalizer.tokens("シルヴァ"))
        #expect(PhoneticKey(kana: "シルヴァ") == PhoneticKey(kana: "シルバ"))
        #expect(PhoneticKey(kana: "ヴィエット") == PhoneticKey(kana: "ビエット"))
        #expect(PhoneticKey(kana: "ｳﾞｪﾗ") == PhoneticKey(kana: "ベラ"))
    }

    @Test func longVowelsAndDoubledVowelsCollapse() {
        #expect(PhoneticKey(kana: "サトー") == PhoneticKey(kana: "サト"))
        #expect(PhoneticKey(kana: "サトウ") == PhoneticKey(kana: "サト"))
        #expect(PhoneticKey(kana: "ルーカス") == PhoneticKey(kana: "ルカス"))
        #expect(PhoneticKey(kana: "ルウカス") == PhoneticKey(kana: "ルカス"))
        #expect(PhoneticKey(kana: "ジョゼー") == PhoneticKey(kana: "ジョゼ"))
        #expect(PhoneticKey(kana: "ナッシメント") == PhoneticKey(kana: "ナシメント"))
    }

    @Test func smallKanaFoldIntoTheirSyllable() {
        #expect(PhoneticKey(kana: "ファム").description == "HAMU")
        #expect(PhoneticKey(kana: "ティ").description == "TI")
        #expect(PhoneticKey(kana: "ウィリアン").description == "WIRIAN")
        #expect(PhoneticKey(kana: "ジョ").description == "ZYO")
        #expect(PhoneticKey(kana: "ドゥアルテ").description == "ZUARUTE")
        #expect(PhoneticKey(kana: "エドゥ") == PhoneticKey(kana: "エド"))
        #expect(KeyDistance.similarity(PhoneticKey(kana: "ドゥアルテ").bytes,
                                       PhoneticKey(latin: "DUARTE", language: .portuguese).bytes) >= MatchWeights.exactLevel)
        #expect(PhoneticKey(kana: "ｷｬ") == PhoneticKey(kana: "キャ"))
    }

    @Test func separatorsBreakParts() {
        let expected = ["グエン", "ティ", "ラン"]
        #expect(KatakanaNormalizer.tokens("グエン・ティ・ラン") == expected)
        #expect(KatakanaNormalizer.tokens("グエン ティ ラン") == expected)
        #expect(KatakanaNormalizer.tokens("グエン\u{3000}ティ\u{3000}ラン") == expected)
        #expect(KatakanaNormalizer.tokens("グエン＝ティ=ラン") == expected)
        #expect(KatakanaNormalizer.tokens("ｸﾞｴﾝ･ﾃｨ･ﾗﾝ") == expected)
        #expect(KatakanaNormalizer.tokens("ぐえん てぃ らん") == expected)
    }
}

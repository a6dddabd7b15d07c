import KyoseiIdentity
import PropertyBased
import Testing

@Suite struct NameNormalizerTests {
    @Test func latinLosesDiacriticsAndCase() {
        #expect(NameNormalizer.latinTokens("João Da Silva-Santos") == ["JOAO", "DA", "SILVA", "SANTOS"])
        #expect(NameNormalizer.foldLatin("Đặng Thị Ánh") == "DANG THI ANH")
        #expect(NameNormalizer.foldLatin("  Müller,  Søren ") == "MULLER SOREN")
    }

    @Test func halfWidthKatakanaBecomesFullWidth() {
        #expect(NameNormalizer.foldJapanese("ｼﾙﾊﾞ ｼﾞｮｱﾝ") == "シルバジョアン")
        #expect(NameNormalizer.foldJapanese("グエン・ティ・ラン") == "グエンテイラン")
        #expect(NameNormalizer.foldJapanese("ぐえん") == "グエン")
        #expect(NameNormalizer.foldJapanese("ﾊﾟｳﾞﾛ") == "パブロ")
    }

    @Test func detectsJapaneseScript() {
        #expect(NameNormalizer.containsJapanese("ｼﾙﾊﾞ"))
        #expect(NameNormalizer.containsJapanese("王小明"))
        #expect(!NameNormalizer.containsJapanese("SILVA"))
    }

    @Test func foldingIsIdempotent() async {
        let kana = Gen.element(of: Array("アイウエオカキクケコｱｲｳｶﾞﾊﾟシルバ・ ーぁ")).map { $0! }
        await propertyCheck(input: kana.array(of: 0...12)) { chars in
            let once = NameNormalizer.foldJapanese(String(chars))
            #expect(NameNormalizer.foldJapanese(once) == once)
        }
    }

    @Test func everyFragmentIsAPhraseOfTheNamesBigrams() async {
        let kana = Gen.element(of: Array("アイウエオカキクケコサシスセソタチツテトナニヌネノ")).map { $0! }
        await propertyCheck(input: kana.array(of: 2...10), Gen.int(in: 0...100), Gen.int(in: 2...10)) { chars, start, length in
            let name = String(chars)
            let from = start % (chars.count - 1)
            let fragment = String(chars[from..<min(chars.count, from + length)])
            guard fragment.count >= 2 else { return }
            let nameGrams = NameNormalizer.bigrams(name)
            let fragmentGrams = NameNormalizer.bigrams(fragment)
            let found = (0...(nameGrams.count - fragmentGrams.count)).contains { i in
                Array(nameGrams[i..<(i + fragmentGrams.count)]) == fragmentGrams
            }
            #expect(found)
        }
    }
}

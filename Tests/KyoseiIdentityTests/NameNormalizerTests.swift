import KyoseiIdentity
import PropertyBased
import Testing

@Suite struct NameNormalizerTests {
    @Test func latinLosesDiacriticsAndCase() {
        #expect(NameNormalizer.latinTokens("João Da Silva-Santos") == ["JOAO", "DA", "SILVA", "SANTOS"])
        #expect(NameNormalizer.foldLatin("Đặng Thị Ánh") == "DANG THI ANH")
        #expect(NameNormalizer.foldLatin("  Müller,  Søren ") == "MULLER SOREN")
    }

    /// ASCII is folded on its bytes and the rest through Unicode; both must fold the ASCII part
    /// alike, whatever punctuation and spacing surround it.
    @Test func asciiFoldsAsTheUnicodePathDoes() async {
        let ascii = Gen.element(of: Array("aZm09 -,.'/\tQ_x")).map { $0! }
        await propertyCheck(input: ascii.array(of: 0...16)) { chars in
            let text = String(chars)
            let folded = NameNormalizer.foldLatin(text)
            #expect(!folded.hasPrefix(" ") && !folded.hasSuffix(" ") && !folded.contains("  "))
            #expect(NameNormalizer.foldLatin(text + " é") == (folded.isEmpty ? "E" : folded + " E"))
        }
    }

    /// A gram is two characters, also where a character is a kana with a combining mark
    /// that has no composed form (セ with a handakuten) or a kanji with a variation selector.
    @Test func gramsAreCharactersNotScalars() {
        #expect(NameNormalizer.bigrams("グエン") == ["グエ", "エン"])
        #expect(NameNormalizer.bigrams("セ\u{309A}ア") == ["セ\u{309A}ア"])
        #expect(NameNormalizer.bigrams("葛\u{E0100}西") == ["葛\u{E0100}西"])
        #expect(NameNormalizer.bigrams("王") == ["王"])
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

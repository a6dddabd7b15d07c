import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData
import PropertyBased
import Testing

/// `resident find` across scripts, as the search index sees it: each resident's row carries
/// the coarse phonetic keys of its parts; a katakana query must hold all of its parts' keys
/// (the last as a prefix, since the clerk may still be typing), and the rows found are ranked
/// by how alike they sound. The residents here have only their Latin name, as most register
/// rows do.
@Suite struct PhoneticSearchTests {
    /// The rows and their tokens, as the full-text index holds them.
    struct Index {
        var ids: [Int64] = []
        var readings: [PhoneticSearch.Readings] = []
        var rowsByToken: [String: Set<Int>] = [:]

        init(_ records: [IdentityRecord]) {
            for record in records {
                for token in PhoneticSearch.indexTokens(latin: record.nameLatin, kana: nil, nationality: record.nationality) {
                    rowsByToken[token, default: []].insert(ids.count)
                }
                ids.append(record.id)
                readings.append(PhoneticSearch.Readings(latin: record.nameLatin, kana: nil, nationality: record.nationality))
            }
        }

        /// The first ten residents a katakana query finds, as `ResidentSearch` ranks them.
        func find(_ kana: String) -> [Int64] {
            let keys = PhoneticSearch.queryTokens(japanese: kana)
            guard let last = keys.last else { return [] }
            var found = rowsByToken.filter { $0.key.hasPrefix(last) }.values.reduce(Set<Int>()) { $0.union($1) }
            for key in keys.dropLast() { found.formIntersection(rowsByToken[key] ?? []) }
            return found.sorted().compactMap { row in PhoneticSearch.similarity(japanese: [kana], to: readings[row]).map { (row, $0) } }
                .sorted { $0.1 > $1.1 }.prefix(10).map { ids[$0.0] }
        }
    }

    @Test func aSampleCityResidentIsFoundByTheKatakanaOfTheirName() throws {
        let city = SampleCity(residents: 3_000, seed: 11, asOf: try LocalDate("2026-04-01"))
        var residents: [SampleResident] = []
        city.forEachResident { residents.append($0) }
        let index = Index(residents.map(RosterQuality.record))
        var hits = 0
        for (i, resident) in residents.enumerated() {
            let kana = resident.name.partnerKana(PartnerKanaStyle(halfWidth: i % 4 == 0, givenNameFirst: i % 2 == 0))
            if index.find(kana).contains(Int64(resident.personID.rawValue)!) { hits += 1 }
        }
        let rate = Double(hits) / Double(residents.count)
        print("search, sample city: \(hits) of \(residents.count) found in the first ten (\(rate))")
        #expect(rate >= 0.95)
    }

    @Test func aRealNameIsFoundByTheKatakanaOfIt() {
        let city = RealNamePairTests.city
        let index = Index(city.residents.map(\.record))
        var hits = 0
        for resident in city.residents {
            let kana = ([resident.family] + resident.given).map(\.kana).joined(separator: " ")
            if index.find(kana).contains(resident.record.id) { hits += 1 }
        }
        let rate = Double(hits) / Double(city.residents.count)
        print("search, real-name pairs: \(hits) of \(city.residents.count) found in the first ten (\(rate))")
        #expect(rate >= 0.90)
    }

    @Test func variantsAWriterOrAClerkUsesFindTheSameName() {
        #expect(NameNormalizer.foldJapanese("ヴァン") == NameNormalizer.foldJapanese("バン"))
        #expect(NameNormalizer.foldJapanese("ヴィエイラ") == "ビエイラ")
        #expect(NameNormalizer.foldJapanese("ティ") == NameNormalizer.foldJapanese("テイ"))
        #expect(NameNormalizer.foldJapanese("マッカーシー") == NameNormalizer.foldJapanese("マカシ"))
        #expect(PhoneticSearch.queryTokens(japanese: "バン") == PhoneticSearch.queryTokens(japanese: "ヴァン"))
        #expect(NameNormalizer.latinTokens("ＮＧＵＹＥＮ") == ["NGUYEN"])
        #expect(NameNormalizer.compatibilityForm("Ｋ430") == "K430")
        #expect(NameNormalizer.compatibilityForm("ｸﾞｴﾝ　ﾗﾝ") == "グエン ラン")
    }

    @Test func aNameIsFoundFromEitherScript() throws {
        let tokens = PhoneticSearch.indexTokens(latin: "NGUYEN THI LAN", kana: nil, nationality: try Nationality("VN"))
        for kana in ["グエン", "ｸﾞｴﾝ", "ぐえん", "グエン・ティ・ラン"] {
            #expect(PhoneticSearch.queryTokens(japanese: kana).allSatisfy(tokens.contains), "\(kana)")
        }
        #expect(PhoneticSearch.indexTokens(latin: "SILVA", kana: "シルヴァ", nationality: nil).count == 1)
    }

    /// Width and script never change what a query looks up.
    @Test func widthAndScriptLeaveTheQueryAlone() async {
        await propertyCheck(input: Gen.int(in: 0...(RealNameCity.pairs.family.count - 1))) { i in
            let kana = RealNameCity.pairs.family[i].kana
            let hiragana = String(String.UnicodeScalarView(kana.unicodeScalars.map {
                (0x30A1...0x30F6).contains($0.value) ? Unicode.Scalar($0.value - 0x60)! : $0
            }))
            let tokens = PhoneticSearch.queryTokens(japanese: kana)
            #expect(PhoneticSearch.queryTokens(japanese: RealNameCity.halfWidth(kana)) == tokens)
            #expect(PhoneticSearch.queryTokens(japanese: hiragana) == tokens)
            #expect(NameNormalizer.foldJapanese(RealNameCity.halfWidth(kana)) == NameNormalizer.foldJapanese(kana))
        }
    }
}

/// A household's address as the register writes it. A few are written with a comma or a line
/// break between the street and the building, or a building name in quotes, as clerks do, so
/// every file carries fields that need RFC 4180 quoting.
struct SampleAddress: Sendable, Hashable {
    let postalCode: String
    let text: String
    let district: String

    static func draw(in city: CityGazetteer, rng: inout SplitMix64, dormitory: Bool) -> SampleAddress {
        let districtIndex = districtWeights.pick(using: &rng)
        let towns = townsByDistrict[districtIndex]
        let townIndex = rng.below(towns.count)
        let town = towns[townIndex]
        let code = (districtIndex * 311 + townIndex * 1237 + 100) % 10_000
        let codeText = String(code)
        let postal = "\(city.postalPrefix)\(districtIndex % 10)-\(String(repeating: "0", count: 4 - codeText.count))\(codeText)"

        let chome = rng.int(in: 1...5), ban = rng.int(in: 1...40), go = rng.int(in: 1...25)
        let roll = rng.unit()
        var street = roll < 0.5 ? "\(town)\(chome)丁目\(ban)番\(go)号"
            : roll < 0.8 ? "\(town)\(chome)-\(ban)-\(go)"
            : rng.chance(0.5) ? "\(town)\(rng.int(in: 100...2999))番地" : "\(town)\(rng.int(in: 100...2999))番地の\(go)"
        if rng.chance(0.1) { street = fullWidthDigits(street) }

        let room = "\(rng.int(in: 1...4))0\(rng.int(in: 1...8))"
        var building: String?
        if dormitory && rng.chance(0.6) {
            building = "\(rng.pick(companies)) \(rng.pick(dormNames)) \(room)号室"
        } else if rng.chance(0.1) {
            building = "市営\(stem(town))団地\(rng.int(in: 1...12))棟\(room)号"
        } else if rng.chance(0.55) {
            building = "\(rng.pick(buildingNames))\(rng.chance(0.5) ? stem(town) : "") \(room)号室"
        }
        let prefix = city.prefecture + city.city + city.wards[districtIndex]
        var text = prefix + street
        if var building {
            let quirk = rng.unit()
            if quirk < 0.02 {
                building = building.replacingLastSpace(with: ", ")
                text += " " + building
            } else if quirk < 0.026 {
                text += "\n" + building
            } else if quirk < 0.03 {
                text += " メゾン\"ひまわり\" \(room)号室"
            } else {
                text += " " + building
            }
        }
        let district = districtIndex < 9 ? "D0\(districtIndex + 1)" : "D\(districtIndex + 1)"
        return SampleAddress(postalCode: postal, text: text, district: district)
    }

    private static func stem(_ town: String) -> String {
        town.hasSuffix("町") ? String(town.dropLast()) : town
    }

    private static func fullWidthDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x30...0x39).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
    }

    /// Foreign residents concentrate in a few districts (near the factories and public housing).
    private static let districtWeights = Weighted([
        (0, 6.0), (1, 8), (2, 14), (3, 9), (4, 7), (5, 10), (6, 15), (7, 9), (8, 5), (9, 8), (10, 2), (11, 7),
    ])

    private static let townsByDistrict: [[String]] = [
        ["砂山町", "高町", "元城町", "鍛冶町"],
        ["佐鳴台", "富塚町", "入野町", "西丘町"],
        ["高塚町", "増楽町", "若林町", "東若林町"],
        ["上島", "小豆餅", "幸", "葵東"],
        ["大平台", "神ヶ谷町", "西山町", "和地町"],
        ["可美", "東海", "篠原町", "坪井町"],
        ["天王町", "市野町", "有玉南町", "中郡町"],
        ["笠井町", "豊西町", "恒武町", "大瀬町"],
        ["細江町気賀", "引佐町井伊谷", "三ヶ日町", "都田町"],
        ["小松", "貴布祢", "西美薗", "中瀬"],
        ["二俣町", "阿蔵", "山東", "鹿島"],
        ["舞阪町", "雄踏町", "新居", "大人見町"],
    ]

    private static let buildingNames = [
        "グリーンハイツ", "サンハイツ", "コーポ", "メゾン", "レジデンス", "パレス", "ハイツ", "ヴィラ", "シャトー",
        "グランドール", "アーバンコート", "ロイヤルマンション", "エステート", "カーサ", "ソレイユ", "フォーレスト",
    ]

    private static let companies = ["東海精工", "浜名部品", "遠州技研", "三河鋳造", "中部物流", "天竜食品"]
    private static let dormNames = ["第一寮", "第二寮", "社員寮", "寮"]
}

extension String {
    func replacingLastSpace(with separator: String) -> String {
        guard let index = lastIndex(of: " ") else { return self }
        return String(self[..<index]) + separator + String(self[self.index(after: index)...])
    }
}

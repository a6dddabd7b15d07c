import Foundation
import KyoseiDomain
import KyoseiIdentity

/// A city of residents whose names are real Latin–katakana pairs that nobody here wrote
/// (`Tests/Fixtures/identity/name-pairs.tsv`: the Bilingual Emacspeak Project's readings of the names the US Census
/// lists, see `Scripts/identity-data/PROVENANCE.md`), with a roster rendered in the styles
/// partner systems write: either order, a middle name dropped or run into the given name,
/// half-width, `・` or ideographic spaces. Among the roster's strangers are the hard ones: a
/// namesake's sibling born on the same day, and a twin. Nothing here is read by the product.
struct RealNameCity {
    struct Pair {
        let latin: String
        let kana: String
    }

    struct Resident {
        let record: IdentityRecord
        let family: Pair
        let given: [Pair]
    }

    struct Row {
        let query: IdentityQuery
        let truth: Int64?
    }

    static let pairs: (given: [Pair], family: [Pair]) = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/identity/name-pairs.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var given: [Pair] = [], family: [Pair] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 4 else { continue }
            let pair = Pair(latin: f[0], kana: f[1])
            if f[2] == "1" { given.append(pair) }
            if f[3] == "1" { family.append(pair) }
        }
        return (given, family)
    }()

    let residents: [Resident]
    let rows: [Row]

    init(residents count: Int, seed: UInt64) {
        var rng = SplitMix(seed)
        let (given, family) = Self.pairs
        let nationalities = ["US", "GB", "AU", "CA", "PH", "IE", "NZ", "DE", "FR"]
        var residents: [Resident] = []
        func person(_ id: Int64, family: Pair, date: LocalDate, sex: Sex) -> Resident {
            let names = (0..<(rng.chance(0.3) ? 2 : 1)).map { _ in given[rng.below(given.count)] }
            let card = rng.chance(0.8) ? try! ResidenceCardNumber(String(format: "AB%08dCD", Int(id))) : nil
            let nationality = rng.chance(0.9) ? try! Nationality(nationalities[rng.below(nationalities.count)]) : nil
            return Resident(record: IdentityRecord(id: id, nameLatin: ([family.latin] + names.map(\.latin)).joined(separator: " "),
                                                   nameKana: nil, birthDate: date, sex: sex, nationality: nationality,
                                                   cardNumber: card),
                            family: family, given: names)
        }
        func someDate() -> LocalDate { LocalDate(dayNumber: (try! LocalDate(year: 1950, month: 1, day: 1)).dayNumber + rng.below(70 * 365)) }
        while residents.count < count {
            let id = Int64(residents.count + 1)
            let surname = family[rng.below(family.count)]
            let sex: Sex = rng.chance(0.5) ? .male : .female
            let date = someDate()
            residents.append(person(id, family: surname, date: date, sex: sex))
            if rng.chance(0.03) { residents.append(person(id + 1, family: surname, date: date, sex: sex)) }  // a twin
        }
        var rows: [Row] = []
        for resident in residents where rng.chance(0.9) {
            let card = rng.chance(0.2) ? resident.record.cardNumber : nil
            rows.append(Row(query: IdentityQuery(nameKana: Self.render(resident, &rng), nameLatin: nil,
                                                 birthDate: resident.record.birthDate, sex: resident.record.sex,
                                                 cardNumber: card),
                            truth: resident.record.id))
        }
        // Strangers: a tenth of the roster, half of them sharing a resident's family name, birth date and sex.
        for _ in 0..<(rows.count / 10) {
            let resident = residents[rng.below(residents.count)]
            let stranger = person(0, family: rng.chance(0.5) ? resident.family : family[rng.below(family.count)],
                                  date: rng.chance(0.5) ? resident.record.birthDate : someDate(), sex: resident.record.sex)
            guard !stranger.given.contains(where: { g in resident.given.contains { $0.latin == g.latin } }) else { continue }
            rows.append(Row(query: IdentityQuery(nameKana: Self.render(stranger, &rng), nameLatin: nil,
                                                 birthDate: stranger.record.birthDate, sex: stranger.record.sex,
                                                 cardNumber: nil),
                            truth: nil))
        }
        self.residents = residents
        self.rows = rows
    }

    /// One partner's katakana for a resident; `reshape` lets it drop a middle name or run the
    /// given names together, besides choosing order, separator and width.
    static func render(_ resident: Resident, _ rng: inout SplitMix, reshape: Bool = true) -> String {
        var given = resident.given.map(\.kana)
        if reshape, given.count == 2 {
            if rng.chance(0.25) { given = [given[0]] } else if rng.chance(0.3) { given = [given.joined()] }
        }
        let parts = rng.chance(0.5) ? [resident.family.kana] + given : given + [resident.family.kana]
        let separator = ["\u{3000}", " ", "・"][rng.below(3)]
        let text = parts.joined(separator: separator)
        return rng.chance(0.25) ? halfWidth(text) : text
    }

    /// Half-width katakana as older insurance systems write it: voiced kana become base + ﾞ.
    static func halfWidth(_ text: String) -> String {
        let full = Array("ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー・\u{3000}")
        let half = Array("ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ･ ")
        let map = Dictionary(uniqueKeysWithValues: zip(full, half))
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x3099: out.append("ﾞ")
            case 0x309A: out.append("ﾟ")
            default: out.append(map[Character(scalar)] ?? Character(scalar))
            }
        }
        return out
    }
}

/// A small seeded generator, so the city is the same on every machine.
struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

import Foundation
import GRDB
import KyoseiDomain
@testable import KyoseiServices
import KyoseiStore
import Testing

/// Whatever the policy, the one resolver never links an incoming person to a resident whose
/// residence card number differs from the one the file gives: on random cities of namesakes and
/// twins, every incoming person carries a card that is not their template's (a new one, or
/// another resident's), and no link may land on a resident holding another card.
@Suite struct ResolverCardPropertyTests {
    static let names = [("SANTOS MARIA", "サントス マリア"), ("SILVA ANA", "シルバ アナ"), ("NGUYEN VAN NAM", "グエン ヴァン ナム"),
                        ("ALVES CAIO", "アウヴェス カイオ"), ("TRAN THI LAN", "チャン ティ ラン"), ("OLIVEIRA JOAO", "オリベイラ ジョアン")]

    /// SplitMix64: the same cities on every run.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func card(_ n: Int) throws -> ResidenceCardNumber { try ResidenceCardNumber(String(format: "AB%08dCD", n)) }

    @Test(arguments: IdentityPolicy.allCases)
    func aConflictingCardNeverLinks(policy: IdentityPolicy) throws {
        let city = try TestCity()
        var random = Random(state: 17)
        var residents: [(name: (String, String), born: String, sex: Sex, card: ResidenceCardNumber?)] = []
        for i in 0..<30 {
            let name = Self.names[random.next(Self.names.count)]
            let born = "2001-07-0\(1 + random.next(3))"
            let sex: Sex = random.next(2) == 0 ? .female : .male
            let card = random.next(3) == 0 ? nil : try Self.card(i)
            _ = try city.add(name.0, kana: name.1, born: born, sex: sex, card: card?.rawValue)
            residents.append((name, born, sex, card))
        }
        let resolver = try city.context.database.writer.read { db in try IdentityResolver.loading(policy, in: db) }
        var links = 0
        try city.context.database.writer.read { db in
            for trial in 0..<300 {
                let template = residents[random.next(residents.count)]
                let other = residents[random.next(residents.count)].card
                let card = try random.next(2) == 0 || other == nil ? Self.card(1000 + trial) : other!
                guard card != template.card else { continue }
                let person = IncomingPerson(
                    nameLatin: template.name.0, nameKana: random.next(2) == 0 ? template.name.1 : nil,
                    birthDate: try LocalDate(template.born), sex: template.sex, nationality: try Nationality("BR"), cardNumber: card)
                let resolution = try resolver.resolve(person, in: db)
                guard resolution.outcome == .matched, let linked = resolution.residentID else { continue }
                links += 1
                let held = try ResidentRecord.fetchOne(db, key: linked)?.residenceCardNumber
                #expect(held == nil || held == card, "\(policy): \(person) linked to K\(linked), who holds \(held?.rawValue ?? "")")
            }
        }
        #expect(links > 0, "\(policy): some incoming people are linked (by their own card or an agreeing name), so the property is tested")
    }
}

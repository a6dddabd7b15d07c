import KyoseiDomain
import KyoseiIdentity
import Testing

/// A decision carries why: the comparison vector and each field's weight for the best
/// candidate and the runner-up, adding up to the score it was decided on.
@Suite struct ExplanationTests {
    static let date = try! LocalDate("1988-02-29")

    static func index() throws -> IdentityIndex {
        let index = IdentityIndex()
        index.add(IdentityRecord(id: 1, nameLatin: "NGUYEN THI LAN", nameKana: nil, birthDate: date, sex: .female,
                                 nationality: try Nationality("VN"), cardNumber: try ResidenceCardNumber("AB12345678CD")))
        index.add(IdentityRecord(id: 2, nameLatin: "NGUYEN THI HOA", nameKana: nil, birthDate: date, sex: .female,
                                 nationality: try Nationality("VN"), cardNumber: nil))
        return index
    }

    @Test func aMatchShowsTheBestAndTheRunnerUpFieldByField() throws {
        let decision = try Self.index().match(IdentityQuery(nameKana: "グエン・ティ・ラン", nameLatin: nil, birthDate: Self.date,
                                                            sex: .female, cardNumber: nil))
        #expect(decision.outcome == .matched && decision.residentID == 1)
        let best = try #require(decision.explanation.best)
        let runnerUp = try #require(decision.explanation.runnerUp)
        #expect(best.residentID == 1 && runnerUp.residentID == 2)
        #expect(best.vector.name == .exact && best.vector.birthDate == .exact && best.vector.card == .missing)
        #expect(runnerUp.vector.name == .partial)
        #expect(abs(best.total - decision.score) < 1e-9)
        #expect(abs(best.names.map(\.weight).reduce(0, +) - best.nameWeight) < 1e-9)
        #expect(best.names.contains { $0.query == "RAN" && $0.resident == "RAN" && $0.weight > 0 })
        #expect(runnerUp.names.contains { $0.query == "RAN" && $0.resident == nil && $0.weight < 0 })
        #expect(best.summary.contains("birth date exact +10.0"))
        #expect(decision.explanation.parameters == "set by hand")
    }

    /// Two residents equally near a roster row (one with day and month swapped, one a day off,
    /// so the blocks bring them in through hashed sets in an order that changes from run to run):
    /// the one listed first is ranked first, so the same roster gives the same decision and the
    /// same report every night. A compacted index keeps residents by birth date, which puts the
    /// second listed first here in one of the two orders: the order they were listed still decides.
    @Test(arguments: [false, true]) func tiesAreRankedByTheOrderResidentsWereListed(compacted: Bool) throws {
        for order in [[1, 2], [2, 1]] {
            let index = IdentityIndex()
            let births = [1: "2001-05-03", 2: "2001-03-06"]
            for id in order {
                index.add(IdentityRecord(id: Int64(id), nameLatin: "SILVA ANA", nameKana: nil, birthDate: try LocalDate(births[id]!),
                                         sex: .female, nationality: try Nationality("BR"), cardNumber: nil))
            }
            if compacted { index.compact() }
            let decision = index.match(IdentityQuery(nameKana: "シルバ アナ", nameLatin: nil, birthDate: try LocalDate("2001-03-05"),
                                                     sex: .female, cardNumber: nil))
            let best = try #require(decision.explanation.best), runnerUp = try #require(decision.explanation.runnerUp)
            #expect(abs(best.total - runnerUp.total) < 1e-9, "the two are a tie")
            #expect([best.residentID, runnerUp.residentID] == order.map(Int64.init), "\(order)")
        }
    }

    @Test func aConflictingCardIsShownAndNeverAutoMatches() throws {
        let decision = try Self.index().match(IdentityQuery(nameKana: "グエン ティ ラン", nameLatin: nil, birthDate: Self.date,
                                                            sex: .female, cardNumber: try ResidenceCardNumber("ZZ99999999ZZ")))
        #expect(decision.outcome != .matched)
        #expect(decision.explanation.best?.vector.card == .conflict)
        #expect((decision.explanation.best?.cardWeight ?? 0) < 0)
    }
}

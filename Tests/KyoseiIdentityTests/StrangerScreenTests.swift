import KyoseiDomain
@testable import KyoseiIdentity
import KyoseiSampleData
import PropertyBased
import Testing

/// `NameComparator.sharesNothing` lets a stranger skip the alignment: a resident with no part
/// near the row's and no run that could start is scored from the counts of parts. It must
/// never change a score, or a decision and the match report would move; the alignment asked to
/// explain itself never takes the shortcut, so the two are compared here.
@Suite struct StrangerScreenTests {
    static let residents = MatchPropertyTests.residents

    static let stored = ReadingSetSlotTests.stored

    static let someone = Gen.int(in: 0...(residents.count - 1))

    /// Each of the four pairings of a row and a resident: the evidence with the screen is the
    /// evidence of the whole alignment, part for part counted the same.
    static func expectSameEvidence(_ query: IdentityQuery, _ resident: Int) -> (screened: Int, compared: Int) {
        let (keys, parts) = stored
        let comparator = NameComparator(keys: keys, frequency: NameFrequency())
        var prepared = PreparedQuery(query, keys: keys)
        let (latin, kana, language) = parts[resident]
        var counts = (screened: 0, compared: 0)
        for (rows, set) in [(prepared.kana, UInt64(0)), (prepared.latin(in: language, keys: keys), UInt64(language.rawValue) + 1)] {
            for candidate in [latin, kana] where !rows.isEmpty && !candidate.isEmpty {
                var fastCache = SimilarityCache(), fullCache = SimilarityCache()
                let fast = comparator.compare(rows, candidate[...], set: set, cache: &fastCache)
                let full = comparator.compare(rows, candidate[...], set: set, cache: &fullCache, explain: true)
                #expect(fast.score == full.score && fast.agreed == full.agreed && fast.unmatchedQuery == full.unmatchedQuery
                        && fast.close == full.close, "\(query.nameKana ?? "") ~ \(residents[resident].nameLatin)")
                var screenCache = SimilarityCache()
                let screened = comparator.sharesNothing(rows, candidate[...], rows: min(rows.count, 64),
                                                         columns: min(candidate.count, 64), set: set, cache: &screenCache)
                if screened {
                    counts.screened += 1
                    #expect(full.agreed == 0)
                }
                counts.compared += 1
            }
        }
        // Its parts point into its bytes.
        withExtendedLifetime(prepared) {}
        return counts
    }

    /// A partner's rendering of one resident against another resident or the same one: names
    /// alike, run together (particles joined), reordered, shortened or read another way.
    @Test func theScreenNeverChangesTheEvidence() async {
        await propertyCheck(input: Self.someone, Self.someone, Gen.int(in: 0...1_000_000), Gen.bool) { row, other, seed, same in
            let resident = Self.residents[row]
            let query = IdentityQuery(nameKana: resident.name.partnerKana(.random(seed: UInt64(seed))),
                                      nameLatin: seed % 5 == 0 ? resident.nameLatin : nil,
                                      birthDate: resident.birthDate, sex: resident.sex, cardNumber: nil)
            _ = Self.expectSameEvidence(query, same ? row : other)
        }
    }

    /// Many pairs of residents share nothing, and those are the ones the screen takes (about
    /// half of them: a run can start in most of the rest, whose parts are tried in full); a
    /// resident's own name never is.
    @Test func theScreenTakesStrangersAndOnlyThem() {
        var screened = 0, compared = 0
        for row in 0..<150 {
            let resident = Self.residents[row]
            let query = IdentityQuery(nameKana: resident.name.partnerKana(.plain), nameLatin: nil,
                                      birthDate: resident.birthDate, sex: resident.sex, cardNumber: nil)
            #expect(Self.expectSameEvidence(query, row).screened == 0)
            for other in stride(from: row + 1, to: Self.residents.count, by: 37) {
                let counts = Self.expectSameEvidence(query, other)
                screened += counts.screened
                compared += counts.compared
            }
        }
        #expect(screened * 3 > compared, "screened \(screened) of \(compared)")
    }

    /// The bits stand for `mayStartAlike` letter for letter, which is symmetric: the screen
    /// reads a resident's key by the bits of its own first letter, as the table keeps them.
    @Test func startBitsAgreeWithMayStartAlike() {
        for a in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            for b in UInt8(ascii: "A")...UInt8(ascii: "Z") {
                #expect((NameComparator.startBits(a) & NameComparator.wantedBits(b) != 0) == NameComparator.mayStartAlike(a, b))
                #expect(NameComparator.mayStartAlike(a, b) == NameComparator.mayStartAlike(b, a))
            }
        }
    }
}

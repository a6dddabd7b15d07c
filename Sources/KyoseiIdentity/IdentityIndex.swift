import Dispatch
import Foundation
import KyoseiDomain

/// Recognises a roster row (katakana, Latin, or both; birth date; sex; sometimes a card number)
/// among the residents, across scripts, and decides whether to attach it.
///
/// How it decides, Fellegi–Sunter style (Fellegi & Sunter 1969, as in Splink and fastLink):
/// - **Keys.** Every name part on both sides is brought to one phonetic alphabet
///   (`PhoneticKey`) in which the sound changes Japanese applies to foreign names cancel out:
///   katakana is normalised (`KatakanaNormalizer`) and romanised by syllable; Latin is read
///   with the spelling rules of the resident's nationality (`LatinTransliterator`), so the
///   register's RODRIGO and a roster's ホドリゴ both become HODORIGO.
/// - **Blocking.** Candidates share the row's birth date and sex. If none is even worth a review, a
///   second pass takes residents of the same birth year, month and sex whose family-name key
///   has the same consonant skeleton as a part of the row (a wrong day), or whose month is the
///   row's day and day the row's month (swapped); a card number also brings in its holder.
///   Work grows with the rows.
/// - **Comparison.** Parts are aligned by a weighted edit distance on keys (`KeyDistance`)
///   in any order (`NameComparator`); particles ride on their surname.
/// - **Score.** The sum of log2(m/u) weights (`MatchWeights`): each agreeing part weighs by
///   how rare its key is among the residents (`NameFrequency`: SILVA and NGUYEN count less
///   than QUISPE), a roster part the resident lacks counts strongly against, a resident's part
///   the roster left out slightly; the birth date adds, a card number settles it when equal
///   and counts strongly against when both carry one and they differ.
/// - **Decision.** `MATCHED` needs a score over the match threshold, enough name evidence of
///   its own, and a clear lead over the runner-up: twins, siblings and namesakes share a
///   family name and sometimes a birth date, and a close second sends the row to `REVIEW`
///   with both. Below the review threshold the row is `UNMATCHED`.
///
/// Add every resident, call `compact()` (matching is then faster, never different), then match;
/// `match` only reads, so rows may be matched concurrently once adding is over (adding while
/// matching is not supported).
///
/// ```swift
/// let index = IdentityIndex()
/// index.add(IdentityRecord(id: 42, nameLatin: "DA SILVA SANTOS JOAO CARLOS", nameKana: nil,
///                          birthDate: try LocalDate("1985-03-14"), sex: .male,
///                          nationality: try Nationality("BR"), cardNumber: nil))
/// let decision = index.match(IdentityQuery(nameKana: "ｼﾞｮｱﾝ ｶﾙﾛｽ ﾀﾞｼﾙﾊﾞ", nameLatin: nil,
///                                          birthDate: try LocalDate("1985-03-14"), sex: .male,
///                                          cardNumber: nil))
/// // decision.outcome == .matched, decision.residentID == 42
/// ```
public final class IdentityIndex: @unchecked Sendable {
    private var records: [StoredRecord] = []
    private var parts: [StoredPart] = []
    private var keys = KeyTable()
    private var frequency = NameFrequency()
    private var byDate: [Int32: [UInt32]] = [:]
    private var bySkeleton = BlockLists()
    private var byCard: [UInt64: UInt32] = [:]
    /// The comparator every row is matched with, made by `compact`; adding a resident lets it
    /// go. One per row copied the key table's arrays, a retain and a release each, twice a row.
    private var comparator: NameComparator?

    public init() {}

    /// Residents added so far.
    public var count: Int { records.count }

    public func add(_ record: IdentityRecord) { add(record, reading: Reading(record)) }

    /// Adds many residents, as `add` one by one would: their names are read (spelling rules,
    /// sounds, other readings: most of the cost of indexing) on every core, then stored in order.
    public func addAll(_ records: [IdentityRecord]) { add(Self.read(records)) }

    /// Residents whose names are read (`read`), to be stored in order (`add`): a caller can
    /// have the next batch read on other threads while it stores one.
    public struct ReadResidents: Sendable {
        fileprivate let records: [IdentityRecord]
        fileprivate let readings: [Reading]
    }

    /// Reads the residents' names on every core; it touches no index, so it may run while
    /// residents read before are being added.
    public static func read(_ records: [IdentityRecord]) -> ReadResidents {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, records.count >= 256 else { return ReadResidents(records: records, readings: records.map(Reading.init)) }
        return ReadResidents(records: records,
                             readings: inPieces(records.count, pieces: min(records.count / 64, workers * 4)) { Reading(records[$0]) })
    }

    public func add(_ residents: ReadResidents) {
        for (record, reading) in zip(residents.records, residents.readings) { add(record, reading: reading) }
    }

    /// Call it once every resident is added. It puts the residents in block order (`inBlockOrder`)
    /// and gives back the room their lists kept for more: a list grows by doubling, so up to half
    /// of it is room, and at a million residents the name parts alone kept about 50 MB of it for
    /// the whole import. It keeps the second pass's lists flat (`BlockLists`). And it works out
    /// which of the most used keys are near one another (`CommonKeyPairs`), which spares matching
    /// most of its distance tables.
    public func compact() {
        keys.findCommonPairs()
        bySkeleton.flatten()
        inBlockOrder()
        comparator = NameComparator(keys: keys, frequency: frequency)
    }

    /// An index never compacted (the review desk compares one resident) makes one per use.
    private var comparing: NameComparator { comparator ?? NameComparator(keys: keys, frequency: frequency) }

    /// Stores the residents by birth date and sex, in the order they were added within each, and
    /// numbers them again. A row's block is then one stretch of memory: with the residents in the
    /// order they were added, each resident of a block was a cache miss for its record and
    /// another for its name, and at a million residents waiting on them was a third of matching.
    private func inBlockOrder() {
        var renumbered = [UInt32](repeating: 0, count: records.count)
        var ordered: [StoredRecord] = [], orderedParts: [StoredPart] = []
        ordered.reserveCapacity(records.count)
        orderedParts.reserveCapacity(parts.count)
        for dateSex in byDate.keys.sorted() {
            for number in byDate[dateSex]! {
                var record = records[Int(number)]
                let start = Int(record.partsStart)
                record.partsStart = UInt32(orderedParts.count)
                orderedParts += parts[start..<start + Int(record.latinParts) + Int(record.kanaParts)]
                renumbered[Int(number)] = UInt32(ordered.count)
                ordered.append(record)
            }
        }
        records = ordered
        parts = orderedParts
        // By position, not by key: a walk over the keys holds the dictionary, which the first
        // change then copies whole.
        var date = byDate.values.startIndex
        while date != byDate.values.endIndex {
            for i in byDate.values[date].indices { byDate.values[date][i] = renumbered[Int(byDate.values[date][i])] }
            byDate.values.formIndex(after: &date)
        }
        var card = byCard.values.startIndex
        while card != byCard.values.endIndex {
            byCard.values[card] = renumbered[Int(byCard.values[card])]
            byCard.values.formIndex(after: &card)
        }
        bySkeleton.renumber(renumbered)
    }

    /// `transform` of each of `0..<count`, in order, worked out in `pieces` runs spread over the cores.
    private static func inPieces<T>(_ count: Int, pieces: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                for i in (count * piece / pieces)..<(count * (piece + 1) / pieces) { (base + i).pointee = transform(i) }
            }
        }
        return out.map { $0! }
    }

    /// A resident's name parts as read before they are stored.
    fileprivate struct Reading: Sendable {
        let language: SpellingLanguage
        let latin: [NameParser.Part]
        let kana: [NameParser.Part]

        init(_ record: IdentityRecord) {
            language = SpellingLanguage(nationality: record.nationality)
            latin = NameParser.latinParts(record.nameLatin, language: language)
            kana = record.nameKana.map(NameParser.kanaParts) ?? []
        }
    }

    private func add(_ record: IdentityRecord, reading: Reading) {
        // Before the key table changes, so that its arrays are not copied for the comparator's sake.
        comparator = nil
        let language = reading.language
        let latin = reading.latin.map { keys.store($0) }
        var kana = reading.kana.map { keys.store($0) }
        if kana.map(\.key) == latin.map(\.key) { kana = [] }
        let number = UInt32(records.count)
        let dateSex = Self.dateSex(record.birthDate, record.sex)
        records.append(StoredRecord(
            id: record.id, cardHash: record.cardNumber.map { Self.hash($0.rawValue) } ?? 0,
            partsStart: UInt32(parts.count), listed: number, dateSex: dateSex,
            latinParts: UInt8(min(latin.count, 255)), kanaParts: UInt8(min(kana.count, 255)), language: language))
        parts.append(contentsOf: latin.prefix(255))
        parts.append(contentsOf: kana.prefix(255))
        frequency.add(resident: (latin + kana).map(\.key))
        byDate[dateSex, default: []].append(number)
        var skeletons = Set<UInt64>()
        for family in [latin.first, kana.first].compactMap({ $0 }) {
            for key in [family.key, family.joined, family.spoken] where key != StoredPart.none {
                skeletons.insert(Self.skeletonKey(keys.skeletons[Int(key)], record.birthDate.year,
                                                  record.birthDate.month, record.sex))
            }
        }
        for skeleton in skeletons { bySkeleton.append(number, to: skeleton) }
        if let card = record.cardNumber { byCard[Self.hash(card.rawValue)] = number }
    }

    /// Decides with the hand-set weights.
    public func match(_ query: IdentityQuery) -> MatchDecision { match(query, using: .handSet) }

    /// Decides with `parameters`, as estimated from the night's roster by `estimate`.
    public func match(_ query: IdentityQuery, using parameters: MatchParameters) -> MatchDecision {
        match(query, using: parameters, explaining: false)
    }

    /// With `explaining`, the decision's explanation is worked out at once, with the
    /// similarities the decision was made with at hand; otherwise it is worked out when asked.
    private func match(_ query: IdentityQuery, using parameters: MatchParameters, explaining: Bool) -> MatchDecision {
        let comparator = comparing
        // The comparator's table, not the index's: handing over a class's stored struct copies
        // it, a retain and a release for each of its arrays.
        var prepared = PreparedQuery(query, keys: comparator.keys)
        var scored = candidates(query, &prepared, comparator, parameters)
        // Ties go to the resident listed first: the blocks are walked through hashed sets, whose
        // order changes from run to run, and the same roster must give the same links every night.
        scored.sort { $0.total != $1.total ? $0.total > $1.total : $0.listed < $1.listed }
        let (first, second) = (scored.first, scored.dropFirst().first)
        if explaining {
            // Asked later, the comparisons were worked out a second time from an empty cache: a
            // match report explains every row, and that was a twentieth of the import's CPU.
            let explanation = explain(first, second, &prepared, comparator, parameters)
            return decide(scored, parameters) { explanation }
        }
        // The explanation compares again with the row's parts as read here: reading a row's
        // katakana again cost as much as explaining it. Its similarities are let go, since a
        // decision may wait a while for its explanation (a batch of thousands of rows at once).
        prepared.similarities = SimilarityCache(capacity: 16)
        return decide(scored, parameters) { [self, prepared] in
            var prepared = prepared
            return explain(first, second, &prepared, comparing, parameters)
        }
    }

    private func explain(_ first: Candidate?, _ second: Candidate?, _ prepared: inout PreparedQuery,
                         _ comparator: NameComparator, _ parameters: MatchParameters) -> MatchExplanation {
        MatchExplanation(best: first.map { explain($0, &prepared, comparator) },
                         runnerUp: second.map { explain($0, &prepared, comparator) },
                         parameters: parameters.source)
    }

    /// Every resident the blocks bring in for `query`, scored.
    private func candidates(_ query: IdentityQuery, _ prepared: inout PreparedQuery, _ comparator: NameComparator,
                            _ parameters: MatchParameters) -> [Candidate] {
        let dateSex = Self.dateSex(query.birthDate, query.sex)
        var scored: [Candidate] = []
        // A block is about 70 at a million residents; grown by doubling, the list was reallocated
        // seven times a row.
        let block = byDate[dateSex] ?? []
        scored.reserveCapacity(block.count + 8)
        let queryCard = query.cardNumber.map { Self.hash($0.rawValue) }

        /// `unseen`: the caller knows the resident is not among those scored (a block lists
        /// each resident once), which spares a look through a block of 70 for each of the 70.
        func consider(_ number: UInt32, date: ComparisonVector.BirthDate, unseen: Bool = false) {
            guard unseen || !scored.contains(where: { $0.number == number }) else { return }
            let record = records[Int(number)]
            let (name, pairing) = nameEvidence(record, &prepared, comparator)
            var card = ComparisonVector.Card.missing
            if let queryCard, record.cardHash != 0 { card = queryCard == record.cardHash ? .equal : .conflict }
            let level = Self.level(name)
            scored.append(Candidate(number: number, listed: record.listed, pairing: pairing, nameLevel: level, date: date, card: card,
                                    sexAgrees: record.dateSex & 3 == dateSex & 3,
                                    name: name.score + parameters.nameOffset[level.rawValue],
                                    dateWeight: parameters.birthDate[date.rawValue], cardWeight: parameters.card[card.rawValue]))
        }

        for number in block { consider(number, date: .exact, unseen: true) }
        if (scored.map(\.total).max() ?? -.infinity) < MatchWeights.reviewThreshold {
            let months = Set([query.birthDate.month, query.birthDate.day].filter { $0 <= 12 })
            for skeleton in prepared.skeletons {
                for month in months {
                    let key = Self.skeletonKey(skeleton, query.birthDate.year, month, query.sex)
                    bySkeleton.forEach(in: key) { number in
                        guard records[Int(number)].dateSex != dateSex else { return }
                        let date = LocalDate(dayNumber: Int(records[Int(number)].dateSex >> 2))
                        if Self.isNearMiss(date, query.birthDate) { consider(number, date: .near) }
                    }
                }
            }
        }
        if let queryCard, let number = byCard[queryCard] {
            let date = LocalDate(dayNumber: Int(records[Int(number)].dateSex >> 2))
            consider(number, date: records[Int(number)].dateSex == dateSex ? .exact
                : date.year == query.birthDate.year && Self.isNearMiss(date, query.birthDate) ? .near : .other)
        }
        return scored
    }

    private static func level(_ name: NameComparator.Evidence) -> ComparisonVector.Name {
        name.agreed == 0 ? .disagree : name.unmatchedQuery > 0 ? .partial : name.close > 0 ? .close : .exact
    }

    /// The weights tonight's roster supports, estimated over the pairs its blocks compare (see
    /// `ParameterEstimator`); at most `sample` rows, spread evenly, are compared for it.
    /// The rows' candidates are found on every core (on one, this held up the start of a
    /// roster's matching for a second) and counted in the rows' order, so that the sums, and
    /// the weights, are the same to the bit.
    public func estimate(_ queries: [IdentityQuery], sample: Int = 20_000) -> MatchParameters {
        let comparator = comparing
        let step = max(1, queries.count / max(1, sample))
        let sampled = stride(from: 0, to: queries.count, by: step).map { queries[$0] }
        let pairs = Self.inPieces(sampled.count, pieces: Self.pieces(sampled.count)) { row in
            var prepared = PreparedQuery(sampled[row], keys: comparator.keys)
            return candidates(sampled[row], &prepared, comparator, .handSet).filter { $0.date == .exact }
                .map { (name: $0.nameLevel, card: $0.card, score: $0.name) }
        }
        var estimator = ParameterEstimator()
        for pair in pairs.joined() { estimator.add(name: pair.name, card: pair.card, handNameScore: pair.score) }
        return estimator.estimate()
    }

    /// How many runs `inPieces` splits `count` rows into: a few for each core, one where one
    /// core or few rows would not repay the threads.
    private static func pieces(_ count: Int) -> Int {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return workers > 1 && count >= 64 ? min(count / 16, workers * 8) : 1
    }

    /// `match` for many rows at once, spread over the machine's cores; the decisions come back
    /// in the order of the rows. The import calls it a batch at a time. With `explaining` (a
    /// caller that will explain every row), each explanation is worked out with its decision.
    public func matchAll(_ queries: [IdentityQuery], using parameters: MatchParameters = .handSet,
                         explaining: Bool = false) -> [MatchDecision] {
        let pieces = Self.pieces(queries.count)
        guard pieces > 1 else { return queries.map { match($0, using: parameters, explaining: explaining) } }
        return Self.inPieces(queries.count, pieces: pieces) { match(queries[$0], using: parameters, explaining: explaining) }
    }

    // MARK: - Deciding

    private struct Candidate {
        let number: UInt32
        /// Where the resident was in the order they were added (`StoredRecord.listed`).
        let listed: UInt32
        /// Which of the row's names met which of the resident's for the name score (nil: neither has one).
        let pairing: Pairing?
        let nameLevel: ComparisonVector.Name
        let date: ComparisonVector.BirthDate
        let card: ComparisonVector.Card
        let sexAgrees: Bool
        let name: Double
        let dateWeight: Double
        let cardWeight: Double
        var total: Double { name + dateWeight + cardWeight }
    }

    /// `MATCHED` also needs every part the roster writes to be the resident's (a part they lack
    /// is how a sibling or a namesake looks) unless the card agrees, and never a card that
    /// differs, whatever weights the roster's estimate gives those levels.
    private func decide(_ ranked: [Candidate], _ parameters: MatchParameters,
                        explanation: @escaping @Sendable () -> MatchExplanation) -> MatchDecision {
        // A card number is issued to one person: with the birth date and sex it settles who the
        // row is, whatever spelling the partner gave the name.
        if let best = ranked.first, best.card == .equal, best.date == .exact, best.sexAgrees {
            let id = records[Int(best.number)].id
            return MatchDecision(outcome: .matched, residentID: id, candidates: [id], score: best.total,
                                 reason: "The residence card number, the birth date and the sex agree with one resident.",
                                 explanation: explanation)
        }
        guard let best = ranked.first, best.total >= MatchWeights.reviewThreshold else {
            return MatchDecision(outcome: .unmatched, residentID: nil, candidates: [], score: ranked.first?.total ?? 0,
                                 reason: "No resident agrees on enough of the name, the birth date and the sex.",
                                 explanation: explanation)
        }
        let bestID = records[Int(best.number)].id
        let runnerUp = ranked.dropFirst().first
        let clearLead = runnerUp.map { best.total - $0.total >= MatchWeights.runnerUpGap } ?? true
        if best.total >= MatchWeights.matchThreshold + MatchWeights.blockAllowance(compared: ranked.count),
           best.name >= MatchWeights.minimumNameScore, clearLead, best.card != .conflict,
           best.nameLevel == .exact || best.nameLevel == .close || best.card == .equal {
            let reason = best.card == .equal
                ? "The residence card number agrees, and so do the name and the birth date, with one resident."
                : best.date == .exact
                ? "The name, birth date and sex agree with one resident and no other resident comes close."
                : "The name and sex agree with one resident whose birth date differs by a day or a swapped day and month."
            return MatchDecision(outcome: .matched, residentID: bestID, candidates: [bestID], score: best.total,
                                 reason: reason, explanation: explanation)
        }
        let close = ranked.prefix(5).filter {
            $0.total >= MatchWeights.reviewThreshold && best.total - $0.total < MatchWeights.runnerUpGap
        }
        let reason = !clearLead
            ? "\(close.count) residents score within the margin of each other, so a person must choose between them."
            : best.card == .conflict
            ? "The name and birth date agree with a resident whose residence card number differs from the row's."
            : "A resident agrees on the birth date and part of the name, not enough to attach the row automatically."
        return MatchDecision(outcome: .review, residentID: nil, candidates: close.map { records[Int($0.number)].id },
                             score: best.total, reason: reason, explanation: explanation)
    }

    private func explain(_ candidate: Candidate, _ prepared: inout PreparedQuery,
                         _ comparator: NameComparator) -> CandidateComparison {
        // Only the pairing that gave the score is compared again, now part by part: the
        // comparison is the same, so it comes to the same evidence.
        let names = candidate.pairing.flatMap {
            compare($0, records[Int(candidate.number)], &prepared, comparator, explain: true)?.parts
        }
        return CandidateComparison(
            residentID: records[Int(candidate.number)].id,
            vector: ComparisonVector(name: candidate.nameLevel, birthDate: candidate.date,
                                     sex: candidate.sexAgrees ? .agree : .disagree, card: candidate.card,
                                     nationality: .missing),
            names: names ?? [], nameWeight: candidate.name, birthDateWeight: candidate.dateWeight, sexWeight: 0,
            cardWeight: candidate.cardWeight, nationalityWeight: 0)
    }

    // MARK: - Names

    /// The four ways a row's name meets a resident's: the row's katakana or Latin parts against
    /// the resident's Latin name or katakana reading, in the order they are tried.
    private enum Pairing: CaseIterable {
        case kanaWithLatin, kanaWithKana, latinWithLatin, latinWithKana
    }

    /// The best of the pairings the row and the resident have (the first of equals), and which it was.
    private func nameEvidence(_ record: StoredRecord, _ query: inout PreparedQuery,
                              _ comparator: NameComparator) -> (NameComparator.Evidence, Pairing?) {
        var best = NameComparator.Evidence(score: -20, agreed: 0, unmatchedQuery: 0)
        var chosen: Pairing?
        for pairing in Pairing.allCases {
            guard let evidence = compare(pairing, record, &query, comparator, explain: false) else { continue }
            if chosen == nil || evidence.score > best.score { (best, chosen) = (evidence, pairing) }
        }
        return (best, chosen)
    }

    /// One pairing's evidence, nil where the row or the resident lacks that name.
    private func compare(_ pairing: Pairing, _ record: StoredRecord, _ query: inout PreparedQuery,
                         _ comparator: NameComparator, explain: Bool) -> NameComparator.Evidence? {
        let start = Int(record.partsStart), latinEnd = Int(record.partsStart) + Int(record.latinParts)
        let latin = parts[start..<latinEnd]
        let kana = parts[latinEnd..<latinEnd + Int(record.kanaParts)]
        // A resident's Latin name is compared even when empty, as their katakana is not.
        let withKana = pairing == .kanaWithKana || pairing == .latinWithKana
        guard !withKana || !kana.isEmpty else { return nil }
        let resident = withKana ? kana : latin
        switch pairing {
        case .kanaWithLatin, .kanaWithKana:
            guard !query.kana.isEmpty else { return nil }
            return comparator.compare(query.kana, resident, set: 0, cache: &query.similarities, explain: explain)
        case .latinWithLatin, .latinWithKana:
            guard query.hasLatin else { return nil }
            return comparator.compare(query.latin(in: record.language, keys: comparator.keys), resident,
                                      set: UInt64(record.language.rawValue) + 1, cache: &query.similarities, explain: explain)
        }
    }

    // MARK: - Blocking keys

    private static func sexCode(_ sex: Sex) -> Int32 {
        switch sex {
        case .male: 1
        case .female: 2
        case .notStated: 3
        }
    }

    private static func dateSex(_ date: LocalDate, _ sex: Sex) -> Int32 {
        Int32(date.dayNumber) << 2 | sexCode(sex)
    }

    /// Family-name skeleton, birth year, birth month and sex: a wrong day keeps the month, and
    /// swapped day and month put the resident under the row's day.
    private static func skeletonKey(_ skeleton: UInt16, _ year: Int, _ month: Int, _ sex: Sex) -> UInt64 {
        UInt64(skeleton) << 24 | UInt64(year & 0x3FFF) << 8 | UInt64(month) << 2 | UInt64(sexCode(sex))
    }

    /// Same year and either the same month (a wrong day) or day and month swapped.
    private static func isNearMiss(_ a: LocalDate, _ b: LocalDate) -> Bool {
        a.year == b.year && (a.month == b.month || (a.month == b.day && a.day == b.month))
    }

    private static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h | 1
    }
}

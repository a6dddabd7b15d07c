import Dispatch
import KyoseiIdentity

extension IdentityIndex {
    /// Matches many rows on every core. `match` only reads the index once it is built, so rows
    /// are independent; the results come back in the order of `queries`.
    func matchConcurrently(_ queries: [IdentityQuery]) -> [MatchDecision] {
        guard queries.count > 1 else { return queries.map(match) }
        var results = [MatchDecision?](repeating: nil, count: queries.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunks = 8
            let size = (queries.count + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in (chunk * size)..<min(queries.count, (chunk + 1) * size) {
                    slots[i] = match(queries[i])
                }
            }
        }
        return results.map { $0! }
    }
}

import Foundation
import GRDB
import KyoseiIdentity
import KyoseiStore

/// How a roster import learns its weights: it estimates `MatchParameters` from its first rows
/// (`IdentityIndex.estimate`, which keeps the hand-set weights on a roster too small to say)
/// and keeps them with the file, so any of its decisions can be explained later.
enum ParametersSample {
    /// Rows the estimate is made from: the estimator's own sample size.
    static let rows = 20_000

    static func store(_ parameters: MatchParameters?, file: Int64, in db: Database) throws {
        guard let parameters else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try IntakeFileRecord.setMatchParameters(String(decoding: try encoder.encode(parameters), as: UTF8.self), forFile: file, in: db)
    }
}

import GRDB
import KyoseiStore

/// `audit_subject` read in entry order, so `audit verify` checks every entry's residents while
/// it walks the chain instead of asking once per entry.
struct AuditSubjectCursor {
    private let rows: RowCursor
    private var next: (seq: Int64, residentID: Int64)?

    init(_ db: Database) throws {
        rows = try AuditSubjectRecord.inEntryOrder(in: db)
        try advance()
    }

    /// The first entry before `seq` that has residents recorded, if any: the chain holds no such
    /// entry, since `seq` is the next one it holds.
    func stray(before seq: Int64) -> Int64? {
        guard let next, next.seq < seq else { return nil }
        return next.seq
    }

    /// The residents recorded for entry `seq`, in order.
    mutating func take(_ seq: Int64) throws -> [Int64] {
        var ids: [Int64] = []
        while let next, next.seq == seq {
            ids.append(next.residentID)
            try advance()
        }
        return ids
    }

    private mutating func advance() throws {
        next = try rows.next().map { ($0["seq"], $0["resident_id"]) }
    }
}

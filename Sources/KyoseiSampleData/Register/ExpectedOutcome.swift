/// What intake should do with a written file, so tests and the demo can check it did.
public enum ExpectedOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Every row applied.
    case applied
    /// The good rows applied; this many rows set aside as rejects.
    case appliedWithRejects(Int)
    /// Nothing applied.
    case refused(Refusal)
    /// The same file was applied before: nothing changes.
    case alreadyApplied

    public enum Refusal: Sendable, Hashable, CustomStringConvertible {
        case checksumMismatch
        case rowCountMismatch
        case municipalityMismatch
        /// A delta whose previous sequence was never applied.
        case sequenceGap(missing: Int)
        /// A sequence already applied, with other content.
        case sequenceConflict

        public var description: String {
            switch self {
            case .checksumMismatch: "checksum mismatch"
            case .rowCountMismatch: "row count mismatch"
            case .municipalityMismatch: "municipality mismatch"
            case let .sequenceGap(missing): "sequence gap (missing \(missing))"
            case .sequenceConflict: "sequence already applied with other content"
            }
        }
    }

    public var description: String {
        switch self {
        case .applied: "applied"
        case let .appliedWithRejects(count): "applied with \(count) reject\(count == 1 ? "" : "s")"
        case let .refused(reason): "refused: \(reason)"
        case .alreadyApplied: "already applied (no change)"
        }
    }
}

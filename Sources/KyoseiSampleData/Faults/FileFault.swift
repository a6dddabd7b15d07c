/// A deliberately broken or awkward register file, for the integrity, ordering and decoding
/// checks of intake. Each is a delta following a snapshot and `appliedDeltas` good deltas.
public enum FileFault: String, CaseIterable, Sendable, Hashable {
    /// The CSV is cut off two thirds of the way through, mid-row; the manifest describes the full file.
    case truncated
    /// The manifest's `sha256` is not the CSV's.
    case wrongChecksum
    /// The manifest's `row_count` is two more than the CSV holds.
    case wrongRowCount
    /// The manifest names another municipality (its rows still name this one).
    case wrongMunicipality
    /// The next sequence is skipped: sequence L+2 arrives after L.
    case sequenceGap
    /// The last applied file again, byte for byte.
    case replay
    /// The last applied sequence again, with different content.
    case conflictingResend
    /// The next delta, good, but encoded in CP932: intake must decode it and apply it.
    case shiftJIS
}

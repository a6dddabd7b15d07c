import Foundation
import KyoseiIntake
import KyoseiDomain

/// One register file pair the sample city wrote, with what intake is expected to make of it.
public struct WrittenRegisterFile: Sendable {
    public let csvURL: URL
    public let manifestURL: URL
    /// The manifest as written (for a fault, the wrong one).
    public let manifest: RegisterManifest
    public let expectedOutcome: ExpectedOutcome
    /// The bad rows, in file order.
    public let rejects: [ExpectedReject]
    /// The file-level fault, if this file is one.
    public let fault: FileFault?
    /// Rows per event (deltas only).
    public let events: [RegisterEvent: Int]
    /// How a changed snapshot differs from the first (changed snapshots only).
    public let changes: SnapshotChanges?

    public var fileName: String { csvURL.lastPathComponent }
    public var rejectLines: [Int] { rejects.map(\.line) }
}

/// Differences of a changed snapshot from the city's first snapshot.
public struct SnapshotChanges: Sendable, Hashable {
    /// Rows whose address, status, stay or name differ.
    public let changedRows: Int
    /// Residents of the first snapshot left out.
    public let missingRows: Int
    /// Walk-ins who have since registered, new in this snapshot.
    public let addedRows: Int
}

import Foundation

/// An `EMP-<date>.csv` the sample city wrote, with the truth about every line.
public struct WrittenEmploymentFile: Sendable {
    public struct Line: Sendable, Hashable {
        public let line: Int
        public let scenario: EmploymentScenario
        public let cardNumber: String
        /// The Kyosei resident it is about, by register person id (nil for an unknown card).
        public let personID: String?
    }

    public let csvURL: URL
    public let lines: [Line]

    public var fileName: String { csvURL.lastPathComponent }
    public var path: String { csvURL.path }

    /// Lines per scenario (for `hireThenSeparation`, the separation's line).
    public func lines(_ scenario: EmploymentScenario) -> [Line] { lines.filter { $0.scenario == scenario } }
}

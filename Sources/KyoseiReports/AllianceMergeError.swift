/// Why a set of Alliance files cannot be added together, in one sentence naming the files.
public struct AllianceMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}

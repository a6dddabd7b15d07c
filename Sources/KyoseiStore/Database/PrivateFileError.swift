/// A file holding personal data could not be created, or was found readable by everyone.
public struct PrivateFileError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

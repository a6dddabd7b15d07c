/// A bad row the sample city put into a file, where it is, and why it is bad.
public struct ExpectedReject: Sendable, Hashable {
    /// Physical line the record starts on, counting the header as line 1 (a quoted line break
    /// in an earlier address moves later records down).
    public let line: Int
    /// Position among the data rows, from 1.
    public let record: Int
    public let personID: String
    public let fault: RowFault
}

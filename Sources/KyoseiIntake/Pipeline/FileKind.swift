/// One file format: its columns and how a record becomes a typed row. Register, insurance,
/// employment and school files differ only here; decoding, CSV, the header, rejects and
/// integrity are written once in `IntakeReader`.
public protocol FileKind: Sendable {
    associatedtype Column: FileColumn
    associatedtype Row: Sendable

    /// What the file is, for messages ("register delta", "school roster").
    var name: String { get }
    /// The columns a file of this kind has; its header must hold exactly these.
    var columns: [Column] { get }
    /// Turns one record into a row, or returns nil after recording every problem in `fields`.
    func row(from fields: inout RowReader<Column>) -> Row?
    /// Checks the file as a whole before any row is read (name, hash); throws to refuse it.
    func checkFile(_ scan: FileScan) throws(IntakeError)
    /// How many data records the file must hold, when a manifest says so.
    var expectedRowCount: Int? { get }
    /// Reads items from `reader` into `batch`, each with its record's text, until it holds
    /// `count`; false once the file has ended. Kinds do not write this: the one below serves
    /// them all. It is a requirement so that each kind gets a copy made for its own row type:
    /// run from the generic read-ahead, the loop looked up its generic types' metadata on every
    /// row, a sixth of reading a register file.
    static func read(_ count: Int, from reader: IntakeReader<Self>, into batch: inout [IntakeReadAhead<Self>.Item]) throws(IntakeError) -> Bool
}

extension FileKind {
    public var columns: [Column] { Column.allCases }
    public func checkFile(_ scan: FileScan) throws(IntakeError) {}
    public var expectedRowCount: Int? { nil }

    public static func read(_ count: Int, from reader: IntakeReader<Self>, into batch: inout [IntakeReadAhead<Self>.Item]) throws(IntakeError) -> Bool {
        while batch.count < count {
            guard let item = try reader.next() else { return false }
            batch.append(IntakeReadAhead.Item(item: item, recordText: reader.lastRecordText))
        }
        return true
    }
}

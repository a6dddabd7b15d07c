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
}

extension FileKind {
    public var columns: [Column] { Column.allCases }
    public func checkFile(_ scan: FileScan) throws(IntakeError) {}
    public var expectedRowCount: Int? { nil }
}

/// A column of a file format, as an enum whose raw values count from zero in declaration
/// order: the pipeline resolves each column's position in the file's header once, into an
/// array indexed by that raw value, so reading a field never hashes a column name.
public protocol FileColumn: RawRepresentable<Int>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// The name in the CSV header, as `formats.md` spells it.
    var name: String { get }
    var requirement: ColumnRequirement { get }
    /// A column added to a format after partners began sending it: a header without it is
    /// still valid (each row then reads it as empty), so no sender has to change a working
    /// export for a fact only some of them carry.
    var mayBeAbsent: Bool { get }
}

extension FileColumn {
    public var mayBeAbsent: Bool { false }
}

import KyoseiDomain

/// One record as a kind sees it: fields by column, and every problem found so far. A kind reads
/// every field it needs and records each problem instead of stopping at the first, so staff fix
/// a rejected row once rather than once per reason.
public struct RowReader<Column: FileColumn> {
    public let record: CSVRecord
    private let positions: [Int]
    private var problems: [RowProblem] = []

    /// Required columns left empty are reported here, for every kind alike.
    init(record: CSVRecord, layout: HeaderLayout<Column>) {
        self.record = record
        positions = layout.positions
        for required in layout.required where record.fields[required.position].isEmpty {
            problems.append(RowProblem(columns: [required.column], reason: "\(required.name): is required"))
        }
        // A NUL or another control character is never part of a name, a date or an address, and
        // a NUL would cut the value short in any C string downstream; a quoted line break is text.
        // Every such character is ASCII, and in UTF-8 an ASCII byte is only ever that character,
        // so the bytes are searched: by scalar, the search took about 6% of reading a register file.
        // The record's bytes hold every field's, so only a record with such a byte is searched
        // field by field, to name the column.
        guard record.raw.bytes.contains(where: Self.isForbiddenControl) else { return }
        for (column, position) in positions.enumerated() where position >= 0 {
            let field = record.fields[position].utf8
            if let control = field.withContiguousStorageIfAvailable({ $0.first(where: Self.isForbiddenControl) })
                ?? field.first(where: Self.isForbiddenControl) {
                let name = Column(rawValue: column).map(\.name) ?? "column \(position + 1)"
                let hex = String(control, radix: 16, uppercase: true)
                problems.append(RowProblem(
                    columns: [column],
                    reason: "\(name): holds the control character U+\(String(repeating: "0", count: 4 - hex.count) + hex), which no field may hold"))
            }
        }
    }

    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")) || byte == 0x7F
    }

    /// The field's text as it stands in the file; empty when the file has no such column.
    public subscript(column: Column) -> String {
        let position = positions[column.rawValue]
        return position < 0 ? "" : record.fields[position]
    }

    public func isEmpty(_ column: Column) -> Bool { self[column].isEmpty }

    /// Free text, nil when empty.
    public func text(_ column: Column) -> String? {
        let value = self[column]
        return value.isEmpty ? nil : value
    }

    /// Parses a non-empty field, recording the reason when it is invalid. An empty field gives
    /// nil without a reason: a required one was reported when the record was read, and a
    /// conditional one is for the kind to judge.
    public mutating func parse<T>(_ column: Column, _ parser: (String) throws -> T) -> T? {
        let value = self[column]
        guard !value.isEmpty else { return nil }
        do {
            return try parser(value)
        } catch let error as ValidationError {
            problems.append(RowProblem(columns: [column.rawValue], reason: "\(column.name) \(value): \(error.reason)"))
        } catch {
            problems.append(RowProblem(columns: [column.rawValue], reason: "\(column.name) \(value): \(error)"))
        }
        return nil
    }

    /// Records a problem the kind found itself, such as a rule across columns.
    public mutating func reject(_ columns: Column..., reason: String) {
        problems.append(RowProblem(columns: columns.map(\.rawValue), reason: reason))
    }

    public var hasProblems: Bool { !problems.isEmpty }

    /// The reject, with reasons in the format's column order so they read like the file.
    func makeReject(file: String) -> Reject {
        let ordered = problems.enumerated().sorted { a, b in
            (a.element.columns.min() ?? Int.max, a.offset) < (b.element.columns.min() ?? Int.max, b.offset)
        }.map(\.element)
        let columns = Set(ordered.flatMap(\.columns)).sorted().map { Column.allCases[$0].name }
        return Reject(file: file, line: record.line, columns: columns, reasons: ordered.map(\.reason), recordText: record.text)
    }
}

/// A reason and the columns it is about (by raw value), kept free of the column type so the
/// per-row path builds no generic metadata.
struct RowProblem {
    let columns: [Int]
    let reason: String
}

/// The one intake pipeline: opens a file of a given kind, checks it whole (integrity, encoding,
/// header), then yields its records one at a time as typed rows or rejects. It reads the file
/// twice, once to hash and detect and once to parse, and never holds more than a chunk and one
/// record, so a file of a million rows costs no more memory than a file of ten.
///
/// It writes nothing. A thrown `IntakeError` refuses the whole file, possibly after rows were
/// yielded (broken quoting near the end, a row count short of the manifest), so a caller applies
/// the rows only after `next()` has returned nil.
public final class IntakeReader<Kind: FileKind> {
    public let kind: Kind
    public let scan: FileScan
    /// Data records read so far, rows and rejects alike (blank lines are not records).
    public private(set) var recordCount = 0
    /// The raw text of the record `next()` returned last, for a row the caller sets aside itself
    /// (a person listed twice in one snapshot is only visible against the database).
    public private(set) var lastRecordText = RecordText("")
    private let layout: HeaderLayout<Kind.Column>
    private let csv: CSVReader
    /// The line and field count of the record just read when it had fewer fields than the header.
    private var shortRecord: (line: Int, fields: Int)?

    public var fileName: String { scan.fileName }
    /// The file's header in file order; keep it with the rejects to re-validate them later.
    public var header: [String] { layout.names }

    public init(path: String, kind: Kind, options: IntakeOptions = IntakeOptions()) throws(IntakeError) {
        let name = KyoseiIntake.fileName(ofPath: path)
        let scan = try FileScan.scan(path: path, fileName: name, override: options.encoding, chunkSize: options.chunkSize)
        try kind.checkFile(scan)
        let stream = try DecodedChunkStream(
            path: path, fileName: name, encoding: scan.encoding, chunkSize: options.chunkSize, expected: scan.stamp)
        let csv = CSVReader(fileName: name, maxRecordBytes: options.maxRecordBytes, source: stream.next)
        guard let headerRecord = try csv.next() else {
            throw IntakeError(file: name, reason: "is empty: it has no header row")
        }
        layout = try HeaderLayout(
            names: headerRecord.fields, columns: kind.columns, kindName: kind.name, fileName: name, line: headerRecord.line)
        self.kind = kind
        self.scan = scan
        self.csv = csv
    }

    /// The next data record as a row or a reject; nil once the file is read and whole.
    public func next() throws(IntakeError) -> IntakeItem<Kind.Row>? {
        guard let record = try csv.next() else {
            // A short record in the middle of a file is one bad row; as the last record it is
            // what a transfer cut off mid-file leaves, and the rest of the list is missing too.
            if let short = shortRecord {
                throw IntakeError(
                    file: fileName, line: short.line,
                    reason: "ends in a cut-off record (\(short.fields) fields where the header has \(layout.names.count)): the file looks truncated in transfer, so none of it is applied; ask the sender for the whole file")
            }
            if let expected = kind.expectedRowCount, expected != recordCount {
                throw IntakeError(file: fileName, reason: "has \(recordCount) data rows, the manifest says \(expected)")
            }
            return nil
        }
        recordCount += 1
        lastRecordText = record.raw
        shortRecord = record.fields.count < layout.names.count ? (record.line, record.fields.count) : nil
        return Self.evaluate(record, layout: layout, kind: kind, fileName: fileName)
    }

    /// Checks one corrected record, as staff re-submit a reject: the text is read as one CSV
    /// record under the file's header and judged exactly as the file's rows were.
    public static func revalidate(
        recordText: String, header: [String], kind: Kind, fileName: String, line: Int
    ) throws(IntakeError) -> IntakeItem<Kind.Row> {
        let layout = try HeaderLayout<Kind.Column>(names: header, columns: kind.columns, kindName: kind.name, fileName: fileName, line: nil)
        let csv = CSVReader(text: recordText, fileName: fileName)
        guard let record = try csv.next() else {
            throw IntakeError(file: fileName, line: line, reason: "the corrected record is empty")
        }
        guard try csv.next() == nil else {
            throw IntakeError(file: fileName, line: line, reason: "the corrected text holds more than one record")
        }
        let placed = CSVRecord(fields: record.fields, line: line, raw: record.raw)
        return evaluate(placed, layout: layout, kind: kind, fileName: fileName)
    }

    private static func evaluate(
        _ record: CSVRecord, layout: HeaderLayout<Kind.Column>, kind: Kind, fileName: String
    ) -> IntakeItem<Kind.Row> {
        guard record.fields.count == layout.names.count else {
            // The fields cannot be matched to columns, so no other reason would mean anything.
            let reason = "has \(record.fields.count) fields where the header has \(layout.names.count)"
            return .reject(Reject(file: fileName, line: record.line, columns: [], reasons: [reason], recordText: record.text))
        }
        var fields = RowReader(record: record, layout: layout)
        if let row = kind.row(from: &fields), !fields.hasProblems {
            return .row(row, line: record.line)
        }
        return .reject(fields.makeReject(file: fileName))
    }
}

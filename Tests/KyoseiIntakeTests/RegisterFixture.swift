import Foundation
import KyoseiDomain
import KyoseiIntake

/// Register records and export pairs (CSV + manifest) for tests, valid unless told otherwise.
enum RegisterFixture {
    static let municipality = try! MunicipalityCode("221309")
    static let asOf = "2026-05-01T03:00:00+09:00"

    static func header(delta: Bool = false) -> [String] {
        RegisterColumn.allCases.filter { delta || !$0.isDeltaOnly }.map(\.name)
    }

    /// A mid- to long-term resident; `changes` replace fields by column name.
    static func record(_ changes: [String: String] = [:], delta: Bool = false) -> [String: String] {
        var fields = [
            "person_id": "12345678901", "municipality_code": "221309", "resident_category": "MID_LONG_TERM",
            "residence_card_number": "AB12345678CD", "name_latin": "SILVA JOAO", "name_kanji": "",
            "common_name": "", "name_kana": "シルバ・ジョアン", "birth_date": "1990-04-01", "sex": "1",
            "nationality": "BR", "status_of_residence": "LONG_TERM", "period_of_stay": "P5Y",
            "stay_expiry_date": "2028-03-31", "household_id": "2000000001", "relationship": "HEAD",
            "postal_code": "430-0933", "address": "静岡県浜松市中央区鍛冶町1-2, ハイツ浜松101", "district_code": "D07",
            "resident_since": "2015-04-01",
        ]
        if delta {
            fields["event"] = "MOVE_IN"
            fields["event_date"] = "2026-04-20"
        }
        fields.merge(changes) { $1 }
        return fields
    }

    static func line(_ record: [String: String], header: [String]) -> String {
        CSVWriter.record(header.map { record[$0] ?? "" })
    }

    static func csv(_ records: [[String: String]], delta: Bool = false, header: [String]? = nil, lineEnding: String = "\r\n") -> String {
        let header = header ?? Self.header(delta: delta)
        return ([CSVWriter.record(header)] + records.map { line($0, header: header) }).map { $0 + lineEnding }.joined()
    }

    enum Encoding { case utf8, utf8WithBOM, cp932 }

    /// Writes `REG-221309-<sequence>.csv` and its manifest; `manifest` may alter what the
    /// manifest says, to make it disagree with the file.
    @discardableResult
    static func writeExport(
        in folder: TemporaryFolder, records: [[String: String]], delta: Bool = false, header: [String]? = nil,
        sequence: Int = 12, encoding: Encoding = .utf8, lineEnding: String = "\r\n",
        manifest change: (inout ManifestFields) -> Void = { _ in }
    ) throws -> String {
        let text = csv(records, delta: delta, header: header, lineEnding: lineEnding)
        var bytes: [UInt8]
        switch encoding {
        case .utf8: bytes = Array(text.utf8)
        case .utf8WithBOM: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .cp932: bytes = try Transcoder.encode(text, to: "CP932")
        }
        let name = IntakeFileName.register(municipality: municipality, sequence: sequence).description
        let path = try folder.write(name, bytes: bytes)
        var fields = ManifestFields(
            municipality: municipality, kind: delta ? .delta : .snapshot, sequence: sequence, asOf: asOf,
            rowCount: records.count, sha256: try FileScan.scan(path: path).sha256)
        change(&fields)
        let manifest = try KyoseiIntake.RegisterManifest(
            municipalityCode: fields.municipality, kind: fields.kind, sequence: fields.sequence, asOf: fields.asOf,
            rowCount: fields.rowCount, sha256: fields.sha256)
        try manifest.jsonData().write(to: URL(fileURLWithPath: KyoseiIntake.RegisterManifest.path(forCSV: path)))
        return path
    }

    struct ManifestFields {
        var municipality: MunicipalityCode
        var kind: KyoseiIntake.RegisterManifest.ExportKind
        var sequence: Int
        var asOf: String
        var rowCount: Int
        var sha256: String
    }

    static func manifest(delta: Bool = false, asOf: String = asOf) -> KyoseiIntake.RegisterManifest {
        try! KyoseiIntake.RegisterManifest(
            municipalityCode: municipality, kind: delta ? .delta : .snapshot, sequence: 12, asOf: asOf, rowCount: 1,
            sha256: String(repeating: "0", count: 64))
    }

    /// Judges one record as the pipeline would, without a file.
    static func judge(_ record: [String: String], delta: Bool = false, asOf: String = asOf) throws -> IntakeItem<RegisterRow> {
        let header = header(delta: delta)
        return try IntakeReader.revalidate(
            recordText: line(record, header: header), header: header,
            kind: RegisterKind(manifest: manifest(delta: delta, asOf: asOf)), fileName: "REG-221309-000012.csv", line: 2)
    }

    static func reject(_ item: IntakeItem<RegisterRow>) -> Reject? {
        if case .reject(let reject) = item { return reject }
        return nil
    }

    static func row(_ item: IntakeItem<RegisterRow>) -> RegisterRow? {
        if case .row(let row, _) = item { return row }
        return nil
    }
}

/// Every item of a reader, for files small enough to hold in a test.
func readAll<Kind: FileKind>(_ reader: IntakeReader<Kind>) throws -> [IntakeItem<Kind.Row>] {
    var items: [IntakeItem<Kind.Row>] = []
    while let item = try reader.next() { items.append(item) }
    return items
}

/// Every record of a CSV reader.
func records(_ reader: CSVReader) throws -> [CSVRecord] {
    var out: [CSVRecord] = []
    while let record = try reader.next() { out.append(record) }
    return out
}

import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// How a reject's parts are stored: the header and the reasons as JSON arrays, so they come
/// back exactly as they went in whatever commas or quotes they hold.
enum RejectedRecord {
    /// Keeps one row set aside from the file `fileID`, open, for staff to fix or dismiss.
    static func store(_ reject: Reject, fileID: Int64, in db: Database) throws {
        var record = RejectRecord(fileID: fileID, line: reject.line, columns: reject.columns.joined(separator: ","),
                                  reasons: try reasonsText(reject.reasons), recordText: reject.recordText)
        try record.insert(db)
    }

    /// A file's summary as stored in `intake_file.summary`: JSON with its keys in order.
    static func summaryText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func headerText(_ header: [String]) throws -> String { try jsonArray(header) }
    static func reasonsText(_ reasons: [String]) throws -> String { try jsonArray(reasons) }

    static func strings(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    private static func jsonArray(_ values: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    /// The record's fields under the file's header, when it splits into as many fields.
    static func fields(of recordText: String, header: [String]) -> [String: String]? {
        let reader = CSVReader(text: recordText, fileName: "reject")
        guard let record = try? reader.next(), record.fields.count == header.count else { return nil }
        return Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first })
    }

    /// The person id a rejected register row names, if that one field is valid.
    static func personID(of reject: Reject, header: [String]) -> PersonID? {
        fields(of: reject.recordText, header: header)?["person_id"].flatMap { try? PersonID($0) }
    }

    /// The record text with some fields replaced, written back as one RFC 4180 record.
    static func replacing(_ changes: [String: String], in recordText: String, header: [String]) throws -> String {
        guard var fields = fields(of: recordText, header: header) else {
            throw ServiceError.usage("This reject's text does not split into the file's \(header.count) columns; give the whole corrected record with --text instead.")
        }
        for (column, value) in changes {
            guard fields[column] != nil else {
                throw ServiceError.usage("The file has no column \(column); its columns are \(header.joined(separator: ", ")).")
            }
            fields[column] = value
        }
        return CSVWriter.record(header.map { fields[$0] ?? "" })
    }
}

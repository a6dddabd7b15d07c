import Crypto
import Foundation
import KyoseiIntake

/// Writes a small register export (CSV + manifest) exactly as `formats.md` §1 describes, for
/// tests that need one particular row; the synthetic city covers volume and variety.
struct RegisterExport {
    static let columns = ["person_id", "municipality_code", "resident_category", "residence_card_number", "name_latin",
                          "name_kanji", "common_name", "name_kana", "birth_date", "sex", "nationality", "status_of_residence",
                          "period_of_stay", "stay_expiry_date", "household_id", "relationship", "postal_code", "address",
                          "district_code", "resident_since"]

    /// A registered person's row; override any column.
    static func person(_ id: Int, name: String, born: String = "1985-04-02", sex: String = "1", nationality: String = "BR",
                       card: String? = nil, _ overrides: [String: String] = [:]) -> [String: String] {
        var row = [
            "person_id": String(format: "%011d", id), "municipality_code": "221309", "resident_category": "MID_LONG_TERM",
            "residence_card_number": card ?? String(format: "AB%08dCD", id % 100_000_000), "name_latin": name,
            "birth_date": born, "sex": sex, "nationality": nationality, "status_of_residence": "LONG_TERM",
            "period_of_stay": "P3Y", "stay_expiry_date": "2028-06-30", "household_id": String(format: "%010d", 2_000_000_000 + id),
            "relationship": "HEAD", "postal_code": "430-0946", "address": "静岡県浜松市中区元城町\(id)",
            "district_code": "D03", "resident_since": "2015-04-01",
        ]
        row.merge(overrides) { $1 }
        return row
    }

    /// Writes `REG-221309-<sequence>.csv` and its manifest into `folder`; returns the CSV path.
    @discardableResult
    static func write(
        to folder: URL, sequence: Int, kind: String = "snapshot", rows: [[String: String]], encoding: String = "UTF-8",
        manifestOverrides: [String: Any] = [:], bytesTransform: ([UInt8]) -> [UInt8] = { $0 }
    ) throws -> String {
        let header = kind == "delta" ? columns + ["event", "event_date"] : columns
        let lines = [CSVWriter.record(header)] + rows.map { row in CSVWriter.record(header.map { row[$0] ?? "" }) }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let bytes = encoding == "UTF-8" ? Array(text.utf8) : try Transcoder.encode(text, to: encoding)
        let name = String(format: "REG-221309-%06d", sequence)
        let csv = folder.appendingPathComponent(name + ".csv")
        var manifest: [String: Any] = [
            "municipality_code": "221309", "kind": kind, "sequence": sequence, "as_of": "2026-11-22T23:00:00+09:00",
            "row_count": rows.count, "sha256": SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined(),
        ]
        manifest.merge(manifestOverrides) { $1 }
        try Data(bytesTransform(bytes)).write(to: csv)
        try JSONSerialization.data(withJSONObject: manifest).write(to: folder.appendingPathComponent(name + ".manifest.json"))
        return csv.path
    }
}

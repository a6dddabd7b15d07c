import Foundation
import KyoseiDomain

/// The JSON file delivered beside each register export. It is what makes a short, repeated or
/// out-of-order export detectable: the hash and row count prove the CSV arrived whole, the
/// sequence orders the exports.
public struct RegisterManifest: Sendable, Equatable, Encodable {
    public enum ExportKind: String, Sendable, Codable {
        /// Every registered foreign resident of the city as of `asOf`.
        case snapshot
        /// Changes since the previous sequence.
        case delta
    }

    public let municipalityCode: MunicipalityCode
    public let kind: ExportKind
    public let sequence: Int
    /// The export's ISO 8601 timestamp as written.
    public let asOf: String
    /// The calendar date of `asOf` as written (its own offset, normally Japan time): the day
    /// statuses are judged on.
    public let asOfDate: LocalDate
    public let rowCount: Int
    /// Lower-case hex SHA-256 of the CSV file's bytes.
    public let sha256: String

    public init(
        municipalityCode: MunicipalityCode, kind: ExportKind, sequence: Int, asOf: String, rowCount: Int, sha256: String
    ) throws(ValidationError) {
        var problems: [String] = []
        let date = Self.date(ofTimestamp: asOf)
        if date == nil { problems.append(Self.badTimestamp(asOf)) }
        if sequence <= 0 { problems.append("sequence \(sequence): must be a whole number above 0") }
        if rowCount < 0 { problems.append("row_count \(rowCount): must be a whole number, 0 or more") }
        if !Self.isSHA256(sha256) { problems.append("sha256 \(sha256): must be 64 hexadecimal digits") }
        guard problems.isEmpty, let date else {
            throw ValidationError(field: "manifest", value: "", reason: problems.joined(separator: "; "))
        }
        self.init(
            checked: municipalityCode, kind: kind, sequence: sequence, asOf: asOf, asOfDate: date, rowCount: rowCount,
            sha256: sha256)
    }

    private init(
        checked municipalityCode: MunicipalityCode, kind: ExportKind, sequence: Int, asOf: String, asOfDate: LocalDate,
        rowCount: Int, sha256: String
    ) {
        self.municipalityCode = municipalityCode
        self.kind = kind
        self.sequence = sequence
        self.asOf = asOf
        self.asOfDate = asOfDate
        self.rowCount = rowCount
        self.sha256 = sha256.lowercased()
    }

    /// `REG-…-….manifest.json` beside `REG-…-….csv`.
    public static func path(forCSV csvPath: String) -> String {
        (csvPath.hasSuffix(".csv") ? String(csvPath.dropLast(4)) : csvPath) + ".manifest.json"
    }

    /// Reads and validates the manifest beside a register CSV, naming every problem at once.
    public static func load(forCSV csvPath: String) throws(IntakeError) -> RegisterManifest {
        let path = path(forCSV: csvPath)
        let name = fileName(ofPath: path)
        let reader = try FileChunkReader(path: path, fileName: name)
        var bytes: [UInt8] = []
        while true {
            let chunk = try reader.read(upTo: 1 << 16)
            if chunk.isEmpty { break }
            bytes += chunk
            guard bytes.count <= 1 << 20 else { throw IntakeError(file: name, reason: "is too large to be a manifest") }
        }
        return try decode(Data(bytes), fileName: name)
    }

    /// Validates manifest JSON; `fileName` is for the messages.
    public static func decode(_ json: Data, fileName: String) throws(IntakeError) -> RegisterManifest {
        let object: [String: JSONScalar]
        do {
            object = try JSONDecoder().decode([String: JSONScalar].self, from: json)
        } catch {
            throw IntakeError(file: fileName, reason: "is not a JSON object")
        }
        var problems: [String] = []
        func value(_ key: String) -> JSONScalar? {
            guard let v = object[key] else {
                problems.append("\(key) is missing")
                return nil
            }
            return v
        }
        var municipality: MunicipalityCode?
        switch value("municipality_code") {
        case .string(let text)?:
            do { municipality = try MunicipalityCode(text) } catch { problems.append("\(error)") }
        case let other?: problems.append("municipality_code \(other): must be a string of 6 digits")
        case nil: break
        }
        var kind: ExportKind?
        switch value("kind") {
        case .string(let text)? where ExportKind(rawValue: text) != nil: kind = ExportKind(rawValue: text)
        case let other?: problems.append("kind \(other): must be snapshot or delta")
        case nil: break
        }
        let sequence = value("sequence").map { v -> Int? in
            if case .integer(let n) = v, n > 0 { return n }
            problems.append("sequence \(v): must be a whole number above 0")
            return nil
        } ?? nil
        let asOf = value("as_of").map { v -> (String, LocalDate)? in
            if case .string(let text) = v, let date = date(ofTimestamp: text) { return (text, date) }
            problems.append(badTimestamp(v.description))
            return nil
        } ?? nil
        let rowCount = value("row_count").map { v -> Int? in
            if case .integer(let n) = v, n >= 0 { return n }
            problems.append("row_count \(v): must be a whole number, 0 or more")
            return nil
        } ?? nil
        let sha256 = value("sha256").map { v -> String? in
            if case .string(let text) = v, isSHA256(text) { return text }
            problems.append("sha256 \(v): must be 64 hexadecimal digits")
            return nil
        } ?? nil
        guard problems.isEmpty, let municipality, let kind, let sequence, let asOf, let rowCount, let sha256 else {
            throw IntakeError(file: fileName, reason: "is not a valid manifest: " + problems.joined(separator: "; "))
        }
        return RegisterManifest(
            checked: municipality, kind: kind, sequence: sequence, asOf: asOf.0, asOfDate: asOf.1, rowCount: rowCount,
            sha256: sha256)
    }

    /// The manifest as the national system writes it, for tests and the synthetic city.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    enum CodingKeys: String, CodingKey {
        case municipalityCode = "municipality_code", kind, sequence, asOf = "as_of", rowCount = "row_count", sha256
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(municipalityCode, forKey: .municipalityCode)
        try c.encode(kind, forKey: .kind)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(rowCount, forKey: .rowCount)
        try c.encode(sha256, forKey: .sha256)
    }

    private static func badTimestamp(_ text: String) -> String {
        "as_of \(text): must be an ISO 8601 timestamp such as 2026-05-01T02:00:00+09:00"
    }

    private static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
    }

    /// The date of `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`, or nil when the text is not one.
    static func date(ofTimestamp text: String) -> LocalDate? {
        let b = Array(text.utf8)
        guard b.count >= 19, b[10] == 0x54, let date = try? LocalDate(String(decoding: b[0..<10], as: UTF8.self)) else { return nil }
        func number(_ at: Int, max: Int) -> Bool {
            guard at + 2 <= b.count, b[at..<at + 2].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            return Int(b[at] - 0x30) * 10 + Int(b[at + 1] - 0x30) <= max
        }
        guard number(11, max: 23), b[13] == 0x3A, number(14, max: 59), b[16] == 0x3A, number(17, max: 60) else { return nil }
        var i = 19
        if i < b.count, b[i] == 0x2E {
            i += 1
            let digitsStart = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > digitsStart else { return nil }
        }
        if i == b.count { return date }
        if b[i] == 0x5A { return i + 1 == b.count ? date : nil }
        guard b[i] == 0x2B || b[i] == 0x2D, b.count == i + 6, number(i + 1, max: 23), b[i + 3] == 0x3A, number(i + 4, max: 59) else {
            return nil
        }
        return date
    }
}

/// A JSON value as far as the manifest cares: so a wrong type gets a message, not a crash.
private enum JSONScalar: Decodable, CustomStringConvertible {
    case integer(Int)
    case string(String)
    case other

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .integer(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else {
            self = .other
        }
    }

    var description: String {
        switch self {
        case .integer(let n): String(n)
        case .string(let s): "\"\(s)\""
        case .other: "(not a string or a whole number)"
        }
    }
}

import KyoseiDomain

/// The file names of `formats.md`, parsed into what they say. The nightly job tells a file's
/// kind by its name, and a register file's name must agree with its manifest.
public enum IntakeFileName: Sendable, Hashable, CustomStringConvertible {
    /// `REG-<municipality>-<sequence>.csv`
    case register(municipality: MunicipalityCode, sequence: Int)
    /// `INS-<scheme>-<source>-<date>.csv`
    case insurance(scheme: InsuranceScheme, source: String, date: LocalDate)
    /// `EMP-<date>.csv`
    case employment(date: LocalDate)
    /// `SCH-<school year>-<term>.csv`
    case school(year: Int, term: SchoolTerm)

    static let patterns =
        "REG-<municipality>-<sequence>.csv, INS-<scheme>-<source>-<date>.csv, EMP-<date>.csv or SCH-<school year>-<term>.csv"

    /// Parses a file name (a path's last component is used).
    public init(_ path: String) throws(IntakeError) {
        let name = fileName(ofPath: path)
        func refuse(_ reason: String) -> IntakeError { IntakeError(file: name, reason: reason) }
        guard name.hasSuffix(".csv") else { throw refuse("is not named like a Kyosei file (\(Self.patterns))") }
        let stem = String(name.dropLast(4))
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        do {
            switch parts.first {
            case "REG":
                guard parts.count == 3 else { throw refuse("is not named REG-<municipality>-<sequence>.csv") }
                let municipality = try MunicipalityCode(parts[1])
                guard parts[2].isASCIIDigits, let sequence = Int(parts[2]), sequence > 0 else {
                    throw refuse("is not named REG-<municipality>-<sequence>.csv: the sequence must be a number above 0")
                }
                self = .register(municipality: municipality, sequence: sequence)
            case "INS":
                // The date holds hyphens and the source may too: the scheme is the first part and
                // the date the last ten characters.
                guard parts.count >= 6 else { throw refuse("is not named INS-<scheme>-<source>-<date>.csv") }
                let scheme = try InsuranceScheme(code: parts[1])
                let source = parts[2..<(parts.count - 3)].joined(separator: "-")
                let date = try LocalDate(parts.suffix(3).joined(separator: "-"), field: "date")
                guard !source.isEmpty else { throw refuse("is not named INS-<scheme>-<source>-<date>.csv: the source is empty") }
                self = .insurance(scheme: scheme, source: source, date: date)
            case "EMP":
                guard parts.count == 4 else { throw refuse("is not named EMP-<date>.csv") }
                self = .employment(date: try LocalDate(parts.dropFirst().joined(separator: "-"), field: "date"))
            case "SCH":
                guard parts.count == 3, parts[1].utf8.count == 4, parts[1].isASCIIDigits, let year = Int(parts[1]) else {
                    throw refuse("is not named SCH-<school year>-<term>.csv")
                }
                self = .school(year: year, term: try SchoolTerm(code: parts[2]))
            default:
                throw refuse("is not named like a Kyosei file (\(Self.patterns))")
            }
        } catch let error as IntakeError {
            throw error
        } catch {
            throw refuse("has a bad file name: \(error)")
        }
    }

    /// The file name in its canonical spelling (register sequences padded to six digits).
    public var description: String {
        switch self {
        case let .register(municipality, sequence):
            let digits = String(sequence)
            return "REG-\(municipality)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits).csv"
        case let .insurance(scheme, source, date): return "INS-\(scheme)-\(source)-\(date).csv"
        case let .employment(date): return "EMP-\(date).csv"
        case let .school(year, term): return "SCH-\(year)-\(term).csv"
        }
    }
}

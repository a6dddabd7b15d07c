import KyoseiDomain

/// Names of the register export's file pair. `formats.md` writes `REG-<municipality>-<sequence>`
/// without fixing a width; the sample city pads the sequence to six digits so names sort in
/// sequence order in a directory listing (`REG-221309-000001.csv`).
public enum RegisterFileName {
    public static let sequenceDigits = 6

    public static func sequence(_ sequence: Int) -> String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, sequenceDigits - digits.count)) + digits
    }

    public static func stem(municipality: MunicipalityCode, sequence: Int) -> String {
        "REG-\(municipality.rawValue)-\(Self.sequence(sequence))"
    }

    public static func csv(municipality: MunicipalityCode, sequence: Int) -> String {
        stem(municipality: municipality, sequence: sequence) + ".csv"
    }

    public static func manifest(municipality: MunicipalityCode, sequence: Int) -> String {
        stem(municipality: municipality, sequence: sequence) + ".manifest.json"
    }
}

import Foundation

/// One encoding for every Alliance file, so two runs over the same figures give the same bytes.
public enum AllianceJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

import KyoseiIdentity
import KyoseiStore

/// Fills the resident's normalised search columns from its names. Kept in one place so the
/// index is written the same way by staff edits and by the register sync.
public enum ResidentSearchText {
    /// The Latin words, then the phonetic keys of every part in any script, so that a
    /// katakana query finds a resident the register writes only in Latin letters.
    public static func latin(for record: ResidentRecord) -> String {
        var tokens = NameNormalizer.latinTokens(record.nameLatin)
        if let common = record.commonName, !NameNormalizer.containsJapanese(common) {
            tokens += NameNormalizer.latinTokens(common)
        }
        tokens += PhoneticSearch.indexTokens(latin: record.nameLatin, kana: record.nameKana, nationality: record.nationality)
        return tokens.joined(separator: " ")
    }

    public static func japanese(for record: ResidentRecord) -> String {
        [record.nameKana, record.nameKanji, record.commonName]
            .compactMap { $0 }
            .filter(NameNormalizer.containsJapanese)
            .map { NameNormalizer.bigrams(NameNormalizer.foldJapanese($0)).joined(separator: " ") }
            .joined(separator: " | ")
    }

    public static func refresh(_ record: inout ResidentRecord) {
        record.searchLatin = latin(for: record)
        record.searchJapanese = japanese(for: record)
    }
}

import GRDB
import KyoseiIdentity
import KyoseiStore

/// Runs a parsed query against the indexes: references by their unique index, names through
/// the FTS5 index (ranked by bm25), birth dates through `resident_birth`. A katakana fragment
/// also looks for the phonetic keys of its parts (`PhoneticSearch`), which finds residents the
/// register writes only in Latin letters; those come after the rows that match as written,
/// ranked by how alike they sound, and only where every part typed sounds like one of theirs.
enum ResidentSearch {
    /// Rows the phonetic keys may bring in before they are ranked by sound: a common family
    /// name alone (グエン) is shared by many.
    static let phoneticCandidates = 500

    static func run(_ query: ResidentQuery, limit: Int, in db: Database) throws -> [ResidentMatch] {
        if let ref = query.reference {
            return try [ResidentMatch(resident: ResidentWrites.fetch(ref, in: db), score: 1)]
        }
        guard let match = query.matchExpression else {
            return try ResidentRecord.all().filter(birthDate: query.birthDate!)
                .order(Column("name_latin"), Column("id")).limit(limit).fetchAll(db)
                .map { ResidentMatch(resident: $0, score: 1) }
        }
        let written = try fetch(match, query, limit: limit, in: db)
        // Rows heard come after the rows written, so a full page of the latter leaves no room.
        guard written.count < limit, let phonetic = phoneticExpression(query) else { return written }
        let found = Set(written.map { $0.resident.id })
        let heard = try fetch(phonetic, query, limit: phoneticCandidates, in: db).compactMap { match -> ResidentMatch? in
            let r = match.resident
            guard !found.contains(r.id) else { return nil }
            let readings = PhoneticSearch.Readings(latin: r.nameLatin, kana: r.nameKana, nationality: r.nationality)
            return PhoneticSearch.similarity(japanese: query.japaneseFragments, to: readings).map { ResidentMatch(resident: r, score: $0) }
        }
        .enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        return Array((written + heard).prefix(limit))
    }

    /// Residents whose search row matches `expression` (and the birth date, when given), best first.
    private static func fetch(_ expression: String, _ query: ResidentQuery, limit: Int, in db: Database) throws -> [ResidentMatch] {
        try ResidentRecord.searched(expression, bornOn: query.birthDate, limit: limit, in: db).map {
            ResidentMatch(resident: $0.resident, score: $0.score)
        }
    }

    /// The query again with each katakana fragment looked up by its parts' phonetic keys in
    /// the Latin column; the last part may be unfinished, so it is a prefix.
    static func phoneticExpression(_ query: ResidentQuery) -> String? {
        let keys = query.japaneseFragments.flatMap(PhoneticSearch.queryTokens)
        guard !keys.isEmpty else { return nil }
        var terms = query.latinTokens.map { "\"\($0)\"*" }
        terms += keys.enumerated().map { "\"\($0.element)\"" + ($0.offset == keys.count - 1 ? "*" : "") }
        return "search_latin : (" + terms.joined(separator: " AND ") + ")"
    }
}

import GRDB
import KyoseiIdentity
import KyoseiStore

/// Runs a parsed query against the indexes: references by their unique index, names through
/// the FTS5 index (ranked by bm25), birth dates through `resident_birth`. A katakana fragment
/// also looks for the phonetic keys of its parts (`PhoneticSearch`), which finds residents the
/// register writes only in Latin letters; those results are ranked by how alike they sound.
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
        let phonetic = phoneticExpression(query)
        var sql = """
            SELECT resident.*, -bm25(resident_search, 2.0, 1.0) AS score
            FROM resident_search JOIN resident ON resident.id = resident_search.rowid
            WHERE resident_search MATCH ?
            """
        var arguments: StatementArguments = [phonetic.map { "(\(match)) OR (\($0))" } ?? match]
        if let date = query.birthDate {
            sql += " AND resident.birth_date = ?"
            arguments += [date.description]
        }
        sql += " ORDER BY score DESC, resident.id LIMIT ?"
        arguments += [phonetic == nil ? limit : max(limit, phoneticCandidates)]
        let matches = try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            ResidentMatch(resident: try ResidentRecord(row: $0), score: $0["score"])
        }
        guard phonetic != nil else { return matches }
        return matches.map { match in
            let r = match.resident
            let readings = PhoneticSearch.Readings(latin: r.nameLatin, kana: r.nameKana, nationality: r.nationality)
            return ResidentMatch(resident: r, score: PhoneticSearch.similarity(japanese: query.japaneseFragments, to: readings))
        }
        .enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
        .prefix(limit).map(\.element)
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

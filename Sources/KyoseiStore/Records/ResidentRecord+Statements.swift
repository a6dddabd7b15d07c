import GRDB
import KyoseiDomain

/// The register sync writes a million rows in one transaction; GRDB's Codable persistence
/// compiles and authorises a statement per call, which measured at ~3,000 rows/s. These cached
/// statements bind the columns directly and are what every resident write uses.
extension ResidentRecord {
    /// Decoding by column instead of through `Decodable`: a second snapshot reads a million
    /// residents to compare them, and GRDB's Codable row decoder measured the larger cost.
    public init(row: Row) throws {
        guard let birthDate = row["birth_date"] as LocalDate?, let sex = row["sex"] as Sex?,
              let nationality = row["nationality"] as Nationality?, let state = row["register_state"] as RegisterState?
        else {
            throw DatabaseError(message: "resident \(row["id"] as Int64? ?? 0) has an invalid birth date, sex, nationality or state")
        }
        self.init(
            id: row["id"], personID: row["person_id"], registerState: state, residentCategory: row["resident_category"],
            residenceCardNumber: row["residence_card_number"], nameLatin: row["name_latin"], nameKanji: row["name_kanji"],
            commonName: row["common_name"], nameKana: row["name_kana"], birthDate: birthDate, sex: sex,
            nationality: nationality, statusOfResidence: row["status_of_residence"], periodOfStay: row["period_of_stay"],
            stayExpiryDate: row["stay_expiry_date"], householdID: row["household_id"], relationship: row["relationship"],
            postalCode: row["postal_code"], address: row["address"], districtCode: row["district_code"],
            residentSince: row["resident_since"], searchLatin: row["search_latin"], searchJapanese: row["search_japanese"],
            registerSequence: row["register_sequence"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    static let persistedColumns = [
        "person_id", "register_state", "resident_category", "residence_card_number", "name_latin", "name_kanji",
        "common_name", "name_kana", "birth_date", "sex", "nationality", "status_of_residence", "period_of_stay",
        "stay_expiry_date", "household_id", "relationship", "postal_code", "address", "district_code", "resident_since",
        "search_latin", "search_japanese", "register_sequence", "created_at", "updated_at",
    ]

    /// The columns `trackedFields` names, in its order: the first twenty persisted ones.
    public static let trackedColumns = Array(persistedColumns.prefix(20))

    /// A record from `trackedColumns` read by position from `offset` on, the other columns
    /// empty: a snapshot's search text is computed for every new resident, and GRDB's lookup of a
    /// column by name (it lower-cases each name) measured a sixth of a first snapshot's time.
    init(trackedRow row: Row, at offset: Int) throws {
        guard let birthDate = row[offset + 8] as LocalDate?, let sex = row[offset + 9] as Sex?,
              let nationality = row[offset + 10] as Nationality?, let state = row[offset + 1] as RegisterState?
        else { throw DatabaseError(message: "a staged register row has an invalid birth date, sex, nationality or state") }
        self.init(
            personID: row[offset], registerState: state, residentCategory: row[offset + 2], residenceCardNumber: row[offset + 3],
            nameLatin: row[offset + 4], nameKanji: row[offset + 5], commonName: row[offset + 6], nameKana: row[offset + 7],
            birthDate: birthDate, sex: sex, nationality: nationality, statusOfResidence: row[offset + 11],
            periodOfStay: row[offset + 12], stayExpiryDate: row[offset + 13], householdID: row[offset + 14],
            relationship: row[offset + 15], postalCode: row[offset + 16], address: row[offset + 17],
            districtCode: row[offset + 18], residentSince: row[offset + 19], createdAt: "", updatedAt: "")
    }

    /// The values of `trackedColumns`, as they are stored.
    public var trackedValues: [(any DatabaseValueConvertible)?] { Array(persistedValues.prefix(20)) }

    private var persistedValues: [(any DatabaseValueConvertible)?] {
        [personID, registerState, residentCategory, residenceCardNumber, nameLatin, nameKanji, commonName, nameKana,
         birthDate, sex, nationality, statusOfResidence, periodOfStay, stayExpiryDate, householdID, relationship,
         postalCode, address, districtCode, residentSince, searchLatin, searchJapanese, registerSequence, createdAt,
         updatedAt]
    }

    public mutating func insertCached(_ db: Database) throws {
        let sql = "INSERT INTO resident (" + Self.persistedColumns.joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: Self.persistedColumns.count).joined(separator: ", ") + ")"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(persistedValues))
        id = db.lastInsertedRowID
    }

    public func updateCached(_ db: Database) throws {
        guard let id else { throw DatabaseError(message: "cannot update a resident that has no id") }
        let sql = "UPDATE resident SET " + Self.persistedColumns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(persistedValues + [id]))
    }

    /// Adds the record's names to the search index (`resident_search`, external content).
    public func insertSearchEntry(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO resident_search(rowid, search_latin, search_japanese) VALUES (?, ?, ?)")
            .execute(arguments: [id, searchLatin, searchJapanese])
    }

    /// Removes the record's names, as they were indexed, from the search index.
    public func deleteSearchEntry(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO resident_search(resident_search, rowid, search_latin, search_japanese) VALUES ('delete', ?, ?, ?)
            """).execute(arguments: [id, searchLatin, searchJapanese])
    }

    public static func fetchOne(_ db: Database, personID: PersonID) throws -> ResidentRecord? {
        try ResidentRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM resident WHERE person_id = ?"), arguments: [personID.rawValue])
    }

    /// Residents without a register person id (walk-ins) with this birth date, sex and nationality.
    public static func fetchUnlinked(_ db: Database, birthDate: LocalDate, sex: Sex, nationality: Nationality) throws -> [ResidentRecord] {
        try ResidentRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM resident WHERE person_id IS NULL AND birth_date = ? AND sex = ? AND nationality = ? ORDER BY id"),
            arguments: [birthDate.description, sex.rawValue, nationality.rawValue])
    }

    /// Walk-ins holding this residence card number.
    public static func fetchUnlinked(_ db: Database, card: ResidenceCardNumber) throws -> [ResidentRecord] {
        try ResidentRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM resident WHERE person_id IS NULL AND residence_card_number = ? ORDER BY id"),
            arguments: [card.rawValue])
    }
}

extension HistoryRecord {
    public mutating func insertCached(_ db: Database) throws {
        try db.runCached("""
            INSERT INTO history (resident_id, entity, entity_id, field, old_value, new_value, changed_at, changed_by,
                                 source, source_ref, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.integer(residentID)
            $0.text(entity)
            $0.text(entityID)
            $0.text(field)
            $0.text(oldValue)
            $0.text(newValue)
            $0.text(changedAt)
            $0.text(changedBy)
            $0.code(source)
            $0.text(sourceRef)
            $0.text(reason)
        }
        id = db.lastInsertedRowID
    }
}

extension AuditSubjectRecord {
    /// Links entry `seq` to each of `residentIDs` in one statement, in their order (sorted, the
    /// table's key order, is fastest). A roster's million subjects inserted one statement each
    /// spent more on each statement's start and end than on the tables: 1.4 s against 0.55 s.
    public static func insert(seq: Int64, residentIDs: [Int64], in db: Database) throws {
        guard !residentIDs.isEmpty else { return }
        var list: [UInt8] = [UInt8(ascii: "[")]
        list.reserveCapacity(residentIDs.count * 9 + 2)
        for id in residentIDs {
            if list.count > 1 { list.append(UInt8(ascii: ",")) }
            list.append(contentsOf: String(id).utf8)
        }
        list.append(UInt8(ascii: "]"))
        try db.execute(sql: "INSERT INTO audit_subject (seq, resident_id) SELECT ?, value FROM json_each(?)",
                       arguments: [seq, String(decoding: list, as: UTF8.self)])
    }
}

import Foundation
import GRDB
import GRDBSQLite

/// A register export applied as sets rather than row by row. The file's valid rows are
/// streamed into a temporary table with one prepared statement; then a handful of statements
/// find who is new, who changed and how, and (for a snapshot) who the export no longer lists,
/// and write the residents, their history (one row per changed field, as a staff edit writes it)
/// and the search index. A row costs one insert into the staging table instead of a lookup, a decode, a compare
/// and an update in Swift: at a million rows that is most of the difference to `sqlite3 .import`.
///
/// Everything lives in temp tables of the import's own connection and transaction, so a rollback
/// or a `kill -9` forgets it with the rest of the file.
///
/// The temp tables have no statistics, and SQLite guessed them as large as `resident`: it chose
/// to scan every resident and look each up in the temp table, five times per file, so a delta of
/// 20,000 rows read a million-row table five times over. The joins to `resident` therefore name
/// their order (`LEFT JOIN` and `CROSS JOIN`, and `+` where an `UPDATE … FROM` joins the table it
/// updates): the temp table drives, in id order, and residents are read by id. The staged rows
/// are looked up once, in `register_listed`; the later steps read that table in order.
public final class RegisterStaging {
    /// What the file did, for its outcome and the audit entry.
    public struct Result: Sendable {
        public var created = 0
        public var changed = 0
        public var unchanged = 0
        public var omitted = 0
        /// Register state → residents the file left in it (listed ones and omitted ones).
        public var states: [String: Int] = [:]
        /// Residents created, changed or omitted.
        public var touched: [Int64] = []
        /// Residents in the register (with a person id, in a state an omission moves) before the
        /// file, against whom its omissions are weighed.
        public var inRegisterBefore = 0

        public init() {}
    }

    /// How the export moves states, given by the domain's rules (old state → new state): a
    /// listed resident's state, and an omitted one's, for the states it changes. A delta's rows
    /// carry the state their event leads to (`listing` nil) and omit no one (`omission` empty);
    /// only a file that lists everyone (a snapshot, with a `listing`) can omit anyone.
    public struct StateRules: Sendable {
        public var listing: [String: String]?
        public var omission: [String: String]

        public init(listing: [String: String]?, omission: [String: String]) {
            precondition(omission.isEmpty || listing != nil, "only a snapshot omits residents")
            self.listing = listing
            self.omission = omission
        }
    }

    /// Where the history rows say the change came from.
    public struct Provenance: Sendable {
        public var login: String
        public var timestamp: String
        public var sequence: Int
        /// `<file> seq <n>`; a row's line is added after it.
        public var reference: String
        public var source: String

        public init(login: String, timestamp: String, sequence: Int, reference: String, source: String) {
            self.login = login
            self.timestamp = timestamp
            self.sequence = sequence
            self.reference = reference
            self.source = source
        }
    }

    /// Another connection of the import's pool, which reads half of a snapshot's residents
    /// beside the import's own (`KnownResidents`). A pool, since its readers do not wait for
    /// the import's transaction.
    public struct Helper: Sendable {
        public let pool: DatabasePool
        /// Below this many residents one connection reads them alone.
        public let fromResidents: Int

        public init(pool: DatabasePool, fromResidents: Int = 100_000) {
            self.pool = pool
            self.fromResidents = fromResidents
        }
    }

    /// A record's search columns, worked out in Swift for new and renamed residents.
    public typealias SearchText = @Sendable (ResidentRecord) -> (latin: String, japanese: String)

    /// What a new resident's row and its `(created)` history row take from Swift: the search
    /// columns and `ResidentRecord.creationSummary`. Written in SQL, the summary's twenty
    /// concatenations were most of the nine seconds that a first snapshot's history took.
    struct NewText: Sendable {
        let latin: String
        let japanese: String
        let summary: String
    }

    private let db: Database
    private let states: StateRules
    private let searchText: SearchText
    /// Set for a snapshot into an empty city, where every staged row is a new resident.
    private let ahead: SearchTextAhead<NewText>?
    private let insertText: Statement
    private let inRegisterBefore: Int
    private let insert: Statement
    /// A snapshot's residents before its rows, so that a row that changes nothing is not staged.
    private var before: KnownResidents?
    /// The person ids listed so far, as numbers (they are eleven digits), that `before` does not
    /// know (all of a delta's): a unique index on the staged rows did the same at four seconds a
    /// million rows, its pages in the temp file.
    private var listed = Set<Int64>()
    private static let tracked = ResidentRecord.trackedColumns
    /// The tracked columns a listing may change, in order: bit `n` of a matched resident's
    /// `changed` is whether the `n`th differs.
    private static let changeable = tracked.filter { $0 != "person_id" }
    /// Columns whose change changes the search text.
    private static let searchInputs = ["name_latin", "name_kanji", "common_name", "name_kana", "nationality"]

    /// Counts the residents in the register now, before any row of the file is applied. With
    /// `textWhileStaging` (a snapshot into an empty city) the search text of each staged row is
    /// worked out on other threads while the file is read (`SearchTextAhead`).
    public init(states: StateRules, searchText: @escaping SearchText, textWhileStaging: Bool, helper: Helper?, in db: Database) throws {
        self.db = db
        self.states = states
        self.searchText = searchText
        ahead = textWhileStaging ? SearchTextAhead(work: Self.newText(searchText)) : nil
        before = try states.listing.map { try KnownResidents(listing: $0, in: db, helper: helper) }
        inRegisterBefore = states.omission.isEmpty ? 0 : try Int.fetchOne(db, sql: """
            SELECT count(*) FROM resident WHERE person_id IS NOT NULL AND register_state IN (\(Self.inRegister(states)))
            """) ?? 0
        // Every tracked column is TEXT in `resident`; the same affinity here keeps a value such as
        // a postal code exactly as the file gave it, so comparing the two is comparing text.
        let columns = Self.tracked.map { "\($0) TEXT" }.joined(separator: ", ")
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.register_staging;
            CREATE TEMP TABLE register_staging (
                sid INTEGER PRIMARY KEY, line INTEGER NOT NULL, held INTEGER NOT NULL, reason TEXT NOT NULL, \(columns));
            DROP TABLE IF EXISTS temp.register_protected;
            CREATE TEMP TABLE register_protected (person_id TEXT PRIMARY KEY) WITHOUT ROWID;
            DROP TABLE IF EXISTS temp.register_text;
            CREATE TEMP TABLE register_text (sid INTEGER PRIMARY KEY, latin TEXT NOT NULL, japanese TEXT NOT NULL, summary TEXT NOT NULL);
            """)
        insert = try db.makeStatement(sql: Self.insertStaged)
        insertText = try db.makeStatement(sql: Self.insertTextSQL)
    }

    /// Stages one listed person. `held` rows are someone else's to apply (they may be a walk-in,
    /// which takes a decision in Swift) and only count as listed. `reason` is what the history
    /// rows give as the reason (a delta's event). False when the file already listed this person
    /// id: nothing was staged. A snapshot's row that changes nothing of its resident is only
    /// counted (`KnownResidents`).
    ///
    /// The values are bound with SQLite's own calls, straight from the record's text: through
    /// `StatementArguments` each became a `DatabaseValue` first, which measured more than half of
    /// staging a row (a fifth of a second snapshot).
    public func add(_ record: ResidentRecord, reason: String, line: Int, held: Bool) throws -> Bool {
        if let personID = record.personID {
            let number = Int64(personID.rawValue)!
            if let listing = before?.list(number, record, held: held) {
                if listing.again { return false }
                if listing.unchanged { return true }
            } else if !listed.insert(number).inserted {
                return false
            }
        }
        let handle = insert.sqliteStatement
        sqlite3_reset(handle)
        var binder = SQLiteBinder(handle)
        binder.integer(Int64(line))
        binder.flag(held)
        binder.text(reason)
        for field in record.trackedFields { binder.text(field.value) }
        try db.step(handle, sql: Self.insertStaged)
        if let ahead, !held, ahead.add(sid: db.lastInsertedRowID, record: record) { try store(ahead.collect()) }
        return true
    }

    /// Built once: joining it per row measured 4% of a second snapshot.
    private static let insertStaged = "INSERT INTO temp.register_staging (line, held, reason, "
        + tracked.joined(separator: ", ") + ") VALUES (?, ?, ?, " + Array(repeating: "?", count: tracked.count).joined(separator: ", ") + ")"

    private static let insertTextSQL = "INSERT INTO temp.register_text (sid, latin, japanese, summary) VALUES (?, ?, ?, ?)"

    private static func newText(_ searchText: @escaping SearchText) -> @Sendable (ResidentRecord) -> NewText {
        { record in
            let text = searchText(record)
            return NewText(latin: text.latin, japanese: text.japanese, summary: record.creationSummary)
        }
    }

    /// Keeps new residents' text for `insertNew`.
    private func store(_ texts: [(sid: Int64, text: NewText)]) throws {
        for item in texts { try store(sid: item.sid, text: item.text) }
    }

    private func store(sid: Int64, text: NewText) throws {
        let handle = insertText.sqliteStatement
        sqlite3_reset(handle)
        var binder = SQLiteBinder(handle)
        binder.integer(sid)
        binder.text(text.latin)
        binder.text(text.japanese)
        binder.text(text.summary)
        try db.step(handle, sql: Self.insertTextSQL)
    }

    /// A person whose row was rejected is still listed: they must not be taken off the register
    /// because their row had a bad value.
    public func protect(personID: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO temp.register_protected (person_id) VALUES (?)").execute(arguments: [personID])
    }

    /// Applies the staged rows. The search text of new residents (unless worked out while
    /// staging) and renamed ones is computed here, on every core. `index` takes the search-index
    /// changes of existing residents, written with the rest at the end of the import.
    public func apply(provenance: Provenance, index: SearchIndexBatch) throws -> Result {
        var result = Result()
        result.inRegisterBefore = inRegisterBefore
        let listing = states.listing.map { Self.caseExpression("r.register_state", $0) } ?? "s.register_state"
        let changed = Self.changeable.enumerated().map { bit, column in
            "((\(column == "register_state" ? "r.register_state IS NOT \(listing)" : "r.\(column) IS NOT s.\(column)")) << \(bit))"
        }.joined(separator: " | ")
        let renamed = Self.searchInputs.map { "r.\($0) IS NOT s.\($0)" }.joined(separator: " OR ")
        // Every staged row with the resident it names, if any, in one pass over the staged rows:
        // the rows that name nobody are the new residents, and the residents no row names are
        // the ones a snapshot omits.
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.register_listed;
            CREATE TEMP TABLE register_listed (sid INTEGER PRIMARY KEY, id INTEGER, held INTEGER NOT NULL, new_state TEXT,
                                               changed INTEGER, renamed INTEGER);
            INSERT INTO temp.register_listed (sid, id, held, new_state, changed, renamed)
            SELECT s.sid, r.id, s.held, \(listing), \(changed), \(renamed)
            FROM temp.register_staging s LEFT JOIN resident r ON r.person_id = s.person_id;
            DROP TABLE IF EXISTS temp.register_changed;
            CREATE TEMP TABLE register_changed (id INTEGER PRIMARY KEY, sid INTEGER NOT NULL, new_state TEXT NOT NULL,
                                                changed INTEGER NOT NULL, renamed INTEGER NOT NULL);
            INSERT INTO temp.register_changed SELECT id, sid, new_state, changed, renamed FROM temp.register_listed
            WHERE id IS NOT NULL AND NOT held AND changed <> 0;
            """)
        result.changed = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.register_changed") ?? 0
        result.unchanged = (try Int.fetchOne(db, sql: """
            SELECT count(*) FROM temp.register_listed WHERE id IS NOT NULL AND NOT held
            """) ?? 0) - result.changed + (before?.unchanged.reduce(0, +) ?? 0)
        // Households named for the first time: a listed resident's household already exists.
        let household = Self.changeable.firstIndex(of: "household_id")!
        try db.execute(sql: """
            INSERT INTO household (household_id, created_at)
            SELECT DISTINCT s.household_id, ? FROM temp.register_listed l CROSS JOIN temp.register_staging s ON s.sid = l.sid
            WHERE NOT l.held AND s.household_id IS NOT NULL AND (l.id IS NULL OR l.changed & \(1 << household))
            ON CONFLICT DO NOTHING
            """, arguments: [provenance.timestamp])
        if let ahead { try store(ahead.collect(all: true)) }
        let unlisted = states.omission.isEmpty ? [] : before?.unlisted(inStates: Set(states.omission.keys)) ?? []
        // Every row is staged: the person ids' memory goes back before the sets' statements.
        listed = []
        try writeChanges(provenance: provenance, index: index)
        // Residents after this id are the file's new ones: listed, though not in `register_listed`.
        let lastBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM resident") ?? 0
        result.created = try insertNew(after: lastBefore, provenance: provenance, index: index)
        try omit(unlisted, upTo: lastBefore, provenance: provenance)
        for row in try Row.fetchAll(db, sql: """
            SELECT new_state, count(*) AS n FROM temp.register_listed WHERE id IS NOT NULL AND NOT held GROUP BY new_state
            UNION ALL SELECT s.register_state, count(*) FROM temp.register_created c JOIN temp.register_staging s ON s.sid = c.sid GROUP BY 1
            UNION ALL SELECT new_state, count(*) FROM temp.register_omitted GROUP BY new_state
            """) {
            result.states[row["new_state"], default: 0] += row["n"]
        }
        result.states.merge(before?.unchangedStates ?? [:], uniquingKeysWith: +)
        before = nil
        result.omitted = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.register_omitted") ?? 0
        result.touched = try Int64.fetchAll(db, sql: """
            SELECT id FROM temp.register_changed UNION ALL SELECT id FROM temp.register_created
            UNION ALL SELECT id FROM temp.register_omitted
            """)
        try db.execute(sql: """
            DROP TABLE temp.register_staging; DROP TABLE temp.register_protected; DROP TABLE temp.register_listed; DROP TABLE temp.register_text;
            DROP TABLE temp.register_changed; DROP TABLE temp.register_created; DROP TABLE temp.register_omitted;
            """)
        return result
    }

    /// Changed residents: one history row per changed field (in the order of `trackedFields`,
    /// so a person's history reads as a staff edit's would), then the rows themselves. The
    /// history is one statement over the changed residents and the field list: one statement per
    /// field read every changed resident nineteen times, which measured half of a delta.
    ///
    /// Each changed resident is then written by one `UPDATE` of its own row that assigns only the
    /// columns that changed (one prepared statement per set of changed columns). SQLite rewrites
    /// every index on a column an `UPDATE` assigns, changed or not, so assigning all nineteen
    /// would rewrite all seven indexes of a resident whose address changed. Written a column at a
    /// time across all changed residents instead (as before), every statement visited each
    /// resident's page again and, touching many rows, copied every page it changed into a
    /// statement journal first, so it could undo itself alone: 73,000 page copies in a 20,000-row
    /// delta, and pages pushed out of the cache between statements read back. A statement that
    /// changes one row by its id needs no statement journal.
    private func writeChanges(
        provenance p: Provenance, index: SearchIndexBatch
    ) throws {
        let fields = Array(Self.changeable.enumerated())
        func pick(_ value: (String) -> String) -> String {
            "CASE f.column1 " + fields.map { "WHEN \($0.offset) THEN \(value($0.element))" }.joined(separator: " ") + " END"
        }
        try db.execute(sql: """
            INSERT INTO history (resident_id, entity, entity_id, field, old_value, new_value, changed_at, changed_by, source, source_ref, reason)
            SELECT m.id, 'resident', 'K' || m.id, f.column2, \(pick { "r.\($0)" }),
                   \(pick { $0 == "register_state" ? "m.new_state" : "s.\($0)" }), ?, ?, ?, ? || ' line ' || s.line, s.reason
            FROM temp.register_changed m CROSS JOIN resident r ON r.id = m.id CROSS JOIN temp.register_staging s ON s.sid = m.sid
            CROSS JOIN (VALUES \(fields.map { "(\($0.offset), '\($0.element)')" }.joined(separator: ", "))) f
            WHERE m.changed & (1 << f.column1) ORDER BY m.id, f.column1
            """, arguments: [p.timestamp, p.login, p.source, p.reference])
        // New search text for renamed residents, the old one noted for the index.
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.register_search;
            CREATE TEMP TABLE register_search (id INTEGER PRIMARY KEY, latin TEXT NOT NULL, japanese TEXT NOT NULL);
            """)
        let renamed = try Row.fetchCursor(db, sql: """
            SELECT m.id AS id, r.search_latin AS old_latin, r.search_japanese AS old_japanese, \(Self.stagedColumns)
            FROM temp.register_changed m CROSS JOIN resident r ON r.id = m.id CROSS JOIN temp.register_staging s ON s.sid = m.sid
            WHERE m.renamed
            """)
        try inChunks(renamed, recordAt: 3, work: searchText) { row in
            (id: row[0] as Int64, old: (row[1] as String, row[2] as String))
        } write: { renamed, text in
            try index.note(id: renamed.id, old: renamed.old, in: db)
            try db.cachedStatement(sql: "INSERT INTO temp.register_search (id, latin, japanese) VALUES (?, ?, ?)")
                .execute(arguments: [renamed.id, text.latin, text.japanese])
        }
        try updateChanged(provenance: p)
        try db.execute(sql: "DROP TABLE temp.register_search")
    }

    /// Writes each changed resident with one `UPDATE` by id (see `writeChanges`): the new
    /// values are handed from the staged row to the update as SQLite's own values, never
    /// decoded in Swift.
    private func updateChanged(provenance p: Provenance) throws {
        // Columns 0-3 are the id, the changed columns' bits and the new search text; bit `n`'s
        // new value is column 4 + n.
        let values = Self.changeable.map { $0 == "register_state" ? "m.new_state" : "s.\($0)" }.joined(separator: ", ")
        let sql = """
            SELECT m.id, m.changed, x.latin, x.japanese, \(values)
            FROM temp.register_changed m CROSS JOIN temp.register_staging s ON s.sid = m.sid LEFT JOIN temp.register_search x ON x.id = m.id
            """
        var updates: [Int64: Statement] = [:]
        try db.forEachRawRow(of: db.makeStatement(sql: sql)) { rows in
            let changed = sqlite3_column_int64(rows, 1)
            // A register file brings a few sets of changed columns; one made to bring a new set
            // on every row would keep a statement for each, so past 512 they are let go.
            if updates.count == 512 { updates.removeAll() }
            let update = try updates[changed] ?? makeUpdate(changed: changed, provenance: p)
            updates[changed] = update
            let handle = update.sqliteStatement
            var index: CInt = 1
            for bit in Self.changeable.indices where changed & (1 << bit) != 0 {
                sqlite3_bind_value(handle, index, sqlite3_column_value(rows, CInt(4 + bit)))
                index += 1
            }
            sqlite3_bind_value(handle, index, sqlite3_column_value(rows, 2))
            sqlite3_bind_value(handle, index + 1, sqlite3_column_value(rows, 3))
            sqlite3_bind_int64(handle, index + 4, sqlite3_column_int64(rows, 0))
            try db.step(handle, sql: update.sql)
        }
    }

    /// The `UPDATE` of one resident whose `changed` columns changed, with the file's sequence and
    /// time already bound (a reset keeps them).
    private func makeUpdate(changed: Int64, provenance p: Provenance) throws -> Statement {
        let assigned = Self.changeable.enumerated().filter { changed & (1 << $0.offset) != 0 }.map { "\($0.element) = ?" }
        let update = try db.makeStatement(sql: """
            UPDATE resident SET \((assigned + ["search_latin = coalesce(?, search_latin)", "search_japanese = coalesce(?, search_japanese)",
                                                "register_sequence = ?", "updated_at = ?"]).joined(separator: ", "))
            WHERE id = ?
            """)
        let handle = update.sqliteStatement
        let first = CInt(assigned.count + 3)
        var binder = SQLiteBinder(handle, from: first)
        binder.integer(Int64(p.sequence))
        binder.text(p.timestamp)
        return update
    }

    /// New residents, in file order, with their search text and a `(created)` history row that
    /// holds their first values; their search-index entries are written in one statement.
    private func insertNew(after lastBefore: Int64, provenance p: Provenance, index: SearchIndexBatch) throws -> Int {
        // Search text for the new residents whose text was not worked out while staging.
        let fresh = try Row.fetchCursor(db, sql: """
            SELECT s.sid AS sid, \(Self.stagedColumns) FROM temp.register_listed l CROSS JOIN temp.register_staging s ON s.sid = l.sid
            WHERE l.id IS NULL AND NOT l.held AND NOT EXISTS (SELECT 1 FROM temp.register_text t WHERE t.sid = l.sid) ORDER BY l.sid
            """)
        try inChunks(fresh, recordAt: 1, work: Self.newText(searchText)) { row in row[0] as Int64 } write: { sid, text in
            try store(sid: sid, text: text)
        }
        // Kyosei ids are given here, in file order, as the row-by-row path gave them: this
        // transaction is the only writer. Ids rise with `sid`, so the inserts below read the
        // rows in `sid` order, which is the table's own: ordered by id, SQLite sorted a million
        // rows (each with its history summary) in a temp B-tree first.
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.register_created;
            CREATE TEMP TABLE register_created (sid INTEGER PRIMARY KEY, id INTEGER NOT NULL);
            INSERT INTO temp.register_created (sid, id)
            SELECT sid, ? + row_number() OVER (ORDER BY sid) FROM temp.register_listed WHERE id IS NULL AND NOT held ORDER BY sid;
            """, arguments: [lastBefore])
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.register_created") ?? 0
        guard count > 0 else { return 0 }
        let target = "INSERT INTO resident (id, \(Self.tracked.joined(separator: ", ")), search_latin, search_japanese, register_sequence, created_at, updated_at)"
        func select(_ constants: String) -> String {
            """
            SELECT c.id, \(Self.stagedColumns), t.latin, t.japanese\(constants)
            FROM temp.register_created c CROSS JOIN temp.register_staging s ON s.sid = c.sid CROSS JOIN temp.register_text t ON t.sid = c.sid
            ORDER BY c.sid
            """
        }
        if ahead != nil {
            // Into an empty city every page is a new one, which no statement journal keeps, and
            // one statement moves the values without a copy of each (row by row, a million rows
            // took 3 s more).
            try db.execute(sql: target + "\n" + select(", ?, ?, ?"), arguments: [p.sequence, p.timestamp, p.timestamp])
        } else {
            // Into a city, one row per statement: an `INSERT … SELECT` changes many rows, so
            // SQLite first copied every index page it changed into a statement journal, 23,000
            // pages for the 4,000 new residents of a 20,000-row delta (`updateChanged`).
            let sql = target + " VALUES (" + Array(repeating: "?", count: Self.tracked.count + 6).joined(separator: ", ") + ")"
            let insert = try db.makeStatement(sql: sql)
            let handle = insert.sqliteStatement
            let values = CInt(Self.tracked.count + 3)
            var binder = SQLiteBinder(handle, from: values + 1)
            binder.integer(Int64(p.sequence))
            binder.text(p.timestamp)
            binder.text(p.timestamp)
            try db.forEachRawRow(of: db.makeStatement(sql: select(""))) { row in
                for column in 0..<values { sqlite3_bind_value(handle, column + 1, sqlite3_column_value(row, column)) }
                try db.step(handle, sql: sql)
            }
        }
        try index.noteNew(selecting: "SELECT id FROM temp.register_created", in: db)
        try db.execute(sql: """
            INSERT INTO history (resident_id, entity, entity_id, field, old_value, new_value, changed_at, changed_by, source, source_ref, reason)
            SELECT c.id, 'resident', 'K' || c.id, '(created)', NULL, t.summary, ?, ?, ?, ? || ' line ' || s.line, s.reason
            FROM temp.register_created c CROSS JOIN temp.register_staging s ON s.sid = c.sid CROSS JOIN temp.register_text t ON t.sid = c.sid
            ORDER BY c.sid
            """, arguments: [p.timestamp, p.login, p.source, p.reference])
        return count
    }

    /// Residents in the register whom the snapshot does not list (nor a rejected row names):
    /// of `unlisted`, those still in it.
    private func omit(_ unlisted: [Int64], upTo lastBefore: Int64, provenance p: Provenance) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.register_omitted;
            CREATE TEMP TABLE register_omitted (id INTEGER PRIMARY KEY, old_state TEXT NOT NULL, new_state TEXT NOT NULL);
            """)
        guard !states.omission.isEmpty else { return }
        try db.execute(sql: "DROP TABLE IF EXISTS temp.register_unlisted; CREATE TEMP TABLE register_unlisted (id INTEGER PRIMARY KEY)")
        let insert = try db.makeStatement(sql: "INSERT INTO temp.register_unlisted (id) VALUES (?)")
        for id in unlisted { try insert.execute(arguments: [id]) }
        let inRegister = Self.inRegister(states)
        let omission = Self.caseExpression("r.register_state", states.omission)
        try db.execute(sql: """
            INSERT INTO temp.register_omitted (id, old_state, new_state)
            SELECT r.id, r.register_state, \(omission) FROM temp.register_unlisted u CROSS JOIN resident r ON r.id = u.id
            WHERE r.id <= ? AND r.person_id IS NOT NULL AND r.register_state IN (\(inRegister))
              AND NOT EXISTS (SELECT 1 FROM temp.register_protected x WHERE x.person_id = r.person_id);
            DROP TABLE temp.register_unlisted;
            """, arguments: [lastBefore])
        try db.execute(sql: """
            INSERT INTO history (resident_id, entity, entity_id, field, old_value, new_value, changed_at, changed_by, source, source_ref, reason)
            SELECT o.id, 'resident', 'K' || o.id, 'register_state', o.old_state, o.new_state, ?, ?, ?, ?, 'absent from snapshot'
            FROM temp.register_omitted o ORDER BY o.id;
            UPDATE OR FAIL resident SET register_state = o.new_state, updated_at = ? FROM temp.register_omitted o WHERE resident.id = +o.id;
            """, arguments: [p.timestamp, p.login, p.source, p.reference, p.timestamp])
    }

    /// The staged row's tracked columns in their order, for `ResidentRecord(trackedRow:at:)`.
    private static let stagedColumns = tracked.map { "s.\($0)" }.joined(separator: ", ")

    /// The states an omission moves, as an SQL list: who counts as in the register.
    private static func inRegister(_ states: StateRules) -> String {
        states.omission.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    private static func caseExpression(_ column: String, _ mapping: [String: String]) -> String {
        guard !mapping.isEmpty else { return column }
        let whens = mapping.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN '\($0.value)'" }.joined(separator: " ")
        return "CASE \(column) \(whens) ELSE \(column) END"
    }

    /// Reads rows a chunk at a time, does `work` on their records on every core, and hands each
    /// row's `key` (what `write` needs besides the work's result) with that result to `write` on
    /// this connection, in order. Records and keys are decoded from the cursor's own statement:
    /// from copied rows every value went through a `DatabaseValue` first (7% of a first snapshot).
    private func inChunks<Key, Text: Sendable>(
        _ cursor: RowCursor, recordAt offset: Int, work: @escaping @Sendable (ResidentRecord) -> Text,
        key: (Row) throws -> Key, write: (Key, Text) throws -> Void
    ) throws {
        var keys: [Key] = []
        var records: [ResidentRecord] = []
        func flush() throws {
            let texts = Self.compute(records, work)
            for (key, text) in zip(keys, texts) { try write(key, text) }
            keys.removeAll(keepingCapacity: true)
            records.removeAll(keepingCapacity: true)
        }
        while let row = try cursor.next() {
            keys.append(try key(row))
            records.append(try ResidentRecord(trackedRow: row, at: offset))
            if records.count == 8192 { try flush() }
        }
        try flush()
    }

    private static func compute<Text: Sendable>(_ records: [ResidentRecord], _ work: @Sendable (ResidentRecord) -> Text) -> [Text] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, records.count / 512))
        let slice = (records.count + workers - 1) / max(workers, 1)
        let results = UnsafeResults<Text>(count: records.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * slice
            for i in start..<min(start + slice, records.count) { results.set(i, work(records[i])) }
        }
        return results.values
    }
}

/// Results written by index from several threads, each index by one thread only.
///
/// The slots are memory of its own, written through a pointer. They were an array, each write
/// going through `withUnsafeMutableBufferPointer`, which moves the array out of the property
/// for the length of the call (and copies it if it is not alone): two threads writing at once
/// raced on the array itself, and the test suite once crashed in `malloc` with it.
private final class UnsafeResults<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.map { $0! } }
}

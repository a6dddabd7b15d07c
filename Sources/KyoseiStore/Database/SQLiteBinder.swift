import GRDB
import GRDBSQLite

/// Binds values straight into a statement's parameters, in order, for the writes a large import
/// makes a row at a time. Through GRDB's `StatementArguments` each value became a boxed
/// `DatabaseValue` first: at a million roster rows that was a third of the writing thread.
/// Each value is bound as GRDB binds it, so what is stored is the same, but for text holding a
/// NUL: GRDB's binding ends text at its first NUL, while this one binds its length and keeps it
/// whole (the intake refuses such text before it gets here).
struct SQLiteBinder {
    let handle: SQLiteStatement
    private var index: CInt

    init(_ handle: SQLiteStatement, from index: CInt = 1) {
        self.handle = handle
        self.index = index
    }

    /// Text SQLite copies at once (`SQLITE_TRANSIENT`), or NULL; empty text stays text.
    mutating func text(_ text: String?) {
        defer { index += 1 }
        guard var text else { return _ = sqlite3_bind_null(handle, index) }
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return _ = sqlite3_bind_text(handle, index, "", 0, Self.transient) }
            _ = UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, CInt(bytes.count), Self.transient)
            }
        }
    }

    mutating func integer(_ value: Int64?) {
        defer { index += 1 }
        guard let value else { return _ = sqlite3_bind_null(handle, index) }
        sqlite3_bind_int64(handle, index, value)
    }

    mutating func real(_ value: Double?) {
        defer { index += 1 }
        guard let value else { return _ = sqlite3_bind_null(handle, index) }
        sqlite3_bind_double(handle, index, value)
    }

    /// 1 or 0, as GRDB stores a `Bool`.
    mutating func flag(_ value: Bool) { integer(value ? 1 : 0) }

    /// A code stored as its raw text.
    mutating func code<Code: RawRepresentable>(_ code: Code?) where Code.RawValue == String { text(code?.rawValue) }

    /// A domain value stored as its text (`TextStoredValue`).
    mutating func stored<Value: TextStoredValue>(_ value: Value?) { text(value?.storedText) }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension Database {
    /// Runs the cached statement `sql`, which returns no rows, once: `bind` binds its parameters in order.
    func runCached(_ sql: String, _ bind: (inout SQLiteBinder) -> Void) throws {
        let handle = try cachedStatement(sql: sql).sqliteStatement
        var binder = SQLiteBinder(handle)
        bind(&binder)
        try step(handle, sql: sql)
    }

    /// Runs a bound statement that returns no rows once, and resets it for the next.
    /// The statement's text is read only for an error: GRDB's `Statement.sql` trims it on every
    /// read, which measured 4% of a first snapshot, once per new resident.
    func step(_ handle: SQLiteStatement, sql: @autoclosure () -> String) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: lastErrorMessage, sql: sql())
        }
    }
}

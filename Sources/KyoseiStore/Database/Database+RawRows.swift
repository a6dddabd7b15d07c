import GRDB
import GRDBSQLite

extension Database {
    /// Steps `statement` (its arguments bound) and hands each row to `body` as it stands in
    /// SQLite, then resets it: for the loops of a large import that read values straight from
    /// SQLite or pass them on to another statement. Through `Row`, every value became a
    /// `DatabaseValue` first.
    func forEachRawRow(of statement: Statement, _ body: (SQLiteStatement) throws -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: lastErrorMessage, sql: statement.sql)
            }
            try body(handle)
        }
    }
}

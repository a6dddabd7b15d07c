import Foundation
import GRDB
import KyoseiStore
import KyoseiTestSupport

/// A database file in a folder of its own, migrated only up to a given migration, so that a
/// migration test can write rows as an older Kyosei did and then run the rest; the folder goes
/// with it.
final class OldDatabase {
    let queue: DatabaseQueue
    private let folder: URL

    init(migratedUpTo migration: String) throws {
        folder = try TestFolder.make("kyosei-store")
        queue = try DatabaseQueue(path: folder.appendingPathComponent("old.sqlite").path)
        try AppDatabase.migrator.migrate(queue, upTo: migration)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

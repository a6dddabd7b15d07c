import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One sync at a time per database: an exclusive `flock` on `<database>.sync.lock`. The kernel
/// releases it when the process dies, so a killed sync never leaves a stale lock behind.
final class SyncLock {
    private let descriptor: Int32

    init(databasePath: String) throws {
        let path = databasePath + ".sync.lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServiceError.internalFailure("Cannot open the sync lock \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw ServiceError.dataRefused("Another sync is running on this database (it holds \(path)); try again when it has finished.")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

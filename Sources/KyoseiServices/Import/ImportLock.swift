import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One file import at a time per database, of any kind: an exclusive `flock` on
/// `<database>.sync.lock`. The kernel releases it when the process dies, so a killed import never
/// leaves a stale lock behind. A second import waits up to `patience` for the first to finish,
/// then refuses.
final class ImportLock {
    private let descriptor: Int32

    init(databasePath: String, patience: Double = 2) throws {
        let path = databasePath + ".sync.lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServiceError.internalFailure("Cannot open the import lock \(path): \(String(cString: strerror(errno))).")
        }
        let deadline = Date().addingTimeInterval(patience)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                close(descriptor)
                throw ServiceError.dataRefused("Another file import is running on this database (it holds \(path)); try again when it has finished.")
            }
            usleep(50_000)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

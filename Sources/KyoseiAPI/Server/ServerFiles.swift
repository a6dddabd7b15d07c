import Foundation
import KyoseiServices

#if canImport(Glibc)
import Glibc
#endif

/// The checks `kyosei serve` makes on its files before it takes a request, and the lock that
/// keeps a second server off the same database. Each refusal says how to fix it.
enum ServerFiles {
    /// The database must be the service account's alone: a file, or a folder, that someone else
    /// can write lets them swap in their own data; one they can read gives them every record.
    static func checkDatabase(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ServiceError.usage("There is no Kyosei database at \(path); run `kyosei init --admin LOGIN` as the service account first.")
        }
        guard info.st_uid == geteuid() else {
            throw ServiceError.refused(
                "\(path) belongs to uid \(info.st_uid), not to this account (uid \(geteuid())); run `kyosei serve` as the account that owns it, or `chown` it to the service account.")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ServiceError.refused(
                "\(path) can be read or written by others (mode \(String(info.st_mode & 0o777, radix: 8))); staff reach it through the server only: `chmod 600 \(path)`.")
        }
        try checkFolder(of: path, holding: "the database")
    }

    /// A folder others can write lets them replace what is in it (the database, the socket).
    static func checkFolder(of path: String, holding what: String) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw ServiceError.usage("The folder \(folder) for \(what) does not exist.")
        }
        guard info.st_mode & 0o022 == 0 else {
            throw ServiceError.refused(
                "The folder \(folder), which holds \(what), can be written by others (mode \(String(info.st_mode & 0o777, radix: 8))); `chmod go-w \(folder)`.")
        }
    }

    /// Takes the server's lock beside the database, held for as long as the process lives.
    /// Taken before the socket is bound: binding removes an existing socket file, which would
    /// cut a running server off from its clients.
    static func lock(databasePath: String) throws -> Int32 {
        let path = databasePath + ".serve.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServiceError.internalFailure("Cannot open the server lock \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw ServiceError.usage("Another `kyosei serve` already serves \(databasePath) (it holds \(path)).")
        }
        return descriptor
    }

    /// Lets the socket group connect (read and write on the socket), and no one else.
    static func openSocket(_ path: String, toGroup group: String) throws {
        if group.isEmpty {
            guard chmod(path, 0o600) == 0 else { throw failure("set the mode of", path) }
            return
        }
        guard let entry = getgrnam(group) else {
            throw ServiceError.usage("The socket group \(group) (server.socket_group) does not exist on this machine.")
        }
        guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else { throw failure("give to group \(group)", path) }
        guard chmod(path, 0o660) == 0 else { throw failure("set the mode of", path) }
    }

    private static func failure(_ what: String, _ path: String) -> ServiceError {
        .internalFailure("Cannot \(what) \(path): \(String(cString: strerror(errno))).")
    }
}

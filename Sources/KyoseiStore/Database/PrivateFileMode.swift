import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Who may read a file that holds personal data: its owner only (0600), or also a staff group
/// (0640) when the city names one. Every such file Kyosei creates (the database and so its
/// WAL and SHM, which SQLite gives the database's mode, backups, key files) gets this mode
/// whatever the process umask, and a database that every user may read is refused.
public struct PrivateFileMode: Sendable, Equatable {
    /// The group that may read, or nil for owner-only.
    public let group: String?

    public init(group: String? = nil) {
        self.group = group.flatMap { $0.isEmpty ? nil : $0 }
    }

    public static let ownerOnly = PrivateFileMode()

    public var permissions: mode_t { group == nil ? 0o600 : 0o640 }

    /// Creates an empty file at `path` with this mode; fails if anything already exists there.
    public func create(_ path: String) throws {
        try createForWriting(path).close()
    }

    /// Creates `path` and opens it for writing. `O_EXCL|O_NOFOLLOW`: a file or a symbolic link
    /// already there (one another user planted to receive personal data) is refused, never
    /// followed or truncated; the mode and the staff group are set on the open descriptor, so
    /// the file has them before its first byte and no rename or link in between can divert them.
    public func createForWriting(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST || errno == ELOOP
                ? "a file or a link is already there, and Kyosei writes personal data only into a file it has just created; remove it or name another"
                : String(cString: strerror(errno))
            throw PrivateFileError("Cannot create \(path): \(reason).")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            if let group = try groupID() {
                guard fchown(descriptor, uid_t.max, group) == 0 else {
                    throw PrivateFileError("Cannot give \(path) to group \(self.group ?? ""): \(String(cString: strerror(errno))).")
                }
            }
            guard fchmod(descriptor, permissions) == 0 else {
                throw PrivateFileError("Cannot set the mode of \(path): \(String(cString: strerror(errno))).")
            }
        } catch {
            unlink(path)
            throw error
        }
        return handle
    }

    /// The staff group's id, or nil for owner-only.
    private func groupID() throws -> gid_t? {
        guard let group else { return nil }
        guard let entry = getgrnam(group) else {
            throw PrivateFileError("The staff group \(group) (files.staff_group) does not exist on this machine.")
        }
        return entry.pointee.gr_gid
    }

    /// The permission bits of `path`, or nil when it does not exist.
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    /// Refuses a file that every user of the machine may read: personal data must not be.
    public static func refuseWorldReadable(_ path: String) throws {
        guard let mode = mode(of: path), mode & 0o004 != 0 else { return }
        throw PrivateFileError(
            "\(path) may be read by every user of this machine (mode \(String(mode, radix: 8))); run `chmod 600 \(path)` (or `chmod 640` with a staff group) and try again.")
    }
}

import Foundation
import KyoseiDomain

#if canImport(Glibc)
import Glibc
#endif

extension ServiceContext {
    /// The member of staff behind `uid`, the uid a transport vouches for (the kernel's peer
    /// credentials on the Unix socket, the process's own in-process). A uid that cannot be read,
    /// that has no login, or whose login is not active staff is refused, and the refusal is
    /// audited with the uid, since nothing else names who tried.
    public func staffMember(uid: UInt32?) throws -> StaffMember {
        guard let uid else {
            try recordRefusal(by: "uid:unknown", detail: "the peer's credentials could not be read")
            throw ServiceError.refused("Kyosei could not tell who is calling (no peer credentials); connect over the server's Unix socket.")
        }
        guard let login = Self.login(uid: uid) else {
            try recordRefusal(by: "uid:\(uid)", detail: "uid=\(uid) has no login on this machine")
            throw ServiceError.refused("uid \(uid) has no login on this machine, so it cannot be staff.")
        }
        do {
            return try staffMember(login: login)
        } catch let error as ServiceError {
            try recordRefusal(by: login, detail: "uid=\(uid) login=\(login): \(error.description)")
            throw error
        }
    }

    /// The login the system's user database gives `uid`.
    public static func login(uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return nil
        }
        return String(cString: name)
    }

    private func recordRefusal(by login: String, detail: String) throws {
        try AuditRecorder(database: database).record(
            AuditDraft.refused(.identify, .staff, detail: detail), by: login, at: clock.timestamp())
    }
}

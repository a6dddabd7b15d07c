import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Throwaway OS logins and a group for the tests that need several people on one machine (the
/// server tells callers apart by their uid). Created with the system's own tools, removed again
/// by `remove()` whatever the test did; the names carry a random suffix so a run never meets an
/// account another run left behind.
struct OSAccounts {
    let group: String
    let suffix: String
    private(set) var logins: [String] = []

    /// True when this process may create accounts (CI runs as root).
    static var available: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

    init() throws {
        suffix = String(UInt32.random(in: 0...0xFFFFFF), radix: 16)
        group = "kyt\(suffix)"
        try Self.system("/usr/sbin/groupadd", [group])
    }

    /// Makes login `kyt<suffix><name>` in the group and returns it.
    mutating func add(_ name: String) throws -> String {
        let login = "kyt\(suffix)\(name)"
        try Self.system("/usr/sbin/useradd", ["-M", "-N", "-g", group, "-s", "/usr/sbin/nologin", login])
        logins.append(login)
        return login
    }

    func uid(_ login: String) -> uid_t? { getpwnam(login).map { $0.pointee.pw_uid } }

    func remove() {
        for login in logins { try? Self.system("/usr/sbin/userdel", [login]) }
        try? Self.system("/usr/sbin/groupdel", [group])
    }

    /// `executable arguments` run as `login` (its uid, the group, no other groups), through
    /// util-linux's setpriv, with exactly `environment`.
    func process(as login: String, _ executable: String, _ arguments: [String], environment: [String: String],
                 in folder: URL) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(login)", "--regid=\(group)", "--init-groups", "--", executable] + arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        return process
    }

    func run(as login: String, _ executable: String, _ arguments: [String], environment: [String: String],
             in folder: URL) throws -> KyoseiBinary.Result {
        try KyoseiBinary.capture(process(as: login, executable, arguments, environment: environment, in: folder))
    }

    private static func system(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments): \(message)"])
        }
    }
}

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An OS login that owns the database file but is not active staff reaches the data without a
/// server: through the commands that open the database directly and through the API handlers
/// in-process. Both refuse it, and both leave the refusal in the audit log with the uid, as the
/// server does for a peer on its socket. Needs root to make throwaway logins.
@Suite(.serialized, .enabled(if: OSAccounts.available, "needs root to create throwaway OS logins"))
struct IdentifyRefusalTests {
    @Test func anOwnerWhoIsNotActiveStaffIsRefusedAndAuditedOnEveryPath() throws {
        var accounts = try OSAccounts()
        defer { accounts.remove() }
        let stranger = try accounts.add("out")
        let disabled = try accounts.add("dis")
        let kyosei = try KyoseiBinary()
        defer { try? FileManager.default.removeItem(at: kyosei.folder) }
        #expect(try kyosei.run("init").status == 0)
        #expect(try kyosei.run("staff", "add", disabled, "--role", "clerk").status == 0)
        #expect(try kyosei.run("staff", "disable", disabled).status == 0)
        let binary = kyosei.folder.appendingPathComponent("kyosei").path
        try FileManager.default.copyItem(atPath: KyoseiBinary.executable.path, toPath: binary)
        chmod(binary, 0o755)

        for login in [stranger, disabled] {
            let uid = try #require(accounts.uid(login))
            try give(kyosei.folder, to: uid)
            let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "KYOSEI_DB": kyosei.databasePath,
                               "KYOSEI_NOW": "2026-11-23T02:00:00Z"]
            for command in [["rules", "run"], ["resident", "list", "--json"]] {
                let refused = try accounts.run(as: login, binary, command, environment: environment,
                                               in: kyosei.folder)
                #expect(refused.status == 2, "\(login) \(command): \(refused.stderr)")
                #expect(refused.stdout.isEmpty)
            }
            let entries = try kyosei.sqliteValue(
                "SELECT count(*) FROM audit_log WHERE action = 'refused:identify' AND staff_login = '\(login)' AND detail LIKE 'uid=\(uid) %'")
            #expect(entries == "2", "\(login): both paths audit the refusal with the uid")
        }
        try give(kyosei.folder, to: 0)
        #expect(try kyosei.run("audit", "verify").status == 0)
    }

    private func give(_ folder: URL, to uid: uid_t) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) + [""] {
            let path = name.isEmpty ? folder.path : folder.appendingPathComponent(name).path
            guard chown(path, uid, uid_t.max) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        }
    }
}

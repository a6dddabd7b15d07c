import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kyosei serve` as a city runs it: a service account owns the database and runs the server;
/// staff with their own OS logins reach the data only through its socket, and the server knows
/// each of them from the kernel. Needs root (CI runs as root) to make throwaway logins.
@Suite(.serialized, .enabled(if: OSAccounts.available, "needs root to create throwaway OS logins"))
struct ServerTests {
    /// A folder of the service account's, readable by the staff group (the socket is in it), with
    /// a copy of the binary every login can run.
    struct Site {
        var accounts: OSAccounts
        let folder: URL
        let binary: String
        let service: String
        var database: String { folder.appendingPathComponent("kyosei.sqlite").path }
        var socket: String { database + ".sock" }

        init() throws {
            accounts = try OSAccounts()
            service = try accounts.add("svc")
            folder = URL(fileURLWithPath: "/tmp/kyosei-server-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            let bin = folder.appendingPathComponent("kyosei").path
            try FileManager.default.copyItem(atPath: KyoseiBinary.executable.path, toPath: bin)
            chmod(bin, 0o755)
            binary = bin
            guard let uid = accounts.uid(service), let group = getgrnam(accounts.group)?.pointee.gr_gid,
                  chown(folder.path, uid, group) == 0, chmod(folder.path, 0o750) == 0 else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }

        /// The environment a login starts with: no KYOSEI_ variable but those named.
        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"].merging(extra) { $1 }
        }

        @discardableResult
        func kyosei(as login: String, _ arguments: [String], _ extra: [String: String] = [:]) throws -> KyoseiBinary.Result {
            try accounts.run(as: login, binary, arguments, environment: environment(extra), in: folder)
        }

        func remove() {
            accounts.remove()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// The server, started as the service account with its own clock; stopped by SIGTERM.
    final class Server {
        let process: Process
        let log: URL

        init(_ site: Site, arguments: [String] = []) throws {
            log = site.folder.appendingPathComponent("serve-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process = site.accounts.process(
                as: site.service, site.binary, ["serve", "--db", site.database] + arguments,
                environment: site.environment(["KYOSEI_NOW": "2026-11-23T02:00:00Z", "KYOSEI_LOG_LEVEL": "info"]), in: site.folder)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        /// Waits for the socket to be opened to its group (the log says so).
        func waitUntilListening() throws -> Bool {
            for _ in 0..<300 {
                if (try? String(contentsOf: log, encoding: .utf8))?.contains("listening") == true { return true }
                if !process.isRunning { return false }
                usleep(100_000)
            }
            return false
        }

        func stop() -> Int32 {
            guard process.isRunning else { return process.terminationStatus }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    }

    @Test func eachRoleIsAllowedAndRefusedOverTheSocketAsTheKernelNamesIt() throws {
        var site = try Site()
        defer { site.remove() }
        let admin = try site.accounts.add("adm")
        let caseworker = try site.accounts.add("cw")
        let analyst = try site.accounts.add("an")
        let stranger = try site.accounts.add("out")
        let db = ["--db", site.database]

        // The service account runs the synthetic city's nights (it owns the database it creates),
        // then makes the city's administrator staff.
        let demo = try site.kyosei(as: site.service, ["demo", "--dir", site.folder.path, "--residents", "150"],
                                   ["KYOSEI_NOW": "2026-11-23T02:00:00Z"])
        #expect(demo.status == 0, "\(demo.stderr)")
        var info = stat()
        #expect(stat(site.database, &info) == 0 && info.st_mode & 0o777 == 0o600 && info.st_uid == site.accounts.uid(site.service))
        #expect(try site.kyosei(as: site.service, ["staff", "add", admin, "--role", "admin"] + db).status == 0)
        let opened = try site.kyosei(as: site.service, ["case", "open", "--person", "K1", "--title", "Asked about NHI", "--team", "counter", "--json"] + db)
        #expect(opened.status == 0, "\(opened.stderr)")
        let caseID = try #require((try JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as? [String: Any])?["id"] as? String)

        let config = site.folder.appendingPathComponent("kyosei.json")
        try Data(#"{"server": {"socket_group": "\#(site.accounts.group)"}}"#.utf8).write(to: config)
        chown(config.path, site.accounts.uid(site.service)!, getgrnam(site.accounts.group)!.pointee.gr_gid)
        chmod(config.path, 0o640)
        let server = try Server(site, arguments: ["--config", config.path])
        defer { _ = server.stop() }
        #expect(try server.waitUntilListening(), "\(server.output)")
        #expect(stat(site.socket, &info) == 0 && info.st_mode & 0o777 == 0o660)

        // A second server on the same database refuses to start, and leaves the first one's socket.
        let second = try site.kyosei(as: site.service, ["serve"] + db)
        #expect(second.status == 1)
        #expect(second.stderr.contains("Another `kyosei serve`"))
        #expect(FileManager.default.fileExists(atPath: site.socket))

        // The founder names staff through the server: the kernel says who is asking.
        for (login, role) in [(caseworker, "caseworker"), (analyst, "analyst")] {
            let added = try site.kyosei(as: admin, ["staff", "add", login, "--role", role, "--team", "counter"] + db)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let staff = try site.kyosei(as: admin, ["staff", "list", "--json"] + db)
        #expect(staff.stdout.contains("\"login\" : \"\(caseworker)\"") && staff.stdout.contains("\"role\" : \"analyst\""))

        // A caseworker works the queue and reads residents; aggregate reports and the audit log are not theirs.
        let first = try site.kyosei(as: caseworker, ["resident", "show", "K1", "--json"] + db)
        #expect(first.status == 0, "\(first.stderr)")
        let resident = (try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])?["resident"] as? [String: Any]
        let name = try #require(resident?["name_latin"] as? String)
        let found = try site.kyosei(as: caseworker, ["resident", "find", name, "--json"] + db)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("\"reference\" : \"K1\""))
        let noted = try site.kyosei(as: caseworker, ["case", "note", caseID, "Phoned her"] + db)
        #expect(noted.status == 0, "\(noted.stderr)")
        let refusedReport = try site.kyosei(as: caseworker, ["report", "population"] + db)
        #expect(refusedReport.status == 2)
        #expect(refusedReport.stderr.contains("may not"))
        #expect(try site.kyosei(as: caseworker, ["audit", "log"] + db).status == 2)

        // An analyst gets aggregates only, and cannot open the file itself.
        let report = try site.kyosei(as: analyst, ["report", "population", "--format", "csv"] + db)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Total,"))
        #expect(try site.kyosei(as: analyst, ["resident", "show", "K1"] + db).status == 2)
        let direct = try site.accounts.run(as: analyst, "/usr/bin/sqlite3", [site.database, "SELECT name_latin FROM resident"],
                                           environment: site.environment(), in: site.folder)
        #expect(direct.status != 0)
        #expect(!direct.stdout.contains("SILVA"))
        let staffOnly = try site.kyosei(as: analyst, ["case", "open", "--person", "K1", "--title", "x"] + db)
        #expect(staffOnly.status == 2)

        // What a client sets in its own environment is not policy: the report and the audit's clock are the server's.
        let tampered = try site.kyosei(as: analyst, ["report", "population", "--format", "csv"] + db,
                                       ["KYOSEI_REPORTS_SUPPRESSION_MINIMUM": "1", "KYOSEI_NOW": "2019-04-01T00:00:00Z"])
        #expect(tampered.status == 0)
        #expect(tampered.stdout == report.stdout)
        #expect(report.stdout.split(separator: "\n").contains { $0.contains(",*") }, "small nationalities are withheld at the server's minimum")

        // A login in the socket's group that is not staff is refused, and the refusal names its uid.
        let outsider = try site.kyosei(as: stranger, ["resident", "find", name] + db)
        #expect(outsider.status == 2)
        #expect(outsider.stderr.contains("not a member of staff"))

        let log = try site.kyosei(as: admin, ["audit", "log", "--json", "--limit", "1000"] + db)
        #expect(log.status == 0, "\(log.stderr)")
        #expect(log.stdout.contains("uid=\(site.accounts.uid(stranger)!) login=\(stranger)"))
        #expect(log.stdout.contains("\"staff\" : \"\(analyst)\""))
        #expect(!log.stdout.contains("2019-"))
        #expect(try site.kyosei(as: admin, ["audit", "verify"] + db).status == 0)

        // The document is served; a request the schema refuses is a problem, and writes nothing.
        let document = try site.accounts.run(
            as: caseworker, "/usr/bin/curl", ["-s", "--unix-socket", site.socket, "http://localhost/v1/openapi.yaml"],
            environment: site.environment(), in: site.folder)
        #expect(document.stdout.hasPrefix("# Generated by Scripts/generate-api.sh"))
        let unknownField = try site.accounts.run(
            as: caseworker, "/usr/bin/curl",
            ["-s", "-w", "\n%{http_code}", "--unix-socket", site.socket, "-X", "POST", "-H", "content-type: application/json",
             "-d", #"{"text": "x", "staff": "root"}"#, "http://localhost/v1/cases/\(caseID)/notes"],
            environment: site.environment(), in: site.folder)
        #expect(unknownField.stdout.hasSuffix("\n400"))
        #expect(unknownField.stdout.contains("\"kind\":\"validation\""))
        let notes = try site.kyosei(as: caseworker, ["case", "show", caseID, "--json"] + db)
        #expect(notes.stdout.components(separatedBy: "\"kind\" : \"NOTE\"").count == 2, "only the one note")

        // SIGTERM: the server finishes, closes the database and removes its socket.
        #expect(server.stop() == 0)
        #expect(server.output.contains("the database is closed"))
        #expect(!FileManager.default.fileExists(atPath: site.socket))
        let afterwards = try site.kyosei(as: caseworker, ["resident", "find", name] + db)
        #expect(afterwards.status == 4)
        #expect(afterwards.stderr.contains("kyosei serve"))
    }

    @Test func theServerRefusesFilesOthersCouldReadOrReplace() throws {
        var site = try Site()
        defer { site.remove() }
        let db = ["--db", site.database]
        let admin = try site.accounts.add("adm")
        let created = try site.kyosei(as: site.service, ["init", "--admin", admin] + db)
        #expect(created.status == 0, "\(created.stderr)")
        var info = stat()
        #expect(stat(site.database, &info) == 0 && info.st_mode & 0o777 == 0o600 && info.st_uid == site.accounts.uid(site.service))
        // The named login is the founder; the service account that made it is staff for the night's work only.
        let staff = try KyoseiBinary().sqliteValue(at: site.database, "SELECT login || ' ' || role || ' ' || is_founder FROM staff ORDER BY login")
        #expect(staff.split(separator: "\n").map(String.init) == ["\(admin) admin 1", "\(site.service) system 0"])
        #expect(try site.kyosei(as: site.service, ["staff", "add", "somebody", "--role", "admin"] + db).status == 2)

        chmod(site.database, 0o640)
        let readable = try site.kyosei(as: site.service, ["serve"] + db)
        #expect(readable.status == 2)
        #expect(readable.stderr.contains("chmod 600"))
        chmod(site.database, 0o600)

        chmod(site.folder.path, 0o777)
        let writableFolder = try site.kyosei(as: site.service, ["serve"] + db)
        #expect(writableFolder.status == 2)
        #expect(writableFolder.stderr.contains("chmod go-w"))
        chmod(site.folder.path, 0o750)

        let other = try site.accounts.add("other")
        chown(site.database, site.accounts.uid(other)!, gid_t.max)
        let notOwned = try site.kyosei(as: site.service, ["serve"] + db)
        #expect(notOwned.status == 2)
        #expect(notOwned.stderr.contains("run `kyosei serve` as the account that owns it"))
        #expect(!FileManager.default.fileExists(atPath: site.socket))
    }
}

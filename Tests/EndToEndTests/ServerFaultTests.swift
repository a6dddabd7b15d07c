import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The server under faults: a client that stalls mid-request, and the server killed (`kill -9`)
/// while requests write. Run by the database's owner, who talks to the server through its
/// socket when it names it with --server.
@Suite(.serialized) struct ServerFaultTests {
    final class OwnServer {
        let kyosei: KyoseiBinary
        var process: Process?
        var socket: String { kyosei.databasePath + ".sock" }

        init(_ kyosei: KyoseiBinary) { self.kyosei = kyosei }

        func start() throws -> Bool {
            let process = Process()
            process.executableURL = KyoseiBinary.executable
            process.arguments = ["serve", "--config", kyosei.folder.appendingPathComponent("kyosei.json").path]
            process.environment = kyosei.environment
            process.currentDirectoryURL = kyosei.folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            self.process = process
            for _ in 0..<300 {
                if FileManager.default.fileExists(atPath: socket) && connectable() { return true }
                usleep(50_000)
            }
            return false
        }

        private func connectable() -> Bool {
            (try? kyosei.run("config", "show", "--key", "server.idle_timeout_seconds", "--server", socket).status) == 0
        }

        func kill(_ signal: Int32) {
            guard let process, process.isRunning else { return }
            Glibc.kill(process.processIdentifier, signal)
            process.waitUntilExit()
        }
    }

    static func city() throws -> KyoseiBinary {
        let kyosei = try KyoseiBinary()
        chmod(kyosei.folder.path, 0o700)
        try Data(#"{"server": {"idle_timeout_seconds": 1}}"#.utf8).write(to: kyosei.folder.appendingPathComponent("kyosei.json"))
        #expect(try kyosei.run("init").status == 0)
        #expect(try kyosei.run("resident", "add", "--name", "SILVA ANA", "--born", "1990-01-02", "--sex", "2", "--nationality", "BR").status == 0)
        #expect(try kyosei.run("case", "open", "--person", "K1", "--title", "Help").status == 0)
        return kyosei
    }

    @Test func aClientThatStallsMidRequestIsCutOffAndWritesNothing() throws {
        let kyosei = try Self.city()
        let server = OwnServer(kyosei)
        defer { server.kill(SIGTERM) }
        #expect(try server.start())
        let stalled = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            s.sendall(b'POST /v1/cases/1/notes HTTP/1.1\\r\\nHost: kyosei\\r\\nContent-Type: application/json\\r\\nContent-Length: 100\\r\\n\\r\\n{"te')
            s.settimeout(20)
            try:
                data = s.recv(65536)
                print("closed" if not data or b"HTTP/1.1 " in data else "other")
            except socket.timeout:
                print("still open")
            """, server.socket], environment: kyosei.environment)
        #expect(stalled.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "closed", "\(stalled.stderr)")
        #expect(try kyosei.sqliteValue("SELECT count(*) FROM case_event WHERE kind = 'NOTE'") == "0")
        // The server is still there for everyone else.
        #expect(try kyosei.run("case", "note", "1", "after the stall", "--server", server.socket).status == 0)
    }

    @Test func aServerKilledMidWriteLeavesEachRequestWholeOrNotAtAll() throws {
        let kyosei = try Self.city()
        let server = OwnServer(kyosei)
        defer { server.kill(SIGTERM) }
        for round in 0..<3 {
            #expect(try server.start(), "round \(round)")
            // A stream of notes from another process; the server dies under it.
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/bin/sh")
            writer.arguments = ["-c", "for i in $(seq 1 200); do \"$0\" case note 1 \"note $i\" --server \"$1\" >/dev/null 2>&1; done",
                                KyoseiBinary.executable.path, server.socket]
            writer.environment = kyosei.environment
            try writer.run()
            usleep(useconds_t(300_000 + round * 250_000))
            server.kill(SIGKILL)
            writer.terminate()
            writer.waitUntilExit()
        }
        #expect(try kyosei.sqliteValue("PRAGMA integrity_check") == "ok")
        let notes = try kyosei.sqliteValue("SELECT count(*) FROM case_event WHERE kind = 'NOTE'")
        let audited = try kyosei.sqliteValue("SELECT count(*) FROM audit_log WHERE action = 'case.note'")
        #expect(Int(notes)! > 0, "some notes were written before the first kill")
        #expect(notes == audited, "each note was written with its audit entry, or neither was")
        #expect(try kyosei.run("audit", "verify").status == 0)
    }
}

import Foundation
import Testing

/// Every command that reads people's data, run through the real binary: each leaves exactly one
/// audit entry, and the residents that entry names (in `audit_subject`, what `audit log
/// --person` reads) are exactly the residents it showed.
@Suite struct ReadAuditTests {
    @Test func everyReadLeavesOneEntryNamingItsResidents() throws {
        let kyosei = try KyoseiBinary()
        #expect(try kyosei.run("init").status == 0)
        for (name, nationality) in [("SILVA ANA", "BR"), ("TRAN AN", "VN")] {
            let added = try kyosei.run("resident", "add", "--name", name, "--born", "1990-01-01", "--sex", "2",
                                       "--nationality", nationality, "--household", "1000000001", "--relationship",
                                       name == "SILVA ANA" ? "HEAD" : "SPOUSE")
            #expect(added.status == 0, "\(added.stderr)")
        }
        let reads: [([String], Set<Int>)] = [
            (["resident", "show", "K1"], [1]),
            (["resident", "find", "TRAN"], [2]),
            (["resident", "list"], [1, 2]),
            (["resident", "history", "K2"], [2]),
            (["household", "show", "1000000001"], [1, 2]),
            (["coverage", "show", "K1"], [1]),
            (["employment", "show", "K2"], [2]),
            (["person", "language", "K1"], [1]),
            (["school", "status", "K2"], [2]),
            (["audit", "log", "--person", "K1"], [1]),
            (["case", "list"], []),
        ]
        for (command, residents) in reads {
            let before = Int(try kyosei.sqliteValue("SELECT coalesce(max(seq), 0) FROM audit_log")) ?? -1
            let result = try kyosei.run(command + ["--json"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let entries = try kyosei.sqliteValue("SELECT seq FROM audit_log WHERE seq > \(before)")
                .split(separator: "\n").map(String.init)
            #expect(entries.count == 1, "\(command) left \(entries.count) audit entries")
            guard let seq = entries.first else { continue }
            let named = Set(try kyosei.sqliteValue("SELECT resident_id FROM audit_subject WHERE seq = \(seq)")
                .split(separator: "\n").compactMap { Int($0) })
            #expect(named == residents, "\(command) named \(named.sorted())")
        }
        #expect(try kyosei.run("audit", "verify").status == 0)
    }
}

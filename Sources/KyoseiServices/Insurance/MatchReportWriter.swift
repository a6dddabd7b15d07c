import Foundation
import GRDB
import KyoseiIntake
import KyoseiStore

#if canImport(Glibc)
import Glibc
#endif

/// The `--match-report` CSV: one row per roster row, `member_number,outcome,person_id,score`.
/// It names residents, so it is created readable by its owner only, written to a temporary
/// name and kept only if the import commits.
final class MatchReportWriter {
    private let path: String
    private let temporary: String
    private let handle: FileHandle

    init(path: String) throws {
        self.path = path
        temporary = path + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServiceError.usage("Cannot write the match report \(path): \(String(cString: strerror(errno))).")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data((CSVWriter.record(["member_number", "outcome", "person_id", "score"]) + "\r\n").utf8))
    }

    func write(member: InsuranceMemberRecord, in db: Database) throws {
        let personID = try member.residentID.flatMap {
            try String.fetchOne(db, sql: "SELECT person_id FROM resident WHERE id = ?", arguments: [$0])
        } ?? ""
        let score = member.matchScore.map { String(format: "%.2f", $0) } ?? ""
        try handle.write(contentsOf: Data((CSVWriter.record([member.memberNumber, member.matchOutcome, personID, score]) + "\r\n").utf8))
    }

    func finish(keep: Bool) throws {
        try handle.close()
        if keep {
            _ = rename(temporary, path)
        } else {
            unlink(temporary)
        }
    }
}

import Foundation
import KyoseiIntake

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
    private var buffer: [UInt8] = []

    init(path: String) throws {
        self.path = path
        temporary = path + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServiceError.usage("Cannot write the match report \(path): \(String(cString: strerror(errno))).")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer += Array((CSVWriter.record(["member_number", "outcome", "person_id", "score"]) + "\r\n").utf8)
    }

    func write(memberNumber: String, outcome: String, personID: String?, score: Double?) throws {
        let score = score.map { String(format: "%.2f", $0) } ?? ""
        buffer += (CSVWriter.record([memberNumber, outcome, personID ?? "", score]) + "\r\n").utf8
        if buffer.count >= 1 << 20 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func finish(keep: Bool) throws {
        try handle.write(contentsOf: buffer)
        try handle.close()
        if keep {
            _ = rename(temporary, path)
        } else {
            unlink(temporary)
        }
    }
}

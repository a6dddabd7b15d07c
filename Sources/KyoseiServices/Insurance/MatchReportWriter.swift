import Foundation
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

#if canImport(Glibc)
import Glibc
#endif

/// The `--match-report` CSV: one row per roster row, `member_number,outcome,person_id,score`,
/// then why: the review it went to (`R12`, as the review desk names it), the comparison with the
/// best candidate and with the runner-up (each field's level and weight, the name part by part),
/// and where the weights came from. Members already linked carry no comparison.
/// It names residents, so it is created readable by its owner only (never through a file or a
/// link already at its temporary name), written to that name and kept only if the import commits.
/// The member number is the partner's text, so it goes out neutralised for spreadsheets.
final class MatchReportWriter {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        self.path = path
        temporary = path + ".partial"
        do {
            handle = try PrivateFileMode.ownerOnly.createForWriting(temporary)
        } catch let error as PrivateFileError {
            throw ServiceError.usage("Cannot write the match report \(path): \(error.description)")
        }
        CSVWriter.append(cells: ["member_number", "outcome", "person_id", "score", "review_id", "best", "runner_up", "weights"]
            .map(SpreadsheetCell.text), to: &buffer)
        buffer += [0x0D, 0x0A]
    }

    /// A row's line; `why` is its explanation as `why(_:)` wrote it.
    func write(memberNumber: String, outcome: String, personID: String?, score: Double?, review: ReviewID?,
               why: [UInt8]) throws {
        let cells: [SpreadsheetCell] = [
            .text(memberNumber), .text(outcome), .text(personID ?? ""), .computed(score.map { FixedPoint.text($0, places: 2) } ?? ""),
            .text(review?.description ?? ""),
        ]
        CSVWriter.append(cells: cells, to: &buffer)
        buffer.append(0x2C)
        buffer += why
        buffer += [0x0D, 0x0A]
        if buffer.count >= 1 << 20 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// The cells that explain a row (the best candidate, the runner-up, where the weights came
    /// from), written apart from the rest of its line so that an import can write them for a
    /// batch of rows on every core (`Resolution.explainAll`).
    static func why(_ explanation: MatchExplanation?) -> [UInt8] {
        var cells: [UInt8] = [], text: [UInt8] = []
        cells.reserveCapacity(512)
        for candidate in [explanation?.best, explanation?.runnerUp] {
            text.removeAll(keepingCapacity: true)
            candidate?.appendSummary(to: &text)
            text.withUnsafeBufferPointer { CSVWriter.append(text: $0, to: &cells) }
            cells.append(UInt8(ascii: ","))
        }
        var parameters = explanation?.parameters ?? ""
        parameters.withUTF8 { CSVWriter.append(text: $0, to: &cells) }
        return cells
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

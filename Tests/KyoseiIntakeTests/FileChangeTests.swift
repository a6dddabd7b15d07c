import Foundation
@testable import KyoseiIntake
import Testing

/// The pipeline reads a file twice; a file that changes in between (a transfer still running)
/// must be refused, or the rows parsed would not be the bytes that were hashed.
@Suite struct FileChangeTests {
    @Test func aFileThatGrowsBetweenThePassesIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("EMP-2026-05-01.csv", text: "a,b\n1,2\n")
        let scan = try FileScan.scan(path: path)
        try folder.write("EMP-2026-05-01.csv", text: "a,b\n1,2\n3,4\n")
        let stream = try DecodedChunkStream(
            path: path, fileName: scan.fileName, encoding: scan.encoding, chunkSize: 4, expected: scan.stamp)
        let error = #expect(throws: IntakeError.self) {
            while try stream.next() != nil {}
        }
        #expect(error?.description == "EMP-2026-05-01.csv: changed while it was being read; try again once the transfer has finished")
    }
}

import Foundation
import Testing

/// A command's output file is one it creates: a link or a file already at the name (planted by
/// another user to collect what Kyosei writes) is refused, and what it points to gets nothing.
@Suite struct OutputFileTests {
    @Test func aPlantedLinkOrAnExistingFileIsRefusedAndReceivesNothing() throws {
        let kyosei = try KyoseiBinary()
        #expect(try kyosei.run("init").status == 0)
        let report = kyosei.folder.appendingPathComponent("population.csv").path
        let collected = kyosei.folder.appendingPathComponent("collected.csv").path
        try FileManager.default.createSymbolicLink(atPath: report, withDestinationPath: collected)
        let arguments = ["report", "population", "--by", "district", "--format", "csv", "--out", report]
        let planted = try kyosei.run(arguments)
        #expect(planted.status == 1)
        #expect(planted.stderr.contains("a file or a link is already there"), "\(planted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: collected))

        try FileManager.default.removeItem(atPath: report)
        #expect(try kyosei.run(arguments).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: report)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let written = try Data(contentsOf: URL(fileURLWithPath: report))
        #expect(try kyosei.run(arguments).status == 1, "an existing report is not overwritten")
        #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == written)
    }
}

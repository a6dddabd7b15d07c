import Foundation

/// What `SampleCity.writeDemoInbox` put in the inbox, in the order the nightly job should
/// meet the files, with what it should make of each.
public struct DemoInboxSummary: Sendable, CustomStringConvertible {
    public let directory: URL
    public let files: [WrittenRegisterFile]

    public var description: String {
        files.map { file in
            let lines = file.rejectLines.isEmpty ? "" : " (reject lines \(file.rejectLines.map(String.init).joined(separator: ", ")))"
            return "\(file.fileName): \(file.manifest.kind.rawValue) #\(file.manifest.sequence), "
                + "\(file.manifest.rowCount) rows, \(file.expectedOutcome)\(lines)"
        }.joined(separator: "\n")
    }
}

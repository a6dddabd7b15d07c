import Foundation

/// Folders for the files tests write (databases, rosters, backups): one folder per test process
/// under the system's temporary folder, removed when the process exits, with a fresh folder per
/// test inside it so tests run in parallel without meeting. Removing each test's folder when its
/// owner goes away would race the owner's last use (Swift may end a value's life before its
/// scope does, with a database still open in it); left in place, every run of the suite kept
/// about 3,500 databases, 13 GB, in `/tmp`.
public enum TestFolder {
    /// A new, empty folder named `prefix` and a UUID.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's folder, created once, with its removal at exit registered then.
    private static let root: URL = {
        let url = URL(fileURLWithPath: rootPath)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestFolder.rootPath) }
        return url
    }()

    private static let rootPath = FileManager.default.temporaryDirectory.appendingPathComponent("kyosei-tests-\(getpid())").path
}

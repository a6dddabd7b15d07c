import Foundation

/// Where an inbox run puts the files it applied: into the archive folder, replacing a file of
/// the same name there (the same file applied again is a no-op, so its copy is the same).
enum InboxArchive {
    static func move(_ paths: [String], to archive: String) throws {
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        for file in paths {
            let target = (archive as NSString).appendingPathComponent((file as NSString).lastPathComponent)
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.moveItem(atPath: file, toPath: target)
        }
    }
}
